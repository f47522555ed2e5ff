import { headerNumber } from "./order-rules.ts";
import { show } from "./labels.ts";
import { type Finding, finding, type LineRule, type ManifestRule, type OrderRule, type OrderState } from "./types.ts";

function at(order: OrderState) {
  return { orderNo: order.orderNo, line: order.firstLine };
}

/** The value customs assesses for a cross-border retail import: goods + freight + insurance. */
export function dutiableValue(order: OrderState): number {
  const goods = headerNumber(order, "goods_value") ?? order.itemsValue;
  return goods + (headerNumber(order, "freight") ?? 0) + (headerNumber(order, "insured_fee") ?? 0);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** True when text is an 18-character PRC resident ID number whose GB 11643 check character matches. */
export function isValidResidentId(text: string): boolean {
  const id = text.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] === id[17];
}

/** CN_IMPORT.CURRENCY_NOT_CNY: cross-border retail import documents are in renminbi. */
export const cnImportCurrency: LineRule = {
  code: "CN_IMPORT.CURRENCY_NOT_CNY",
  severity: "block",
  scope: "line",
  title: "Currency must be CNY",
  titleZh: "币制须为人民币",
  checks: "Every value of a cross-border retail import is in CNY (customs currency 142).",
  checksZh: "跨境电商零售进口的金额须以人民币（币制代码 142）申报。",
  source: "China CEB311/411/511/621 currency fixed to 142 (formats.md A.7)",
  check(line, ctx) {
    const currency = (line.values.currency as string).toUpperCase();
    if (!currency || currency === "CNY" || !ctx.refs.currencies.has(currency)) return;
    return [
      finding(this, ctx, line, "currency", {
        en: `Currency is ${currency}; cross-border retail imports are declared in CNY.`,
        zh: `币制为 ${currency}；跨境电商零售进口须以人民币申报。`,
        hint: "Convert the values to CNY at the rate the platform charged the buyer.",
        hintZh: "请按平台向消费者收款时的汇率换算为人民币。",
      }, { currency }),
    ];
  },
};

/** CN_IMPORT.BUYER_ID_INVALID: the buyer's ID number is not a valid resident ID. */
export const cnImportBuyerId: OrderRule = {
  code: "CN_IMPORT.BUYER_ID_INVALID",
  severity: "block",
  scope: "order",
  title: "Buyer ID number invalid",
  titleZh: "订购人身份证号无效",
  checks: "The buyer's ID number is an 18-character resident ID whose check character (GB 11643) matches.",
  checksZh: "检查订购人证件号码为 18 位居民身份证号且校验码（GB 11643）正确。",
  source: "China CEB311 buyerIdType 1 = ID card (formats.md A.7); GB 11643-1999",
  check(order, ctx) {
    const id = order.header.buyer_id_no as string;
    if (!id || isValidResidentId(id)) return;
    return [
      finding(this, ctx, at(order), "buyer_id_no", {
        en: `Buyer ID ${maskId(id)} of order ${order.orderNo} is not a valid 18-character resident ID.`,
        zh: `订单 ${order.orderNo} 的订购人身份证号 ${maskId(id)} 无效。`,
        hint: "Ask the buyer to re-enter the ID number exactly as on the ID card; it must match the payer's.",
        hintZh: "请让订购人按身份证重新填写证件号码，并与支付人一致。",
      }, { buyerIdNo: maskId(id), length: id.length }),
    ];
  },
};

/** An ID number shown with its middle digits hidden: findings are read by many people. */
export function maskId(id: string): string {
  return id.length <= 8 ? "*".repeat(id.length) : `${id.slice(0, 4)}${"*".repeat(id.length - 8)}${id.slice(-4)}`;
}

/** CN_IMPORT.THREE_DOC_MISMATCH: the order, the payment voucher and the waybill do not agree. */
export const cnImportThreeDocs: OrderRule = {
  code: "CN_IMPORT.THREE_DOC_MISMATCH",
  severity: "block",
  scope: "order",
  title: "Order, payment and waybill do not match (三单对碰)",
  titleZh: "三单信息不一致",
  checks: "The payment voucher exists for the order, its amount equals the order's amount actually paid, and the payer is the buyer; the order has a waybill. Checked where the source carries payment data (flat file, JSON).",
  checksZh: "检查订单有对应支付单、支付金额等于订单实付金额、支付人即订购人，且订单有运单（来源含支付信息时：表格、JSON）。",
  source: "China cross-border retail import three-document match: CEB311 acturalPaid = CEB411 amountPaid; buyer = payer (formats.md A.7)",
  check(order, ctx) {
    if (ctx.sourceKind === "ceb621") return;
    const h = order.header;
    const found: Finding[] = [];
    const add = (field: string, en: string, zh: string, hint: string, hintZh: string, evidence: Record<string, unknown>) =>
      found.push(finding(this, ctx, at(order), field, { en, zh, hint, hintZh }, evidence));
    if (!h.payment_no && !h.payment_amount) {
      add("payment_no", `Order ${order.orderNo} has no payment voucher (payment number and amount are empty).`, `订单 ${order.orderNo} 没有支付单（支付交易编号和支付金额为空）。`, "The payment company must send the payment voucher (CEB411) before the inventory; add its transaction number and amount.", "支付企业须在清单前推送支付单（CEB411）；请补充支付交易编号和金额。", { document: "payment" });
    }
    const paid = headerNumber(order, "payment_amount");
    const total = headerNumber(order, "order_total");
    if (paid !== null && total !== null && Math.abs(paid - total) > ctx.data.moneyTolerance) {
      add("payment_amount", `Order ${order.orderNo}: paid ${show(paid)} but the order's amount actually paid is ${show(total)}.`, `订单 ${order.orderNo}：支付金额 ${show(paid)} 与订单实付金额 ${show(total)} 不符。`, "The payment voucher's amount must equal the order's goods + freight + tax − discount.", "支付单金额须等于订单商品价格+运费+税款−抵扣。", { paymentAmount: paid, orderTotal: total });
    }
    if (h.payer_id_no && h.buyer_id_no && h.payer_id_no.toUpperCase() !== h.buyer_id_no.toUpperCase()) {
      add("payer_id_no", `Order ${order.orderNo}: the payer's ID is not the buyer's.`, `订单 ${order.orderNo}：支付人证件号码与订购人不一致。`, "The person who pays must be the buyer named on the order.", "支付人须为订单上的订购人本人。", { payerIdNo: maskId(h.payer_id_no), buyerIdNo: maskId(h.buyer_id_no) });
    } else if (h.payer_name && h.buyer_name && h.payer_name.trim() !== h.buyer_name.trim()) {
      add("payer_name", `Order ${order.orderNo}: payer ${h.payer_name} is not the buyer ${h.buyer_name}.`, `订单 ${order.orderNo}：支付人 ${h.payer_name} 与订购人 ${h.buyer_name} 不一致。`, "The person who pays must be the buyer named on the order.", "支付人须为订单上的订购人本人。", { payerName: h.payer_name, buyerName: h.buyer_name });
    }
    if (order.waybills.length === 0) {
      add("waybill_no", `Order ${order.orderNo} has no waybill.`, `订单 ${order.orderNo} 没有运单。`, "The logistics company must send the waybill (CEB511) for the order.", "物流企业须推送该订单的运单（CEB511）。", { document: "waybill" });
    }
    return found.length ? found : undefined;
  },
};

/** CN_IMPORT.SINGLE_LIMIT: one order above the per-transaction limit of cross-border retail import. */
export const cnImportSingleLimit: OrderRule = {
  code: "CN_IMPORT.SINGLE_LIMIT",
  severity: "block",
  scope: "order",
  title: "Over the per-transaction limit",
  titleZh: "超过单次交易限值",
  checks: "An order's dutiable value (goods + freight + insurance) is within the per-transaction limit (¥5,000 in the 2019 pack).",
  checksZh: "检查订单完税价格（商品+运费+保费）不超过单次交易限值（2019 规则包为 5000 元）。",
  source: "MOF/GAC/SAT announcement 2018 No. 49 (limits from 2019-01-01), formats.md A.7",
  check(order, ctx) {
    const limit = ctx.data.limits.singleCny;
    if (limit === undefined || !order.itemsValueKnown) return;
    const value = dutiableValue(order);
    if (value <= limit) return;
    return [
      finding(this, ctx, at(order), "order_total", {
        en: `Order ${order.orderNo} is worth ¥${show(value)}, over the ¥${show(limit)} per-transaction limit.`,
        zh: `订单 ${order.orderNo} 完税价格 ¥${show(value)}，超过单次交易限值 ¥${show(limit)}。`,
        hint: "Over the limit the goods are taxed as general trade; split only if the goods are really separate purchases, or declare as general trade.",
        hintZh: "超过限值须按一般贸易征税；仅当确为多次独立购买时方可拆单，否则按一般贸易申报。",
      }, { value: Math.round(value * 100) / 100, limit }),
    ];
  },
};

/** CN_IMPORT.ANNUAL_LIMIT: one buyer's orders in this manifest pass the annual limit. */
export const cnImportAnnualLimit: ManifestRule = {
  code: "CN_IMPORT.ANNUAL_LIMIT",
  severity: "block",
  scope: "manifest",
  title: "Over the buyer's annual limit",
  titleZh: "超过个人年度交易限值",
  checks: "The orders of one buyer (by ID number) in the manifest add up to no more than the annual limit (¥26,000 in the 2019 pack); the order that crosses it is flagged.",
  checksZh: "按订购人证件号码累计本清单中的订单金额，不超过年度限值（2019 规则包为 26000 元）；标记越限的订单。",
  source: "MOF/GAC/SAT announcement 2018 No. 49, formats.md A.7",
  check(manifest, ctx) {
    const limit = ctx.data.limits.annualCny;
    if (limit === undefined) return;
    const totals = new Map<string, number>();
    const found: Finding[] = [];
    for (const order of manifest.orders()) {
      const id = (order.header.buyer_id_no as string).toUpperCase();
      if (!id || !order.itemsValueKnown) continue;
      const before = totals.get(id) ?? 0;
      const after = before + dutiableValue(order);
      totals.set(id, after);
      if (after > limit && before <= limit) {
        found.push(
          finding(this, ctx, at(order), "buyer_id_no", {
            en: `With order ${order.orderNo}, buyer ${maskId(id)} reaches ¥${show(after)} in this manifest, over the ¥${show(limit)} annual limit.`,
            zh: `计入订单 ${order.orderNo} 后，订购人 ${maskId(id)} 在本清单中累计 ¥${show(after)}，超过年度限值 ¥${show(limit)}。`,
            hint: "Hold this and the buyer's later orders; purchases over the annual limit are taxed as general trade.",
            hintZh: "请暂缓该订购人本单及后续订单；超过年度限值须按一般贸易征税。",
          }, { buyerIdNo: maskId(id), total: Math.round(after * 100) / 100, limit }),
        );
      }
    }
    return found.length ? found : undefined;
  },
};

/** US_IMPORT.DE_MINIMIS: what the Section 321 de minimis rule of the pack's date means for the manifest's low-value orders (one finding for the manifest, not one per order). */
export const usDeMinimis: ManifestRule = {
  code: "US_IMPORT.DE_MINIMIS",
  severity: "info",
  scope: "manifest",
  title: "Section 321 de minimis",
  titleZh: "美国 321 条款小额豁免",
  checks: "Counts the orders at or under the de minimis value ($800, in USD): before 2025-08-29 they may clear duty-free under Section 321; from then on de minimis is suspended and they need a formal or informal entry with duties paid, so nobody should file them as type 86.",
  checksZh: "统计不超过 800 美元的订单：2025-08-29 之前可按 321 条款免税清关；此后小额豁免暂停，须正式或非正式报关并缴税，不得按 86 类申报。",
  source: "19 U.S.C. 1321; Executive Order 14324 (2025-07-30), CBP notice FR 2025-16802 (formats.md C.4)",
  check(manifest, ctx) {
    const limit = ctx.data.limits.deMinimisUsd;
    if (limit === undefined) return;
    let count = 0;
    let first: OrderState | null = null;
    const sample: string[] = [];
    for (const order of manifest.orders()) {
      if (!order.itemsValueKnown || order.itemsValue > limit || order.currencies.length !== 1 || order.currencies[0] !== "USD") continue;
      count++;
      first ??= order;
      if (sample.length < 10) sample.push(order.orderNo);
    }
    if (!first) return;
    const suspended = ctx.data.limits.deMinimisSuspended === 1;
    return [
      finding(this, ctx, at(first), "unit_value", suspended
        ? { en: `${count} order(s) are at or under $${show(limit)}; Section 321 de minimis is suspended since 2025-08-29, so none of them can clear as type 86.`, zh: `${count} 个订单不超过 ${show(limit)} 美元；321 条款小额豁免自 2025-08-29 起暂停，均不能按 86 类清关。`, hint: "File formal or informal entries (type 01 or 11) and pay duties; type 86 releases are rejected.", hintZh: "请按正式或非正式报关（01 或 11 类）申报并缴税；86 类放行将被拒绝。" }
        : { en: `${count} order(s) are within the $${show(limit)} de minimis value.`, zh: `${count} 个订单在 ${show(limit)} 美元小额豁免额度内。`, hint: "They may clear under Section 321 (type 86) unless excluded (AD/CVD, quota, excise goods).", hintZh: "除反倾销/反补贴、配额、消费税商品外，可按 321 条款（86 类）清关。" },
        { orders: count, limit, suspended, sample }),
    ];
  },
};

/** EU_IMPORT.H7_VALUE_EXCEEDED: a consignment over the €150 ceiling of the H7 low-value declaration. */
export const euH7Value: OrderRule = {
  code: "EU_IMPORT.H7_VALUE_EXCEEDED",
  severity: "warn",
  scope: "order",
  title: "Over €150: no H7 declaration",
  titleZh: "超过 150 欧元，不能使用 H7 申报",
  checks: "An order declared in EUR has an intrinsic value of at most €150, the ceiling of the H7 super-reduced declaration; above it the full H1 dataset is needed.",
  checksZh: "以欧元申报的订单内在价值不超过 150 欧元（H7 简化申报上限）；超过则须按 H1 完整申报。",
  source: "EU H7 eligibility, DE 14 14 intrinsic value (formats.md D.2)",
  check(order, ctx) {
    const limit = ctx.data.limits.h7Eur;
    if (limit === undefined || !order.itemsValueKnown || order.currencies.length !== 1 || !order.currencies.includes("EUR") || order.itemsValue <= limit) return;
    return [
      finding(this, ctx, at(order), "unit_value", {
        en: `Order ${order.orderNo} is worth €${show(order.itemsValue)}, over the €${show(limit)} H7 ceiling.`,
        zh: `订单 ${order.orderNo} 价值 €${show(order.itemsValue)}，超过 H7 上限 €${show(limit)}。`,
        hint: "Declare it with the full H1 dataset; IOSS cannot be used for it.",
        hintZh: "请按 H1 完整数据申报；该订单不能使用 IOSS。",
      }, { value: Math.round(order.itemsValue * 100) / 100, limit }),
    ];
  },
};

/** EU_IMPORT.IOSS_INVALID: an IOSS number that is malformed or used on a consignment over €150. */
export const euIoss: OrderRule = {
  code: "EU_IMPORT.IOSS_INVALID",
  severity: "block",
  scope: "order",
  title: "IOSS number invalid",
  titleZh: "IOSS 编号无效",
  checks: "An IOSS number is IM + a 3-digit member-state code + 7 characters, and is only used on consignments of at most €150.",
  checksZh: "IOSS 编号为 IM + 3 位成员国代码 + 7 位字符，且只能用于不超过 150 欧元的货物。",
  source: "EU IOSS (formats.md D.3)",
  check(order, ctx) {
    const ioss = (order.header.ioss_no as string).toUpperCase().replace(/\s/g, "");
    if (!ioss) return;
    if (!/^IM\d{3}[0-9A-Z]{7}$/.test(ioss)) {
      return [finding(this, ctx, at(order), "ioss_no", { en: `IOSS number "${ioss}" is not IM + 10 characters.`, zh: `IOSS 编号“${ioss}”格式不是 IM + 10 位。`, hint: "Copy the IOSS number exactly as the marketplace registered it (e.g. IM2760000742).", hintZh: "请按平台注册的 IOSS 编号原样填写（例如 IM2760000742）。" }, { iossNo: ioss })];
    }
    const limit = ctx.data.limits.h7Eur;
    if (limit !== undefined && order.currencies.includes("EUR") && order.itemsValue > limit) {
      return [finding(this, ctx, at(order), "ioss_no", { en: `IOSS ${ioss} cannot be used: order ${order.orderNo} is over €${show(limit)}.`, zh: `订单 ${order.orderNo} 超过 €${show(limit)}，不能使用 IOSS ${ioss}。`, hint: "Remove the IOSS number; import VAT is paid at the border for this consignment.", hintZh: "请删除 IOSS 编号；该货物的进口增值税在入境时缴纳。" }, { iossNo: ioss, value: Math.round(order.itemsValue * 100) / 100, limit })];
    }
    return;
  },
};

/** EU_IMPORT.FLAT_DUTY: the €3-per-subheading customs duty on low-value parcels (from 2026-07-01). */
export const euFlatDuty: OrderRule = {
  code: "EU_IMPORT.FLAT_DUTY",
  severity: "info",
  scope: "order",
  title: "€3 flat duty per tariff subheading",
  titleZh: "每个税目 3 欧元定额关税",
  checks: "For parcels under €150 from 2026-07-01, reports the flat customs duty: €3 for each distinct tariff subheading in the parcel.",
  checksZh: "自 2026-07-01 起，对低于 150 欧元的包裹按每个不同税目 3 欧元计算定额关税。",
  source: "Council decision on the €150 duty exemption (adopted 2026-02-11), formats.md D.4 [M: verify]",
  check(order, ctx) {
    const perItem = ctx.data.limits.flatDutyEur;
    const limit = ctx.data.limits.h7Eur;
    if (perItem === undefined || limit === undefined || order.currencies.length !== 1 || !order.currencies.includes("EUR") || order.itemsValue >= limit || order.hs6.length === 0) return;
    const duty = perItem * order.hs6.length;
    return [
      finding(this, ctx, at(order), "hs_code", {
        en: `Order ${order.orderNo}: ${order.hs6.length} tariff subheading(s) → €${show(duty)} flat customs duty.`,
        zh: `订单 ${order.orderNo}：${order.hs6.length} 个税目，定额关税 €${show(duty)}。`,
        hint: "Collect the duty at checkout (IOSS) or have it paid at the border.",
        hintZh: "请在结账时代收（IOSS）或在入境时缴纳。",
      }, { subheadings: [...order.hs6].sort(), perSubheading: perItem, duty }),
    ];
  },
};

/** The lane-specific rules, by lane family. */
export const CN_IMPORT_LINE_RULES: LineRule[] = [cnImportCurrency];
export const CN_IMPORT_ORDER_RULES: OrderRule[] = [cnImportThreeDocs, cnImportBuyerId, cnImportSingleLimit];
export const CN_IMPORT_MANIFEST_RULES: ManifestRule[] = [cnImportAnnualLimit];
export const US_IMPORT_MANIFEST_RULES: ManifestRule[] = [usDeMinimis];
export const EU_IMPORT_ORDER_RULES: OrderRule[] = [euIoss, euH7Value, euFlatDuty];
