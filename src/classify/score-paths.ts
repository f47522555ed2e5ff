import type { ClassifyIndex, Postings } from "./build-classify-index.ts";
import type { IndexedTerm } from "./score-lexical.ts";

/** Path evidence: the score of the best complete path through a node, and the score of the path down to it. */
export type PathScores = {
  /** The best score of any path through this node (its own path, or one further down). */
  best: (id: number) => number;
  /** The score of the path down to this node: its own matches and bonuses plus its ancestors', each term once. */
  pathScore: (id: number) => number;
};

/** Extra evidence placed on single nodes (knowledge base, rules, precedents), which counts on every path through them. */
export type NodeBonus = { values: Float64Array; ids: Iterable<number> };

/** Reusable work arrays for scorePaths (one set per index; classification is synchronous). */
export type PathScratch = {
  below: Float64Array;
  path: Float64Array;
  masks: Uint32Array;
  touched: Int32Array;
  touchedCount: number;
  /** How many mask words the last call used per node (only those need clearing). */
  words: number;
  /** One bit per node touched in this call, so the touched nodes come out in id order without a sort. */
  touchedBits: Uint32Array;
  /** Each query term's weight by bit (a typed array per call would be allocated outside the heap, at a cost to the collector). */
  weights: Float64Array;
  parents: Int32Array;
};

const MAX_WORDS = 16;

/** Work arrays sized for an index. */
export function pathScratch(index: ClassifyIndex): PathScratch {
  const n = index.nodes.length;
  return {
    below: new Float64Array(n).fill(Number.NEGATIVE_INFINITY),
    path: new Float64Array(n).fill(Number.NaN),
    masks: new Uint32Array(n * MAX_WORDS),
    touched: new Int32Array(n),
    touchedCount: 0,
    words: 0,
    touchedBits: new Uint32Array((n + 31) >>> 5),
    weights: new Float64Array(MAX_WORDS * 32),
    parents: Int32Array.from(index.nodes, (node) => node.parent),
  };
}

/**
 * Score every code by its whole description path: the query terms its own line and its ancestors' lines hold (each term counted
 * once), plus every bonus placed on a node along the path; then give each node the best such path through it. Matching along
 * one path, rather than summing words scattered over a whole chapter, keeps big chapters from winning on volume; a penalty on a
 * heading lowers every path through it. Only lines that match or carry a bonus are visited.
 */
export function scorePaths(index: ClassifyIndex, terms: readonly IndexedTerm[], scale: number, scratch: PathScratch, bonus?: NodeBonus): PathScores {
  const { below, path, masks, touched, touchedBits, parents } = scratch;
  // Masks are laid out word by word (all nodes' first word, then their second…): most queries use one or two words, which
  // then sit in a small block of memory rather than one cache line per node.
  const n = parents.length;
  for (let i = 0; i < scratch.touchedCount; i++) {
    const id = touched[i] as number;
    path[id] = Number.NaN;
    for (let w = 0; w < scratch.words; w++) masks[w * n + id] = 0;
    for (let at = id; at >= 0 && (below[at] as number) !== Number.NEGATIVE_INFINITY; at = parents[at] as number) below[at] = Number.NEGATIVE_INFINITY;
  }
  let count = 0;
  const touch = (id: number) => {
    if (Number.isNaN(path[id] as number)) {
      path[id] = 0;
      count++;
      touchedBits[id >>> 5] = (touchedBits[id >>> 5] as number) | (1 << (id & 31));
    }
  };
  const termList = heaviestTerms(terms);
  const { weights } = scratch;
  for (let bit = 0; bit < termList.length; bit++) {
    const { weight, idf, postings } = termList[bit] as QueryTerm;
    weights[bit] = scale * weight * idf;
    const { ownIds } = postings;
    const word = bit >> 5;
    const flag = 1 << (bit & 31);
    for (let i = 0; i < ownIds.length; i++) {
      const id = ownIds[i] as number;
      touch(id);
      const at = word * n + id;
      masks[at] = (masks[at] as number) | flag;
    }
  }
  for (const id of bonus?.ids ?? []) touch(id);
  scratch.touchedCount = count;
  const visited = touchedInOrder(touchedBits, touched, count);
  const nearest = (id: number): number => {
    let at = id;
    while (at >= 0 && Number.isNaN(path[at] as number)) at = parents[at] as number;
    return at;
  };
  // Parents come before children in id order, so each visited line sees its nearest visited ancestor already scored.
  const words = Math.max(1, Math.ceil(termList.length / 32));
  scratch.words = words;
  const { ownNorm } = index;
  const bonusValues = bonus?.values;
  for (const id of visited) {
    const ancestor = nearest(parents[id] as number);
    let added = 0;
    for (let w = 0; w < words; w++) {
      const before = ancestor >= 0 ? (masks[w * n + ancestor] as number) : 0;
      const mine = masks[w * n + id] as number;
      const fresh = mine & ~before;
      masks[w * n + id] = before | mine;
      for (let bits = fresh; bits; bits &= bits - 1) added += weights[w * 32 + (31 - Math.clz32(bits & -bits))] as number;
    }
    path[id] = (ancestor >= 0 ? (path[ancestor] as number) : 0) + added / (ownNorm[id] as number) + (bonusValues ? (bonusValues[id] as number) : 0);
  }
  // below[n]: the best path score of a visited node in n's subtree (n included); a parent's is never lower than its child's.
  for (const id of visited) {
    const value = path[id] as number;
    for (let at = id; at >= 0; at = parents[at] as number) {
      if ((below[at] as number) >= value) break;
      below[at] = value;
    }
  }
  const pathScore = (id: number) => {
    const at = nearest(id);
    return at >= 0 ? (path[at] as number) : 0;
  };
  return { best: (id) => Math.max(pathScore(id), below[id] as number), pathScore };
}

type QueryTerm = { weight: number; idf: number; rank: number; postings: Postings };

/** The query terms the index holds, heaviest (weight × idf) first; when a long query has more than MAX_WORDS × 32 terms only the lightest are dropped. */
function heaviestTerms(terms: readonly IndexedTerm[]): QueryTerm[] {
  const list: QueryTerm[] = terms.map(({ weight, idf, postings }) => ({ weight, idf, rank: weight * idf, postings }));
  list.sort((a, b) => b.rank - a.rank);
  if (list.length > MAX_WORDS * 32) list.length = MAX_WORDS * 32;
  return list;
}

/** The touched nodes in id order (parents before children), read off their bits into `out`; the bits are cleared for the next call. */
function touchedInOrder(bits: Uint32Array, out: Int32Array, count: number): Int32Array {
  let n = 0;
  for (let word = 0; word < bits.length && n < count; word++) {
    let set = bits[word] as number;
    if (set === 0) continue;
    bits[word] = 0;
    while (set !== 0) {
      const low = set & -set;
      out[n++] = (word << 5) + 31 - Math.clz32(low);
      set ^= low;
    }
  }
  return out.subarray(0, n);
}
