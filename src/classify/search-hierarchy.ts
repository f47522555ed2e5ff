import type { ClassifyIndex, IndexNode } from "./build-classify-index.ts";
import type { PathScores } from "./score-paths.ts";

/** The evidence the search decides on: path scores (schedule words and bonuses along each path), and the words gathered under each node, read only for the nodes the search visits. */
export type Evidence = PathScores & { extra: (id: number) => number };

/** A node's score among its siblings: the best path through it, plus the words gathered under it and the residual prior. */
export function siblingScore(index: ClassifyIndex, evidence: Evidence, id: number, settings: HierarchySettings): number {
  const node = index.nodes[id] as IndexNode;
  // National lines under a specific group row ("Rope, curb, cable…:") give up half the residual prior to the lines outside any
  // such group, so an "Other" of that group does not tie with the subheading's own final "Other".
  return evidence.best(id) + evidence.extra(id) + (node.residual ? settings.residualPrior : 0) - (node.specificGroup ? settings.residualPrior / 2 : 0);
}

/** Tunable settings of the decision: softmax temperature and beam width per level, and the prior of residual ("Other") lines. */
export type HierarchySettings = {
  temperature: Record<number, number>;
  beam: Record<number, number>;
  residualPrior: number;
  /** Weight, per level, of the words gathered anywhere under a node, next to the best single path beneath it. */
  aggregateWeight: Record<number, number>;
  /** Lexical evidence = lexicalScale × raw score / (query weight)^lengthExponent. */
  lexicalScale: number;
  lengthExponent: number;
  /** Evidence a knowledge-base family adds to its first code (later codes get less), times the strength of its match. */
  familyWeight: number;
};

/** Defaults chosen on the CBP development set (see bench/classify.bench.ts for the ablation). */
export const DEFAULT_HIERARCHY_SETTINGS: HierarchySettings = {
  temperature: { 2: 2, 4: 1.75, 6: 1.5, 8: 1.25, 10: 1.25 },
  beam: { 2: 8, 4: 14, 6: 18, 8: 24, 10: 30 },
  residualPrior: 3,
  aggregateWeight: { 2: 4, 4: 3, 6: 1, 8: 0.5, 10: 0.5 },
  lexicalScale: 0.5,
  lengthExponent: 0,
  familyWeight: 25,
};

/** A leaf reached by the search, with its log-probability and the nodes on its path (chapter first). */
export type PathCandidate = { leaf: number; logp: number; path: number[] };

type Step = { id: number; logp: number; prev: Step | null };

/** Log normaliser of each softmax the search computed, keyed by parent id × 16 + temperature (the parent of chapters is -1). */
export type SiblingGroups = Map<number, { logZ: number }>;

/**
 * Decide chapter → heading → subheading → national line, keeping a beam of the likeliest paths; each level is a softmax over
 * siblings. When `groups` is given, each softmax's normaliser is recorded in it, so an explanation need not score the siblings again.
 */
export function searchHierarchy(
  index: ClassifyIndex,
  evidence: Evidence,
  depth: 6 | 10,
  settings: HierarchySettings = DEFAULT_HIERARCHY_SETTINGS,
  groups?: SiblingGroups,
): PathCandidate[] {
  let beam = likeliest(expand(index, index.chapters, evidence, null, 2, settings, groups), settings.beam[2] ?? 8);
  for (const level of [4, 6, 8, 10]) {
    if (level > depth) break;
    const next: Step[] = [];
    for (const step of beam) {
      const node = index.nodes[step.id] as IndexNode;
      const children = node.level >= depth ? [] : node.children;
      if (!children.length) next.push(step);
      else for (const child of expand(index, children, evidence, step, level, settings, groups)) next.push(child);
    }
    beam = likeliest(next, settings.beam[level] ?? 20);
  }
  return beam.map((step) => {
    const path: number[] = [];
    for (let at: Step | null = step; at; at = at.prev) path.unshift(at.id);
    return { leaf: step.id, logp: step.logp, path };
  });
}

function expand(index: ClassifyIndex, ids: readonly number[], evidence: Evidence, parent: Step | null, level: number, settings: HierarchySettings, groups?: SiblingGroups): Step[] {
  const temperature = settings.temperature[level] ?? 3;
  const base = parent === null ? 0 : parent.logp;
  const scores = workArray(0, ids.length);
  let max = -Infinity;
  for (let i = 0; i < ids.length; i++) {
    const s = siblingScore(index, evidence, ids[i] as number, settings) / temperature;
    scores[i] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let i = 0; i < ids.length; i++) sum += Math.exp((scores[i] as number) - max);
  const logZ = max + Math.log(sum);
  // The key packs the temperature into the low bits, so it is unambiguous only for temperatures in (0, 16).
  const key = (parent === null ? -1 : parent.id) * 16 + temperature;
  if (groups && temperature > 0 && temperature < 16 && !groups.has(key)) groups.set(key, { logZ });
  const steps: Step[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) steps[i] = { id: ids[i] as number, logp: base + (scores[i] as number) - logZ, prev: parent };
  return steps;
}

// Work arrays reused across calls (the search is synchronous): a typed array of a few hundred numbers is allocated outside the
// heap, and hundreds of them per classification made the garbage collector a tenth of the work.
const work: Float64Array[] = [new Float64Array(256), new Float64Array(256)];

/** Work array `slot` with room for at least `length` numbers (its contents are left over from earlier calls). */
function workArray(slot: 0 | 1, length: number): Float64Array {
  let array = work[slot] as Float64Array;
  if (array.length < length) {
    array = new Float64Array(Math.max(length, array.length * 2));
    work[slot] = array;
  }
  return array;
}

function byLogp(a: { logp: number }, b: { logp: number }): number {
  return b.logp - a.logp;
}

/**
 * The `width` likeliest steps, likeliest first, ties in their given order: exactly `steps.sort(byLogp).slice(0, width)`, but
 * only the steps that make the cut are sorted (a level can offer hundreds of children for a beam of 8–30).
 */
function likeliest(steps: Step[], width: number): Step[] {
  if (steps.length <= width || !Number.isInteger(width) || width <= 0) return steps.sort(byLogp).slice(0, width);
  const logps = workArray(1, steps.length);
  for (let i = 0; i < steps.length; i++) {
    const logp = (steps[i] as Step).logp;
    // A NaN would make the comparator inconsistent, and the full sort is then the only faithful answer.
    if (Number.isNaN(logp)) return steps.sort(byLogp).slice(0, width);
    logps[i] = logp;
  }
  const cut = nthSmallest(logps, steps.length, steps.length - width);
  let above = 0;
  for (const step of steps) if (step.logp > cut) above++;
  let ties = width - above;
  const kept: Step[] = [];
  for (const step of steps) {
    if (step.logp > cut) kept.push(step);
    else if (step.logp === cut && ties > 0) {
      kept.push(step);
      ties--;
    }
  }
  return kept.sort(byLogp);
}

/** One flat match over every code (ablation): each leaf is scored on its whole description path at once, one softmax over all leaves. */
export function searchFlat(index: ClassifyIndex, evidence: Evidence, depth: 6 | 10, temperature = 3): PathCandidate[] {
  const scored: { leaf: number; s: number }[] = [];
  index.nodes.forEach((node, id) => {
    if (!(node.level === depth || (node.level < depth && node.leaf) || (depth === 10 && node.level === 8 && node.leaf))) return;
    scored.push({ leaf: id, s: evidence.pathScore(id) / temperature });
  });
  const max = Math.max(...scored.map((c) => c.s));
  const logZ = max + Math.log(scored.reduce((sum, c) => sum + Math.exp(c.s - max), 0));
  return scored
    .sort((a, b) => b.s - a.s)
    .slice(0, 30)
    .map((c) => ({ leaf: c.leaf, path: pathOf(index, c.leaf), logp: c.s - logZ }));
}

/** The nodes from the chapter down to this one. */
export function pathOf(index: ClassifyIndex, id: number): number[] {
  const path: number[] = [];
  for (let at = id; at >= 0; at = (index.nodes[at] as IndexNode).parent) path.unshift(at);
  return path;
}

/** The value that would sit at position `k` if the first `length` values were sorted ascending (Hoare's selection; reorders them). */
function nthSmallest(values: Float64Array, length: number, k: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i++] = values[j] as number;
        values[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] as number;
}
