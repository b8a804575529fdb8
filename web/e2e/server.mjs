// End-to-end helper: a real `solieu serve` on a free loopback port over a copy of a freshly made
// demo store, serving the built app (web/dist); and a headless Debian Chromium driven by
// playwright-core. The demo store is made once per test run (shared by the test files of one
// `node --test` run through a lock directory) and copied for each server, so tests never see
// each other's writes.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
export const screenshots = path.join(here, 'screenshots');
const bin = path.resolve(repo, process.env.SOLIEU_BIN ?? 'build/solieu');
const webDir = path.join(repo, 'web/dist');

export const USERS = {
  admin: 'quantri@DienBien',
  thongke: 'thongke@DienBien',
  'tyt.muongphang': 'muongphang@DienBien',
  xem: 'xem@DienBien',
};

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** The demo store of this test run: made by the first test file that needs it. */
async function demoStore() {
  const stat = fs.statSync(bin);
  // One store per `node --test` run (the runner is every test file's parent) and binary.
  const key = `${process.env.SOLIEU_E2E_RUN ?? process.ppid}-${stat.size}-${Math.round(stat.mtimeMs)}`;
  const dir = path.join(os.tmpdir(), `solieu-e2e-${key}`);
  const store = path.join(dir, 'demo.db');
  const done = path.join(dir, 'done');
  const lock = `${dir}.lock`;
  for (;;) {
    if (fs.existsSync(done)) return store;
    try {
      fs.mkdirSync(lock);
    } catch {
      await sleep(500);
      continue;
    }
    try {
      if (!fs.existsSync(done)) {
        // Stores of earlier runs (72 MB each) are removed once they are an hour old.
        for (const name of fs.readdirSync(os.tmpdir())) {
          const old = path.join(os.tmpdir(), name);
          if (/^solieu-e2e-\d+-/.test(name) && old !== dir && Date.now() - fs.statSync(old).mtimeMs > 3600e3) {
            fs.rmSync(old, { recursive: true, force: true });
          }
        }
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        execFileSync(
          bin,
          ['demo', '--store', store, '--config', path.join(repo, 'config/dien-bien'), '--demo', path.join(repo, 'demo/dien-bien')],
          { stdio: 'ignore' },
        );
        fs.writeFileSync(done, '');
      }
    } finally {
      fs.rmdirSync(lock);
    }
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts solieu on a copy of the demo store; resolves once /api/health answers. */
export async function startServer() {
  if (!fs.existsSync(path.join(webDir, 'index.html'))) {
    throw new Error(`web/dist is not built: run "npm run build" in web/ first`);
  }
  const source = await demoStore();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'solieu-e2e-run-'));
  const store = path.join(dir, 'solieu.db');
  fs.copyFileSync(source, store);
  const port = await freePort();
  const log = fs.openSync(path.join(dir, 'server.log'), 'w');
  const child = spawn(
    bin,
    ['serve', '--store', store, '--listen', `127.0.0.1:${port}`, '--web', webDir, '--surveillance-hours', '0'],
    { stdio: ['ignore', log, log], cwd: repo },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`solieu serve exited (${child.exitCode}); log: ${dir}/server.log`);
    }
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('solieu serve did not answer /api/health in 60 s');
    await sleep(200);
  }
  return {
    url,
    dir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true });
}

/** Signs in through the page's form and waits for the header to show the user. */
export async function signIn(page, url, username) {
  await page.goto(url + '/');
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/Mật khẩu|Password/).fill(USERS[username]);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await page.locator('#who .user', { hasText: username }).waitFor();
}

/** Calls the API from inside the page (its session cookie), with the CSRF token for writes. */
export async function apiFromPage(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/me')).json();
      const r = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken ?? '' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      let json = null;
      try {
        json = JSON.parse(text);
      } catch {}
      return { status: r.status, json };
    },
    { method, path, body },
  );
}

export async function screenshot(page, name) {
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/** Names of the entries in a zip file's central directory (enough to check a .docx/.xlsx). */
export function zipEntries(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end-of-central-directory record');
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const nameLen = buffer.readUInt16LE(at + 28);
    const extraLen = buffer.readUInt16LE(at + 30);
    const commentLen = buffer.readUInt16LE(at + 32);
    names.push(buffer.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** The uncompressed bytes of one entry of a zip file (stored or deflated), or null. */
export function zipRead(buffer, wanted) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLen = buffer.readUInt16LE(at + 28);
    const extraLen = buffer.readUInt16LE(at + 30);
    const commentLen = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLen);
    if (name === wanted) {
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
      const data = buffer.subarray(start, start + size);
      return method === 0 ? data : zlib.inflateRawSync(data);
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}
