/** A value COPY can take: null becomes SQL NULL; arrays of strings or numbers become PostgreSQL array literals; other objects (and arrays of objects) become JSON. */
export type CopyValue = string | number | boolean | null | undefined | readonly (string | number)[] | object;

/** One CSV field for COPY … WITH (FORMAT csv): NULL unquoted, every other value quoted. */
export function csvField(value: CopyValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = isScalarArray(value) ? pgArrayLiteral(value) : typeof value === "object" ? JSON.stringify(value) : value;
  return `"${(text as string).replaceAll('"', '""')}"`;
}

function isScalarArray(value: unknown): value is readonly (string | number)[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number");
}

/** One CSV line (with trailing newline) for COPY. */
export function csvLine(values: readonly CopyValue[]): string {
  return `${values.map(csvField).join(",")}\n`;
}

/** A PostgreSQL array literal: {1,2} or {"a","b \"c\""}. */
export function pgArrayLiteral(values: readonly (string | number)[]): string {
  const items = values.map((item) =>
    typeof item === "number" ? String(item) : `"${item.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`,
  );
  return `{${items.join(",")}}`;
}

/** Build CSV text for rows in chunks of about 1 MB, ready for Queryable.copyCsv. */
export function csvChunks(rows: Iterable<readonly CopyValue[]>, chunkBytes = 1 << 20): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const row of rows) {
    const line = csvLine(row);
    current.push(line);
    size += line.length;
    if (size >= chunkBytes) {
      chunks.push(current.join(""));
      current = [];
      size = 0;
    }
  }
  if (current.length) chunks.push(current.join(""));
  return chunks;
}
