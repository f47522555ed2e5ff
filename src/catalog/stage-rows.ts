// Reading an import file into what the write needs, batch by batch: each valid row as a line of the staging table's
// CSV, its SKU and new supplier names; each bad row as errors. Runs in the importing thread for small files and in a
// worker thread for large ones (read-import-file.ts); nothing here touches the database.
import { AppError } from "../core/errors.ts";
import { newOrderedIds } from "../core/ids.ts";
import { pgArrayLiteral } from "../db/csv.ts";
import { fieldForHeader } from "./fields.ts";
import { FIELD_KEYS, normalisedCell, type ProductInput, productRowParser, type RowContext, type RowError } from "./parse-product-row.ts";
import { readSpreadsheet, type Sheet } from "./read-spreadsheet.ts";

/** The file as read: its type, encoding and headers, and the field each mapped column feeds. */
export type SheetInfo = { kind: "csv" | "xlsx"; encoding: string; headers: string[]; columns: [field: string, index: number][] };

/** A batch of rows, checked: the valid ones staged, the bad ones as errors. */
export type StagedBatch = {
  /** Rows read in this batch, valid or not. */
  rows: number;
  invalid: number;
  errors: RowError[];
  /** The valid rows' SKUs, in file order. */
  skus: string[];
  /** The valid rows as COPY CSV for catalog_stage (STAGE_COLUMNS), "" when none (or only checked). */
  csv: string;
  /** Supplier names first seen in this batch, as written. */
  supplierNames: string[];
};

/** Rows per batch: enough that a batch's statements are cheap beside its rows, few enough that reading and writing overlap. */
export const BATCH_ROWS = 10_000;

/** An errors list stops growing here; the counts still count every bad row. */
export const MAX_REPORTED_ERRORS = 5000;

/** Open import bytes as a sheet and check its columns: unreadable files, bad mappings and missing required columns are refused here. */
export async function openStagedSheet(bytes: Buffer, fileName: string, mapping: Record<string, string>): Promise<{ info: SheetInfo; sheet: Sheet; columns: Map<string, number> }> {
  const sheet = await readSpreadsheet(bytes, fileName);
  const columns = mapColumns(sheet.headers, mapping);
  const missing = requiredMissing(columns);
  if (missing.length) {
    throw new AppError("IMPORT_REJECTED", `${fileName}: missing required column(s) ${missing.join(", ")}; map a column to it or add one.`, { missing, headers: sheet.headers });
  }
  return { info: { kind: sheet.kind, encoding: sheet.encoding, headers: sheet.headers, columns: [...columns] }, sheet, columns };
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

/**
 * Check every row, batchRows at a time, keeping only what the write needs: each valid row as a line of the staging
 * table's CSV (with a new product id, which the write keeps only if the SKU is new; none when checkOnly, for a dry
 * run), so parsed products are never held. A SKU seen before in the file (any case) is an error; so the first of
 * duplicates is the one imported.
 */
export async function* stageBatches(sheet: Sheet, columns: Map<string, number>, ctx: RowContext, options: { batchRows?: number; checkOnly?: boolean } = {}): AsyncGenerator<StagedBatch> {
  const batchRows = options.batchRows ?? BATCH_ROWS;
  const parse = productRowParser(columns, sheet.headers, ctx);
  const skuIndex = columns.get("sku") as number;
  const skuColumn = sheet.headers[skuIndex] ?? "sku";
  const firstRowOfSku = new Map<string, number>();
  const suppliers = new Set<string>();
  let reported = 0;
  let batch = emptyBatch();
  let lines: string[] = [];
  let ids: string[] = [];
  for await (const row of sheet.rows) {
    batch.rows += 1;
    const parsed = parse(row);
    const sku = normalisedCell(row.cells[skuIndex]);
    const key = sku.toLowerCase();
    const duplicateOf = sku ? firstRowOfSku.get(key) : undefined;
    if (duplicateOf !== undefined) {
      parsed.errors.push({ row: row.rowNumber, column: skuColumn, field: "sku", value: sku, reason: `SKU appears again (first at row ${duplicateOf})`, reasonZh: `商品编号重复(首次出现在第 ${duplicateOf} 行)` });
    } else if (sku) {
      firstRowOfSku.set(key, row.rowNumber);
    }
    if (parsed.errors.length || !parsed.product) {
      batch.invalid += 1;
      for (const e of parsed.errors) if (reported++ < MAX_REPORTED_ERRORS) batch.errors.push(e);
    } else {
      const product = parsed.product;
      if (product.supplier !== null && !suppliers.has(product.supplier)) {
        suppliers.add(product.supplier);
        batch.supplierNames.push(product.supplier);
      }
      batch.skus.push(product.sku);
      if (!options.checkOnly) {
        if (!ids.length) ids = newOrderedIds("prd", 4096);
        lines.push(stageLine(ids.pop() as string, row.rowNumber, product));
      }
    }
    if (batch.rows >= batchRows) {
      yield finishBatch(batch, lines);
      batch = emptyBatch();
      lines = [];
    }
  }
  if (batch.rows) yield finishBatch(batch, lines);
}

const emptyBatch = (): StagedBatch => ({ rows: 0, invalid: 0, errors: [], skus: [], csv: "", supplierNames: [] });

function finishBatch(batch: StagedBatch, lines: string[]): StagedBatch {
  batch.csv = lines.length ? `${lines.join("\n")}\n` : "";
  return batch;
}

/** The staging table: each valid row as the products table takes it, with a product id (replaced by the existing product's when the SKU is known) and the supplier by name. */
export const STAGE_TABLE = `create temp table catalog_stage (
  product_id text, is_new boolean not null default true, row_number integer, sku text, title_en text, title_zh text, description_en text, description_zh text,
  brand text, model text, materials jsonb, function_use text, ingredients text, origin_country char(2), supplier_name text, net_weight_kg numeric(14, 4),
  gross_weight_kg numeric(14, 4), dimensions jsonb, declared_unit_value numeric(16, 4), currency char(3), image_urls text[], tags text[], regulated jsonb,
  hs6 char(6), us_hts text, cn_code text) on commit drop`;

/** The columns of a staging line, in order. */
export const STAGE_COLUMNS = [
  "product_id", "row_number", "sku", "title_en", "title_zh", "description_en", "description_zh", "brand", "model", "materials", "function_use", "ingredients",
  "origin_country", "supplier_name", "net_weight_kg", "gross_weight_kg", "dimensions", "declared_unit_value", "currency", "image_urls", "tags", "regulated", "hs6", "us_hts", "cn_code",
];

/** A COPY CSV field for text: quoted (so "" is the empty string), NULL when null. */
function quoted(text: string | null): string {
  if (text === null) return "";
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}

/** The staging line of a valid row, in STAGE_COLUMNS order (without its line break). */
function stageLine(productId: string, rowNumber: number, p: ProductInput): string {
  // Ids, amounts and codes are letters and digits (an amount perhaps in exponent form): no quoting needed. One join
  // makes one flat string; a template of 25 fields would leave a tree of 50 string pieces per row for the collector.
  return [
    productId, rowNumber, quoted(p.sku), quoted(p.title_en), quoted(p.title_zh), quoted(p.description_en), quoted(p.description_zh), quoted(p.brand), quoted(p.model),
    quoted(JSON.stringify(p.materials)), quoted(p.function_use), quoted(p.ingredients), quoted(p.origin_country), quoted(p.supplier), p.net_weight_kg ?? "", p.gross_weight_kg ?? "",
    p.dimensions ? quoted(JSON.stringify(p.dimensions)) : "", p.declared_unit_value ?? "", quoted(p.currency), quoted(pgArrayLiteral(p.image_urls)), quoted(pgArrayLiteral(p.tags)),
    quoted(JSON.stringify(p.regulated)), p.codes.hs6 ?? "", p.codes.us_hts ?? "", p.codes.cn_code ?? "",
  ].join(",");
}
