// Side-by-side summary of bench/peer_bench.sh (issue 8): checks that the peers gave the same
// answers (their q1..q5 CSVs, diffed against solieu's) and prints a markdown table of load time,
// peak memory, storage and query medians, with each peer's ratio to solieu.
// Usage: node bench/peers/summarize.mjs DIR/results
// Prints the table and writes it to DIR/results/summary.md; exits 1 if any answer differs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QUERY_NAMES } from './common.mjs';

const resultsDir = process.argv[2];
if (!resultsDir || process.argv.length > 3) {
  console.error('usage: node summarize.mjs DIR/results');
  process.exit(2);
}

const PEERS = [
  { id: 'solieu', label: 'solieu' },
  { id: 'duckdb', label: 'DuckDB' },
  { id: 'postgres', label: 'PostgreSQL' },
];
const QUERY_LABELS = {
  q1: '1 element × 34 provinces × 60 months',
  q2: '1 element × 3,321 communes × 60 months',
  q3: '20 elements × 34 provinces × 5 years',
  q4: "one commune's full profile",
  q5: 'pivot with disaggregation',
};

const reports = {};
for (const { id } of PEERS) {
  const file = path.join(resultsDir, `${id}.json`);
  if (fs.existsSync(file)) reports[id] = JSON.parse(fs.readFileSync(file, 'utf8'));
}
const ran = PEERS.filter((p) => reports[p.id]);
if (ran.length === 0) {
  console.error(`no solieu.json, duckdb.json or postgres.json in ${resultsDir}`);
  process.exit(1);
}

// ---- same answers? --------------------------------------------------------------------------------
// Against solieu's files; without solieu, against the first peer that ran, so that the two others
// are still checked against each other.
const reference = ran[0];
const answerLines = [];
let differs = false;
for (const other of ran.slice(1)) {
  for (const name of QUERY_NAMES) {
    const fa = path.join(resultsDir, `${reference.id}-${name}.csv`);
    const fb = path.join(resultsDir, `${other.id}-${name}.csv`);
    if (!fs.existsSync(fa) || !fs.existsSync(fb)) {
      differs = true;
      answerLines.push(`${name}: ${fs.existsSync(fa) ? fb : fa} is missing`);
      continue;
    }
    const a = fs.readFileSync(fa, 'utf8').split('\n');
    const b = fs.readFileSync(fb, 'utf8').split('\n');
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; ++i) {
      if (a[i] !== b[i]) {
        differs = true;
        answerLines.push(`${name}: ${other.label} differs from ${reference.label} at line ${i + 1}: ` +
          `${reference.label} "${a[i] ?? '(end of file)'}", ${other.label} "${b[i] ?? '(end of file)'}"`);
        break;
      }
    }
  }
}
if (ran.length < 2) {
  answerLines.push(`only ${reference.label} ran: no answers to compare`);
} else if (!differs) {
  answerLines.push(`same answers: ${ran.map((p) => p.label).join(', ')} agree on ${QUERY_NAMES.join(', ')} ` +
    `(diffed against ${reference.label})`);
}

// ---- the table ------------------------------------------------------------------------------------
const fmt = (x, digits) => (x === null || x === undefined ? '–' : Number(x).toFixed(digits));
const gb = (bytes) => (bytes === null || bytes === undefined ? '–' : (bytes / 1e9).toFixed(2));
function ratio(x, base) {
  if (x === null || x === undefined || !base) return '–';
  const r = x / base;
  // x.x× as asked, but a ratio under 0.1 would print as 0.0×, so it keeps two significant digits.
  return `${r >= 0.1 ? r.toFixed(1) : r.toPrecision(2)}×`;
}

const rows = [
  { label: 'load time (s)', get: (r) => r.load_seconds, show: (x) => fmt(x, 1) },
  { label: 'peak memory (GB)', get: (r) => r.peak_rss_bytes, show: gb },
  {
    label: 'storage (GB)', get: (r) => r.storage_bytes,
    show: (x) => (x === null || x === undefined ? 'in memory' : gb(x)),
  },
];
for (const name of QUERY_NAMES) {
  const cells = ran.map((p) => reports[p.id].queries?.find((q) => q.name === name)?.cells)
    .find((c) => c !== undefined);
  rows.push({
    label: `${name} median (ms): ${QUERY_LABELS[name]}${cells !== undefined ? `, ${cells} cells` : ''}`,
    get: (r) => r.queries?.find((q) => q.name === name)?.median_ms,
    show: (x) => fmt(x, x !== undefined && x !== null && x < 10 ? 2 : 1),
  });
}

const lines = [];
const cpu = (/^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8')) || [])[1] || 'unknown CPU';
let values = ran.map((p) => reports[p.id].values).find((v) => v !== undefined);
try {
  values = JSON.parse(fs.readFileSync(path.join(resultsDir, 'queries.json'), 'utf8')).values ?? values;
} catch {
  // no queries.json: the peers' own row counts will do
}
lines.push(`N = ${Number(values).toLocaleString('en-US')} SYNTHETIC values; ${new Date().toISOString().slice(0, 10)}; ` +
  `${os.availableParallelism()} cores (nproc), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${cpu}`);
lines.push(`versions: ${ran.map((p) => `${p.label} ${reports[p.id].version ?? '?'}`).join(', ')}`);
lines.push('');
const header = ['', ...PEERS.map((p) => p.label), 'DuckDB/solieu', 'PostgreSQL/solieu'];
lines.push(`| ${header.join(' | ')} |`);
lines.push(`| --- | ${header.slice(1).map(() => '---:').join(' | ')} |`);
for (const row of rows) {
  const cells = PEERS.map((p) => (reports[p.id] ? row.show(row.get(reports[p.id])) : 'not run'));
  const base = reports.solieu ? row.get(reports.solieu) : undefined;
  for (const id of ['duckdb', 'postgres']) {
    cells.push(reports[id] && reports.solieu ? ratio(row.get(reports[id]), base) : '–');
  }
  lines.push(`| ${row.label} | ${cells.join(' | ')} |`);
}
lines.push('');
lines.push('Ratios: the peer\'s figure divided by solieu\'s (above 1×: the peer takes longer or holds more).');
for (const l of answerLines) lines.push(l);

const text = lines.join('\n') + '\n';
process.stdout.write(text);
fs.writeFileSync(path.join(resultsDir, 'summary.md'), text);
if (differs) {
  console.error('ANSWERS DIFFER: see above');
  process.exit(1);
}
