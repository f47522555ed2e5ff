import type { ClassifyIndex, IndexNode } from "./build-classify-index.ts";
import { CLASSIFICATION_RULES, type ClassificationRule, type RuleCondition } from "./classification-rules.ts";
import type { ProductFacts } from "./read-product-facts.ts";
import { phraseStems } from "./tokenize-text.ts";

/** A rule that applied, with the nodes it moved and by how much. */
export type AppliedRule = { rule: ClassificationRule; effects: Map<number, number> };

/** What a rule condition is tested against; `tested` keeps each pattern's answer for this text (many rules share a pattern). */
export type RuleContext = { facts: ProductFacts; families: Set<string>; text: string; tested?: Map<string, boolean> };

/** Test one condition. */
export function ruleHolds(condition: RuleCondition, ctx: RuleContext): boolean {
  if ("all" in condition) return condition.all.every((c) => ruleHolds(c, ctx));
  if ("any" in condition) return condition.any.some((c) => ruleHolds(c, ctx));
  if ("not" in condition) return !ruleHolds(condition.not, ctx);
  if ("fact" in condition) return condition.is.includes(ctx.facts[condition.fact] as string | boolean);
  if ("material" in condition) return condition.material.some((m) => ctx.facts.materials.includes(m));
  if ("mainMaterial" in condition) return condition.mainMaterial.includes(ctx.facts.materials.find((m) => m !== "textile") ?? "");
  if ("head" in condition) return ctx.facts.heads.some((h) => headStems(condition.head).has(h));
  if ("headOutside" in condition) return ctx.facts.heads.length > 0 && !ctx.facts.heads.some((h) => headStems(condition.headOutside).has(h));
  if ("family" in condition) return condition.family.some((f) => ctx.families.has(f));
  if ("familyPrefix" in condition) {
    for (const family of ctx.families) if (condition.familyPrefix.some((p) => family.startsWith(p))) return true;
    return false;
  }
  ctx.tested ??= new Map();
  const known = ctx.tested.get(condition.text);
  if (known !== undefined) return known;
  let re = regexCache.get(condition.text);
  if (!re) {
    re = new RegExp(condition.text);
    regexCache.set(condition.text, re);
  }
  const holds = re.test(ctx.text);
  ctx.tested.set(condition.text, holds);
  return holds;
}

const regexCache = new Map<string, RegExp>();

/** The rules whose conditions hold for these goods, each tested once. */
export function rulesThatHold(ctx: RuleContext, rules: readonly ClassificationRule[] = CLASSIFICATION_RULES): ClassificationRule[] {
  return rules.filter((rule) => ruleHolds(rule.when, ctx));
}

/** Apply rules that hold (see rulesThatHold): add each one's evidence to the nodes it names, into `bonus`, and say which rules applied. */
export function applyRules(index: ClassifyIndex, holding: readonly ClassificationRule[], bonus: Float64Array): AppliedRule[] {
  const applied: AppliedRule[] = [];
  for (const rule of holding) {
    const effects = effectsOf(index, rule);
    // forEach, not for…of: a rule can move thousands of lines, and each entry of a for…of is a fresh array.
    effects.forEach((weight, id) => {
      bonus[id] = (bonus[id] as number) + weight;
    });
    if (effects.size) applied.push({ rule, effects });
  }
  return applied;
}

/** A code (by leading digits) the goods are excluded from, and where a family's evidence for it goes instead (nowhere when unset). */
export type Exclusion = { prefix: string; moveTo?: string };

/** The codes that legal notes which hold (see rulesThatHold) exclude the goods from. */
export function excludedCodes(holding: readonly ClassificationRule[]): Exclusion[] {
  const excluded: Exclusion[] = [];
  for (const rule of holding) {
    if (!rule.effect.exclude) continue;
    const moveTo = rule.effect.moveTo;
    for (const prefix of rule.effect.exclude) excluded.push(moveTo ? { prefix, moveTo } : { prefix });
  }
  return excluded;
}

const effectCache = new WeakMap<ClassifyIndex, Map<ClassificationRule, Map<number, number>>>();

/** The nodes a rule moves depend only on the index, so they are found once per index and rule. */
function effectsOf(index: ClassifyIndex, rule: ClassificationRule): Map<number, number> {
  let byRule = effectCache.get(index);
  if (!byRule) {
    byRule = new Map();
    effectCache.set(index, byRule);
  }
  let effects = byRule.get(rule);
  if (!effects) {
    effects = new Map();
    for (const [code, weight] of Object.entries(rule.effect.codes ?? {})) {
      // The evidence sits on the code; every path through it carries it, so the decisions above it see the rule too.
      const id = index.byCode.get(code);
      if (id !== undefined) effects.set(id, (effects.get(id) ?? 0) + weight);
    }
    if (rule.effect.lines) lineEffects(index, rule.effect.lines, effects);
    byRule.set(rule, effects);
  }
  return effects;
}

const headCache = new WeakMap<readonly string[], Set<string>>();

function headStems(words: readonly string[]): Set<string> {
  let stems = headCache.get(words);
  if (!stems) {
    stems = new Set(words.flatMap((w) => phraseStems(w)));
    headCache.set(words, stems);
  }
  return stems;
}

function lineEffects(index: ClassifyIndex, lines: NonNullable<ClassificationRule["effect"]["lines"]>, effects: Map<number, number>): void {
  const within = lines.within;
  const touch = (words: string[], weight: number) => {
    const seen = new Set<number>();
    for (const stem of words.flatMap((w) => phraseStems(w))) {
      const postings = index.postings.get(stem);
      if (!postings) continue;
      for (let i = 0; i < postings.ids.length; i++) {
        const id = postings.ids[i] as number;
        if ((postings.weights[i] as number) < 1 || seen.has(id)) continue;
        const node = index.nodes[id] as IndexNode;
        if (node.level < 4 || (within && !within.includes(node.code.slice(0, 2)))) continue;
        seen.add(id);
        effects.set(id, (effects.get(id) ?? 0) + weight);
      }
    }
  };
  touch(lines.prefer, lines.weight);
  if (lines.avoid) touch(lines.avoid, -lines.weight);
}
