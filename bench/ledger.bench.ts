// npm run bench:ledger — evidence-log appends per second (batched and one by one) and proof times at 1,000,000 leaves,
// on embedded PGlite and on the PostgreSQL server. LEDGER_BENCH_LEAVES and LEDGER_BENCH_RUNS change the sizes.
// PGlite runs on a data directory, as `clearway start` runs it (see bench-db.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "../src/db/connection.ts";
import { openBenchDb } from "./bench-db.ts";
import { TEST_DB_KINDS } from "../src/db/test-db.ts";
import { appendRecord, appendRecords } from "../src/ledger/append-records.ts";
import { exportBundle } from "../src/ledger/export-bundle.ts";
import type { RecordInput } from "../src/ledger/ledger-record.ts";
import { openLedger } from "../src/ledger/open-ledger.ts";
import { publishCheckpoint } from "../src/ledger/publish-checkpoint.ts";
import { readConsistencyProof, readInclusionProof, readLogState, readRoot } from "../src/ledger/read-tree.ts";
import { verifyBundle } from "../src/ledger/verify-bundle.ts";

const LEAVES = Number(process.env.LEDGER_BENCH_LEAVES ?? 1_000_000);
const RUNS = Number(process.env.LEDGER_BENCH_RUNS ?? 5);
const BATCH = 5000;
const RUN_ENTRIES = 100_000;
const PROOFS = 1000;

/** An audit-trail record of about 250 bytes of canonical JSON, like the ones other modules log. */
function auditRecord(i: number): RecordInput {
  return {
    tenantId: "default",
    kind: "audit.event",
    subject: { type: "declaration", id: `DEC-2026-${String(i % 50_000).padStart(6, "0")}` },
    data: {
      action: "declaration.status_changed",
      actor: `user:u${i % 97}`,
      from: "submitted",
      to: "accepted",
      channel: "single-window",
      reference: `CUSRES-${i}`,
      lines: (i % 40) + 1,
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

/** Appends per second of wall time, and per second of this process's CPU time, for one run of RUN_ENTRIES records in batches of BATCH. */
async function appendRun(db: Db, offset: number): Promise<{ wall: number; cpu: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let done = 0; done < RUN_ENTRIES; done += BATCH)
    await appendRecords(
      db,
      Array.from({ length: BATCH }, (_, i) => auditRecord(offset + done + i)),
    );
  const used = process.cpuUsage(cpu);
  return { wall: RUN_ENTRIES / ((performance.now() - started) / 1000), cpu: RUN_ENTRIES / ((used.user + used.system) / 1e6) };
}

/** Milliseconds per call of fn over the inputs, after a warm-up. */
async function time<T>(inputs: T[], fn: (input: T) => Promise<unknown>): Promise<number[]> {
  for (const input of inputs.slice(0, 20)) await fn(input);
  const times: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    await fn(input);
    times.push(performance.now() - t);
  }
  return times;
}

type Row = {
  database: string;
  batched: number;
  batchedCpu: number;
  runs: number[];
  single: number;
  leaves: number;
  proofP50: number;
  proofP99: number;
  consistencyP50: number;
  bundleP50: number;
  verifyP50: number;
  rootMs: number;
};
const rows: Row[] = [];
console.log(
  `Ledger benchmark — ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}; ${RUNS} runs of ${RUN_ENTRIES.toLocaleString("en-US")} appends in batches of ${BATCH}, proofs at ${LEAVES.toLocaleString("en-US")} leaves`,
);
for (const kind of TEST_DB_KINDS) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "cw-ledger-bench-"));
  const db = await openBenchDb(kind);
  const { ring } = openLedger(home);
  try {
    const runs: number[] = [];
    const cpuRuns: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const { wall, cpu } = await appendRun(db, r * RUN_ENTRIES);
      runs.push(wall);
      cpuRuns.push(cpu);
      console.log(
        `${kind}: run ${r + 1}: ${Math.round(wall).toLocaleString("en-US")} appends/s (${Math.round(cpu).toLocaleString("en-US")} per CPU-second of this process; load average ${os.loadavg()[0]?.toFixed(1)})`,
      );
    }
    const singles = await time(
      Array.from({ length: 300 }, (_, i) => i),
      (i) => appendRecord(db, auditRecord(i)),
    );
    let size = (await readLogState(db)).size;
    const fillStarted = performance.now();
    while (size < LEAVES) {
      await appendRecords(
        db,
        Array.from({ length: Math.min(BATCH * 4, LEAVES - size) }, (_, i) => auditRecord(size + i)),
      );
      size = (await readLogState(db)).size;
    }
    console.log(`${kind}: filled to ${size.toLocaleString("en-US")} leaves in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);
    await publishCheckpoint(db, ring);
    let next = 12345;
    const random = () => {
      next = (Math.imul(next, 1664525) + 1013904223) >>> 0;
      return next % size;
    };
    const indices = Array.from({ length: PROOFS }, random);
    const proofs = await time(indices, (i) => readInclusionProof(db, i, size));
    const consistency = await time(indices.slice(0, 300), (m) => readConsistencyProof(db, Math.max(1, m), size));
    const bundles: unknown[] = [];
    const bundleTimes = await time(indices.slice(0, 300), async (seq) => bundles.push(await exportBundle(db, { tenantId: "default", seq })));
    const verifyTimes: number[] = [];
    for (const bundle of bundles.slice(0, 300)) {
      const t = performance.now();
      if (!verifyBundle(bundle).valid) throw new Error("a benchmark bundle did not verify");
      verifyTimes.push(performance.now() - t);
    }
    const rootStarted = performance.now();
    await readRoot(db, size);
    rows.push({
      database: kind,
      batched: median(runs),
      batchedCpu: median(cpuRuns),
      runs,
      single: 1000 / median(singles),
      leaves: size,
      proofP50: median(proofs),
      proofP99: percentile(proofs, 0.99),
      consistencyP50: median(consistency),
      bundleP50: median(bundleTimes),
      verifyP50: median(verifyTimes),
      rootMs: performance.now() - rootStarted,
    });
  } finally {
    await db.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

const n = (value: number, digits = 0) => value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log(
  `\nLoad average at the end: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(
      " ",
    )} (${os.cpus().length} cores)\n| database | appends/s, batches of 5,000 (median of runs) | per CPU-second of the Node process | runs | appends/s one by one | leaves | inclusion proof p50 / p99 ms | consistency proof p50 ms | bundle export p50 ms | offline verify p50 ms |\n|---|---:|---:|---|---:|---:|---:|---:|---:|---:|`,
);
for (const r of rows) {
  console.log(
    `| ${r.database} | ${n(r.batched)} | ${n(r.batchedCpu)} | ${r.runs.map((x) => n(x)).join(", ")} | ${n(r.single)} | ${n(r.leaves)} | ${n(r.proofP50, 3)} / ${n(r.proofP99, 3)} | ${n(r.consistencyP50, 3)} | ${n(r.bundleP50, 3)} | ${n(r.verifyP50, 3)} |`,
  );
}
