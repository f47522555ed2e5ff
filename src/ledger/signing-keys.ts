// The log's Ed25519 signing keys live in files under CLEARWAY_HOME/keys/ledger, never in the database:
// whoever can write the database must not also be able to sign checkpoints for it.
import { createPrivateKey, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../core/errors.ts";
import { isValidKeyName, type NoteSigner, type NoteVerifier, noteKeyId, verifierKeyString } from "./signed-note.ts";

/** A signing key as published: never the private half. */
export type LedgerKey = {
  name: string;
  /** 8 hex digits: the signed-note key id. */
  keyId: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  /** The verifier key string (name+keyid+base64) to pin. */
  vkey: string;
  createdAt: string;
  /** Set when the key was rotated out; old checkpoints still verify with it. */
  retiredAt: string | null;
};

/** The keys of one Clearway home: the current signer per log name and every key ever used. */
export type KeyRing = {
  dir: string;
  /** Every key, current and retired, oldest first. */
  keys(): LedgerKey[];
  /** The current signer for a log name, created (mode 0600) on first use. */
  signerFor(name: string): NoteSigner;
  /** Retire the current key for a name and create a new one; returns the new key. */
  rotate(name: string): LedgerKey;
};

const RING_FILE = "ring.json";

/** Where a Clearway home keeps the ledger's signing keys. */
export function ledgerKeysDir(home: string): string {
  return path.join(home, "keys", "ledger");
}

/** Open (without creating anything yet) the key ring in a directory. */
export function openKeyRing(dir: string): KeyRing {
  const signers = new Map<string, NoteSigner>();
  const ring: KeyRing = {
    dir,
    keys: () => readRing(dir),
    signerFor(name) {
      const cached = signers.get(name);
      const current = currentKey(readRing(dir), name);
      if (cached && current && cached.keyId.toString("hex") === current.keyId) return cached;
      const key = current ?? createKey(dir, name);
      const signer = loadSigner(dir, key);
      signers.set(name, signer);
      return signer;
    },
    rotate(name) {
      const retiredAt = new Date().toISOString();
      const keys = readRing(dir).map((key) => (key.name === name && !key.retiredAt ? { ...key, retiredAt } : key));
      writeRing(dir, keys);
      signers.delete(name);
      return createKey(dir, name);
    },
  };
  return ring;
}

/** Turn a published key into a note verifier. */
export function toVerifier(key: Pick<LedgerKey, "name" | "publicKey">): NoteVerifier {
  const publicKey = Buffer.from(key.publicKey, "base64");
  return { name: key.name, publicKey, keyId: noteKeyId(key.name, publicKey) };
}

/** Describe a verifier as a published key (for keys that only exist as verifiers). */
export function describeVerifier(verifier: NoteVerifier, createdAt: string, retiredAt: string | null = null): LedgerKey {
  return {
    name: verifier.name,
    keyId: verifier.keyId.toString("hex"),
    publicKey: verifier.publicKey.toString("base64"),
    vkey: verifierKeyString(verifier),
    createdAt,
    retiredAt,
  };
}

function currentKey(keys: LedgerKey[], name: string): LedgerKey | undefined {
  return keys.filter((key) => key.name === name && !key.retiredAt).at(-1);
}

function createKey(dir: string, name: string): LedgerKey {
  if (!isValidKeyName(name)) throw new AppError("BAD_REQUEST", `"${name}" cannot name a signing key (no spaces or "+")`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x as string, "base64url");
  const key = describeVerifier({ name, publicKey: raw, keyId: noteKeyId(name, raw) }, new Date().toISOString());
  writeFileAtomic(privateKeyFile(dir, key), privateKey.export({ format: "pem", type: "pkcs8" }) as string, 0o600);
  writeRing(dir, [...readRing(dir), key]);
  return key;
}

function loadSigner(dir: string, key: LedgerKey): NoteSigner {
  const file = privateKeyFile(dir, key);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new AppError("INTERNAL", `The ledger signing key ${key.keyId} cannot be read from ${file}: ${(error as Error).message}`);
  }
  const verifier = toVerifier(key);
  const derived = Buffer.from(privateKey.export({ format: "jwk" }).x as string, "base64url");
  if (!derived.equals(verifier.publicKey)) throw new AppError("INTERNAL", `The private key in ${file} does not belong to key ${key.keyId} in ${RING_FILE}`);
  return { ...verifier, sign: (message) => sign(null, message, privateKey) };
}

function privateKeyFile(dir: string, key: Pick<LedgerKey, "keyId">): string {
  return path.join(dir, `ed25519-${key.keyId}.pem`);
}

function readRing(dir: string): LedgerKey[] {
  const file = path.join(dir, RING_FILE);
  if (!fs.existsSync(file)) return [];
  try {
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { keys: LedgerKey[] }).keys;
  } catch (error) {
    throw new AppError("INTERNAL", `The ledger key ring ${file} is unreadable: ${(error as Error).message}`);
  }
}

function writeRing(dir: string, keys: LedgerKey[]): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileAtomic(path.join(dir, RING_FILE), `${JSON.stringify({ keys }, null, 2)}\n`, 0o644);
}

function writeFileAtomic(file: string, content: string, mode: number): void {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(temp, content, { mode, flag: "wx" });
  fs.renameSync(temp, file);
}
