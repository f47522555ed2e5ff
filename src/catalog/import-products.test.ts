import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import { openTestDb, TEST_DATA_DIR, TEST_DB_KINDS } from "../db/test-db.ts";
import { importReference } from "../reference/import-reference.ts";
import type { Principal } from "../tenancy/principal.ts";
import { createTestMember } from "../tenancy/test-principals.ts";
import { toXlsx } from "./export-products.ts";
import { importProducts } from "./import-products.ts";
import { WORKER_MIN_BYTES } from "./read-import-file.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/catalog");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

describe.each(TEST_DB_KINDS)("catalogue import on %s", (kind) => {
  let db: Db;
  let principal: Principal;
  const count = (sql: string) => withTenant(db, principal.tenantId, async (tx) => Number((await tx.query<{ n: number }>(sql))[0]?.n));

  beforeAll(async () => {
    db = await openTestDb(kind);
    await importReference({ db, dataDir: TEST_DATA_DIR, only: ["hs2022", "hts2026r4", "countries", "currencies"] });
    const member = await createTestMember(db, { role: "compliance", tenant: "acme" });
    principal = { kind: "user", id: member.userId, label: member.email, tenantId: member.tenantId, role: "compliance" };
  });
  afterAll(() => db.close());

  it("imports an English CSV with auto-mapped headers, suppliers, regulated attributes and classifications", async () => {
    const report = await importProducts(db, { principal, bytes: fixture("products-en.csv"), fileName: "products-en.csv" });
    expect(report).toMatchObject({ kind: "csv", encoding: "utf-8", rows: 4, valid: 4, invalid: 0, created: 4, updated: 0, committed: true });
    expect(report.mapping.find((m) => m.column === "Unit price")?.field).toBe("declared_unit_value");
    const [drill] = await withTenant(db, principal.tenantId, (tx) =>
      tx.query<{ materials: unknown; regulated: Record<string, unknown>; net_weight_kg: string; name_en: string }>(
        "select p.materials, p.regulated, p.net_weight_kg, s.name_en from products p join suppliers s on s.tenant_id = p.tenant_id and s.id = p.supplier_id where p.sku = 'CW-DR-002'",
      ),
    );
    expect(drill).toMatchObject({ materials: [{ material: "ABS plastic", percent: 60 }, { material: "steel", percent: 40 }], regulated: { contains_battery: true, battery_wh: 36 }, name_en: "Shenzhen Powertools Ltd." });
    expect(Number(drill?.net_weight_kg)).toBe(1.35);
    expect(await count("select count(*) as n from suppliers")).toBe(3);
    expect(await count("select count(*) as n from product_classifications where market = 'us' and status = 'confirmed'")).toBe(4);
  });

  it("reads a GB18030 file with Chinese headers and updates by SKU, keeping the previous version", async () => {
    const report = await importProducts(db, { principal, bytes: fixture("products-gbk.csv"), fileName: "products-gbk.csv" });
    expect(report).toMatchObject({ encoding: "gb18030", rows: 3, created: 2, updated: 1, committed: true });
    expect(report.mapping.map((m) => m.field)).toEqual(["sku", "title_zh", "title_en", "brand", "model", "materials", "origin_country", "supplier", "net_weight_kg", "gross_weight_kg", "declared_unit_value", "currency", "hs_code", "contains_battery"]);
    const [shirt] = await withTenant(db, principal.tenantId, (tx) => tx.query<{ id: string; version: number; title_zh: string; origin_country: string }>("select id, version, title_zh, origin_country from products where sku = 'CW-TS-001'"));
    expect(shirt).toMatchObject({ version: 2, title_zh: "女士棉质针织T恤", origin_country: "CN" });
    const [previous] = await withTenant(db, principal.tenantId, (tx) => tx.query<{ version: number; snapshot: { title_zh: string | null; supplier_id: string } }>("select version, snapshot from product_versions where product_id = $1", [shirt?.id]));
    expect(previous).toMatchObject({ version: 1, snapshot: { title_zh: null } });
    const again = await importProducts(db, { principal, bytes: fixture("products-gbk.csv"), fileName: "products-gbk.csv" });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it("refuses a file with bad rows, naming row, column and reason, and changes nothing", async () => {
    const before = await count("select count(*) as n from products");
    const report = await importProducts(db, { principal, bytes: fixture("products-bad.csv"), fileName: "products-bad.csv" });
    expect(report.committed).toBe(false);
    expect(report.rows).toBe(9);
    const found = report.errors.map((e) => `${e.row}:${e.column}:${e.reason}`);
    expect(found).toEqual([
      "2:Net weight (kg):must not be negative",
      "3:Net weight (kg):net weight 2.5 kg exceeds gross weight 1 kg",
      "4:Unit price:99999999 is implausibly large (over 10000000)",
      "5:HTS code:6109999999 is not a line of the loaded US HTS edition",
      '6:Country of origin:"ZZ" is not a known country (ISO 3166 code or name)',
      '6:Currency:"QQQ" is not a current ISO 4217 currency',
      "7:Material:percentages add up to 120%, more than 100%",
      "8:SKU:SKU appears again (first at row 2)",
      "9:SKU:SKU is required",
    ].map((line) => expect.stringMatching(new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`))) as never);
    expect(report.errors.every((e) => e.reasonZh.length > 0)).toBe(true);
    expect(await count("select count(*) as n from products")).toBe(before);
  });

  it("imports only the valid rows when asked", async () => {
    const report = await importProducts(db, { principal, bytes: fixture("products-bad.csv"), fileName: "products-bad.csv", validOnly: true });
    expect(report).toMatchObject({ committed: true, valid: 1, invalid: 8, created: 1 });
  });

  it("gives one clear error for files it cannot read, and for missing required columns", async () => {
    const reject = (bytes: Buffer, name: string) => importProducts(db, { principal, bytes, fileName: name });
    await expect(reject(Buffer.from("%PDF-1.7\n..."), "x.pdf")).rejects.toMatchObject({ code: "IMPORT_UNREADABLE", message: expect.stringContaining("a PDF document") });
    await expect(reject(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), "broken.xlsx")).rejects.toMatchObject({ code: "IMPORT_UNREADABLE", message: expect.stringContaining("not a readable XLSX") });
    await expect(reject(Buffer.from([0x80, 0xff, 0xfe, 0x41, 0x2c, 0x42]), "junk.csv")).rejects.toMatchObject({ code: "IMPORT_UNREADABLE" });
    await expect(reject(Buffer.from("name,price\nshoe,3\n"), "nosku.csv")).rejects.toMatchObject({ code: "IMPORT_REJECTED", message: expect.stringContaining("SKU (商品编号)") });
    await expect(reject(Buffer.from('sku,title\n"unterminated,x\n'), "quote.csv")).rejects.toMatchObject({ code: "IMPORT_UNREADABLE" });
    await expect(reject(Buffer.alloc(0), "empty.csv")).rejects.toMatchObject({ code: "IMPORT_UNREADABLE", message: "empty.csv is empty." });
    await expect(reject(Buffer.alloc(200 * 1024 * 1024, 0x41), "huge.csv")).rejects.toMatchObject({ code: "IMPORT_TOO_LARGE", message: "huge.csv is 200 MB; imports take files up to 100 MB. Split it." });
    await expect(reject(Buffer.from(`sku,title\nA,${"x".repeat(40_000)}\n`), "longcell.csv")).rejects.toMatchObject({ code: "IMPORT_UNREADABLE", message: expect.stringContaining("row 2 has a cell over 32767 characters") });
  });

  it("reads a bare 10-digit HS code column as the market asked for", async () => {
    const bytes = fixture("products-cn-codes.csv");
    const asUs = await importProducts(db, { principal, bytes, fileName: "products-cn-codes.csv", dryRun: true, market: "us" });
    expect(asUs.errors.map((e) => `${e.row}:${e.column}:${e.reason}`)).toEqual(["2:HS编码:8518300000 is not a line of the loaded US HTS edition", "3:HS编码:8467210000 is not a line of the loaded US HTS edition"]);
    const asCn = await importProducts(db, { principal, bytes, fileName: "products-cn-codes.csv", market: "cn" });
    expect(asCn).toMatchObject({ committed: true, valid: 2, created: 2 });
    const codes = await withTenant(db, principal.tenantId, (tx) =>
      tx.query<{ sku: string; market: string; code: string }>("select p.sku, c.market, coalesce(c.national_code, c.hs6) as code from product_classifications c join products p on p.id = c.product_id where p.sku like 'CW-CN-%' order by p.sku, c.market"),
    );
    expect(codes.map((c) => `${c.sku} ${c.market} ${c.code}`)).toEqual(["CW-CN-101 cn 8518300000", "CW-CN-101 hs 851830", "CW-CN-102 cn 8467210000", "CW-CN-102 hs 846721"]);
  });

  it("reads battery, pressure-vessel and textile attributes from the words people write, and refuses contradictions", async () => {
    const csv = [
      "SKU,Title,Contains battery,Cell or pack,Battery chemistry,Battery packing,Battery Wh,Pressure vessel,Knit or woven,Wood packaging,IPPC",
      "CW-RG-1,Power bank,yes,电池组,Li-ion polymer,packed with equipment,74,no,,yes,yes",
      "CW-RG-2,Watch,yes,button cell,lithium metal,contained in equipment,0.6,,,,",
      "CW-RG-3,Mask,no,,,,,,non-woven,,",
      "CW-RG-4,Crate,no,pack,,,12,,,no,yes",
      "CW-RG-5,Toy,yes,box,lithium,,,,,,",
    ].join("\n");
    const report = await importProducts(db, { principal, bytes: Buffer.from(csv), fileName: "regulated.csv", validOnly: true });
    expect(report.errors.map((e) => `${e.row}:${e.column}:${e.reason}`)).toEqual([
      "5:Cell or pack:battery details need contains_battery to be yes",
      "5:Battery Wh:battery details need contains_battery to be yes",
      "5:IPPC:an IPPC mark needs wood packaging",
      '6:Cell or pack:"box" is not cell or pack',
      '6:Battery chemistry:"lithium" is not lithium-ion or lithium metal',
    ]);
    const rows = await withTenant(db, principal.tenantId, (tx) => tx.query<{ sku: string; regulated: object }>("select sku, regulated from products where sku like 'CW-RG-%' order by sku"));
    expect(rows).toEqual([
      { sku: "CW-RG-1", regulated: { contains_battery: true, battery_form: "pack", battery_chemistry: "lithium_ion", battery_packing: "with_equipment", battery_wh: 74, pressure_vessel: false, wood_packaging: true, ippc_mark: true } },
      { sku: "CW-RG-2", regulated: { contains_battery: true, battery_form: "cell", battery_chemistry: "lithium_metal", battery_packing: "in_equipment", battery_wh: 0.6 } },
      { sku: "CW-RG-3", regulated: { contains_battery: false, textile_construction: "nonwoven" } },
    ]);
  });

  it("imports a large file read in a worker thread a batch at a time, and rolls all of it back for one bad row at the end", async () => {
    // 15,000 rows (over 1 MB): read in a worker and written in two batches; the last row is bad.
    const rows = Array.from({ length: 15_000 }, (_, i) => `BIG-${String(i).padStart(5, "0")},"Lamp ""Aurora"" ${i}",台灯 ${i},${(i % 7) + 0.25},${(i % 7) + 0.5},USD,${i % 3 ? "CN" : "VN"},Works ${i % 40} Ltd,${i % 2 ? "8518302000" : "6109100040"},cotton 100%`);
    rows.push("BIG-LAST,Bad row,,-3,1,USD,CN,,");
    const csv = Buffer.from(`SKU,Title,商品名称,Unit price,Gross weight (kg),Currency,Country of origin,Supplier,HTS code,Material\n${rows.join("\n")}\n`);
    expect(csv.length).toBeGreaterThan(WORKER_MIN_BYTES.csv);
    const before = await count("select count(*) as n from products");
    const refused = await importProducts(db, { principal, bytes: csv, fileName: "big.csv" });
    expect(refused).toMatchObject({ rows: 15_001, valid: 15_000, invalid: 1, committed: false, created: 15_000 });
    expect(refused.errors.map((e) => `${e.row}:${e.column}`)).toEqual(["15002:Unit price"]);
    expect(await count("select count(*) as n from products")).toBe(before);
    expect(await count("select count(*) as n from suppliers where name_en like 'Works %'")).toBe(0);

    const report = await importProducts(db, { principal, bytes: csv, fileName: "big.csv", validOnly: true });
    expect(report).toMatchObject({ rows: 15_001, valid: 15_000, invalid: 1, created: 15_000, committed: true, importId: expect.stringMatching(/^imp_/) });
    expect(await count("select count(*) as n from products where sku like 'BIG-%'")).toBe(15_000);
    expect(await count("select count(*) as n from suppliers where name_en like 'Works %'")).toBe(40);
    expect(await count(`select count(*) as n from product_classifications where import_id = '${report.importId}'`)).toBe(30_000);
    const [lamp] = await withTenant(db, principal.tenantId, (tx) =>
      tx.query<{ title_en: string; title_zh: string; declared_unit_value: string; origin_country: string; supplier: string; rationale: string }>(
        `select p.title_en, p.title_zh, p.declared_unit_value, p.origin_country, s.name_en as supplier, c.rationale from products p join suppliers s on s.id = p.supplier_id
         join product_classifications c on c.product_id = p.id and c.market = 'us' where p.sku = 'BIG-12345'`,
      ),
    );
    expect(lamp).toMatchObject({ title_en: 'Lamp "Aurora" 12345', title_zh: "台灯 12345", origin_country: "VN", supplier: "Works 25 Ltd", rationale: "Imported from big.csv, row 12347" });
    expect(Number(lamp?.declared_unit_value)).toBe(4.25);

    // The same rows as XLSX, read in a worker too: nothing changed, nothing new recorded.
    const xlsx = await toXlsx(
      ["SKU", "Title", "商品名称", "Unit price", "Gross weight (kg)", "Currency", "Country of origin", "Supplier", "HTS code", "Material"],
      Array.from({ length: 15_000 }, (_, i) => [`BIG-${String(i).padStart(5, "0")}`, `Lamp "Aurora" ${i}`, `台灯 ${i}`, String((i % 7) + 0.25), String((i % 7) + 0.5), "USD", i % 3 ? "CN" : "VN", `Works ${i % 40} Ltd`, i % 2 ? "8518302000" : "6109100040", "cotton 100%"]),
    );
    expect(xlsx.length).toBeGreaterThan(WORKER_MIN_BYTES.xlsx);
    const again = await importProducts(db, { principal, bytes: xlsx, fileName: "big.xlsx" });
    expect(again).toMatchObject({ kind: "xlsx", rows: 15_000, created: 0, updated: 0, unchanged: 15_000, committed: true });
    expect(await count(`select count(*) as n from product_classifications where import_id = '${again.importId}'`)).toBe(0);
    // A large file the worker refuses is refused with the same error as a small one.
    await expect(importProducts(db, { principal, bytes: Buffer.from(`name,price\n${"shoe,3\n".repeat(200_000)}`), fileName: "nosku.csv" })).rejects.toMatchObject({
      code: "IMPORT_REJECTED",
      message: expect.stringContaining("SKU (商品编号)"),
      details: { headers: ["name", "price"] },
    });
  });

  it("lets the user override the header mapping", async () => {
    const csv = Buffer.from("Item,Nom,Poids\nCW-MAP-1,Lampe LED,0.4\n");
    await expect(importProducts(db, { principal, bytes: csv, fileName: "fr.csv" })).rejects.toMatchObject({ code: "IMPORT_REJECTED" });
    const report = await importProducts(db, { principal, bytes: csv, fileName: "fr.csv", mapping: { Item: "sku", Nom: "title_en", Poids: "net_weight_kg" } });
    expect(report).toMatchObject({ committed: true, created: 1 });
    await expect(importProducts(db, { principal, bytes: csv, fileName: "fr.csv", mapping: { Item: "nonsense" } })).rejects.toThrow(/"nonsense" is not a product field/);
  });
});
