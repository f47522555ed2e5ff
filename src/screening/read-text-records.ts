import { isUtf8 } from "node:buffer";
import { detectDelimiter } from "../catalog/read-spreadsheet.ts";
import { AppError } from "../core/errors.ts";

/** One CSV record with the physical line it starts on. */
export type TextRecord = { line: number; cells: string[] };

/** Limits on a delimited text file. */
export const TEXT_LIMITS = { maxRecordChars: 1 << 20, maxCells: 300 } as const;

/** Decode a byte stream to text: a BOM decides; else UTF-8 if the first 64 KB are valid UTF-8; else GB18030 (what Chinese Excel writes). Invalid bytes later on are one clear error. */
export async function* decodeStream(bytes: AsyncIterable<Buffer>, fileName: string): AsyncGenerator<string> {
  let decoder: Decoder | null = null;
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
    decoder = encoding === "utf-8" ? utf8Decoder() : textDecoder(encoding);
    return skip;
  };
  const decode = (chunk: Buffer, last: boolean): string => {
    try {
      return (decoder as Decoder).decode(chunk, last);
    } catch {
      throw new AppError("IMPORT_UNREADABLE", `${fileName} is not valid ${(decoder as Decoder).encoding} text near byte ${offset}; save it as "CSV UTF-8".`);
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

/** Bytes to text, a chunk at a time (a character may be cut between chunks); throws on bytes that are not text in its encoding. */
type Decoder = { encoding: string; decode(chunk: Buffer, last: boolean): string };

function textDecoder(encoding: string): Decoder {
  const decoder = new TextDecoder(encoding, { fatal: true });
  return { encoding, decode: (chunk, last) => decoder.decode(chunk, { stream: !last }) };
}

/**
 * UTF-8 through Buffer#toString rather than TextDecoder: TextDecoder returns two-byte strings even for ASCII, which
 * doubles the memory of every value cut from the text and slows each later step (hashing, JSON, encoding to bytes).
 */
function utf8Decoder(): Decoder {
  let carry: Buffer | null = null;
  return {
    encoding: "utf-8",
    decode(chunk, last) {
      const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
      const end = last ? bytes.length : completeUtf8(bytes);
      carry = end < bytes.length ? Buffer.from(bytes.subarray(end)) : null;
      const text = end < bytes.length ? bytes.subarray(0, end) : bytes;
      if (!isUtf8(text)) throw new Error("invalid UTF-8");
      return text.toString("utf8");
    },
  };
}

/** How many bytes from the start hold whole UTF-8 characters (a character cut off at the end is left out). */
function completeUtf8(bytes: Buffer): number {
  let lead = bytes.length - 1;
  while (lead >= 0 && lead > bytes.length - 4 && ((bytes[lead] as number) & 0xc0) === 0x80) lead--;
  if (lead < 0) return bytes.length;
  const byte = bytes[lead] as number;
  const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return bytes.length - lead < size ? lead : bytes.length;
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
  for await (const part of csvRecordParts(text, fileName, limits)) yield* part;
}

/**
 * The same records, a part per chunk of text; each part reads its records as it is iterated, so a record can be
 * used and dropped before the next is read (an async step per record costs more than reading it). Iterate each part
 * before asking for the next; records a part was not asked for come as a part of their own.
 */
export async function* csvRecordParts(text: AsyncIterable<string>, fileName: string, limits = TEXT_LIMITS): AsyncGenerator<Iterable<TextRecord>> {
  const reader: RecordReader = { buffer: "", position: 0, line: 1, delimiter: "", nextQuote: -2 };
  let delimited = false;
  for await (const chunk of text) {
    reader.buffer = reader.buffer ? reader.buffer + chunk : chunk;
    reader.nextQuote = -2;
    if (!delimited) {
      const end = reader.buffer.indexOf("\n");
      if (end < 0 && reader.buffer.length < limits.maxRecordChars) continue;
      reader.delimiter = detectDelimiter(end < 0 ? reader.buffer : reader.buffer.slice(0, end));
      delimited = true;
    }
    reader.position = 0;
    const part = readRecords(reader, fileName, limits);
    yield part;
    const left = [...part];
    if (left.length) yield left;
    reader.buffer = reader.position ? reader.buffer.slice(reader.position) : reader.buffer;
    if (reader.buffer.length > limits.maxRecordChars) {
      throw new AppError("IMPORT_UNREADABLE", `${fileName}: the record at line ${reader.line} is longer than ${Math.round(limits.maxRecordChars / 1024)} KB (an unclosed quote, or not a CSV file).`);
    }
  }
  if (!delimited) reader.delimiter = detectDelimiter(reader.buffer);
  if (reader.buffer.length) {
    reader.position = 0;
    reader.nextQuote = -2;
    const parsed = readRecord(reader, true);
    if (!parsed) throw new AppError("IMPORT_UNREADABLE", `${fileName}: the quote opened on line ${reader.line} is never closed.`);
    yield [{ line: reader.line, cells: parsed.cells }];
  }
}

/** Where reading a buffer of text has got to. */
type RecordReader = {
  buffer: string;
  position: number;
  line: number;
  delimiter: string;
  /** The next quote at or after position (-1: none left; -2: not looked for yet). */
  nextQuote: number;
};

/** The complete records of the reader's buffer, read one by one. */
function* readRecords(reader: RecordReader, fileName: string, limits: typeof TEXT_LIMITS): Generator<TextRecord> {
  while (true) {
    const start = reader.position;
    const parsed = readRecord(reader, false);
    if (!parsed) return;
    if (parsed.next - start > limits.maxRecordChars) {
      throw new AppError("IMPORT_UNREADABLE", `${fileName}: the record at line ${reader.line} is longer than ${Math.round(limits.maxRecordChars / 1024)} KB (an unclosed quote, or not a CSV file).`);
    }
    if (parsed.cells.length > limits.maxCells) throw new AppError("IMPORT_UNREADABLE", `${fileName}: the record at line ${reader.line} has ${parsed.cells.length} columns; at most ${limits.maxCells} are read.`);
    const record = { line: reader.line, cells: parsed.cells };
    reader.line += parsed.newlines;
    reader.position = parsed.next;
    yield record;
  }
}

/** Read one record at the reader's position; null when the buffer ends before the record does (unless final). */
function readRecord(reader: RecordReader, final: boolean): { cells: string[]; next: number; newlines: number } | null {
  const { buffer, position, delimiter } = reader;
  if (position >= buffer.length) return null;
  let end = buffer.indexOf("\n", position);
  if (end < 0 && !final) return null;
  if (end < 0) end = buffer.length;
  // Where the next quote is, remembered: a file without quotes would otherwise be searched to its end for every record.
  if (reader.nextQuote !== -1 && reader.nextQuote < position) reader.nextQuote = buffer.indexOf('"', position);
  const quote = reader.nextQuote;
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
  // The next newline, looked for again only once the cells have passed it (-1: none in the buffer).
  let lineEnd = -2;
  while (true) {
    if (lineEnd !== -1 && lineEnd < i) lineEnd = buffer.indexOf("\n", i);
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
      if (lineEnd !== -1 && lineEnd < i) lineEnd = buffer.indexOf("\n", i);
      // Text after the closing quote up to the delimiter is kept, as spreadsheet programs do.
      const stop = nextStop(buffer, i, delimiter, lineEnd);
      if (stop < 0 && !final) return null;
      const end = stop < 0 ? length : stop;
      if (end > i) cell += trimCr(buffer.slice(i, end));
      cells.push(cell);
      i = end;
    } else {
      const stop = nextStop(buffer, i, delimiter, lineEnd);
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

/** The next delimiter or newline at or after position, or -1; lineEnd is the next newline at or after position (or -1). */
function nextStop(buffer: string, position: number, delimiter: string, lineEnd: number): number {
  const d = buffer.indexOf(delimiter, position);
  if (d < 0) return lineEnd;
  if (lineEnd < 0) return d;
  return d < lineEnd ? d : lineEnd;
}

function trimCr(text: string): string {
  return text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text;
}
