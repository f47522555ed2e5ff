import type { References, ScreenLine, TariffEntry } from "./rules/types.ts";
import { resolveUnit } from "./units.ts";
import type { SourceLine } from "./manifest.ts";
import { withDefaults } from "./read-manifest.ts";

/** A decimal cell: null when empty, NaN when not a plain number. */
export function parseDecimal(text: string | undefined): number | null {
  if (!text) return null;
  if (!/^-?\d{1,14}(\.\d{1,5})?$/.test(text)) return Number.NaN;
  return Number(text);
}

/** Digits of a code as typed ("8517.13.00 00" → "8517130000"); '' when there are none. */
export function codeDigits(text: string): string {
  return text ? text.replace(/[\s.\-]/g, "") : "";
}

/** A source line with its numbers and unit parsed; enrichment comes later. */
export function toScreenLine(source: SourceLine, refs: References): ScreenLine {
  const v = withDefaults(source.values);
  const typed = codeDigits(v.hs_code as string);
  return {
    line: source.line,
    values: v,
    orderNo: v.order_no as string,
    qty: parseDecimal(v.qty),
    unitValue: parseDecimal(v.unit_value),
    lineTotal: parseDecimal(v.line_total),
    netWeightKg: parseDecimal(v.net_weight_kg),
    grossWeightKg: parseDecimal(v.gross_weight_kg),
    unit: v.unit ? resolveUnit(v.unit, refs.customsUnits) : null,
    hsCode: typed,
    hsSource: typed ? "line" : "none",
    suggestion: null,
    product: null,
    tariff: null,
  };
}

/** A title reduced for the suggestion cache: case, spacing and punctuation folded. */
export function titleKey(title: string): string {
  return title.normalize("NFKC").toLowerCase().replace(/[\s\p{P}]+/gu, " ").trim().slice(0, 300);
}

/** The lane's tariff line for a code (digits), or null. */
export function tariffLine(refs: References, code: string): TariffEntry | null {
  if (code.length < 6) return null;
  return refs.tariff.get(refs.schedule === "us_hts" ? code.slice(0, 10) : code.slice(0, 6)) ?? null;
}
