// Stand-in for the queries.json that solieu_peer_bench writes, for runs without solieu (PEERS
// without it, or its binary not built yet): picks the parameters from the data with DuckDB, in a
// fixed way so that a re-run on the same data picks the same ones.
// Usage: node bench/peers/make_queries.mjs --data DIR --runs R [--warmup W]
// Writes DIR/results/queries.json.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseArgs } from './common.mjs';

const USAGE = 'usage: node make_queries.mjs --data DIR --runs R [--warmup W]';
const args = parseArgs(process.argv.slice(2), USAGE);
if (!args.data || !args.runs) {
  console.error(USAGE);
  process.exit(2);
}
const dataDir = path.resolve(args.data);
const csv = path.join(dataDir, 'analytics.csv').replaceAll("'", "''");

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const rows = async (sql) => (await con.runAndReadAll(sql)).getRowsJS();
// Only the columns needed, straight from the file: no table is kept.
await con.run(`CREATE VIEW a AS SELECT * FROM read_csv('${csv}', header = true, auto_detect = false,
  columns = {'value': 'DOUBLE', 'dataelement': 'VARCHAR', 'categoryoptioncombo': 'VARCHAR',
  'period': 'VARCHAR', 'monthstart': 'DATE', 'year': 'INTEGER', 'facility': 'VARCHAR',
  'commune': 'VARCHAR', 'province': 'VARCHAR'})`);
const [[values, maxYear]] = await rows('SELECT count(*), max(year) FROM a');
// Elements in uid order; the commune with the most values (its profile is the largest).
const elements = (await rows('SELECT DISTINCT dataelement FROM a ORDER BY 1')).map((r) => r[0]);
const [[commune]] = await rows('SELECT commune FROM a GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1');
if (elements.length < 3) throw new Error('the data has fewer than 3 data elements');
const years = [];
for (let y = maxYear - 4; y <= maxYear; ++y) years.push(y);
const queries = {
  values: Number(values),
  q1: { dataelement: elements[0] },
  q2: { dataelement: elements[1] },
  q3: { dataelements: elements.slice(0, 20), years },
  q4: { commune },
  q5: { dataelement: elements[2], year: maxYear },
  warmup: Number(args.warmup ?? 1),
  runs: Number(args.runs),
  written_by: 'bench/peers/make_queries.mjs (stand-in for solieu_peer_bench)',
};
fs.mkdirSync(path.join(dataDir, 'results'), { recursive: true });
const out = path.join(dataDir, 'results', 'queries.json');
fs.writeFileSync(out, JSON.stringify(queries, null, 2) + '\n');
console.log(`wrote ${out}`);
con.closeSync();
instance.closeSync();
