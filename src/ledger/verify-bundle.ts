// Offline verification of an evidence bundle: no database, no server, only the bundle, optionally the document and pinned keys.
import { BUNDLE_FORMAT, type EvidenceBundle, recordDocument } from "./evidence-bundle.ts";
import { recordLeafHash } from "./ledger-record.ts";
import { sha256, verifyInclusionProof } from "./merkle.ts";
import { type NoteVerifier, openNote, parseCheckpoint } from "./signed-note.ts";
import { toVerifier } from "./signing-keys.ts";

/** Which check a bundle failed. */
export type BundleFailure =
  | "bundle_malformed"
  | "document_hash_mismatch"
  | "leaf_hash_mismatch"
  | "checkpoint_malformed"
  | "checkpoint_signature_invalid"
  | "key_id_unknown"
  | "origin_mismatch"
  | "tree_size_mismatch"
  | "leaf_index_out_of_range"
  | "inclusion_proof_invalid";

/** The outcome of verifying a bundle: what was proven, or the first check that failed and why. */
export type BundleVerification =
  | {
      valid: true;
      seq: number;
      kind: string;
      subject: { type: string; id: string };
      tenant: string;
      time: string;
      origin: string;
      treeSize: number;
      root: string;
      signedBy: { name: string; keyId: string }[];
      /** Where the keys that verified the checkpoint came from: pinned by the caller, or carried in the bundle itself. */
      keySource: "trusted" | "bundle";
      documentSha256: string | null;
      documentChecked: boolean;
      checks: string[];
    }
  | { valid: false; failure: BundleFailure; reason: string; checks: string[] };

/** Options: the document's bytes to compare with the record, and keys to trust instead of the bundle's own. */
export type VerifyBundleOptions = { documentBytes?: Uint8Array; trustedKeys?: readonly NoteVerifier[] };

/** Verify an evidence bundle offline; says exactly which check failed. */
export function verifyBundle(input: unknown, options: VerifyBundleOptions = {}): BundleVerification {
  const checks: string[] = [];
  const failed = (failure: BundleFailure, reason: string): BundleVerification => ({ valid: false, failure, reason, checks });
  const shape = checkShape(input);
  if (typeof shape === "string") return failed("bundle_malformed", shape);
  const bundle = shape;
  const { record } = bundle.entry;

  const recordSha = documentHashOf(record);
  if (bundle.document && bundle.document.sha256 !== recordSha)
    return failed(
      "document_hash_mismatch",
      `document hash mismatch: the bundle's document block names ${bundle.document.sha256}, but the logged record names ${recordSha ?? "no document"}`,
    );
  if (options.documentBytes) {
    if (!recordSha)
      return failed("document_hash_mismatch", `document hash mismatch: entry #${bundle.entry.seq} (${record.kind}) logs no document, so there is no document hash to compare with`);
    const actual = sha256(options.documentBytes).toString("hex");
    if (actual !== recordSha) return failed("document_hash_mismatch", `document hash mismatch: the document hashes to ${actual}, but the logged record names ${recordSha}`);
    checks.push(`document SHA-256 ${actual} matches the logged record`);
  }

  let leaf: Buffer;
  try {
    leaf = recordLeafHash(record);
  } catch (error) {
    return failed("bundle_malformed", `the record cannot be canonicalised: ${(error as Error).message}`);
  }
  if (leaf.toString("hex") !== bundle.entry.leafHash)
    return failed(
      "leaf_hash_mismatch",
      `leaf hash mismatch: the record hashes to leaf ${leaf.toString("hex")}, but the bundle gives ${bundle.entry.leafHash} (the record was changed)`,
    );
  checks.push(`record hashes to leaf ${leaf.toString("hex")}`);

  const keySource = options.trustedKeys ? "trusted" : "bundle";
  const keys = options.trustedKeys ?? bundle.publicKeys.map(toVerifier);
  const opened = openNote(bundle.checkpoint, keys);
  if (!opened.ok) {
    const failure = opened.code === "note_malformed" ? "checkpoint_malformed" : opened.code === "signature_invalid" ? "checkpoint_signature_invalid" : "key_id_unknown";
    return failed(failure, opened.reason);
  }
  const body = parseCheckpoint(opened.text);
  if (!body) return failed("checkpoint_malformed", "the checkpoint text is not origin, size and base64 root on three lines");
  const signedBy = opened.verifiedBy.map((key) => ({ name: key.name, keyId: key.keyId.toString("hex") }));
  if (!opened.verifiedBy.some((key) => key.name === body.origin))
    return failed("origin_mismatch", `the checkpoint for log ${body.origin} is signed only by ${signedBy.map((s) => s.name).join(", ")}, not by that log's key`);
  checks.push(
    `checkpoint signature by ${signedBy.map((s) => `${s.name} (key id ${s.keyId})`).join(", ")} is valid (${keySource === "trusted" ? "trusted key" : "key carried in the bundle"})`,
  );

  const { leafIndex, treeSize } = bundle.inclusionProof;
  if (treeSize !== body.size)
    return failed("tree_size_mismatch", `tree size mismatch: the inclusion proof is for a tree of ${treeSize} entries, the checkpoint is for ${body.size}`);
  if (leafIndex !== bundle.entry.seq) return failed("bundle_malformed", `the inclusion proof is for leaf ${leafIndex}, but the entry is #${bundle.entry.seq}`);
  if (leafIndex >= treeSize) return failed("leaf_index_out_of_range", `leaf index ${leafIndex} is not below the tree size ${treeSize}`);
  const proof = bundle.inclusionProof.hashes.map((hash) => Buffer.from(hash, "hex"));
  const included = verifyInclusionProof(leafIndex, treeSize, leaf, proof, body.root);
  if (!included.ok) return failed("inclusion_proof_invalid", `inclusion proof does not reach the root: ${included.reason}`);
  checks.push(`inclusion proof for leaf ${leafIndex} reaches the root of the ${treeSize}-entry tree`);

  return {
    valid: true,
    seq: bundle.entry.seq,
    kind: record.kind,
    subject: record.subject,
    tenant: record.tenant,
    time: record.time,
    origin: body.origin,
    treeSize,
    root: body.root.toString("hex"),
    signedBy,
    keySource,
    documentSha256: recordSha,
    documentChecked: Boolean(options.documentBytes),
    checks,
  };
}

function documentHashOf(record: EvidenceBundle["entry"]["record"]): string | null {
  return recordDocument(record)?.sha256 ?? null;
}

const HEX32 = /^[0-9a-f]{64}$/;

/** Check the bundle's structure; returns it typed, or the reason it is not a bundle. */
function checkShape(input: unknown): EvidenceBundle | string {
  if (!isObject(input)) return "not a JSON object";
  if (input.format !== BUNDLE_FORMAT) return `not a Clearway evidence bundle (format is ${JSON.stringify(input.format)}, expected "${BUNDLE_FORMAT}")`;
  const { entry, inclusionProof, checkpoint, publicKeys, document } = input;
  if (!isObject(entry) || !isWholeNumber(entry.seq) || typeof entry.leafHash !== "string" || !HEX32.test(entry.leafHash))
    return "entry must have a seq and a 64-hex-digit leafHash";
  const record = entry.record;
  if (!isObject(record) || typeof record.kind !== "string" || typeof record.tenant !== "string" || typeof record.time !== "string" || !isObject(record.subject))
    return "entry.record must have kind, subject, tenant, time and data";
  if (!isObject(inclusionProof) || !isWholeNumber(inclusionProof.leafIndex) || !isWholeNumber(inclusionProof.treeSize) || !Array.isArray(inclusionProof.hashes))
    return "inclusionProof must have leafIndex, treeSize and hashes";
  if (!inclusionProof.hashes.every((hash) => typeof hash === "string" && HEX32.test(hash))) return "every inclusion proof hash must be 64 hex digits";
  if (typeof checkpoint !== "string") return "checkpoint must be the signed note text";
  if (
    !Array.isArray(publicKeys) ||
    !publicKeys.every((key) => isObject(key) && typeof key.name === "string" && typeof key.publicKey === "string" && Buffer.from(key.publicKey, "base64").length === 32)
  ) {
    return "publicKeys must list keys with a name and a base64 32-byte publicKey";
  }
  if (document !== undefined && (!isObject(document) || typeof document.sha256 !== "string")) return "document must carry a sha256";
  return input as unknown as EvidenceBundle;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
