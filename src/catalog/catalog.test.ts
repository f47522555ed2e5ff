import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../api/app.ts";
import type { Db } from "../db/connection.ts";
import { openTestDb, TEST_DATA_DIR, TEST_DB_KINDS, testHome } from "../db/test-db.ts";
import { importReference } from "../reference/import-reference.ts";
import { createTestMember, type TestMember } from "../tenancy/test-principals.ts";
import { certificateStatus } from "./certificates.ts";
import { escapeFormula, toXlsx } from "./export-products.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/catalog");

describe("certificate status and formula escaping", () => {
  it("derives status from dates", () => {
    expect(certificateStatus("2026-01-01", "2026-12-15", "2026-11-21")).toEqual({ status: "expiring", daysLeft: 24 });
    expect(certificateStatus("2026-01-01", "2026-12-31", "2026-11-21")).toEqual({ status: "valid", daysLeft: 40 });
    expect(certificateStatus(null, "2027-06-30", "2026-11-21")).toEqual({ status: "valid", daysLeft: 221 });
    expect(certificateStatus(null, "2026-11-20", "2026-11-21")).toEqual({ status: "expired", daysLeft: -1 });
    expect(certificateStatus("2026-12-01", null, "2026-11-21")).toEqual({ status: "not_yet_valid", daysLeft: null });
  });

  it("escapes cells a spreadsheet would run as formulas", () => {
    expect(["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "ok"].map(escapeFormula)).toEqual(["'=1+1", "'+cmd", "'-2", "'@SUM(A1)", "'\tx", "ok"]);
  });
});

describe.each(TEST_DB_KINDS)("catalogue API on %s", (kind) => {
  let db: Db;
  let app: App;
  let compliance: TestMember;
  let declarant: TestMember;
  const upload = (body: Buffer | string, query: string, headers = compliance.headers) =>
    app.inject({ method: "POST", url: `/api/catalog/imports?${query}`, headers: { ...headers, "content-type": "application/octet-stream" }, payload: body });

  beforeAll(async () => {
    db = await openTestDb(kind);
    await importReference({ db, dataDir: TEST_DATA_DIR, only: ["hs2022", "hts2026r4", "countries", "currencies"] });
    app = await buildApp({ db, home: testHome(), logger: false });
    compliance = await createTestMember(db, { role: "compliance", tenant: "acme" });
    declarant = await createTestMember(db, { role: "declarant", tenant: "acme" });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("previews with a dry run, then imports an XLSX workbook", async () => {
    const { headers, rows } = { headers: ["SKU", "英文品名", "商品名称", "净重", "毛重", "原产国", "HS编码"], rows: [["X-1", "LED desk lamp", "LED台灯", "0.9", "1.2", "CN", "940521"], ["X-2", "=cmd|' /C calc'!A0", "公式注入测试", "0.1", "0.2", "CN", ""]] };
    const xlsx = await toXlsx(headers, rows);
    const preview = await upload(xlsx, "fileName=lamps.xlsx&dryRun=true");
    expect(preview.json()).toMatchObject({ kind: "xlsx", rows: 2, valid: 2, created: 2, committed: false });
    expect((await app.inject({ url: "/api/catalog/products", headers: compliance.headers })).json().total).toBe(0);
    const done = await upload(xlsx, "fileName=lamps.xlsx");
    expect(done.json()).toMatchObject({ committed: true, created: 2 });
  });

  it("exports CSV and XLSX that escape formulas and import back unchanged", async () => {
    await upload(fs.readFileSync(path.join(FIXTURES, "products-en.csv")), "fileName=products-en.csv");
    const csv = await app.inject({ url: "/api/catalog/export?format=csv", headers: compliance.headers });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.startsWith("\uFEFFSKU,Title (English),")).toBe(true);
    expect(csv.body).toContain(`\nX-2,'=cmd|' /C calc'!A0,公式注入测试,`);
    expect(csv.body).toContain("cotton 95%, elastane 5%");
    const again = await upload(Buffer.from(csv.body.replace("'=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0")), "fileName=export.csv");
    expect(again.json()).toMatchObject({ committed: true, rows: 6, created: 0, updated: 0, unchanged: 6 });
    const xlsx = await app.inject({ url: "/api/catalog/export?format=xlsx", headers: compliance.headers });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.rowCount).toBe(7);
    expect(sheet?.getRow(1).getCell(1).value).toBe("SKU");
  });

  it("versions a product on every change and keeps each earlier state", async () => {
    const list = (await app.inject({ url: "/api/catalog/products?q=CW-DR-002", headers: declarant.headers })).json();
    const id = list.products[0].id;
    const patched = await app.inject({ method: "PATCH", url: `/api/catalog/products/${id}`, headers: declarant.headers, payload: { declaredUnitValue: "31.00", tags: ["tools"] } });
    expect(patched.json().product).toMatchObject({ version: 2, declaredUnitValue: "31.0000", tags: ["tools"] });
    const old = (await app.inject({ url: `/api/catalog/products/${id}/versions/1`, headers: declarant.headers })).json().snapshot;
    expect(old).toMatchObject({ sku: "CW-DR-002", declaredUnitValue: "28.5000", version: 1, supplierName: "Shenzhen Powertools Ltd." });
    const same = await app.inject({ method: "PATCH", url: `/api/catalog/products/${id}`, headers: declarant.headers, payload: { declaredUnitValue: "31", tags: ["tools"] } });
    expect(same.json().product.version).toBe(2);
    const detail = (await app.inject({ url: `/api/catalog/products/${id}`, headers: declarant.headers })).json();
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(detail.classifications).toEqual([
      expect.objectContaining({ market: "hs", hs6: "846721", status: "confirmed" }),
      expect.objectContaining({ market: "us", nationalCode: "8467210010", status: "confirmed", rationale: "Imported from products-en.csv, row 3" }),
    ]);
  });

  it("checks codes against the loaded edition, keeps history, and needs the review role to confirm", async () => {
    const id = (await app.inject({ url: "/api/catalog/products?q=CW-EB-003", headers: compliance.headers })).json().products[0].id;
    const decide = (payload: object, headers = compliance.headers) => app.inject({ method: "POST", url: `/api/catalog/products/${id}/classifications`, headers, payload });
    const unknown = await decide({ market: "us", code: "8518309999", status: "suggested" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe("8518309999 is not a line of HTS2026R4.");
    expect((await decide({ market: "us", code: "8518302000", status: "confirmed" })).json().error.message).toMatch(/rationale/);
    expect((await decide({ market: "us", code: "8518302000", status: "confirmed", rationale: "x" }, declarant.headers)).statusCode).toBe(403);
    expect((await decide({ market: "us", code: "8518302000", status: "suggested" }, declarant.headers)).statusCode).toBe(201);
    const confirmed = await decide({ market: "hs", code: "851830", status: "confirmed", rationale: "Earphones: heading 8518, subheading 8518.30 (headphones and earphones)." });
    expect(confirmed.statusCode).toBe(201);
    const detail = (await app.inject({ url: `/api/catalog/products/${id}`, headers: compliance.headers })).json();
    expect(detail.classificationHistory.map((c: { market: string; status: string }) => `${c.market}:${c.status}`)).toEqual(["hs:confirmed", "us:suggested", "us:confirmed", "hs:confirmed"]);
    const unclassified = (await app.inject({ url: "/api/catalog/products?unclassified=us", headers: compliance.headers })).json();
    expect(unclassified.products.map((p: { sku: string }) => p.sku)).toEqual(["CW-EB-003", "X-1", "X-2"]);
  });

  it("keeps certificates with status, linked to products and suppliers, and filters products by expiry", async () => {
    const products = (await app.inject({ url: "/api/catalog/products", headers: compliance.headers })).json().products;
    const drill = products.find((p: { sku: string }) => p.sku === "CW-DR-002");
    const supplier = (await app.inject({ url: "/api/catalog/suppliers", headers: compliance.headers })).json().suppliers.find((s: { nameEn: string }) => s.nameEn === "Shenzhen Powertools Ltd.");
    expect(supplier.productCount).toBe(2);
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const created = await app.inject({ method: "POST", url: "/api/catalog/certificates", headers: compliance.headers, payload: { type: "un38_3", number: "UN38.3-2026-0117", issuer: "TÜV", validTo: soon, productIds: [drill.id], supplierIds: [supplier.id] } });
    expect(created.statusCode).toBe(201);
    expect(created.json().certificate).toMatchObject({ status: "expiring", daysLeft: 10, productIds: [drill.id], supplierIds: [supplier.id] });
    const bad = await app.inject({ method: "POST", url: "/api/catalog/certificates", headers: compliance.headers, payload: { type: "ce", number: "X", productIds: ["prd_nope"] } });
    expect(bad.statusCode).toBe(404);
    const expiring = (await app.inject({ url: "/api/catalog/products?certificateExpiringDays=30", headers: compliance.headers })).json();
    expect(expiring.products.map((p: { sku: string }) => p.sku)).toEqual(["CW-DR-002"]);
    expect(expiring.products[0].nextCertificateExpiry).toBe(soon);
  });

  it("exports, as CSV and XLSX, exactly the products the list's filters select", async () => {
    const get = (url: string) => app.inject({ url, headers: compliance.headers });
    const skusOfCsv = (csv: string) => csv.replace(/^\uFEFF/, "").trim().split(/\r\n/).slice(1).map((line) => line.split(",")[0]);
    const all = (await get("/api/catalog/products?limit=500")).json().total as number;
    const supplier = (await get("/api/catalog/suppliers")).json().suppliers.find((s: { nameEn: string }) => s.nameEn === "Shenzhen Powertools Ltd.");
    const filters = ["q=cw-", "tag=battery", `supplierId=${supplier.id}`, "unclassified=us", "certificateExpiringDays=30", `supplierId=${supplier.id}&tag=battery&q=earbuds`, "q=LED&unclassified=us"];
    for (const filter of filters) {
      const listed = (await get(`/api/catalog/products?${filter}&limit=500`)).json().products.map((p: { sku: string }) => p.sku);
      expect(listed.length, filter).toBeGreaterThan(0);
      expect(listed.length, filter).toBeLessThan(all);
      const csv = await get(`/api/catalog/export?format=csv&${filter}`);
      expect(csv.statusCode, filter).toBe(200);
      expect(skusOfCsv(csv.body), filter).toEqual(listed);
      const xlsx = await get(`/api/catalog/export?format=xlsx&${filter}`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      expect(sheet?.getSheetValues().slice(2).map((row) => (row as unknown[])[1]), filter).toEqual(listed);
    }
    expect(skusOfCsv((await get("/api/catalog/export?format=csv&tag=no-such-tag")).body)).toEqual([]);
    expect(skusOfCsv((await get("/api/catalog/export?format=csv")).body)).toHaveLength(all);
    expect((await get("/api/catalog/export?format=csv&unclassified=US")).statusCode).toBe(400);
    const other = await createTestMember(db, { role: "compliance", tenant: "globex" });
    expect(skusOfCsv((await app.inject({ url: `/api/catalog/export?format=csv&supplierId=${supplier.id}`, headers: other.headers })).body)).toEqual([]);
  });

  it("edits regulated attributes by type, refuses unknown keys, wrong values and contradictions by field, and exports them to import back", async () => {
    const id = (await app.inject({ url: "/api/catalog/products?q=CW-MG-004", headers: compliance.headers })).json().products[0].id;
    const patch = (regulated: object) => app.inject({ method: "PATCH", url: `/api/catalog/products/${id}`, headers: compliance.headers, payload: { regulated } });
    const regulated = { contains_battery: true, battery_form: "pack", battery_chemistry: "lithium_ion", battery_packing: "with_equipment", battery_wh: 99, battery_type: "18650 x 4", pressure_vessel: false, magnet: true, wood_packaging: true, ippc_mark: true, textile_construction: "knit", fibre: "cotton" };
    const saved = await patch(regulated);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().product.regulated).toEqual(regulated);
    const issue = async (body: object) => {
      const refused = await patch(body);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe("VALIDATION_FAILED");
      return refused.json().error.details.issues[0] as { path: string; message: string };
    };
    expect((await issue({ battery_form: "box" })).path).toBe("body/regulated/battery_form");
    expect((await issue({ battery_wh: -1 })).path).toBe("body/regulated/battery_wh");
    expect((await issue({ battery_wh: "99" })).path).toBe("body/regulated/battery_wh");
    expect((await issue({ magnet: "yes" })).path).toBe("body/regulated/magnet");
    expect((await issue({ fibre: "" })).path).toBe("body/regulated/fibre");
    expect(JSON.stringify(await issue({ colour: "red" }))).toContain("colour");
    expect(await issue({ contains_battery: false, battery_wh: 5 })).toEqual({ path: "body/regulated/battery_wh", message: "battery_wh: battery details need contains_battery to be yes" });
    expect((await issue({ wood_packaging: false, ippc_mark: true })).path).toBe("body/regulated/ippc_mark");
    const detail = (await app.inject({ url: `/api/catalog/products/${id}`, headers: compliance.headers })).json();
    expect(detail.product.regulated).toEqual(regulated);
    const csv = (await app.inject({ url: "/api/catalog/export?format=csv&q=CW-MG-004", headers: compliance.headers })).body;
    expect(csv).toContain(",yes,pack,lithium_ion,with_equipment,99,18650 x 4,");
    const again = await upload(Buffer.from(csv), "fileName=export.csv");
    expect(again.json()).toMatchObject({ committed: true, rows: 1, unchanged: 1 });
  });

  it("refuses writes to a viewer and files it cannot read", async () => {
    const viewer = await createTestMember(db, { role: "viewer", tenant: "acme" });
    expect((await upload("sku,title\nV-1,x\n", "fileName=v.csv", viewer.headers)).statusCode).toBe(403);
    const pdf = await upload(Buffer.from("%PDF-1.4 hello"), "fileName=invoice.pdf");
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error).toMatchObject({ code: "IMPORT_UNREADABLE", message: "invoice.pdf is a PDF document, not a spreadsheet; upload CSV or XLSX." });
    const noBody = await app.inject({ method: "POST", url: "/api/catalog/imports", headers: { ...compliance.headers, "content-type": "application/json" }, payload: {} });
    expect(noBody.statusCode).toBe(400);
  });
});
