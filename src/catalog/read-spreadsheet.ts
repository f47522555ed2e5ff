import Papa from "papaparse";
import { AppError, errorMessage } from "../core/errors.ts";
import { readXlsxRows, XlsxError } from "./read-xlsx.ts";

/** A spreadsheet as rows of text cells, each with its row number as the file numbers it (the header is row 1 in a CSV). */
export type Sheet = { kind: "csv" | "xlsx"; encoding: string; headerRow: number; headers: string[]; rows: AsyncIterable<SheetRow> };
/** One data row. */
export type SheetRow = { rowNumber: number; cells: string[] };

/** Limits that keep one file from exhausting the machine. */
export const SHEET_LIMITS = { maxBytes: 100 * 1024 * 1024, maxColumns: 300, maxCellChars: 32_767 } as const;

/** Open CSV or XLSX bytes as a sheet: type and encoding detected (UTF-8 with or without BOM, UTF-16, GBK/GB18030); unreadable input is one clear error. */
export async function readSpreadsheet(bytes: Buffer, fileName = "file"): Promise<Sheet> {
  if (bytes.length > SHEET_LIMITS.maxBytes) {
    throw new AppError("IMPORT_TOO_LARGE", `${fileName} is ${(bytes.length / 1048576).toFixed(0)} MB; imports take files up to ${SHEET_LIMITS.maxBytes / 1048576} MB. Split it.`);
  }
  if (bytes.length === 0) throw new AppError("IMPORT_UNREADABLE", `${fileName} is empty.`);
  if (isZip(bytes)) return readXlsx(bytes, fileName);
  const foreign = foreignFormat(bytes);
  if (foreign) throw new AppError("IMPORT_UNREADABLE", `${fileName} is ${foreign}, not a spreadsheet; upload CSV or XLSX.`);
  const { text, encoding } = decodeText(bytes, fileName);
  return readCsv(text, encoding, fileName);
}

function isZip(bytes: Buffer): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** What a file is when it is plainly not a spreadsheet (PDF, image, old .xls, gzip), from its first bytes; null otherwise. */
export function foreignFormat(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 8);
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return "a PDF document";
  if (head[0] === 0x89 && head.subarray(1, 4).toString("latin1") === "PNG") return "a PNG image";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "a JPEG image";
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return "an old binary Excel (.xls) workbook — save it as .xlsx or CSV";
  if (head[0] === 0x1f && head[1] === 0x8b) return "a gzip archive";
  return null;
}

/** Decode text bytes: a BOM decides; else strict UTF-8; else GB18030 (a superset of GBK, what Chinese Excel writes). */
export function decodeText(bytes: Buffer, fileName = "file"): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictDecode("utf-8", bytes.subarray(3), fileName), encoding: "utf-8-bom" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strictDecode("utf-16le", bytes.subarray(2), fileName), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strictDecode("utf-16be", bytes.subarray(2), fileName), encoding: "utf-16be" };
  const nul = bytes.subarray(0, 65536).indexOf(0);
  if (nul >= 0) throw new AppError("IMPORT_UNREADABLE", `${fileName} is binary data (a NUL byte at offset ${nul}), not a CSV or XLSX spreadsheet.`);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    try {
      return { text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), encoding: "gb18030" };
    } catch {
      throw new AppError("IMPORT_UNREADABLE", `${fileName} is neither UTF-8 nor GBK/GB18030 text; save it as "CSV UTF-8" or XLSX.`);
    }
  }
}

function strictDecode(encoding: string, bytes: Buffer, fileName: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("IMPORT_UNREADABLE", `${fileName} starts with a ${encoding} byte-order mark but is not valid ${encoding}.`);
  }
}

/** The delimiter the header line uses most: comma, tab or semicolon. */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const firstLine = end < 0 ? text : text.slice(0, end);
  let best = ",";
  let bestCount = 0;
  for (const delimiter of [",", "\t", ";"]) {
    const count = firstLine.split(delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

async function readCsv(text: string, encoding: string, fileName: string): Promise<Sheet> {
  // The text is in memory already; papaparse over the whole text is several times faster than a record stream.
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: true });
  const broken = parsed.errors.find((e) => e.type === "Quotes" || e.type === "FieldMismatch");
  if (broken) throw new AppError("IMPORT_UNREADABLE", `${fileName} cannot be read as CSV: ${broken.message} at row ${(broken.row ?? 0) + 1}.`, { row: (broken.row ?? 0) + 1 });
  const tooLong = parsed.data.findIndex((record) => record.some((cell) => cell.length > SHEET_LIMITS.maxCellChars));
  if (tooLong >= 0) throw new AppError("IMPORT_UNREADABLE", `${fileName}: row ${tooLong + 1} has a cell over ${SHEET_LIMITS.maxCellChars} characters.`, { row: tooLong + 1 });
  const [first, ...data] = parsed.data;
  if (!first) throw new AppError("IMPORT_UNREADABLE", `${fileName} has no header row.`);
  const headers = checkHeaders(first, fileName);
  async function* rows(): AsyncIterable<SheetRow> {
    for (let i = 0; i < data.length; i++) {
      const cells = data[i] as string[];
      // Let each row go once read: a large file's parsed rows are then never all alive at the end.
      (data as (string[] | undefined)[])[i] = undefined;
      yield { rowNumber: i + 2, cells };
    }
  }
  return { kind: "csv", encoding, headerRow: 1, headers, rows: rows() };
}

async function readXlsx(bytes: Buffer, fileName: string): Promise<Sheet> {
  const unreadable = (error: unknown) =>
    new AppError("IMPORT_UNREADABLE", `${fileName} is not a readable XLSX workbook: ${error instanceof XlsxError ? error.message : errorMessage(error)}`);
  const source = readXlsxRows(bytes, SHEET_LIMITS.maxColumns);
  const nextRow = async (): Promise<SheetRow | null> => {
    while (true) {
      let result: IteratorResult<SheetRow>;
      try {
        result = await source.next();
      } catch (error) {
        throw unreadable(error);
      }
      if (result.done) return null;
      if (result.value.cells.some((c) => c !== "")) return result.value;
    }
  };
  const header = await nextRow();
  if (!header) throw new AppError("IMPORT_UNREADABLE", `${fileName}: the first worksheet is empty.`);
  const headers = checkHeaders(header.cells, fileName);
  async function* rows(): AsyncIterable<SheetRow> {
    while (true) {
      const row = await nextRow();
      if (!row) return;
      yield row;
    }
  }
  return { kind: "xlsx", encoding: "xlsx", headerRow: header.rowNumber, headers, rows: rows() };
}

/** A cell's value as the text a person sees: numbers without float noise, dates as YYYY-MM-DD, formulas as their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: string; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result);
    if (v.text !== undefined) return String(v.text);
    if (v.error) return "";
  }
  return String(value);
}

function checkHeaders(cells: string[], fileName: string): string[] {
  const headers = cells.map((c) => c.replace(/^\uFEFF/, "").trim());
  if (headers.length > SHEET_LIMITS.maxColumns) throw new AppError("IMPORT_UNREADABLE", `${fileName} has ${headers.length} columns; at most ${SHEET_LIMITS.maxColumns} are read.`);
  if (!headers.some(Boolean)) throw new AppError("IMPORT_UNREADABLE", `${fileName}: the header row is empty.`);
  return headers;
}
