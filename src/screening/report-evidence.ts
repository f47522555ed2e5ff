import type { Db, Queryable } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import { appendDocumentRecord } from "../ledger/append-document-record.ts";
import type { AppendedEntry } from "../ledger/append-records.ts";
import type { DocumentStore, StoredDocument } from "../ledger/document-store.ts";
import { allFindings, findingsCsv } from "./reports.ts";
import type { ScreenSummary } from "./screen-manifest.ts";

/** The document type a screening report is archived under. */
export const SCREENING_REPORT_TYPE = "screening_report";

/**
 * Archive a finished run's findings report in the document store: the run's CSV export, byte for byte (what
 * `clearway screenings export RUN --out F.csv` and GET /api/screenings/{id}/report?format=csv give), streamed a page
 * of findings at a time and hashed as it is written, so a million findings never become one string.
 */
export async function storeReport(db: Db, store: DocumentStore, tenantId: string, runId: string): Promise<StoredDocument> {
  return withTenant(db, tenantId, (tx) => store.putStream(findingsCsv(allFindings(tx, tenantId, runId))));
}

/** What the screening.reported record of a run says. */
export type ReportedRun = {
  tenantId: string;
  runId: string;
  lane: string;
  packId: string;
  date: string;
  source: { name: string; kind: string; sha256: string | null; bytes: number | null };
  rerunOf: string | null;
  summary: ScreenSummary;
  report: StoredDocument;
};

/**
 * Log a finished run in the evidence ledger: one screening.reported record, subject the run, with the manifest's
 * SHA-256, lane, rule pack, counts and the archived report's metadata; joins the caller's (tenant-scoped) transaction.
 */
export async function logScreeningReport(tx: Queryable, run: ReportedRun): Promise<AppendedEntry> {
  const s = run.summary;
  return appendDocumentRecord(tx, {
    tenantId: run.tenantId,
    kind: "screening.reported",
    subject: { type: "screening_run", id: run.runId },
    data: {
      lane: run.lane,
      pack: run.packId,
      date: run.date,
      manifest: run.source,
      rerunOf: run.rerunOf,
      lines: s.lines,
      orders: s.orders,
      waybills: s.waybills,
      blockedOrders: s.blockedOrders,
      readyOrders: s.readyOrders,
      findings: s.findings,
      byCode: s.byCode,
    },
    stored: run.report,
    document: { mediaType: "text/csv", name: `screening-${run.runId}.csv`, documentType: SCREENING_REPORT_TYPE },
  });
}
