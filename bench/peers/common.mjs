// What the DuckDB and PostgreSQL peers of bench/peer_bench.sh share: the five queries' parameters,
// timing, and the result files. solieu_peer_bench writes the same files, so summarize.mjs can diff
// the three answers line by line.
import fs from 'node:fs';
import path from 'node:path';

export const QUERY_NAMES = ['q1', 'q2', 'q3', 'q4', 'q5'];

// queries.json is written by solieu_peer_bench before the peers run: every peer reads the same
// uids from it so that no peer picks easier parameters than another.
export function readQueries(resultsDir) {
  const file = path.join(resultsDir, 'queries.json');
  const q = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const name of QUERY_NAMES) {
    if (!q[name]) throw new Error(`${file}: no "${name}"`);
  }
  if (!Array.isArray(q.q3.dataelements) || q.q3.dataelements.length === 0 ||
      !Array.isArray(q.q3.years) || q.q3.years.length === 0) {
    throw new Error(`${file}: q3 needs "dataelements" and "years" lists`);
  }
  q.warmup = Number.isInteger(q.warmup) ? q.warmup : 1;
  q.runs = Number.isInteger(q.runs) && q.runs > 0 ? q.runs : 5;
  return q;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

// Runs `once` (which must execute the query and fetch every row) warmup + runs times and keeps
// the rows of the last timed run for the answer file.
export async function timeQuery(name, q, once, log) {
  for (let i = 0; i < q.warmup; ++i) await once();
  const runsMs = [];
  let rows = null;
  for (let i = 0; i < q.runs; ++i) {
    const t0 = process.hrtime.bigint();
    rows = await once();
    runsMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const result = {
    name, cells: rows.length, runs_ms: runsMs.map((ms) => round3(ms)),
    median_ms: round3(median(runsMs)),
  };
  log(`${name}: ${result.cells} cells, runs ${result.runs_ms.join(' ')} ms, median ${result.median_ms} ms`);
  return { result, rows };
}

export function round3(x) {
  return Math.round(x * 1000) / 1000;
}

// One line per cell: the keys as returned, then the sum as an integer. A sum of integer values
// that comes back fractional means a wrong load or a wrong type, and would make the diff lie, so
// it stops the run.
export function writeAnswer(resultsDir, peer, name, rows) {
  const lines = rows.map((row) => {
    const sum = row[row.length - 1];
    const n = typeof sum === 'bigint' ? sum : Number(sum);
    if (typeof n !== 'bigint' && !Number.isInteger(n)) {
      throw new Error(`${peer} ${name}: sum ${sum} of row ${JSON.stringify(row)} is not an integer`);
    }
    const keys = row.slice(0, -1).map((k) => String(k));
    return [...keys, BigInt(n).toString()].join(',');
  });
  // Bytewise order (LC_ALL=C sort), which is what the other peers' files use; JavaScript's own
  // string order is by UTF-16 unit and would differ from it on non-ASCII keys.
  const bufs = lines.map((l) => Buffer.from(l, 'utf8'));
  bufs.sort(Buffer.compare);
  const text = bufs.map((b) => b.toString('utf8')).join('\n') + (bufs.length ? '\n' : '');
  fs.writeFileSync(path.join(resultsDir, `${peer}-${name}.csv`), text);
}

export function writeReport(resultsDir, peer, report) {
  const file = path.join(resultsDir, `${peer}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}

// Peak resident set of this process (VmHWM), in bytes.
export function selfPeakRss() {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : null;
}

// How often a load prints its progress: every 10 s, or PEER_BENCH_PROGRESS_SECONDS (to see it at
// small sizes, where a load is over in a second).
export function progressMs() {
  const s = Number(process.env.PEER_BENCH_PROGRESS_SECONDS);
  return s > 0 ? s * 1000 : 10000;
}

export function makeLogger(peer) {
  const start = Date.now();
  return (msg) => {
    const s = ((Date.now() - start) / 1000).toFixed(1);
    console.log(`${peer} [${s}s] ${msg}`);
  };
}

export function parseArgs(argv, usage) {
  const args = {};
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (!a.startsWith('--') || i + 1 >= argv.length) {
      console.error(usage);
      process.exit(2);
    }
    args[a.slice(2)] = argv[++i];
  }
  return args;
}
