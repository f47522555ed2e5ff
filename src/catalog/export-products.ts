import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Queryable } from "../db/connection.ts";
import { fieldSpec, REGULATED_KEYS } from "./fields.ts";
import { type ProductFilter, productFilterSql } from "./products.ts";

const EXPORT_FIELDS = [
  "sku", "title_en", "title_zh", "description_en", "description_zh", "brand", "model", "materials", "function_use", "ingredients", "origin_country", "supplier",
  "net_weight_kg", "gross_weight_kg", "dimensions", "declared_unit_value", "currency", "image_urls", "tags", "hs_code", "us_hts", "cn_code", ...REGULATED_KEYS,
] as const;

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe. */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The tenant's products (those the list's filters select, all without filters) as rows of text, under the import's own headers, so an export imports back unchanged. */
export async function productExportRows(tx: Queryable, tenantId: string, query: ProductFilter = {}): Promise<{ headers: string[]; rows: string[][] }> {
  const { filter, params } = productFilterSql(tenantId, query);
  const products = await tx.query<Record<string, unknown>>(
    `select p.sku, p.title_en, p.title_zh, p.description_en, p.description_zh, p.brand, p.model, p.materials, p.function_use, p.ingredients, p.origin_country,
       s.name_en as supplier, p.net_weight_kg, p.gross_weight_kg, p.dimensions, p.declared_unit_value, p.currency, p.image_urls, p.tags, p.regulated,
       (select hs6 from product_classifications c where c.tenant_id = p.tenant_id and c.product_id = p.id and c.market = 'hs' order by id desc limit 1) as hs_code,
       (select national_code from product_classifications c where c.tenant_id = p.tenant_id and c.product_id = p.id and c.market = 'us' order by id desc limit 1) as us_hts,
       (select national_code from product_classifications c where c.tenant_id = p.tenant_id and c.product_id = p.id and c.market = 'cn' order by id desc limit 1) as cn_code
     from products p left join suppliers s on s.tenant_id = p.tenant_id and s.id = p.supplier_id where ${filter} order by p.sku`,
    params,
  );
  const text = (row: Record<string, unknown>, key: (typeof EXPORT_FIELDS)[number]): string => {
    const regulated = (row.regulated ?? {}) as Record<string, unknown>;
    const value = key in regulated ? regulated[key] : row[key];
    if (value === null || value === undefined) return "";
    if (key === "materials") return (value as { material: string; percent: number | null }[]).map((m) => (m.percent === null ? m.material : `${m.material} ${m.percent}%`)).join(", ");
    if (key === "dimensions") {
      const d = value as { length: number; width: number; height: number; unit: string };
      return `${d.length}x${d.width}x${d.height} ${d.unit}`;
    }
    if (Array.isArray(value)) return value.join(key === "image_urls" ? " " : ", ");
    if (typeof value === "boolean") return value ? "yes" : "no";
    return escapeFormula(String(value));
  };
  return { headers: EXPORT_FIELDS.map((k) => fieldSpec(k)?.label ?? k), rows: products.map((row) => EXPORT_FIELDS.map((k) => text(row, k))) };
}

/** CSV text (UTF-8 with BOM, so Excel reads Chinese correctly). */
export function toCsv(headers: string[], rows: string[][]): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return `\uFEFF${[headers, ...rows].map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

/** An XLSX workbook, streamed as it is written. */
export async function toXlsx(headers: string[], rows: string[][]): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet("Products");
  sheet.addRow(headers).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
