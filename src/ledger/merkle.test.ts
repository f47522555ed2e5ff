import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  consistencyRanges,
  EMPTY_ROOT,
  hashChildren,
  hashLeaf,
  inclusionRanges,
  memoryTree,
  rangeNodes,
  sha256,
  splitPoint,
  verifyConsistencyProof,
  verifyInclusionProof,
} from "./merkle.ts";

type Vectors = {
  leaves: string[];
  leafHashes: string[];
  roots: string[];
  inclusionProofs: { leafIndex: number; treeSize: number; proof: string[] }[];
  consistencyProofs: { first: number; second: number; proof: string[] }[];
};

// The RFC 6962 reference tree (Certificate Transparency / transparency-dev/merkle test data), written down by hand.
const vectors = JSON.parse(fs.readFileSync(new URL("../../test/fixtures/ledger/rfc6962-vectors.json", import.meta.url), "utf8")) as Vectors;
const hex = (hash: Uint8Array) => Buffer.from(hash).toString("hex");
const unhex = (text: string) => Buffer.from(text, "hex");
const referenceLeaves = vectors.leaves.map((leaf) => hashLeaf(unhex(leaf)));

/** MTH, PATH and SUBPROOF exactly as RFC 9162 §2.1 defines them, recursively, as an independent reference. */
function referenceTree(leafHashes: Buffer[]) {
  const memo = new Map<string, Buffer>();
  const mth = (start: number, end: number): Buffer => {
    const key = `${start}:${end}`;
    let hash = memo.get(key);
    if (!hash) {
      if (end - start === 0) hash = sha256();
      else if (end - start === 1) hash = leafHashes[start] as Buffer;
      else {
        let k = 1;
        while (k * 2 < end - start) k *= 2;
        hash = hashChildren(mth(start, start + k), mth(start + k, end));
      }
      memo.set(key, hash);
    }
    return hash;
  };
  const path = (m: number, start: number, end: number): Buffer[] => {
    if (end - start === 1) return [];
    let k = 1;
    while (k * 2 < end - start) k *= 2;
    return m < k ? [...path(m, start, start + k), mth(start + k, end)] : [...path(m - k, start + k, end), mth(start, start + k)];
  };
  const subproof = (m: number, start: number, end: number, whole: boolean): Buffer[] => {
    if (m === end - start) return whole ? [] : [mth(start, end)];
    let k = 1;
    while (k * 2 < end - start) k *= 2;
    return m <= k ? [...subproof(m, start, start + k, whole), mth(start + k, end)] : [...subproof(m - k, start + k, end, false), mth(start, start + k)];
  };
  return { root: (n: number) => mth(0, n), path: (m: number, n: number) => path(m, 0, n), proof: (m: number, n: number) => (m === 0 || m === n ? [] : subproof(m, 0, n, true)) };
}

/** A small deterministic PRNG, so the random sizes are the same on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return (below: number) => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state % below;
  };
}

function leavesOf(n: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));
}

function flipped(bytes: Uint8Array, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
}

describe("RFC 6962 reference vectors", () => {
  it("hashes the reference leaves", () => {
    expect(referenceLeaves.map(hex)).toEqual(vectors.leafHashes);
  });

  it("reproduces the roots for sizes 0 to 8", () => {
    const tree = memoryTree(referenceLeaves);
    expect(hex(EMPTY_ROOT)).toBe(vectors.roots[0]);
    for (let n = 0; n <= 8; n++) expect(hex(tree.root(n)), `size ${n}`).toBe(vectors.roots[n]);
  });

  it("generates and verifies the reference inclusion proofs", () => {
    const tree = memoryTree(referenceLeaves);
    for (const v of vectors.inclusionProofs) {
      expect(tree.inclusionProof(v.leafIndex, v.treeSize).map(hex), `${v.leafIndex} in ${v.treeSize}`).toEqual(v.proof);
      const root = unhex(vectors.roots[v.treeSize] as string);
      expect(verifyInclusionProof(v.leafIndex, v.treeSize, referenceLeaves[v.leafIndex] as Buffer, v.proof.map(unhex), root)).toEqual({ ok: true });
    }
  });

  it("generates and verifies the reference consistency proofs", () => {
    const tree = memoryTree(referenceLeaves);
    for (const v of vectors.consistencyProofs) {
      expect(tree.consistencyProof(v.first, v.second).map(hex), `${v.first} → ${v.second}`).toEqual(v.proof);
      const check = verifyConsistencyProof(v.first, v.second, unhex(vectors.roots[v.first] as string), unhex(vectors.roots[v.second] as string), v.proof.map(unhex));
      expect(check).toEqual({ ok: true });
    }
  });
});

describe("tree shape", () => {
  it("splits at the largest power of two smaller than n", () => {
    expect([2, 3, 4, 5, 8, 9, 1000, 1024, 1025].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8, 512, 512, 1024]);
    expect(() => splitPoint(1)).toThrow();
  });

  it("decomposes a range into aligned complete subtrees", () => {
    expect(rangeNodes(0, 7)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
    expect(rangeNodes(8, 16)).toEqual([{ level: 3, index: 1 }]);
    expect(() => rangeNodes(3, 7)).toThrow(/not aligned/);
  });

  it("refuses proofs for indices and sizes outside the tree", () => {
    expect(() => inclusionRanges(5, 5)).toThrow();
    expect(() => inclusionRanges(-1, 5)).toThrow();
    expect(() => consistencyRanges(6, 5)).toThrow();
  });
});

describe("proofs over many tree sizes", () => {
  it("match the RFC definitions and verify, for every index and every older size, sizes 1 to 200", () => {
    const leaves = leavesOf(200);
    const tree = memoryTree(leaves);
    const reference = referenceTree(leaves);
    for (let n = 1; n <= 200; n++) {
      const root = tree.root(n);
      expect(hex(root), `root ${n}`).toBe(hex(reference.root(n)));
      for (let i = 0; i < n; i++) {
        const proof = tree.inclusionProof(i, n);
        expect(proof.map(hex)).toEqual(reference.path(i, n).map(hex));
        const check = verifyInclusionProof(i, n, leaves[i] as Buffer, proof, root);
        if (!check.ok) throw new Error(`inclusion ${i} in ${n}: ${check.reason}`);
      }
      for (let m = 0; m <= n; m++) {
        const proof = tree.consistencyProof(m, n);
        expect(proof.map(hex)).toEqual(reference.proof(m, n).map(hex));
        const check = verifyConsistencyProof(m, n, tree.root(m), root, proof);
        if (!check.ok) throw new Error(`consistency ${m} → ${n}: ${check.reason}`);
      }
    }
  });

  it("match the RFC definitions at random larger sizes", () => {
    const next = random(6962);
    const sizes = [255, 256, 257, 1023, 1024, 1025, 4096, 5000 + next(5000), 8193 + next(8000)];
    const leaves = leavesOf(Math.max(...sizes));
    const tree = memoryTree(leaves);
    const reference = referenceTree(leaves);
    for (const n of sizes) {
      const root = tree.root(n);
      expect(hex(root)).toBe(hex(reference.root(n)));
      for (const i of [0, n - 1, next(n), next(n), next(n)]) {
        const proof = tree.inclusionProof(i, n);
        expect(proof.map(hex)).toEqual(reference.path(i, n).map(hex));
        expect(verifyInclusionProof(BigInt(i), BigInt(n), leaves[i] as Buffer, proof, root)).toEqual({ ok: true });
      }
      for (const m of [1, 2, n - 1, next(n), next(n), 2 ** Math.floor(Math.log2(n))]) {
        const proof = tree.consistencyProof(m, n);
        expect(proof.map(hex)).toEqual(reference.proof(m, n).map(hex));
        expect(verifyConsistencyProof(m, n, tree.root(m), root, proof)).toEqual({ ok: true });
      }
    }
  });
});

describe("inclusion proof verification rejects tampering", () => {
  const leaves = leavesOf(70);
  const tree = memoryTree(leaves);
  const cases = [
    [0, 1],
    [0, 8],
    [5, 8],
    [6, 7],
    [13, 37],
    [69, 70],
    [64, 70],
  ] as const;

  it("rejects any changed byte of the leaf, the proof or the root", () => {
    for (const [i, n] of cases) {
      const leaf = leaves[i] as Buffer;
      const proof = tree.inclusionProof(i, n);
      const root = tree.root(n);
      for (let b = 0; b < 32; b++) {
        expect(verifyInclusionProof(i, n, flipped(leaf, b), proof, root).ok).toBe(false);
        expect(verifyInclusionProof(i, n, leaf, proof, flipped(root, b)).ok).toBe(false);
        for (let p = 0; p < proof.length; p++) {
          const changed = proof.map((hash, j) => (j === p ? flipped(hash, b) : hash));
          expect(verifyInclusionProof(i, n, leaf, changed, root).ok).toBe(false);
        }
      }
    }
  });

  it("rejects every other index, and shortened or lengthened proofs", () => {
    for (const [i, n] of cases) {
      const leaf = leaves[i] as Buffer;
      const proof = tree.inclusionProof(i, n);
      const root = tree.root(n);
      for (let j = 0; j < n + 3; j++) if (j !== i) expect(verifyInclusionProof(j, n, leaf, proof, root).ok, `index ${j} for ${i} in ${n}`).toBe(false);
      if (proof.length) expect(verifyInclusionProof(i, n, leaf, proof.slice(1), root).ok).toBe(false);
      expect(verifyInclusionProof(i, n, leaf, [...proof, root], root).ok).toBe(false);
    }
  });

  it("does not bind the tree size by itself: the signed checkpoint does, which is why bundles check the size against it", () => {
    // PATH(0, D[0:7]) and PATH(0, D[0:8]) have the same shape, so the size-8 proof and root also "verify" as size 7.
    expect(verifyInclusionProof(0, 7, leaves[0] as Buffer, tree.inclusionProof(0, 8), tree.root(8))).toEqual({ ok: true });
  });

  it("says why: index not below size, wrong length, root not reached", () => {
    expect(verifyInclusionProof(8, 8, leaves[0] as Buffer, [], tree.root(8))).toEqual({ ok: false, reason: "leaf index 8 is not below tree size 8" });
    expect(verifyInclusionProof(0, 8, leaves[0] as Buffer, tree.inclusionProof(0, 8).slice(0, 2), tree.root(8))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/fewer than/),
    });
    expect(verifyInclusionProof(0, 1, leaves[0] as Buffer, [leaves[1] as Buffer], tree.root(1))).toMatchObject({ ok: false, reason: expect.stringMatching(/more than/) });
    expect(verifyInclusionProof(0, 2, leaves[0] as Buffer, [leaves[0] as Buffer], tree.root(2))).toEqual({ ok: false, reason: "inclusion proof does not reach the root" });
    expect(verifyInclusionProof(0, 2, leaves[0] as Buffer, [Buffer.alloc(31)], tree.root(2))).toMatchObject({ ok: false, reason: expect.stringMatching(/32 bytes/) });
  });

  it("handles indices beyond 2^53 as bigints without losing precision", () => {
    const size = 2n ** 60n + 3n;
    const check = verifyInclusionProof(size - 1n, size, leaves[0] as Buffer, [], tree.root(1));
    expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/fewer than/) });
    expect(verifyInclusionProof(size, size, leaves[0] as Buffer, [], tree.root(1))).toMatchObject({ ok: false, reason: expect.stringMatching(/not below/) });
    expect(verifyInclusionProof(2 ** 60, 2 ** 61, leaves[0] as Buffer, [], tree.root(1))).toMatchObject({ ok: false, reason: expect.stringMatching(/whole numbers/) });
  });
});

describe("consistency proof verification", () => {
  const leaves = leavesOf(70);
  const tree = memoryTree(leaves);

  it("handles the edge cases: equal sizes, the empty tree, a power-of-two first size", () => {
    const r8 = tree.root(8);
    expect(verifyConsistencyProof(8, 8, r8, r8, [])).toEqual({ ok: true });
    expect(verifyConsistencyProof(8, 8, r8, tree.root(7), []).ok).toBe(false);
    expect(verifyConsistencyProof(8, 8, r8, r8, [r8]).ok).toBe(false);
    expect(verifyConsistencyProof(0, 8, EMPTY_ROOT, r8, [])).toEqual({ ok: true });
    expect(verifyConsistencyProof(0, 8, EMPTY_ROOT, r8, [r8]).ok).toBe(false);
    expect(verifyConsistencyProof(4, 8, tree.root(4), r8, tree.consistencyProof(4, 8))).toEqual({ ok: true });
    expect(tree.consistencyProof(4, 8)).toHaveLength(1);
    expect(verifyConsistencyProof(5, 8, tree.root(5), r8, [])).toEqual({ ok: false, reason: "the consistency proof is empty" });
    expect(verifyConsistencyProof(9, 8, tree.root(9), r8, []).ok).toBe(false);
  });

  it("rejects any changed byte of the proof or either root, and a changed first size", () => {
    for (const [m, n] of [
      [1, 8],
      [3, 8],
      [4, 8],
      [6, 8],
      [6, 7],
      [13, 37],
      [32, 70],
      [69, 70],
    ] as const) {
      const proof = tree.consistencyProof(m, n);
      const first = tree.root(m);
      const second = tree.root(n);
      expect(verifyConsistencyProof(m, n, first, second, proof)).toEqual({ ok: true });
      for (let b = 0; b < 32; b++) {
        expect(verifyConsistencyProof(m, n, flipped(first, b), second, proof).ok).toBe(false);
        expect(verifyConsistencyProof(m, n, first, flipped(second, b), proof).ok).toBe(false);
        for (let p = 0; p < proof.length; p++) {
          expect(
            verifyConsistencyProof(
              m,
              n,
              first,
              second,
              proof.map((hash, j) => (j === p ? flipped(hash, b) : hash)),
            ).ok,
            `${m}→${n} proof[${p}] byte ${b}`,
          ).toBe(false);
        }
      }
      // As with inclusion, the second size is bound by its signed checkpoint, not by the proof.
      for (const m2 of [m - 1, m + 1]) if (m2 >= 1 && m2 < n) expect(verifyConsistencyProof(m2, n, first, second, proof).ok, `${m}→${n} as ${m2}→${n}`).toBe(false);
      expect(verifyConsistencyProof(m, n, first, second, proof.slice(0, -1)).ok).toBe(false);
      expect(verifyConsistencyProof(m, n, first, second, [...proof, second]).ok).toBe(false);
    }
  });
});
