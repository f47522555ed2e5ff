import { AppError } from "../core/errors.ts";
import type { Db, Queryable } from "../db/connection.ts";
import { findDocument } from "./archive-document.ts";
import { canonicalJson } from "./canonical-json.ts";
import { BUNDLE_FORMAT, type EvidenceBundle, recordDocument } from "./evidence-bundle.ts";
import { type LedgerRecord, recordLeafHash } from "./ledger-record.ts";
import { readPublicKeys } from "./public-keys.ts";
import { type Checkpoint, latestCheckpoint, publishCheckpoint } from "./publish-checkpoint.ts";
import { readInclusionProof, toBuffer } from "./read-tree.ts";
import { noteSigners } from "./signed-note.ts";
import type { KeyRing } from "./signing-keys.ts";
import { inTenantTransaction } from "./tenant-transaction.ts";

/** Which entry to export: by ledger sequence number or by archived document SHA-256; ring lets it publish a covering checkpoint. */
export type ExportBundleOptions = { tenantId: string; seq?: number; sha256?: string; ring?: KeyRing };

/** Build the evidence bundle of one of a tenant's entries against the newest checkpoint (publishing one if none covers it yet). */
export async function exportBundle(db: Db | Queryable, options: ExportBundleOptions): Promise<EvidenceBundle> {
  return inTenantTransaction(db, options.tenantId, (tx) => exportInTransaction(tx, options));
}

async function exportInTransaction(db: Queryable, options: ExportBundleOptions): Promise<EvidenceBundle> {
  const seq = await resolveSeq(db, options);
  const [row] = await db.query<{ leaf_hash: Uint8Array; record: LedgerRecord }>("select leaf_hash, record from ledger_entries where tenant_id = $1 and seq = $2", [
    options.tenantId,
    seq,
  ]);
  if (!row) throw new AppError("NOT_FOUND", `No ledger entry #${seq} for this tenant`);
  const leafHash = toBuffer(row.leaf_hash);
  if (!recordLeafHash(row.record).equals(leafHash)) throw new AppError("INTERNAL", `Ledger entry #${seq} no longer matches its leaf hash: the stored record was altered`);
  const checkpoint = await coveringCheckpoint(db, seq, options.ring);
  const proof = await readInclusionProof(db, seq, checkpoint.size);
  const signers = noteSigners(checkpoint.note);
  const publicKeys = (await readPublicKeys(db)).filter((key) => signers.some((s) => s.name === key.name && s.keyId === key.keyId));
  // jsonb hands keys back in its own order; the canonical order is the one the leaf commits to, and reads better.
  const record = JSON.parse(canonicalJson(row.record)) as LedgerRecord;
  const document = recordDocument(record);
  return {
    format: BUNDLE_FORMAT,
    entry: { seq, leafHash: leafHash.toString("hex"), record },
    ...(document ? { document } : {}),
    inclusionProof: { leafIndex: seq, treeSize: checkpoint.size, hashes: proof.map((hash) => hash.toString("hex")) },
    checkpoint: checkpoint.note,
    publicKeys,
    exportedAt: new Date().toISOString(),
  };
}

async function resolveSeq(q: Queryable, options: ExportBundleOptions): Promise<number> {
  if ((options.seq === undefined) === (options.sha256 === undefined))
    throw new AppError("BAD_REQUEST", "Name the entry by its sequence number or by a document SHA-256 (one of the two)");
  if (options.sha256 !== undefined) {
    const sha256 = options.sha256.toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError("BAD_REQUEST", `"${options.sha256}" is not a SHA-256 (64 hex digits)`);
    const document = await findDocument(q, options.tenantId, sha256);
    if (!document) throw new AppError("NOT_FOUND", `No archived document with SHA-256 ${sha256} for this tenant`);
    return document.seq;
  }
  const seq = options.seq as number;
  if (!Number.isSafeInteger(seq) || seq < 0) throw new AppError("BAD_REQUEST", `"${seq}" is not a ledger sequence number (a whole number ≥ 0)`);
  return seq;
}

async function coveringCheckpoint(db: Queryable, seq: number, ring: KeyRing | undefined): Promise<Checkpoint> {
  const latest = await latestCheckpoint(db);
  if (latest && latest.size > seq) return latest;
  if (!ring) throw new AppError("CONFLICT", `Ledger entry #${seq} is not yet covered by a signed checkpoint; publish one (clearway ledger checkpoint) and export again`);
  return (await publishCheckpoint(db, ring)).checkpoint;
}
