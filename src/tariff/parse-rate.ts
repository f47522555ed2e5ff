import { Decimal } from "decimal.js";

/** A money amount per unit, parsed from a specific-rate text; amounts are decimal strings in US dollars, never floats. */
export type RateComponent =
  | {
      type: "ad_valorem";
      /** Percent of the value as a decimal string, e.g. "6.8". */
      percent: string;
      /** The part of the value the percent applies to, when not the whole value, e.g. "on the case". */
      qualifier?: string;
    }
  | {
      type: "specific";
      /** Dollars per `perQuantity` units, e.g. "0.375". */
      amountUsd: string;
      /** Canonical unit code, e.g. "kg", "no", "doz_pr", "pf_l" (see canonicalUnit). */
      per: string;
      /** How many units the amount is charged for: "1", or "1000" for "$6/1000". */
      perQuantity: string;
      /** Canonical display form of the unit, e.g. "kg", "No.", "doz. pr.", "pf. liter". */
      unit: string;
      /** The unit text exactly as printed after "/" (or "each"), e.g. "pf.liter", "1,000 pins". */
      unitRaw: string;
      /** Trailing words that change the measured quantity, e.g. "on drained weight", "of total sugars". */
      qualifier?: string;
      /** Index into the line's units of quantity supplying this measure (set by mapRateUnits). */
      uoqIndex?: number | null;
    };

/** Result of parsing one general or column-2 rate cell (or one special-rate group). */
export type ParsedRate =
  | { status: "empty"; raw: string }
  | { status: "free"; raw: string }
  | { status: "parsed"; raw: string; components: RateComponent[] }
  | { status: "unparsed"; raw: string; reason: string };

/** One "rate (program,program,...)" group of a special-rate cell; programs is [] when the cell names none. */
export type SpecialRate = { rate: ParsedRate; programs: string[] };

/** Result of parsing a special-rate cell; an unparsed cell keeps all groups it could split out. */
export type ParsedSpecial =
  | { status: "empty"; raw: string; groups: [] }
  | { status: "parsed"; raw: string; groups: SpecialRate[] }
  | { status: "unparsed"; raw: string; reason: string; groups: SpecialRate[] };

type SpecificComponent = Extract<RateComponent, { type: "specific" }>;
type UnitDef = { code: string; display: string; aliases: string[] };

const UNITS: UnitDef[] = [
  { code: "kg", display: "kg", aliases: ["kg", "kgs", "kg.", "kilogram", "kilograms"] },
  { code: "g", display: "g", aliases: ["g", "gram", "grams"] },
  { code: "t", display: "t", aliases: ["t", "metric ton", "metric tons"] },
  {
    code: "no",
    display: "No.",
    aliases: ["no.", "no", "number", "each", "head", "article", "articles", "pcs", "pcs.", "pieces", "pins"],
  },
  { code: "doz", display: "doz.", aliases: ["doz.", "doz", "dozen", "dz pcs"] },
  { code: "pr", display: "pr.", aliases: ["pr.", "prs.", "pr", "prs", "pair", "pairs"] },
  { code: "doz_pr", display: "doz. pr.", aliases: ["doz. pr.", "doz. prs.", "doz.pr.", "doz.prs.", "doz. pairs"] },
  { code: "gross", display: "gross", aliases: ["gross"] },
  { code: "thousand", display: "thousands", aliases: ["thousands", "thousand"] },
  { code: "hundred", display: "hundreds", aliases: ["hundreds", "hundred"] },
  { code: "l", display: "liter", aliases: ["l", "liter", "liters", "litre", "litres"] },
  {
    code: "pf_l",
    display: "pf. liter",
    aliases: ["pf. liter", "pf.liter", "pf. liters", "pf.liters", "proof liter", "proof liters"],
  },
  { code: "m", display: "m", aliases: ["m", "lin. m", "meter", "meters", "linear meter", "linear meters"] },
  { code: "m2", display: "m2", aliases: ["m2", "m²", "square meter", "square meters"] },
  { code: "m3", display: "m3", aliases: ["m3", "m³", "cubic meter", "cubic meters"] },
  { code: "cm2", display: "cm2", aliases: ["cm2", "cm²"] },
  { code: "thousand_m", display: "thousand m", aliases: ["thousand m"] },
  { code: "thousand_m3", display: "thousand m3", aliases: ["thousand m3"] },
  { code: "bbl", display: "bbl", aliases: ["bbl", "barrel", "barrels"] },
  { code: "carat", display: "carat", aliases: ["carat", "carats"] },
  { code: "jewel", display: "jewel", aliases: ["jewel", "jewels", "jwls.", "jwls"] },
  { code: "pack", display: "pack", aliases: ["pack", "packs"] },
  { code: "doses", display: "doses", aliases: ["doses", "dose"] },
  { code: "square", display: "square", aliases: ["square", "squares"] },
  { code: "gbq", display: "GBq", aliases: ["gbq"] },
  { code: "mwh", display: "MWh", aliases: ["mwh"] },
  { code: "watt", display: "W", aliases: ["w"] },
  { code: "gross_lines", display: "gr.lines", aliases: ["gr.lines", "gr. lines"] },
  { code: "fiber_m", display: "Fiber m", aliases: ["fiber m"] },
  { code: "cy_kg", display: "cy kg", aliases: ["cy kg", "clean kg", "clean yield kg"] },
  { code: "kg_cmsc", display: "kg cmsc", aliases: ["kg cmsc"] },
  { code: "kg_msc", display: "kg msc", aliases: ["kg msc"] },
  { code: "kg_amc", display: "kg amc", aliases: ["kg amc"] },
  { code: "kg_ttl_sug", display: "kg ttl sug", aliases: ["kg ttl sug"] },
  { code: "t_adw", display: "t adw", aliases: ["t adw"] },
  { code: "t_dwb", display: "t dwb", aliases: ["t dwb"] },
];

// Content-of-a-substance units print as "<formula> <mass unit>", e.g. "Pb kg", "Au g", "Cr2O3 t".
const CONTENT_UNIT = /^([A-Z][A-Za-z0-9]*) (kg|g|t)$/;

const ELEMENT_BY_NAME: Record<string, string> = {
  lead: "Pb",
  copper: "Cu",
  zinc: "Zn",
  molybdenum: "Mo",
  tungsten: "W",
  magnesium: "Mg",
  manganese: "Mn",
  silicon: "Si",
  nickel: "Ni",
  chromium: "Cr",
  cobalt: "Co",
  vanadium: "V",
  antimony: "Sb",
  tin: "Sn",
  gold: "Au",
  silver: "Ag",
  platinum: "Pt",
};

// Qualifiers after a specific rate that we understand; anything else is left unparsed.
const FIXED_QUALIFIERS = [
  "on drained weight",
  "on contents and container",
  "on entire contents of container",
  "including weight of container",
  "of total sugars",
  "on ethyl alcohol content",
  "of anhydrous morphine content",
  "of recording surface",
  "of immediate containers",
  "of clean yield",
];

// Value bases after an ad valorem rate (watch cases, batteries, ...): the percent applies to that part only.
const AD_VALOREM_BASES = [
  "on the apparatus",
  "on the battery",
  "on the case",
  "on the case and strap, band or bracelet",
  "on case and strap, band or bracelet",
  "on the entire set",
  "on the movement",
  "on the movement and case",
  "on the strap, band or bracelet",
  "on the value of the lead content",
  "on the value of the rifle",
  "on the value of the telescopic sight, if any",
];

// Why a text could not be parsed, checked in order against the lower-cased text.
const UNPARSED_REASONS: [RegExp, string][] = [
  [/^no change\b/, "no change: this provision leaves the rate of the column unchanged"],
  [/\bsee\b/, "cross-reference to another provision (See ...)"],
  [/\b(duty|rate)( rate)? provided\b|\bprovided for in\b/, "rate defined by another subheading"],
  [/\b(rate|duty)( of duty)? applicable\b|\brate applicable\b/, "rate defined by another article or provision"],
  [/\bfor each degree\b/, "sliding scale per degree"],
  [/\bnot less\b|\bmin(imum)?\b/, "rate with a minimum"],
  [/\bnot exceed\b|\bin excess of\b|\bmax(imum)?\b/, "rate with a maximum"],
  [/\bless\b/, "rate with a deduction (less ...)"],
  [/^free,/, "conditional free entry"],
  [/\bpercent of\b/, "percentage of a value other than the customs value"],
  [/^a duty\b/, "duty on a special value basis"],
  [/\d \d+\/\d+ ?%/, "fractional percentage cannot be written as an exact decimal"],
  [/\bover \d/, "specific rate above a threshold"],
  [/\/line\//, "rate per line per gross"],
  [/\bfor each\b/, "rate per each other piece or part"],
  [/\([a-z]{1,3}[+*]?(, ?[a-z]{1,3}[+*]?)*\)/, "program list in a non-special rate"],
];

const WHITESPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
const PROGRAM_LIST = /\(\s*([A-Z]{1,3}[+*]?(?:\s*,\s*[A-Z]{1,3}[+*]?)*)\s*\)/g;
const PERCENT = /^(\d+(?:\.\d+)?) ?%(?: (.+))?$/;
const MONEY = /^(?:\$ ?(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?) ?(?:¢|cents?\b))/;
const PER_COUNT = /^(\d{1,3}(?:,\d{3})+|\d+|thou-? ?sand\b)(?![\d.])/;

const ALIASES = buildAliasIndex();

function buildAliasIndex(): { alias: string; def: UnitDef }[] {
  const list = UNITS.flatMap((def) => def.aliases.map((alias) => ({ alias, def })));
  return list.sort((a, b) => b.alias.length - a.alias.length);
}

/** Collapse all whitespace, including non-breaking spaces and newlines, to single spaces. */
export function normaliseRateText(raw: string): string {
  return raw.replace(WHITESPACE, " ").trim();
}

/** Canonical unit code for a unit as printed in a rate or in the Unit of Quantity column ("liter", "liters", "l" -> "l"; "kg" -> "kg"; "No.", "head", "each" -> "no"; "doz. pr.", "doz. prs." -> "doz_pr"; "pf. liter", "pf.liters" -> "pf_l"; "m²","m2" -> "m2"; ...), or null when unknown. */
export function canonicalUnit(text: string): string | null {
  const cleaned = normaliseRateText(text);
  const content = CONTENT_UNIT.exec(cleaned);
  if (content?.[1] && content[2] && isFormula(content[1])) {
    return `${content[2]}_${content[1].toLowerCase()}`;
  }
  const lower = cleaned.toLowerCase();
  const hit = ALIASES.find((entry) => entry.alias === lower);
  if (hit) return hit.def.code;
  if (/^(kg|g|t)_[a-z0-9]+$/.test(lower) || UNITS.some((def) => def.code === lower)) return lower;
  return null;
}

function isFormula(text: string): boolean {
  return /^(?:[A-Z][a-z]?\d*)+$/.test(text);
}

/** Map a rate's unit onto the line's units of quantity (e.g. rate per "kg" on a line with UoQ ["doz.","kg"] -> index 1; "head" matches "No."; "pf. liter" matches "pf.liters"; "doz. pr." matches "doz. prs."). Returns the index into `units`, or null when no unit of quantity supplies that measure. */
export function matchUnitOfQuantity(unit: string, units: string[]): number | null {
  const wanted = canonicalUnit(unit);
  if (wanted === null) return null;
  // Only the same measure in the same scale counts: "kg" does not match "g", and "No." does not match "thousands".
  const index = units.findIndex((candidate) => canonicalUnit(candidate) === wanted);
  return index === -1 ? null : index;
}

/** Return the rate with each specific component annotated with `uoqIndex` (see matchUnitOfQuantity); qualifiers naming another measure (e.g. "on lead content") match only a unit of quantity for that measure. */
export function mapRateUnits(rate: ParsedRate, units: string[]): ParsedRate {
  if (rate.status !== "parsed") return rate;
  const components = rate.components.map((component) =>
    component.type === "specific" ? { ...component, uoqIndex: matchSpecific(component, units) } : component,
  );
  return { ...rate, components };
}

function matchSpecific(component: SpecificComponent, units: string[]): number | null {
  const measure = measuredUnit(component);
  return measure === null ? null : matchUnitOfQuantity(measure, units);
}

/** The unit actually measured by a specific component, or null when no unit of quantity can supply it. */
function measuredUnit(component: SpecificComponent): string | null {
  const qualifier = component.qualifier?.toLowerCase();
  if (qualifier === undefined) return component.per;
  const element = /^on ([a-z]+) content$/.exec(qualifier)?.[1];
  const symbol = element === undefined ? undefined : ELEMENT_BY_NAME[element];
  if (symbol !== undefined && ["kg", "g", "t"].includes(component.per)) return `${component.per}_${symbol.toLowerCase()}`;
  if (component.per === "kg" && qualifier === "of total sugars") return "kg_ttl_sug";
  if (component.per === "kg" && qualifier === "of anhydrous morphine content") return "kg_amc";
  if (component.per === "kg" && qualifier === "of clean yield") return "cy_kg";
  // A proof liter already measures the alcohol content.
  if (component.per === "pf_l" && qualifier === "on ethyl alcohol content") return "pf_l";
  // Drained weight, weight with container, recording surface, ...: not a reported unit of quantity.
  return null;
}

/** Parse a general or column-2 rate cell. */
export function parseRate(raw: string): ParsedRate {
  const text = normaliseRateText(raw);
  if (text === "") return { status: "empty", raw };
  if (/^free$/i.test(text)) return { status: "free", raw };
  const components: RateComponent[] = [];
  for (const part of text.split("+")) {
    const component = parseComponent(part.trim());
    if (typeof component === "string") return { status: "unparsed", raw, reason: explain(text, component) };
    components.push(component);
  }
  return { status: "parsed", raw, components };
}

function explain(text: string, fallback: string): string {
  // Undo line-break hyphenation ("appli- cable") so the keywords are found.
  const lower = text.toLowerCase().replace(/([a-z])- ([a-z])/g, "$1$2");
  const known = UNPARSED_REASONS.find(([pattern]) => pattern.test(lower));
  return known ? known[1] : fallback;
}

/** Parse one "+"-separated part; returns a reason string when it is not understood. */
function parseComponent(part: string): RateComponent | string {
  if (part === "") return "empty component around '+'";
  const percent = PERCENT.exec(part);
  if (percent?.[1]) return parseAdValorem(percent[1], percent[2], part);
  const money = MONEY.exec(part);
  if (!money) return `unrecognised text: "${part}"`;
  const amountUsd = money[1] ? decimalString(money[1]) : centsToDollars(money[2] ?? "");
  return parseSpecificTail(part.slice(money[0].length).trim(), amountUsd, part);
}

function parseAdValorem(percent: string, base: string | undefined, part: string): RateComponent | string {
  if (base === undefined) return { type: "ad_valorem", percent: decimalString(percent) };
  if (!AD_VALOREM_BASES.includes(base.toLowerCase())) return `unknown value base in "${part}"`;
  return { type: "ad_valorem", percent: decimalString(percent), qualifier: base };
}

function parseSpecificTail(rest: string, amountUsd: string, part: string): RateComponent | string {
  if (/^each\b/i.test(rest)) {
    return withQualifier(rest.slice(4), { amountUsd, perQuantity: "1", unitRaw: "each", def: unitDef("no") }, part);
  }
  if (!rest.startsWith("/")) return `specific rate without a unit: "${part}"`;
  const afterSlash = rest.slice(1).trim();
  const count = PER_COUNT.exec(afterSlash);
  const perQuantity = count?.[1] ? countValue(count[1]) : "1";
  const unitText = count ? afterSlash.slice(count[0].length).trim() : afterSlash;
  const alias = matchAliasPrefix(unitText);
  if (!alias && !count) return `unknown unit in "${part}"`;
  const def = alias?.def ?? unitDef("no");
  const unitLength = (count ? afterSlash.length - unitText.length : 0) + (alias?.alias.length ?? 0);
  const unitRaw = afterSlash.slice(0, unitLength).trim();
  const tail = afterSlash.slice(unitLength);
  return withQualifier(tail, { amountUsd, perQuantity, unitRaw, def }, part);
}

type SpecificParts = { amountUsd: string; perQuantity: string; unitRaw: string; def: UnitDef };

function withQualifier(tail: string, parts: SpecificParts, part: string): RateComponent | string {
  const qualifier = tail.trim().replace(/^,\s*/, "");
  if (qualifier !== "" && !isKnownQualifier(qualifier)) return `unknown words after a specific rate: "${part}"`;
  const component: SpecificComponent = {
    type: "specific",
    amountUsd: parts.amountUsd,
    per: parts.def.code,
    perQuantity: parts.perQuantity,
    unit: parts.def.display,
    unitRaw: parts.unitRaw,
  };
  if (qualifier !== "") component.qualifier = qualifier;
  return component;
}

function isKnownQualifier(qualifier: string): boolean {
  const lower = qualifier.toLowerCase();
  if (FIXED_QUALIFIERS.includes(lower)) return true;
  const element = /^on ([a-z]+) content$/.exec(lower)?.[1];
  return element !== undefined && element in ELEMENT_BY_NAME;
}

/** The longest unit alias at the start of the text, if it ends at a word boundary. */
function matchAliasPrefix(text: string): { alias: string; def: UnitDef } | undefined {
  const lower = text.toLowerCase();
  return ALIASES.find(({ alias }) => {
    if (!lower.startsWith(alias)) return false;
    const next = lower.charAt(alias.length);
    // "m2of recording surface" is printed without a space, so only letter-final aliases need a boundary.
    return next === "" || !/[a-z]/.test(alias.slice(-1)) || !/[a-z0-9]/.test(next);
  });
}

function unitDef(code: string): UnitDef {
  const def = UNITS.find((candidate) => candidate.code === code);
  if (!def) throw new Error(`unknown unit code ${code}`);
  return def;
}

function countValue(text: string): string {
  if (text.startsWith("thou")) return "1000";
  return decimalString(text.replaceAll(",", ""));
}

function decimalString(text: string): string {
  return new Decimal(text).toFixed();
}

function centsToDollars(cents: string): string {
  return new Decimal(cents).div(100).toFixed();
}

/** Parse a special-rate cell: one or more "rate (program,program,...)" groups. */
export function parseSpecialRate(raw: string): ParsedSpecial {
  const text = normaliseRateText(raw);
  if (text === "") return { status: "empty", raw, groups: [] };
  const groups = splitSpecialGroups(text);
  const failed = groups.find((group) => group.rate.status === "unparsed" || group.rate.status === "empty");
  if (!failed) return { status: "parsed", raw, groups };
  return { status: "unparsed", raw, reason: groupReason(failed), groups };
}

function splitSpecialGroups(text: string): SpecialRate[] {
  const groups: SpecialRate[] = [];
  let start = 0;
  for (const match of text.matchAll(PROGRAM_LIST)) {
    const programs = (match[1] ?? "").split(",").map((code) => code.trim());
    groups.push({ rate: parseRate(text.slice(start, match.index).trim()), programs });
    start = match.index + match[0].length;
  }
  const tail = text.slice(start).trim();
  if (tail !== "") groups.push({ rate: parseRate(tail), programs: [] });
  return groups;
}

function groupReason(group: SpecialRate): string {
  const where = group.programs.length > 0 ? ` (${group.programs.join(",")})` : "";
  if (group.rate.status === "unparsed") return `${group.rate.reason}${where}`;
  return `program list without a rate${where}`;
}
