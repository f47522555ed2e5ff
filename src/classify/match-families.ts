import { hasCjk } from "../tariff/glossary-zh.ts";
import { PRODUCT_FAMILIES, type ProductFamily } from "./product-families.ts";
import type { ProductQuery, WeightedStem } from "./read-product-query.ts";
import { phraseStems } from "./tokenize-text.ts";

/** A knowledge-base family found in the input: which words named it and how much weight their place gave them. */
export type FamilyMatch = { family: ProductFamily; phrase: string; strength: number };

type Phrase = { stems: string[]; text: string; families: ProductFamily[] };
/** English phrases as a trie of stems: the phrase (if any) that ends here, and the stems that continue one. */
type StemTrie = { phrase?: Phrase; next: Map<string, StemTrie> };
type CompiledFamilies = { english: StemTrie; cjkByFirstChar: Map<string, Phrase[]> };

let compiled: CompiledFamilies | undefined;

/** Compile the knowledge base once: English terms as stem sequences, Chinese terms as literal strings, longest first. */
function compileFamilies(families: readonly ProductFamily[]): CompiledFamilies {
  const english = new Map<string, Phrase>();
  const chinese = new Map<string, Phrase>();
  for (const family of families) {
    for (const term of family.terms) {
      if (hasCjk(term)) {
        const key = term.normalize("NFKC").toLowerCase();
        const phrase = chinese.get(key) ?? { stems: [], text: key, families: [] };
        if (!phrase.families.includes(family)) phrase.families.push(family);
        chinese.set(key, phrase);
        continue;
      }
      const stems = phraseStems(term);
      if (!stems.length) continue;
      const key = stems.join(" ");
      const phrase = english.get(key) ?? { stems, text: term, families: [] };
      if (!phrase.families.includes(family)) phrase.families.push(family);
      english.set(key, phrase);
    }
  }
  const trie: StemTrie = { next: new Map() };
  for (const phrase of english.values()) {
    let node = trie;
    for (const stem of phrase.stems) {
      let child = node.next.get(stem);
      if (!child) {
        child = { next: new Map() };
        node.next.set(stem, child);
      }
      node = child;
    }
    node.phrase = phrase;
  }
  const cjkByFirstChar = groupBy(
    [...chinese.values()],
    (p) => p.text[0] as string,
    (p) => p.text.length,
  );
  return { english: trie, cjkByFirstChar };
}

function groupBy(phrases: Phrase[], key: (p: Phrase) => string, length: (p: Phrase) => number): Map<string, Phrase[]> {
  const map = new Map<string, Phrase[]>();
  for (const phrase of phrases) {
    const k = key(phrase);
    map.set(k, [...(map.get(k) ?? []), phrase]);
  }
  for (const list of map.values()) list.sort((a, b) => length(b) - length(a));
  return map;
}

/** Find the knowledge-base families the input names: greedy longest match over each run of stems (and over Chinese text), so "drill bit" beats "drill". */
export function matchFamilies(query: ProductQuery, families: readonly ProductFamily[] = PRODUCT_FAMILIES): FamilyMatch[] {
  if (!compiled && families === PRODUCT_FAMILIES) compiled = compileFamilies(families);
  const kb = families === PRODUCT_FAMILIES && compiled ? compiled : compileFamilies(families);
  const best = new Map<ProductFamily, FamilyMatch>();
  const note = (phrase: Phrase, strength: number) => {
    for (const family of phrase.families) {
      const current = best.get(family);
      if (!current || current.strength < strength) best.set(family, { family, phrase: phrase.text, strength });
    }
  };
  for (const run of query.runs) {
    const longestAt = (at: number) => longestPhraseAt(kb.english, run, at);
    let i = 0;
    while (i < run.length) {
      const hit = longestAt(i);
      if (!hit) {
        i++;
        continue;
      }
      // English puts the head noun last: when the phrase starting one word later overlaps this one and reaches further,
      // it names the goods ("dog chew toy" is a chew toy, not dog chews).
      const next = hit.stems.length > 1 ? longestAt(i + 1) : undefined;
      if (next && next.stems.length >= hit.stems.length) {
        i++;
        continue;
      }
      let weight = Number.NEGATIVE_INFINITY;
      for (let j = i; j < i + hit.stems.length && j < run.length; j++) weight = Math.max(weight, (run[j] as WeightedStem).weight);
      note(hit, weight * (1 + 0.4 * (hit.stems.length - 1)));
      i += hit.stems.length;
    }
  }
  const text = query.original.toLowerCase();
  let i = 0;
  while (i < text.length) {
    const hit = (kb.cjkByFirstChar.get(text[i] as string) ?? []).find((p) => text.startsWith(p.text, i));
    if (!hit) {
      i++;
      continue;
    }
    note(hit, 1.5 * (hit.text.length >= 3 ? 1.4 : 1));
    i += hit.text.length;
  }
  return [...best.values()].sort((a, b) => b.strength - a.strength);
}

/** The longest knowledge-base phrase whose stems start at `at` in the run (phrases are keyed by their stems, so at most one of each length matches). */
function longestPhraseAt(trie: StemTrie, run: readonly WeightedStem[], at: number): Phrase | undefined {
  let longest: Phrase | undefined;
  let node: StemTrie | undefined = trie;
  for (let i = at; i < run.length; i++) {
    node = node.next.get((run[i] as WeightedStem).stem);
    if (!node) break;
    if (node.phrase) longest = node.phrase;
  }
  return longest;
}
