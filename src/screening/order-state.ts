import { MANIFEST_FIELDS } from "./manifest.ts";
import type { LineValues } from "./manifest.ts";
import type { ManifestState, OrderState, ScreenLine } from "./rules/types.ts";

/** The fields that belong to the order (or its payment and parcel) rather than to one item. */
export const ORDER_HEADER_FIELDS: readonly string[] = [
  ...MANIFEST_FIELDS.filter((f) => f.level === "order" || f.level === "payment").map((f) => f.key),
  "consignee_name",
  "consignee_address",
  "waybill_gross_weight_kg",
  "waybill_net_weight_kg",
];
/** Order fields that must agree on every row of one order; a difference means two orders share a number. */
const CONFLICT_FIELDS = ["order_total", "goods_value", "buyer_id_no", "buyer_name", "consignee_name", "consignee_address", "payment_no", "payment_amount"];
const CONFLICT_INDEX = CONFLICT_FIELDS.map((f) => ORDER_HEADER_FIELDS.indexOf(f));
const SEPARATOR = "\u0001";

/** A copy of a string that does not keep alive the (large) text it was sliced from: long-lived keys must not pin a whole file chunk. */
export function detach(text: string): string {
  return text.length < 13 ? text : (` ${text}`).slice(1);
}

/** A fresh, empty manifest state for a source that can fill these fields. */
export function newManifestState(fields: readonly string[] = ORDER_HEADER_FIELDS): ManifestState {
  return { orders: new Map(), waybillOrders: new Map(), waybillReuse: new Map(), headerFields: ORDER_HEADER_FIELDS.map((f) => fields.includes(f)) };
}

/** The order-level values of a line as one string; fields the source cannot fill are left empty without being read. */
function packHeader(values: LineValues, present: boolean[]): string {
  let text = "";
  for (let i = 0; i < ORDER_HEADER_FIELDS.length; i++) {
    if (i) text += SEPARATOR;
    if (present[i]) text += values[ORDER_HEADER_FIELDS[i] as string];
  }
  return text;
}

/** The order-level values packed by packHeader, as a record. */
export function unpackHeader(text: string): LineValues {
  const parts = text.split(SEPARATOR);
  const header: LineValues = {};
  for (let i = 0; i < ORDER_HEADER_FIELDS.length; i++) header[ORDER_HEADER_FIELDS[i] as string] = parts[i] ?? "";
  return header;
}

/** A 53-bit FNV-style hash of the item's identifying values: orders keep a number per item, not its text (collisions are only compared within one order). */
function itemKey(line: ScreenLine): number {
  const v = line.values;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const text of [v.sku, v.title, v.qty, v.unit_value, v.line_total, v.waybill_no, v.hs_code] as string[]) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    h1 = Math.imul(h1 ^ 1, 0x01000193);
  }
  return (h2 >>> 0) * 2 ** 21 + ((h1 >>> 0) & 0x1fffff);
}

/** The line's value: its total, else quantity × unit value; null when neither can be computed. */
export function lineValue(line: ScreenLine): number | null {
  if (line.lineTotal !== null && !Number.isNaN(line.lineTotal)) return line.lineTotal;
  if (line.qty !== null && line.unitValue !== null && !Number.isNaN(line.qty) && !Number.isNaN(line.unitValue)) return line.qty * line.unitValue;
  return null;
}

/** Fold one line into its order and the manifest's waybill index. */
export function addLine(state: ManifestState, line: ScreenLine): OrderState {
  const orderNo = line.orderNo;
  let order = state.orders.get(orderNo);
  const packed = detach(packHeader(line.values, state.headerFields));
  if (!order) {
    order = {
      orderNo: detach(orderNo),
      firstLine: line.line,
      lines: 0,
      currencies: [],
      itemsValue: 0,
      itemsValueKnown: true,
      hs6: [],
      waybills: [],
      headerText: packed,
      header: {},
      conflicts: null,
      repeatedLines: null,
      itemKeys: itemKey(line),
      netWeightKg: 0,
    };
    state.orders.set(order.orderNo, order);
  } else {
    if (packed !== order.headerText) noteConflicts(order, packed, line.line);
    noteRepeat(order, line);
  }
  order.lines++;
  const currency = (line.values.currency as string).toUpperCase();
  if (currency && !order.currencies.includes(currency)) order.currencies.push(detach(currency));
  const value = lineValue(line);
  if (value === null) order.itemsValueKnown = false;
  else order.itemsValue += value;
  if (line.hsCode.length >= 6) {
    const hs6 = line.hsCode.slice(0, 6);
    if (!order.hs6.includes(hs6)) order.hs6.push(hs6);
  }
  if (line.netWeightKg !== null && !Number.isNaN(line.netWeightKg)) order.netWeightKg += line.netWeightKg;
  const waybill = line.values.waybill_no as string;
  if (waybill && !order.waybills.includes(waybill)) {
    const kept = detach(waybill);
    order.waybills.push(kept);
    noteWaybill(state, kept, order, line.line);
  }
  return order;
}

function noteConflicts(order: OrderState, packed: string, line: number): void {
  const first = order.headerText.split(SEPARATOR);
  const other = packed.split(SEPARATOR);
  for (let i = 0; i < CONFLICT_FIELDS.length; i++) {
    const index = CONFLICT_INDEX[i] as number;
    const a = first[index] ?? "";
    const b = other[index] ?? "";
    if (a === b || !a || !b) continue;
    const field = CONFLICT_FIELDS[i] as string;
    order.conflicts ??= [];
    if (!order.conflicts.some((c) => c.field === field)) order.conflicts.push({ field, first: a, other: detach(b), line });
  }
}

function noteRepeat(order: OrderState, line: ScreenLine): void {
  const key = itemKey(line);
  if (typeof order.itemKeys === "number") order.itemKeys = new Map([[order.itemKeys, order.firstLine]]);
  const seen = order.itemKeys.get(key);
  if (seen === undefined) order.itemKeys.set(key, line.line);
  else (order.repeatedLines ??= []).push({ line: line.line, firstLine: seen });
}

function noteWaybill(state: ManifestState, waybill: string, order: OrderState, line: number): void {
  const first = state.waybillOrders.get(waybill);
  if (!first) state.waybillOrders.set(waybill, order);
  else if (first !== order) {
    const others = state.waybillReuse.get(waybill) ?? [];
    if (!others.some((o) => o.orderNo === order.orderNo)) others.push({ orderNo: order.orderNo, line });
    state.waybillReuse.set(waybill, others);
  }
}

/** Unpack every order's header for the order rules, once streaming has ended. */
export function finishOrders(state: ManifestState): void {
  for (const order of state.orders.values()) {
    order.header = unpackHeader(order.headerText);
    order.itemKeys = 0;
  }
}
