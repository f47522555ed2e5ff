import ExcelJS from "exceljs";
import { AppError } from "../core/errors.ts";
import type { Db, Queryable } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import { escapeFormula } from "../catalog/export-products.ts";
import type { SourceLine } from "./manifest.ts";
import type { Finding, ProductSnapshot, Severity } from "./rules/types.ts";
import type { ScreenSummary } from "./screen-manifest.ts";
import { blockLines, decodeBlock, type RunProgress, rowValues } from "./store-run.ts";

/** A screening run as the API and CLI show it. */
export type RunRecord = {
  id: string;
  lane: string;
  packId: string;
  date: string;
  sourceKind: string;
  sourceName: string;
  sourceSha256: string | null;
  sourceBytes: number | null;
  status: "running" | "done" | "failed";
  progress: RunProgress;
  summary: ScreenSummary | null;
  error: string | null;
  fields: string[];
  rerunOf: string | null;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  edits: number;
};

const RUN_COLUMNS = `id, lane, pack_id as "packId", to_char(screen_date, 'YYYY-MM-DD') as date, source_kind as "sourceKind", source_name as "sourceName", source_sha256 as "sourceSha256",
  source_bytes as "sourceBytes", status, progress, summary, error, fields, rerun_of as "rerunOf", created_by as "createdBy", created_at as "createdAt", finished_at as "finishedAt",
  (select count(*)::int from screening_line_edits e where e.tenant_id = r.tenant_id and e.run_id = r.id) as edits`;

/** One run, or a not-found error. */
export async function getRun(tx: Queryable, tenantId: string, runId: string): Promise<RunRecord> {
  const [run] = await tx.query<RunRecord>(`select ${RUN_COLUMNS} from screening_runs r where tenant_id = $1 and id = $2`, [tenantId, runId]);
  if (!run) throw new AppError("NOT_FOUND", `No screening run ${runId}.`);
  return { ...run, sourceBytes: run.sourceBytes === null ? null : Number(run.sourceBytes) };
}

/** The tenant's runs, newest first. */
export async function listRuns(tx: Queryable, tenantId: string, options: { limit?: number; offset?: number } = {}): Promise<{ total: number; runs: RunRecord[] }> {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 200);
  const [count] = await tx.query<{ n: number }>("select count(*)::int as n from screening_runs where tenant_id = $1", [tenantId]);
  const runs = await tx.query<RunRecord>(`select ${RUN_COLUMNS} from screening_runs r where tenant_id = $1 order by created_at desc, id limit ${limit} offset ${Math.max(options.offset ?? 0, 0)}`, [tenantId]);
  return { total: count?.n ?? 0, runs: runs.map((r) => ({ ...r, sourceBytes: r.sourceBytes === null ? null : Number(r.sourceBytes) })) };
}

/** A stored finding with its sequence number. */
export type StoredFinding = Finding & { seq: number };

/** Filters for the findings of a run. */
export type FindingQuery = { code?: string; severity?: Severity; orderNo?: string; line?: number; field?: string; limit?: number; offset?: number };

/** A page of a run's findings, filtered; the total counts every match. */
export async function listFindings(tx: Queryable, tenantId: string, runId: string, query: FindingQuery = {}): Promise<{ total: number; findings: StoredFinding[] }> {
  const where = ["tenant_id = $1", "run_id = $2"];
  const params: unknown[] = [tenantId, runId];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace("?", `$${params.length}`));
  };
  if (query.code) add("code = ?", query.code);
  if (query.severity) add("severity = ?", query.severity);
  if (query.orderNo) add("order_no = ?", query.orderNo);
  if (query.line !== undefined) add("line = ?", query.line);
  if (query.field) add("field = ?", query.field);
  const filter = where.join(" and ");
  const [count] = await tx.query<{ n: number }>(`select count(*)::int as n from screening_findings where ${filter}`, params);
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 100_000);
  const findings = await tx.query<StoredFinding>(
    `select seq, code, severity, order_no as "orderNo", line, field, message, message_zh as "messageZh", evidence, hint, hint_zh as "hintZh"
     from screening_findings where ${filter} order by case severity when 'block' then 0 when 'warn' then 1 else 2 end, line, seq limit ${limit} offset ${Math.max(query.offset ?? 0, 0)}`,
    params,
  );
  return { total: count?.n ?? 0, findings };
}

/** Every finding of a run in source order, a page at a time (exports stream through this). */
export async function* allFindings(tx: Queryable, tenantId: string, runId: string, pageSize = 20_000): AsyncGenerator<StoredFinding[]> {
  for (let after = 0; ; ) {
    const page = await tx.query<StoredFinding>(
      `select seq, code, severity, order_no as "orderNo", line, field, message, message_zh as "messageZh", evidence, hint, hint_zh as "hintZh"
       from screening_findings where tenant_id = $1 and run_id = $2 and seq > $3 order by seq limit ${pageSize}`,
      [tenantId, runId, after],
    );
    if (!page.length) return;
    yield page;
    after = (page.at(-1) as StoredFinding).seq;
  }
}

/** One line of a run as screened: its values (with any console edits applied), where its code came from, its product snapshot and its findings. */
export type LineView = {
  line: number;
  values: Record<string, string>;
  edits: Record<string, string>;
  hsCode: string;
  hsSource: string;
  suggestion: { code: string; confidence: number } | null;
  product: ProductSnapshot | null;
  findings: StoredFinding[];
};

/** Read one line of a run from its block. */
export async function getLine(tx: Queryable, tenantId: string, runId: string, line: number): Promise<LineView> {
  const [block] = await tx.query<{ payload: Uint8Array }>("select payload from screening_line_blocks where tenant_id = $1 and run_id = $2 and first_line <= $3 and last_line >= $3 order by block_no limit 1", [tenantId, runId, line]);
  if (!block) {
    await getRun(tx, tenantId, runId);
    throw new AppError("NOT_FOUND", `Run ${runId} has no line ${line}.`);
  }
  const decoded = decodeBlock(block.payload);
  const row = decoded.rows.find((r) => r[0] === line);
  if (!row) throw new AppError("NOT_FOUND", `Run ${runId} has no line ${line}.`);
  const values = rowValues(decoded, row);
  const [edit] = await tx.query<{ changes: Record<string, string> }>("select changes from screening_line_edits where tenant_id = $1 and run_id = $2 and line = $3", [tenantId, runId, line]);
  const { findings } = await listFindings(tx, tenantId, runId, { line, limit: 1000 });
  const sku = values.sku;
  return { line, values, edits: edit?.changes ?? {}, hsCode: row[2], hsSource: row[3], suggestion: row[4], product: sku ? (decoded.products[sku] ?? null) : null, findings };
}

/** Record an edit of a line's values (applied when the run is screened again); an empty value clears the field. */
export async function editLine(tx: Queryable, tenantId: string, runId: string, line: number, changes: Record<string, string>, editedBy: string | null): Promise<Record<string, string>> {
  await getLine(tx, tenantId, runId, line);
  const [row] = await tx.query<{ changes: Record<string, string> }>(
    `insert into screening_line_edits (tenant_id, run_id, line, changes, edited_by) values ($1, $2, $3, $4, $5)
     on conflict (tenant_id, run_id, line) do update set changes = screening_line_edits.changes || excluded.changes, edited_by = excluded.edited_by, edited_at = now()
     returning changes`,
    [tenantId, runId, line, JSON.stringify(changes), editedBy],
  );
  return row?.changes ?? changes;
}

/** What a re-run of a stored run streams: the console edits by line, and the numbers of the run's blocks in order. */
export async function storedRunPlan(db: Db, tenantId: string, runId: string): Promise<{ edits: Map<number, Record<string, string>>; blocks: number[] }> {
  return withTenant(db, tenantId, async (tx) => ({
    edits: new Map((await tx.query<{ line: number; changes: Record<string, string> }>("select line, changes from screening_line_edits where tenant_id = $1 and run_id = $2", [tenantId, runId])).map((e) => [e.line, e.changes])),
    blocks: (await tx.query<{ blockNo: number }>(`select block_no as "blockNo" from screening_line_blocks where tenant_id = $1 and run_id = $2 order by block_no`, [tenantId, runId])).map((b) => b.blockNo),
  }));
}

/** One stored block of a run, compressed as stored, in its own short transaction; null when it is gone. */
export async function storedBlock(db: Db, tenantId: string, runId: string, blockNo: number): Promise<Uint8Array | null> {
  const [block] = await withTenant(db, tenantId, (tx) => tx.query<{ payload: Uint8Array }>("select payload from screening_line_blocks where tenant_id = $1 and run_id = $2 and block_no = $3", [tenantId, runId, blockNo]));
  return block?.payload ?? null;
}

/** The lines of a stored run, in order, with console edits applied: the source of a re-run. Each block is read in its own short transaction, so a long re-run holds none open and keeps one block in memory. */
export async function* storedLines(db: Db, tenantId: string, runId: string): AsyncGenerator<SourceLine> {
  const { edits, blocks } = await storedRunPlan(db, tenantId, runId);
  for (const blockNo of blocks) {
    const payload = await storedBlock(db, tenantId, runId, blockNo);
    if (payload) yield* blockLines(payload, edits);
  }
}

/** The columns of a findings export. */
export const FINDING_EXPORT_HEADERS = ["severity", "code", "order_no", "line", "field", "message", "message_zh", "hint", "hint_zh", "evidence"];

function exportRow(f: StoredFinding): string[] {
  return [f.severity, f.code, f.orderNo, String(f.line), f.field, f.message, f.messageZh, f.hint, f.hintZh, JSON.stringify(f.evidence)];
}

function csvCell(value: string): string {
  const safe = escapeFormula(value);
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A findings report as CSV (UTF-8 with BOM, so Excel shows the Chinese), streamed a page at a time. */
export async function* findingsCsv(pages: AsyncIterable<StoredFinding[]>): AsyncGenerator<string> {
  yield `\uFEFF${FINDING_EXPORT_HEADERS.join(",")}\r\n`;
  for await (const page of pages) yield page.map((f) => `${exportRow(f).map(csvCell).join(",")}\r\n`).join("");
}

/** A findings report as an XLSX workbook: a summary sheet and a findings sheet. */
export async function findingsXlsx(run: RunRecord, pages: AsyncIterable<StoredFinding[]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet("Summary 汇总");
  const s = run.summary;
  const facts: [string, string | number][] = [
    ["Run 检查编号", run.id],
    ["Lane 通道", run.lane],
    ["Rule pack 规则包", run.packId],
    ["Source 来源", run.sourceName],
    ["Lines 行数", s?.lines ?? 0],
    ["Orders 订单数", s?.orders ?? 0],
    ["Blocked orders 拦截订单", s?.blockedOrders ?? 0],
    ["Ready orders 可申报订单", s?.readyOrders ?? 0],
    ["Findings 问题数", s?.findings.total ?? 0],
  ];
  for (const [k, v] of facts) summary.addRow([k, v]);
  summary.addRow([]);
  summary.addRow(["code", "severity", "count"]);
  for (const c of s?.byCode ?? []) summary.addRow([c.code, c.severity, c.count]);
  summary.getColumn(1).width = 28;
  summary.getColumn(2).width = 40;
  const sheet = workbook.addWorksheet("Findings 问题");
  sheet.addRow(FINDING_EXPORT_HEADERS);
  sheet.getRow(1).font = { bold: true };
  for await (const page of pages) for (const f of page) sheet.addRow(exportRow(f).map(escapeFormula));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
