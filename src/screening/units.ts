import { normaliseHeader } from "../catalog/fields.ts";

/** What a unit measures; quantities convert only within one dimension. */
export type UnitDimension = "count" | "pair" | "mass" | "volume" | "area" | "length" | "energy" | "other";

/** A declared unit resolved to a canonical code (UN/ECE Rec 20 style) and its dimension. */
export type Unit = { code: string; dimension: UnitDimension };

const UNIT_ALIASES: Record<string, [string, UnitDimension]> = {};
function define(code: string, dimension: UnitDimension, aliases: string[]): void {
  for (const alias of [code, ...aliases]) UNIT_ALIASES[normaliseHeader(alias)] = [code, dimension];
}
define("PCE", "count", ["pcs", "pc", "piece", "pieces", "no", "no.", "nos", "number", "ea", "each", "unit", "units", "item", "items", "c62", "件", "个", "只", "支", "枚", "张", "条", "把", "块", "片", "台", "部", "辆", "架", "根", "本", "盒", "瓶", "袋", "包", "罐", "听", "卷"]);
define("SET", "count", ["set", "sets", "kit", "套", "组", "副"]);
define("DZN", "count", ["doz", "doz.", "dozen", "dozens", "打"]);
define("PR", "pair", ["pair", "pairs", "prs", "prs.", "双", "对"]);
define("KGM", "mass", ["kg", "kgs", "kilo", "kilogram", "kilograms", "千克", "公斤"]);
define("GRM", "mass", ["g", "gram", "grams", "克"]);
define("TNE", "mass", ["t", "ton", "tonne", "tonnes", "mt", "吨"]);
define("LBR", "mass", ["lb", "lbs", "pound", "pounds", "磅"]);
define("LTR", "volume", ["l", "liter", "liters", "litre", "litres", "升"]);
define("MLT", "volume", ["ml", "milliliter", "millilitre", "毫升"]);
define("MTQ", "volume", ["m3", "cbm", "cubic meter", "立方米"]);
define("MTK", "area", ["m2", "m²", "sqm", "square meter", "平方米"]);
define("MTR", "length", ["m", "meter", "meters", "metre", "metres", "米"]);

/** Resolve a declared unit: a code, an English or Chinese name, or a China customs 3-digit unit code (through its Chinese name). */
export function resolveUnit(text: string, customsUnits: Readonly<Record<string, { zh: string }>> = {}): Unit | null {
  const cached = resolved.get(text);
  if (cached !== undefined) return cached;
  const unit = resolveUncached(text, customsUnits);
  if (resolved.size < 10_000) resolved.set(text, unit);
  return unit;
}

// Manifests repeat a handful of unit spellings a million times; normalising each one every time is the slow part.
const resolved = new Map<string, Unit | null>();

function resolveUncached(text: string, customsUnits: Readonly<Record<string, { zh: string }>>): Unit | null {
  const key = normaliseHeader(text);
  if (!key) return null;
  const direct = UNIT_ALIASES[key];
  if (direct) return { code: direct[0], dimension: direct[1] };
  const customs = /^\d{3}$/.test(key) ? customsUnits[key] : undefined;
  const byName = customs ? UNIT_ALIASES[normaliseHeader(customs.zh)] : undefined;
  if (byName) return { code: byName[0], dimension: byName[1] };
  if (customs) return { code: `CN${key}`, dimension: "other" };
  return null;
}

/** The dimension of a US HTS unit of quantity ("No.", "kg", "doz. prs.", "m²", "Cu kg", "X" …); null when the line reports no quantity. */
export function htsUnitDimension(unit: string): UnitDimension | null {
  // The schedule has a few dozen units, asked about once per line.
  let dimension = dimensions.get(unit);
  if (dimension === undefined) {
    dimension = dimensionOf(unit);
    if (dimensions.size < 1000) dimensions.set(unit, dimension);
  }
  return dimension;
}

const dimensions = new Map<string, UnitDimension | null>();

function dimensionOf(unit: string): UnitDimension | null {
  const u = unit.trim().toLowerCase();
  if (!u || u === "x") return null;
  if (u.includes("prs")) return "pair";
  if (/^(no\.?|no\. and kg|pcs|doz\.?|dz pcs|gross|thousands|hundreds|jwls\.|doses|pack)$/.test(u)) return "count";
  if (/(^|\s)(kg|g|t)(\s|$)|carat|adw|dwb/.test(u)) return "mass";
  if (/liters|m3|bbl/.test(u)) return "volume";
  if (/m²|m2|square/.test(u)) return "area";
  if (/(^|\s|\.)m$/.test(u)) return "length";
  if (/^(w|mwh|gbq)$/.test(u)) return "energy";
  return "other";
}
