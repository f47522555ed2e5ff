/** A proportion with its 95% Wilson score interval. */
export type Proportion = { hits: number; n: number; rate: number; low: number; high: number };

/** The share hits/n with its 95% Wilson interval (sound for small n and rates near 0 or 1). */
export function wilsonInterval(hits: number, n: number, z = 1.96): Proportion {
  if (n === 0) return { hits, n, rate: 0, low: 0, high: 0 };
  const p = hits / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { hits, n, rate: p, low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/** Split items into k folds of contiguous blocks (neighbouring rulings, often from one requester, stay in one fold). */
export function splitFolds<T>(items: readonly T[], k: number): { train: T[]; test: T[] }[] {
  const size = Math.ceil(items.length / k);
  return Array.from({ length: k }, (_, f) => ({
    test: items.slice(f * size, (f + 1) * size),
    train: [...items.slice(0, f * size), ...items.slice((f + 1) * size)],
  }));
}

/** One bucket of a reliability table: predictions whose confidence fell in [from, to), how sure they were on average and how often right. */
export type ReliabilityBucket = { from: number; to: number; n: number; meanConfidence: number; accuracy: number };

/** Reliability by confidence bucket, the expected calibration error (bucket-weighted |confidence − accuracy|) and the Brier score. */
export function reliability(
  points: readonly { confidence: number; correct: boolean }[],
  edges = [0, 0.2, 0.4, 0.6, 0.8, 1.0001],
): { buckets: ReliabilityBucket[]; ece: number; brier: number } {
  const buckets = edges.slice(0, -1).map((from, i) => {
    const to = edges[i + 1] as number;
    const inside = points.filter((p) => p.confidence >= from && p.confidence < to);
    const n = inside.length;
    return {
      from,
      to: Math.min(1, to),
      n,
      meanConfidence: n ? inside.reduce((s, p) => s + p.confidence, 0) / n : 0,
      accuracy: n ? inside.filter((p) => p.correct).length / n : 0,
    };
  });
  const total = points.length || 1;
  const ece = buckets.reduce((s, b) => s + (b.n / total) * Math.abs(b.meanConfidence - b.accuracy), 0);
  const brier = points.reduce((s, p) => s + (p.confidence - (p.correct ? 1 : 0)) ** 2, 0) / total;
  return { buckets, ece, brier };
}

/** The value at quantile q (0–1) of a list of numbers. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}
