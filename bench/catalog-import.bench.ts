// npm run bench:catalog-import — rows per second for a 100k-row catalogue import (CSV and XLSX) on PGlite and PostgreSQL, and peak memory.
// Each case is prepared in one process (database with reference data, generated file) and imported in another, so the
// peak RSS reported is the import's own (plus opening the database), not the setup's. PGlite runs on a data directory,
// as the product does; PostgreSQL in a fresh schema.

import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { toCsv, toXlsx } from "../src/catalog/export-products.ts";
import { importProducts } from "../src/catalog/import-products.ts";
import { type Db, openDb } from "../src/db/connection.ts";
import { migrate } from "../src/db/migrate.ts";
import { enforceRowSecurity } from "../src/db/row-security.ts";
import { TEST_DATA_DIR, TEST_DB_KINDS, TEST_POSTGRES_URL } from "../src/db/test-db.ts";
import { fileDocumentStore } from "../src/ledger/document-store.ts";
import { importReference } from "../src/reference/import-reference.ts";
import { createTestMember } from "../src/tenancy/test-principals.ts";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const HEADERS = ["SKU", "英文品名", "商品名称", "品牌", "材质", "原产国", "供应商", "净重", "毛重", "申报单价", "币制", "HTS code", "Tags", "含锂电池"];
const NOUNS = ["T-shirt", "phone case", "desk lamp", "earbuds", "vacuum flask", "drill", "toy blocks", "backpack", "yoga mat", "charger"];

/** A prepared case: where its database is, whose catalogue, and the file to import. */
type Prepared = { kind: "pglite" | "postgres"; format: "csv" | "xlsx"; where: string; tenantId: string; file: string; home: string };

/** Realistic rows: real HTS 10-digit codes from the loaded schedule, Chinese and English titles, decimals as text. */
async function generateRows(db: Db): Promise<string[][]> {
  const codes = (await db.query<{ code: string }>("select code from tariff_lines where level = 10 and chapter < '98' order by row_no")).map((r) => r.code);
  return Array.from({ length: ROWS }, (_, i) => [
    `BENCH-${String(i).padStart(7, "0")}`, `${NOUNS[i % NOUNS.length]} model ${i}`, `测试商品 ${i}`, `Brand${i % 50}`, i % 3 ? "cotton 95%, elastane 5%" : "ABS plastic 100%",
    i % 7 ? "CN" : "VN", `Supplier ${i % 200} Co., Ltd.`, (0.1 + (i % 50) / 10).toFixed(2), (0.2 + (i % 50) / 10).toFixed(2), (1 + (i % 997) / 10).toFixed(2), "USD",
    codes[(i * 7919) % codes.length] as string, i % 2 ? "apparel,summer" : "home", i % 10 === 0 ? "yes" : "no",
  ]);
}

/** Open a case's database as the product does: migrated, running as the app role. */
async function openCaseDb(kind: Prepared["kind"], where: string): Promise<Db> {
  const db = kind === "pglite" ? await openDb({ dataDir: where }) : await openDb({ url: TEST_POSTGRES_URL, schema: where });
  await migrate(db);
  await enforceRowSecurity(db);
  return db;
}

async function prepareCase(kind: Prepared["kind"], format: Prepared["format"]): Promise<Prepared> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cw-bench-import-"));
  let where = path.join(scratch, "db");
  if (kind === "postgres") {
    where = `cw_bench_${randomBytes(5).toString("hex")}`;
    const admin = await openDb({ url: TEST_POSTGRES_URL });
    await admin.exec(`create schema ${where}`);
    await admin.close();
  }
  const db = await openCaseDb(kind, where);
  try {
    await importReference({ db, dataDir: TEST_DATA_DIR, only: ["hs2022", "hts2026r4", "countries", "currencies"] });
    const member = await createTestMember(db, { role: "admin", tenant: "bench" });
    const rows = await generateRows(db);
    const file = path.join(scratch, `bench.${format}`);
    fs.writeFileSync(file, format === "csv" ? Buffer.from(toCsv(HEADERS, rows)) : await toXlsx(HEADERS, rows));
    return { kind, format, where, tenantId: member.tenantId, file, home: scratch };
  } finally {
    await db.close();
  }
}

async function dropCase(prepared: Prepared): Promise<void> {
  if (prepared.kind === "postgres") {
    const admin = await openDb({ url: TEST_POSTGRES_URL });
    await admin.exec(`drop schema ${prepared.where} cascade`);
    await admin.close();
  }
  fs.rmSync(prepared.home, { recursive: true, force: true });
}

/** Import the prepared file, then the same file again (every row unchanged), archiving it as the product does. */
async function runCase(prepared: Prepared): Promise<void> {
  const db = await openCaseDb(prepared.kind, prepared.where);
  try {
    const bytes = fs.readFileSync(prepared.file);
    const principal = { kind: "cli" as const, id: null, label: "bench", tenantId: prepared.tenantId, role: "admin" as const };
    const store = fileDocumentStore(path.join(prepared.home, "documents"));
    const options = { principal, bytes, fileName: path.basename(prepared.file), store };
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const report = await importProducts(db, options);
    const seconds = (performance.now() - started) / 1000;
    const again = performance.now();
    const update = await importProducts(db, options);
    const secondsAgain = (performance.now() - again) / 1000;
    if (!report.committed || report.created !== ROWS || update.unchanged !== ROWS) throw new Error(`unexpected report ${JSON.stringify({ ...report, errors: report.errors.slice(0, 3) })}`);
    console.log(
      JSON.stringify({
        kind: prepared.kind,
        format: prepared.format,
        rows: ROWS,
        megabytes: +(bytes.length / 1048576).toFixed(1),
        seconds: +seconds.toFixed(2),
        rowsPerSecond: Math.round(ROWS / seconds),
        reimportSeconds: +secondsAgain.toFixed(2),
        openedRssMb: Math.round(rssBefore / 1048576),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
  } finally {
    await db.close();
  }
}

const self = fileURLToPath(import.meta.url);
const child = (args: string[]) => {
  const run = spawnSync(process.execPath, ["--import", "tsx", self, ...args], { encoding: "utf8", env: process.env, maxBuffer: 64 << 20 });
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  return JSON.parse(run.stdout.trim().split("\n").pop() ?? "null");
};

const [mode, arg] = process.argv.slice(2);
if (mode === "--prepare") {
  const [kind, format] = (arg ?? "").split(":") as [Prepared["kind"], Prepared["format"]];
  console.log(JSON.stringify(await prepareCase(kind, format)));
} else if (mode === "--case") {
  await runCase(JSON.parse(arg ?? "{}") as Prepared);
} else {
  console.log(`Catalogue import benchmark — ${ROWS.toLocaleString("en-US")} rows, ${os.cpus().length} cores, Node ${process.version}`);
  const results = [];
  for (const kind of TEST_DB_KINDS) {
    for (const format of ["csv", "xlsx"]) {
      const prepared = child(["--prepare", `${kind}:${format}`]) as Prepared;
      try {
        results.push(child(["--case", JSON.stringify(prepared)]));
      } finally {
        await dropCase(prepared);
      }
    }
  }
  console.log("\n| database | format | file MB | import s | rows/s | re-import (unchanged) s | RSS after opening the database MB | peak RSS MB |\n|---|---|---:|---:|---:|---:|---:|---:|");
  for (const r of results) console.log(`| ${r.kind} | ${r.format} | ${r.megabytes} | ${r.seconds} | ${r.rowsPerSecond.toLocaleString("en-US")} | ${r.reimportSeconds} | ${r.openedRssMb} | ${r.peakRssMb} |`);
}
