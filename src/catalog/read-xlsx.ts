// A reader for the first worksheet of an XLSX workbook held in memory: the zip's central directory is read
// directly, shared strings are inflated whole, and the sheet is inflated and scanned a megabyte at a time, so a
// 100,000-row sheet is never one string or one object tree. (exceljs's streaming reader took ~10 s of CPU and
// over a gigabyte for such a sheet; this takes well under a second.)
import zlib from "node:zlib";

/** One row of the sheet: its number (the sheet's own, 1-based) and its cells' text, column A first. */
export type XlsxRow = { rowNumber: number; cells: string[] };

/** Why a workbook cannot be read; the caller words it for the user. */
export class XlsxError extends Error {}

type ZipEntry = { name: string; method: number; flags: number; compressedSize: number; size: number; offset: number };

/** Shared strings larger than this are refused rather than inflated (a zip bomb would otherwise exhaust memory). */
const MAX_SHARED_STRINGS_BYTES = 512 * 1024 * 1024;
/** Excel's own row limit; a sheet claiming more is not a real export. */
const MAX_ROW = 1_048_576;

/** The rows of the first worksheet (in workbook order), cells as the text a person sees, up to maxColumns columns. */
export async function* readXlsxRows(bytes: Buffer, maxColumns: number): AsyncGenerator<XlsxRow> {
  const entries = zipEntries(bytes);
  const { sheetPath, sharedStringsPath } = locateParts(bytes, entries);
  const sheet = entries.get(sheetPath);
  if (!sheet) throw new XlsxError(`the workbook names worksheet ${sheetPath}, which it does not contain`);
  const sharedEntry = sharedStringsPath ? entries.get(sharedStringsPath) : undefined;
  const shared = sharedEntry ? readSharedStrings(entryText(bytes, sharedEntry, MAX_SHARED_STRINGS_BYTES)) : [];
  let tags: SheetTags | null = null;
  let pending = "";
  let lastRow = 0;
  for await (const text of entryTextChunks(bytes, sheet)) {
    pending += text;
    tags ??= sheetTags(pending);
    if (!tags) continue;
    let from = 0;
    while (true) {
      const found = nextRow(pending, from, tags);
      if (!found) break;
      from = found.end;
      const row = parseRow(found.xml, tags, shared, lastRow, maxColumns);
      lastRow = row.rowNumber;
      if (lastRow > MAX_ROW) throw new XlsxError(`row ${lastRow} is past Excel's last row`);
      yield row;
    }
    pending = pending.slice(from);
  }
}

// ---- zip ----

/** The entries of a zip archive, from its central directory (zip64 included). */
function zipEntries(bytes: Buffer): Map<string, ZipEntry> {
  const end = findEndOfDirectory(bytes);
  let count = bytes.readUInt16LE(end + 10);
  let directorySize = bytes.readUInt32LE(end + 12);
  let directoryOffset = bytes.readUInt32LE(end + 16);
  if (directoryOffset === 0xffffffff || count === 0xffff) {
    const locator = end - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== 0x07064b50) throw new XlsxError("its zip64 directory locator is missing");
    const record = Number(bytes.readBigUInt64LE(locator + 8));
    if (record < 0 || record + 56 > bytes.length || bytes.readUInt32LE(record) !== 0x06064b50) throw new XlsxError("its zip64 directory record is missing");
    count = Number(bytes.readBigUInt64LE(record + 32));
    directorySize = Number(bytes.readBigUInt64LE(record + 40));
    directoryOffset = Number(bytes.readBigUInt64LE(record + 48));
  }
  if (directoryOffset + directorySize > bytes.length) throw new XlsxError("its zip directory lies past the end of the file (is it truncated?)");
  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new XlsxError("its zip directory is damaged");
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: bytes.toString("utf8", at + 46, at + 46 + nameLength),
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
    };
    readZip64Extra(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.set(entry.name.replace(/^\/+/, ""), entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw new XlsxError("it is not a complete zip archive (no central directory)");
}

/** Sizes and offset a zip64 extra field gives for the header fields set to 0xFFFFFFFF, in the order the format lists them. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ["size", "compressedSize", "offset"] as const) {
        if (entry[key] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + size) break;
        entry[key] = Number(extra.readBigUInt64LE(field));
        field += 8;
      }
    }
    at += 4 + size;
  }
}

/** An entry's compressed bytes, found through its local header. */
function entryData(bytes: Buffer, entry: ZipEntry): Buffer {
  if (entry.flags & 1) throw new XlsxError("it is encrypted (password-protected); save it without a password");
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxError(`${entry.name} uses zip compression method ${entry.method}, which is not deflate`);
  const at = entry.offset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw new XlsxError(`the zip entry ${entry.name} is damaged`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw new XlsxError(`the zip entry ${entry.name} runs past the end of the file (is it truncated?)`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** An entry inflated whole, as UTF-8 text. */
function entryText(bytes: Buffer, entry: ZipEntry, maxBytes = 64 * 1024 * 1024): string {
  const data = entryData(bytes, entry);
  if (entry.method === 0) return data.toString("utf8");
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: maxBytes }).toString("utf8");
  } catch (error) {
    throw new XlsxError(`${entry.name} cannot be inflated: ${(error as Error).message}`);
  }
}

/** An entry inflated a piece at a time, as UTF-8 text (characters split across pieces are kept whole). */
async function* entryTextChunks(bytes: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const data = entryData(bytes, entry);
  const decoder = new TextDecoder("utf-8");
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += 1 << 20) yield decoder.decode(data.subarray(at, at + (1 << 20)), { stream: true });
    return;
  }
  const inflate = zlib.createInflateRaw({ chunkSize: 1 << 20 });
  inflate.end(data);
  try {
    for await (const piece of inflate) yield decoder.decode(piece as Buffer, { stream: true });
  } catch (error) {
    throw new XlsxError(`${entry.name} cannot be inflated: ${(error as Error).message}`);
  }
}

// ---- workbook parts ----

/** The first worksheet (workbook order) and the shared strings, as zip paths, through the workbook's relationships. */
function locateParts(bytes: Buffer, entries: Map<string, ZipEntry>): { sheetPath: string; sharedStringsPath: string | null } {
  const workbook = entries.get("xl/workbook.xml");
  const relsEntry = entries.get("xl/_rels/workbook.xml.rels");
  const rels = relsEntry ? relationships(entryText(bytes, relsEntry)) : [];
  const shared = rels.find((r) => r.type.endsWith("/sharedStrings"));
  const sharedStringsPath = shared ? partPath(shared.target) : entries.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : null;
  const firstSheetId = workbook ? /<(?:[\w.-]+:)?sheet\b[^>]*?\s(?:[\w.-]+:)id\s*=\s*["']([^"']+)["']/.exec(entryText(bytes, workbook))?.[1] : undefined;
  const sheetRel = rels.find((r) => r.id === firstSheetId);
  if (sheetRel) return { sheetPath: partPath(sheetRel.target), sharedStringsPath };
  // No usable workbook part: take the lowest-numbered sheet, as other readers do.
  const sheets = [...entries.keys()].filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).sort((a, b) => sheetNumber(a) - sheetNumber(b));
  if (!sheets[0]) throw new XlsxError("it has no worksheet (is it an XLSX workbook?)");
  return { sheetPath: sheets[0], sharedStringsPath };
}

const sheetNumber = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1]);

/** A relationship target as a zip path: relative to xl/, or absolute from the package root. */
function partPath(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts: string[] = ["xl"];
  for (const part of target.split("/")) {
    if (part === "..") parts.pop();
    else if (part && part !== ".") parts.push(part);
  }
  return parts.join("/");
}

function relationships(xml: string): { id: string; type: string; target: string }[] {
  const found: { id: string; type: string; target: string }[] = [];
  for (const [tag] of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const attrs = attributes(tag);
    if (attrs.Id && attrs.Target) found.push({ id: attrs.Id, type: attrs.Type ?? "", target: attrs.Target });
  }
  return found;
}

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/\s([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[m[1] as string] = decodeXml(m[2] ?? m[3] ?? "");
  return attrs;
}

/** Each shared string's text: its runs joined, phonetic guides (rPh) left out. */
function readSharedStrings(xml: string): string[] {
  const prefix = /<([\w.-]+:)?sst\b/.exec(xml)?.[1] ?? "";
  const strings: string[] = [];
  const si = new RegExp(`<${prefix}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${prefix}si>)`, "g");
  for (const m of xml.matchAll(si)) strings.push(m[1] ? runText(m[1], prefix) : "");
  return strings;
}

/** The text of string content (<t>, or <r><t> runs), without phonetic runs. */
function runText(content: string, prefix: string): string {
  const visible = content.includes("rPh") ? content.replace(new RegExp(`<${prefix}rPh\\b[\\s\\S]*?</${prefix}rPh>`, "g"), "") : content;
  const tOpen = `<${prefix}t`;
  let text = "";
  for (let at = visible.indexOf(tOpen); at >= 0; at = visible.indexOf(tOpen, at + 1)) {
    const next = visible.charCodeAt(at + tOpen.length);
    if (next !== 62 && next !== 32 && next !== 47 && next !== 9 && next !== 10 && next !== 13) continue; // <t>, <t attr>, <t/>; not <text…>
    const close = visible.indexOf(">", at);
    if (close < 0 || visible.charCodeAt(close - 1) === 47) continue; // <t/>
    const end = visible.indexOf(`</${prefix}t>`, close);
    if (end < 0) break;
    text += visible.slice(close + 1, end);
  }
  return decodeXml(text);
}

// ---- worksheet ----

/** The sheet's element names with its namespace prefix (usually none, sometimes "x:"). */
type SheetTags = { rowOpen: string; rowClose: string; prefix: string; cell: RegExp; value: string; valueClose: string; formula: RegExp; inline: RegExp };

function sheetTags(head: string): SheetTags | null {
  const m = /<([\w.-]+:)?sheetData\b/.exec(head);
  if (!m) return null;
  const p = m[1] ?? "";
  return {
    prefix: p,
    rowOpen: `<${p}row`,
    rowClose: `</${p}row>`,
    cell: new RegExp(`<${p}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}c>)`, "g"),
    value: `<${p}v`,
    valueClose: `</${p}v>`,
    formula: new RegExp(`<${p}f\\b`),
    inline: new RegExp(`<${p}is\\b[^>]*>([\\s\\S]*?)</${p}is>`),
  };
}

/** The next complete <row> element from `from`, or null when the text so far ends inside one. */
function nextRow(text: string, from: number, tags: SheetTags): { xml: string; end: number } | null {
  let start = text.indexOf(tags.rowOpen, from);
  while (start >= 0) {
    const after = text.charCodeAt(start + tags.rowOpen.length);
    if (after === 62 || after === 32 || after === 47 || after === 9 || after === 10 || after === 13) break; // not <rowBreaks> etc.
    start = text.indexOf(tags.rowOpen, start + 1);
  }
  if (start < 0) return null;
  const tagEnd = text.indexOf(">", start);
  if (tagEnd < 0) return null;
  if (text.charCodeAt(tagEnd - 1) === 47) return { xml: text.slice(start, tagEnd + 1), end: tagEnd + 1 };
  const close = text.indexOf(tags.rowClose, tagEnd);
  if (close < 0) return null;
  const end = close + tags.rowClose.length;
  return { xml: text.slice(start, end), end };
}

function parseRow(xml: string, tags: SheetTags, shared: string[], previous: number, maxColumns: number): XlsxRow {
  const tagEnd = xml.indexOf(">");
  const rowRef = /\sr\s*=\s*["'](\d+)["']/.exec(xml.slice(0, tagEnd));
  const rowNumber = rowRef ? Number(rowRef[1]) : previous + 1;
  const cells: string[] = [];
  let column = 0;
  tags.cell.lastIndex = tagEnd;
  for (let m = tags.cell.exec(xml); m; m = tags.cell.exec(xml)) {
    const attrs = m[1] as string;
    const ref = /\sr\s*=\s*["']([A-Za-z]+)\d*["']/.exec(attrs);
    column = ref ? columnNumber(ref[1] as string) : column + 1;
    if (column > maxColumns) continue;
    const text = m[2] === undefined ? "" : cellValue(m[2], /\st\s*=\s*["']([\w]+)["']/.exec(attrs)?.[1] ?? "n", tags, shared);
    while (cells.length < column - 1) cells.push("");
    cells[column - 1] = text;
  }
  return { rowNumber, cells };
}

/** A cell's text as a person sees it: shared or inline strings, numbers without float noise, TRUE/FALSE as true/false, formulas as their cached result, errors as "". */
function cellValue(content: string, type: string, tags: SheetTags, shared: string[]): string {
  if (type === "inlineStr") {
    const inline = tags.inline.exec(content);
    return inline ? runText(inline[1] as string, tags.prefix) : "";
  }
  const value = elementText(content, tags.value, tags.valueClose);
  if (value === null) return "";
  switch (type) {
    case "s":
      return shared[Number(value)] ?? "";
    case "str":
      return decodeXml(value);
    case "b":
      return value.trim() === "0" ? "false" : "true";
    case "e":
      return "";
    case "d":
      return decodeXml(value).slice(0, 10);
    default:
      return numberText(value.trim());
  }
}

/** The text of the first <v> element, or null when there is none. */
function elementText(content: string, open: string, close: string): string | null {
  const at = content.indexOf(open);
  if (at < 0) return null;
  const tagEnd = content.indexOf(">", at);
  if (tagEnd < 0 || content.charCodeAt(tagEnd - 1) === 47) return null;
  const end = content.indexOf(close, tagEnd);
  return end < 0 ? null : content.slice(tagEnd + 1, end);
}

/** A number cell as text: integers as written, others to 15 significant digits (what Excel shows), e.g. 0.1 not 0.1000000000000000055. */
export function numberText(text: string): string {
  const value = Number.parseFloat(text);
  if (Number.isNaN(value)) return "";
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

/** "A" → 1, "Z" → 26, "AA" → 27. */
function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML entities and character references decoded, then OOXML's _xHHHH_ escapes (how Excel writes control characters). */
export function decodeXml(text: string): string {
  let out = text;
  if (out.includes("&")) {
    out = out.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g, (whole, dec?: string, hex?: string, name?: string) => {
      if (name) return ENTITIES[name] as string;
      const code = dec ? Number(dec) : Number.parseInt(hex as string, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  if (out.includes("_x")) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return out;
}
