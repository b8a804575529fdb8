// DuckDB peer of solieu's side-by-side analytics benchmark (bench/peer_bench.sh, issue 8): loads
// DIR/analytics.csv (SYNTHETIC data from `solieu generate`) into an in-memory table and runs the
// five queries of DIR/results/queries.json through prepared statements.
// Usage: node bench/peers/duckdb_bench.mjs --data DIR
// Writes DIR/results/duckdb.json and DIR/results/duckdb-q1.csv ... duckdb-q5.csv.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, version as duckdbVersion } from '@duckdb/node-api';
import {
  makeLogger, parseArgs, progressMs, readQueries, round3, selfPeakRss, timeQuery, writeAnswer, writeReport,
} from './common.mjs';

const log = makeLogger('duckdb');
const args = parseArgs(process.argv.slice(2), 'usage: node duckdb_bench.mjs --data DIR');
if (!args.data) {
  console.error('usage: node duckdb_bench.mjs --data DIR');
  process.exit(2);
}
const dataDir = path.resolve(args.data);
const resultsDir = path.join(dataDir, 'results');
const csvFile = path.join(dataDir, 'analytics.csv');
if (!fs.existsSync(csvFile)) throw new Error(`no ${csvFile}`);
const q = readQueries(resultsDir);

// The same column types for every peer: the value as a double (as DHIS2's analytics tables
// have it), the period as text (DHIS2 period ids such as 202103), the year as an integer.
const COLUMNS = {
  value: 'DOUBLE', dataelement: 'VARCHAR', categoryoptioncombo: 'VARCHAR', period: 'VARCHAR',
  monthstart: 'DATE', year: 'INTEGER', facility: 'VARCHAR', commune: 'VARCHAR', province: 'VARCHAR',
};

// Default settings: DuckDB uses every core (threads = nproc) and up to 80 % of memory.
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const threads = (await (await con.runAndReadAll("SELECT current_setting('threads')")).getRows())[0][0];
// The progress bar must be on for the connection's progress to be tracked; its printing is off
// (it writes to a terminal we may not have).
await con.run('SET enable_progress_bar = true');
await con.run('SET enable_progress_bar_print = false');

// ---- load -----------------------------------------------------------------------------------------
const columnsSql = Object.entries(COLUMNS).map(([k, t]) => `'${k}': '${t}'`).join(', ');
const sqlPath = csvFile.replaceAll("'", "''");
const loadSql = `CREATE TABLE analytics AS SELECT * FROM read_csv('${sqlPath}', header = true, ` +
  `auto_detect = false, delim = ',', quote = '"', columns = {${columnsSql}})`;
log(`loading ${csvFile} (${(fs.statSync(csvFile).size / 1e9).toFixed(2)} GB) with ${threads} threads`);
const loadStart = process.hrtime.bigint();
const ticker = setInterval(() => {
  const secs = Number(process.hrtime.bigint() - loadStart) / 1e9;
  let pct = '';
  try {
    const p = con.progress;
    if (p && p.percentage >= 0) pct = `, ${p.percentage.toFixed(1)} % of the file read`;
  } catch {
    // progress is best effort: a failure to read it must not stop the load
  }
  log(`loading: ${secs.toFixed(0)} s${pct}`);
}, progressMs());
try {
  await con.run(loadSql);
} finally {
  clearInterval(ticker);
}
const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;
const rowsLoaded = Number((await (await con.runAndReadAll('SELECT count(*) FROM analytics')).getRows())[0][0]);
log(`loaded ${rowsLoaded} rows in ${loadSeconds.toFixed(2)} s`);

// An in-memory database has no file; the size of its blocks is the nearest thing to storage.
let storageBytes = null;
let memoryUsage = 'unknown';
try {
  const r = await (await con.runAndReadAll('PRAGMA database_size')).getRowObjectsJS();
  const blocks = Number(r[0].used_blocks) * Number(r[0].block_size);
  if (blocks > 0) storageBytes = blocks;
  memoryUsage = String(r[0].memory_usage);
  log(`database_size: ${JSON.stringify(r[0], (k, v) => (typeof v === 'bigint' ? Number(v) : v))}`);
} catch (e) {
  log(`database_size not available: ${e.message}`);
}

// ---- queries --------------------------------------------------------------------------------------
const q3In = q.q3.dataelements.map((_, i) => `$${i + 1}`).join(', ');
const n3 = q.q3.dataelements.length;
const QUERIES = {
  q1: {
    sql: 'SELECT province, period, SUM(value) FROM analytics WHERE dataelement = $1 GROUP BY province, period',
    params: [q.q1.dataelement],
  },
  q2: {
    sql: 'SELECT commune, period, SUM(value) FROM analytics WHERE dataelement = $1 GROUP BY commune, period',
    params: [q.q2.dataelement],
  },
  q3: {
    sql: `SELECT dataelement, province, year, SUM(value) FROM analytics WHERE dataelement IN (${q3In}) ` +
      `AND year BETWEEN $${n3 + 1} AND $${n3 + 2} GROUP BY dataelement, province, year`,
    params: [...q.q3.dataelements, Math.min(...q.q3.years), Math.max(...q.q3.years)],
  },
  q4: {
    sql: 'SELECT dataelement, period, SUM(value) FROM analytics WHERE commune = $1 GROUP BY dataelement, period',
    params: [q.q4.commune],
  },
  q5: {
    sql: 'SELECT categoryoptioncombo, province, period, SUM(value) FROM analytics ' +
      'WHERE dataelement = $1 AND year = $2 GROUP BY categoryoptioncombo, province, period',
    params: [q.q5.dataelement, q.q5.year],
  },
};

const results = [];
for (const [name, { sql, params }] of Object.entries(QUERIES)) {
  const stmt = await con.prepare(sql);
  // Bound by type explicitly: bind() would guess from the JS value, and a year as a double would
  // compare an INTEGER column with a DOUBLE parameter.
  params.forEach((v, i) => {
    if (typeof v === 'string') stmt.bindVarchar(i + 1, v);
    else stmt.bindInteger(i + 1, v);
  });
  // Timed: executing and turning every row into JavaScript values, as a client would.
  const { result, rows } = await timeQuery(name, q, async () => (await stmt.runAndReadAll()).getRows(), log);
  writeAnswer(resultsDir, 'duckdb', name, rows);
  results.push(result);
  stmt.destroySync();
}

const peak = selfPeakRss();
const version = duckdbVersion().replace(/^v/, '');
const report = {
  peer: 'duckdb',
  version,
  values: rowsLoaded,
  load_seconds: round3(loadSeconds),
  peak_rss_bytes: peak,
  storage_bytes: storageBytes,
  notes: `DuckDB ${version} through @duckdb/node-api in node ${process.version}; in-memory ` +
    `database, default settings (threads = ${threads}, all cores); load = CREATE TABLE AS SELECT ` +
    'from read_csv with explicit column types; queries are prepared statements with bound ' +
    'parameters, timed from execute until every row is a JavaScript value; peak memory is the ' +
    'node process\'s VmHWM (DuckDB runs inside it); storage is PRAGMA database_size\'s ' +
    'used_blocks x block_size (in-memory blocks), null if it reports none; ' +
    `its buffer manager held ${memoryUsage} after the load.`,
  queries: results,
};
log(`wrote ${writeReport(resultsDir, 'duckdb', report)} (peak RSS ${(peak / 2 ** 30).toFixed(2)} GiB)`);
con.closeSync();
instance.closeSync();
