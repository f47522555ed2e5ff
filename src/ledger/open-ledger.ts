import type { Db, Queryable } from "../db/connection.ts";
import { type DocumentStore, documentsDir, fileDocumentStore } from "./document-store.ts";
import { savePublicKeys } from "./public-keys.ts";
import { readLogState } from "./read-tree.ts";
import { type KeyRing, type LedgerKey, ledgerKeysDir, openKeyRing } from "./signing-keys.ts";

/** What the ledger needs besides the database: the signing key ring and the document store, both under CLEARWAY_HOME. */
export type LedgerContext = { ring: KeyRing; store: DocumentStore };

/** The ledger's key ring (CLEARWAY_HOME/keys/ledger) and document store (CLEARWAY_HOME/documents). */
export function openLedger(home: string): LedgerContext {
  return { ring: openKeyRing(ledgerKeysDir(home)), store: fileDocumentStore(documentsDir(home)) };
}

/** Make sure the log has a signing key and its public half is published; returns the current key. */
export async function ensureSigningKey(db: Db | Queryable, ring: KeyRing): Promise<LedgerKey> {
  const { origin } = await readLogState(db);
  const signer = ring.signerFor(origin);
  await savePublicKeys(db, ring);
  return ring.keys().find((key) => key.name === origin && key.keyId === signer.keyId.toString("hex")) as LedgerKey;
}

/** Retire the log's current signing key and start signing with a new one; old checkpoints keep verifying with the old key. */
export async function rotateSigningKey(db: Db | Queryable, ring: KeyRing): Promise<LedgerKey> {
  const { origin } = await readLogState(db);
  const key = ring.rotate(origin);
  await savePublicKeys(db, ring);
  return key;
}
