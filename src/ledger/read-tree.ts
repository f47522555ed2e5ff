import { AppError } from "../core/errors.ts";
import type { Queryable } from "../db/connection.ts";
import { consistencyRanges, EMPTY_ROOT, hashRanges, inclusionRanges, type NodeKey, nodeId, nodesForRanges, type Range } from "./merkle.ts";

/** The log's identity and current size. */
export type LogState = { origin: string; size: number };

/** Read the log's origin and size (lockForAppend: hold the sequencer lock until the transaction ends). */
export async function readLogState(q: Queryable, options: { lockForAppend?: boolean } = {}): Promise<LogState> {
  const [row] = await q.query<LogState>(`select origin, size from ledger_log where id${options.lockForAppend ? " for update" : ""}`);
  if (!row) throw new AppError("INTERNAL", "The ledger has no log row; is migration 0006_ledger applied?");
  return row;
}

/** Fetch stored complete subtrees by key in one query. */
export async function readNodes(q: Queryable, keys: readonly NodeKey[]): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  if (!keys.length) return found;
  const rows = await q.query<{ level: number; idx: number; hash: Uint8Array }>(...nodeQuery(keys));
  for (const row of rows) found.set(nodeId({ level: Number(row.level), index: Number(row.idx) }), toBuffer(row.hash));
  return found;
}

/** The query for some node keys: a proof's few keys as literal pairs (checked integers), about a fifth faster than
 * joining unnest() arrays; a timeline's many keys as arrays, so the statement stays small. */
function nodeQuery(keys: readonly NodeKey[]): [string, unknown[]] {
  const literal = keys.length <= 64 && keys.every((k) => Number.isSafeInteger(k.level) && Number.isSafeInteger(k.index));
  if (literal) return [`select level, idx, hash from ledger_nodes where (level, idx) in (${keys.map((k) => `(${k.level},${k.index})`).join(",")})`, []];
  return [
    "select n.level, n.idx, n.hash from unnest($1::smallint[], $2::bigint[]) as k(level, idx) join ledger_nodes n on n.level = k.level and n.idx = k.idx",
    [keys.map((k) => k.level), keys.map((k) => k.index)],
  ];
}

/** Hash ranges of the stored tree (each range must lie within the log). */
export async function readRangeHashes(q: Queryable, ranges: readonly Range[]): Promise<Buffer[]> {
  const nodes = await readNodes(q, nodesForRanges(ranges));
  try {
    return hashRanges(ranges, (node) => nodes.get(nodeId(node)));
  } catch (error) {
    throw new AppError("INTERNAL", `The ledger tree is incomplete: ${(error as Error).message}`);
  }
}

/** The root hash of the log at a size (any size up to the current one). */
export async function readRoot(q: Queryable, size: number): Promise<Buffer> {
  if (size === 0) return EMPTY_ROOT;
  return (await readRangeHashes(q, [[0, size]]))[0] as Buffer;
}

/** The inclusion proof of leaf index in the tree of the given size. */
export async function readInclusionProof(q: Queryable, index: number, size: number): Promise<Buffer[]> {
  return readRangeHashes(q, inclusionRanges(index, size));
}

/** The consistency proof from tree size first to tree size second; both must be within the log. */
export async function readConsistencyProof(q: Queryable, first: number, second: number): Promise<Buffer[]> {
  const { size } = await readLogState(q);
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second || second > size) {
    throw new AppError("BAD_REQUEST", `No consistency proof from size ${first} to size ${second}: sizes must satisfy 0 ≤ from ≤ to ≤ ${size} (the log's size)`);
  }
  return readRangeHashes(q, consistencyRanges(first, second));
}

/** A bytea column as a Buffer (node-postgres gives Buffers, PGlite Uint8Arrays). */
export function toBuffer(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
