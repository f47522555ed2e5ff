// npm run bench:catalog-import — rows per second for a 100k-row catalogue import (CSV and XLSX) on PGlite and PostgreSQL, and peak memory.
// Each case runs in its own process so its peak RSS is its own; PGlite runs on a data directory, as the product does.
import { spawnSync } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import type { Db } from "../src/db/connection.ts";
import { TEST_DATA_DIR, TEST_DB_KINDS } from "../src/db/test-db.ts";
import { openBenchDb } from "./bench-db.ts";
import { importProducts } from "../src/catalog/import-products.ts";
import { toCsv, toXlsx } from "../src/catalog/export-products.ts";
import { importReference } from "../src/reference/import-reference.ts";
import { createTestMember } from "../src/tenancy/test-principals.ts";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const HEADERS = ["SKU", "英文品名", "商品名称", "品牌", "材质", "原产国", "供应商", "净重", "毛重", "申报单价", "币制", "HTS code", "Tags", "含锂电池"];
const NOUNS = ["T-shirt", "phone case", "desk lamp", "earbuds", "vacuum flask", "drill", "toy blocks", "backpack", "yoga mat", "charger"];

/** Realistic rows: real HTS 10-digit codes from the loaded schedule, Chinese and English titles, decimals as text. */
async function generateRows(db: Db): Promise<string[][]> {
  const codes = (await db.query<{ code: string }>("select code from tariff_lines where level = 10 and chapter < '98' order by row_no")).map((r) => r.code);
  return Array.from({ length: ROWS }, (_, i) => [
    `BENCH-${String(i).padStart(7, "0")}`, `${NOUNS[i % NOUNS.length]} model ${i}`, `测试商品 ${i}`, `Brand${i % 50}`, i % 3 ? "cotton 95%, elastane 5%" : "ABS plastic 100%",
    i % 7 ? "CN" : "VN", `Supplier ${i % 200} Co., Ltd.`, (0.1 + (i % 50) / 10).toFixed(2), (0.2 + (i % 50) / 10).toFixed(2), (1 + (i % 997) / 10).toFixed(2), "USD",
    codes[(i * 7919) % codes.length] as string, i % 2 ? "apparel,summer" : "home", i % 10 === 0 ? "yes" : "no",
  ]);
}

async function runCase(kind: "pglite" | "postgres", format: "csv" | "xlsx"): Promise<void> {
  const db = await openBenchDb(kind);
  try {
    await importReference({ db, dataDir: TEST_DATA_DIR, only: ["hs2022", "hts2026r4", "countries", "currencies"] });
    const member = await createTestMember(db, { role: "admin", tenant: "bench" });
    const rows = await generateRows(db);
    const bytes = format === "csv" ? Buffer.from(toCsv(HEADERS, rows)) : await toXlsx(HEADERS, rows);
    const started = performance.now();
    const report = await importProducts(db, { principal: { kind: "cli", id: null, label: "bench", tenantId: member.tenantId, role: "admin" }, bytes, fileName: `bench.${format}` });
    const seconds = (performance.now() - started) / 1000;
    const again = performance.now();
    const update = await importProducts(db, { principal: { kind: "cli", id: null, label: "bench", tenantId: member.tenantId, role: "admin" }, bytes, fileName: `bench.${format}` });
    const secondsAgain = (performance.now() - again) / 1000;
    if (!report.committed || report.created !== ROWS || update.unchanged !== ROWS) throw new Error(`unexpected report ${JSON.stringify({ ...report, errors: report.errors.slice(0, 3) })}`);
    console.log(JSON.stringify({ kind, format, rows: ROWS, megabytes: +(bytes.length / 1048576).toFixed(1), seconds: +seconds.toFixed(2), rowsPerSecond: Math.round(ROWS / seconds), reimportSeconds: +secondsAgain.toFixed(2), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  } finally {
    await db.close();
  }
}

const caseArg = process.argv.indexOf("--case");
if (caseArg > 0) {
  const [kind, format] = (process.argv[caseArg + 1] ?? "").split(":") as ["pglite" | "postgres", "csv" | "xlsx"];
  await runCase(kind, format);
} else {
  console.log(`Catalogue import benchmark — ${ROWS.toLocaleString("en-US")} rows, ${os.cpus().length} cores, Node ${process.version}`);
  const results = [];
  for (const kind of TEST_DB_KINDS) {
    for (const format of ["csv", "xlsx"]) {
      const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--case", `${kind}:${format}`], { encoding: "utf8", env: process.env, maxBuffer: 64 << 20 });
      const line = child.stdout.trim().split("\n").pop() ?? "";
      if (child.status !== 0) {
        console.error(child.stderr);
        process.exit(1);
      }
      results.push(JSON.parse(line));
    }
  }
  console.log("\n| database | format | file MB | import s | rows/s | re-import (unchanged) s | peak RSS MB |\n|---|---|---:|---:|---:|---:|---:|");
  for (const r of results) console.log(`| ${r.kind} | ${r.format} | ${r.megabytes} | ${r.seconds} | ${r.rowsPerSecond.toLocaleString("en-US")} | ${r.reimportSeconds} | ${r.peakRssMb} |`);
}
