import { readProductQuery } from "./read-product-query.ts";

/** A confirmed classification of an earlier item: its text and the code it was given (HS6 or national line). */
export type Precedent = { text: string; code: string; id?: string };

/** Precedents ready for similarity look-up: unit-length term vectors in an inverted index. */
export type PrecedentIndex = { precedents: Precedent[]; postings: Map<string, { id: number; weight: number }[]>; idf: Map<string, number> };

/** A precedent similar to the item being classified. */
export type PrecedentMatch = { precedent: Precedent; similarity: number };

/** Build the look-up over a list of precedents (cheap: one pass over their words). */
export function indexPrecedents(precedents: readonly Precedent[]): PrecedentIndex {
  const vectors = precedents.map((p) => unigramTerms(readProductQuery({ description: p.text }).terms));
  const df = new Map<string, number>();
  for (const v of vectors) for (const t of v.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = precedents.length;
  const idf = new Map<string, number>();
  for (const [t, count] of df) idf.set(t, Math.log(1 + n / count));
  const postings = new Map<string, { id: number; weight: number }[]>();
  vectors.forEach((vector, id) => {
    const weighted = normalize(vector, idf);
    for (const [t, weight] of weighted) {
      let list = postings.get(t);
      if (!list) {
        list = [];
        postings.set(t, list);
      }
      list.push({ id, weight });
    }
  });
  return { precedents: [...precedents], postings, idf };
}

/** The precedents most similar to the query terms (cosine over idf-weighted terms), best first, at or above the floor. */
export function nearestPrecedents(index: PrecedentIndex, terms: Map<string, number>, options: { limit?: number; floor?: number } = {}): PrecedentMatch[] {
  // Words no precedent uses count as rarer than any that one does, so they lower the similarity instead of vanishing.
  const unseen = Math.log(1 + 2 * Math.max(1, index.precedents.length));
  const query = normalize(unigramTerms(terms), index.idf, unseen);
  const scores = new Map<number, number>();
  for (const [t, weight] of query) {
    for (const { id, weight: w } of index.postings.get(t) ?? []) scores.set(id, (scores.get(id) ?? 0) + weight * w);
  }
  const floor = options.floor ?? 0.25;
  return [...scores]
    .filter(([, s]) => s >= floor)
    .sort((a, b) => b[1] - a[1])
    .slice(0, options.limit ?? 5)
    .map(([id, similarity]) => ({ precedent: index.precedents[id] as Precedent, similarity: Math.round(similarity * 1000) / 1000 }));
}

function unigramTerms(terms: Map<string, number>): Map<string, number> {
  return new Map([...terms].filter(([t]) => !t.includes(" ")));
}

function normalize(vector: Map<string, number>, idf: Map<string, number>, unseen = 0): Map<string, number> {
  const weighted = new Map<string, number>();
  let norm = 0;
  for (const [t, w] of vector) {
    const value = w * (idf.get(t) ?? unseen);
    if (!value) continue;
    weighted.set(t, value);
    norm += value * value;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of weighted) weighted.set(t, w / norm);
  return weighted;
}
