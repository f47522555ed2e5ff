import path from "node:path";
import type { Queryable } from "../db/connection.ts";
import { type AppendedEntry, appendRecord } from "./append-records.ts";
import { documentPath, type StoredDocument } from "./document-store.ts";
import type { BundleDocument } from "./evidence-bundle.ts";
import type { LedgerSubject } from "./ledger-record.ts";

/** A record that carries a document the caller has already put in the document store (a screening report, say). */
export type DocumentRecordInput = {
  tenantId: string;
  kind: string;
  subject: LedgerSubject;
  data: Record<string, unknown>;
  stored: StoredDocument;
  document: Omit<BundleDocument, "sha256" | "size">;
};

/**
 * Append a record that logs a stored document under data.document, and register the document for the tenant (so it
 * can be downloaded and its bundle found by SHA-256) unless the tenant already has the same bytes; joins the caller's
 * transaction, which must be scoped to the tenant.
 */
export async function appendDocumentRecord(tx: Queryable, input: DocumentRecordInput): Promise<AppendedEntry> {
  const document: BundleDocument = { sha256: input.stored.sha256, size: input.stored.size, ...input.document };
  const entry = await appendRecord(tx, { tenantId: input.tenantId, kind: input.kind, subject: input.subject, data: { ...input.data, document } });
  await tx.query(
    `insert into ledger_documents (tenant_id, sha256, size, media_type, original_name, document_type, stored_path, seq)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (tenant_id, sha256) do nothing`,
    [input.tenantId, document.sha256, document.size, document.mediaType, document.name, document.documentType, path.join("documents", documentPath(document.sha256)), entry.seq],
  );
  return entry;
}
