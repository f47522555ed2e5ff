import type { ClassifyIndex, Postings } from "./build-classify-index.ts";

/** A query term the index holds, with its weight in the query, its idf and its postings. */
export type IndexedTerm = { term: string; weight: number; idf: number; postings: Postings };

/** The query terms the index holds, in query order, each looked up once (a long description has a hundred terms, read by several passes). */
export function indexedTerms(index: ClassifyIndex, terms: Map<string, number>): IndexedTerm[] {
  const found: IndexedTerm[] = [];
  for (const [term, weight] of terms) {
    const postings = index.postings.get(term);
    if (postings) found.push({ term, weight, idf: postings.idf, postings });
  }
  return found;
}

/** Lexical evidence for every node: Σ query weight × idf × strength of the term in the node's text, over the node's length normalisation. */
export function scoreLexical(index: ClassifyIndex, terms: Map<string, number>, scores = new Float64Array(index.nodes.length)): Float64Array {
  accumulateTerms(indexedTerms(index, terms), scores);
  for (let id = 0; id < scores.length; id++) scores[id] = (scores[id] as number) / (index.norm[id] as number);
  return scores;
}

/** The raw sums behind scoreLexical, without the length normalisation (callers divide for the few nodes they read). */
export function accumulateTerms(terms: readonly IndexedTerm[], scores: Float64Array): Float64Array {
  scores.fill(0);
  for (const { weight, idf, postings } of terms) {
    const w = weight * idf;
    const { ids, weights } = postings;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      scores[id] = (scores[id] as number) + w * (weights[i] as number);
    }
  }
  return scores;
}

/** The query terms found in a node's own text (description and group rows), heaviest first. */
export function matchedTerms(nodeId: number, terms: readonly IndexedTerm[]): string[] {
  const found: [string, number][] = [];
  for (const { term, weight, idf, postings } of terms) {
    const at = binarySearch(postings.ids, nodeId);
    if (at >= 0 && (postings.weights[at] as number) >= 0.7) found.push([term, weight * idf]);
  }
  return found.sort((a, b) => b[1] - a[1]).map(([term]) => term);
}

function binarySearch(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid] as number;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
