// RFC 9162 (Certificate Transparency 2.0, same tree as RFC 6962) Merkle tree hashing, proofs and their verification.
// Proofs are planned as lists of ranges over the leaves; each range hash is a fold of stored complete subtrees
// (level, index), so a log that keeps every complete subtree answers any proof with O(log n) look-ups.
import { createHash, timingSafeEqual } from "node:crypto";

/** Bytes in a SHA-256 hash. */
export const HASH_SIZE = 32;

/** A complete subtree: 2^level leaves starting at leaf index × 2^level. */
export type NodeKey = { level: number; index: number };

/** Leaves [start, end) of the tree. */
export type Range = readonly [start: number, end: number];

/** The outcome of checking a proof: ok, or the reason it was rejected. */
export type ProofCheck = { ok: true } | { ok: false; reason: string };

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** SHA-256 of some bytes. */
export function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** The hash of an empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT: Buffer = sha256();

/** Leaf hash: SHA-256(0x00 ‖ entry). */
export function hashLeaf(entry: Uint8Array): Buffer {
  return sha256(LEAF_PREFIX, entry);
}

/** Interior node hash: SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return sha256(NODE_PREFIX, left, right);
}

/** The largest power of two strictly smaller than n (n ≥ 2): where RFC 9162 splits a range of n leaves. */
export function splitPoint(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`cannot split a range of ${n} leaves`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The complete subtrees whose hashes, folded from the right, give MTH(D[start:end]); start must be aligned as in the tree. */
export function rangeNodes(start: number, end: number): NodeKey[] {
  const nodes: NodeKey[] = [];
  let from = start;
  while (from < end) {
    const size = end - from;
    const width = isPowerOfTwo(size) ? size : splitPoint(size);
    const level = Math.round(Math.log2(width));
    if (from % width !== 0) throw new RangeError(`range [${start}, ${end}) is not aligned as a Merkle tree range`);
    nodes.push({ level, index: from / width });
    from += width;
  }
  return nodes;
}

/** MTH of a range from the hashes of its complete subtrees (rangeNodes order): fold from the right. */
export function foldNodes(hashes: readonly Uint8Array[]): Buffer {
  if (hashes.length === 0) return EMPTY_ROOT;
  let result: Buffer = Buffer.from(hashes[hashes.length - 1] as Uint8Array);
  for (let i = hashes.length - 2; i >= 0; i--) result = hashChildren(hashes[i] as Uint8Array, result);
  return result;
}

/** The ranges whose hashes form PATH(index, D[0:size]) (RFC 9162 §2.1.3.1), deepest first. */
export function inclusionRanges(index: number, size: number): Range[] {
  checkIndex(index, size);
  const ranges: Range[] = [];
  let start = 0;
  let end = size;
  let m = index;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < k) {
      ranges.push([start + k, end]);
      end = start + k;
    } else {
      ranges.push([start, start + k]);
      start += k;
      m -= k;
    }
  }
  return ranges.reverse();
}

/** The ranges whose hashes form PROOF(first, D[0:second]) = SUBPROOF(first, D[0:second], true) (RFC 9162 §2.1.4.1). */
export function consistencyRanges(first: number, second: number): Range[] {
  checkSizes(first, second);
  if (first === 0 || first === second) return [];
  const ranges: Range[] = [];
  let start = 0;
  let end = second;
  let m = first;
  let whole = true;
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      ranges.push([start + k, end]);
      end = start + k;
    } else {
      ranges.push([start, start + k]);
      start += k;
      m -= k;
      whole = false;
    }
  }
  if (!whole) ranges.push([start, end]);
  return ranges.reverse();
}

/** Every node key needed to hash the given ranges, without duplicates. */
export function nodesForRanges(ranges: readonly Range[]): NodeKey[] {
  const seen = new Map<string, NodeKey>();
  for (const [start, end] of ranges) for (const node of rangeNodes(start, end)) seen.set(nodeId(node), node);
  return [...seen.values()];
}

/** A stable string id for a node key, for maps. */
export function nodeId(node: NodeKey): string {
  return `${node.level}/${node.index}`;
}

/** Hash each range from stored complete subtrees; lookup throws or returns undefined when a node is missing. */
export function hashRanges(ranges: readonly Range[], lookup: (node: NodeKey) => Uint8Array | undefined): Buffer[] {
  return ranges.map(([start, end]) =>
    foldNodes(
      rangeNodes(start, end).map((node) => {
        const hash = lookup(node);
        if (!hash) throw new Error(`Merkle node ${nodeId(node)} is missing`);
        return hash;
      }),
    ),
  );
}

/** Every complete subtree of an in-memory list of leaf hashes: levels[l][i] covers leaves [i·2^l, (i+1)·2^l). */
export function completeSubtrees(leafHashes: readonly Uint8Array[]): Buffer[][] {
  const levels: Buffer[][] = [leafHashes.map((hash) => Buffer.from(hash))];
  for (let below = levels[0] as Buffer[]; below.length > 1; ) {
    const level: Buffer[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) level.push(hashChildren(below[i] as Buffer, below[i + 1] as Buffer));
    levels.push(level);
    below = level;
  }
  return levels;
}

/** An in-memory tree over leaf hashes, answering roots and proofs for any size up to its leaf count. */
export function memoryTree(leafHashes: readonly Uint8Array[]) {
  const levels = completeSubtrees(leafHashes);
  const lookup = (node: NodeKey) => levels[node.level]?.[node.index];
  return {
    size: leafHashes.length,
    /** MTH(D[0:size]). */
    root: (size = leafHashes.length) => (size === 0 ? EMPTY_ROOT : (hashRanges([[0, size]], lookup)[0] as Buffer)),
    /** PATH(index, D[0:size]). */
    inclusionProof: (index: number, size = leafHashes.length) => hashRanges(inclusionRanges(index, size), lookup),
    /** PROOF(first, D[0:second]). */
    consistencyProof: (first: number, second = leafHashes.length) => hashRanges(consistencyRanges(first, second), lookup),
  };
}

/** Check an inclusion proof with the iterative algorithm of RFC 9162 §2.1.3.2. */
export function verifyInclusionProof(leafIndex: number | bigint, treeSize: number | bigint, leafHash: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): ProofCheck {
  const index = toBigInt(leafIndex);
  const size = toBigInt(treeSize);
  if (index === null || size === null) return fail("leaf index and tree size must be whole numbers ≥ 0");
  if (index >= size) return fail(`leaf index ${index} is not below tree size ${size}`);
  const malformed = checkHashes([leafHash, root, ...proof]);
  if (malformed) return fail(malformed);
  let fn = index;
  let sn = size - 1n;
  let r: Uint8Array = leafHash;
  for (const p of proof) {
    if (sn === 0n) return fail(`inclusion proof has ${proof.length} hashes, more than a tree of size ${size} needs`);
    if ((fn & 1n) === 1n || fn === sn) {
      r = hashChildren(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = hashChildren(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return fail(`inclusion proof has ${proof.length} hashes, fewer than a tree of size ${size} needs`);
  return sameHash(r, root) ? { ok: true } : fail("inclusion proof does not reach the root");
}

/** Check a consistency proof between two tree heads with the iterative algorithm of RFC 9162 §2.1.4.2. */
export function verifyConsistencyProof(
  firstSize: number | bigint,
  secondSize: number | bigint,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): ProofCheck {
  const first = toBigInt(firstSize);
  const second = toBigInt(secondSize);
  if (first === null || second === null) return fail("tree sizes must be whole numbers ≥ 0");
  if (first > second) return fail(`the first tree (size ${first}) is larger than the second (size ${second})`);
  const malformed = checkHashes([firstRoot, secondRoot, ...proof]);
  if (malformed) return fail(malformed);
  if (first === second) {
    if (proof.length) return fail("trees of the same size need an empty consistency proof");
    return sameHash(firstRoot, secondRoot) ? { ok: true } : fail("trees of the same size have different roots");
  }
  if (first === 0n) return proof.length ? fail("a consistency proof from the empty tree must be empty") : { ok: true };
  if (proof.length === 0) return fail("the consistency proof is empty");
  const path = isPowerOfTwoBig(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1n;
  let sn = second - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr: Uint8Array = path[0] as Uint8Array;
  let sr: Uint8Array = path[0] as Uint8Array;
  for (const c of path.slice(1)) {
    if (sn === 0n) return fail("the consistency proof is longer than the two sizes need");
    if ((fn & 1n) === 1n || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return fail("the consistency proof is shorter than the two sizes need");
  if (!sameHash(fr, firstRoot)) return fail(`the consistency proof does not reproduce the root of the first tree (size ${first})`);
  if (!sameHash(sr, secondRoot)) return fail(`the consistency proof does not reproduce the root of the second tree (size ${second})`);
  return { ok: true };
}

/** Constant-time comparison of two hashes (false when lengths differ). */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}

function isPowerOfTwoBig(n: bigint): boolean {
  return n > 0n && (n & (n - 1n)) === 0n;
}

function toBigInt(value: number | bigint): bigint | null {
  if (typeof value === "bigint") return value >= 0n ? value : null;
  return Number.isSafeInteger(value) && value >= 0 ? BigInt(value) : null;
}

function checkHashes(hashes: readonly Uint8Array[]): string | null {
  const bad = hashes.findIndex((hash) => !(hash instanceof Uint8Array) || hash.length !== HASH_SIZE);
  return bad === -1 ? null : `a hash is not ${HASH_SIZE} bytes long`;
}

function checkIndex(index: number, size: number): void {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) throw new RangeError(`leaf index ${index} is not below tree size ${size}`);
}

function checkSizes(first: number, second: number): void {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second)
    throw new RangeError(`no consistency proof from size ${first} to size ${second}`);
}

function fail(reason: string): ProofCheck {
  return { ok: false, reason };
}
