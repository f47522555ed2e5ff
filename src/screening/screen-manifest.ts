import { AppError, errorMessage } from "../core/errors.ts";
import { newId } from "../core/ids.ts";
import type { Db } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import type { DocumentStore } from "../ledger/document-store.ts";
import { loadReferences } from "./load-references.ts";
import { databaseLookups, readCatalogue, SuggestionLookup } from "./lookup-catalogue.ts";
import { FIELD_KEYS, type Lane, type SourceKind, type SourceLine } from "./manifest.ts";
import { packFor, type RulePack } from "./packs.ts";
import { iterate } from "./read-manifest.ts";
import { logScreeningReport, storeReport } from "./report-evidence.ts";
import type { ProductSnapshot, RuleContext, ScreenLine, Severity } from "./rules/types.ts";
import type { ScreenWorker } from "./screen-in-worker.ts";
import { type ChunkSink, LineScreener, type Lookups, onePerPart, type ScreenChunk, type ScreenOutcome, type ScreenSetup, type ScreenTotals, screenSource } from "./screen-lines.ts";
import { abandonRun, createRun, finishRun, type RunProgress, writeChunk } from "./store-run.ts";

/** What to screen and how. */
export type ScreenRequest = {
  tenantId: string;
  lane: Lane;
  /** The day the rules are taken as of (YYYY-MM-DD); today when absent. */
  date?: string;
  packVersion?: string;
  source: {
    kind: SourceKind;
    name: string;
    sha256?: string | null;
    bytes?: number | null;
    lines?: AsyncIterable<SourceLine>;
    /** The same lines a part at a time, when the reader has them so (then `lines` is not read; see ManifestSource.parts). */
    parts?: AsyncIterable<Iterable<SourceLine>>;
    /** A worker thread opened on the source instead of lines (large files, re-runs): it reads and screens, this thread writes. */
    worker?: ScreenWorker;
    bytesRead?: () => number;
    /** The file's SHA-256 once read to the end. */
    sha256Read?: () => string | null;
    /** The canonical fields the source can fill (default: all). */
    fields?: readonly string[];
    /** A fixed format's only fields (CEB). */
    carries?: readonly string[];
  };
  mapping?: Record<string, string> | null;
  rerunOf?: string | null;
  createdBy?: string | null;
  /** Use this run id (a background job hands it out before the work starts). */
  runId?: string;
  /** Keep a failed run's record (with its error) instead of removing every trace. */
  keepFailedRun?: boolean;
  /** Look up products and classifier suggestions (default true). */
  enrich?: boolean;
  /** The lane market's catalogue, read ahead for a run in a worker (see readAhead). */
  catalogue?: Promise<[string, ProductSnapshot][] | null>;
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

/** Catalogues up to this many products are handed whole to a screening worker; larger ones are read by SKU as lines need them. */
const CATALOGUE_UP_FRONT = 100_000;

/** Start reading what a run in a worker needs from the database (the lane's references, the catalogue), to overlap the worker's start. */
export function readAhead(db: Db, tenantId: string, lane: Lane, date?: string, packVersion?: string): Promise<[string, ProductSnapshot][] | null> | undefined {
  const day = date ?? new Date().toISOString().slice(0, 10);
  let pack: RulePack;
  try {
    pack = packFor(lane, day, packVersion);
  } catch {
    return undefined;
  }
  const catalogue = loadReferences(db, pack.schedule, day).then(() => withTenant(db, tenantId, (tx) => readCatalogue(tx, tenantId, pack.market, CATALOGUE_UP_FRONT)));
  catalogue.catch(() => {});
  return catalogue;
}

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

async function runRules(db: Db, request: ScreenRequest, pack: RulePack, ctx: RuleContext, runId: string): Promise<{ summary: ScreenSummary; evidence: RunEvidence }> {
  const started = performance.now();
  const { tenantId, source } = request;
  const suggestions = new SuggestionLookup(db, tenantId, pack.market);
  const lookups = databaseLookups(db, tenantId, pack.market, suggestions);
  const enrich = request.enrich ?? true;
  // A worker gets the catalogue up front, so that it never waits on this thread (busy writing) to look up a SKU.
  const catalogue = source.worker && enrich ? await (request.catalogue ?? withTenant(db, tenantId, (tx) => readCatalogue(tx, tenantId, pack.market, CATALOGUE_UP_FRONT))) : null;
  const setup: ScreenSetup = { tenantId, runId, lane: request.lane, date: ctx.date, packId: pack.id, sourceKind: source.kind, fields: ctx.fields, required: ctx.required, refs: ctx.refs, enrich, catalogue: catalogue ?? undefined };
  const totalBytes = source.bytes ?? 0;
  const progress = (lines: number, bytes: number, phase: RunProgress["phase"]): RunProgress => ({ lines, bytes, totalBytes, phase });
  const write = async (chunk: ScreenChunk) => {
    const p = progress(chunk.lines, chunk.bytes, chunk.phase);
    await writeChunk(db, tenantId, runId, chunk, p);
    request.onProgress?.(p);
  };
  const onOrders = (lines: number, bytes: number) => request.onProgress?.(progress(lines, bytes, "orders"));
  const outcome = source.worker
    ? await source.worker.screen(setup, lookups, write, onOrders)
    : await screenHere(setup, lookups, source.parts ?? onePerPart(source.lines ?? iterate([])), source.bytesRead ?? (() => 0), write, onOrders);
  const { lines } = outcome.totals;
  if (!lines) throw new AppError("IMPORT_UNREADABLE", `${source.name} has no manifest lines.`);

  const durationMs = Math.round(performance.now() - started);
  const summary = summarise(outcome.totals, suggestions.classified, durationMs);
  const done = progress(lines, outcome.bytes, "done");
  const manifestSha256 = outcome.sha256 ?? source.sha256Read?.() ?? source.sha256 ?? null;
  const report = await storeReport(db, request.store, tenantId, runId);
  // One transaction: the run is done exactly when its report is logged; the ledger append comes last (its lock is held until commit).
  const entry = await withTenant(db, tenantId, async (tx) => {
    await finishRun(tx, tenantId, runId, summary, outcome.totals.fields, done, manifestSha256);
    return logScreeningReport(tx, { tenantId, runId, lane: request.lane, packId: pack.id, date: ctx.date, source: { name: source.name, kind: source.kind, sha256: manifestSha256, bytes: source.bytes ?? null }, rerunOf: request.rerunOf ?? null, summary, report });
  });
  request.onProgress?.(done);
  return { summary, evidence: { seq: entry.seq, reportSha256: report.sha256 } };
}

/** Screen on this thread (small sources): a block is written while the next is screened; one write in flight at a time. */
async function screenHere(setup: ScreenSetup, lookups: Lookups, parts: AsyncIterable<Iterable<SourceLine>>, bytesRead: () => number, write: (chunk: ScreenChunk) => Promise<void>, onOrders: (lines: number, bytes: number) => void): Promise<ScreenOutcome> {
  let writing: Promise<void> = Promise.resolve();
  const sink: ChunkSink = {
    bytesRead,
    async emit(chunk) {
      await writing;
      writing = chunk.then(write);
      writing.catch(() => {});
    },
  };
  try {
    const totals = await screenSource(new LineScreener(setup, lookups, sink), parts, (lines) => onOrders(lines, bytesRead()));
    await writing;
    return { totals, bytes: bytesRead(), sha256: null };
  } catch (error) {
    // Let a write in flight end before the run is abandoned, or it could land after the clean-up.
    await writing.catch(() => {});
    throw error;
  }
}

function summarise(counts: ScreenTotals, classifierCalls: number, durationMs: number): ScreenSummary {
  const byCode = [...counts.byCode];
  const rank = { block: 0, warn: 1, info: 2 };
  byCode.sort((a, b) => rank[a.severity] - rank[b.severity] || b.count - a.count || a.code.localeCompare(b.code));
  const findings = { total: 0, block: 0, warn: 0, info: 0 };
  for (const c of byCode) {
    findings.total += c.count;
    findings[c.severity] += c.count;
  }
  const { blockedOrders } = counts;
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
    classifierCalls,
    durationMs,
    linesPerSecond: Math.round(counts.lines / Math.max(durationMs / 1000, 0.001)),
  };
}
