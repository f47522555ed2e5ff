// npm run bench:screen — lines per second to screen a generated 1,000,000-line manifest whose SKUs are in the catalogue
// (read, enrich, every rule of the pack, lines and findings stored), beside the time to merely parse the same file, with
// peak memory, on embedded PGlite (on disk) and on PostgreSQL. Each phase runs in its own process so that its peak RSS
// is its own: setup (reference data and a 20,000-product catalogue) in one, parsing in one, screening in one. A file
// this size is screened in a worker thread; RSS is the process's, so the peak counts both threads (and PGlite).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { importProducts } from "../src/catalog/import-products.ts";
import { toCsv } from "../src/catalog/export-products.ts";
import { type Db, openDb } from "../src/db/connection.ts";
import { migrate } from "../src/db/migrate.ts";
import { enforceRowSecurity } from "../src/db/row-security.ts";
import { TEST_DATA_DIR, TEST_DB_KINDS, TEST_POSTGRES_URL } from "../src/db/test-db.ts";
import { fileDocumentStore } from "../src/ledger/document-store.ts";
import { importReference } from "../src/reference/import-reference.ts";
import { openManifestFile } from "../src/screening/read-manifest.ts";
import { screenFile } from "../src/screening/run-screening.ts";
import { DEFAULT_TENANT_ID } from "../src/db/tenant-scope.ts";

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 20_000);
const WORK = process.env.BENCH_DIR ?? path.join(os.tmpdir(), "clearway-bench-screen");
const MANIFEST = path.join(WORK, `manifest-${LINES}.csv`);
const SELF = fileURLToPath(import.meta.url);

type Target = { kind: "pglite" | "postgres"; dataDir?: string; schema?: string };

async function open(target: Target): Promise<Db> {
  const db = target.kind === "pglite" ? await openDb({ dataDir: target.dataDir }) : await openDb({ url: TEST_POSTGRES_URL, schema: target.schema });
  return db;
}

/** A deterministic pseudo-random stream, so every run screens the same file. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function productCodes(db: Db): Promise<string[]> {
  return (await db.query<{ code: string }>("select t.code from tariff_lines t join tariff_editions e on e.id = t.edition_id where e.schedule = 'us_hts' and t.level = 10 and t.chapter < '98' and t.units[1] in ('No.', 'pcs', 'doz.') order by t.row_no")).map((r) => r.code);
}

/** Reference data and a catalogue of PRODUCTS products, each with a confirmed US code. */
async function setup(target: Target): Promise<void> {
  if (target.kind === "postgres") {
    const admin = await openDb({ url: TEST_POSTGRES_URL });
    await admin.exec(`drop schema if exists ${target.schema} cascade; create schema ${target.schema}`);
    await admin.close();
  } else fs.rmSync(target.dataDir as string, { recursive: true, force: true });
  const db = await open(target);
  await migrate(db);
  await importReference({ db, dataDir: TEST_DATA_DIR, only: ["hs2022", "hts2026r4", "countries", "currencies", "locations"] });
  await enforceRowSecurity(db);
  const codes = await productCodes(db);
  const rows = Array.from({ length: PRODUCTS }, (_, i) => [`SKU-${String(i).padStart(6, "0")}`, `Product ${i} (bench)`, "CN", "0.40", "0.50", "9.90", "USD", codes[(i * 7919) % codes.length] as string]);
  const report = await importProducts(db, { principal: { kind: "cli", id: null, label: "bench", tenantId: DEFAULT_TENANT_ID, role: "admin" }, bytes: Buffer.from(toCsv(["SKU", "Title", "Origin", "Net weight", "Gross weight", "Unit price", "Currency", "HTS code"], rows)), fileName: "catalogue.csv" });
  if (report.created !== PRODUCTS) throw new Error(`catalogue import created ${report.created}`);
  if (!fs.existsSync(MANIFEST)) await writeManifest(codes);
  await db.close();
}

/** A us-import manifest: orders of 1–4 items, SKUs from the catalogue, about 1% of lines with a deliberate problem. */
async function writeManifest(codes: string[]): Promise<void> {
  fs.mkdirSync(WORK, { recursive: true });
  const out = fs.createWriteStream(`${MANIFEST}.part`);
  const header = "order_no,waybill_no,bill_no,consignor_name,consignor_country,consignee_name,consignee_address,consignee_country,sku,title,hs_code,qty,unit,unit_value,currency,origin_country,net_weight_kg,gross_weight_kg,container_no,seal_no\n";
  out.write(header);
  const rnd = random(42);
  let written = 0;
  let order = 0;
  let chunk = "";
  while (written < LINES) {
    order++;
    const items = 1 + Math.floor(rnd() * 4);
    const orderNo = `ORD-${String(order).padStart(8, "0")}`;
    const waybill = `1Z${String(order).padStart(14, "0")}`;
    for (let i = 0; i < items && written < LINES; i++, written++) {
      const p = Math.floor(rnd() * PRODUCTS);
      const sku = `SKU-${String(p).padStart(6, "0")}`;
      const code = codes[(p * 7919) % codes.length] as string;
      const bad = rnd();
      const qty = bad < 0.003 ? "0" : String(1 + Math.floor(rnd() * 5));
      const hs = bad > 0.997 ? "9999.99.9999" : rnd() < 0.3 ? code : "";
      const country = bad > 0.994 && bad <= 0.997 ? "XX" : "CN";
      const net = (0.4 * Number(qty)).toFixed(2);
      const gross = bad > 0.99 && bad <= 0.994 ? "0.10" : (0.5 * Number(qty)).toFixed(2);
      chunk += `${orderNo},${waybill},COSU634710${String(order % 1000).padStart(4, "0")},"Shenzhen Bench Trading Co., Ltd",${country},Jane Doe ${order % 5000},"${order % 900} Main St, Springfield, IL 62701",US,${sku},"Product ${p} (bench)",${hs},${qty},pcs,9.90,USD,CN,${net},${gross},CSQU3054383,CN${order % 100000}\n`;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  fs.renameSync(`${MANIFEST}.part`, MANIFEST);
}

/** Read and parse the file, nothing else (as the screening reads it: a part of lines at a time). */
async function parseOnly(): Promise<void> {
  const started = performance.now();
  const source = await openManifestFile(MANIFEST, "manifest.csv");
  let lines = 0;
  if (source.parts) for await (const part of source.parts) for (const _line of part) lines++;
  else for await (const _line of source.lines) lines++;
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ phase: "parse", lines, seconds: +seconds.toFixed(2), linesPerSecond: Math.round(lines / seconds), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

/** Screen the file end to end, as `clearway screen` does (a file this large is screened in a worker thread). */
async function screen(target: Target): Promise<void> {
  const db = await open(target);
  await enforceRowSecurity(db);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const store = fileDocumentStore(path.join(WORK, "documents"));
  const result = await screenFile(db, MANIFEST, "manifest.csv", { tenantId: DEFAULT_TENANT_ID, lane: "us-import", date: "2026-11-21", store });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const s = result.summary;
  const memory = Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1048576)]));
  await db.close();
  // maxRSS is the whole process's peak: the main thread, the screening worker thread and (on PGlite) the database.
  console.log(JSON.stringify({ phase: "screen", kind: target.kind, lines: s.lines, orders: s.orders, findings: s.findings, hsSources: s.hsSources, catalogueMatched: s.catalogueMatched, seconds: +seconds.toFixed(2), cpuSeconds: +((used.user + used.system) / 1e6).toFixed(1), linesPerSecond: Math.round(s.lines / seconds), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), memoryAtEndMb: memory }));
}

function child(args: string[]): Record<string, unknown> {
  const run = spawnSync(process.execPath, ["--import", "tsx", SELF, ...args], { encoding: "utf8", env: process.env, maxBuffer: 64 << 20 });
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  return JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}");
}

const phase = process.argv[2];
if (phase === "--setup" || phase === "--screen") {
  const target = JSON.parse(process.argv[3] as string) as Target;
  if (phase === "--setup") {
    await setup(target);
    console.log("{}");
  } else await screen(target);
} else if (phase === "--parse") {
  await parseOnly();
} else {
  console.log(`Screening benchmark — ${LINES.toLocaleString("en-US")} lines, ${PRODUCTS.toLocaleString("en-US")} catalogue products, ${os.cpus().length} cores (${os.cpus()[0]?.model}), Node ${process.version}`);
  const targets: Target[] = TEST_DB_KINDS.map((kind) => (kind === "pglite" ? { kind, dataDir: path.join(WORK, "pglite") } : { kind, schema: "cw_bench_screen" }));
  for (const target of targets) child(["--setup", JSON.stringify(target)]);
  const parse = child(["--parse"]);
  console.log(`parse only: ${parse.lines} lines in ${parse.seconds} s = ${Number(parse.linesPerSecond).toLocaleString("en-US")} lines/s, peak RSS ${parse.peakRssMb} MB`);
  for (const target of targets) {
    const r = child(["--screen", JSON.stringify(target)]);
    const ratio = Number(parse.seconds) / Number(r.seconds);
    console.log(
      `${target.kind.padEnd(8)} screen: ${r.lines} lines in ${r.seconds} s = ${Number(r.linesPerSecond).toLocaleString("en-US")} lines/s (target ≥ 50,000), CPU ${r.cpuSeconds} s, peak RSS ${r.peakRssMb} MB (target < 1024); parse/screen time ratio ${ratio.toFixed(2)} (rules, enrichment and storage cost ${(1 / ratio).toFixed(1)}× reading); findings ${JSON.stringify(r.findings)}, HS from ${JSON.stringify(r.hsSources)}`,
    );
  }
  if (targets.some((t) => t.kind === "postgres")) {
    const admin = await openDb({ url: TEST_POSTGRES_URL });
    await admin.exec("drop schema if exists cw_bench_screen cascade");
    await admin.close();
  }
}
