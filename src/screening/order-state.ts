import { type LineValues, MANIFEST_FIELDS } from "./manifest.ts";
import { emptyValues } from "./read-manifest.ts";
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
const SEPARATOR = "\u0001";

/** A copy of a string that does not keep alive the (large) text it was sliced from: long-lived keys must not pin a whole file chunk. */
export function detach(text: string): string {
  return text.length < 13 ? text : (` ${text}`).slice(1);
}

/** The order-level values of a line as one string: the values of the header fields the source can fill, in order. */
function packHeader(values: LineValues, keys: readonly string[]): string {
  let text = "";
  for (let i = 0; i < keys.length; i++) {
    if (i) text += SEPARATOR;
    text += values[keys[i] as string];
  }
  return text;
}

/** The order-level values packed by packHeader, as a record in which every other canonical key reads as ''. */
function unpackHeader(text: string, keys: readonly string[]): LineValues {
  const header = emptyValues();
  let start = 0;
  for (let i = 0; i < keys.length; i++) {
    let end = text.indexOf(SEPARATOR, start);
    if (end < 0) end = text.length;
    if (end > start) header[keys[i] as string] = text.slice(start, end);
    start = end + 1;
  }
  return header;
}

/** Whether a line's order-level values are those packed in text (packHeader's text compared in place, without building it). */
function sameHeader(text: string, values: LineValues, keys: readonly string[]): boolean {
  let at = 0;
  for (let i = 0; i < keys.length; i++) {
    if (i) {
      if (text.charCodeAt(at) !== 1) return false;
      at++;
    }
    const value = values[keys[i] as string] as string;
    if (value && !text.startsWith(value, at)) return false;
    at += value.length;
  }
  return at === text.length;
}

let h1 = 0;
let h2 = 0;

function mix(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  h1 = Math.imul(h1 ^ 1, 0x01000193);
}

/** A 53-bit FNV-style hash of the item's identifying values: orders keep a number per item, not its text (collisions are only compared within one order). */
function itemKey(line: ScreenLine): number {
  const v = line.values;
  h1 = 0x811c9dc5;
  h2 = 0x01000193;
  mix(v.sku as string);
  mix(v.title as string);
  mix(v.qty as string);
  mix(v.unit_value as string);
  mix(v.line_total as string);
  mix(v.waybill_no as string);
  mix(v.hs_code as string);
  return (h2 >>> 0) * 2 ** 21 + ((h1 >>> 0) & 0x1fffff);
}

/** The line's value: its total, else quantity × unit value; null when neither can be computed. */
export function lineValue(line: ScreenLine): number | null {
  if (line.lineTotal !== null && !Number.isNaN(line.lineTotal)) return line.lineTotal;
  if (line.qty !== null && line.unitValue !== null && !Number.isNaN(line.qty) && !Number.isNaN(line.unitValue)) return line.qty * line.unitValue;
  return null;
}

/** A typed array with room for at least n elements (capacity doubles). */
function ensure<T extends Int32Array | Float64Array | Uint8Array>(array: T, n: number): T {
  if (n <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(n, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Strings numbered in order of first appearance (currencies, HS6 subheadings: a handful of distinct values shared by many orders). */
class Interned {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  /** [name] per id, shared by the views of every order with just that one. */
  readonly alone: string[][] = [];
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.names.length;
      const kept = detach(text);
      this.names.push(kept);
      this.alone.push([kept]);
      this.ids.set(kept, id);
    }
    return id;
  }
}

/** Each order's distinct ids beyond its first (currencies, subheadings), as linked nodes in typed arrays: an array per order cost more than the ids. */
class IdLists {
  private heads = new Int32Array(1024);
  private ids = new Int32Array(1024);
  private next = new Int32Array(1024);
  private size = 1;

  /** Add id to the order's list unless it is there; first is the order's first id, kept by the caller. */
  note(order: number, first: number, id: number): void {
    if (id === first) return;
    if (order >= this.heads.length) this.heads = ensure(this.heads, order + 1);
    let node = this.heads[order] as number;
    let last = 0;
    for (; node; node = this.next[node] as number) {
      if (this.ids[node] === id) return;
      last = node;
    }
    if (this.size >= this.ids.length) {
      this.ids = ensure(this.ids, this.size + 1);
      this.next = ensure(this.next, this.size + 1);
    }
    const added = this.size++;
    this.ids[added] = id;
    this.next[added] = 0;
    if (last) this.next[last] = added;
    else this.heads[order] = added;
  }

  /** The order's names: its first id's, then the others' in order of appearance. */
  names(order: number, first: number, names: Interned): string[] {
    if (!first) return [];
    let node = order < this.heads.length ? (this.heads[order] as number) : 0;
    if (!node) return names.alone[first - 1] as string[];
    const list = [names.names[first - 1] as string];
    for (; node; node = this.next[node] as number) list.push(names.names[(this.ids[node] as number) - 1] as string);
    return list;
  }
}

/** Item keys per order in one open-addressing table of typed arrays: (order, key) → the row it was first seen on. */
class ItemIndex {
  private orders = new Int32Array(1 << 12);
  private keys = new Float64Array(1 << 12);
  private lines = new Int32Array(1 << 12);
  private size = 0;

  /** The row the order first listed this item on, or -1 after recording it at this row. */
  seen(order: number, key: number, line: number): number {
    if ((this.size + 1) * 4 > this.orders.length * 3) this.rehash();
    const mask = this.orders.length - 1;
    for (let slot = slotOf(order, key) & mask; ; slot = (slot + 1) & mask) {
      const o = this.orders[slot] as number;
      if (o === 0) {
        this.orders[slot] = order + 1;
        this.keys[slot] = key;
        this.lines[slot] = line;
        this.size++;
        return -1;
      }
      if (o === order + 1 && this.keys[slot] === key) return this.lines[slot] as number;
    }
  }

  private rehash(): void {
    const { orders, keys, lines } = this;
    this.orders = new Int32Array(orders.length * 2);
    this.keys = new Float64Array(orders.length * 2);
    this.lines = new Int32Array(orders.length * 2);
    this.size = 0;
    for (let slot = 0; slot < orders.length; slot++) if (orders[slot]) this.seen((orders[slot] as number) - 1, keys[slot] as number, lines[slot] as number);
  }
}

function slotOf(order: number, key: number): number {
  return Math.imul(order ^ (key % 0x40000000), 0x9e3779b1) ^ Math.imul((key / 0x40000000) | 0, 0x85ebca6b);
}

type Conflict = { field: string; first: string; other: string; line: number };
type Repeat = { line: number; firstLine: number };

/**
 * Every order of a manifest, gathered while the lines stream past, in flat arrays indexed by order (typed arrays for
 * the numbers, interned currencies and subheadings, the order-level values packed into one string): a million-line
 * manifest has hundreds of thousands of orders, and an object per order with its own arrays and maps cost over a
 * kilobyte each. Order and manifest rules read each order through a view built when they get to it.
 */
export class OrderBook implements ManifestState {
  private readonly index = new Map<string, number>();
  private readonly orderNos: string[] = [];
  private readonly headers: string[] = [];
  private readonly firstWaybills: (string | undefined)[] = [];
  private firstLines = new Int32Array(1024);
  private lineCounts = new Int32Array(1024);
  private itemsValues = new Float64Array(1024);
  private netWeights = new Float64Array(1024);
  private valueUnknown = new Uint8Array(1024);
  private firstItemKeys = new Float64Array(1024);
  /** Interned id + 1 of the order's first currency and subheading (0: none yet). */
  private currencyIds = new Int32Array(1024);
  private hs6Ids = new Int32Array(1024);
  private readonly currencyNames = new Interned();
  private readonly hs6Names = new Interned();
  private readonly moreCurrencies = new IdLists();
  private readonly moreHs6 = new IdLists();
  /** Full lists for the few orders with more than one waybill. */
  private readonly moreWaybills = new Map<number, string[]>();
  private readonly conflicts = new Map<number, Conflict[]>();
  private readonly repeats = new Map<number, Repeat[]>();
  private readonly items = new ItemIndex();
  /** waybill → the first order that used it. */
  private readonly waybillOrders = new Map<string, number>();
  /** waybill → the other orders that use it too (only waybills used by more than one order). */
  readonly waybillReuse = new Map<string, { orderNo: string; line: number }[]>();
  /** The ORDER_HEADER_FIELDS the source can fill (the others are always empty), and where the conflict fields are among them. */
  private readonly headerKeys: readonly string[];
  private readonly conflictIndex: number[];
  private lastOrder = 0;
  private lastCurrency = "";
  private lastCurrencyId = 0;

  constructor(fields: readonly string[] = ORDER_HEADER_FIELDS) {
    this.headerKeys = ORDER_HEADER_FIELDS.filter((f) => fields.includes(f));
    this.conflictIndex = CONFLICT_FIELDS.map((f) => this.headerKeys.indexOf(f));
  }

  get orderCount(): number {
    return this.orderNos.length;
  }

  get waybillCount(): number {
    return this.waybillOrders.size;
  }

  /** Fold one line into its order and the manifest's waybill index; true when the line starts an order. */
  add(line: ScreenLine): boolean {
    const { orderNo, values } = line;
    // An order's lines usually follow one another: the previous line's order is checked before the index.
    let i = orderNo === this.orderNos[this.lastOrder] ? this.lastOrder : this.index.get(orderNo);
    const started = i === undefined;
    if (i === undefined) i = this.open(line, packHeader(values, this.headerKeys));
    else {
      if (!sameHeader(this.headers[i] as string, values, this.headerKeys)) this.noteConflicts(i, packHeader(values, this.headerKeys), line.line);
      this.noteRepeat(i, line);
    }
    this.lastOrder = i;
    this.lineCounts[i] = (this.lineCounts[i] as number) + 1;
    const currency = values.currency as string;
    if (currency) this.currencyIds[i] = this.noteName(i, this.currencyIds[i] as number, this.currencyId(currency), this.moreCurrencies);
    const value = lineValue(line);
    if (value === null) this.valueUnknown[i] = 1;
    else this.itemsValues[i] = (this.itemsValues[i] as number) + value;
    if (line.hsCode.length >= 6) this.hs6Ids[i] = this.noteName(i, this.hs6Ids[i] as number, this.hs6Names.id(line.hsCode.slice(0, 6)) + 1, this.moreHs6);
    if (line.netWeightKg !== null && !Number.isNaN(line.netWeightKg)) this.netWeights[i] = (this.netWeights[i] as number) + line.netWeightKg;
    const waybill = values.waybill_no as string;
    if (waybill) this.noteWaybill(i, waybill, line.line);
    return started;
  }

  /** The interned id + 1 of a currency as written (upper-cased); lines mostly repeat the previous line's. */
  private currencyId(written: string): number {
    if (written !== this.lastCurrency) {
      this.lastCurrency = detach(written);
      this.lastCurrencyId = this.currencyNames.id(written.toUpperCase()) + 1;
    }
    return this.lastCurrencyId;
  }

  private open(line: ScreenLine, packed: string): number {
    const i = this.orderNos.length;
    if (i >= this.firstLines.length) this.grow(i + 1);
    const orderNo = detach(line.orderNo);
    this.index.set(orderNo, i);
    this.orderNos.push(orderNo);
    this.headers.push(detach(packed));
    this.firstWaybills.push(undefined);
    this.firstLines[i] = line.line;
    this.firstItemKeys[i] = itemKey(line);
    return i;
  }

  private grow(n: number): void {
    this.firstLines = ensure(this.firstLines, n);
    this.lineCounts = ensure(this.lineCounts, n);
    this.itemsValues = ensure(this.itemsValues, n);
    this.netWeights = ensure(this.netWeights, n);
    this.valueUnknown = ensure(this.valueUnknown, n);
    this.firstItemKeys = ensure(this.firstItemKeys, n);
    this.currencyIds = ensure(this.currencyIds, n);
    this.hs6Ids = ensure(this.hs6Ids, n);
  }

  /** Record a distinct name (currency, subheading; its interned id + 1) of an order; returns the order's first name's id + 1. */
  private noteName(i: number, firstId: number, id: number, more: IdLists): number {
    if (!firstId) return id;
    more.note(i, firstId, id);
    return firstId;
  }

  private noteConflicts(i: number, packed: string, line: number): void {
    const first = (this.headers[i] as string).split(SEPARATOR);
    const other = packed.split(SEPARATOR);
    for (let c = 0; c < CONFLICT_FIELDS.length; c++) {
      const index = this.conflictIndex[c] as number;
      if (index < 0) continue;
      const a = first[index] ?? "";
      const b = other[index] ?? "";
      if (a === b || !a || !b) continue;
      const field = CONFLICT_FIELDS[c] as string;
      let list = this.conflicts.get(i);
      if (!list) this.conflicts.set(i, (list = []));
      if (!list.some((x) => x.field === field)) list.push({ field, first: a, other: detach(b), line });
    }
  }

  private noteRepeat(i: number, line: ScreenLine): void {
    // The order's first item goes into the index only once the order has a second one: most orders are short.
    if (this.lineCounts[i] === 1) this.items.seen(i, this.firstItemKeys[i] as number, this.firstLines[i] as number);
    const seen = this.items.seen(i, itemKey(line), line.line);
    if (seen < 0) return;
    let list = this.repeats.get(i);
    if (!list) this.repeats.set(i, (list = []));
    list.push({ line: line.line, firstLine: seen });
  }

  private noteWaybill(i: number, waybill: string, line: number): void {
    const first = this.firstWaybills[i];
    if (waybill === first) return;
    if (first === undefined) {
      const kept = detach(waybill);
      this.firstWaybills[i] = kept;
      this.indexWaybill(kept, i, line);
      return;
    }
    const more = this.moreWaybills.get(i);
    if (more?.includes(waybill)) return;
    const kept = detach(waybill);
    if (more) more.push(kept);
    else this.moreWaybills.set(i, [first, kept]);
    this.indexWaybill(kept, i, line);
  }

  /** Note that order i uses a waybill: the first order to use it, or another one. */
  private indexWaybill(waybill: string, i: number, line: number): void {
    const user = this.waybillOrders.get(waybill);
    if (user === undefined) this.waybillOrders.set(waybill, i);
    else if (user !== i) {
      const orderNo = this.orderNos[i] as string;
      const others = this.waybillReuse.get(waybill) ?? [];
      if (!others.some((o) => o.orderNo === orderNo)) others.push({ orderNo, line });
      this.waybillReuse.set(waybill, others);
    }
  }

  /** Every order, in order of first appearance, each as a fresh view. */
  *orders(): Generator<OrderState> {
    for (let i = 0; i < this.orderNos.length; i++) yield this.view(i);
  }

  /** The order that used a waybill first. */
  firstOrderOf(waybill: string): OrderState | undefined {
    const i = this.waybillOrders.get(waybill);
    return i === undefined ? undefined : this.view(i);
  }

  private view(i: number): OrderState {
    const first = this.firstWaybills[i];
    return new OrderView(
      this.orderNos[i] as string,
      this.firstLines[i] as number,
      this.lineCounts[i] as number,
      this.moreCurrencies.names(i, this.currencyIds[i] as number, this.currencyNames),
      this.itemsValues[i] as number,
      !this.valueUnknown[i],
      this.moreHs6.names(i, this.hs6Ids[i] as number, this.hs6Names),
      this.moreWaybills.get(i) ?? (first === undefined ? [] : [first]),
      this.headers[i] as string,
      this.headerKeys,
      this.conflicts.get(i) ?? null,
      this.repeats.get(i) ?? null,
      this.netWeights[i] as number,
    );
  }
}

/** One order as the order and manifest rules read it; its order-level values are unpacked when first read. */
class OrderView implements OrderState {
  private unpacked: LineValues | null = null;
  constructor(
    readonly orderNo: string,
    readonly firstLine: number,
    readonly lines: number,
    readonly currencies: string[],
    readonly itemsValue: number,
    readonly itemsValueKnown: boolean,
    readonly hs6: string[],
    readonly waybills: string[],
    private readonly headerText: string,
    private readonly headerKeys: readonly string[],
    readonly conflicts: OrderState["conflicts"],
    readonly repeatedLines: OrderState["repeatedLines"],
    readonly netWeightKg: number,
  ) {}

  get header(): LineValues {
    if (!this.unpacked) this.unpacked = unpackHeader(this.headerText, this.headerKeys);
    return this.unpacked;
  }
}
