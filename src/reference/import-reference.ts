import { AppError } from "../core/errors.ts";
import { type ProgressReporter, silentProgress } from "../core/progress.ts";
import type { Db } from "../db/connection.ts";
import { fileSha256 } from "./read-csv.ts";
import { REFERENCE_SOURCES, type ReferenceSource, sourceFiles } from "./sources.ts";

/** What happened to one source in an import run. */
export type ImportOutcome = { source: string; label: string; status: "imported" | "unchanged"; rows: number; durationMs: number };

/** Options for importing reference data. */
export type ImportReferenceOptions = {
  db: Db;
  dataDir: string;
  /** Limit the run to these source keys. */
  only?: string[];
  progress?: ProgressReporter;
  sources?: readonly ReferenceSource[];
};

/** Import every reference source whose files changed since the last import; each source loads in one transaction, so a failure leaves nothing half-imported. */
export async function importReference(options: ImportReferenceOptions): Promise<ImportOutcome[]> {
  const { db, dataDir, progress = silentProgress } = options;
  const sources = (options.sources ?? REFERENCE_SOURCES).filter((s) => !options.only || options.only.includes(s.key));
  if (options.only) {
    const unknown = options.only.filter((key) => !(options.sources ?? REFERENCE_SOURCES).some((s) => s.key === key));
    if (unknown.length) throw new AppError("BAD_REQUEST", `Unknown reference source(s): ${unknown.join(", ")}`);
  }
  const outcomes: ImportOutcome[] = [];
  for (const source of sources) outcomes.push(await importSource(db, dataDir, source, progress));
  return outcomes;
}

async function importSource(db: Db, dataDir: string, source: ReferenceSource, progress: ProgressReporter): Promise<ImportOutcome> {
  const files = sourceFiles(source, dataDir);
  const sha256 = files.map(fileSha256).join(";");
  const [previous] = await db.query<{ sha256: string; rows: number }>("select sha256, rows from reference_imports where source = $1", [source.key]);
  if (previous?.sha256 === sha256) return { source: source.key, label: source.label, status: "unchanged", rows: previous.rows, durationMs: 0 };
  if (previous && source.edition) {
    throw new AppError(
      "REFERENCE_FILE_CHANGED",
      `${source.files.join(", ")} changed since it was imported as edition ${source.edition.code}; import the new file beside it as a new edition with "clearway tariff import-edition FILE --code CODE --effective-from DATE".`,
    );
  }
  progress.start(source.label);
  const started = Date.now();
  const { rows } = await db.transaction(async (tx) => {
    const result = await source.load({ tx, files, sha256, relativeFiles: source.files });
    await tx.query(
      `insert into reference_imports (source, file_name, sha256, rows, edition_id, duration_ms) values ($1, $2, $3, $4, $5, $6)
       on conflict (source) do update set file_name = excluded.file_name, sha256 = excluded.sha256, rows = excluded.rows,
         edition_id = excluded.edition_id, duration_ms = excluded.duration_ms, imported_at = now()`,
      [source.key, source.files.join(" + "), sha256, result.rows, result.editionId ?? null, Date.now() - started],
    );
    return result;
  });
  // Fresh statistics for the planner; PGlite runs no autovacuum.
  await db.exec("analyze");
  const durationMs = Date.now() - started;
  progress.finish(`${rows.toLocaleString("en-US")} rows`);
  return { source: source.key, label: source.label, status: "imported", rows, durationMs };
}

/** True when every reference source has been imported at least once. */
export async function referenceLoaded(db: Db, sources: readonly ReferenceSource[] = REFERENCE_SOURCES): Promise<boolean> {
  const rows = await db.query<{ source: string }>("select source from reference_imports");
  const loaded = new Set(rows.map((r) => r.source));
  return sources.every((s) => loaded.has(s.key));
}
