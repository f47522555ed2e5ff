import { detectDelimiter } from "../catalog/read-spreadsheet.ts";
import { AppError } from "../core/errors.ts";

/** One CSV record with the physical line it starts on. */
export type TextRecord = { line: number; cells: string[] };

/** Limits on a delimited text file. */
export const TEXT_LIMITS = { maxRecordChars: 1 << 20, maxCells: 300 } as const;

/** Decode a byte stream to text: a BOM decides; else UTF-8 if the first 64 KB are valid UTF-8; else GB18030 (what Chinese Excel writes). Invalid bytes later on are one clear error. */
export async function* decodeStream(bytes: AsyncIterable<Buffer>, fileName: string): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let head: Buffer[] = [];
  let headBytes = 0;
  let offset = 0;
  const start = (sample: Buffer) => {
    let skip = 0;
    let encoding = "utf-8";
    if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) skip = 3;
    else if (sample[0] === 0xff && sample[1] === 0xfe) [encoding, skip] = ["utf-16le", 2];
    else if (sample[0] === 0xfe && sample[1] === 0xff) [encoding, skip] = ["utf-16be", 2];
    else {
      const head = sample.subarray(0, 65536);
      const nul = head.indexOf(0);
      if (nul >= 0) throw new AppError("IMPORT_UNREADABLE", `${fileName} is binary data (a NUL byte at offset ${nul}), not a CSV file.`);
      if (!validUtf8Prefix(head)) encoding = "gb18030";
    }
    decoder = new TextDecoder(encoding, { fatal: true });
    return skip;
  };
  const decode = (chunk: Buffer, last: boolean): string => {
    try {
      return (decoder as TextDecoder).decode(chunk, { stream: !last });
    } catch {
      throw new AppError("IMPORT_UNREADABLE", `${fileName} is not valid ${(decoder as TextDecoder).encoding} text near byte ${offset}; save it as "CSV UTF-8".`);
    }
  };
  for await (const chunk of bytes) {
    if (!decoder) {
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes < 65536) continue;
      const sample = Buffer.concat(head);
      head = [];
      const skip = start(sample);
      const text = decode(sample.subarray(skip), false);
      offset += sample.length;
      if (text) yield text;
      continue;
    }
    const text = decode(chunk, false);
    offset += chunk.length;
    if (text) yield text;
  }
  if (!decoder) {
    const sample = Buffer.concat(head);
    if (!sample.length) throw new AppError("IMPORT_UNREADABLE", `${fileName} is empty.`);
    const skip = start(sample);
    const text = decode(sample.subarray(skip), true);
    if (text) yield text;
    return;
  }
  const rest = decode(Buffer.alloc(0), true);
  if (rest) yield rest;
}

/** Whether bytes are UTF-8, allowing a character cut off at the end. */
function validUtf8Prefix(sample: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Split decoded text into CSV records (RFC 4180 quoting, CRLF or LF), streaming: only the record being read is held.
 * A record longer than the limit (e.g. a 100 MB line) is an error, not an out-of-memory.
 */
export async function* csvRecords(text: AsyncIterable<string>, fileName: string, limits = TEXT_LIMITS): AsyncGenerator<TextRecord> {
  let buffer = "";
  let line = 1;
  let delimiter: string | null = null;
  for await (const chunk of text) {
    buffer = buffer ? buffer + chunk : chunk;
    if (delimiter === null) {
      const end = buffer.indexOf("\n");
      if (end < 0 && buffer.length < limits.maxRecordChars) continue;
      delimiter = detectDelimiter(end < 0 ? buffer : buffer.slice(0, end));
    }
    let position = 0;
    while (true) {
      const parsed = readRecord(buffer, position, delimiter, false);
      if (!parsed) break;
      if (parsed.next - position > limits.maxRecordChars) {
        throw new AppError("IMPORT_UNREADABLE", `${fileName}: the record at line ${line} is longer than ${Math.round(limits.maxRecordChars / 1024)} KB (an unclosed quote, or not a CSV file).`);
      }
      if (parsed.cells.length > limits.maxCells) throw new AppError("IMPORT_UNREADABLE", `${fileName}: the record at line ${line} has ${parsed.cells.length} columns; at most ${limits.maxCells} are read.`);
      yield { line, cells: parsed.cells };
      line += parsed.newlines;
      position = parsed.next;
    }
    buffer = position ? buffer.slice(position) : buffer;
    if (buffer.length > limits.maxRecordChars) {
      throw new AppError("IMPORT_UNREADABLE", `${fileName}: the record at line ${line} is longer than ${Math.round(limits.maxRecordChars / 1024)} KB (an unclosed quote, or not a CSV file).`);
    }
  }
  if (delimiter === null) delimiter = detectDelimiter(buffer);
  if (buffer.length) {
    const parsed = readRecord(buffer, 0, delimiter, true);
    if (!parsed) throw new AppError("IMPORT_UNREADABLE", `${fileName}: the quote opened on line ${line} is never closed.`);
    yield { line, cells: parsed.cells };
  }
}

/** Read one record at position; null when the buffer ends before the record does (unless final). */
function readRecord(buffer: string, position: number, delimiter: string, final: boolean): { cells: string[]; next: number; newlines: number } | null {
  if (position >= buffer.length) return null;
  let end = buffer.indexOf("\n", position);
  if (end < 0 && !final) return null;
  if (end < 0) end = buffer.length;
  const quote = buffer.indexOf('"', position);
  if (quote < 0 || quote > end) {
    const stop = end > position && buffer.charCodeAt(end - 1) === 13 ? end - 1 : end;
    return { cells: buffer.slice(position, stop).split(delimiter), next: end + 1, newlines: 1 };
  }
  return readQuotedRecord(buffer, position, delimiter, final);
}

/** The slow path: a record with quotes, which may span lines; cells are cut with indexOf, not char by char. */
function readQuotedRecord(buffer: string, position: number, delimiter: string, final: boolean): { cells: string[]; next: number; newlines: number } | null {
  const cells: string[] = [];
  let i = position;
  let newlines = 0;
  const length = buffer.length;
  while (true) {
    if (buffer.charCodeAt(i) === 34) {
      // A quoted cell: find the closing quote, skipping doubled quotes.
      let cell = "";
      let from = i + 1;
      while (true) {
        const close = buffer.indexOf('"', from);
        if (close < 0 || (close + 1 >= length && !final)) return null;
        cell += buffer.slice(from, close);
        if (buffer.charCodeAt(close + 1) === 34) {
          cell += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      for (let n = cell.indexOf("\n"); n >= 0; n = cell.indexOf("\n", n + 1)) newlines++;
      // Text after the closing quote up to the delimiter is kept, as spreadsheet programs do.
      const stop = nextStop(buffer, i, delimiter);
      if (stop < 0 && !final) return null;
      const end = stop < 0 ? length : stop;
      if (end > i) cell += trimCr(buffer.slice(i, end));
      cells.push(cell);
      i = end;
    } else {
      const stop = nextStop(buffer, i, delimiter);
      if (stop < 0 && !final) return null;
      const end = stop < 0 ? length : stop;
      cells.push(trimCr(buffer.slice(i, end)));
      i = end;
    }
    if (i >= length) return { cells, next: length, newlines: newlines + 1 };
    if (buffer[i] === "\n") return { cells, next: i + 1, newlines: newlines + 1 };
    i++;
    if (i >= length) {
      if (!final) return null;
      cells.push("");
      return { cells, next: length, newlines: newlines + 1 };
    }
  }
}

/** The next delimiter or newline at or after position, or -1. */
function nextStop(buffer: string, position: number, delimiter: string): number {
  const d = buffer.indexOf(delimiter, position);
  const n = buffer.indexOf("\n", position);
  if (d < 0) return n;
  if (n < 0) return d;
  return d < n ? d : n;
}

function trimCr(text: string): string {
  return text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text;
}
