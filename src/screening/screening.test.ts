import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../api/app.ts";
import { importProducts } from "../catalog/import-products.ts";
import type { Db } from "../db/connection.ts";
import { openTestDb, TEST_DATA_DIR, TEST_DB_KINDS, testHome } from "../db/test-db.ts";
import { withTenant } from "../db/tenant-scope.ts";
import { openLedger } from "../ledger/open-ledger.ts";
import { importReference } from "../reference/import-reference.ts";
import { createTestMember, type TestMember } from "../tenancy/test-principals.ts";
import { csvRecords } from "./read-text-records.ts";
import { allFindings, editLine, getLine, getRun, listFindings, listRuns, storedLines } from "./reports.ts";
import { ruleCatalogue, ruleCatalogueMarkdown } from "./rule-catalogue.ts";
import { containerCheckDigit } from "./rules/transport-rules.ts";
import { isValidResidentId } from "./rules/lane-rules.ts";
import { rerunScreening, screenFile, waitForJob } from "./run-screening.ts";
import { manifestFromJson } from "./read-manifest.ts";
import { type ScreenResult, screenManifest } from "./screen-manifest.ts";
import { packFor } from "./packs.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXAMPLES = path.join(ROOT, "examples/manifests");
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), "cw-screening-"));

describe("screening building blocks", () => {
  it("checks ISO 6346 container numbers and GB 11643 ID numbers", () => {
    expect(containerCheckDigit("CSQU305438")).toBe(3);
    expect(containerCheckDigit("MSKU123456")).toBe(5);
    expect(containerCheckDigit("CSQ1305438")).toBeNull();
    expect(isValidResidentId("11010519491231002X")).toBe(true);
    expect(isValidResidentId("110105194912310021")).toBe(false);
    expect(isValidResidentId("1101051949123100")).toBe(false);
  });

  it("splits CSV records with quotes, CRLF and line breaks inside cells, whatever the chunking", async () => {
    const text = 'a;b;c\r\n1;"x; ""y""";3\r\n"multi\nline";;\r\n';
    for (const size of [1, 4, 1000]) {
      async function* chunks() {
        for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
      }
      const records = [];
      for await (const r of csvRecords(chunks(), "t.csv")) records.push(r);
      expect(records).toEqual([
        { line: 1, cells: ["a", "b", "c"] },
        { line: 2, cells: ["1", 'x; "y"', "3"] },
        { line: 3, cells: ["multi\nline", "", ""] },
      ]);
    }
  });

  it("picks the pack in force on the date", () => {
    expect(packFor("us-import", "2025-08-28").id).toBe("us-import@2025.1");
    expect(packFor("us-import", "2025-08-29").id).toBe("us-import@2025.2");
    expect(packFor("eu-import", "2026-06-30").id).toBe("eu-import@2021.1");
    expect(packFor("eu-import", "2026-07-01").id).toBe("eu-import@2026.2");
    expect(() => packFor("cn-import", "2018-12-31")).toThrow(/No cn-import rule pack is in force/);
  });

  it("keeps docs/screening-rules.md in step with the rules", () => {
    expect(fs.readFileSync(path.join(ROOT, "docs/screening-rules.md"), "utf8")).toBe(ruleCatalogueMarkdown());
    for (const rule of ruleCatalogue()) expect(rule.checks.length * rule.checksZh.length * rule.source.length).toBeGreaterThan(0);
  });

  it("flattens JSON orders with waybills and parties into item lines", () => {
    const { lane, lines } = manifestFromJson({ lane: "eu-import", orders: [{ order_no: "A", consignee: { name: "Lena", country: "DE" }, waybills: [{ waybill_no: "W1", items: [{ sku: "S1" }, { sku: "S2" }] }] }] });
    expect(lane).toBe("eu-import");
    expect(lines.map((l) => [l.line, l.values.order_no, l.values.waybill_no, l.values.consignee_name, l.values.consignee_country, l.values.sku])).toEqual([
      [1, "A", "W1", "Lena", "DE", "S1"],
      [2, "A", "W1", "Lena", "DE", "S2"],
    ]);
    expect(() => manifestFromJson({ lane: "mars-import", lines: [{}] })).toThrow(/lane "mars-import"/);
  });
});

/** A ZIP file whose one entry claims to expand a thousandfold (a zip bomb's directory). */
function zipBomb(file: string): void {
  const data = zlib.deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(64 * 1024 * 1024, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(64 * 1024 * 1024, 24);
  central.writeUInt16LE(name.length, 28);
  const dirOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  fs.writeFileSync(file, Buffer.concat([local, name, data, central, name, end]));
}

/** A manifest whose orders come back later in the file, with repeated and conflicting rows, shared waybills, clipped order numbers and some bad cells. */
function messyManifest(lines: number): string {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(good: T, bad: T[]): T => (random() < 0.06 ? (bad[Math.floor(random() * bad.length)] as T) : good);
  const rows = ["order_no,waybill_no,consignor_name,consignor_country,consignee_name,consignee_address,goods_value,sku,title,hs_code,qty,unit,unit_value,line_total,currency,origin_country,net_weight_kg,gross_weight_kg,waybill_gross_weight_kg,container_no,seal_no"];
  let previous = "";
  for (let i = 0; i < lines; i++) {
    const order = Math.max(0, Math.floor(i / 3) - (random() < 0.05 ? Math.floor(random() * 400) : 0));
    const qty = pick("2", ["0", "abc"]);
    const row = [
      order % 97 === 0 ? `LONG-${"9".repeat(130)}-${order}` : `M-${order}`,
      pick(`W-${order}`, [`W-${Math.floor(random() * 50)}`]),
      "Shenzhen Lanhai Trading Co. Ltd",
      "CN",
      pick(`Buyer ${order % 40}`, ["Someone Else"]),
      `"${order % 30} Main St, Springfield"`,
      pick("", ["30.00"]),
      pick("TS-COT-M-BLK", ["BP-NYL-22L", "NOT-IN-CATALOGUE", ""]),
      pick("Cotton T-shirt", ['"Bluetooth earbuds, ""pro"""', ""]),
      pick("", ["6109.10.00.12", "9999.99.9999", "4202", "12AB"]),
      qty,
      pick("doz", ["kg", "furlongs"]),
      pick("9.90", ["0"]),
      pick(qty === "2" ? "19.80" : "", ["7"]),
      pick("USD", ["EUR", "XYZ"]),
      pick("CN", ["XX"]),
      pick("0.4", ["2"]),
      pick("0.5", ["0.1"]),
      pick("", ["1.0"]),
      pick("", ["CSQU3054383", "CSQU3054384"]),
      pick("", ["CN1"]),
    ].join(",");
    rows.push(random() < 0.02 && previous ? previous : row);
    previous = row;
  }
  return `${rows.join("\n")}\n`;
}

describe.each(TEST_DB_KINDS)("manifest screening on %s", (kind) => {
  let db: Db;
  let app: App;
  let declarant: TestMember;
  let viewer: TestMember;
  const tenantId = () => declarant.tenantId;
  const home = testHome();
  const store = openLedger(home).store;

  beforeAll(async () => {
    db = await openTestDb(kind);
    await importReference({ db, dataDir: TEST_DATA_DIR, only: ["hs2022", "hts2026r4", "countries", "currencies", "locations"] });
    app = await buildApp({ db, home, logger: false });
    declarant = await createTestMember(db, { role: "declarant", tenant: "acme" });
    viewer = await createTestMember(db, { role: "viewer", tenant: "acme" });
    const catalogue = await importProducts(db, { principal: { kind: "cli", id: null, label: "test", tenantId: declarant.tenantId, role: "admin" }, bytes: fs.readFileSync(path.join(ROOT, "examples/catalog/products.csv")), fileName: "products.csv" });
    expect(catalogue).toMatchObject({ committed: true, created: 11 });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("finds every rule code of the catalogue in the example manifests, each where it was planted", async () => {
    const seen = new Map<string, number>();
    const expected: Record<string, string[]> = {
      "us-import.csv": ["FORMAT.REQUIRED_MISSING", "FORMAT.TOO_LONG", "FORMAT.INVALID_NUMBER", "FORMAT.INVALID_CODE", "HS.UNKNOWN", "HS.INCOMPLETE", "HS.SUGGESTED", "HS.CATALOGUE_MISMATCH", "QTY.NOT_POSITIVE", "QTY.UNIT_MISMATCH", "VALUE.NOT_POSITIVE", "TOTAL.LINE_MISMATCH", "TOTAL.MISMATCH", "WEIGHT.NET_EXCEEDS_GROSS", "WEIGHT.PARCEL_NET_EXCEEDS_GROSS", "CONTAINER.CHECK_DIGIT", "CONTAINER.SEAL_MISSING", "CURRENCY.MIXED", "DUPLICATE.ORDER", "DUPLICATE.LINE", "DUPLICATE.WAYBILL", "CATALOGUE.SKU_UNKNOWN", "US_IMPORT.DE_MINIMIS"],
      "cn-import.csv": ["CN_IMPORT.THREE_DOC_MISMATCH", "CN_IMPORT.BUYER_ID_INVALID", "CN_IMPORT.SINGLE_LIMIT", "CN_IMPORT.ANNUAL_LIMIT", "CN_IMPORT.CURRENCY_NOT_CNY"],
      "eu-import.json": ["EU_IMPORT.IOSS_INVALID", "EU_IMPORT.H7_VALUE_EXCEEDED", "EU_IMPORT.FLAT_DUTY", "HS.INCOMPLETE", "WEIGHT.PARCEL_NET_EXCEEDS_GROSS"],
      "cn-export-ceb603.xml": ["DUPLICATE.WAYBILL", "HS.UNKNOWN", "QTY.NOT_POSITIVE", "FORMAT.INVALID_CODE"],
      "cn-import-ceb621.xml": ["CN_IMPORT.BUYER_ID_INVALID", "CN_IMPORT.SINGLE_LIMIT", "DUPLICATE.WAYBILL", "HS.UNKNOWN"],
    };
    for (const [file, codes] of Object.entries(expected)) {
      const lane = file === "us-import.csv" ? "us-import" : file === "cn-import.csv" ? "cn-import" : undefined;
      const result = await screenFile(db, path.join(EXAMPLES, file), file, { tenantId: tenantId(), store, lane, date: "2026-11-21" });
      const found = new Set(result.summary.byCode.map((c) => c.code));
      for (const code of codes) expect(found, `${file} should raise ${code}`).toContain(code);
      for (const c of result.summary.byCode) seen.set(c.code, (seen.get(c.code) ?? 0) + c.count);
      expect(result.summary.readyOrders + result.summary.blockedOrders).toBe(result.summary.orders);
    }
    expect(ruleCatalogue().map((r) => r.code).filter((code) => !seen.has(code))).toEqual([]);
  });

  it("reports each finding with its row, field, both languages, evidence and a hint", async () => {
    const result = await screenFile(db, path.join(EXAMPLES, "us-import.csv"), "us-import.csv", { tenantId: tenantId(), store, lane: "us-import", date: "2026-11-21" });
    expect(result.summary).toMatchObject({ lines: 21, orders: 17 });
    const { findings } = await withTenant(db, tenantId(), (tx) => listFindings(tx, tenantId(), result.runId, { code: "CONTAINER.CHECK_DIGIT" }));
    expect(findings[0]).toMatchObject({ severity: "block", orderNo: "US-24002", line: 4, field: "container_no", evidence: { containerNo: "CSQU3054384", expectedCheckDigit: 3 } });
    expect(findings[0]?.messageZh).toContain("集装箱号");
    const unit = await withTenant(db, tenantId(), (tx) => listFindings(tx, tenantId(), result.runId, { code: "QTY.UNIT_MISMATCH", line: 4 }));
    expect(unit.findings[0]?.evidence).toMatchObject({ declaredUnit: "pcs", tariffCode: "3304995000", tariffUnits: ["kg"] });
    const mismatch = await withTenant(db, tenantId(), (tx) => listFindings(tx, tenantId(), result.runId, { code: "HS.CATALOGUE_MISMATCH" }));
    expect(mismatch.findings[0]).toMatchObject({ orderNo: "US-24014", evidence: { declared: "8518301000", confirmed: "8518302000" } });
    const line = await withTenant(db, tenantId(), (tx) => getLine(tx, tenantId(), result.runId, 3));
    expect(line).toMatchObject({ line: 3, hsSource: "line", product: { sku: "BP-NYL-22L", confirmedCode: "4202923120" }, values: { order_no: "US-24001", qty: "100" } });
  });

  it("re-runs a screening with a line edited in place, and the finding goes away", async () => {
    const first = await screenFile(db, path.join(EXAMPLES, "us-import.csv"), "us-import.csv", { tenantId: tenantId(), store, lane: "us-import", date: "2026-11-21" });
    const before = await withTenant(db, tenantId(), (tx) => listFindings(tx, tenantId(), first.runId, { code: "QTY.NOT_POSITIVE" }));
    expect(before.findings.map((f) => f.line)).toEqual([5]);
    await withTenant(db, tenantId(), (tx) => editLine(tx, tenantId(), first.runId, 5, { qty: "80", line_total: "520.00" }, "test"));
    const second = await rerunScreening(db, first.runId, { tenantId: tenantId(), store, date: "2026-11-21" });
    const after = await withTenant(db, tenantId(), (tx) => listFindings(tx, tenantId(), second.runId, { code: "QTY.NOT_POSITIVE" }));
    expect(after.total).toBe(0);
    expect(second.summary.lines).toBe(first.summary.lines);
    expect(second.summary.findings.total).toBeLessThan(first.summary.findings.total);
  });

  it("screens in a worker thread exactly as on this thread, first runs and re-runs alike", async () => {
    const file = path.join(WORK, `${kind}-messy.csv`);
    fs.writeFileSync(file, messyManifest(12_000));
    const options = { tenantId: tenantId(), store, lane: "us-import" as const, date: "2026-11-21" };
    const stored = (runId: string) =>
      withTenant(db, tenantId(), async (tx) => {
        const findings = [];
        for await (const page of allFindings(tx, tenantId(), runId)) findings.push(...page);
        const orders = (await tx.query<{ orderNo: string }>(`select order_no as "orderNo" from screening_run_orders where tenant_id = $1 and run_id = $2 order by order_no`, [tenantId(), runId])).map((r) => r.orderNo);
        const run = await getRun(tx, tenantId(), runId);
        return { findings, orders, fields: run.fields, progress: run.progress, sourceSha256: run.sourceSha256, line: await getLine(tx, tenantId(), runId, 11_000) };
      });
    const same = async (here: ScreenResult, there: ScreenResult) => {
      const { durationMs: _a, linesPerSecond: _b, classifierCalls: _c, ...summary } = here.summary;
      expect(there.summary).toMatchObject(summary);
      expect(there.evidence?.reportSha256).toBe(here.evidence?.reportSha256);
      const [a, b] = [await stored(here.runId), await stored(there.runId)];
      expect(b).toEqual(a);
      const lines = async (runId: string) => {
        const all = [];
        for await (const line of storedLines(db, tenantId(), runId)) all.push(line);
        return all;
      };
      expect(await lines(there.runId)).toEqual(await lines(here.runId));
    };
    const here = await screenFile(db, file, "messy.csv", { ...options, worker: false });
    const there = await screenFile(db, file, "messy.csv", { ...options, worker: true });
    expect(here.summary.lines).toBe(12_000);
    expect(here.summary.byCode.map((c) => c.code)).toEqual(expect.arrayContaining(["DUPLICATE.ORDER", "DUPLICATE.LINE", "DUPLICATE.WAYBILL", "CURRENCY.MIXED", "HS.UNKNOWN", "FORMAT.INVALID_NUMBER", "CATALOGUE.SKU_UNKNOWN"]));
    await same(here, there);
    for (const run of [here, there]) await withTenant(db, tenantId(), (tx) => editLine(tx, tenantId(), run.runId, 11_000, { qty: "0", currency: "GBP" }, "test"));
    await same(await rerunScreening(db, here.runId, { ...options, worker: false }), await rerunScreening(db, there.runId, { ...options, worker: true }));
  });

  it("refuses unreadable files with one clear error and leaves no run behind", async () => {
    const runsBefore = (await withTenant(db, tenantId(), (tx) => listRuns(tx, tenantId()))).total;
    const write = (name: string, bytes: Buffer | string) => {
      const file = path.join(WORK, `${kind}-${name}`);
      fs.writeFileSync(file, bytes);
      return file;
    };
    const cases: [string, RegExp][] = [
      [write("scan.pdf", "%PDF-1.7\n..."), /is a PDF document/],
      [write("long-line.csv", `order_no,sku\n"${"x".repeat(1_200_000)}",A\n`), /longer than 1024 KB/],
      [write("broken.csv", Buffer.concat([Buffer.from(`order_no,title\n${"A,ok\n".repeat(20_000)}`), Buffer.from([0x41, 0x2c, 0xff, 0xfe, 0x0a])])), /not valid utf-8 text near byte/],
      [write("headers.csv", "colour,size\nred,M\n"), /no column header is a manifest field/],
      [write("entities.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><ceb:CEB621Message xmlns:ceb="http://www.chinaport.gov.cn/ceb">&a;</ceb:CEB621Message>'), /DOCTYPE/],
    ];
    const bomb = path.join(WORK, `${kind}-bomb.xlsx`);
    zipBomb(bomb);
    cases.push([bomb, /ZIP bomb/]);
    for (const worker of [false, true]) {
      for (const [file, message] of cases) await expect(screenFile(db, file, path.basename(file), { tenantId: tenantId(), store, lane: "cn-import", worker })).rejects.toThrow(message);
    }
    expect((await withTenant(db, tenantId(), (tx) => listRuns(tx, tenantId()))).total).toBe(runsBefore);
  });

  it("turns bad rows into findings on those rows, never a failed run", async () => {
    const lines = manifestFromJson({ lines: [{ order_no: "B-1", sku: "X", qty: "abc", unit: "furlongs", currency: "XYZ", hs_code: "12AB" }, {}] }).lines;
    const result = await screenManifest(db, { tenantId: tenantId(), store, lane: "eu-import", date: "2026-11-21", source: { kind: "json", name: "bad.json", lines: (async function* () { yield* lines; })() } });
    const codes = result.summary.byCode.map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(["FORMAT.INVALID_NUMBER", "FORMAT.INVALID_CODE", "HS.UNKNOWN", "FORMAT.REQUIRED_MISSING"]));
    expect(result.summary).toMatchObject({ lines: 2, blockedOrders: 2, readyOrders: 0 });
  });

  it("saves manifest column mappings apart from catalogue ones and screens with them", async () => {
    const refused = await app.inject({ method: "PUT", url: "/api/screening/mappings/carrier", headers: declarant.headers, payload: { mapping: { 面单: "title_en" } } });
    expect(refused.json().error.message).toMatch(/"title_en" is not a manifest field/);
    const saved = await app.inject({ method: "PUT", url: "/api/screening/mappings/carrier", headers: declarant.headers, payload: { mapping: { 面单: "waybill_no", 件数: "qty" } } });
    expect(saved.statusCode).toBe(200);
    expect((await app.inject({ url: "/api/catalog/mappings", headers: declarant.headers })).json().mappings).toEqual([]);
    const csv = "order_no,面单,件数,sku\nM-1,YT9001,2,X\nM-2,YT9001,1,Y\n";
    const run = (await app.inject({ method: "POST", url: "/api/screenings?lane=cn-export&mappingName=carrier&fileName=m.csv", headers: { ...declarant.headers, "content-type": "text/csv" }, payload: csv })).json().run;
    const reused = await app.inject({ url: `/api/screenings/${run.id}/findings?code=DUPLICATE.WAYBILL`, headers: viewer.headers });
    expect(reused.json().findings[0]).toMatchObject({ orderNo: "M-2", evidence: { waybillNo: "YT9001" } });
  });

  it("screens through the API: small files at once, large ones as a background job, with filtered findings and exports", async () => {
    const csv = fs.readFileSync(path.join(EXAMPLES, "cn-import.csv"));
    const now = await app.inject({ method: "POST", url: "/api/screenings?lane=cn-import&fileName=cn-import.csv&date=2026-11-21", headers: { ...declarant.headers, "content-type": "text/csv" }, payload: csv });
    expect(now.statusCode).toBe(201);
    const run = now.json().run;
    expect(run).toMatchObject({ status: "done", lane: "cn-import", packId: "cn-import@2019.1", sourceKind: "csv", summary: { lines: 14, orders: 13 } });
    expect(run.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    const blocks = await app.inject({ url: `/api/screenings/${run.id}/findings?severity=block&code=CN_IMPORT.THREE_DOC_MISMATCH`, headers: viewer.headers });
    expect(blocks.json().findings.map((f: { orderNo: string }) => f.orderNo).sort()).toEqual(["HQ-1002", "HQ-1021", "HQ-1022"]);

    const later = await app.inject({ method: "POST", url: "/api/screenings?lane=cn-import&fileName=cn-import.csv&background=true&date=2026-11-21", headers: { ...declarant.headers, "content-type": "application/octet-stream" }, payload: csv });
    expect(later.statusCode).toBe(202);
    expect(later.json().run.status).toBe("running");
    await waitForJob(later.json().run.id);
    const done = (await app.inject({ url: `/api/screenings/${later.json().run.id}`, headers: viewer.headers })).json().run;
    expect(done).toMatchObject({ status: "done", summary: { findings: run.summary.findings } });

    const json = await app.inject({ url: `/api/screenings/${run.id}/report?format=json`, headers: viewer.headers });
    expect(Object.keys(json.json().findings[0]).sort()).toEqual(["code", "evidence", "field", "hint", "hint_zh", "line", "message", "message_zh", "order_no", "severity"]);
    const csvReport = await app.inject({ url: `/api/screenings/${run.id}/report?format=csv`, headers: viewer.headers });
    expect(csvReport.body.startsWith("\uFEFFseverity,code,order_no,line,field,message,message_zh,hint,hint_zh,evidence\r\n")).toBe(true);
    const xlsx = await app.inject({ url: `/api/screenings/${run.id}/report?format=xlsx`, headers: viewer.headers });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet("Findings 问题")?.rowCount).toBe(run.summary.findings.total + 1);

    const refused = await app.inject({ method: "POST", url: "/api/screenings?lane=cn-import", headers: { ...viewer.headers, "content-type": "text/csv" }, payload: csv });
    expect(refused.statusCode).toBe(403);
    const json2 = await app.inject({ method: "POST", url: "/api/screenings?date=2026-11-21", headers: declarant.headers, payload: JSON.parse(fs.readFileSync(path.join(EXAMPLES, "eu-import.json"), "utf8")) });
    expect(json2.json().run).toMatchObject({ lane: "eu-import", packId: "eu-import@2026.2", sourceKind: "json", summary: { orders: 5 } });
    const edit = await app.inject({ method: "PATCH", url: `/api/screenings/${run.id}/lines/2`, headers: declarant.headers, payload: { changes: { qty: "3" } } });
    expect(edit.json()).toEqual({ line: 2, edits: { qty: "3" } });
    const rules = await app.inject({ url: "/api/screening/rules?lane=cn-import", headers: viewer.headers });
    expect(rules.json().rules.map((r: { code: string }) => r.code)).toContain("CN_IMPORT.ANNUAL_LIMIT");
  });
});
