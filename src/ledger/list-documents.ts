import { AppError } from "../core/errors.ts";
import type { Db, Queryable } from "../db/connection.ts";
import { type ArchivedDocument, type DocumentRow as ArchivedRow, documentFromRow } from "./archive-document.ts";
import type { LedgerSubject } from "./ledger-record.ts";
import { inTenantTransaction } from "./tenant-transaction.ts";

/** An archived document as the archive lists it: its metadata, the entry that logged it, that entry's subject, and when. */
export type ListedDocument = Omit<ArchivedDocument, "duplicate" | "storedPath"> & { subject: LedgerSubject; archivedAt: string };

/** Which of a tenant's archived documents to list: one document type (a lower-case word) or SHA-256, and a page. */
export type DocumentQuery = { tenantId: string; type?: string; sha256?: string; limit?: number; offset?: number };

const DOCUMENT_TYPE_WORD = /^[a-z][a-z0-9_]{0,63}$/;

type DocumentRow = ArchivedRow & { created_at: Date | string; subject_type: string; subject_id: string };

/** A page of the tenant's archived documents, newest first, with the total that match. */
export async function listDocuments(db: Db | Queryable, query: DocumentQuery): Promise<{ total: number; documents: ListedDocument[] }> {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new AppError("BAD_REQUEST", "limit must be a whole number from 1 to 500");
  if (!Number.isInteger(offset) || offset < 0) throw new AppError("BAD_REQUEST", "offset must be a whole number ≥ 0");
  // Not only the upload types: other modules archive their own (a screening run's report, say).
  if (query.type !== undefined && !DOCUMENT_TYPE_WORD.test(query.type)) throw new AppError("BAD_REQUEST", `"${query.type}" is not a document type like invoice or packing_list`);
  const sha256 = query.sha256?.toLowerCase();
  if (sha256 !== undefined && !/^[0-9a-f]{64}$/.test(sha256)) throw new AppError("BAD_REQUEST", `"${query.sha256}" is not a SHA-256 (64 hex digits)`);
  const filter = [query.tenantId, query.type ?? null, sha256 ?? null];
  const where = "d.tenant_id = $1 and ($2::text is null or d.document_type = $2) and ($3::text is null or d.sha256 = $3)";
  return inTenantTransaction(db, query.tenantId, async (q) => {
    const [count] = await q.query<{ total: number | string }>(`select count(*) as total from ledger_documents d where ${where}`, filter);
    const rows = await q.query<DocumentRow>(
      `select d.sha256, d.size, d.media_type, d.original_name, d.document_type, d.seq, d.created_at, e.leaf_hash, e.subject_type, e.subject_id
       from ledger_documents d join ledger_entries e on e.tenant_id = d.tenant_id and e.seq = d.seq
       where ${where} order by d.seq desc limit $4 offset $5`,
      [...filter, limit, offset],
    );
    return { total: Number(count?.total ?? 0), documents: rows.map(toListed) };
  });
}

function toListed(row: DocumentRow): ListedDocument {
  return { ...documentFromRow(row), subject: { type: row.subject_type, id: row.subject_id }, archivedAt: new Date(row.created_at).toISOString() };
}
