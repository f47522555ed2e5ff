import { verifyConsistencyProof } from "./merkle.ts";
import { type CheckpointBody, type NoteVerifier, openNote, parseCheckpoint } from "./signed-note.ts";

/** The outcome of checking that a newer checkpoint extends an older one. */
export type ConsistencyVerification =
  | { valid: true; origin: string; from: { size: number; root: string }; to: { size: number; root: string } }
  | { valid: false; failure: "checkpoint_invalid" | "origin_mismatch" | "log_shrank" | "consistency_proof_invalid"; reason: string };

/** Check offline that newCheckpoint's tree extends oldCheckpoint's (append-only), both signed by one of keys. */
export function verifyConsistency(oldCheckpoint: string, newCheckpoint: string, proof: readonly (string | Uint8Array)[], keys: readonly NoteVerifier[]): ConsistencyVerification {
  const older = openCheckpoint("old", oldCheckpoint, keys);
  if (typeof older === "string") return { valid: false, failure: "checkpoint_invalid", reason: older };
  const newer = openCheckpoint("new", newCheckpoint, keys);
  if (typeof newer === "string") return { valid: false, failure: "checkpoint_invalid", reason: newer };
  if (older.origin !== newer.origin) return { valid: false, failure: "origin_mismatch", reason: `the checkpoints are of different logs (${older.origin} and ${newer.origin})` };
  if (older.size > newer.size) return { valid: false, failure: "log_shrank", reason: `the new checkpoint (size ${newer.size}) is smaller than the old one (size ${older.size})` };
  const hashes = proof.map((hash) => (typeof hash === "string" ? Buffer.from(hash, /^[0-9a-f]*$/i.test(hash) ? "hex" : "base64") : hash));
  const check = verifyConsistencyProof(older.size, newer.size, older.root, newer.root, hashes);
  if (!check.ok)
    return { valid: false, failure: "consistency_proof_invalid", reason: `the log at size ${newer.size} does not extend the log at size ${older.size}: ${check.reason}` };
  return { valid: true, origin: older.origin, from: { size: older.size, root: older.root.toString("hex") }, to: { size: newer.size, root: newer.root.toString("hex") } };
}

function openCheckpoint(which: string, note: string, keys: readonly NoteVerifier[]): CheckpointBody | string {
  const opened = openNote(note, keys);
  if (!opened.ok) return `${which} checkpoint: ${opened.reason}`;
  const body = parseCheckpoint(opened.text);
  if (!body) return `${which} checkpoint: the text is not origin, size and base64 root on three lines`;
  if (!opened.verifiedBy.some((key) => key.name === body.origin)) return `${which} checkpoint: not signed by the key of its log ${body.origin}`;
  return body;
}
