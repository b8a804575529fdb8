// PostgreSQL peer of solieu's side-by-side analytics benchmark (bench/peer_bench.sh, issue 8): the
// analytics-table approach DHIS2 uses (one flat denormalised table, a B-tree index on each
// dimension it filters on, GROUP BY). COPYs DIR/analytics.csv (SYNTHETIC data from `solieu
// generate`) into a running cluster that bench/peer_bench.sh started, indexes and analyses it,
// then runs the five queries of DIR/results/queries.json through prepared statements.
// Usage: node bench/peers/postgres_bench.mjs --data DIR --pgdata PGDATA --port PORT [--user U] [--db D]
// Writes DIR/results/postgres.json and DIR/results/postgres-q1.csv ... postgres-q5.csv.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import {
  makeLogger, parseArgs, progressMs, readQueries, round3, timeQuery, writeAnswer, writeReport,
} from './common.mjs';

const USAGE = 'usage: node postgres_bench.mjs --data DIR --pgdata PGDATA --port PORT [--user U] [--db D]';
const log = makeLogger('postgres');
const args = parseArgs(process.argv.slice(2), USAGE);
if (!args.data || !args.pgdata || !args.port) {
  console.error(USAGE);
  process.exit(2);
}
const dataDir = path.resolve(args.data);
const resultsDir = path.join(dataDir, 'results');
const csvFile = path.join(dataDir, 'analytics.csv');
if (!fs.existsSync(csvFile)) throw new Error(`no ${csvFile}`);
const q = readQueries(resultsDir);

// ---- memory of the whole cluster --------------------------------------------------------------------
// Sum of PSS over the server's processes, sampled from a worker thread (see pss_sampler.mjs).
const SAMPLE_MS = 250;
const SAMPLER_SHARE = 0.1; // at most a tenth of a core
const postmasterPid = Number(fs.readFileSync(path.join(args.pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
let sampler = null;
function startSampler() {
  sampler = new Worker(new URL('./pss_sampler.mjs', import.meta.url), {
    workerData: { postmasterPid, intervalMs: SAMPLE_MS, maxShare: SAMPLER_SHARE },
  });
  sampler.on('error', (e) => {
    console.error(`postgres: memory sampler failed: ${e.stack || e}`);
    process.exit(1);
  });
}
function stopSampler() {
  return new Promise((resolve) => {
    sampler.once('message', resolve);
    sampler.postMessage('stop');
  });
}

// ---- connections ------------------------------------------------------------------------------------
const connection = {
  host: '127.0.0.1', port: Number(args.port), user: args.user || 'solieu', database: args.db || 'postgres',
};
const client = new pg.Client(connection);
await client.connect();
// A second connection watches the COPY (pg_stat_progress_copy) while the first is busy with it.
const watcher = new pg.Client(connection);
await watcher.connect();

// DHIS2 sends its analytics SQL with the values written in, so every query is planned for its
// own values. A prepared statement would switch to a generic plan after five executions (plan
// cache "auto"), which for q3 here is several times slower and would land on the last timed run
// only when warmup + runs > 5: forcing custom plans keeps the bound parameters and plans as DHIS2's
// queries are planned.
await client.query('SET plan_cache_mode = force_custom_plan');
const version = (await client.query('SHOW server_version')).rows[0].server_version.split(' ')[0];
const SETTINGS = [
  'shared_buffers', 'work_mem', 'maintenance_work_mem', 'effective_cache_size',
  'max_parallel_workers_per_gather', 'max_parallel_maintenance_workers', 'max_worker_processes',
  'jit', 'fsync', 'synchronous_commit', 'full_page_writes', 'max_wal_size', 'plan_cache_mode',
];
const settingRows = (await client.query(
  'SELECT name, current_setting(name) AS value FROM pg_settings WHERE name = ANY($1) ORDER BY name',
  [SETTINGS])).rows;
const settingsText = settingRows.map((r) => `${r.name}=${r.value}`).join(', ');
log(`PostgreSQL ${version}; ${settingsText}`);

startSampler();

// ---- load: COPY, indexes, ANALYZE ---------------------------------------------------------------------
// A normal (logged) table, as DHIS2 has; the value as double precision as in DHIS2's analytics
// tables; the uids as text.
await client.query('DROP TABLE IF EXISTS analytics');
await client.query(`CREATE TABLE analytics (
  value double precision, dataelement text, categoryoptioncombo text, period text,
  monthstart date, year integer, facility text, commune text, province text)`);

const csvBytes = fs.statSync(csvFile).size;
log(`COPY ${csvFile} (${(csvBytes / 1e9).toFixed(2)} GB), a server-side file`);
const loadStart = process.hrtime.bigint();
const secondsSince = (t) => Number(process.hrtime.bigint() - t) / 1e9;
// The watcher reports the COPY's progress, then each index build's (they take as long at 100 M).
let polling = false;
let indexing = '';
async function reportProgress() {
  const s = secondsSince(loadStart).toFixed(0);
  const copy = await watcher.query(
    "SELECT tuples_processed, bytes_processed FROM pg_stat_progress_copy WHERE relid = 'analytics'::regclass");
  if (copy.rows.length) {
    const { tuples_processed: tuples, bytes_processed: bytes } = copy.rows[0];
    log(`COPY: ${s} s, ${tuples} rows, ${((100 * Number(bytes)) / csvBytes).toFixed(1)} % of the file`);
    return;
  }
  // The index being built is not in the catalogue yet for other sessions: its column comes from
  // the loop below rather than from pg_class.
  const index = await watcher.query(`SELECT phase, blocks_done, blocks_total, tuples_done,
      tuples_total FROM pg_stat_progress_create_index WHERE relid = 'analytics'::regclass`);
  if (index.rows.length) {
    const r = index.rows[0];
    const done = Number(r.blocks_total) > 0 ? `${r.blocks_done}/${r.blocks_total} blocks`
      : `${r.tuples_done}/${r.tuples_total} rows`;
    log(`indexing: ${s} s, on ${indexing}: ${r.phase}, ${done}`);
    return;
  }
  log(`load: ${s} s`);
}
const ticker = setInterval(async () => {
  if (polling) return; // the server is slow to answer: skip rather than pile up queries
  polling = true;
  try {
    await reportProgress();
  } catch (e) {
    log(`progress query failed: ${e.message}`);
  } finally {
    polling = false;
  }
}, progressMs());

const quoted = csvFile.replaceAll("'", "''");
await client.query(`COPY analytics FROM '${quoted}' WITH (FORMAT csv, HEADER true)`);
const copySeconds = secondsSince(loadStart);
log(`COPY done in ${copySeconds.toFixed(2)} s`);

// The indexes DHIS2 puts on an analytics table: one B-tree per dimension column.
const INDEXED = ['dataelement', 'commune', 'year', 'province', 'period'];
const indexStart = process.hrtime.bigint();
for (const column of INDEXED) {
  const t = process.hrtime.bigint();
  indexing = column;
  await client.query(`CREATE INDEX analytics_${column}_idx ON analytics USING btree (${column})`);
  log(`index on ${column}: ${secondsSince(t).toFixed(2)} s`);
}
const indexSeconds = secondsSince(indexStart);
const analyzeStart = process.hrtime.bigint();
await client.query('ANALYZE analytics');
const analyzeSeconds = secondsSince(analyzeStart);
clearInterval(ticker);
const loadSeconds = secondsSince(loadStart);
log(`load done in ${loadSeconds.toFixed(2)} s (COPY ${copySeconds.toFixed(2)}, indexes ` +
  `${indexSeconds.toFixed(2)}, ANALYZE ${analyzeSeconds.toFixed(2)})`);

const rowsLoaded = Number((await client.query('SELECT count(*) AS n FROM analytics')).rows[0].n);
const sizes = (await client.query(`SELECT pg_total_relation_size('analytics') AS total,
  pg_relation_size('analytics') AS heap, pg_indexes_size('analytics') AS indexes`)).rows[0];
const storageBytes = Number(sizes.total);
log(`${rowsLoaded} rows; table ${(Number(sizes.heap) / 1e9).toFixed(2)} GB, indexes ` +
  `${(Number(sizes.indexes) / 1e9).toFixed(2)} GB`);

// ---- queries --------------------------------------------------------------------------------------
const QUERIES = {
  q1: {
    text: 'SELECT province, period, SUM(value) FROM analytics WHERE dataelement = $1 GROUP BY province, period',
    values: [q.q1.dataelement],
  },
  q2: {
    text: 'SELECT commune, period, SUM(value) FROM analytics WHERE dataelement = $1 GROUP BY commune, period',
    values: [q.q2.dataelement],
  },
  q3: {
    text: 'SELECT dataelement, province, year, SUM(value) FROM analytics WHERE dataelement = ANY($1) ' +
      'AND year BETWEEN $2 AND $3 GROUP BY dataelement, province, year',
    values: [q.q3.dataelements, Math.min(...q.q3.years), Math.max(...q.q3.years)],
  },
  q4: {
    text: 'SELECT dataelement, period, SUM(value) FROM analytics WHERE commune = $1 GROUP BY dataelement, period',
    values: [q.q4.commune],
  },
  q5: {
    text: 'SELECT categoryoptioncombo, province, period, SUM(value) FROM analytics ' +
      'WHERE dataelement = $1 AND year = $2 GROUP BY categoryoptioncombo, province, period',
    values: [q.q5.dataelement, q.q5.year],
  },
};

const results = [];
for (const [name, { text, values }] of Object.entries(QUERIES)) {
  // A named statement: parsed and planned on the server once per connection, then only bound and
  // executed. Rows as arrays, parsed into JavaScript values by pg: that is part of the timing.
  const query = { name, text, values, rowMode: 'array' };
  const { result, rows } = await timeQuery(name, q, async () => (await client.query(query)).rows, log);
  writeAnswer(resultsDir, 'postgres', name, rows);
  results.push(result);
}

const mem = await stopSampler();
await watcher.end();
await client.end();

const report = {
  peer: 'postgres',
  version,
  values: rowsLoaded,
  load_seconds: round3(loadSeconds),
  peak_rss_bytes: mem.peak,
  storage_bytes: storageBytes,
  notes: `PostgreSQL ${version}, a throwaway cluster; settings (as the server reports them): ${settingsText}. ` +
    `Load ${loadSeconds.toFixed(2)} s = COPY of the server-side CSV into a normal (logged) table ` +
    `${copySeconds.toFixed(2)} s + B-tree indexes on ${INDEXED.join(', ')} (one after the other) ` +
    `${indexSeconds.toFixed(2)} s + ANALYZE ${analyzeSeconds.toFixed(2)} s. ` +
    `Storage = pg_total_relation_size (table ${Number(sizes.heap)} B + indexes ${Number(sizes.indexes)} B). ` +
    'Peak memory = the largest sum of PSS (smaps_rollup) over every server process (postmaster and ' +
    `its children), sampled from a worker thread every ${SAMPLE_MS} ms during load and queries, ` +
    `less often when one sample took over ${SAMPLER_SHARE * 100} % of a core (${mem.samples} samples ` +
    `in ${mem.seconds.toFixed(1)} s, ${(mem.sampleMs / Math.max(mem.samples, 1)).toFixed(1)} ms each; ` +
    `${mem.procs} processes at the peak). ` +
    'Queries: named prepared statements with bound parameters (q3: dataelement = ANY($1)), planned ' +
    'for their values at each execution (plan_cache_mode=force_custom_plan, as DHIS2\'s literal SQL is), ' +
    'timed from execute until pg has parsed every row, over TCP on 127.0.0.1. No partitioning by year ' +
    '(DHIS2 partitions analytics tables by year).',
  queries: results,
};
log(`wrote ${writeReport(resultsDir, 'postgres', report)} (peak PSS ${(mem.peak / 2 ** 30).toFixed(2)} GiB)`);
