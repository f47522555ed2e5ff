import type { Queryable } from "../db/connection.ts";
import { appendDocumentRecord } from "../ledger/append-document-record.ts";
import { type AppendedEntry, appendRecord } from "../ledger/append-records.ts";
import type { StoredDocument } from "../ledger/document-store.ts";

/** The ledger kind of a catalogue import's evidence record. */
export const CATALOG_IMPORTED = "catalog.imported";

/** The ledger subject type of an import (the audit trail's target type for it too). */
export const IMPORT_SUBJECT = "import";

/** The document type the imported file is archived under. */
export const CATALOG_IMPORT_DOCUMENT = "catalog_import";

/** What the catalog.imported record of an import says. */
export type ImportEvidence = {
  tenantId: string;
  importId: string;
  file: { name: string; kind: "csv" | "xlsx"; encoding: string; sha256: string; bytes: number };
  /** Field key → the column header it was read from. */
  mapping: Record<string, string>;
  market: "us" | "cn";
  /** The editions the codes were checked against, by schedule (hs, us_hts). */
  editions: Record<string, string | null>;
  validOnly: boolean;
  counts: { rows: number; valid: number; skipped: number; created: number; updated: number; unchanged: number };
  /** Classification decisions the import recorded, by market. */
  classifications: Record<string, number>;
  importedBy: string;
  /** The imported file as archived in the document store, when the caller has one. */
  stored: StoredDocument | null;
};

const MEDIA_TYPES = { csv: "text/csv", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

/**
 * Log an import in the evidence ledger: one catalog.imported record, subject import:<id>, carrying the file's SHA-256
 * (and the archived file, when stored), counts, market, editions and actor. The classifications it wrote name the
 * import (import_id), which is how a product's timeline reaches this record. Joins the caller's tenant transaction.
 */
export async function logCatalogImport(tx: Queryable, evidence: ImportEvidence): Promise<AppendedEntry> {
  const total = Object.values(evidence.classifications).reduce((sum, n) => sum + n, 0);
  const data = {
    file: evidence.file,
    mapping: evidence.mapping,
    market: evidence.market,
    editions: evidence.editions,
    validOnly: evidence.validOnly,
    ...evidence.counts,
    classifications: { total, byMarket: evidence.classifications },
    importedBy: evidence.importedBy,
  };
  const subject = { type: IMPORT_SUBJECT, id: evidence.importId };
  if (!evidence.stored) return appendRecord(tx, { tenantId: evidence.tenantId, kind: CATALOG_IMPORTED, subject, data });
  return appendDocumentRecord(tx, {
    tenantId: evidence.tenantId,
    kind: CATALOG_IMPORTED,
    subject,
    data,
    stored: evidence.stored,
    document: { mediaType: MEDIA_TYPES[evidence.file.kind], name: evidence.file.name, documentType: CATALOG_IMPORT_DOCUMENT },
  });
}
