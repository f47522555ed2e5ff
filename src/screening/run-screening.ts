import fs from "node:fs";
import path from "node:path";
import { AppError } from "../core/errors.ts";
import { newId } from "../core/ids.ts";
import type { Db } from "../db/connection.ts";
import { asSystem, withTenant } from "../db/tenant-scope.ts";
import type { DocumentStore } from "../ledger/document-store.ts";
import type { Lane, SourceKind } from "./manifest.ts";
import { type ColumnMapping, openManifestFile } from "./read-manifest.ts";
import { getRun, storedBlock, storedLines, storedRunPlan } from "./reports.ts";
import { openScreenWorker } from "./screen-in-worker.ts";
import type { OpenedSource } from "./screen-worker.ts";
import { readAhead, screenManifest, type ScreenResult } from "./screen-manifest.ts";
import { createRun, type RunProgress } from "./store-run.ts";
import { packFor } from "./packs.ts";
import { cebFields } from "./read-ceb-xml.ts";

/** Options shared by every way of starting a screening. */
export type ScreenOptions = {
  tenantId: string;
  /** Where each run's report is archived: the evidence document store. */
  store: DocumentStore;
  /** The lane; a CEB603/CEB621 file implies its own and may leave it out. */
  lane?: Lane;
  date?: string;
  packVersion?: string;
  mapping?: ColumnMapping;
  createdBy?: string | null;
  onProgress?: (progress: RunProgress) => void;
  runId?: string;
  keepFailedRun?: boolean;
  /** Screen in a worker thread (default: for files over WORKER_MIN_BYTES and re-runs of over WORKER_MIN_LINES lines). */
  worker?: boolean;
};

/** Sources at least this large are screened in a worker thread; below it, starting one (~0.3 s) costs more than it saves. */
export const WORKER_MIN_BYTES = 4 * 1024 ** 2;
/** Re-runs of at least this many lines are screened in a worker thread. */
export const WORKER_MIN_LINES = 20_000;

/** The lane to screen with: the one asked for, checked against what the source implies. */
export function chooseLane(asked: Lane | undefined, implied: Lane | undefined, kind: SourceKind, fileName: string): Lane {
  if (asked && implied && asked !== implied && (kind === "ceb603" || kind === "ceb621")) {
    throw new AppError("BAD_REQUEST", `${fileName} is a ${kind.toUpperCase()} ${implied === "cn-export" ? "export" : "import"} inventory; screen it with lane ${implied}, not ${asked}.`);
  }
  const lane = asked ?? implied;
  if (!lane) throw new AppError("BAD_REQUEST", "Say which lane to screen for: cn-export, cn-import, us-import or eu-import.");
  return lane;
}

/** Screen a manifest file (CSV, XLSX, JSON, CEB603/CEB621 XML). */
export async function screenFile(db: Db, file: string, fileName: string, options: ScreenOptions): Promise<ScreenResult> {
  const mapping = options.mapping ?? {};
  const request = {
    tenantId: options.tenantId,
    date: options.date,
    packVersion: options.packVersion,
    mapping: Object.keys(mapping).length ? mapping : null,
    createdBy: options.createdBy ?? null,
    onProgress: options.onProgress,
    runId: options.runId,
    keepFailedRun: options.keepFailedRun,
    store: options.store,
  };
  if (options.worker ?? fs.statSync(file).size >= WORKER_MIN_BYTES) {
    const catalogue = options.lane ? readAhead(db, options.tenantId, options.lane, options.date, options.packVersion) : undefined;
    const worker = await openScreenWorker({ kind: "file", file, fileName, mapping });
    try {
      const source = worker.source as OpenedSource;
      const lane = chooseLane(options.lane, source.lane, source.kind, fileName);
      return await screenManifest(db, { ...request, lane, catalogue, source: { kind: source.kind, name: fileName, bytes: source.totalBytes, worker, fields: source.fields, carries: source.carries } });
    } finally {
      await worker.close();
    }
  }
  const source = await openManifestFile(file, fileName, mapping);
  const lane = chooseLane(options.lane, source.lane, source.kind, fileName);
  return screenManifest(db, { ...request, lane, source: { kind: source.kind, name: fileName, bytes: source.totalBytes, bytesRead: source.bytesRead, sha256Read: source.sha256, lines: source.lines, parts: source.parts, fields: source.fields, carries: source.carries } });
}

/** Screen a stored run again: its lines with the edits made since, against today's catalogue and the pack in force. */
export async function rerunScreening(db: Db, runId: string, options: ScreenOptions): Promise<ScreenResult> {
  const { tenantId } = options;
  const original = await withTenant(db, tenantId, (tx) => getRun(tx, tenantId, runId));
  if (original.status !== "done") throw new AppError("CONFLICT", `Run ${runId} is ${original.status}; only a finished run can be screened again.`);
  const kind = original.sourceKind as SourceKind;
  const request = {
    tenantId,
    lane: (options.lane ?? original.lane) as Lane,
    date: options.date,
    packVersion: options.packVersion,
    rerunOf: runId,
    createdBy: options.createdBy ?? null,
    onProgress: options.onProgress,
    runId: options.runId,
    keepFailedRun: options.keepFailedRun,
    store: options.store,
  };
  const source = { kind, name: original.sourceName, sha256: null, bytes: null, fields: original.fields, carries: kind.startsWith("ceb") ? cebFields(kind as "ceb603" | "ceb621") : undefined };
  if (options.worker ?? (original.summary?.lines ?? 0) >= WORKER_MIN_LINES) {
    const catalogue = readAhead(db, tenantId, request.lane, options.date, options.packVersion);
    const { edits, blocks } = await storedRunPlan(db, tenantId, runId);
    const worker = await openScreenWorker({ kind: "stored", edits: [...edits], blocks }, (blockNo) => storedBlock(db, tenantId, runId, blockNo));
    try {
      return await screenManifest(db, { ...request, catalogue, source: { ...source, worker } });
    } finally {
      await worker.close();
    }
  }
  return screenManifest(db, { ...request, source: { ...source, lines: storedLines(db, tenantId, runId) } });
}

/** Screenings running in the background in this process, by run id. */
const jobs = new Map<string, Promise<ScreenResult | null>>();

/** Start a screening as a background job: the run record exists (status running) when this returns; progress is written to it as the job goes. */
export async function startScreeningJob(db: Db, options: ScreenOptions & { lane: Lane; sourceKind: SourceKind; sourceName: string; sourceBytes: number | null; rerunOf?: string | null }, work: (runId: string) => Promise<ScreenResult>, cleanup?: () => void): Promise<string> {
  const runId = options.runId ?? newId("scr");
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const pack = packFor(options.lane, date, options.packVersion);
  await createRun(db, { id: runId, tenantId: options.tenantId, lane: options.lane, packId: pack.id, date, sourceKind: options.sourceKind, sourceName: options.sourceName, sourceSha256: null, sourceBytes: options.sourceBytes, mapping: options.mapping && Object.keys(options.mapping).length ? options.mapping : null, rerunOf: options.rerunOf ?? null, createdBy: options.createdBy ?? null });
  const job = work(runId)
    .catch(() => null)
    .finally(() => {
      jobs.delete(runId);
      cleanup?.();
    });
  jobs.set(runId, job);
  return runId;
}

/** Wait for a background screening of this process to end (tests and shutdown use it). */
export async function waitForJob(runId: string): Promise<void> {
  await jobs.get(runId);
}

/** Mark runs left running by an earlier process (stopped mid-run) as failed, and drop their partial lines and findings. */
export async function failInterruptedRuns(db: Db): Promise<number> {
  return asSystem(db, async (tx) => {
    const stale = await tx.query<{ tenantId: string; id: string }>(`select tenant_id as "tenantId", id from screening_runs where status = 'running'`);
    const orphans = stale.filter((r) => !jobs.has(r.id));
    for (const run of orphans) {
      await tx.query("delete from screening_findings where tenant_id = $1 and run_id = $2", [run.tenantId, run.id]);
      // Orders are looked up by order number, not run; a run that stored no block stored no orders, so skip the scan.
      await tx.query("delete from screening_run_orders where tenant_id = $1 and run_id = $2 and exists (select 1 from screening_line_blocks b where b.tenant_id = $1 and b.run_id = $2)", [run.tenantId, run.id]);
      await tx.query("delete from screening_line_blocks where tenant_id = $1 and run_id = $2", [run.tenantId, run.id]);
      await tx.query("update screening_runs set status = 'failed', error = 'Interrupted: the server stopped before the run finished; upload the file again.', finished_at = now() where tenant_id = $1 and id = $2", [run.tenantId, run.id]);
    }
    return orphans.length;
  });
}

/** Write an upload stream to a file under the uploads folder, refusing more than maxBytes; the file is removed on failure. */
export async function saveUpload(stream: AsyncIterable<Buffer>, file: string, maxBytes: number): Promise<number> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = fs.createWriteStream(file);
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw new AppError("IMPORT_TOO_LARGE", `The upload is over ${Math.round(maxBytes / 1024 ** 2)} MB; split the manifest.`);
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return bytes;
  } catch (error) {
    out.destroy();
    fs.rmSync(file, { force: true });
    throw error;
  }
}
