import { SaxesParser, type SaxesTagNS } from "saxes";
import { AppError } from "../core/errors.ts";
import { cnCountryToIso, cnCurrencyToIso } from "./customs-codes.ts";
import { FIELD_KEYS, type LineValues, type SourceLine } from "./manifest.ts";

/** The CEB inventory messages this reader understands. */
export type CebKind = "ceb603" | "ceb621";
/** A CEB message being read: its kind, its lane and its item lines, produced lazily while the file streams. */
export type CebManifest = { kind: CebKind; lane: "cn-export" | "cn-import"; lines: AsyncIterable<SourceLine> };
/** Caps that keep a hostile or broken file from exhausting memory. */
export type CebReadLimits = { maxBytes?: number; maxTextChars?: number; maxDepth?: number };

/** The namespace of every CEB message. */
const CEB_NAMESPACE = "http://www.chinaport.gov.cn/ceb";

const ROOTS: Readonly<Record<string, CebKind>> = { CEB603Message: "ceb603", CEB621Message: "ceb621" };
const LANES: Readonly<Record<CebKind, CebManifest["lane"]>> = { ceb603: "cn-export", ceb621: "cn-import" };
const DEFAULT_LIMITS = { maxBytes: 1024 ** 3, maxTextChars: 1024 ** 2, maxDepth: 64 };
// Big enough for any XML prolog, small enough that detecting the encoding never buffers much.
const PROLOG_BYTES = 1024;
// Decoded text goes to the parser in slices so the text-size cap is checked often, not once per huge chunk.
const WRITE_SLICE = 64 * 1024;

const HEAD_FIELDS: Readonly<Record<string, string>> = {
  orderNo: "order_no",
  logisticsNo: "waybill_no",
  billNo: "bill_no",
  ebcName: "consignor_name",
  trafMode: "transport_mode",
  voyageNo: "voyage_no",
  customsCode: "customs_code",
  grossWeight: "waybill_gross_weight_kg",
  netWeight: "waybill_net_weight_kg",
  freight: "freight",
  insuredFee: "insured_fee",
};
const EXPORT_HEAD_FIELDS: Readonly<Record<string, string>> = { ownerName: "manufacturer_name" };
const IMPORT_HEAD_FIELDS: Readonly<Record<string, string>> = {
  buyerName: "buyer_name",
  buyerIdNumber: "buyer_id_no",
  buyerTelephone: "buyer_phone",
  consignee: "consignee_name",
  consigneeAddress: "consignee_address",
  consigneeTelephone: "consignee_phone",
};
const LIST_FIELDS: Readonly<Record<string, string>> = {
  itemNo: "sku",
  gcode: "hs_code",
  qty: "qty",
  unit: "unit",
  price: "unit_value",
  totalPrice: "line_total",
  barCode: "barcode",
};
// biome-ignore format: a plain list of CEB element names
const HEAD_EXTRAS = [
  "guid", "appType", "appStatus", "copNo", "preNo", "invtNo", "ieFlag", "ieDate", "declTime", "portCode", "tradeMode", "statisticsFlag",
  "ebpCode", "ebpName", "ebcCode", "agentCode", "agentName", "logisticsCode", "logisticsName", "ownerCode", "iacCode", "iacName", "emsNo",
  "assureCode", "areaCode", "areaName", "trafName", "trafNo", "totalPackageNo", "loctNo", "licenseNo", "POD", "wrapType", "packNo",
  "buyerIdType", "buyerRegNo", "fCurrency", "iCurrency",
];
const LIST_EXTRAS = ["gnum", "itemRecordNo", "itemName", "gmodel", "qty1", "unit1", "qty2", "unit2", "tradeCountry"];

type Fields = Record<string, string>;
type Limits = typeof DEFAULT_LIMITS;

/** Everything the reader knows while a file streams through it. */
type ReadState = {
  fileName: string;
  limits: Limits;
  source: AsyncIterator<Buffer | Uint8Array>;
  parser: SaxesParser<{ xmlns: true; position: true }>;
  decoder?: TextDecoder;
  prolog: Buffer[];
  bytes: number;
  ended: boolean;
  kind?: CebKind;
  rootUri: string;
  path: string[];
  head?: Fields;
  item?: Fields;
  field?: { name: string; text: string };
  itemCount: number;
  queue: SourceLine[];
};

/** Read a CEB603/CEB621 message from a byte stream; unreadable input throws AppError("IMPORT_UNREADABLE", one clear sentence). */
export async function readCebXml(input: AsyncIterable<Buffer | Uint8Array>, fileName: string, limits?: CebReadLimits): Promise<CebManifest> {
  const state = createState(input, fileName, { ...DEFAULT_LIMITS, ...definedOnly(limits) });
  try {
    while (state.kind === undefined && !state.ended) await pump(state);
    if (state.kind === undefined) throw unreadable(state, "it has no root element");
  } catch (error) {
    await releaseSource(state);
    throw error;
  }
  return { kind: state.kind, lane: LANES[state.kind], lines: streamLines(state) };
}

/** True when the first bytes look like a CEB message (an XML prolog or a root element whose name matches CEB\d{3}Message). */
export function looksLikeCebXml(head: Buffer): boolean {
  const text = stripBom(head).toString("latin1").trimStart();
  if (text.startsWith("<?xml")) return true;
  return /^<(?:[A-Za-z_][\w.-]*:)?CEB\d{3}Message[\s/>]/.test(text);
}

function createState(input: AsyncIterable<Buffer | Uint8Array>, fileName: string, limits: Limits): ReadState {
  const state: ReadState = {
    fileName,
    limits,
    source: input[Symbol.asyncIterator](),
    parser: new SaxesParser({ xmlns: true, position: true }),
    prolog: [],
    bytes: 0,
    ended: false,
    rootUri: "",
    path: [],
    itemCount: 0,
    queue: [],
  };
  attachHandlers(state);
  return state;
}

function definedOnly(limits: CebReadLimits | undefined): Partial<Limits> {
  const out: Partial<Limits> = {};
  for (const key of ["maxBytes", "maxTextChars", "maxDepth"] as const) {
    const value = limits?.[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

async function* streamLines(state: ReadState): AsyncGenerator<SourceLine> {
  try {
    for (;;) {
      const line = state.queue.shift();
      if (line !== undefined) yield line;
      else if (state.ended) return;
      else await pump(state);
    }
  } finally {
    await releaseSource(state);
  }
}

async function releaseSource(state: ReadState): Promise<void> {
  if (state.ended) return;
  state.ended = true;
  await state.source.return?.();
}

/** Read one chunk from the source and feed it through the decoder into the parser. */
async function pump(state: ReadState): Promise<void> {
  const next = await state.source.next();
  if (next.done) return finish(state);
  const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
  state.bytes += chunk.length;
  if (state.bytes > state.limits.maxBytes) {
    throw new AppError("IMPORT_TOO_LARGE", `${state.fileName} is larger than the ${state.limits.maxBytes}-byte limit for a CEB XML file.`);
  }
  if (state.decoder) return feed(state, decodeChunk(state, chunk, true));
  state.prolog.push(chunk);
  if (prologComplete(Buffer.concat(state.prolog))) startDecoding(state);
}

function finish(state: ReadState): void {
  state.ended = true;
  if (!state.decoder) startDecoding(state);
  feed(state, decodeChunk(state, Buffer.alloc(0), false));
  state.parser.close();
}

function startDecoding(state: ReadState): void {
  const head = Buffer.concat(state.prolog);
  state.prolog = [];
  state.decoder = pickDecoder(state, head);
  feed(state, decodeChunk(state, head, true));
}

/** Whether enough bytes have arrived to read the encoding from the XML declaration. */
function prologComplete(head: Buffer): boolean {
  if (head.length >= PROLOG_BYTES) return true;
  const text = stripBom(head).toString("latin1");
  if (text.length < 5) return false;
  return !text.startsWith("<?xml") || text.includes("?>");
}

function pickDecoder(state: ReadState, head: Buffer): TextDecoder {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return new TextDecoder("utf-8", { fatal: true });
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw unreadable(state, "it is UTF-16 encoded; CEB XML is read as UTF-8 or GB18030/GBK/GB2312");
  }
  const declared = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head.toString("latin1"))?.[1]?.toLowerCase();
  if (declared === undefined || declared === "utf-8" || declared === "utf8") return new TextDecoder("utf-8", { fatal: true });
  if (["gbk", "gb2312", "gb18030", "gb_2312-80", "x-gbk", "cp936", "euc-cn"].includes(declared)) return new TextDecoder("gb18030", { fatal: true });
  throw unreadable(state, `its XML declaration names the encoding "${declared}"; CEB XML is read as UTF-8 or GB18030/GBK/GB2312`);
}

function decodeChunk(state: ReadState, chunk: Buffer, stream: boolean): string {
  try {
    return (state.decoder as TextDecoder).decode(chunk, { stream });
  } catch {
    const encoding = state.decoder?.encoding === "gb18030" ? "GB18030" : "UTF-8";
    throw unreadable(state, `it is not valid ${encoding} text (the bad bytes are within the first ${state.bytes} bytes)`);
  }
}

function feed(state: ReadState, text: string): void {
  for (let at = 0; at < text.length; at += WRITE_SLICE) {
    state.parser.write(text.slice(at, at + WRITE_SLICE));
    checkBufferedText(state);
  }
}

/** Refuse a text node, attribute, comment or name that grows past the cap before saxes hands it over. */
function checkBufferedText(state: ReadState): void {
  // saxes accumulates such runs in its (TypeScript-private) `text` and `name` fields; reading them is the only way to cap a run that has not ended yet.
  const inner = state.parser as unknown as { text?: string; name?: string };
  const size = Math.max(inner.text?.length ?? 0, inner.name?.length ?? 0);
  if (size > state.limits.maxTextChars) throw tooLongText(state);
}

function attachHandlers(state: ReadState): void {
  const { parser } = state;
  parser.on("error", (error) => {
    throw malformed(state, error.message);
  });
  parser.on("doctype", () => {
    throw unreadable(state, `it contains a DOCTYPE declaration (line ${parser.line}); DOCTYPEs are refused because they can define external or expanding entities`);
  });
  parser.on("opentag", (tag) => openTag(state, tag));
  parser.on("closetag", () => closeTag(state));
  parser.on("text", (text) => addText(state, text));
  parser.on("cdata", (text) => addText(state, text));
}

function openTag(state: ReadState, tag: SaxesTagNS): void {
  if (state.path.length >= state.limits.maxDepth) {
    throw unreadable(state, `its elements nest deeper than ${state.limits.maxDepth} levels (at line ${state.parser.line})`);
  }
  if (state.path.length === 0) acceptRoot(state, tag);
  state.path.push(tag.uri === state.rootUri ? tag.local : `{${tag.uri}}${tag.local}`);
  const [, inventory, part, field] = state.path;
  if (state.path.length === 3 && inventory === "Inventory") beginPart(state, part);
  if (state.path.length === 4 && inventory === "Inventory" && (part === "InventoryHead" || part === "InventoryList")) {
    state.field = { name: field as string, text: "" };
  }
}

function acceptRoot(state: ReadState, tag: SaxesTagNS): void {
  const kind = ROOTS[tag.local];
  if (kind === undefined || (tag.uri !== CEB_NAMESPACE && tag.uri !== "")) {
    const found = tag.uri ? `${tag.name} (namespace ${tag.uri})` : tag.name;
    throw unreadable(state, `its root element is ${found}; the accepted roots are CEB603Message and CEB621Message in namespace ${CEB_NAMESPACE}`);
  }
  state.kind = kind;
  state.rootUri = tag.uri;
}

function beginPart(state: ReadState, part: string | undefined): void {
  if (part === "InventoryHead") state.head = {};
  if (part !== "InventoryList") return;
  if (state.head === undefined) throw unreadable(state, `an InventoryList comes before its InventoryHead (line ${state.parser.line})`);
  state.item = {};
}

function addText(state: ReadState, text: string): void {
  if (state.field === undefined || state.path.length !== 4) return;
  state.field.text += text;
  if (state.field.text.length > state.limits.maxTextChars) throw tooLongText(state);
}

function closeTag(state: ReadState): void {
  const depth = state.path.length;
  const name = state.path.pop();
  const [, inventory, part] = state.path;
  if (depth === 4 && state.field !== undefined) {
    const target = part === "InventoryHead" ? state.head : state.item;
    if (target !== undefined) target[state.field.name] = state.field.text.trim();
    state.field = undefined;
  } else if (depth === 3 && inventory === "Inventory" && name === "InventoryList" && state.item !== undefined && state.head !== undefined) {
    state.itemCount += 1;
    state.queue.push({ line: state.itemCount, values: toValues(state.kind as CebKind, state.head, state.item) });
    state.item = undefined;
  } else if (depth === 2 && name === "Inventory") {
    state.head = undefined;
  }
}

/** The canonical fields a CEB603 or CEB621 inventory can carry (the rest are not part of the message, so never "missing"). */
export function cebFields(kind: CebKind): string[] {
  const heads = Object.values({ ...HEAD_FIELDS, ...(kind === "ceb603" ? EXPORT_HEAD_FIELDS : IMPORT_HEAD_FIELDS) });
  return [...new Set([...heads, ...Object.values(LIST_FIELDS), "title", "currency", kind === "ceb603" ? "consignee_country" : "origin_country"])];
}

/** One canonical line from an inventory head and one of its items. */
function toValues(kind: CebKind, head: Fields, item: Fields): LineValues {
  const values: LineValues = Object.fromEntries(FIELD_KEYS.map((key) => [key, ""]));
  copyFields(values, head, HEAD_FIELDS);
  copyFields(values, head, kind === "ceb603" ? EXPORT_HEAD_FIELDS : IMPORT_HEAD_FIELDS);
  copyFields(values, item, LIST_FIELDS);
  values.title = item.gname || item.itemName || "";
  values.currency = cnCurrencyToIso(item.currency || head.currency || "");
  if (kind === "ceb603") values.consignee_country = cnCountryToIso(head.country || item.country || "");
  else values.origin_country = cnCountryToIso(item.country || head.country || "");
  copyExtras(values, head, HEAD_EXTRAS);
  copyExtras(values, item, LIST_EXTRAS);
  return values;
}

function copyFields(values: LineValues, source: Fields, mapping: Readonly<Record<string, string>>): void {
  for (const [from, to] of Object.entries(mapping)) {
    const value = source[from];
    if (value !== undefined) values[to] = value;
  }
}

function copyExtras(values: LineValues, source: Fields, names: readonly string[]): void {
  for (const name of names) {
    const value = source[name];
    if (value !== undefined && value !== "") values[`ceb_${name}`] = value;
  }
}

function stripBom(head: Buffer): Buffer {
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
}

function unreadable(state: ReadState, reason: string): AppError {
  return new AppError("IMPORT_UNREADABLE", `${state.fileName} cannot be read as a CEB message: ${reason}.`);
}

function tooLongText(state: ReadState): AppError {
  return unreadable(state, `a single text value near line ${state.parser.line} is longer than ${state.limits.maxTextChars} characters`);
}

function malformed(state: ReadState, sax: string): AppError {
  // saxes prefixes its messages with "line:column: "; keep only the description and give the position in words.
  const description = sax.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, "").replace(/\.$/, "");
  const where = `line ${state.parser.line}, column ${state.parser.column + 1}`;
  if (state.kind === undefined && description.startsWith("text data outside of root node")) {
    return unreadable(state, "it is not XML (it has text before any element)");
  }
  if (description.startsWith("document must contain a root element")) return unreadable(state, "it has no root element");
  if (description.startsWith("undefined entity")) {
    return unreadable(state, `it uses an undefined entity at ${where} (only the five predefined XML entities and character references are allowed)`);
  }
  return unreadable(state, `it is not well-formed XML at ${where} (${description})`);
}
