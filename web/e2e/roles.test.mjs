// Signing in as each demo role: the header names the user, the role and the bound unit; each role
// sees the pages it may use; the language toggle switches to English and is remembered; every
// form control on the sign-in page and the first pages is labelled.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, screenshot, signIn, startServer } from './server.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Controls without a label (a <label for>, a wrapping label, aria-label or aria-labelledby). */
async function unlabelled(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
      .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

const ROLES = [
  { user: 'admin', role: 'Quản trị hệ thống', unit: 'Tỉnh Điện Biên', home: 'Tổng quan', entry: false },
  { user: 'thongke', role: 'Quản lý số liệu tỉnh', unit: 'Tỉnh Điện Biên', home: 'Tổng quan', entry: true },
  { user: 'tyt.muongphang', role: 'Cán bộ nhập số liệu', unit: 'Trạm Y tế xã Mường Phăng', home: 'Nhập số liệu', entry: true },
  { user: 'xem', role: 'Người xem', unit: 'Tỉnh Điện Biên', home: 'Tổng quan', entry: false },
];

for (const r of ROLES) {
  test(`sign in as ${r.user}: header shows user, role and unit; nav fits the role`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + '/');
    assert.deepEqual(await unlabelled(page), [], 'sign-in controls are labelled');
    await signIn(page, server.url, r.user);
    const who = await page.locator('#who').innerText();
    assert.match(who, new RegExp(r.role));
    assert.match(who, new RegExp(r.unit));
    await page.locator('h1', { hasText: r.home }).waitFor();
    const nav = await page.locator('nav').innerText();
    assert.equal(nav.includes('Nhập số liệu'), r.entry, `entry page offered to ${r.user}: ${r.entry}`);
    assert.deepEqual(await unlabelled(page), [], 'controls of the first page are labelled');
    await screenshot(page, `role-${r.user}`);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    // The session is gone on the server too.
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    assert.equal(me, 401);
    await context.close();
  });
}

test('a wrong password shows the server reason in Vietnamese', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + '/');
  await page.getByLabel('Tên đăng nhập').fill('xem');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByLabel('Mật khẩu').press('Enter');
  const error = page.locator('#login-error').filter({ hasText: /\S/ });
  await error.waitFor();
  const message = await error.innerText();
  assert.match(message, /[àáảãạăâđêôơư]/i, `a Vietnamese message: ${message}`);
  await screenshot(page, 'login-refused');
  await page.close();
});

test('the English toggle switches the UI and is remembered after a reload', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.url, 'xem');
  await page.locator('#lang-toggle').click();
  await page.locator('nav', { hasText: 'Dashboard' }).waitFor();
  await page.reload();
  await page.locator('nav', { hasText: 'Dashboard' }).waitFor();
  assert.match(await page.locator('#who').innerText(), /Viewer/);
  await screenshot(page, 'english');
  await page.locator('#lang-toggle').click();
  await page.locator('nav', { hasText: 'Tổng quan' }).waitFor();
  await context.close();
});
