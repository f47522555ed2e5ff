import { fieldLabel, show } from "./labels.ts";
import { type Finding, finding, type ManifestRule, type OrderRule, type OrderState, type RuleContext } from "./types.ts";

/** Parse an order-level decimal from the order's header values; null when empty or not a number. */
export function headerNumber(order: OrderState, key: string): number | null {
  const text = order.header[key];
  if (!text) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function at(order: OrderState) {
  return { orderNo: order.orderNo, line: order.firstLine };
}

/** TOTAL.MISMATCH: the items do not add up to the order's stated goods value or total. */
export const totalMismatch: OrderRule = {
  code: "TOTAL.MISMATCH",
  severity: "block",
  scope: "order",
  title: "Order total does not add up",
  titleZh: "订单金额不符",
  checks: "Where the order states a goods value, the item values add up to it; where it states a total, goods + freight + insurance + tax − discount equals it.",
  checksZh: "订单填写商品总价时，各行金额之和须与之相等；填写订单总额时，商品+运费+保费+税款−抵扣须等于总额。",
  source: "China CEB303/311 goodsValue and acturalPaid; Σ inventory totalPrice = order goodsValue (formats.md A.6, A.7)",
  check(order, ctx) {
    if (!order.itemsValueKnown || order.currencies.length > 1) return;
    const found: Finding[] = [];
    const tol = ctx.data.moneyTolerance;
    const goods = headerNumber(order, "goods_value");
    if (goods !== null && Math.abs(goods - order.itemsValue) > tol) {
      found.push(
        finding(this, ctx, at(order), "goods_value", {
          en: `Order ${order.orderNo}: goods value ${show(goods)} but its ${order.lines} item line(s) add up to ${show(order.itemsValue)}.`,
          zh: `订单 ${order.orderNo}：商品总价 ${show(goods)}，但 ${order.lines} 个商品行合计 ${show(order.itemsValue)}。`,
          hint: "Correct the item values or the order's goods value so that they agree.",
          hintZh: "请修正商品行金额或订单商品总价，使二者一致。",
        }, { goodsValue: goods, itemsValue: round(order.itemsValue), lines: order.lines }),
      );
    }
    const total = headerNumber(order, "order_total");
    if (total !== null) {
      const parts = { goods: goods ?? order.itemsValue, freight: headerNumber(order, "freight") ?? 0, insurance: headerNumber(order, "insured_fee") ?? 0, tax: headerNumber(order, "tax_total") ?? 0, discount: headerNumber(order, "discount") ?? 0 };
      const expected = parts.goods + parts.freight + parts.insurance + parts.tax - parts.discount;
      if (Math.abs(expected - total) > tol) {
        found.push(
          finding(this, ctx, at(order), "order_total", {
            en: `Order ${order.orderNo}: total ${show(total)} ≠ goods ${show(parts.goods)} + freight ${show(parts.freight)} + insurance ${show(parts.insurance)} + tax ${show(parts.tax)} − discount ${show(parts.discount)} = ${show(expected)}.`,
            zh: `订单 ${order.orderNo}：总额 ${show(total)} ≠ 商品 ${show(parts.goods)} + 运费 ${show(parts.freight)} + 保费 ${show(parts.insurance)} + 税款 ${show(parts.tax)} − 抵扣 ${show(parts.discount)} = ${show(expected)}。`,
            hint: "Check the freight, tax and discount columns against the order in the shop system.",
            hintZh: "请对照电商系统中的订单核对运费、税款和抵扣金额。",
          }, { orderTotal: total, expected: round(expected), ...mapRound(parts) }),
        );
      }
    }
    return found.length ? found : undefined;
  },
};

function round(value: number): number {
  return Math.round(value * 100000) / 100000;
}

function mapRound(parts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, round(v)]));
}

/** CURRENCY.MIXED: one order's lines are in more than one currency. */
export const currencyMixed: OrderRule = {
  code: "CURRENCY.MIXED",
  severity: "block",
  scope: "order",
  title: "Several currencies in one order",
  titleZh: "同一订单多种币制",
  checks: "All lines of an order are in one currency (a declaration carries one currency per order).",
  checksZh: "检查同一订单的所有商品行使用同一币制。",
  source: "China CEB order currency (one per order)",
  check(order, ctx) {
    if (order.currencies.length <= 1) return;
    const list = order.currencies;
    return [
      finding(this, ctx, at(order), "currency", {
        en: `Order ${order.orderNo} mixes currencies: ${list.join(", ")}.`,
        zh: `订单 ${order.orderNo} 混用了多种币制：${list.join("、")}。`,
        hint: "Convert every line of the order to the currency the buyer paid in.",
        hintZh: "请将该订单所有商品行换算为买家实际支付的币制。",
      }, { currencies: list }),
    ];
  },
};

/** DUPLICATE.ORDER: one order number carries conflicting order data, i.e. two orders share a number. */
export const duplicateOrder: OrderRule = {
  code: "DUPLICATE.ORDER",
  severity: "block",
  scope: "order",
  title: "Order number used twice",
  titleZh: "订单号重复",
  checks: "Rows with the same order number agree on the order's data (buyer, consignee, totals, payment); otherwise two orders share a number.",
  checksZh: "检查同一订单号的各行订单信息（订购人、收货人、金额、支付）一致；否则视为两个订单共用一个订单号。",
  source: "China CEB orderNo unique within the platform (formats.md A.4)",
  check(order, ctx) {
    if (!order.conflicts) return;
    return order.conflicts.map((c) => {
      const label = fieldLabel(c.field);
      return finding(this, ctx, { orderNo: order.orderNo, line: c.line }, c.field, {
        en: `Order ${order.orderNo} appears with ${label.en} "${c.first}" (row ${order.firstLine}) and "${c.other}" (row ${c.line}).`,
        zh: `订单 ${order.orderNo} 的${label.zh}在第 ${order.firstLine} 行为“${c.first}”，在第 ${c.line} 行为“${c.other}”。`,
        hint: "Give each order its own number, or correct the rows that disagree.",
        hintZh: "请为每个订单使用唯一订单号，或修正不一致的行。",
      }, { field: c.field, first: c.first, firstLine: order.firstLine, other: c.other, otherLine: c.line });
    });
  },
};

/** DUPLICATE.LINE: the same item row appears twice in one order. */
export const duplicateLine: OrderRule = {
  code: "DUPLICATE.LINE",
  severity: "warn",
  scope: "order",
  title: "Item line repeated",
  titleZh: "商品行重复",
  checks: "An order does not list the same item (SKU, title, quantity, value, waybill) twice.",
  checksZh: "检查同一订单中没有完全相同的商品行（SKU、品名、数量、金额、运单）重复出现。",
  source: "Clearway data-quality check",
  check(order, ctx) {
    if (!order.repeatedLines) return;
    return order.repeatedLines.map((r) =>
      finding(this, ctx, { orderNo: order.orderNo, line: r.line }, "sku", {
        en: `Row ${r.line} repeats row ${r.firstLine} of order ${order.orderNo}.`,
        zh: `第 ${r.line} 行与订单 ${order.orderNo} 的第 ${r.firstLine} 行完全相同。`,
        hint: "Delete the repeated row, or merge the quantities into one line.",
        hintZh: "请删除重复行，或将数量合并为一行。",
      }, { line: r.line, firstLine: r.firstLine }),
    );
  },
};

/** WEIGHT.PARCEL_NET_EXCEEDS_GROSS: the items' net weight exceeds the parcel's gross weight. */
export const parcelWeight: OrderRule = {
  code: "WEIGHT.PARCEL_NET_EXCEEDS_GROSS",
  severity: "block",
  scope: "order",
  title: "Items heavier than the parcel",
  titleZh: "商品净重超过包裹毛重",
  checks: "For a single-parcel order, the parcel's net weight (or the items' net weights added up) is not more than the parcel's gross weight.",
  checksZh: "单包裹订单中，包裹净重（或各商品净重之和）不大于包裹毛重。",
  source: "China CEB603/621 grossWeight ≥ netWeight (formats.md A.4)",
  check(order, ctx) {
    if (order.waybills.length !== 1) return;
    const gross = headerNumber(order, "waybill_gross_weight_kg");
    const net = headerNumber(order, "waybill_net_weight_kg") ?? (order.netWeightKg > 0 ? order.netWeightKg : null);
    if (gross === null || net === null || net <= gross + 1e-9) return;
    return [
      finding(this, ctx, at(order), "waybill_gross_weight_kg", {
        en: `Parcel ${order.waybills[0]}: net weight ${show(net)} kg is more than its gross weight ${show(gross)} kg.`,
        zh: `包裹 ${order.waybills[0]}：净重 ${show(net)} 千克大于毛重 ${show(gross)} 千克。`,
        hint: "Weigh the parcel again, or correct the items' net weights.",
        hintZh: "请重新称重，或修正商品净重。",
      }, { waybillNo: order.waybills[0], netWeightKg: round(net), grossWeightKg: gross }),
    ];
  },
};

/** DUPLICATE.WAYBILL: one waybill number is used by more than one order. */
export const duplicateWaybill: ManifestRule = {
  code: "DUPLICATE.WAYBILL",
  severity: "block",
  scope: "manifest",
  title: "Waybill used by several orders",
  titleZh: "运单号重复使用",
  checks: "Each waybill (parcel) number belongs to one order only.",
  checksZh: "检查每个运单号只对应一个订单。",
  source: "China CEB billNo + logisticsNo unique; logisticsNo not reused (formats.md A.4, A.7)",
  check(manifest, ctx: RuleContext) {
    const found: Finding[] = [];
    for (const [waybill, others] of manifest.waybillReuse) {
      const use = manifest.firstOrderOf(waybill) as OrderState;
      for (const other of others) {
        found.push(
          finding(this, ctx, other, "waybill_no", {
            en: `Waybill ${waybill} is already used by order ${use.orderNo} (row ${use.firstLine}).`,
            zh: `运单号 ${waybill} 已被订单 ${use.orderNo}（第 ${use.firstLine} 行）使用。`,
            hint: "Each parcel needs its own waybill number; ask the carrier for a new label.",
            hintZh: "每个包裹须使用独立运单号；请向承运商申请新面单。",
          }, { waybillNo: waybill, firstOrder: use.orderNo, firstLine: use.firstLine }),
        );
      }
    }
    return found.length ? found : undefined;
  },
};

/** The order rules common to every lane, in catalogue order. */
export const ORDER_RULES: OrderRule[] = [totalMismatch, currencyMixed, duplicateOrder, duplicateLine, parcelWeight];
/** The manifest rules common to every lane. */
export const MANIFEST_RULES: ManifestRule[] = [duplicateWaybill];
