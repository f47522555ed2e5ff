import type { ClassifyIndex } from "./build-classify-index.ts";

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
export type PathScratch = { below: Float64Array; path: Float64Array; masks: Uint32Array; touched: Int32Array; touchedCount: number; parents: Int32Array };

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
    parents: Int32Array.from(index.nodes, (node) => node.parent),
  };
}

/**
 * Score every code by its whole description path: the query terms its own line and its ancestors' lines hold (each term counted
 * once), plus every bonus placed on a node along the path; then give each node the best such path through it. Matching along
 * one path, rather than summing words scattered over a whole chapter, keeps big chapters from winning on volume; a penalty on a
 * heading lowers every path through it. Only lines that match or carry a bonus are visited.
 */
export function scorePaths(index: ClassifyIndex, terms: Map<string, number>, scale: number, scratch: PathScratch, bonus?: NodeBonus): PathScores {
  const { below, path, masks, touched, parents } = scratch;
  for (let i = 0; i < scratch.touchedCount; i++) {
    const id = touched[i] as number;
    path[id] = Number.NaN;
    masks.fill(0, id * MAX_WORDS, (id + 1) * MAX_WORDS);
    for (let at = id; at >= 0 && (below[at] as number) !== Number.NEGATIVE_INFINITY; at = parents[at] as number) below[at] = Number.NEGATIVE_INFINITY;
  }
  let count = 0;
  const touch = (id: number) => {
    if (Number.isNaN(path[id] as number)) {
      path[id] = 0;
      touched[count++] = id;
    }
  };
  // The heaviest terms first, so that when a long query has more than MAX_WORDS × 32 terms only the lightest are dropped.
  const termList = [...terms]
    .filter(([t]) => index.postings.has(t))
    .sort((a, b) => b[1] * (index.idf.get(b[0]) ?? 0) - a[1] * (index.idf.get(a[0]) ?? 0))
    .slice(0, MAX_WORDS * 32);
  const weights = new Float64Array(termList.length);
  termList.forEach(([term, weight], bit) => {
    const postings = index.postings.get(term);
    if (!postings) return;
    weights[bit] = scale * weight * (index.idf.get(term) ?? 0);
    const { ownIds } = postings;
    const word = bit >> 5;
    const flag = 1 << (bit & 31);
    for (let i = 0; i < ownIds.length; i++) {
      const id = ownIds[i] as number;
      touch(id);
      const at = id * MAX_WORDS + word;
      masks[at] = (masks[at] as number) | flag;
    }
  });
  for (const id of bonus?.ids ?? []) touch(id);
  scratch.touchedCount = count;
  const visited = touched.subarray(0, count).sort();
  const nearest = (id: number): number => {
    let at = id;
    while (at >= 0 && Number.isNaN(path[at] as number)) at = parents[at] as number;
    return at;
  };
  // Parents come before children in id order, so each visited line sees its nearest visited ancestor already scored.
  const words = Math.max(1, Math.ceil(termList.length / 32));
  for (const id of visited) {
    const ancestor = nearest(parents[id] as number);
    let added = 0;
    for (let w = 0; w < words; w++) {
      const before = ancestor >= 0 ? (masks[ancestor * MAX_WORDS + w] as number) : 0;
      const mine = masks[id * MAX_WORDS + w] as number;
      const fresh = mine & ~before;
      masks[id * MAX_WORDS + w] = before | mine;
      for (let bits = fresh; bits; bits &= bits - 1) added += weights[w * 32 + (31 - Math.clz32(bits & -bits))] as number;
    }
    path[id] = (ancestor >= 0 ? (path[ancestor] as number) : 0) + added / (index.ownNorm[id] as number) + (bonus ? (bonus.values[id] as number) : 0);
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
