import type { Db, Queryable } from "../db/connection.ts";
import { savePublicKeys } from "./public-keys.ts";
import { readLogState, readRoot, toBuffer } from "./read-tree.ts";
import { formatCheckpoint, signNote } from "./signed-note.ts";
import type { KeyRing } from "./signing-keys.ts";

/** A signed tree head: origin, size, root (hex) and the C2SP signed note itself. */
export type Checkpoint = { origin: string; size: number; root: string; note: string; createdAt: string };

/** When to publish: after this many new entries, or when the newest entry has waited this long. */
export type CheckpointPolicy = { everyEntries: number; everySeconds: number };

/** The default policy: every 1,000 entries or 60 seconds. */
export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { everyEntries: 1000, everySeconds: 60 };

type CheckpointRow = { size: number; root: Uint8Array; note: string; created_at: Date };

/** The newest published checkpoint, or null before the first. */
export async function latestCheckpoint(q: Queryable): Promise<Checkpoint | null> {
  const [row] = await q.query<CheckpointRow>("select size, root, note, created_at from ledger_checkpoints order by size desc limit 1");
  return row ? toCheckpoint(row) : null;
}

/** The checkpoint published at exactly this size, or null. */
export async function checkpointAt(q: Queryable, size: number): Promise<Checkpoint | null> {
  const [row] = await q.query<CheckpointRow>("select size, root, note, created_at from ledger_checkpoints where size = $1", [size]);
  return row ? toCheckpoint(row) : null;
}

/** Sign and store a checkpoint for the log's current size (or return the existing one when the log has not grown). */
export async function publishCheckpoint(db: Db | Queryable, ring: KeyRing): Promise<{ checkpoint: Checkpoint; published: boolean }> {
  const { origin, size } = await readLogState(db);
  const existing = await checkpointAt(db, size);
  if (existing) return { checkpoint: existing, published: false };
  const root = await readRoot(db, size);
  const note = signNote(formatCheckpoint({ origin, size, root }), [ring.signerFor(origin)]);
  await savePublicKeys(db, ring);
  // Two publishers racing for the same size both signed the same tree head; the first stored one wins.
  const [inserted] = await db.query<CheckpointRow>(
    "insert into ledger_checkpoints (size, root, note) values ($1, $2, $3) on conflict (size) do nothing returning size, root, note, created_at",
    [size, root, note],
  );
  if (inserted) return { checkpoint: toCheckpoint(inserted), published: true };
  return { checkpoint: (await checkpointAt(db, size)) as Checkpoint, published: false };
}

/** Publish a checkpoint when the policy says so (the server calls this on a timer); returns it, or null when not due. */
export async function maybePublishCheckpoint(
  db: Db | Queryable,
  ring: KeyRing,
  policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY,
  now = new Date(),
): Promise<Checkpoint | null> {
  const { size } = await readLogState(db);
  const latest = await latestCheckpoint(db);
  const grown = size - (latest?.size ?? 0);
  if (grown <= 0) return null;
  const secondsSinceLatest = latest ? (now.getTime() - Date.parse(latest.createdAt)) / 1000 : Number.POSITIVE_INFINITY;
  if (grown < policy.everyEntries && secondsSinceLatest < policy.everySeconds) return null;
  return (await publishCheckpoint(db, ring)).checkpoint;
}

function toCheckpoint(row: CheckpointRow): Checkpoint {
  const origin = row.note.slice(0, row.note.indexOf("\n"));
  return { origin, size: Number(row.size), root: toBuffer(row.root).toString("hex"), note: row.note, createdAt: new Date(row.created_at).toISOString() };
}
