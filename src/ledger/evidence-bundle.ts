import type { LedgerRecord } from "./ledger-record.ts";
import type { LedgerKey } from "./signing-keys.ts";

/** The format tag of evidence bundles this version writes and reads. */
export const BUNDLE_FORMAT = "clearway-evidence-bundle/v1";

/** Document metadata carried by a bundle for a document.archived entry. */
export type BundleDocument = { sha256: string; size: number; mediaType: string; name: string | null; documentType: string };

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
