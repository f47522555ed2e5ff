import type { LedgerRecord } from "./ledger-record.ts";
import type { LedgerKey } from "./signing-keys.ts";

/** The format tag of evidence bundles this version writes and reads. */
export const BUNDLE_FORMAT = "clearway-evidence-bundle/v1";

/** Document metadata carried by a bundle for an entry that logs a document (document.archived, screening.reported). */
export type BundleDocument = { sha256: string; size: number; mediaType: string; name: string | null; documentType: string };

/**
 * The document a record logs, or null: a document.archived record holds the metadata as its data; any other record
 * that carries a document (a screening report) holds it under data.document.
 */
export function recordDocument(record: Pick<LedgerRecord, "kind" | "data">): BundleDocument | null {
  const data = record.data;
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const meta = record.kind === "document.archived" ? data : data.document;
  if (!meta || typeof meta !== "object" || Array.isArray(meta) || typeof meta.sha256 !== "string") return null;
  return {
    sha256: meta.sha256,
    size: Number(meta.size),
    mediaType: String(meta.mediaType),
    name: typeof meta.name === "string" ? meta.name : null,
    documentType: String(meta.documentType),
  };
}

/** Everything needed to check one ledger entry offline: record, inclusion proof, signed checkpoint and public keys. Hashes are hex. */
export type EvidenceBundle = {
  format: typeof BUNDLE_FORMAT;
  entry: { seq: number; leafHash: string; record: LedgerRecord };
  document?: BundleDocument;
  inclusionProof: { leafIndex: number; treeSize: number; hashes: string[] };
  /** The C2SP signed checkpoint note the proof leads to. */
  checkpoint: string;
  /** The public keys that signed the checkpoint, as the log publishes them. */
  publicKeys: LedgerKey[];
  exportedAt: string;
};
