// Human-readable summaries of parsed duty rates.
import type { ParsedRate, RateComponent } from "../api.ts";
import type { I18n } from "../i18n.ts";

/** "$0.01", "$1.20": amounts as the schedule states them, without float rounding. */
function formatUsd(amount: string): string {
  return `$${amount}`;
}

/** One component of a rate, e.g. "ad valorem 6.8%" or "specific $0.01 per kg (UoQ #2)". */
export function describeComponent(component: RateComponent, { t }: I18n): string {
  if (component.type === "ad_valorem") {
    const text = t("rate.adValorem", { percent: component.percent });
    return component.qualifier ? t("rate.withNotes", { text, notes: component.qualifier }) : text;
  }
  // `unit` is the canonical display form; `unitRaw` may already contain the quantity ("1,000 pins").
  const quantity = component.perQuantity && component.perQuantity !== "1" ? `${component.perQuantity} ` : "";
  const unit = `${quantity}${component.unit || component.unitRaw || component.per}`;
  const text = t("rate.specific", { amount: formatUsd(component.amountUsd), unit });
  const notes: string[] = [];
  if (component.qualifier) notes.push(component.qualifier);
  // uoqIndex is 0-based; the schedule and the units panel count from 1.
  if (component.uoqIndex != null) notes.push(t("rate.uoq", { index: component.uoqIndex + 1 }));
  return notes.length > 0 ? t("rate.withNotes", { text, notes: notes.join("; ") }) : text;
}

/** The kind of a rate in one or two words: free, ad valorem, specific, compound, unparsed. */
export function rateKind(rate: ParsedRate, i18n: I18n): string {
  const { t } = i18n;
  switch (rate.status) {
    case "empty":
      return t("rate.empty");
    case "free":
      return t("rate.free");
    case "unparsed":
      return t("rate.unparsed");
    case "parsed":
      return rate.components.length > 1 ? t("rate.compound") : "";
  }
}

/** A full reading of a parsed rate, e.g. "compound: specific $0.01 per kg + ad valorem 5%". */
export function describeRate(rate: ParsedRate, i18n: I18n): string {
  if (rate.status !== "parsed") {
    const kind = rateKind(rate, i18n);
    return rate.status === "unparsed" ? i18n.t("rate.withDetail", { kind, detail: rate.reason }) : kind;
  }
  const parts = rate.components.map((component) => describeComponent(component, i18n));
  return rate.components.length > 1
    ? i18n.t("rate.withDetail", { kind: rateKind(rate, i18n), detail: parts.join(" + ") })
    : parts.join("");
}
