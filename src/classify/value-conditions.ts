// The US schedule splits many subheadings by unit value: footwear "valued over $12/pair", watches "valued over $5 each",
// imitation jewellery "valued not over 8 cents per piece". When the seller gives a price in US dollars, the lines whose
// value condition it meets are preferred and the lines whose condition it breaks are set back. A listing's price is a retail
// price, above the customs (transaction) value, so the evidence is moderate rather than decisive.
import type { AppliedRule } from "./apply-rules.ts";
import type { ClassifyIndex, IndexNode } from "./build-classify-index.ts";
import type { ClassificationRule } from "./classification-rules.ts";

/** A unit-value condition read from a national line: the value per unit lies above `over` and at most `upTo` (US dollars). */
export type ValueCondition = { over?: number; upTo?: number; unit: "each" | "pair" | "dozen" | "gross" };

const MET = 2.5;
const BROKEN = -5;

const UNITS: Record<string, ValueCondition["unit"]> = { each: "each", piece: "each", pair: "pair", dozen: "dozen", doz: "dozen", gross: "gross" };
const UNIT = String.raw`\s*(?:/|per\s+|)\s*(each|piece|pair|dozen|doz|gross)\b`;
const AMOUNT = String.raw`(\$\s?\d[\d,]*(?:\.\d+)?|\d+(?:\.\d+)?\s?(?:¢|cents?))`;
const BETWEEN = new RegExp(`valued over ${AMOUNT} but not over ${AMOUNT}${UNIT}`, "gi");
const OVER = new RegExp(`valued over ${AMOUNT}${UNIT}`, "gi");
const PART_VALUED = /\b(?:movements?|cases?|straps?|bands?|batter(?:y|ies)|parts?)\s+valued\b[^;:]*/gi;
const NOT_OVER = new RegExp(`valued not over ${AMOUNT}${UNIT}`, "gi");

/** A dollar or cent amount as US dollars ("$1.50" → 1.5, "8 cents" → 0.08). */
function dollars(text: string): number {
  const number = Number(text.replace(/[$,¢\s]|cents?/g, ""));
  return /¢|cent/.test(text) ? number / 100 : number;
}

/** The unit-value conditions a line's own text and its group rows state. */
export function readValueConditions(text: string): ValueCondition[] {
  const conditions: ValueCondition[] = [];
  // "With movement valued not over $15 each" values a part of the goods, which a listing's price does not tell.
  const rest = text.replace(PART_VALUED, " ").replace(BETWEEN, (_, low: string, high: string, unit: string) => {
    conditions.push({ over: dollars(low), upTo: dollars(high), unit: UNITS[unit.toLowerCase()] ?? "each" });
    return " ";
  });
  for (const m of rest.matchAll(OVER)) conditions.push({ over: dollars(m[1] as string), unit: UNITS[(m[2] as string).toLowerCase()] ?? "each" });
  for (const m of rest.matchAll(NOT_OVER)) conditions.push({ upTo: dollars(m[1] as string), unit: UNITS[(m[2] as string).toLowerCase()] ?? "each" });
  return conditions;
}

/** Whether a unit price (US dollars per article, or per pair for goods sold in pairs) meets a condition. */
export function meetsValue(condition: ValueCondition, price: number): boolean {
  const value = condition.unit === "dozen" ? price * 12 : condition.unit === "gross" ? price * 144 : price;
  return (condition.over === undefined || value > condition.over) && (condition.upTo === undefined || value <= condition.upTo);
}

const memo = new WeakMap<ClassifyIndex, Map<number, ValueCondition[]>>();

/** National lines with a unit-value condition, read once per index. */
function conditionedLines(index: ClassifyIndex): Map<number, ValueCondition[]> {
  let lines = memo.get(index);
  if (lines) return lines;
  lines = new Map();
  index.nodes.forEach((node: IndexNode, id) => {
    if (node.level < 8 || !/valued/i.test(`${node.description} ${node.context}`)) return;
    const conditions = readValueConditions(`${node.context}; ${node.description}`);
    if (conditions.length) lines?.set(id, conditions);
  });
  memo.set(index, lines);
  return lines;
}

const UNIT_VALUE_RULE: ClassificationRule = {
  id: "unit-value",
  when: { all: [] },
  effect: {},
  explain:
    "The declared unit price meets or breaks the value condition of national lines split by value (a listing's retail price is above the customs value, so this weighs moderately).",
  source: "HTS statistical and rate lines split by unit value (e.g. 6404.19, 9102.11, 7117.19); customs value per 19 U.S.C. 1401a",
};

/** Evidence for the US lines a price in US dollars meets or breaks, added into `bonus`; undefined when no price applies. */
export function applyUnitValue(index: ClassifyIndex, price: number | undefined, currency: string | undefined, bonus: Float64Array): AppliedRule | undefined {
  if (!price || !(price > 0) || (currency && currency.trim().toUpperCase() !== "USD")) return undefined;
  const effects = new Map<number, number>();
  for (const [id, conditions] of conditionedLines(index)) {
    const weight = conditions.every((c) => meetsValue(c, price)) ? MET : BROKEN;
    effects.set(id, weight);
    bonus[id] = (bonus[id] as number) + weight;
  }
  return effects.size ? { rule: UNIT_VALUE_RULE, effects } : undefined;
}

/** US dollars per unit of a marketplace currency, roughly (a price floor needs the order of magnitude, not the day's rate). */
const USD_PER: Record<string, number> = {
  USD: 1, CNY: 0.14, RMB: 0.14, EUR: 1.08, GBP: 1.27, MXN: 0.055, BRL: 0.19, CAD: 0.73, AUD: 0.66, JPY: 0.0067, INR: 0.012,
  KRW: 0.00073, HKD: 0.13, TWD: 0.031, SGD: 0.74, ARS: 0.0011, CLP: 0.0011, COP: 0.00025, PEN: 0.27, TRY: 0.031, RUB: 0.011, PLN: 0.25,
};

/** A price in US dollars, when its currency is known (undefined otherwise). */
function priceInDollars(price: number | undefined, currency: string | undefined): number | undefined {
  if (!price || !(price > 0)) return undefined;
  const rate = USD_PER[(currency ?? "USD").trim().toUpperCase()];
  return rate === undefined ? undefined : price * rate;
}

/** Whole vehicles no listing sells below these prices (US dollars): a car for $20 is a car accessory, a motorcycle for $15 a motorcycle part. */
const PRICE_FLOORS: readonly [codes: readonly string[], floor: number][] = [
  [["8701", "8702", "8703", "8704"], 1500],
  [["871110", "871120", "871130", "871140", "871150", "871190"], 300],
  [["871160"], 120],
];
const BELOW_FLOOR = -60;

const PRICE_FLOOR_RULE: ClassificationRule = {
  id: "price-below-whole-vehicle",
  when: { all: [] },
  effect: {},
  explain: "The listing's price is far below what a whole vehicle of this heading sells for: the goods are a part or accessory named with the vehicle, not the vehicle.",
  source: "HS 2022 headings 87.01–87.04 and 87.11 (whole vehicles) against 87.08, 87.14 and the headings of parts and accessories",
};

/** Set aside whole-vehicle headings a listing's price cannot buy; undefined when no price applies or none is set aside. */
export function applyPriceFloors(index: ClassifyIndex, price: number | undefined, currency: string | undefined, bonus: Float64Array): AppliedRule | undefined {
  const dollars = priceInDollars(price, currency);
  if (dollars === undefined) return undefined;
  const effects = new Map<number, number>();
  for (const [codes, floor] of PRICE_FLOORS) {
    if (dollars >= floor) continue;
    for (const code of codes) {
      const id = index.byCode.get(code);
      if (id === undefined) continue;
      effects.set(id, BELOW_FLOOR);
      bonus[id] = (bonus[id] as number) + BELOW_FLOOR;
    }
  }
  return effects.size ? { rule: PRICE_FLOOR_RULE, effects } : undefined;
}
