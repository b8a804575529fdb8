// DuckDB reference point for bench/import_bench.sh (issue 4): loads the synthetic data values into
// a DuckDB database file, into a table with the same key as solieu's data_value table.
// Usage: node duckdb_import.mjs json|csv FILE DB_FILE
//   json: read_json on the dataValueSets document (one JSON object), unnest its dataValues;
//   csv:  read_csv on the same rows as CSV.
import { DuckDBInstance, version } from '@duckdb/node-api';
import { statSync } from 'node:fs';

const [mode, file, dbFile] = process.argv.slice(2);
if (!['json', 'csv'].includes(mode) || !file || !dbFile) {
  console.error('usage: node duckdb_import.mjs json|csv FILE DB_FILE');
  process.exit(2);
}
const quoted = `'${file.replaceAll("'", "''")}'`;
const source =
  mode === 'json'
    ? // The whole document is one JSON object: allow an object as large as the file.
      `SELECT dv.dataElement, dv.period, dv.orgUnit, coalesce(dv.categoryOptionCombo, 'default'),
              coalesce(dv.attributeOptionCombo, 'default'), dv.value
       FROM (SELECT unnest(dataValues) AS dv
             FROM read_json(${quoted}, format = 'unstructured',
                            maximum_object_size = ${statSync(file).size + 1024},
                            columns = {dataValues: 'STRUCT(dataElement VARCHAR, period VARCHAR,
                              orgUnit VARCHAR, categoryOptionCombo VARCHAR,
                              attributeOptionCombo VARCHAR, value VARCHAR)[]'}))`
    : `SELECT * FROM read_csv(${quoted}, header = true, all_varchar = true)`;

const started = performance.now();
const instance = await DuckDBInstance.create(dbFile);
const connection = await instance.connect();
await connection.run(`CREATE TABLE datavalue (
  dataelement VARCHAR NOT NULL, period VARCHAR NOT NULL, orgunit VARCHAR NOT NULL,
  categoryoptioncombo VARCHAR NOT NULL, attributeoptioncombo VARCHAR NOT NULL,
  value VARCHAR NOT NULL,
  PRIMARY KEY (dataelement, period, orgunit, categoryoptioncombo, attributeoptioncombo))`);
await connection.run(`INSERT INTO datavalue ${source}`);
await connection.run('CHECKPOINT');
const count = (await connection.runAndReadAll('SELECT count(*) FROM datavalue')).getRows()[0][0];
connection.closeSync();
instance.closeSync();
console.log(
  `duckdb ${version()} ${mode}: ${count} rows in ${((performance.now() - started) / 1000).toFixed(2)} s`,
);
