import { finding, type LineRule, type References } from "./types.ts";

const SCHEDULE_NAME = { hs: "HS 2022", us_hts: "US HTS" } as const;

function dotted(code: string): string {
  return code.length <= 4 ? code : code.length <= 6 ? `${code.slice(0, 4)}.${code.slice(4)}` : `${code.slice(0, 4)}.${code.slice(4, 6)}.${code.slice(6, 8)}${code.length > 8 ? `.${code.slice(8)}` : ""}`;
}

const nearestCache = new WeakMap<References, Map<string, string[]>>();

/** The schedule's valid codes nearest to a code that is not in it: lines under the same subheading, else heading. */
export function nearestCodes(refs: References, code: string, limit = 5): string[] {
  // A wrong code tends to be repeated down a manifest, and the heading fallback walks every subheading.
  let cache = nearestCache.get(refs);
  if (!cache) nearestCache.set(refs, (cache = new Map()));
  const key = `${limit}:${code}`;
  let near = cache.get(key);
  if (!near) {
    near = findNearest(refs, code, limit);
    if (cache.size < 10_000) cache.set(key, near);
  }
  return near.slice();
}

function findNearest(refs: References, code: string, limit: number): string[] {
  const under = refs.linesByHs6.get(code.slice(0, 6));
  if (under) return under.filter((c) => c.startsWith(code.slice(0, 8))).concat(under).filter((c, i, all) => all.indexOf(c) === i).slice(0, limit);
  const heading = code.slice(0, 4);
  const out: string[] = [];
  for (const hs6 of refs.hs6) if (hs6.startsWith(heading) && out.push(hs6) >= limit) break;
  return out;
}

/** Whether the code names a line of the schedule (any level the schedule prints). */
function inSchedule(refs: References, code: string): boolean {
  if (refs.schedule === "hs") return refs.hs6.has(code.slice(0, 6));
  return code.length >= 10 ? refs.tariff.has(code.slice(0, 10)) : refs.tariff.has(code) || (code.length === 6 && refs.hs6.has(code));
}

/** HS.UNKNOWN: the code is not in the loaded edition of the lane's schedule. */
export const hsUnknown: LineRule = {
  code: "HS.UNKNOWN",
  severity: "block",
  scope: "line",
  title: "HS code not in the tariff",
  titleZh: "商品编码不存在",
  checks: "The line's code exists in the loaded edition of the lane's schedule (US HTS 10-digit lines for us-import; HS 2022 subheadings for the China and EU lanes).",
  checksZh: "检查商品编码存在于该通道税则的已加载版本中（美国进口按 HTS 十位编码；中国和欧盟通道按 HS 2022 子目）。",
  source: "HS 2022 nomenclature (WCO via UN Comtrade); HTSUS 2026 (USITC)",
  check(line, ctx) {
    const code = line.hsCode;
    if (code && !/^\d+$/.test(code)) {
      return [
        finding(this, ctx, line, "hs_code", {
          en: `"${line.values.hs_code}" is not a tariff code (digits, optionally with dots).`,
          zh: `“${line.values.hs_code}”不是有效的商品编码（应为数字，可带点号）。`,
          hint: "Write the code as digits, e.g. 8517.13.00.00 or 8517130000.",
          hintZh: "请用数字填写编码，例如 8517.13.00.00 或 8517130000。",
        }, { code: line.values.hs_code }),
      ];
    }
    // A line with a tariff line attached has a code of the schedule; only the others are looked up.
    if (!code || code.length < 6 || line.tariff || inSchedule(ctx.refs, code)) return;
    const near = nearestCodes(ctx.refs, code);
    const shown = line.values.hs_code || code;
    return [
      finding(this, ctx, line, "hs_code", {
        en: `${shown} is not a code of ${SCHEDULE_NAME[ctx.refs.schedule]} (edition ${ctx.refs.editionCode}).`,
        zh: `${shown} 不是 ${SCHEDULE_NAME[ctx.refs.schedule]}（版本 ${ctx.refs.editionCode}）中的编码。`,
        hint: near.length ? `Check the code; valid codes nearby: ${near.map(dotted).join(", ")}.` : "Check the code against the tariff browser, or leave it empty to use the catalogue's confirmed code.",
        hintZh: near.length ? `请核对编码；相近的有效编码：${near.map(dotted).join("、")}。` : "请在税则浏览中核对编码，或留空以使用商品库中已确认的编码。",
      }, { code, source: line.hsSource, edition: ctx.refs.editionCode, nearest: near }),
    ];
  },
};

/** HS.INCOMPLETE: the code has fewer digits than the lane's declaration needs. */
export const hsIncomplete: LineRule = {
  code: "HS.INCOMPLETE",
  severity: "block",
  scope: "line",
  title: "HS code too short",
  titleZh: "商品编码位数不足",
  checks: "The code has as many digits as the lane's declaration needs: 10 for us-import and the China lanes, 6 for eu-import (H7).",
  checksZh: "检查编码位数满足申报要求：美国进口和中国通道 10 位，欧盟 H7 为 6 位。",
  source: "CBP ACE entry (10-digit HTS); China CEB gcode (10 digits); EU H7 (6-digit commodity code), formats.md C.4, A.4, D.2",
  check(line, ctx) {
    const code = line.hsCode;
    if (!code || code.length >= ctx.data.hsDigits || !/^\d+$/.test(code)) return;
    if (code.length >= 6 && !ctx.refs.hs6.has(code.slice(0, 6))) return;
    const under = ctx.refs.linesByHs6.get(code.slice(0, 6)) ?? [];
    const options = under.filter((c) => c.startsWith(code)).slice(0, 6);
    return [
      finding(this, ctx, line, "hs_code", {
        en: `${line.values.hs_code || code} has ${code.length} digits; ${ctx.lane} needs ${ctx.data.hsDigits}.`,
        zh: `${line.values.hs_code || code} 只有 ${code.length} 位；${ctx.lane} 需要 ${ctx.data.hsDigits} 位。`,
        hint: options.length && ctx.refs.schedule === "us_hts" ? `Choose the full line, e.g. ${options.map(dotted).join(", ")}.` : `Declare the full ${ctx.data.hsDigits}-digit code.`,
        hintZh: options.length && ctx.refs.schedule === "us_hts" ? `请选择完整编码，例如 ${options.map(dotted).join("、")}。` : `请申报完整的 ${ctx.data.hsDigits} 位编码。`,
      }, { code, digits: code.length, required: ctx.data.hsDigits, options }),
    ];
  },
};

/** HS.SUGGESTED: neither the line nor the catalogue has a code; the classifier's suggestion needs a person to confirm it. */
export const hsSuggested: LineRule = {
  code: "HS.SUGGESTED",
  severity: "block",
  scope: "line",
  title: "HS code only suggested",
  titleZh: "商品编码仅为系统建议",
  checks: "A line with no code of its own and none confirmed in the catalogue gets the classifier's suggestion, which a person must confirm before declaring.",
  checksZh: "行上没有编码且商品库未确认编码时，给出归类引擎的建议编码，申报前须人工确认。",
  source: "Clearway classifier (issue 5); declarant's duty of reasonable care",
  check(line, ctx) {
    if (line.hsSource !== "classifier" || !line.suggestion) return;
    const { code, confidence } = line.suggestion;
    return [
      finding(this, ctx, line, "hs_code", {
        en: `No HS code given; the classifier suggests ${dotted(code)} (confidence ${Math.round(confidence * 100)}%).`,
        zh: `未填写商品编码；归类引擎建议 ${dotted(code)}（置信度 ${Math.round(confidence * 100)}%）。`,
        hint: `Confirm ${dotted(code)} (or the right code) for SKU ${line.values.sku || "?"} in the catalogue, then re-run.`,
        hintZh: `请在商品库中为 SKU ${line.values.sku || "?"} 确认 ${dotted(code)}（或正确编码）后重新检查。`,
      }, { suggested: code, confidence, title: line.values.title }),
    ];
  },
};

/** HS.CATALOGUE_MISMATCH: the line declares a code other than the one confirmed for the SKU in the catalogue. */
export const hsCatalogueMismatch: LineRule = {
  code: "HS.CATALOGUE_MISMATCH",
  severity: "warn",
  scope: "line",
  title: "HS code differs from the catalogue",
  titleZh: "商品编码与商品库不一致",
  checks: "When the SKU has a confirmed code in the catalogue, the line's code agrees with it at the digits both give.",
  checksZh: "SKU 在商品库中有已确认编码时，检查行上的编码与之一致。",
  source: "Clearway catalogue (confirmed classifications)",
  check(line, ctx) {
    const confirmed = line.product?.confirmedCode;
    if (!confirmed || line.hsSource !== "line") return;
    const n = Math.min(confirmed.length, line.hsCode.length);
    if (n < 6 || confirmed.slice(0, n) === line.hsCode.slice(0, n)) return;
    return [
      finding(this, ctx, line, "hs_code", {
        en: `The line declares ${dotted(line.hsCode)} but the catalogue's confirmed code for ${line.values.sku} is ${dotted(confirmed)}.`,
        zh: `该行申报 ${dotted(line.hsCode)}，但商品库中 ${line.values.sku} 的已确认编码为 ${dotted(confirmed)}。`,
        hint: "Use the confirmed code, or re-open the product's classification in the catalogue if the line is right.",
        hintZh: "请使用已确认编码；若行上编码正确，请在商品库中重新审核该商品归类。",
      }, { declared: line.hsCode, confirmed, productVersion: line.product?.version }),
    ];
  },
};

/** CATALOGUE.SKU_UNKNOWN: the SKU is not in the catalogue, so nothing on the line could be checked against the commodity master. */
export const skuUnknown: LineRule = {
  code: "CATALOGUE.SKU_UNKNOWN",
  severity: "info",
  scope: "line",
  title: "SKU not in the catalogue",
  titleZh: "SKU 不在商品库中",
  checks: "The line's SKU is in the tenant's catalogue (product data, confirmed codes and certificates come from there).",
  checksZh: "检查行上的 SKU 存在于商品库（商品资料、已确认编码和证书均来自商品库）。",
  source: "Clearway catalogue",
  check(line, ctx) {
    if (line.product || !line.values.sku) return;
    return [
      finding(this, ctx, line, "sku", {
        en: `SKU ${line.values.sku} is not in the catalogue.`,
        zh: `SKU ${line.values.sku} 不在商品库中。`,
        hint: "Add the product to the catalogue (import or create it) so its code and attributes are checked.",
        hintZh: "请将该商品加入商品库（导入或新建），以便核对编码和属性。",
      }, { sku: line.values.sku }),
    ];
  },
};

/** The HS and catalogue rules, in catalogue order. */
export const HS_RULES: LineRule[] = [hsUnknown, hsIncomplete, hsSuggested, hsCatalogueMismatch, skuUnknown];

/** A code written with dots as the schedule prints it (8517.13, 8517.13.00.00). */
export const dottedCode = dotted;
