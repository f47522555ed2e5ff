import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Db, Queryable } from "../db/connection.ts";
import { csvChunks } from "../db/csv.ts";
import { withTenant } from "../db/tenant-scope.ts";
import type { Lane, SourceKind } from "./manifest.ts";
import type { Finding, ProductSnapshot, ScreenLine } from "./rules/types.ts";

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

/** Pack lines into a block: only the fields some line of the block fills. */
export function packBlock(lines: ScreenLine[]): LineBlock {
  const present = new Set<string>();
  for (const line of lines) for (const key of Object.keys(line.values)) if (line.values[key]) present.add(key);
  const fields = [...present];
  const products: Record<string, ProductSnapshot> = {};
  const rows: LineBlock["rows"] = lines.map((line) => {
    if (line.product) products[line.product.sku] = line.product;
    return [line.line, fields.map((f) => line.values[f] ?? ""), line.hsCode, line.hsSource, line.suggestion];
  });
  return { fields, rows, products };
}

const deflateRaw = promisify(zlib.deflateRaw);

/** Compress a block for storage; the compression runs on the thread pool, beside the main thread's work. */
export function encodeBlock(block: LineBlock): Promise<Buffer> {
  return deflateRaw(JSON.stringify(block), { level: 1 });
}

/** Read a stored block. */
export function decodeBlock(payload: Uint8Array): LineBlock {
  return JSON.parse(zlib.inflateRawSync(payload).toString("utf8")) as LineBlock;
}

const FINDING_COLUMNS = ["tenant_id", "run_id", "seq", "code", "severity", "order_no", "line", "field", "message", "message_zh", "evidence", "hint", "hint_zh"];

/** Store findings through a staging table (COPY cannot load a table under row-level security). */
export async function insertFindings(tx: Queryable, tenantId: string, runId: string, findings: Finding[], firstSeq: number): Promise<void> {
  if (!findings.length) return;
  await tx.exec(`create temp table if not exists screening_findings_stage (tenant_id text, run_id text, seq integer, code text, severity text, order_no text, line integer, field text,
    message text, message_zh text, evidence jsonb, hint text, hint_zh text) on commit delete rows`);
  const rows = findings.map((f, i) => [tenantId, runId, firstSeq + i, f.code, f.severity, f.orderNo, f.line, f.field, f.message, f.messageZh, f.evidence, f.hint, f.hintZh] as const);
  await tx.copyCsv("screening_findings_stage", FINDING_COLUMNS, csvChunks(rows));
  await tx.exec(`insert into screening_findings (${FINDING_COLUMNS.join(", ")}) select ${FINDING_COLUMNS.join(", ")} from screening_findings_stage`);
}

/** Store one chunk of the run: its block of lines, its findings, the orders it started, and the progress, in one transaction. */
export async function writeChunk(db: Db, tenantId: string, runId: string, chunk: { blockNo: number; payload: Buffer; firstLine: number; lastLine: number; findings: Finding[]; firstSeq: number; orders: string[]; progress: RunProgress }): Promise<void> {
  await withTenant(db, tenantId, async (tx) => {
    // Sent as base64 text: the drivers serialise a long string parameter far faster than a byte array.
    await tx.query("insert into screening_line_blocks (tenant_id, run_id, block_no, first_line, last_line, payload) values ($1, $2, $3, $4, $5, decode($6, 'base64'))", [tenantId, runId, chunk.blockNo, chunk.firstLine, chunk.lastLine, chunk.payload.toString("base64")]);
    await insertFindings(tx, tenantId, runId, chunk.findings, chunk.firstSeq);
    await insertRunOrders(tx, tenantId, runId, chunk.orders);
    await tx.query("update screening_runs set progress = $3 where tenant_id = $1 and id = $2", [tenantId, runId, JSON.stringify(chunk.progress)]);
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
