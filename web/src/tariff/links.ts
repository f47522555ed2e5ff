// URLs of the tariff browser, so every link keeps the chosen schedule and search.
import type { Schedule } from "../api.ts";
import { href } from "../router.tsx";

/** The schedule and search that the tariff browser carries in its query string. */
export type TariffContext = { schedule: Schedule; q: string };

/** Reads the schedule from the `schedule` query parameter (US HTS unless it says `hs`). */
export function parseSchedule(value: string | null): Schedule {
  return value === "hs" ? "hs" : "us_hts";
}

/** URL of a tariff line (or of the browser's start when code is null). */
export function tariffHref(code: string | null, { schedule, q }: TariffContext): string {
  return href(code ? `/tariff/${code}` : "/tariff", { schedule: schedule === "us_hts" ? null : schedule, q });
}

/** The closest HS code for an HTS code, dotted: HS stops at six digits ("8467.21"). */
export function toHsCode(code: string): string {
  const digits = code.replace(/\D/g, "").slice(0, 6);
  return digits.length > 4 ? `${digits.slice(0, 4)}.${digits.slice(4)}` : digits;
}
