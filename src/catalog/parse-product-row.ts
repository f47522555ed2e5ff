import { Decimal } from "decimal.js";
import { fieldSpec, MAX_BATTERY_WH, PRODUCT_FIELDS, REGULATED_CHOICES, REGULATED_KEYS, regulatedConflicts } from "./fields.ts";

/** A product as an import row describes it, parsed and checked. */
export type ProductInput = {
  sku: string;
  title_en: string | null;
  title_zh: string | null;
  description_en: string | null;
  description_zh: string | null;
  brand: string | null;
  model: string | null;
  materials: { material: string; percent: number | null }[];
  function_use: string | null;
  ingredients: string | null;
  origin_country: string | null;
  supplier: string | null;
  net_weight_kg: string | null;
  gross_weight_kg: string | null;
  dimensions: { length: number; width: number; height: number; unit: string } | null;
  declared_unit_value: string | null;
  currency: string | null;
  image_urls: string[];
  tags: string[];
  regulated: Record<string, string | boolean | number>;
  codes: { hs6: string | null; us_hts: string | null; cn_code: string | null };
};

/** A problem with one cell: where (row as numbered in the file, column as headed), what, and why — in English and Chinese. */
export type RowError = { row: number; column: string; field: string; value: string; reason: string; reasonZh: string };

/** The reference data rows are checked against. */
export type RowContext = {
  countries: Map<string, string>;
  currencies: Map<string, string>;
  hs6: Set<string>;
  hts: Set<string>;
  /** Which market a bare 10-digit `hs_code` column belongs to. */
  market: "us" | "cn";
};

/** The limits past which a value is taken for a typing error rather than a real product. */
export const ABSURD = { weightKg: new Decimal(10_000), unitValue: new Decimal(10_000_000), batteryWh: new Decimal(MAX_BATTERY_WH) };

class CellError extends Error {
  constructor(
    readonly reason: string,
    readonly reasonZh: string,
  ) {
    super(reason);
  }
}

/** A parsed row: the product, or what is wrong with each bad cell. */
export type ParsedProductRow = { product?: ProductInput; errors: RowError[] };

/** Parse one row into a product, or say what is wrong with each bad cell. `columns` maps field key → cell index, `headers` names the columns. */
export function parseProductRow(row: SheetRowCells, columns: Map<string, number>, headers: string[], ctx: RowContext): ParsedProductRow {
  return productRowParser(columns, headers, ctx)(row);
}

/** A row as the parser reads it: its number in the file and its cells. */
type SheetRowCells = { rowNumber: number; cells: string[] };

/** Where a field is read from: its cell index (-1 when no column maps to it) and how its column is headed in messages. */
type FieldColumn = { key: string; index: number; column: string; max: number | undefined };

/** The fields' columns, looked up once per file rather than once per cell. */
type ColumnPlan = Record<string, FieldColumn>;

/** One row being read: the row and the errors found so far. */
type Reading = { row: SheetRowCells; errors: RowError[] };

/** parseProductRow for many rows of one file: the column lookups are done once, here. */
export function productRowParser(columns: Map<string, number>, headers: string[], ctx: RowContext): (row: SheetRowCells) => ParsedProductRow {
  const plan: ColumnPlan = {};
  for (const field of PRODUCT_FIELDS) {
    const index = columns.get(field.key);
    plan[field.key] = { key: field.key, index: index ?? -1, column: (index === undefined ? undefined : headers[index]) ?? field.key, max: field.max };
  }
  const missingColumn = (key: string) => headers[columns.get(key) ?? -1] ?? fieldSpec(key)?.label ?? key;
  const titleField = columns.has("title_en") ? "title_en" : "title_zh";
  const currencyMapped = columns.has("currency");
  const parseCountry = (t: string) => lookup(ctx.countries, t, "is not a known country (ISO 3166 code or name)", "不是可识别的国家(ISO 3166 代码或名称)");
  const parseCurrency = (t: string) => lookup(ctx.currencies, t.toUpperCase(), "is not a current ISO 4217 currency", "不是现行 ISO 4217 币制");
  const parseHsCode = (t: string) => parseTariffCode(t, ctx, "any");
  const parseUsCode = (t: string) => parseTariffCode(t, ctx, "us");
  const parseCnCode = (t: string) => parseTariffCode(t, ctx, "cn");
  return (row) => {
    const r: Reading = { row, errors: [] };
    const skuText = rawCell(row, plan.sku as FieldColumn);
    const sku = readCell(r, plan.sku as FieldColumn, parseSku, null);
    const titleEn = readText(r, plan.title_en as FieldColumn);
    const titleZh = readText(r, plan.title_zh as FieldColumn);
    const missing = (key: string, reason: string, reasonZh: string) => r.errors.push({ row: row.rowNumber, column: missingColumn(key), field: key, value: "", reason, reasonZh });
    if (!skuText) missing("sku", "SKU is required", "缺少商品编号");
    if (!titleEn && !titleZh && !rawCell(row, plan.title_en as FieldColumn) && !rawCell(row, plan.title_zh as FieldColumn)) missing(titleField, "a title in English or Chinese is required", "缺少英文或中文品名");

    const netWeight = readCell(r, plan.net_weight_kg as FieldColumn, parseWeight, null);
    const grossWeight = readCell(r, plan.gross_weight_kg as FieldColumn, parseWeight, null);
    if (netWeight && grossWeight && decimalGreater(netWeight, grossWeight)) {
      r.errors.push({ row: row.rowNumber, column: (plan.net_weight_kg as FieldColumn).column, field: "net_weight_kg", value: netWeight, reason: `net weight ${netWeight} kg exceeds gross weight ${grossWeight} kg`, reasonZh: `净重 ${netWeight} 千克大于毛重 ${grossWeight} 千克` });
    }
    const regulated = readRegulated(r, plan);
    const product: ProductInput = {
      sku: sku ?? "",
      title_en: titleEn,
      title_zh: titleZh,
      description_en: readText(r, plan.description_en as FieldColumn),
      description_zh: readText(r, plan.description_zh as FieldColumn),
      brand: readText(r, plan.brand as FieldColumn),
      model: readText(r, plan.model as FieldColumn),
      materials: readCell(r, plan.materials as FieldColumn, parseMaterials, []),
      function_use: readText(r, plan.function_use as FieldColumn),
      ingredients: readText(r, plan.ingredients as FieldColumn),
      origin_country: readCell(r, plan.origin_country as FieldColumn, parseCountry, null),
      supplier: readText(r, plan.supplier as FieldColumn),
      net_weight_kg: netWeight,
      gross_weight_kg: grossWeight,
      dimensions: readCell(r, plan.dimensions as FieldColumn, parseDimensions, null),
      declared_unit_value: readCell(r, plan.declared_unit_value as FieldColumn, parseUnitValue, null),
      currency: readCell(r, plan.currency as FieldColumn, parseCurrency, null),
      image_urls: readCell(r, plan.image_urls as FieldColumn, parseUrls, []),
      tags: readCell(r, plan.tags as FieldColumn, parseList, []),
      regulated,
      codes: { hs6: null, us_hts: null, cn_code: null },
    };
    const hsCode = readCell(r, plan.hs_code as FieldColumn, parseHsCode, null);
    const usHts = readCell(r, plan.us_hts as FieldColumn, parseUsCode, null);
    const cnCode = readCell(r, plan.cn_code as FieldColumn, parseCnCode, null);
    for (const code of [hsCode, usHts, cnCode]) if (code) product.codes = mergeCodes(product.codes, code);
    if (product.declared_unit_value && !product.currency && !currencyMapped) {
      missing("currency", "a declared value needs a currency column", "有申报单价时需要币制列");
    }
    return r.errors.length ? { errors: r.errors } : { product, errors: r.errors };
  };
}

// NFKC leaves ASCII as it is, and most cells are ASCII: skip the (costly) normalisation for them.
const NON_ASCII = /[^\u0000-\u007f]/;

/** A cell's text as the import reads it: NFKC-normalised and trimmed ("" for no cell). */
export function normalisedCell(cell: string | undefined): string {
  if (!cell) return "";
  return (NON_ASCII.test(cell) ? cell.normalize("NFKC") : cell).trim();
}

/** A field's cell text, normalised; "" when no column maps to the field. */
function rawCell(row: SheetRowCells, field: FieldColumn): string {
  return field.index < 0 ? "" : normalisedCell(row.cells[field.index]);
}

/** Read a field: fallback when empty, else parse it, noting a bad cell as an error and giving fallback. */
function readCell<T>(r: Reading, field: FieldColumn, parse: (text: string) => T, fallback: T): T {
  const text = rawCell(r.row, field);
  if (!text) return fallback;
  try {
    if (field.max && text.length > field.max) throw new CellError(`is longer than ${field.max} characters`, `超过 ${field.max} 个字符`);
    return parse(text);
  } catch (error) {
    const e = error instanceof CellError ? error : new CellError(String(error), String(error));
    r.errors.push({ row: r.row.rowNumber, column: field.column, field: field.key, value: text.slice(0, 200), reason: e.reason, reasonZh: e.reasonZh });
    return fallback;
  }
}

const asText = (text: string) => text;

function readText(r: Reading, field: FieldColumn): string | null {
  return readCell<string | null>(r, field, asText, null);
}

const parseWeight = (text: string) => parseAmount(text, ABSURD.weightKg, "kg");
const parseUnitValue = (text: string) => parseAmount(text, ABSURD.unitValue, "");
const parseBatteryWh = (text: string) => parseAmount(text, ABSURD.batteryWh, "Wh");
const CHOICE_PARSERS = Object.fromEntries(Object.keys(REGULATED_CHOICES).map((key) => [key, (text: string) => parseChoice(key, text)])) as Record<string, (text: string) => string>;

/** The regulated attributes of a row, then the contradictions between them as errors. */
function readRegulated(r: Reading, plan: ColumnPlan): ProductInput["regulated"] {
  const regulated: ProductInput["regulated"] = {};
  for (const key of REGULATED_KEYS) {
    const field = plan[key] as FieldColumn;
    if (field.index < 0) continue;
    const type = fieldSpec(key)?.type;
    const value =
      type === "boolean" ? readCell(r, field, parseBoolean, null) : type === "choice" ? readCell(r, field, CHOICE_PARSERS[key] as (text: string) => string, null) : key === "battery_wh" ? readCell(r, field, parseBatteryWh, null) : readText(r, field);
    if (value !== null) regulated[key] = key === "battery_wh" ? Number(value) : value;
  }
  for (const conflict of regulatedConflicts(regulated)) {
    r.errors.push({ row: r.row.rowNumber, column: (plan[conflict.key] as FieldColumn).column, field: conflict.key, value: String(regulated[conflict.key]), reason: conflict.reason, reasonZh: conflict.reasonZh });
  }
  return regulated;
}

function parseSku(text: string): string {
  if (/[\u0000-\u001f]/.test(text)) throw new CellError("contains control characters", "含有控制字符");
  return text;
}

// Most amounts are plain decimals well inside the limits; those need no Decimal arithmetic to check or to write
// as Decimal would (no leading zeros, no trailing fractional zeros).
const PLAIN_AMOUNT = /^\d{1,7}(\.\d{1,6})?$/;

/** A non-negative decimal amount as a string (no floats), refusing absurd magnitudes. */
export function parseAmount(text: string, max: Decimal, unit: string): string {
  if (PLAIN_AMOUNT.test(text)) {
    const plain = plainDecimal(text);
    if (Number(plain) <= max.toNumber()) return plain;
  }
  const cleaned = text.replace(/\s+/g, "").replace(/(kg|千克|公斤)$/i, "");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) throw new CellError(`"${text}" is not a number`, `"${text}" 不是数字`);
  const value = new Decimal(cleaned);
  if (value.isNegative()) throw new CellError("must not be negative", "不能为负数");
  if (value.gt(max)) throw new CellError(`${cleaned}${unit ? ` ${unit}` : ""} is implausibly large (over ${max.toString()})`, `${cleaned} 数值异常偏大(超过 ${max.toString()})`);
  return value.toString();
}

/** A plain decimal as Decimal writes it: "007.50" → "7.5", "1.000" → "1". */
function plainDecimal(text: string): string {
  const dot = text.indexOf(".");
  const whole = (dot < 0 ? text : text.slice(0, dot)).replace(/^0+(?=\d)/, "");
  const fraction = dot < 0 ? "" : text.slice(dot + 1).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}

// Decimals of up to 15 significant digits compare exactly as doubles.
const SHORT_DECIMAL = /^\d{1,15}(\.\d{0,15})?$/;

/** Whether decimal string a is greater than b. */
function decimalGreater(a: string, b: string): boolean {
  if (SHORT_DECIMAL.test(a) && SHORT_DECIMAL.test(b) && a.length <= 16 && b.length <= 16) return Number(a) > Number(b);
  return new Decimal(a).gt(b);
}

const TRUE = new Set(["yes", "y", "true", "1", "是", "有", "√", "✓", "x"]);
const FALSE = new Set(["no", "n", "false", "0", "否", "无", "没有", "×", "-"]);
function parseBoolean(text: string): boolean {
  const value = text.toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new CellError(`"${text}" is not yes/no`, `"${text}" 不是 是/否`);
}

/** How the words people write map to each choice, tried in order (nonwoven before woven, pack before cell). */
const CHOICE_WORDS: Record<keyof typeof REGULATED_CHOICES, [string, RegExp][]> = {
  battery_form: [["pack", /pack|电池组|电池包/], ["cell", /cell|电芯|单体|纽扣/]],
  battery_chemistry: [["lithium_metal", /metal|锂金属|金属锂/], ["lithium_ion", /ion|polymer|li-?po|锂离子|聚合物/]],
  battery_packing: [["in_equipment", /contained|installed|built|inside|\bin\b|内置|装在|安装在/], ["with_equipment", /with|同包|一起|配套/], ["alone", /alone|standalone|only|单独|单独包装/]],
  textile_construction: [["nonwoven", /non.?woven|无纺/], ["knit", /knit|crochet|针织|钩编/], ["woven", /woven|梭织|机织/]],
};

const CHOICE_NAMES: Record<keyof typeof REGULATED_CHOICES, [string, string]> = {
  battery_form: ["cell or pack", "电芯或电池组"],
  battery_chemistry: ["lithium-ion or lithium metal", "锂离子或锂金属"],
  battery_packing: ["alone, with equipment or in equipment", "单独、与设备同包或装在设备中"],
  textile_construction: ["knit, woven or nonwoven", "针织、梭织或无纺"],
};

/** One of a choice attribute's values, from its own name ("with_equipment") or the words people write ("packed with equipment", "电池组"). */
export function parseChoice(key: string, text: string): string {
  const field = key as keyof typeof REGULATED_CHOICES;
  const value = text.toLowerCase();
  const exact = value.replace(/[\s-]+/g, "_");
  if ((REGULATED_CHOICES[field] as readonly string[]).includes(exact)) return exact;
  const found = CHOICE_WORDS[field].find(([, words]) => words.test(value));
  if (found) return found[0];
  const [name, nameZh] = CHOICE_NAMES[field];
  throw new CellError(`"${text}" is not ${name}`, `"${text}" 不是${nameZh}`);
}

/** "cotton 95%, elastane 5%", "95% cotton / 5% spandex", "棉95% 氨纶5%" → materials with percentages. */
export function parseMaterials(text: string): ProductInput["materials"] {
  const parts = text.split(/[,;/、，；+]|\s{2,}|(?<=%)\s+/).map((p) => p.trim()).filter(Boolean);
  const materials = parts.map((part) => {
    const match = /(\d+(?:\.\d+)?)\s*%/.exec(part);
    const material = part.replace(/(\d+(?:\.\d+)?)\s*%/, "").trim();
    if (!material) throw new CellError(`"${part}" names no material`, `"${part}" 未写明材质`);
    return { material, percent: match ? Number(match[1]) : null };
  });
  const total = materials.reduce((sum, m) => sum + (m.percent ?? 0), 0);
  if (total > 100.5) throw new CellError(`percentages add up to ${total}%, more than 100%`, `成分百分比合计 ${total}%,超过 100%`);
  return materials;
}

function parseDimensions(text: string): NonNullable<ProductInput["dimensions"]> {
  const match = /^(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*(mm|cm|m|in|毫米|厘米|米)?$/i.exec(text);
  if (!match) throw new CellError(`"${text}" is not L×W×H (e.g. 30x20x10 cm)`, `"${text}" 不是 长×宽×高 格式(如 30x20x10 cm)`);
  const unit = ({ 毫米: "mm", 厘米: "cm", 米: "m" } as Record<string, string>)[match[4] ?? ""] ?? (match[4]?.toLowerCase() || "cm");
  return { length: Number(match[1]), width: Number(match[2]), height: Number(match[3]), unit };
}

function parseList(text: string): string[] {
  return [...new Set(text.split(/[,;|、，；]/).map((t) => t.trim()).filter(Boolean))];
}

function parseUrls(text: string): string[] {
  const urls = text.split(/[\s,;|]+/).filter(Boolean);
  for (const url of urls) if (!/^https?:\/\/\S+$/i.test(url)) throw new CellError(`"${url}" is not an http(s) URL`, `"${url}" 不是 http(s) 链接`);
  return urls;
}

function lookup(map: Map<string, string>, text: string, reason: string, reasonZh: string): string {
  const found = map.get(text) ?? map.get(text.toUpperCase()) ?? map.get(text.toLowerCase());
  if (!found) throw new CellError(`"${text}" ${reason}`, `"${text}" ${reasonZh}`);
  return found;
}

type Codes = ProductInput["codes"];

/** Check a tariff code against the loaded editions: HS6 must exist in HS; US lines in the HTS; China codes must start with a real HS6. */
function parseTariffCode(text: string, ctx: RowContext, column: "any" | "us" | "cn"): Partial<Codes> {
  const digits = text.replace(/[.\s]/g, "");
  if (!/^\d+$/.test(digits)) throw new CellError(`"${text}" is not a tariff code (digits and dots only)`, `"${text}" 不是税则编码(只能是数字和点)`);
  const market = column === "any" ? (digits.length === 6 ? "hs" : ctx.market) : column;
  if (digits.length === 6) {
    if (!ctx.hs6.has(digits)) throw new CellError(`HS ${digits} is not a subheading of HS 2022`, `HS ${digits} 不是 HS 2022 的子目`);
    return { hs6: digits };
  }
  if (market === "us") {
    if (digits.length !== 10 && digits.length !== 8) throw new CellError(`US codes have 8 or 10 digits, not ${digits.length}`, `美国编码应为 8 或 10 位,不是 ${digits.length} 位`);
    if (!ctx.hts.has(digits)) throw new CellError(`${digits} is not a line of the loaded US HTS edition`, `${digits} 不在已加载的美国 HTS 版本中`);
    return { us_hts: digits, hs6: digits.slice(0, 6) };
  }
  if (digits.length !== 10) throw new CellError(`China commodity codes have 10 digits, not ${digits.length}`, `中国商品编码应为 10 位,不是 ${digits.length} 位`);
  if (!ctx.hs6.has(digits.slice(0, 6))) throw new CellError(`${digits} does not start with an HS 2022 subheading`, `${digits} 的前 6 位不是 HS 2022 子目`);
  return { cn_code: digits, hs6: digits.slice(0, 6) };
}

function mergeCodes(codes: Codes, next: Partial<Codes>): Codes {
  return { hs6: next.hs6 ?? codes.hs6, us_hts: next.us_hts ?? codes.us_hts, cn_code: next.cn_code ?? codes.cn_code };
}

/** Field keys, for checking a user's mapping. */
export const FIELD_KEYS = new Set(PRODUCT_FIELDS.map((f) => f.key));
