import type { Lane, LineValues, SourceKind } from "../manifest.ts";
import type { Unit } from "../units.ts";

/** How bad a finding is: block stops the order from being declared; warn needs a look; info is for the record. */
export type Severity = "block" | "warn" | "info";

/** One problem found on a line, an order or the whole manifest. */
export type Finding = {
  code: string;
  severity: Severity;
  orderNo: string;
  /** The row in the source file (for order and manifest findings: the order's first row). */
  line: number;
  field: string;
  message: string;
  messageZh: string;
  /** The values compared. */
  evidence: Record<string, unknown>;
  hint: string;
  hintZh: string;
};

/** A product from the catalogue as the line used it (kept with the line). */
export type ProductSnapshot = {
  id: string;
  sku: string;
  version: number;
  title: string | null;
  originCountry: string | null;
  netWeightKg: number | null;
  /** The confirmed code for the lane's market, digits only. */
  confirmedCode: string | null;
  regulated: Record<string, unknown>;
};

/** Where a line's HS code came from. */
export type HsSource = "line" | "catalog" | "classifier" | "none";

/** A tariff line of the lane's schedule. */
export type TariffEntry = { code: string; units: string[]; description: string };

/** A line after reading, with its numbers parsed and its enrichment. */
export type ScreenLine = {
  line: number;
  values: LineValues;
  orderNo: string;
  /** Parsed numbers: null when empty, NaN when not a number. */
  qty: number | null;
  unitValue: number | null;
  lineTotal: number | null;
  netWeightKg: number | null;
  grossWeightKg: number | null;
  unit: Unit | null;
  /** The HS code the rules use, digits only ('' when none). */
  hsCode: string;
  hsSource: HsSource;
  suggestion: { code: string; confidence: number } | null;
  product: ProductSnapshot | null;
  tariff: TariffEntry | null;
};

/** What an order looked like across its lines, gathered while streaming (the lines themselves are not kept). */
export type OrderState = {
  orderNo: string;
  firstLine: number;
  lines: number;
  /** Distinct currencies, in order of appearance. */
  currencies: string[];
  /** Σ line value (line total, or qty × unit value). */
  itemsValue: number;
  itemsValueKnown: boolean;
  /** Distinct HS6 subheadings on the order. */
  hs6: string[];
  /** Distinct waybills of the order. */
  waybills: string[];
  /** The order-level values of its first row. */
  header: LineValues;
  conflicts: { field: string; first: string; other: string; line: number }[] | null;
  /** Identical item rows seen more than once. */
  repeatedLines: { line: number; firstLine: number }[] | null;
  netWeightKg: number;
};

/** Manifest-wide state for rules that look across orders. */
export type ManifestState = {
  /** Every order, in order of first appearance. */
  orders(): Iterable<OrderState>;
  orderCount: number;
  waybillCount: number;
  /** The order that used a waybill first. */
  firstOrderOf(waybill: string): OrderState | undefined;
  /** waybill → the other orders that use it too (only waybills used by more than one order). */
  waybillReuse: ReadonlyMap<string, { orderNo: string; line: number }[]>;
};

/** Reference data a rule may consult, loaded once per run. */
export type References = {
  countries: ReadonlySet<string>;
  currencies: ReadonlySet<string>;
  locodes: ReadonlySet<string>;
  /** The lane's schedule: 'hs' (HS 2022, 6 digits) or 'us_hts' (10 digits). */
  schedule: "hs" | "us_hts";
  editionCode: string;
  /** Known codes of the schedule (HS6 for hs; every numbered line for us_hts). */
  tariff: ReadonlyMap<string, TariffEntry>;
  hs6: ReadonlySet<string>;
  /** The schedule's most detailed lines under each HS6 (us_hts: 10-digit lines; hs: the HS6 itself). */
  linesByHs6: ReadonlyMap<string, string[]>;
  customsUnits: Readonly<Record<string, { zh: string }>>;
};

/** Everything a rule sees besides its subject. */
export type RuleContext = {
  lane: Lane;
  date: string;
  data: PackData;
  refs: References;
  sourceKind: SourceKind;
  /** The canonical fields the source can fill (a CSV's mapped columns; every field for JSON and XML): rules skip the rest. */
  fields: readonly string[];
  /** The pack's required fields that this source's format can carry. */
  required: readonly string[];
};

/** Tunable values of a pack: the data half of "code plus data". */
export type PackData = {
  requiredFields: string[];
  /** Digits the lane's declaration needs in the HS code. */
  hsDigits: number;
  /** Tolerance for money comparisons, in the currency's units. */
  moneyTolerance: number;
  limits: Record<string, number>;
  /** Per-rule severity overrides. */
  severity: Record<string, Severity>;
};

/** What a rule says about itself: the rule catalogue is built from this. */
export type RuleMeta = {
  code: string;
  severity: Severity;
  scope: "line" | "order" | "manifest";
  title: string;
  titleZh: string;
  /** What it checks, in a sentence. */
  checks: string;
  checksZh: string;
  /** Where the requirement comes from. */
  source: string;
};

/** A rule over one line. */
export type LineRule = RuleMeta & { scope: "line"; check(line: ScreenLine, ctx: RuleContext): Finding[] | undefined };
/** A rule over one order, once every line of it has been seen. */
export type OrderRule = RuleMeta & { scope: "order"; check(order: OrderState, ctx: RuleContext): Finding[] | undefined };
/** A rule over the whole manifest. */
export type ManifestRule = RuleMeta & { scope: "manifest"; check(manifest: ManifestState, ctx: RuleContext): Finding[] | undefined };
/** Any rule. */
export type Rule = LineRule | OrderRule | ManifestRule;

/** Build a finding of a rule, with the pack's severity override applied. */
export function finding(
  rule: RuleMeta,
  ctx: RuleContext,
  at: { orderNo: string; line: number },
  field: string,
  text: { en: string; zh: string; hint: string; hintZh: string },
  evidence: Record<string, unknown>,
): Finding {
  return {
    code: rule.code,
    severity: ctx.data.severity[rule.code] ?? rule.severity,
    orderNo: clip(at.orderNo, 120),
    line: at.line,
    field,
    message: clip(text.en, 2000),
    messageZh: clip(text.zh, 2000),
    evidence: clipValues(evidence),
    hint: clip(text.hint, 2000),
    hintZh: clip(text.hintZh, 2000),
  };
}

/** Text cut to a length with an ellipsis: a hostile 1 MB cell must not become a 1 MB finding (or an index entry). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function clipValues(evidence: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(evidence)) if (typeof value === "string" && value.length > 300) evidence[key] = clip(value, 300);
  return evidence;
}
