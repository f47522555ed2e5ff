import { AppError } from "../core/errors.ts";

/** A tariff schedule Clearway knows: the WCO Harmonized System, or the US HTS. */
export type Schedule = "hs" | "us_hts";

const LEVELS: Record<Schedule, number[]> = { hs: [2, 4, 6], us_hts: [2, 4, 6, 8, 10] };

/** The digits of a tariff code typed any way (`8467.21.00`, `846721`, `8467 21 00`); malformed input throws TARIFF_CODE_MALFORMED saying which part is wrong. */
export function normalizeCode(input: string, schedule: Schedule): string {
  const text = input.trim();
  if (!text) throw malformed(input, "the code is empty");
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (!/[0-9.\s-]/.test(ch)) throw malformed(input, `character "${ch}" at position ${i + 1} is not a digit`);
  }
  const digits = text.replace(/[.\s-]/g, "");
  const levels = LEVELS[schedule];
  if (!levels.includes(digits.length)) {
    const max = levels[levels.length - 1];
    const what = digits.length > (max ?? 10) ? `has ${digits.length} digits; ${schedule === "hs" ? "HS codes have at most 6" : "HTS codes have at most 10"}` : `has ${digits.length} digits; codes have ${levels.join(", ")} digits`;
    throw malformed(input, what);
  }
  const chapter = Number(digits.slice(0, 2));
  if (chapter < 1 || chapter > (schedule === "hs" ? 97 : 99)) throw malformed(input, `chapter ${digits.slice(0, 2)} does not exist (chapters run 01–${schedule === "hs" ? "97" : "99"})`);
  return digits;
}

/** The code as the schedule prints it: HS `8467.21`, HTS `8467.21.00.10`. */
export function formatCode(digits: string, schedule: Schedule = "us_hts"): string {
  if (digits.length <= 4) return digits;
  if (schedule === "hs" || digits.length === 6) return `${digits.slice(0, 4)}.${digits.slice(4)}`;
  const base = `${digits.slice(0, 4)}.${digits.slice(4, 6)}.${digits.slice(6, 8)}`;
  return digits.length > 8 ? `${base}.${digits.slice(8)}` : base;
}

function malformed(input: string, reason: string): AppError {
  return new AppError("TARIFF_CODE_MALFORMED", `"${input}" is not a valid tariff code: ${reason}`, { input, reason });
}
