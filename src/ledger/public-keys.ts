import type { Queryable } from "../db/connection.ts";
import { toBuffer } from "./read-tree.ts";
import { verifierKeyString } from "./signed-note.ts";
import { type KeyRing, type LedgerKey, toVerifier } from "./signing-keys.ts";

/** Record the public halves of a key ring in the database, so every server and bundle can name them. */
export async function savePublicKeys(q: Queryable, ring: KeyRing): Promise<void> {
  for (const key of ring.keys()) {
    await q.query(
      `insert into ledger_keys (name, key_id, public_key, created_at, retired_at) values ($1, $2, $3, $4, $5)
       on conflict (name, key_id) do update set retired_at = coalesce(ledger_keys.retired_at, excluded.retired_at)`,
      [key.name, key.keyId, toVerifier(key).publicKey, key.createdAt, key.retiredAt],
    );
  }
}

/** Every public key that has signed for this log, oldest first. */
export async function readPublicKeys(q: Queryable): Promise<LedgerKey[]> {
  const rows = await q.query<{ name: string; key_id: string; public_key: Uint8Array; created_at: Date; retired_at: Date | null }>(
    "select name, key_id, public_key, created_at, retired_at from ledger_keys order by created_at, key_id",
  );
  return rows.map((row) => {
    const publicKey = toBuffer(row.public_key);
    return {
      name: row.name,
      keyId: row.key_id,
      publicKey: publicKey.toString("base64"),
      vkey: verifierKeyString({ name: row.name, publicKey }),
      createdAt: new Date(row.created_at).toISOString(),
      retiredAt: row.retired_at ? new Date(row.retired_at).toISOString() : null,
    };
  });
}
