import { AppError } from "../core/errors.ts";
import { newId } from "../core/ids.ts";
import type { Db, Queryable } from "../db/connection.ts";
import { csvChunks } from "../db/csv.ts";
import { withTenant } from "../db/tenant-scope.ts";
import { recordAudit } from "../tenancy/audit.ts";
import type { Principal } from "../tenancy/principal.ts";
import { type LoggedClassification, logClassifications } from "./classify-product-code.ts";
import { fieldForHeader, fieldSpec } from "./fields.ts";
import { FIELD_KEYS, type ProductInput, parseProductRow, type RowContext, type RowError } from "./parse-product-row.ts";
import { readSpreadsheet } from "./read-spreadsheet.ts";

/** Options for one import. */
export type ImportProductsOptions = {
  principal: Principal;
  bytes: Buffer;
  fileName: string;
  /** Header → field key overrides (empty string: ignore the column); merged over the automatic mapping. */
  mapping?: Record<string, string>;
  /** Import the valid rows and skip the bad ones, instead of refusing the whole file. */
  validOnly?: boolean;
  dryRun?: boolean;
  /** Which market a bare 10-digit hs_code column belongs to. */
  market?: "us" | "cn";
  onProgress?: (stage: "reading" | "writing", done: number) => void;
};

/** What an import did (or, in a dry run or a refusal, would do). */
export type ImportReport = {
  fileName: string;
  kind: "csv" | "xlsx";
  encoding: string;
  mapping: { column: string; field: string | null }[];
  rows: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  errorCount: number;
  committed: boolean;
};

const MAX_REPORTED_ERRORS = 5000;

/** Import products from CSV/XLSX bytes: all-or-nothing unless validOnly; upsert by SKU, keeping the previous version of every changed product. */
export async function importProducts(db: Db, options: ImportProductsOptions): Promise<ImportReport> {
  const { principal, fileName } = options;
  const sheet = await readSpreadsheet(options.bytes, fileName);
  const columns = mapColumns(sheet.headers, options.mapping ?? {});
  const missing = requiredMissing(columns);
  if (missing.length) {
    throw new AppError("IMPORT_REJECTED", `${fileName}: missing required column(s) ${missing.join(", ")}; map a column to it or add one.`, { missing, headers: sheet.headers });
  }
  const ctx = await loadRowContext(db, options.market ?? "us");
  const products: (ProductInput & { rowNumber: number })[] = [];
  const errors: RowError[] = [];
  const firstRowOfSku = new Map<string, number>();
  let rows = 0;
  let invalid = 0;
  for await (const row of sheet.rows) {
    rows += 1;
    if (rows % 5000 === 0) options.onProgress?.("reading", rows);
    const parsed = parseProductRow(row, columns, sheet.headers, ctx);
    const sku = (row.cells[columns.get("sku") as number] ?? "").normalize("NFKC").trim();
    const duplicateOf = sku ? firstRowOfSku.get(sku.toLowerCase()) : undefined;
    if (duplicateOf !== undefined) {
      parsed.errors.push({ row: row.rowNumber, column: sheet.headers[columns.get("sku") as number] ?? "sku", field: "sku", value: sku, reason: `SKU appears again (first at row ${duplicateOf})`, reasonZh: `商品编号重复(首次出现在第 ${duplicateOf} 行)` });
    } else if (sku) {
      firstRowOfSku.set(sku.toLowerCase(), row.rowNumber);
    }
    if (parsed.errors.length || !parsed.product) {
      invalid += 1;
      for (const e of parsed.errors) if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
      continue;
    }
    products.push({ ...parsed.product, rowNumber: row.rowNumber });
  }
  options.onProgress?.("reading", rows);
  const report: ImportReport = {
    fileName,
    kind: sheet.kind,
    encoding: sheet.encoding,
    mapping: sheet.headers.map((header, index) => ({ column: header, field: [...columns].find(([, i]) => i === index)?.[0] ?? null })),
    rows,
    valid: products.length,
    invalid,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors,
    errorCount: errors.length,
    committed: false,
  };
  if (rows === 0) throw new AppError("IMPORT_REJECTED", `${fileName} has a header row but no data rows.`);
  if ((invalid && !options.validOnly) || options.dryRun || !products.length) {
    const existing = await existingSkus(db, principal.tenantId, products.map((p) => p.sku));
    report.created = products.filter((p) => !existing.has(p.sku)).length;
    report.updated = products.length - report.created;
    return report;
  }
  const written = await withTenant(db, principal.tenantId, (tx) => writeProducts(tx, principal, products, fileName, options.onProgress));
  Object.assign(report, written, { committed: true });
  return report;
}

/** Field key → column index: the automatic header mapping with the user's overrides on top. */
export function mapColumns(headers: string[], overrides: Record<string, string>): Map<string, number> {
  const columns = new Map<string, number>();
  headers.forEach((header, index) => {
    const override = overrides[header];
    if (override !== undefined && override !== "" && !FIELD_KEYS.has(override)) throw new AppError("VALIDATION_FAILED", `Mapping for column "${header}": "${override}" is not a product field.`);
    const field = override !== undefined ? override || null : fieldForHeader(header);
    if (field && !columns.has(field)) columns.set(field, index);
  });
  return columns;
}

function requiredMissing(columns: Map<string, number>): string[] {
  const missing: string[] = [];
  if (!columns.has("sku")) missing.push("SKU (商品编号)");
  if (!columns.has("title_en") && !columns.has("title_zh")) missing.push("title (英文品名 or 中文品名)");
  return missing;
}

/** Countries, currencies and the tariff codes of the editions in force, for checking rows. */
export async function loadRowContext(db: Queryable, market: "us" | "cn"): Promise<RowContext> {
  const countries = new Map<string, string>();
  for (const c of await db.query<{ alpha2: string; alpha3: string | null; name_en: string; name_zh: string | null }>("select alpha2, alpha3, name_en, name_zh from countries")) {
    for (const key of [c.alpha2, c.alpha3, c.name_en.toLowerCase(), c.name_zh]) if (key) countries.set(key, c.alpha2);
  }
  const currencies = new Map<string, string>();
  for (const c of await db.query<{ code: string; numeric_code: string | null }>("select distinct code, numeric_code from currencies where code is not null and withdrawal_date is null")) {
    currencies.set(c.code, c.code);
    if (c.numeric_code) currencies.set(c.numeric_code, c.code);
  }
  const codes = async (schedule: string, levels: number[]) =>
    new Set(
      (
        await db.query<{ code: string }>(
          `select code from tariff_lines where not is_pseudo and level = any($2::int[]) and edition_id = (select id from tariff_editions where schedule = $1 and effective_from <= current_date order by effective_from desc, id desc limit 1)`,
          [schedule, levels],
        )
      ).map((r) => r.code),
    );
  return { countries, currencies, hs6: await codes("hs", [6]), hts: await codes("us_hts", [8, 10]), market };
}

async function existingSkus(db: Db, tenantId: string, skus: string[]): Promise<Set<string>> {
  if (!skus.length) return new Set();
  const rows = await withTenant(db, tenantId, (tx) => tx.query<{ sku: string }>("select sku from products where tenant_id = $1 and sku = any($2::text[])", [tenantId, skus]));
  return new Set(rows.map((r) => r.sku));
}

const STAGE_COLUMNS = ["row_number", "new_id", "sku", "title_en", "title_zh", "description_en", "description_zh", "brand", "model", "materials", "function_use", "ingredients", "origin_country", "supplier_name", "net_weight_kg", "gross_weight_kg", "dimensions", "declared_unit_value", "currency", "image_urls", "tags", "regulated", "hs6", "us_hts", "cn_code"];
// The product columns an import sets; comparing them decides whether a product changed.
const DATA_COLUMNS = ["title_en", "title_zh", "description_en", "description_zh", "brand", "model", "materials", "function_use", "ingredients", "origin_country", "supplier_id", "net_weight_kg", "gross_weight_kg", "dimensions", "declared_unit_value", "currency", "image_urls", "tags", "regulated"];

async function writeProducts(tx: Queryable, principal: Principal, products: (ProductInput & { rowNumber: number })[], fileName: string, onProgress?: ImportProductsOptions["onProgress"]) {
  const tenantId = principal.tenantId;
  await tx.exec(`create temp table catalog_stage (
    row_number integer, new_id text, sku text primary key, title_en text, title_zh text, description_en text, description_zh text, brand text, model text,
    materials jsonb, function_use text, ingredients text, origin_country char(2), supplier_name text, supplier_id text, existing_id text,
    net_weight_kg numeric(14, 4), gross_weight_kg numeric(14, 4), dimensions jsonb, declared_unit_value numeric(16, 4), currency char(3),
    image_urls text[], tags text[], regulated jsonb, hs6 char(6), us_hts text, cn_code text) on commit drop`);
  const newIds = new Map(products.map((p) => [p.sku, newId("prd")]));
  await tx.copyCsv(
    "catalog_stage",
    STAGE_COLUMNS,
    csvChunks(
      products.map((p) => [
        p.rowNumber, newIds.get(p.sku), p.sku, p.title_en, p.title_zh, p.description_en, p.description_zh, p.brand, p.model, JSON.stringify(p.materials), p.function_use, p.ingredients,
        p.origin_country, p.supplier, p.net_weight_kg, p.gross_weight_kg, p.dimensions, p.declared_unit_value, p.currency, p.image_urls, p.tags, p.regulated,
        p.codes.hs6, p.codes.us_hts, p.codes.cn_code,
      ]),
    ),
  );
  onProgress?.("writing", products.length);
  await tx.query(
    `insert into suppliers (tenant_id, id, name_en)
     select $1, 'sup_' || substr(md5(random()::text || n.name), 1, 16), n.name from (select distinct supplier_name as name from catalog_stage where supplier_name is not null) n
     where not exists (select 1 from suppliers s where s.tenant_id = $1 and lower(s.name_en) = lower(n.name))`,
    [tenantId],
  );
  await tx.query("update catalog_stage st set supplier_id = s.id from suppliers s where s.tenant_id = $1 and lower(s.name_en) = lower(st.supplier_name)", [tenantId]);
  await tx.query("update catalog_stage st set existing_id = p.id from products p where p.tenant_id = $1 and p.sku = st.sku", [tenantId]);
  await tx.exec("analyze catalog_stage");
  const changed = `(${DATA_COLUMNS.map((c) => `p.${c}`).join(", ")}) is distinct from (${DATA_COLUMNS.map((c) => `st.${c}`).join(", ")})`;
  await tx.query(
    `insert into product_versions (tenant_id, product_id, version, snapshot, replaced_by)
     select p.tenant_id, p.id, p.version, to_jsonb(p) - 'tenant_id', $2 from products p join catalog_stage st on st.existing_id = p.id where p.tenant_id = $1 and ${changed}`,
    [tenantId, principal.label],
  );
  const updated = await tx.query(
    `update products p set ${DATA_COLUMNS.map((c) => `${c} = st.${c}`).join(", ")}, version = p.version + 1, updated_at = now(), updated_by = $2
     from catalog_stage st where p.tenant_id = $1 and p.id = st.existing_id and ${changed} returning p.id`,
    [tenantId, principal.label],
  );
  const created = await tx.query(
    `insert into products (tenant_id, id, sku, ${DATA_COLUMNS.join(", ")}, updated_by)
     select $1, st.new_id, st.sku, ${DATA_COLUMNS.map((c) => `st.${c}`).join(", ")}, $2 from catalog_stage st where st.existing_id is null returning id`,
    [tenantId, principal.label],
  );
  // Foreign-key checks from the rows below plan against products' statistics; a bulk insert just made them wrong
  // (every check became a full scan at 100k rows), so refresh them first.
  if (created.length >= 1000) await tx.exec("analyze products");
  const decisions = await writeClassifications(tx, principal, products, newIds, fileName);
  if (products.length >= 1000) await tx.exec("analyze products; analyze product_classifications; analyze product_versions; analyze suppliers");
  const summary = { created: created.length, updated: updated.length, unchanged: products.length - created.length - updated.length };
  // Logged last: the ledger's sequencer lock is held from the first append until this transaction commits.
  await logClassifications(tx, tenantId, decisions);
  await recordAudit(tx, principal, { action: "catalog.import", targetType: "import", targetId: fileName, after: { file: fileName, rows: products.length, ...summary } });
  return summary;
}

/**
 * Record the imported codes as classification decisions where they differ from the product's current one. Decided
 * here, from one join, and bulk-loaded: per-row lookups inside SQL depend on planner statistics that a bulk load
 * has just made wrong, and went quadratic at 100k rows.
 */
async function writeClassifications(tx: Queryable, principal: Principal, products: (ProductInput & { rowNumber: number })[], newIds: Map<string, string>, fileName: string): Promise<LoggedClassification[]> {
  const tenantId = principal.tenantId;
  const existing = new Map((await tx.query<{ sku: string; existing_id: string }>("select sku, existing_id from catalog_stage where existing_id is not null")).map((r) => [r.sku, r.existing_id]));
  const current = new Map<string, { hs6: string | null; national_code: string | null }>();
  for (const c of await tx.query<{ product_id: string; market: string; hs6: string | null; national_code: string | null }>(
    `select distinct on (c.product_id, c.market) c.product_id, c.market, c.hs6, c.national_code
     from product_classifications c join catalog_stage st on st.existing_id = c.product_id where c.tenant_id = $1 order by c.product_id, c.market, c.id desc`,
    [tenantId],
  )) {
    current.set(`${c.product_id}|${c.market}`, c);
  }
  const editions = Object.fromEntries(
    (await tx.query<{ schedule: string; code: string }>("select distinct on (schedule) schedule, code from tariff_editions where effective_from <= current_date order by schedule, effective_from desc, id desc")).map((e) => [e.schedule, e.code]),
  );
  const rows: (string | number | null)[][] = [];
  for (const p of products) {
    const productId = existing.get(p.sku) ?? (newIds.get(p.sku) as string);
    for (const [market, national] of [["hs", null], ["us", p.codes.us_hts], ["cn", p.codes.cn_code]] as const) {
      if (market === "hs" ? !p.codes.hs6 : !national) continue;
      const now = current.get(`${productId}|${market}`);
      if (now && now.hs6 === p.codes.hs6 && now.national_code === national) continue;
      rows.push([tenantId, productId, market, p.codes.hs6, national, "confirmed", `Imported from ${fileName}, row ${p.rowNumber}`, principal.label, editions[market === "us" ? "us_hts" : "hs"] ?? null]);
    }
  }
  if (!rows.length) return [];
  // COPY cannot write a table with row-level security; stage the rows and insert them, which the policies check.
  const columns = ["tenant_id", "product_id", "market", "hs6", "national_code", "status", "rationale", "decided_by", "edition_code"];
  await tx.exec("create temp table classification_stage (tenant_id text, product_id text, market text, hs6 char(6), national_code text, status text, rationale text, decided_by text, edition_code text) on commit drop");
  await tx.copyCsv("classification_stage", columns, csvChunks(rows));
  // The decisions come back with the product version they applied to, for the evidence ledger.
  return tx.query<LoggedClassification>(
    `with added as (insert into product_classifications (${columns.join(", ")}) select ${columns.join(", ")} from classification_stage
       returning id, tenant_id, product_id, market, hs6, national_code, status, rationale, decided_by, decided_at, edition_code)
     select a.id, a.product_id as "productId", p.sku, p.version as "productVersion", a.market, a.hs6, a.national_code as "nationalCode", a.status, a.rationale,
       a.decided_by as "decidedBy", a.decided_at as "decidedAt", a.edition_code as "editionCode"
     from added a join products p on p.tenant_id = a.tenant_id and p.id = a.product_id order by a.id`,
  );
}

/** The label of a field, in English and Chinese, for messages. */
export function fieldLabel(key: string): string {
  const spec = fieldSpec(key);
  return spec ? `${spec.label} (${spec.labelZh})` : key;
}
