// Small formatting rules of the screening pages: lanes, severities, run statuses, sizes, progress, localised finding text.
import { LANES } from "../../../src/screening/manifest.ts";
import type { Lane, ManifestField, ScreeningFinding, ScreeningRule, ScreeningRun, Severity } from "../api.ts";
import type { I18n, Lang } from "../i18n.ts";

/** The lanes, in the order the pages offer them. */
export const LANE_LIST: readonly Lane[] = LANES;

/** Whether a string names a lane. */
export const isLane = (value: string | null | undefined): value is Lane => (LANES as readonly string[]).includes(value ?? "");

/** The severities, worst first. */
export const SEVERITIES: readonly Severity[] = ["block", "warn", "info"];

/** Whether a string names a severity. */
export const isSeverity = (value: string | null | undefined): value is Severity => (SEVERITIES as readonly string[]).includes(value ?? "");

/** Badge colour of a severity. */
export const SEVERITY_COLOR: Record<Severity, string> = { block: "red", warn: "orange", info: "blue" };

/** Badge colour of a run status. */
export const STATUS_COLOR: Record<ScreeningRun["status"], string> = { running: "blue", done: "green", failed: "red" };

/** A lane's name in the console language. */
export const laneName = ({ t }: I18n, lane: string): string => (isLane(lane) ? t(`lane.${lane}`) : lane);

/** Bytes as B, KB or MB. */
export function formatBytes(bytes: number, formatNumber: (value: number) => string): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / 104857.6) / 10)} MB`;
}

/** How far a running screening has got, as a percentage (null when unknown, e.g. a re-run, which has no file) and a sentence. */
export function runProgress(i18n: I18n, run: Pick<ScreeningRun, "progress">): { percent: number | null; text: string } {
  const { t, formatNumber } = i18n;
  const { lines, bytes, totalBytes, phase } = run.progress;
  if (phase === "orders") return { percent: 100, text: t("screening.progress.orders", { lines: formatNumber(lines) }) };
  if (totalBytes > 0) {
    const percent = Math.min(100, Math.round((bytes / totalBytes) * 100));
    return { percent, text: t("screening.progress.bytes", { done: formatBytes(bytes, formatNumber), total: formatBytes(totalBytes, formatNumber), lines: formatNumber(lines) }) };
  }
  return { percent: null, text: lines > 0 ? t("screening.progress.lines", { lines: formatNumber(lines) }) : t("screening.progress.starting") };
}

/** A finding's message and hint in the console language. */
export function findingText(lang: Lang, finding: Pick<ScreeningFinding, "message" | "messageZh" | "hint" | "hintZh">): { message: string; hint: string } {
  return lang === "zh" ? { message: finding.messageZh || finding.message, hint: finding.hintZh || finding.hint } : { message: finding.message, hint: finding.hint };
}

/** A rule's title in the console language. */
export const ruleTitle = (lang: Lang, rule: Pick<ScreeningRule, "title" | "titleZh">): string => (lang === "zh" ? rule.titleZh || rule.title : rule.title);

/** A manifest field's label in the console language, or its key when it is not a known field. */
export function fieldLabel(lang: Lang, fields: ReadonlyMap<string, ManifestField>, key: string): string {
  const field = fields.get(key);
  if (!field) return key;
  return lang === "zh" ? field.labelZh : field.label;
}

/** A tariff code's digits with dots: HTS 6109.10.00.12, HS 6109.10, anything shorter as typed. */
export function dottedHs(digits: string): string {
  if (!/^\d{6,}$/.test(digits)) return digits;
  return [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8), digits.slice(8, 10), digits.slice(10)].filter(Boolean).join(".");
}
