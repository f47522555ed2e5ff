// Small formatting rules of the catalogue: tariff codes by market, countries, money, days until a date.
import type { Certificate, Classification } from "../api.ts";
import type { I18n, Lang } from "../i18n.ts";
import { tariffHref } from "../tariff/links.ts";

/** The markets a classification decision can be recorded for on the product page. */
export const MARKETS = ["us", "hs", "cn"] as const;

/** How many days ahead an expiry is worth a warning. */
export const EXPIRY_WARN_DAYS = 30;

/** A code as it is printed: HTS 8467.21.00.10, HS 8467.21, other markets as their digits. */
export function dottedCode(market: string, digits: string): string {
  if (market === "us" || market === "hs") {
    const parts = [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8), digits.slice(8, 10)].filter(Boolean);
    return parts.join(".");
  }
  return digits;
}

/** The code a classification carries for its market (the national code, else the HS subheading), or null. */
export function classificationCode(classification: Pick<Classification, "market" | "hs6" | "nationalCode">): string | null {
  const digits = classification.nationalCode ?? classification.hs6;
  return digits ? dottedCode(classification.market, digits) : null;
}

/** The tariff browser's page for a code (US HTS or HS), or null for markets the browser does not hold. */
export function tariffLinkFor(market: string, code: string): string | null {
  if (market === "us") return tariffHref(code, { schedule: "us_hts", q: "" });
  if (market === "hs") return tariffHref(code, { schedule: "hs", q: "" });
  return null;
}

/** Classifications in market order: US, HS, China, then the others alphabetically. */
export function byMarket<T extends { market: string }>(classifications: T[]): T[] {
  const rank = (market: string) => {
    const index = (MARKETS as readonly string[]).indexOf(market);
    return index < 0 ? MARKETS.length : index;
  };
  return [...classifications].sort((a, b) => rank(a.market) - rank(b.market) || a.market.localeCompare(b.market));
}

/** Badge colour of a classification status. */
export const STATUS_COLOR: Record<Classification["status"], string> = {
  confirmed: "green",
  suggested: "blue",
  disputed: "red",
  unclassified: "gray",
};

/** Badge colour of a certificate status. */
export const CERTIFICATE_COLOR: Record<Certificate["status"], string> = {
  valid: "green",
  expiring: "orange",
  expired: "red",
  not_yet_valid: "gray",
};

const regionNames = new Map<Lang, Intl.DisplayNames>();

/** A country's name in the user's language ("CN" → "China" / "中国"), or the code when unknown. */
export function countryName(lang: Lang, code: string): string {
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang === "zh" ? "zh-CN" : "en"], { type: "region" });
    regionNames.set(lang, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A decimal string without trailing zeros beyond two places ("28.5000" → "28.50", "1.3500" → "1.35"). */
export function trimDecimal(value: string): string {
  const [whole, fraction = ""] = value.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  if (!fraction) return value;
  return trimmed.length <= 2 ? `${whole}.${trimmed.padEnd(2, "0")}` : `${whole}.${trimmed}`;
}

/** A weight in kilograms, trailing zeros removed ("1.3500" → "1.35 kg"). */
export function formatKg(value: string): string {
  const [whole, fraction = ""] = value.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  return `${trimmed ? `${whole}.${trimmed}` : whole} kg`;
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A certificate's status from its dates, the way the server decides it (for lists that carry only the dates). */
export function certificateState(validFrom: string | null, validTo: string | null, day = today()): Pick<Certificate, "status" | "daysLeft"> {
  const daysLeft = validTo ? daysBetween(day, validTo) : null;
  if (validFrom && daysBetween(day, validFrom) > 0) return { status: "not_yet_valid", daysLeft };
  if (daysLeft !== null && daysLeft < 0) return { status: "expired", daysLeft };
  if (daysLeft !== null && daysLeft <= EXPIRY_WARN_DAYS) return { status: "expiring", daysLeft };
  return { status: "valid", daysLeft };
}

/** The words for a certificate status: "valid", "expires in 12 days", "expired 3 days ago", "not yet valid". */
export function certificateStatusText({ t }: I18n, status: Certificate["status"], daysLeft: number | null): string {
  if (status === "expiring" && daysLeft !== null) {
    if (daysLeft === 0) return t("certs.status.expiresToday");
    return t(daysLeft === 1 ? "certs.status.expiresTomorrow" : "certs.status.expiring", { days: daysLeft });
  }
  if (status === "expired" && daysLeft !== null) return t(daysLeft === -1 ? "certs.status.expiredYesterday" : "certs.status.expiredDays", { days: -daysLeft });
  return t(`certs.status.${status}`);
}
