import { classifyWithIndex } from "../classify-product.ts";
import { loadTestIndex } from "../test-index.ts";

/** Classify titles with known HS6 codes and measure top-1 and top-3 agreement, listing the misses (for the knowledge-base tests). */
export function titleAccuracy(cases: readonly (readonly [title: string, hs6: string])[]): { top1: number; top3: number; misses: string[] } {
  const index = loadTestIndex();
  const results = cases.map(([title, hs6]) => ({ title, hs6, got: classifyWithIndex(index, { title }, { market: "hs", top: 3 }).candidates.map((c) => c.hs6) }));
  return {
    top1: results.filter((r) => r.got[0] === r.hs6).length / results.length,
    top3: results.filter((r) => r.got.includes(r.hs6)).length / results.length,
    misses: results.filter((r) => r.got[0] !== r.hs6).map((r) => `${r.title} → expected ${r.hs6}, got ${r.got.join(" ")}`),
  };
}
