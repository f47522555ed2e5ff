import { MANIFEST_FIELDS } from "../manifest.ts";
import { fieldLabel } from "./labels.ts";
import { type Finding, finding, type LineRule, type RuleContext, type ScreenLine } from "./types.ts";

const SOURCE_SPEC = "Clearway canonical manifest (docs/screening.md); China CEB field rules, formats.md A.3–A.4";

/** FORMAT.REQUIRED_MISSING: a field the lane's declaration needs is empty. */
export const requiredMissing: LineRule = {
  code: "FORMAT.REQUIRED_MISSING",
  severity: "block",
  scope: "line",
  title: "Required field missing",
  titleZh: "必填项缺失",
  checks: "Every field the lane's pack lists as required has a value on the line.",
  checksZh: "检查该通道规则包要求的每个必填字段在该行都有值。",
  source: SOURCE_SPEC,
  check(line, ctx) {
    let found: Finding[] | undefined;
    for (const key of ctx.required) {
      if (line.values[key] !== "") continue;
      if (key === "hs_code" && line.hsSource !== "none") continue;
      const label = fieldLabel(key);
      (found ??= []).push(
        finding(this, ctx, line, key, {
          en: `${label.en} is empty; ${ctx.lane} declarations need it.`,
          zh: `${label.zh}为空；${ctx.lane} 申报必须填写。`,
          hint: `Fill in ${label.en} on row ${line.line}${key === "hs_code" ? ", or confirm a code for this SKU in the catalogue" : ""}.`,
          hintZh: `请在第 ${line.line} 行填写${label.zh}${key === "hs_code" ? "，或在商品库中为该 SKU 确认编码" : ""}。`,
        }, { field: key, value: "" }),
      );
    }
    return found;
  },
};

// Code fields are judged by FORMAT.INVALID_CODE; a length finding on them would say the same thing twice.
const MAX_LENGTH: [string, number][] = MANIFEST_FIELDS.filter((f) => !["country", "currency", "port", "unit"].includes(f.kind)).map((f) => [f.key, f.max]);

const lengthChecksByContext = new WeakMap<RuleContext, [string, number][]>();
let lastContext: RuleContext | null = null;
let lastChecks: [string, number][] = [];
/** The length limits of the fields this source can fill. */
function lengthChecks(ctx: RuleContext): [string, number][] {
  // Asked once per line, nearly always about the same run.
  if (ctx === lastContext) return lastChecks;
  let checks = lengthChecksByContext.get(ctx);
  if (!checks) lengthChecksByContext.set(ctx, (checks = MAX_LENGTH.filter(([key]) => ctx.fields.includes(key))));
  lastContext = ctx;
  lastChecks = checks;
  return checks;
}

/** FORMAT.TOO_LONG: a value longer than the declaration allows. */
export const tooLong: LineRule = {
  code: "FORMAT.TOO_LONG",
  severity: "block",
  scope: "line",
  title: "Value too long",
  titleZh: "字段超长",
  checks: "No value is longer than the declaration field allows (e.g. order number 60, waybill 80, title 250 characters).",
  checksZh: "检查字段长度不超过申报报文允许的长度（如订单号 60、运单号 80、品名 250 个字符）。",
  source: "China CEB XSD field lengths, formats.md A.3–A.4",
  check(line, ctx) {
    let found: Finding[] | undefined;
    for (const [key, max] of lengthChecks(ctx)) {
      const value = line.values[key] as string;
      if (value.length <= max) continue;
      const label = fieldLabel(key);
      (found ??= []).push(
        finding(this, ctx, line, key, {
          en: `${label.en} is ${value.length} characters; at most ${max} are allowed.`,
          zh: `${label.zh}长度为 ${value.length} 个字符，最多允许 ${max} 个。`,
          hint: `Shorten ${label.en} to ${max} characters.`,
          hintZh: `请将${label.zh}缩短到 ${max} 个字符以内。`,
        }, { field: key, length: value.length, max }),
      );
    }
    return found;
  },
};

const NUMBER_FIELDS: [keyof ScreenLine, string][] = [["qty", "qty"], ["unitValue", "unit_value"], ["lineTotal", "line_total"], ["netWeightKg", "net_weight_kg"], ["grossWeightKg", "gross_weight_kg"]];
const ORDER_NUMBER_FIELDS = ["order_total", "goods_value", "freight", "insured_fee", "tax_total", "discount", "payment_amount", "waybill_gross_weight_kg", "waybill_net_weight_kg"];

/** FORMAT.INVALID_NUMBER: a quantity, value or weight that is not a plain decimal number. */
export const invalidNumber: LineRule = {
  code: "FORMAT.INVALID_NUMBER",
  severity: "block",
  scope: "line",
  title: "Not a number",
  titleZh: "数值格式错误",
  checks: "Quantities, values and weights are plain decimal numbers (digits, one decimal point, at most 5 decimals).",
  checksZh: "检查数量、金额、重量为普通十进制数（最多 5 位小数）。",
  source: "China CEB N19,5 decimals, formats.md A.3",
  check(line, ctx) {
    let found: Finding[] | undefined;
    for (const [prop, key] of NUMBER_FIELDS) if (Number.isNaN(line[prop])) (found ??= []).push(notANumber(this, ctx, line, key));
    for (const key of ORDER_NUMBER_FIELDS) {
      const value = line.values[key];
      if (value && !isDecimal(value)) (found ??= []).push(notANumber(this, ctx, line, key));
    }
    return found;
  },
};

function notANumber(rule: LineRule, ctx: RuleContext, line: ScreenLine, key: string): Finding {
  const label = fieldLabel(key);
  return finding(rule, ctx, line, key, {
    en: `${label.en} "${line.values[key]}" is not a number.`,
    zh: `${label.zh}“${line.values[key]}”不是有效数字。`,
    hint: "Write the number with digits and a decimal point only, e.g. 12.5 (no units, no thousands separators).",
    hintZh: "请只用数字和小数点填写，例如 12.5（不要带单位或千分位）。",
  }, { field: key, value: line.values[key] });
}

/** True when text is a plain non-negative-or-negative decimal with at most 5 fraction digits. */
export function isDecimal(text: string): boolean {
  return /^-?\d{1,14}(\.\d{1,5})?$/.test(text);
}

const COUNTRY_FIELDS = ["consignor_country", "consignee_country", "origin_country", "manufacturer_country"];
const PORT_FIELDS = ["port_of_loading", "port_of_discharge"];

/** FORMAT.INVALID_CODE: a country, currency, port or unit that is not in the loaded code lists. */
export const invalidCode: LineRule = {
  code: "FORMAT.INVALID_CODE",
  severity: "block",
  scope: "line",
  title: "Unknown code",
  titleZh: "代码无效",
  checks: "Countries are ISO 3166 codes, currencies current ISO 4217 codes, ports UN/LOCODEs of a port, airport or depot, and units known units of measure.",
  checksZh: "检查国别为 ISO 3166 代码、币制为现行 ISO 4217 代码、港口为 UN/LOCODE、计量单位为已知单位。",
  source: "ISO 3166-1, ISO 4217, UN/LOCODE (reference data loaded at setup)",
  check(line, ctx) {
    let found: Finding[] | undefined;
    const { refs } = ctx;
    const v = line.values;
    for (const key of COUNTRY_FIELDS) {
      const value = v[key] as string;
      if (value && !refs.countries.has(value) && !refs.countries.has(value.toUpperCase())) (found ??= []).push(badCode(this, ctx, line, key, CODE_LISTS.country));
    }
    const currency = v.currency as string;
    if (currency && !refs.currencies.has(currency) && !refs.currencies.has(currency.toUpperCase())) (found ??= []).push(badCode(this, ctx, line, "currency", CODE_LISTS.currency));
    for (const key of PORT_FIELDS) {
      const value = v[key] as string;
      if (value && !refs.locodes.has(value) && !refs.locodes.has(value.replace(/\s+/g, "").toUpperCase())) (found ??= []).push(badCode(this, ctx, line, key, CODE_LISTS.port));
    }
    if (v.unit && !line.unit) (found ??= []).push(badCode(this, ctx, line, "unit", CODE_LISTS.unit));
    return found;
  },
};

const CODE_LISTS = {
  country: { en: "ISO 3166 country code", zh: "ISO 3166 国别代码", hint: "Use the two-letter ISO code, e.g. CN, US, DE.", hintZh: "请使用两位 ISO 国别代码，例如 CN、US、DE。" },
  currency: { en: "current ISO 4217 currency code", zh: "现行 ISO 4217 币制代码", hint: "Use the three-letter ISO code, e.g. CNY, USD, EUR.", hintZh: "请使用三位 ISO 币制代码，例如 CNY、USD、EUR。" },
  port: { en: "UN/LOCODE of a port, airport or inland depot", zh: "港口/机场/内陆场站的 UN/LOCODE", hint: "Use the 5-character UN/LOCODE, e.g. CNSHG (Shanghai port), USLAX.", hintZh: "请使用 5 位 UN/LOCODE，例如 CNSHG（上海港）、USLAX。" },
  unit: { en: "unit of measure", zh: "计量单位", hint: "Use a unit such as pcs, kg, pair, set, or a China customs unit code (e.g. 011).", hintZh: "请使用 pcs、kg、双、套等单位，或海关计量单位代码（如 011）。" },
};

function badCode(rule: LineRule, ctx: RuleContext, line: ScreenLine, key: string, list: (typeof CODE_LISTS)[keyof typeof CODE_LISTS]): Finding {
  const label = fieldLabel(key);
  return finding(rule, ctx, line, key, {
    en: `${label.en} "${line.values[key]}" is not a known ${list.en}.`,
    zh: `${label.zh}“${line.values[key]}”不是有效的${list.zh}。`,
    hint: list.hint,
    hintZh: list.hintZh,
  }, { field: key, value: line.values[key], list: list.en });
}

/** The format rules, in catalogue order. */
export const FORMAT_RULES: LineRule[] = [requiredMissing, tooLong, invalidNumber, invalidCode];
