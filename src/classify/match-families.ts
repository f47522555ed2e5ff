import { hasCjk } from "../tariff/glossary-zh.ts";
import { PRODUCT_FAMILIES, type ProductFamily } from "./product-families.ts";
import type { ChineseField, ProductQuery, WeightedStem } from "./read-product-query.ts";
import { phraseStems, ZH_GIFT_END, ZH_GIFT_WORD } from "./tokenize-text.ts";

/** A knowledge-base family found in the input: which words named it, how much weight their place gave them, and whether they only name what the goods serve ("… for a crane"). */
export type FamilyMatch = { family: ProductFamily; phrase: string; strength: number; served?: boolean; stems?: readonly string[] };

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

/** Words that count goods after a number ("24 pack", "10 pcs", "2 sets"). */
const COUNT_WORDS = new Set(["pack", "pc", "piec", "set", "count", "ct", "pair", "roll", "box", "lot", "bag", "sheet"]);

/** The longest knowledge-base phrase starting at a word of a run, and where it ends; numbers and model codes inside it do not break it ("bluetooth 5.3 transmitter" names a bluetooth transmitter). */
function longestPhraseAt(trie: StemTrie, run: readonly WeightedStem[], at: number): { phrase: Phrase; end: number } | undefined {
  let longest: { phrase: Phrase; end: number } | undefined;
  let node: StemTrie | undefined = trie;
  let skippedNumber = false;
  for (let i = at; i < run.length; i++) {
    const token = run[i] as WeightedStem;
    // "Batteries 1.5V LR6 24 Pack": a count word after a number counts the goods, it does not name a "battery pack".
    if (skippedNumber && COUNT_WORDS.has(token.stem)) break;
    const child: StemTrie | undefined = node.next.get(token.stem);
    if (!child) {
      if (i > at && token.soft && /\d/.test(token.stem)) {
        skippedNumber = true;
        continue;
      }
      break;
    }
    node = child;
    if (node.phrase) longest = { phrase: node.phrase, end: i + 1 };
  }
  return longest;
}

const GIFT_FACTOR = 0.5;
/** A Chinese term run straight into the next one modifies it ("汽车|车顶行李架", "毛线|帽子"): the goods are the later one. */
const MODIFIER_FACTOR = 0.5;
/** Runs lighter than this name a section of the shop, not the goods: the store department at the top of a deep category path ("Hogar, Muebles y Jardín > …"), an alternative listed in an upper category level, a sole or lining line. */
const MIN_RUN_WEIGHT = 0.37;
/** "适用爱普生…", "支持…台式机": what follows a fitting word, up to the next space or mark, is the machine the goods serve. */
const ZH_FOR_WORD = /^(?:适用|适配|用于|兼容|支持)/;
const ZH_SERVED_FACTOR = 0.45;

/** Whether two terms name goods of one heading ("香薰机加湿器", "笔记本本子"): then they name the goods twice, neither modifies the other; a part of the goods ("办公椅气压棒") is still what is sold. */
function sameHeading(a: Phrase, b: Phrase): boolean {
  if (b.families.some((f) => /\bparts?\b/.test(f.id))) return false;
  const headings = new Set(a.families.map((f) => f.codes[0]?.slice(0, 4)));
  return b.families.some((f) => headings.has(f.codes[0]?.slice(0, 4)));
}

/** Chinese knowledge-base terms in one field, longest first; in a title an earlier term weighs more, and a term that runs straight into another is a modifier. */
function matchChinese(kb: CompiledFamilies, field: ChineseField, note: (phrase: Phrase, strength: number, served?: boolean) => void): void {
  const { text } = field;
  const hits: { phrase: Phrase; at: number; strength: number; served: boolean }[] = [];
  let i = 0;
  // "送桌布" / "赠…" (a free tablecloth with the goods): what follows a gift word, up to the next space or mark, is an extra.
  let gift = false;
  let served = false;
  while (i < text.length) {
    const char = text[i] as string;
    if (ZH_GIFT_WORD.test(text.slice(i, i + 2))) gift = true;
    // A title that opens with a fitting word ("适用苹果11电池") names the goods inside it, as "for iPhone 15 … case" does.
    else if (field.title && i > 0 && ZH_FOR_WORD.test(text.slice(i, i + 2))) served = true;
    else if (ZH_GIFT_END.test(char)) gift = served = false;
    const hit = (kb.cjkByFirstChar.get(char) ?? []).find((p) => text.startsWith(p.text, i));
    if (!hit) {
      i++;
      continue;
    }
    // Chinese listing titles, like English ones, name the goods first and pile up features after: an earlier term weighs more.
    // Two Chinese characters make about one English word: a longer term is more specific, as a longer English phrase is.
    const place = field.title ? Math.max(0.6, 1 - 0.03 * i) : 1;
    const factor = (gift ? GIFT_FACTOR : 1) * (served ? ZH_SERVED_FACTOR : 1);
    hits.push({ phrase: hit, at: i, strength: 1.5 * field.weight * (1 + 0.2 * (hit.text.length - 2)) * place * factor, served });
    i += hit.text.length;
  }
  hits.forEach((hit, k) => {
    const next = hits[k + 1];
    const end = hit.at + hit.phrase.text.length;
    // "汽车点烟器" (car cigarette lighter), "摩托车油箱包" (motorcycle tank bag): a vehicle written straight into more words names
    // what the goods are for, even when the knowledge base does not know the words that follow.
    const vehicleModifier = namesWholeVehicle(hit.phrase) && /[\u4e00-\u9fff]/.test(text[end] ?? "") && !/^(?:整车|车架)/.test(text.slice(end, end + 2));
    const modifier = vehicleModifier || (next !== undefined && next.at === end && !sameHeading(hit.phrase, next.phrase));
    note(hit.phrase, modifier ? hit.strength * MODIFIER_FACTOR : hit.strength, hit.served);
  });
}

/** True when a phrase names a whole vehicle (a car, a truck, a motorcycle, a bicycle). */
function namesWholeVehicle(phrase: Phrase): boolean {
  return phrase.families.some((f) => /^(?:870[1-5]|8711|8712)/.test(f.codes[0] ?? ""));
}

/** Find the knowledge-base families the input names: greedy longest match over each run of stems (and over Chinese text), so "drill bit" beats "drill". */
export function matchFamilies(query: ProductQuery, families: readonly ProductFamily[] = PRODUCT_FAMILIES): FamilyMatch[] {
  if (!compiled && families === PRODUCT_FAMILIES) compiled = compileFamilies(families);
  const kb = families === PRODUCT_FAMILIES && compiled ? compiled : compileFamilies(families);
  const best = new Map<ProductFamily, FamilyMatch>();
  const note = (phrase: Phrase, strength: number, served = false) => {
    for (const family of phrase.families) {
      const current = best.get(family);
      if (!current || current.strength < strength)
        best.set(family, served ? { family, phrase: phrase.text, strength, served, stems: phrase.stems } : { family, phrase: phrase.text, strength, stems: phrase.stems });
    }
  };
  for (const run of query.runs) {
    const longestAt = (at: number) => longestPhraseAt(kb.english, run, at);
    let i = 0;
    while (i < run.length) {
      const found = longestAt(i);
      if (!found) {
        i++;
        continue;
      }
      // English puts the head noun last: when the phrase starting one word later overlaps this one and reaches further,
      // it names the goods ("dog chew toy" is a chew toy, not dog chews).
      const next = found.phrase.stems.length > 1 ? longestAt(i + 1) : undefined;
      if (next && next.end > found.end) {
        i++;
        continue;
      }
      let weight = Number.NEGATIVE_INFINITY;
      let served = true;
      for (let j = i; j < found.end; j++) {
        const token = run[j] as WeightedStem;
        weight = Math.max(weight, token.weight);
        served &&= token.served === true;
      }
      if (weight >= MIN_RUN_WEIGHT) note(found.phrase, weight * (1 + 0.4 * (found.phrase.stems.length - 1)), served);
      i = found.end;
    }
  }
  for (const field of query.original) matchChinese(kb, field, note);
  return [...best.values()].sort((a, b) => b.strength - a.strength);
}
