import { AppError, errorMessage } from "../core/errors.ts";
import { newId } from "../core/ids.ts";
import type { Db } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import type { DocumentStore } from "../ledger/document-store.ts";
import { attachTariff, CatalogLookup, SuggestionLookup, toScreenLine } from "./enrich-lines.ts";
import { loadReferences } from "./load-references.ts";
import { FIELD_KEYS, type Lane, type SourceKind, type SourceLine } from "./manifest.ts";
import { addLine, detach, finishOrders, newManifestState } from "./order-state.ts";
import { packFor, type RulePack } from "./packs.ts";
import { logScreeningReport, storeReport } from "./report-evidence.ts";
import { clip, type Finding, type RuleContext, type ScreenLine, type Severity } from "./rules/types.ts";
import { abandonRun, createRun, encodeBlock, finishRun, insertFindings, packBlock, type RunProgress, writeChunk } from "./store-run.ts";

/** What to screen and how. */
export type ScreenRequest = {
  tenantId: string;
  lane: Lane;
  /** The day the rules are taken as of (YYYY-MM-DD); today when absent. */
  date?: string;
  packVersion?: string;
  source: { kind: SourceKind; name: string; sha256?: string | null; bytes?: number | null; lines: AsyncIterable<SourceLine>; bytesRead?: () => number; /** The file's SHA-256 once read to the end. */ sha256Read?: () => string | null; /** The canonical fields the source can fill (default: all). */ fields?: readonly string[]; /** A fixed format's only fields (CEB). */ carries?: readonly string[] };
  mapping?: Record<string, string> | null;
  rerunOf?: string | null;
  createdBy?: string | null;
  /** Use this run id (a background job hands it out before the work starts). */
  runId?: string;
  /** Keep a failed run's record (with its error) instead of removing every trace. */
  keepFailedRun?: boolean;
  /** Look up products and classifier suggestions (default true). */
  enrich?: boolean;
  /** Where the run's report is archived (the evidence store under CLEARWAY_HOME/documents). */
  store: DocumentStore;
  onProgress?: (progress: RunProgress) => void;
};

/** The summary of a run: the numbers a declarant reads first. */
export type ScreenSummary = {
  lines: number;
  orders: number;
  waybills: number;
  blockedOrders: number;
  readyOrders: number;
  findings: { total: number; block: number; warn: number; info: number };
  byCode: { code: string; severity: Severity; count: number }[];
  hsSources: Record<ScreenLine["hsSource"], number>;
  catalogueMatched: number;
  classifierCalls: number;
  durationMs: number;
  linesPerSecond: number;
};

/** The outcome of a run. */
export type ScreenResult = { runId: string; packId: string; lane: Lane; date: string; summary: ScreenSummary; evidence?: RunEvidence };

/** Where a run's report went: the ledger entry that logged it and the archived report's SHA-256. */
export type RunEvidence = { seq: number; reportSha256: string };

/** Lines per stored block and per transaction. */
export const CHUNK_LINES = 10_000;

/** Screen a manifest: stream its lines, enrich them, run the pack's rules, store lines and findings, and summarise. */
export async function screenManifest(db: Db, request: ScreenRequest): Promise<ScreenResult> {
  const date = request.date ?? new Date().toISOString().slice(0, 10);
  const pack = packFor(request.lane, date, request.packVersion);
  const refs = await loadReferences(db, pack.schedule, date);
  const runId = request.runId ?? newId("scr");
  if (!request.runId) {
    await createRun(db, { id: runId, tenantId: request.tenantId, lane: request.lane, packId: pack.id, date, sourceKind: request.source.kind, sourceName: request.source.name, sourceSha256: request.source.sha256 ?? null, sourceBytes: request.source.bytes ?? null, mapping: request.mapping ?? null, rerunOf: request.rerunOf ?? null, createdBy: request.createdBy ?? null });
  }
  const ctx: RuleContext = { lane: request.lane, date, data: pack.data, refs, sourceKind: request.source.kind, fields: request.source.fields ?? FIELD_KEYS, required: requiredFor(pack, request.source.carries) };
  try {
    const { summary, evidence } = await runRules(db, request, pack, ctx, runId);
    return { runId, packId: pack.id, lane: request.lane, date, summary, evidence };
  } catch (error) {
    await abandonRun(db, request.tenantId, runId, errorMessage(error), request.keepFailedRun ?? false).catch(() => {});
    throw error;
  }
}

/** The pack's required fields that the source's format can carry at all. */
function requiredFor(pack: RulePack, carries: readonly string[] | undefined): string[] {
  return carries ? pack.data.requiredFields.filter((f) => carries.includes(f)) : pack.data.requiredFields;
}

/** Tallies kept while the run streams. */
type Tally = { seq: number; byCode: Map<string, { severity: Severity; count: number }>; blockedOrders: Set<string>; fields: Set<string> };

function tallyFindings(tally: Tally, findings: Finding[]): void {
  for (const f of findings) {
    const entry = tally.byCode.get(f.code);
    if (entry) entry.count++;
    else tally.byCode.set(f.code, { severity: f.severity, count: 1 });
    if (f.severity === "block" && !tally.blockedOrders.has(f.orderNo)) tally.blockedOrders.add(detach(f.orderNo));
  }
}

async function runRules(db: Db, request: ScreenRequest, pack: RulePack, ctx: RuleContext, runId: string): Promise<{ summary: ScreenSummary; evidence: RunEvidence }> {
  const started = performance.now();
  const { tenantId } = request;
  const enrich = request.enrich ?? true;
  const catalog = new CatalogLookup(tenantId, pack.market);
  const suggestions = new SuggestionLookup(db, tenantId, pack.market);
  const state = newManifestState(ctx.fields);
  const tally: Tally = { seq: 1, byCode: new Map(), blockedOrders: new Set(), fields: new Set() };
  const hsSources = { line: 0, catalog: 0, classifier: 0, none: 0 };
  const clipped = new Set<string>();
  let catalogueMatched = 0;
  let lines = 0;
  let blockNo = 0;
  const totalBytes = request.source.bytes ?? 0;
  const progress = (phase: RunProgress["phase"]): RunProgress => ({ lines, bytes: request.source.bytesRead?.() ?? 0, totalBytes, phase });

  const timing = { read: 0, enrich: 0, rules: 0, encode: 0, write: 0, orders: 0 };
  let mark = performance.now();
  const lap = (key: keyof typeof timing) => {
    const now = performance.now();
    timing[key] += now - mark;
    mark = now;
  };
  const flush = async (batch: ScreenLine[]) => {
    lap("read");
    if (enrich) {
      await withTenant(db, tenantId, (tx) => catalog.load(tx, batch));
      catalog.apply(batch);
      await suggestions.apply(batch);
    }
    attachTariff(batch, ctx.refs);
    lap("enrich");
    const findings: Finding[] = [];
    const orders: string[] = [];
    for (const line of batch) {
      for (const rule of pack.lineRules) {
        const found = rule.check(line, ctx);
        if (found) for (const f of found) findings.push(f);
      }
      const order = addLine(state, line);
      if (order.lines === 1 && order.orderNo) {
        const orderNo = clip(order.orderNo, 120);
        // Two long order numbers can clip to the same text (ending in …); the run lists each text once.
        if (!orderNo.endsWith("…") || !clipped.has(orderNo)) orders.push(orderNo);
        if (orderNo.endsWith("…")) clipped.add(orderNo);
      }
      hsSources[line.hsSource]++;
      if (line.product) catalogueMatched++;
    }
    lines += batch.length;
    lap("rules");
    const block = packBlock(batch);
    for (const f of block.fields) tally.fields.add(f);
    tallyFindings(tally, findings);
    const firstSeq = tally.seq;
    tally.seq += findings.length;
    const p = progress("reading");
    const payload = encodeBlock(block);
    lap("encode");
    // The previous chunk's write overlaps this chunk's reading and rules; one write is in flight at a time.
    await pendingWrite;
    lap("write");
    const chunk = { blockNo: blockNo++, firstLine: batch[0]?.line ?? 0, lastLine: batch.at(-1)?.line ?? 0, findings, firstSeq, orders, progress: p };
    pendingWrite = payload.then((bytes) => writeChunk(db, tenantId, runId, { ...chunk, payload: bytes })).then(() => request.onProgress?.(p));
    pendingWrite.catch(() => {});
  };

  let pendingWrite: Promise<void> = Promise.resolve();
  let batch: ScreenLine[] = [];
  for await (const source of request.source.lines) {
    batch.push(toScreenLine(source, ctx.refs));
    if (batch.length >= CHUNK_LINES) {
      await flush(batch);
      batch = [];
    }
  }
  if (batch.length) await flush(batch);
  await pendingWrite;
  if (!lines) throw new AppError("IMPORT_UNREADABLE", `${request.source.name} has no manifest lines.`);

  request.onProgress?.(progress("orders"));
  finishOrders(state);
  const later: Finding[] = [];
  for (const order of state.orders.values()) {
    for (const rule of pack.orderRules) {
      const found = rule.check(order, ctx);
      if (found) for (const f of found) later.push(f);
    }
  }
  for (const rule of pack.manifestRules) {
    const found = rule.check(state, ctx);
    if (found) for (const f of found) later.push(f);
  }
  tallyFindings(tally, later);
  for (let i = 0; i < later.length; i += 20_000) {
    const slice = later.slice(i, i + 20_000);
    await withTenant(db, tenantId, (tx) => insertFindings(tx, tenantId, runId, slice, tally.seq + i));
  }
  tally.seq += later.length;

  lap("orders");
  if (process.env.CLEARWAY_SCREEN_PROFILE) console.error(JSON.stringify(Object.fromEntries(Object.entries(timing).map(([k, v]) => [k, Math.round(v)]))));
  const durationMs = Math.round(performance.now() - started);
  const summary = summarise(tally, { lines, orders: state.orders.size, waybills: state.waybillOrders.size, hsSources, catalogueMatched, classifierCalls: suggestions.classified, durationMs });
  const done = progress("done");
  const manifestSha256 = request.source.sha256Read?.() ?? request.source.sha256 ?? null;
  const report = await storeReport(db, request.store, tenantId, runId);
  // One transaction: the run is done exactly when its report is logged; the ledger append comes last (its lock is held until commit).
  const entry = await withTenant(db, tenantId, async (tx) => {
    await finishRun(tx, tenantId, runId, summary, [...tally.fields], done, manifestSha256);
    return logScreeningReport(tx, { tenantId, runId, lane: request.lane, packId: pack.id, date: ctx.date, source: { name: request.source.name, kind: request.source.kind, sha256: manifestSha256, bytes: request.source.bytes ?? null }, rerunOf: request.rerunOf ?? null, summary, report });
  });
  request.onProgress?.(done);
  return { summary, evidence: { seq: entry.seq, reportSha256: report.sha256 } };
}

function summarise(tally: Tally, counts: Pick<ScreenSummary, "lines" | "orders" | "waybills" | "hsSources" | "catalogueMatched" | "classifierCalls" | "durationMs">): ScreenSummary {
  const byCode = [...tally.byCode].map(([code, v]) => ({ code, severity: v.severity, count: v.count }));
  const rank = { block: 0, warn: 1, info: 2 };
  byCode.sort((a, b) => rank[a.severity] - rank[b.severity] || b.count - a.count || a.code.localeCompare(b.code));
  const findings = { total: 0, block: 0, warn: 0, info: 0 };
  for (const c of byCode) {
    findings.total += c.count;
    findings[c.severity] += c.count;
  }
  const blockedOrders = tally.blockedOrders.size;
  return {
    lines: counts.lines,
    orders: counts.orders,
    waybills: counts.waybills,
    blockedOrders,
    readyOrders: counts.orders - blockedOrders,
    findings,
    byCode,
    hsSources: counts.hsSources,
    catalogueMatched: counts.catalogueMatched,
    classifierCalls: counts.classifierCalls,
    durationMs: counts.durationMs,
    linesPerSecond: Math.round(counts.lines / Math.max(counts.durationMs / 1000, 0.001)),
  };
}
