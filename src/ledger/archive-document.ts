import path from "node:path";
import { AppError } from "../core/errors.ts";
import type { Db, Queryable } from "../db/connection.ts";
import { recordAudit } from "../tenancy/audit.ts";
import type { Principal, RequestOrigin } from "../tenancy/principal.ts";
import { appendRecords } from "./append-records.ts";
import { type DocumentStore, documentPath } from "./document-store.ts";
import { DOCUMENT_TYPES, isDocumentType } from "./document-types.ts";
import type { LedgerSubject } from "./ledger-record.ts";
import { readLogState, toBuffer } from "./read-tree.ts";
import { inTenantTransaction } from "./tenant-transaction.ts";

export { DOCUMENT_TYPES, type DocumentType } from "./document-types.ts";

/** What to archive: the bytes and what they are. */
export type ArchiveInput = {
  tenantId: string;
  bytes: Uint8Array;
  documentType?: string;
  /** The original file name, kept as metadata. */
  name?: string;
  mediaType?: string;
  /** What the document belongs to (an order, a declaration…); default the document itself. */
  subject?: LedgerSubject;
  /** Who archives it, to write the tenant's audit trail in the same transaction. */
  audit?: { principal: Principal; origin?: RequestOrigin };
};

/** An archived document's metadata and the ledger entry that logged it. */
export type ArchivedDocument = {
  sha256: string;
  size: number;
  mediaType: string;
  name: string | null;
  documentType: string;
  seq: number;
  leafHash: string;
  storedPath: string;
  /** True when this tenant had already archived the same bytes (nothing new was logged). */
  duplicate: boolean;
};

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** Store a document once (content-addressed) and log a document.archived record for it, unless this tenant already did. */
export async function archiveDocument(db: Db, store: DocumentStore, input: ArchiveInput): Promise<ArchivedDocument> {
  const documentType = input.documentType ?? "other";
  if (!isDocumentType(documentType))
    throw new AppError("BAD_REQUEST", `Unknown document type "${documentType}"; use one of ${DOCUMENT_TYPES.join(", ")}`);
  const name = input.name ? path.basename(input.name) : null;
  if (name !== null && (name.length > 255 || /[\u0000-\u001f\u007f]/u.test(name)))
    throw new AppError("BAD_REQUEST", "The document name must be at most 255 characters without control characters");
  const mediaType = (input.mediaType ?? guessMediaType(name, input.bytes)).toLowerCase().split(";")[0]?.trim() ?? "";
  if (!MEDIA_TYPE.test(mediaType)) throw new AppError("BAD_REQUEST", `"${input.mediaType}" is not a media type like application/pdf`);
  const stored = await store.put(input.bytes);
  return inTenantTransaction(db, input.tenantId, async (tx) => {
    // Take the sequencer lock first, so two uploads of the same bytes cannot both log them.
    await readLogState(tx, { lockForAppend: true });
    const existing = await findDocument(tx, input.tenantId, stored.sha256);
    if (existing) return { ...existing, duplicate: true };
    const data = { sha256: stored.sha256, size: stored.size, mediaType, name, documentType };
    const [entry] = await appendRecords(tx, [{ tenantId: input.tenantId, kind: "document.archived", subject: input.subject ?? { type: "document", id: stored.sha256 }, data }]);
    if (!entry) throw new AppError("INTERNAL", "The ledger did not log the document");
    const storedPath = path.join("documents", documentPath(stored.sha256));
    await tx.query("insert into ledger_documents (tenant_id, sha256, size, media_type, original_name, document_type, stored_path, seq) values ($1, $2, $3, $4, $5, $6, $7, $8)", [
      input.tenantId,
      stored.sha256,
      stored.size,
      mediaType,
      name,
      documentType,
      storedPath,
      entry.seq,
    ]);
    if (input.audit) {
      await recordAudit(
        tx,
        input.audit.principal,
        { action: "document.archive", targetType: "document", targetId: stored.sha256, after: { ...data, seq: entry.seq } },
        input.audit.origin,
      );
    }
    return { sha256: stored.sha256, size: stored.size, mediaType, name, documentType, seq: entry.seq, leafHash: entry.leafHash, storedPath, duplicate: false };
  });
}

/** A ledger_documents row joined with its entry's leaf hash, as the archive's queries select it. */
export type DocumentRow = { sha256: string; size: number; media_type: string; original_name: string | null; document_type: string; seq: number; leaf_hash: Uint8Array };

/** The document metadata of a row, the same shape wherever the archive reads one. */
export function documentFromRow(row: DocumentRow): Omit<ArchivedDocument, "duplicate" | "storedPath"> {
  return {
    sha256: row.sha256,
    size: Number(row.size),
    mediaType: row.media_type,
    name: row.original_name,
    documentType: row.document_type,
    seq: Number(row.seq),
    leafHash: toBuffer(row.leaf_hash).toString("hex"),
  };
}

/** A tenant's archived document by SHA-256, or null. */
export async function findDocument(db: Db | Queryable, tenantId: string, sha256: string): Promise<Omit<ArchivedDocument, "duplicate"> | null> {
  const [row] = await inTenantTransaction(db, tenantId, (q) =>
    q.query<DocumentRow & { stored_path: string }>(
      `select d.sha256, d.size, d.media_type, d.original_name, d.document_type, d.seq, d.stored_path, e.leaf_hash
     from ledger_documents d join ledger_entries e on e.tenant_id = d.tenant_id and e.seq = d.seq
     where d.tenant_id = $1 and d.sha256 = $2`,
      [tenantId, sha256],
    ),
  );
  if (!row) return null;
  return { ...documentFromRow(row), storedPath: row.stored_path };
}

/** A media type from the first bytes or, failing that, the file extension. */
export function guessMediaType(name: string | null, bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  if (head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  const byExtension: Record<string, string> = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".xml": "application/xml",
    ".json": "application/json",
    ".csv": "text/csv",
    ".txt": "text/plain",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };
  return byExtension[path.extname(name ?? "").toLowerCase()] ?? "application/octet-stream";
}
