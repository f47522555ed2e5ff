import { finding, type LineRule } from "./types.ts";

const LETTER_VALUES: Record<string, number> = {};
{
  let value = 10;
  for (const letter of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
    if (value % 11 === 0) value++;
    LETTER_VALUES[letter] = value++;
  }
}

/** The ISO 6346 check digit of a container number's first ten characters, or null when they are not owner code + category + serial. */
export function containerCheckDigit(first10: string): number | null {
  if (!/^[A-Z]{3}[UJZR][0-9]{6}$/.test(first10)) return null;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const ch = first10[i] as string;
    sum += (LETTER_VALUES[ch] ?? Number(ch)) * 2 ** i;
  }
  return (sum % 11) % 10;
}

// Consecutive lines of a manifest usually share a container; the last number that passed is not checked again.
let lastValid = "";

/** CONTAINER.CHECK_DIGIT: the container number is not a valid ISO 6346 number. */
export const containerNumber: LineRule = {
  code: "CONTAINER.CHECK_DIGIT",
  severity: "block",
  scope: "line",
  title: "Container number invalid",
  titleZh: "集装箱号无效",
  checks: "A container number is 4 letters, 6 digits and an ISO 6346 check digit that matches.",
  checksZh: "检查集装箱号为 4 位字母 + 6 位数字 + 校验位，且校验位符合 ISO 6346。",
  source: "ISO 6346 (container identification)",
  check(line, ctx) {
    const raw = line.values.container_no as string;
    if (!raw || raw === lastValid) return;
    const value = raw.replace(/[\s-]/g, "").toUpperCase();
    const digit = containerCheckDigit(value.slice(0, 10));
    if (value.length === 11 && digit !== null && String(digit) === value[10]) {
      lastValid = raw;
      return;
    }
    const expected = digit === null ? null : `${value.slice(0, 10)}${digit}`;
    return [
      finding(this, ctx, line, "container_no", {
        en: digit === null || value.length !== 11 ? `Container number "${raw}" is not 4 letters + 7 digits.` : `Container number ${value} fails its check digit (expected ${digit}).`,
        zh: digit === null || value.length !== 11 ? `集装箱号“${raw}”不是 4 位字母 + 7 位数字。` : `集装箱号 ${value} 校验位错误（应为 ${digit}）。`,
        hint: expected ? `Check the number against the container; with these first ten characters it would be ${expected}.` : "Copy the number from the container or the booking confirmation.",
        hintZh: expected ? `请对照箱体核对箱号；按前十位计算应为 ${expected}。` : "请按箱体或订舱确认书抄录箱号。",
      }, { containerNo: raw, expectedCheckDigit: digit }),
    ];
  },
};

/** CONTAINER.SEAL_MISSING: a container line without a seal number. */
export const sealMissing: LineRule = {
  code: "CONTAINER.SEAL_MISSING",
  severity: "warn",
  scope: "line",
  title: "Container without seal number",
  titleZh: "集装箱缺少封志号",
  checks: "A line shipped in a container carries the container's seal number (manifested per container; ISO 17712 high-security seal for the US).",
  checksZh: "集装箱货物须填写封志号（按箱申报；输美须 ISO 17712 高安全封志）。",
  source: "C-TPAT minimum security criteria; manifest seal numbers, formats.md C.6",
  check(line, ctx) {
    if (!line.values.container_no || line.values.seal_no) return;
    return [
      finding(this, ctx, line, "seal_no", {
        en: `Container ${line.values.container_no} has no seal number.`,
        zh: `集装箱 ${line.values.container_no} 未填写封志号。`,
        hint: "Add the seal number recorded at stuffing.",
        hintZh: "请填写装箱时记录的封志号。",
      }, { containerNo: line.values.container_no }),
    ];
  },
};

/** The transport rules, in catalogue order. */
export const TRANSPORT_RULES: LineRule[] = [containerNumber, sealMissing];
