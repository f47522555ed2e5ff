import zlib from "node:zlib";
import type { Db, Queryable } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import type { Lane, SourceKind, SourceLine } from "./manifest.ts";
import type { ProductSnapshot, ScreenLine } from "./rules/types.ts";
import type { ScreenChunk } from "./screen-lines.ts";

/** The record of a run as created. */
export type RunStart = {
  id: string;
  tenantId: string;
  lane: Lane;
  packId: string;
  date: string;
  sourceKind: SourceKind;
  sourceName: string;
  sourceSha256: string | null;
  sourceBytes: number | null;
  mapping: Record<string, string> | null;
  rerunOf: string | null;
  createdBy: string | null;
};

/** Progress of a running screening. */
export type RunProgress = { lines: number; bytes: number; totalBytes: number; phase: "reading" | "orders" | "done" };

/** Create the run record in state running. */
export async function createRun(db: Db, run: RunStart): Promise<void> {
  await withTenant(db, run.tenantId, (tx) =>
    tx.query(
      `insert into screening_runs (tenant_id, id, lane, pack_id, screen_date, source_kind, source_name, source_sha256, source_bytes, status, mapping, rerun_of, created_by, progress)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'running', $10, $11, $12, $13)`,
      [run.tenantId, run.id, run.lane, run.packId, run.date, run.sourceKind, run.sourceName, run.sourceSha256, run.sourceBytes, run.mapping ? JSON.stringify(run.mapping) : null, run.rerunOf, run.createdBy, JSON.stringify({ lines: 0, bytes: 0, totalBytes: run.sourceBytes ?? 0, phase: "reading" })],
    ),
  );
}

/** A block of lines as stored: the fields present, one row per line, and the product snapshots the lines used. */
export type LineBlock = {
  fields: string[];
  rows: [line: number, values: string[], hsCode: string, hsSource: string, suggestion: { code: string; confidence: number } | null][];
  products: Record<string, ProductSnapshot>;
};

/** A stored row's value that repeats the row above's value of the same field (JSON 0: one character). */
const SAME_AS_ABOVE = 0;

/** A row as encoded in a stored block: values may be SAME_AS_ABOVE. */
type EncodedRow = [line: number, values: (string | 0)[], hsCode: string, hsSource: string, suggestion: { code: string; confidence: number } | null];

/** Rows of a block turned into JSON text together. */
const ROWS_AS_TEXT = 250;

/**
 * A block of lines being filled and compressed as it goes: every few hundred rows become JSON text that goes straight
 * into the block's deflate stream, so neither the lines nor the block's text need to live until the block is full.
 * Fields are numbered in order of first use and listed after the rows, so a row written before a field first appears
 * is just shorter (a missing value reads as empty, like '').
 */
export class BlockBuilder {
  private readonly fields: string[] = [];
  private readonly fieldIndex = new Map<string, number>();
  private blank: string[] = [];
  /** The previous row's values, in full. */
  private above: string[] = [];
  private rows: EncodedRow[] = [];
  /** The products the block's lines used, their entries as JSON text by SKU. */
  private readonly products = new Map<string, string>();
  private deflate: zlib.DeflateRaw | null = null;
  private readonly compressed: Buffer[] = [];
  lines = 0;
  firstLine = 0;
  lastLine = 0;

  /** The block's deflate stream, started with the first line. */
  private stream(): zlib.DeflateRaw {
    if (!this.deflate) {
      this.deflate = zlib.createDeflateRaw({ level: 1 });
      this.deflate.on("data", (chunk: Buffer) => this.compressed.push(chunk));
      this.deflate.write('{"rows":[');
    }
    return this.deflate;
  }

  /** Add a line; productEntry gives a product's entry of the block's products as JSON text ("sku":{snapshot}). */
  add(line: ScreenLine, productEntry: (product: ProductSnapshot) => string): void {
    if (line.product && !this.products.has(line.product.sku)) this.products.set(line.product.sku, productEntry(line.product));
    this.rows.push([line.line, this.rowValues(line.values), line.hsCode, line.hsSource, line.suggestion]);
    if (!this.lines) this.firstLine = line.line;
    this.lastLine = line.line;
    this.lines++;
    if (this.rows.length >= ROWS_AS_TEXT) this.writeRows();
  }

  private writeRows(): void {
    if (!this.rows.length) return;
    const text = JSON.stringify(this.rows).slice(1, -1);
    this.stream().write(this.lines > this.rows.length ? `,${text}` : text);
    this.rows = [];
  }

  /** The line's values by field number, a value equal to the row above's written as SAME_AS_ABOVE (see decodeBlock). */
  private rowValues(values: Record<string, string>): (string | 0)[] {
    const row: (string | 0)[] = this.blank.slice();
    const above = this.above;
    for (const key of Object.keys(values)) {
      const value = values[key];
      if (!value) continue;
      let i = this.fieldIndex.get(key);
      if (i === undefined) {
        i = this.fields.length;
        this.fields.push(key);
        this.fieldIndex.set(key, i);
        this.blank = this.fields.map(() => "");
      }
      row[i] = value;
    }
    // Manifests repeat most values from row to row (the order's, the shipment's); each repeat costs a digit, not its text.
    const full = row.slice() as string[];
    for (let i = 0; i < row.length && i < above.length; i++) if (row[i] !== "" && row[i] === above[i]) row[i] = SAME_AS_ABOVE;
    this.above = full;
    return row;
  }

  /** The fields some line of the block filled, in order of first use. */
  filled(): readonly string[] {
    return this.fields;
  }

  /** The block as stored: a LineBlock in JSON, compressed (deflate, no header). */
  finish(): Promise<Uint8Array> {
    this.writeRows();
    const deflate = this.stream();
    deflate.write(`],"fields":${JSON.stringify(this.fields)},"products":{`);
    let part: string[] = [];
    let written = false;
    for (const entry of this.products.values()) {
      part.push(entry);
      if (part.length >= ROWS_AS_TEXT) {
        deflate.write(`${written ? "," : ""}${part.join(",")}`);
        written = true;
        part = [];
      }
    }
    deflate.end(`${written && part.length ? "," : ""}${part.join(",")}}}`);
    return new Promise((resolve, reject) => {
      deflate.on("end", () => resolve(Buffer.concat(this.compressed)));
      deflate.on("error", reject);
    });
  }
}

/** Read a stored block, each row's values in full (blocks stored before values were written as SAME_AS_ABOVE read the same). */
export function decodeBlock(payload: Uint8Array): LineBlock {
  const block = JSON.parse(zlib.inflateRawSync(payload).toString("utf8")) as { rows: EncodedRow[] } & Omit<LineBlock, "rows">;
  let above: (string | 0)[] = [];
  for (const row of block.rows) {
    const values = row[1];
    for (let i = 0; i < values.length; i++) if (values[i] === SAME_AS_ABOVE) values[i] = above[i] ?? "";
    above = values;
  }
  return block as LineBlock;
}

/** The lines of a stored block, with console edits applied. */
export function* blockLines(payload: Uint8Array, edits: ReadonlyMap<number, Record<string, string>>): Generator<SourceLine> {
  const decoded = decodeBlock(payload);
  for (const row of decoded.rows) {
    const values = rowValues(decoded, row);
    const change = edits.get(row[0]);
    if (change) Object.assign(values, change);
    yield { line: row[0], values };
  }
}

/** A stored row's non-empty values by field. */
export function rowValues(block: LineBlock, row: LineBlock["rows"][number]): Record<string, string> {
  const values: Record<string, string> = {};
  block.fields.forEach((f, i) => {
    if (row[1][i]) values[f] = row[1][i] as string;
  });
  return values;
}

const FINDING_COLUMNS = ["tenant_id", "run_id", "seq", "code", "severity", "order_no", "line", "field", "message", "message_zh", "evidence", "hint", "hint_zh"];

/** Store findings given as COPY rows (see LineScreener) through a staging table: COPY cannot load a table under row-level security. */
export async function insertFindings(tx: Queryable, rows: string[]): Promise<void> {
  if (!rows.length) return;
  await tx.exec(`create temp table if not exists screening_findings_stage (tenant_id text, run_id text, seq integer, code text, severity text, order_no text, line integer, field text,
    message text, message_zh text, evidence jsonb, hint text, hint_zh text) on commit delete rows`);
  await tx.copyCsv("screening_findings_stage", FINDING_COLUMNS, rows);
  await tx.exec(`insert into screening_findings (${FINDING_COLUMNS.join(", ")}) select ${FINDING_COLUMNS.join(", ")} from screening_findings_stage`);
}

/** Store one chunk of the run: its block of lines, its findings, the orders it started, and the progress, in one transaction. */
export async function writeChunk(db: Db, tenantId: string, runId: string, chunk: ScreenChunk, progress: RunProgress): Promise<void> {
  await withTenant(db, tenantId, async (tx) => {
    const { block } = chunk;
    // Sent as base64 text: the drivers serialise a long string parameter far faster than a byte array.
    if (block) await tx.query("insert into screening_line_blocks (tenant_id, run_id, block_no, first_line, last_line, payload) values ($1, $2, $3, $4, $5, decode($6, 'base64'))", [tenantId, runId, block.blockNo, block.firstLine, block.lastLine, Buffer.from(block.payload.buffer, block.payload.byteOffset, block.payload.byteLength).toString("base64")]);
    await insertFindings(tx, chunk.findings);
    await insertRunOrders(tx, tenantId, runId, chunk.orders);
    await tx.query("update screening_runs set progress = $3 where tenant_id = $1 and id = $2", [tenantId, runId, JSON.stringify(progress)]);
  });
}

/**
 * Record which orders a run contained, for the orders' traceability timelines: order numbers clipped as findings clip
 * them, each once per run (the caller's promise; a plain insert costs half what ON CONFLICT does at 400k orders).
 */
export async function insertRunOrders(tx: Queryable, tenantId: string, runId: string, orders: readonly string[]): Promise<void> {
  if (!orders.length) return;
  await tx.query("insert into screening_run_orders (tenant_id, run_id, order_no) select $1, $2, unnest($3::text[])", [tenantId, runId, orders]);
}

/** Mark the run done with its summary and the fields its source filled, in the caller's transaction. */
export async function finishRun(tx: Queryable, tenantId: string, runId: string, summary: unknown, fields: string[], progress: RunProgress, sha256: string | null): Promise<void> {
  await tx.query("update screening_runs set status = 'done', summary = $3, fields = $4, progress = $5, source_sha256 = coalesce($6, source_sha256), finished_at = now() where tenant_id = $1 and id = $2", [tenantId, runId, JSON.stringify(summary), fields, JSON.stringify(progress), sha256]);
}

/** Undo a run that could not finish: its lines and findings go; the record stays as failed (a background job's caller reads the error) or goes too. */
export async function abandonRun(db: Db, tenantId: string, runId: string, error: string, keepRecord: boolean): Promise<void> {
  await withTenant(db, tenantId, async (tx) => {
    await tx.query("delete from screening_findings where tenant_id = $1 and run_id = $2", [tenantId, runId]);
    // Orders are looked up by order number, not run; a run that stored no block stored no orders, so skip the scan.
    await tx.query("delete from screening_run_orders where tenant_id = $1 and run_id = $2 and exists (select 1 from screening_line_blocks b where b.tenant_id = $1 and b.run_id = $2)", [tenantId, runId]);
    await tx.query("delete from screening_line_blocks where tenant_id = $1 and run_id = $2", [tenantId, runId]);
    if (keepRecord) await tx.query("update screening_runs set status = 'failed', error = $3, finished_at = now() where tenant_id = $1 and id = $2", [tenantId, runId, error]);
    else await tx.query("delete from screening_runs where tenant_id = $1 and id = $2", [tenantId, runId]);
  });
}
