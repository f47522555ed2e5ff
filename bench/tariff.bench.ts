// npm run bench:tariff — look-ups per second by code and by text, on embedded PGlite and on the PostgreSQL server.
import os from "node:os";
import type { Db } from "../src/db/connection.ts";
import { openTestDb, TEST_DATA_DIR, TEST_DB_KINDS } from "../src/db/test-db.ts";
import { importReference } from "../src/reference/import-reference.ts";
import { lookupCode } from "../src/tariff/lookup-code.ts";
import { searchTariff } from "../src/tariff/search-tariff.ts";

const CODE_LOOKUPS = 1000;
const TEXT_SEARCHES = 300;
const CONCURRENCY = 8;

/** Codes in the three ways users type them, sampled evenly from the schedule. */
async function sampleCodes(db: Db): Promise<string[]> {
  const rows = await db.query<{ code: string; code_dotted: string }>(
    "select l.code, l.code_dotted from tariff_lines l join tariff_editions e on e.id = l.edition_id where e.schedule = 'us_hts' and l.code is not null order by l.row_no",
  );
  const step = Math.max(1, Math.floor(rows.length / CODE_LOOKUPS));
  return rows.filter((_, i) => i % step === 0).slice(0, CODE_LOOKUPS).map((r, i) => (i % 3 === 0 ? r.code : i % 3 === 1 ? r.code_dotted : r.code.slice(0, Math.min(r.code.length, 6))));
}

/** Text queries: two-word phrases from the schedule's own descriptions, plus Chinese product queries. */
async function sampleQueries(db: Db): Promise<string[]> {
  const rows = await db.query<{ description: string }>("select description from tariff_lines where level = 8 and length(description) > 15 order by row_no");
  const step = Math.max(1, Math.floor(rows.length / TEXT_SEARCHES));
  const english = rows.filter((_, i) => i % step === 0).map((r) => r.description.split(/[^A-Za-z]+/).filter((w) => w.length > 3).slice(0, 2).join(" ")).filter(Boolean);
  const chinese = ["电钻", "蓝牙耳机", "女士棉质针织T恤", "不锈钢保温杯", "锂电池", "儿童玩具", "手机壳", "木制家具", "口红", "LED灯"];
  return [...english.slice(0, TEXT_SEARCHES - chinese.length * 3), ...chinese, ...chinese, ...chinese];
}

async function measure(label: string, inputs: string[], run: (input: string) => Promise<unknown>, concurrency = 1) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < inputs.length) {
      const input = inputs[next++] as string;
      const t = performance.now();
      await run(input).catch(() => {});
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0).toFixed(2);
  return { label, n: inputs.length, concurrency, perSecond: Math.round(inputs.length / seconds), p50: pct(0.5), p99: pct(0.99) };
}

const results: Awaited<ReturnType<typeof measure>>[] = [];
console.log(`Tariff look-up benchmark — ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
for (const kind of TEST_DB_KINDS) {
  const db = await openTestDb(kind);
  try {
    const t = performance.now();
    await importReference({ db, dataDir: TEST_DATA_DIR, only: ["hs2022", "hts2026r4"] });
    console.log(`${kind}: imported HS 2022 + HTS 2026 R4 in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const codes = await sampleCodes(db);
    const queries = await sampleQueries(db);
    await measure("warm-up", codes.slice(0, 50), (code) => lookupCode(db, { code }));
    for (const concurrency of [1, CONCURRENCY]) {
      results.push({ ...(await measure(`${kind} by code`, codes, (code) => lookupCode(db, { code }), concurrency)) });
      results.push({ ...(await measure(`${kind} by text`, queries, (q) => searchTariff(db, { q, limit: 20 }), concurrency)) });
    }
  } finally {
    await db.close();
  }
}
console.log("\n| database / kind | queries | in flight | per second | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|");
for (const r of results) console.log(`| ${r.label} | ${r.n} | ${r.concurrency} | ${r.perSecond} | ${r.p50} | ${r.p99} |`);
