/** A monotone map from the engine's raw top-1 probability to the observed chance the top-1 is right (piecewise linear through block means). */
export type CalibrationMap = { x: number[]; y: number[]; fittedOn: string };

/** One outcome to calibrate on: the raw score the engine gave its top-1 and whether that top-1 was right. */
export type CalibrationPoint = { score: number; correct: boolean };

/** The fewest points a score group holds before the isotonic fit (see fitIsotonic). */
const MIN_GROUP = 10;

/** Fit an isotonic (non-decreasing) map by pool-adjacent-violators over points sorted by score (groups of fewer than minGroup points merged first). */
export function fitIsotonic(points: readonly CalibrationPoint[], fittedOn: string, minGroup = MIN_GROUP): CalibrationMap {
  const sorted = [...points].sort((a, b) => a.score - b.score);
  // Equal scores form one group first (they must share one calibrated value, whatever order they came in); then PAV pools
  // adjacent groups while a later one is right less often than an earlier one. A block sits at its mean score.
  const groups: { sum: number; n: number; score: number }[] = [];
  for (const p of sorted) {
    const last = groups[groups.length - 1];
    if (last && last.score === p.score) {
      last.sum += p.correct ? 1 : 0;
      last.n += 1;
    } else groups.push({ sum: p.correct ? 1 : 0, n: 1, score: p.score });
  }
  // A lone right answer at a low score would otherwise pool every block above it into one flat rate: adjacent groups are
  // first merged until each holds at least MIN_GROUP points (in score order), so single points cannot bend the curve.
  const binned: { sum: number; n: number; score: number }[] = [];
  for (const group of groups) {
    const last = binned[binned.length - 1];
    if (last && last.n < minGroup) {
      last.score = (last.score * last.n + group.score * group.n) / (last.n + group.n);
      last.sum += group.sum;
      last.n += group.n;
    } else binned.push({ ...group });
  }
  const blocks: { sum: number; n: number; x: number }[] = [];
  for (const group of binned) {
    blocks.push({ sum: group.sum, n: group.n, x: group.score * group.n });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as { sum: number; n: number; x: number };
      const prev = blocks[blocks.length - 2] as { sum: number; n: number; x: number };
      if (prev.sum / prev.n <= last.sum / last.n) break;
      blocks.splice(blocks.length - 2, 2, { sum: prev.sum + last.sum, n: prev.n + last.n, x: prev.x + last.x });
    }
  }
  // Shrink each block towards the overall rate a little, so a block of two points never claims 0 or 1.
  const total = sorted.length || 1;
  const base = sorted.filter((p) => p.correct).length / total;
  const prior = 2;
  return {
    x: blocks.map((b) => round(b.x / b.n)),
    y: enforceMonotone(blocks.map((b) => round((b.sum + prior * base) / (b.n + prior)))),
    fittedOn,
  };
}

function enforceMonotone(y: number[]): number[] {
  for (let i = 1; i < y.length; i++) if ((y[i] as number) < (y[i - 1] as number)) y[i] = y[i - 1] as number;
  return y;
}

/** The calibrated probability for a raw score: linear between the fitted points, flat beyond the ends. */
export function applyCalibration(map: CalibrationMap, score: number): number {
  const { x, y } = map;
  if (!x.length) return score;
  if (score <= (x[0] as number)) return y[0] as number;
  const last = x.length - 1;
  if (score >= (x[last] as number)) return y[last] as number;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((x[mid] as number) <= score) lo = mid;
    else hi = mid;
  }
  const x0 = x[lo] as number;
  const x1 = x[hi] as number;
  const t = x1 === x0 ? 0 : (score - x0) / (x1 - x0);
  return round((y[lo] as number) + t * ((y[hi] as number) - (y[lo] as number)));
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
