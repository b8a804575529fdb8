// Peak memory of a PostgreSQL cluster, sampled in a worker thread for postgres_bench.mjs.
// The server is many processes sharing shared_buffers: adding their RSS would count each shared
// page once per process, so a sample is the sum of their PSS (each shared page divided among the
// processes that map it), which adds up to the memory the cluster really holds.
// It runs in a worker because reading smaps_rollup of processes mapping gigabytes of shared
// buffers takes tens of milliseconds, which on the main thread would land inside query timings.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const { postmasterPid, intervalMs, maxShare } = workerData;

function childrenOf(pid) {
  const kids = [];
  let tasks = [];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return kids; // gone since its parent listed it
  }
  for (const t of tasks) {
    try {
      const text = fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim();
      if (text) kids.push(...text.split(/\s+/).map(Number));
    } catch {
      // the task ended between readdir and read
    }
  }
  return kids;
}

function clusterPss() {
  let total = 0;
  let procs = 0;
  const todo = [postmasterPid];
  while (todo.length) {
    const pid = todo.pop();
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) {
        total += Number(m[1]) * 1024;
        ++procs;
      }
    } catch {
      continue; // a parallel worker or a backend that just exited
    }
    todo.push(...childrenOf(pid));
  }
  return { total, procs };
}

const stats = { peak: 0, procs: 0, samples: 0, sampleMs: 0, started: Date.now() };
let timer = null;
let stopping = false;

function sample() {
  const t0 = process.hrtime.bigint();
  const { total, procs } = clusterPss();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  stats.sampleMs += ms;
  ++stats.samples;
  if (total > stats.peak) {
    stats.peak = total;
    stats.procs = procs;
  }
  // On 2 cores the sampler must not take a core from the server: when a sample gets slow (many
  // shared pages mapped), wait longer so that sampling stays under maxShare of one core.
  if (!stopping) timer = setTimeout(sample, Math.max(intervalMs, ms / maxShare - ms));
}

parentPort.on('message', (msg) => {
  if (msg !== 'stop') return;
  stopping = true;
  clearTimeout(timer);
  sample();
  parentPort.postMessage({ ...stats, seconds: (Date.now() - stats.started) / 1000 });
  parentPort.close();
});
sample();
