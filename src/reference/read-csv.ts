import { createHash } from "node:crypto";
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { AppError, errorMessage } from "../core/errors.ts";

/** The SHA-256 of a file's bytes, hex; a missing file throws REFERENCE_FILE_MISSING naming it. */
export function fileSha256(file: string): string {
  return createHash("sha256").update(readBytes(file)).digest("hex");
}

/** A file's bytes; a missing file throws REFERENCE_FILE_MISSING naming it. */
export function readBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new AppError("REFERENCE_FILE_MISSING", `Reference file ${file} cannot be read: ${errorMessage(error)}`, { file });
  }
}

/** Parse a CSV file with a header row into records, checking that the required columns are present. */
export function readCsvRecords(file: string, requiredColumns: readonly string[]): Record<string, string>[] {
  const text = readBytes(file).toString("utf8");
  let records: Record<string, string>[];
  try {
    records = parse(text, { bom: true, columns: true, skip_empty_lines: true, relax_quotes: false });
  } catch (error) {
    throw corrupt(file, errorMessage(error));
  }
  const header = records.length ? Object.keys(records[0] as object) : [];
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (!records.length) throw corrupt(file, "it has no data rows");
  if (missing.length) throw corrupt(file, `missing column(s) ${missing.map((c) => `"${c}"`).join(", ")}`);
  return records;
}

/** Parse a header-less CSV file into arrays of fields, checking each row's field count. */
export function readCsvRows(file: string, fieldCount: number, text = readBytes(file).toString("utf8")): string[][] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    throw corrupt(file, errorMessage(error));
  }
  rows.forEach((row, index) => {
    if (row.length !== fieldCount) throw corrupt(file, `row ${index + 1} has ${row.length} fields, expected ${fieldCount}`);
  });
  return rows;
}

/** A REFERENCE_FILE_CORRUPT error naming the file (and row, when the reason says so). */
export function corrupt(file: string, reason: string): AppError {
  return new AppError("REFERENCE_FILE_CORRUPT", `Reference file ${file} is not usable: ${reason}`, { file });
}

/** The trimmed text, or null when empty (or when it is one of the source's "no value" markers). */
export function textOrNull(value: string | undefined, emptyMarkers: readonly string[] = []): string | null {
  const trimmed = (value ?? "").trim();
  return trimmed === "" || emptyMarkers.includes(trimmed) ? null : trimmed;
}
