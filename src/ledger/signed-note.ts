// C2SP signed-note (https://c2sp.org/signed-note) with Ed25519 keys, and the C2SP tlog-checkpoint body it carries.
import { createPublicKey, type KeyObject, verify } from "node:crypto";
import { HASH_SIZE, sha256 } from "./merkle.ts";

/** A public key that can verify note signatures: its name, 4-byte key id and raw 32-byte Ed25519 key. */
export type NoteVerifier = { name: string; keyId: Buffer; publicKey: Buffer };

/** A key that can sign notes. */
export type NoteSigner = NoteVerifier & { sign(message: Buffer): Buffer };

/** One signature line of a note. */
export type NoteSignature = { name: string; keyId: Buffer; signature: Buffer };

/** What a checkpoint says: the log's origin, its size and root hash. */
export type CheckpointBody = { origin: string; size: number; root: Buffer };

/** The outcome of opening a signed note. */
export type NoteCheck = { ok: true; text: string; verifiedBy: NoteVerifier[] } | { ok: false; code: "note_malformed" | "key_id_unknown" | "signature_invalid"; reason: string };

/** Signature algorithm byte for Ed25519 in signed-note key ids and verifier keys. */
const ALG_ED25519 = 0x01;
const SIGNATURE_PREFIX = "— ";

/** A key name signed notes accept: non-empty, no spaces and no "+". */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

/** The signed-note key id: the first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key). */
export function noteKeyId(name: string, publicKey: Uint8Array): Buffer {
  return sha256(Buffer.from(`${name}\n`, "utf8"), Buffer.from([ALG_ED25519]), publicKey).subarray(0, 4);
}

/** The verifier key string others pin: name+hex(key id)+base64(0x01 ‖ public key). */
export function verifierKeyString(key: Pick<NoteVerifier, "name" | "publicKey">): string {
  return `${key.name}+${noteKeyId(key.name, key.publicKey).toString("hex")}+${Buffer.concat([Buffer.from([ALG_ED25519]), key.publicKey]).toString("base64")}`;
}

/** Parse a verifier key string (name+keyid+base64 key); throws with the reason when it is malformed. */
export function parseVerifierKey(text: string): NoteVerifier {
  // The base64 key may itself contain "+", so split at the first two only.
  const match = /^([^+]*)\+([^+]*)\+(.*)$/su.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a verifier key (name+keyid+key)`);
  const [, name, hexId, encoded] = match as unknown as [string, string, string, string];
  const raw = Buffer.from(encoded, "base64");
  if (!isValidKeyName(name)) throw new Error(`verifier key name "${name}" is invalid`);
  if (!/^[0-9a-f]{8}$/.test(hexId)) throw new Error(`verifier key id "${hexId}" is not 8 hex digits`);
  if (raw.length !== 33 || raw[0] !== ALG_ED25519) throw new Error("verifier key is not an Ed25519 key");
  const publicKey = raw.subarray(1);
  const keyId = noteKeyId(name, publicKey);
  if (keyId.toString("hex") !== hexId) throw new Error(`verifier key id ${hexId} does not match its key (${keyId.toString("hex")})`);
  return { name, keyId, publicKey };
}

/** Sign note text (which must end in a newline) with one or more keys. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  if (!text.endsWith("\n")) throw new Error("note text must end with a newline");
  if (text.includes("\n\n")) throw new Error("note text must not contain a blank line");
  const message = Buffer.from(text, "utf8");
  const lines = signers.map((signer) => `${SIGNATURE_PREFIX}${signer.name} ${Buffer.concat([signer.keyId, signer.sign(message)]).toString("base64")}\n`);
  return `${text}\n${lines.join("")}`;
}

/** Split a signed note into its text and signature lines; null when it is not a signed note. */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } | null {
  const split = note.lastIndexOf("\n\n");
  if (split < 0 || !note.endsWith("\n")) return null;
  const text = note.slice(0, split + 1);
  const signatures: NoteSignature[] = [];
  for (const line of note.slice(split + 2, -1).split("\n")) {
    const match = /^— (\S+) ([A-Za-z0-9+/]+=*)$/u.exec(line);
    if (!match) return null;
    const raw = Buffer.from(match[2] as string, "base64");
    if (raw.length < 5) return null;
    signatures.push({ name: match[1] as string, keyId: raw.subarray(0, 4), signature: raw.subarray(4) });
  }
  return signatures.length ? { text, signatures } : null;
}

/** Open a signed note: every signature by a known key must verify, and at least one known key must have signed. */
export function openNote(note: string, verifiers: readonly NoteVerifier[]): NoteCheck {
  const parsed = parseNote(note);
  if (!parsed) return { ok: false, code: "note_malformed", reason: "the checkpoint is not a signed note (text, blank line, signature lines)" };
  const message = Buffer.from(parsed.text, "utf8");
  const verifiedBy: NoteVerifier[] = [];
  for (const signature of parsed.signatures) {
    const key = verifiers.find((v) => v.name === signature.name && v.keyId.equals(signature.keyId));
    if (!key) continue;
    if (!signatureMatches(message, key, signature.signature)) {
      return {
        ok: false,
        code: "signature_invalid",
        reason: `checkpoint signature invalid: the signature by ${key.name} (key id ${key.keyId.toString("hex")}) does not match the checkpoint text`,
      };
    }
    verifiedBy.push(key);
  }
  if (!verifiedBy.length) {
    const seen = parsed.signatures.map((s) => `${s.name} ${s.keyId.toString("hex")}`).join(", ");
    return { ok: false, code: "key_id_unknown", reason: `key id unknown: the checkpoint is signed by ${seen}, none of them a trusted key` };
  }
  return { ok: true, text: parsed.text, verifiedBy };
}

/** The C2SP tlog-checkpoint body: origin, decimal size and base64 root, one per line. */
export function formatCheckpoint(body: CheckpointBody): string {
  return `${body.origin}\n${body.size}\n${body.root.toString("base64")}\n`;
}

/** Parse a checkpoint body (extension lines after the root are allowed and ignored); null when malformed. */
export function parseCheckpoint(text: string): CheckpointBody | null {
  const lines = text.split("\n");
  if (lines.length < 4 || lines[lines.length - 1] !== "") return null;
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (!origin || !/^(0|[1-9][0-9]{0,15})$/.test(sizeText)) return null;
  const size = Number(sizeText);
  const root = Buffer.from(rootText, "base64");
  if (!Number.isSafeInteger(size) || root.length !== HASH_SIZE || root.toString("base64") !== rootText) return null;
  return { origin, size, root };
}

/** The key names and ids that signed a note, for finding the public keys to ship with it. */
export function noteSigners(note: string): { name: string; keyId: string }[] {
  return (parseNote(note)?.signatures ?? []).map((s) => ({ name: s.name, keyId: s.keyId.toString("hex") }));
}

/** A node:crypto public key object for a raw 32-byte Ed25519 key. */
export function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
}

function signatureMatches(message: Buffer, key: NoteVerifier, signature: Buffer): boolean {
  try {
    return verify(null, message, publicKeyObject(key.publicKey), signature);
  } catch {
    return false;
  }
}
