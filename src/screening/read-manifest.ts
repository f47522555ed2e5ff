import { createHash } from "node:crypto";
import fs from "node:fs";
import type ExcelJS from "exceljs";
import type { MappingTarget } from "../catalog/mappings.ts";
import { cellText, foreignFormat } from "../catalog/read-spreadsheet.ts";
import { normaliseHeader } from "../catalog/fields.ts";
import { AppError, errorMessage } from "../core/errors.ts";
import { assertSafeZip } from "../core/zip-safety.ts";
import { LANES, type Lane, FIELD_KEYS, MANIFEST_FIELDS, type LineValues, type SourceKind, type SourceLine } from "./manifest.ts";
import { cebFields, looksLikeCebXml, readCebXml } from "./read-ceb-xml.ts";
import { csvRecordParts, decodeStream, type TextRecord } from "./read-text-records.ts";

/** A manifest opened for streaming: its kind, how its columns map, and its lines. */
export type ManifestSource = {
  kind: SourceKind;
  /** The lane the source itself implies (CEB603 → cn-export, CEB621 → cn-import; JSON may say). */
  lane?: Lane;
  columns: { header: string; field: string | null }[];
  /** The canonical fields the source can fill: a spreadsheet's mapped columns, every field for JSON and XML. */
  fields: readonly string[];
  /** For fixed message formats (CEB): the only fields the format has; a required field outside them is not reported missing. */
  carries?: readonly string[];
  lines: AsyncIterable<SourceLine>;
  /** The same lines a part at a time, each read as it is iterated (CSV): read these or `lines`, not both, and each part before the next. */
  parts?: AsyncIterable<Iterable<SourceLine>>;
  /** Bytes of the file read so far (for progress). */
  bytesRead(): number;
  /** SHA-256 of the file, once it has been read to the end (null before). */
  sha256(): string | null;
  totalBytes: number;
};

/** Saved manifest mappings: their targets are manifest fields. */
export const MANIFEST_MAPPINGS: MappingTarget = { kind: "manifest", fields: new Set(FIELD_KEYS), noun: "manifest" };

/** A column mapping a user saved or sent: source header → canonical field ('' to ignore). */
export type ColumnMapping = Record<string, string>;

/** Limits on manifest files. */
export const MANIFEST_LIMITS = { maxJsonBytes: 200 * 1024 ** 2, maxLines: 5_000_000 } as const;

const ALIASES = new Map<string, string>();
for (const field of MANIFEST_FIELDS) for (const alias of [field.key, field.label, field.labelZh, ...field.aliases]) ALIASES.set(normaliseHeader(alias), field.key);

/** The canonical field a header maps to: the user's mapping first, then the built-in English and Chinese aliases. */
export function fieldForManifestHeader(header: string, mapping: ColumnMapping = {}): string | null {
  if (header in mapping) return mapping[header] || null;
  return ALIASES.get(normaliseHeader(header)) ?? null;
}

// Every canonical key reads as '' through the prototype; a line owns only the values its source gave, which keeps a
// million lines small and lets Object.keys list just those. (Not frozen: a frozen prototype forbids setting the keys.)
const EMPTY_VALUES: LineValues = Object.fromEntries(FIELD_KEYS.map((k) => [k, ""]));

/** A values record in which every canonical key reads as '' until set. */
export function emptyValues(): LineValues {
  return Object.create(EMPTY_VALUES) as LineValues;
}

/** The same record, reading '' for any canonical key it lacks (records built elsewhere, e.g. from stored blocks, get the defaults). */
export function withDefaults(values: LineValues): LineValues {
  if (Object.getPrototypeOf(values) !== EMPTY_VALUES) Object.setPrototypeOf(values, EMPTY_VALUES);
  return values;
}

/** A copy of a values record (own values copied, the '' defaults kept). */
export function copyValues(values: LineValues): LineValues {
  return Object.assign(emptyValues(), values);
}

/** Open a manifest file of any supported kind: CSV (any delimiter, UTF-8/GBK), XLSX, JSON, or CEB603/CEB621 XML. */
export async function openManifestFile(file: string, fileName: string, mapping: ColumnMapping = {}): Promise<ManifestSource> {
  const totalBytes = fs.statSync(file).size;
  if (totalBytes === 0) throw new AppError("IMPORT_UNREADABLE", `${fileName} is empty.`);
  const head = readHead(file);
  const foreign = foreignFormat(head);
  if (foreign) throw new AppError("IMPORT_UNREADABLE", `${fileName} is ${foreign}, not a manifest; upload CSV, XLSX, JSON or CEB603/CEB621 XML.`);
  let read = 0;
  const hash = createHash("sha256");
  // 64 KB at a time: the text of a chunk is then a young object that dies once its lines are read, not a large one
  // that lingers until a full collection.
  const stream = () => countBytes(fs.createReadStream(file, { highWaterMark: 64 * 1024 }), (chunk) => {
    read += chunk.length;
    hash.update(chunk);
  });
  const bytesRead = () => read;
  const sha256 = () => (read >= totalBytes ? digest ?? (digest = hash.digest("hex")) : null);
  let digest: string | null = null;
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return openXlsx(file, fileName, mapping, totalBytes, bytesRead, sha256, (chunk) => {
      read += chunk.length;
      hash.update(chunk);
    });
  }
  const text = head.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("<")) {
    if (!looksLikeCebXml(head)) throw new AppError("IMPORT_UNREADABLE", `${fileName} is XML but not a CEB603 or CEB621 message.`);
    const ceb = await readCebXml(stream(), fileName);
    return { kind: ceb.kind, lane: ceb.lane, columns: [], fields: cebFields(ceb.kind), carries: cebFields(ceb.kind), lines: ceb.lines, bytesRead, sha256, totalBytes };
  }
  if (text.startsWith("{") || text.startsWith("[")) {
    if (totalBytes > MANIFEST_LIMITS.maxJsonBytes) throw new AppError("IMPORT_TOO_LARGE", `${fileName} is ${Math.round(totalBytes / 1024 ** 2)} MB of JSON; send large manifests as CSV.`);
    let body: unknown;
    try {
      const bytes = fs.readFileSync(file);
      hash.update(bytes);
      body = JSON.parse(bytes.toString("utf8").replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new AppError("IMPORT_UNREADABLE", `${fileName} is not valid JSON: ${errorMessage(error)}`);
    }
    read = totalBytes;
    const json = manifestFromJson(body, fileName);
    return { kind: "json", lane: json.lane, columns: [], fields: FIELD_KEYS, lines: iterate(json.lines), bytesRead, sha256, totalBytes };
  }
  return { ...(await openCsv(stream(), fileName, mapping, totalBytes, bytesRead)), sha256 };
}

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(4096);
    const n = fs.readSync(fd, head, 0, 4096, 0);
    return head.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

async function* countBytes(stream: AsyncIterable<Buffer>, seen: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    seen(chunk);
    yield chunk;
  }
}

/** An array as an async iterable (sources are async iterables of lines). */
export async function* iterate<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** Map a header row; at least one column must map to a manifest field, and no field twice. */
function mapColumns(headers: string[], mapping: ColumnMapping, fileName: string): { header: string; field: string | null }[] {
  const columns = headers.map((raw) => {
    const header = raw.replace(/^\uFEFF/, "").trim();
    return { header, field: header ? fieldForManifestHeader(header, mapping) : null };
  });
  const seen = new Map<string, string>();
  for (const c of columns) {
    if (!c.field) continue;
    if (!FIELD_KEYS.includes(c.field)) throw new AppError("IMPORT_UNREADABLE", `The mapping sends column "${c.header}" to "${c.field}", which is not a manifest field.`);
    const before = seen.get(c.field);
    if (before !== undefined) throw new AppError("IMPORT_UNREADABLE", `${fileName}: columns "${before}" and "${c.header}" both map to ${c.field}; map one of them to '' (ignore).`);
    seen.set(c.field, c.header);
  }
  if (!seen.size) throw new AppError("IMPORT_UNREADABLE", `${fileName}: no column header is a manifest field (found: ${headers.slice(0, 8).join(", ")}); see the canonical columns in docs/screening.md or send a mapping.`);
  return columns;
}

function mappedFields(columns: { field: string | null }[]): string[] {
  return columns.flatMap((c) => (c.field ? [c.field] : []));
}

/** Turn cells into a line through the column map. */
function lineFromCells(line: number, cells: string[], fields: (string | null)[]): SourceLine | null {
  const values = emptyValues();
  let any = false;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const cell = cells[i];
    if (!cell) continue;
    const trimmed = cell.trim();
    if (trimmed) any = true;
    if (field) values[field] = trimmed;
  }
  return any ? { line, values } : null;
}

async function openCsv(bytes: AsyncIterable<Buffer>, fileName: string, mapping: ColumnMapping, totalBytes: number, bytesRead: () => number): Promise<Omit<ManifestSource, "sha256">> {
  const parts = csvRecordParts(decodeStream(bytes, fileName), fileName)[Symbol.asyncIterator]();
  // The header is the first record; a part can hold none (a quoted header cell running past the first chunk).
  let records: Iterator<TextRecord> | undefined;
  let header: IteratorResult<TextRecord> | undefined;
  while (!header || header.done) {
    const part = await parts.next();
    if (part.done) throw new AppError("IMPORT_UNREADABLE", `${fileName} has no header row.`);
    records = part.value[Symbol.iterator]();
    header = records.next();
  }
  const columns = mapColumns(header.value.cells, mapping, fileName);
  const fields = columns.map((c) => c.field);
  let count = 0;
  function* linesOf(part: Iterable<TextRecord>): Generator<SourceLine> {
    for (const record of part) {
      const line = lineFromCells(record.line, record.cells, fields);
      if (!line) continue;
      if (++count > MANIFEST_LIMITS.maxLines) throw new AppError("IMPORT_TOO_LARGE", `${fileName} has more than ${MANIFEST_LIMITS.maxLines} lines; split it.`);
      yield line;
    }
  }
  async function* lineParts(): AsyncGenerator<Iterable<SourceLine>> {
    yield linesOf({ [Symbol.iterator]: () => records as Iterator<TextRecord> });
    while (true) {
      const next = await parts.next();
      if (next.done) return;
      yield linesOf(next.value);
    }
  }
  const lazyParts = lineParts();
  async function* lines(): AsyncGenerator<SourceLine> {
    for await (const part of lazyParts) yield* part;
  }
  return { kind: "csv", columns, fields: mappedFields(columns), lines: lines(), parts: lazyParts, bytesRead, totalBytes };
}

async function openXlsx(file: string, fileName: string, mapping: ColumnMapping, totalBytes: number, bytesRead: () => number, sha256: () => string | null, seen: (chunk: Buffer) => void): Promise<ManifestSource> {
  assertSafeZip(file, fileName);
  // Loaded when a workbook comes: a screening worker reading CSV need not carry it.
  const { default: Excel } = await import("exceljs");
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  input.on("data", (chunk) => seen(chunk as Buffer));
  const reader = new Excel.stream.xlsx.WorkbookReader(input, { sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", worksheets: "emit", entries: "emit" });
  let sheet: AsyncIterator<ExcelJS.Row>;
  try {
    const first = await reader[Symbol.asyncIterator]().next();
    if (first.done) throw new Error("the workbook has no worksheet");
    sheet = (first.value as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
  } catch (error) {
    throw new AppError("IMPORT_UNREADABLE", `${fileName} is not a readable XLSX workbook: ${errorMessage(error)}`);
  }
  const nextRow = async (): Promise<{ number: number; cells: string[] } | null> => {
    while (true) {
      let result: IteratorResult<ExcelJS.Row>;
      try {
        result = await sheet.next();
      } catch (error) {
        throw new AppError("IMPORT_UNREADABLE", `${fileName} is not a readable XLSX workbook: ${errorMessage(error)}`);
      }
      if (result.done) return null;
      const values = result.value.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length && i <= 300; i++) cells.push(cellText(values[i]));
      if (cells.some((c) => c !== "")) return { number: result.value.number, cells };
    }
  };
  const header = await nextRow();
  if (!header) throw new AppError("IMPORT_UNREADABLE", `${fileName}: the first worksheet is empty.`);
  const columns = mapColumns(header.cells, mapping, fileName);
  const fields = columns.map((c) => c.field);
  async function* lines(): AsyncGenerator<SourceLine> {
    while (true) {
      const row = await nextRow();
      if (!row) return;
      const line = lineFromCells(row.number, row.cells, fields);
      if (line) yield line;
    }
  }
  return { kind: "xlsx", columns, fields: mappedFields(columns), lines: lines(), bytesRead, sha256, totalBytes };
}

const NESTED_PREFIX: Record<string, string> = { consignor: "consignor_", consignee: "consignee_", manufacturer: "manufacturer_", buyer: "buyer_", payer: "payer_" };
const NESTED_FLAT = new Set(["payment", "transport", "order"]);

/** Flatten one JSON object level into values: canonical keys as they are, party objects by prefix (consignee.name → consignee_name). */
function flattenInto(values: LineValues, object: Record<string, unknown>, skip: Set<string>): void {
  for (const [key, value] of Object.entries(object)) {
    if (skip.has(key) || value === null || value === undefined) continue;
    if (typeof value === "object" && !Array.isArray(value)) {
      const prefix = NESTED_PREFIX[key];
      if (prefix) {
        for (const [sub, v] of Object.entries(value as Record<string, unknown>)) if (v !== null && typeof v !== "object") values[sub.startsWith(prefix) ? sub : `${prefix}${sub}`] = String(v).trim();
      } else if (NESTED_FLAT.has(key)) flattenInto(values, value as Record<string, unknown>, skip);
      continue;
    }
    if (typeof value !== "object") values[key] = String(value).trim();
  }
}

/** A JSON manifest as lines: `{lane?, lines:[…]}` (flat rows) or `{lane?, orders:[{…, waybills:[{…, items:[…]}] | items:[…]}]}`; items are numbered in document order. */
export function manifestFromJson(body: unknown, fileName = "request"): { lane?: Lane; lines: SourceLine[] } {
  const doc = (Array.isArray(body) ? { lines: body } : body) as { lane?: unknown; lines?: unknown; orders?: unknown } | null;
  if (!doc || typeof doc !== "object") throw new AppError("IMPORT_UNREADABLE", `${fileName}: a JSON manifest is an object with "lines" or "orders".`);
  const lane = typeof doc.lane === "string" ? doc.lane : undefined;
  if (lane !== undefined && !(LANES as readonly string[]).includes(lane)) throw new AppError("BAD_REQUEST", `${fileName}: lane "${lane}" is not one of ${LANES.join(", ")}.`);
  const lines: SourceLine[] = [];
  const push = (values: LineValues) => {
    if (lines.length >= MANIFEST_LIMITS.maxLines) throw new AppError("IMPORT_TOO_LARGE", `${fileName} has more than ${MANIFEST_LIMITS.maxLines} lines.`);
    lines.push({ line: lines.length + 1, values });
  };
  const objects = (value: unknown, what: string): Record<string, unknown>[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((v) => !v || typeof v !== "object" || Array.isArray(v))) throw new AppError("IMPORT_UNREADABLE", `${fileName}: "${what}" must be an array of objects.`);
    return value as Record<string, unknown>[];
  };
  if (doc.lines !== undefined) {
    for (const row of objects(doc.lines, "lines")) {
      const values = emptyValues();
      flattenInto(values, row, new Set());
      push(values);
    }
  }
  const skip = new Set(["items", "waybills", "lines"]);
  for (const order of objects(doc.orders, "orders")) {
    const orderValues = emptyValues();
    flattenInto(orderValues, order, skip);
    const waybills = objects(order.waybills, "waybills");
    const groups = waybills.length ? waybills.map((w) => ({ extra: w, items: objects(w.items, "items") })) : [{ extra: {}, items: objects(order.items, "items") }];
    for (const group of groups) {
      const waybillValues = copyValues(orderValues);
      flattenInto(waybillValues, group.extra, skip);
      for (const item of group.items) {
        const values = copyValues(waybillValues);
        flattenInto(values, item, skip);
        push(values);
      }
    }
  }
  if (!lines.length) throw new AppError("IMPORT_UNREADABLE", `${fileName}: the manifest has no lines (send "lines" or "orders" with items).`);
  return { lane: lane as Lane | undefined, lines };
}
