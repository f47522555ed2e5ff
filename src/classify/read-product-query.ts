import { hasCjk } from "../tariff/glossary-zh.ts";
import { type AttributeRole, readAttributes } from "./read-attributes.ts";
import { dropColourNouns, hasContentWord, normalizeText, type Token, tokenizeText, ZH_APPLE_BRAND } from "./tokenize-text.ts";
import { englishForSpanishPortuguese, spanishPortugueseScore } from "./translate-es-pt.ts";
import { englishForFrench, frenchScore } from "./translate-fr.ts";
import { VOCABULARY_SYNONYMS } from "./vocabulary-synonyms.ts";

/** What the engine classifies: a product title and/or description, with whatever else the seller knows. */
export type ProductInput = {
  title?: string;
  description?: string;
  /** Marketplace category path, e.g. "Electronics > Headphones > Earbuds". */
  category?: string;
  /** Structured attributes: material, gender, construction (knit/woven), powerSource, use, … */
  attributes?: Record<string, string | number | boolean | null | undefined>;
  price?: number;
  currency?: string;
};

/** A run of stems read from one part of the input, each with the weight its place gives it. */
/** One field of Chinese text: the title (whose earlier words weigh more), a category level or an attribute value, with its weight. */
export type ChineseField = { text: string; weight: number; title?: boolean };

export type WeightedStem = { stem: string; weight: number; word?: string; soft?: boolean; served?: boolean };

/** The product as the engine reads it: weighted terms, the stem sequence for phrase matching, and the raw text for rules. */
export type ProductQuery = {
  /** Term (stem, or "stem stem" bigram) → weight. */
  terms: Map<string, number>;
  /** Stem runs in reading order (one per sentence or field) for knowledge-base phrase matching. */
  runs: WeightedStem[][];
  /** All text, normalised (Chinese read through the glossary), for attribute rules. */
  text: string;
  /** The Chinese text as given, field by field, with what each field's words weigh (for Chinese knowledge-base terms); empty when there is none. */
  original: ChineseField[];
  /** Stem → the first word of the input it came from, to explain matches in the seller's words. */
  words: Map<string, string>;
  /** Head nouns: the last word of the phrase that names the goods (in the title, and after "is a …" in a description). */
  heads: string[];
  /** Attribute values by folded key ("brandname", "材质"), normalised; noise keys and values are left out. */
  attributes: Record<string, string>;
  /** Attribute values joined by the role of their key (material, gender, construction, power…). */
  facets: Partial<Record<AttributeRole, string>>;
  /** The material, fabric and composition values as written, lower-cased, with Chinese fibre names put in English ("锦纶88%" → "nylon 88%"), so the shares survive. */
  composition: string;
  price?: number;
  currency?: string;
};

/** Keys whose values state what the goods are made of: "Material", "Fabric type" (Amazon's fibre content), "材质成分". */
const COMPOSITION_ROLES = new Set<AttributeRole>(["material", "construction", "other"]);

// Chinese fibre names, longest first, as the English words the fibre facts read; the glossary's reading drops "%", which
// Section XI's chief-weight rule needs.
const ZH_FIBRE_NAMES: readonly [RegExp, string][] = [
  [/再生纤维素纤维|粘胶纤维|粘纤|粘胶|人造棉|人棉/g, "viscose"],
  [/聚酰胺纤维|聚酰胺|锦纶|尼龙/g, "nylon"],
  [/聚酯纤维|涤纶|聚酯/g, "polyester"],
  [/聚氨酯弹性纤维|氨纶|莱卡/g, "spandex"],
  [/莫代尔/g, "modal"],
  [/莱赛尔|天丝/g, "lyocell"],
  [/醋酸纤维|醋酯纤维|醋酸/g, "acetate"],
  [/铜氨纤维|铜氨/g, "cupro"],
  [/腈纶/g, "acrylic"],
  [/丙纶/g, "polypropylene"],
  [/山羊绒|羊绒/g, "cashmere"],
  [/绵羊毛|羊毛/g, "wool"],
  [/桑蚕丝|真丝|蚕丝/g, "silk"],
  [/亚麻/g, "linen"],
  [/棉/g, "cotton"],
];

/** An attribute value lower-cased, with Chinese fibre names replaced by English ones (spaced, so "锦纶88%" reads "nylon 88%"). */
export function fibreNamesInEnglish(value: string): string {
  let out = value.normalize("NFKC").toLowerCase();
  for (const [re, english] of ZH_FIBRE_NAMES) out = out.replace(re, ` ${english} `);
  return out;
}

const TITLE_WEIGHT = 1.5;
const CATEGORY_WEIGHT = 1.2;
/** A Chinese term outside the title (a category level, an attribute) weighs what an English word in that field weighs, relative to the title. */
const CHINESE_FIELD_WEIGHT = 1 / TITLE_WEIGHT;
/** What an attribute weighs by the role of its key: "Item Type: Earrings" names the goods as a title does; gender, knit or power decide through facts. */
const ROLE_WEIGHT: Record<AttributeRole, number> = {
  ignore: 0,
  kind: 1.5,
  material: 0.8,
  upper: 0.8,
  sole: 0.3,
  lining: 0.2,
  minor: 0.2,
  gender: 0.5,
  construction: 0.5,
  power: 0.5,
  grade: 0.5,
  use: 0.45,
  other: 0.6,
};
const AFTER_FOR = 0.45;
const AFTER_WITH = 0.6;
const SUBJECT_BOOST = 1.5;
const HEAD_BOOST = 1.4;
const SERVED_FACTOR = 0.6;
const MATERIAL_FACTOR = 0.6;
/** What follows these words is what the goods are made of ("constructed of medium density fiberboard"), not what they are. */
const MATERIAL_MARKER = /\b(?:made (?:of|from)|constructed (?:of|from)|composed (?:of|from)|fabricated (?:of|from)|manufactured (?:of|from))\b/;

const BOILERPLATE = [
  /^this analysis has been completed/,
  /\bsincerely\b|national commodity specialist|\bdirector\b.*\bdivision\b/,
  /^we agree\b/,
  /\b(?:were|was|have been|has been) (?:submitted|provided|received)\b.*\b(?:review|request|ruling)\b/,
  /^in lieu of samples?\b/,
  /^(?:additional|further) information was (?:provided|submitted)/,
  /\bif you have any questions\b|\bthis ruling is being issued\b|\bcontact national import specialist\b/,
  /^(?:a|the) (?:sample|samples?) (?:was|were) (?:submitted|provided|sent)/,
];

/** Read a product input into weighted terms: the title and the first sentences that name the goods weigh most. */
export function readProductQuery(input: ProductInput): ProductQuery {
  const runs: WeightedStem[][] = [];
  const texts: string[] = [];
  const heads: string[] = [];
  // A Spanish or Portuguese listing (Mercado Libre, Shopee Brasil) is read in English, every field of it.
  const normalizeField = foreignReader(`${input.title ?? ""} ${input.category ?? ""}`.toLowerCase());
  if (input.title?.trim()) {
    const normalized = dropColourNouns(normalizeField(input.title));
    texts.push(normalized);
    const title = titleRuns(normalized);
    const head = title[0]?.filter((t) => !t.soft).at(-1)?.stem;
    if (head) heads.push(head);
    runs.push(...title);
  }
  if (input.description?.trim()) {
    const normalized = dropColourNouns(normalizeField(input.description));
    texts.push(normalized);
    runs.push(...descriptionRuns(normalized, !input.title?.trim(), heads));
  }
  const chinese: ChineseField[] = [];
  if (input.title) chinese.push({ text: input.title, weight: 1, title: true });
  if (input.description) chinese.push({ text: input.description, weight: 1, title: true });
  for (const { text: part, weight } of categoryParts(input.category ?? "")) {
    const normalized = normalizeField(part);
    texts.push(normalized);
    runs.push(weighted(tokenizeText(normalized), CATEGORY_WEIGHT * weight));
    chinese.push({ text: part, weight: CATEGORY_WEIGHT * weight * CHINESE_FIELD_WEIGHT });
  }
  const attributes: Record<string, string> = {};
  const facets: Partial<Record<AttributeRole, string>> = {};
  const compositions: string[] = [];
  for (const { key, role, value } of readAttributes(input.attributes)) {
    // A sole's material is read as "outer sole of …", so rules on footwear find it however the seller keyed it.
    const text = role === "sole" ? `outer sole ${normalizeField(value)}` : normalizeField(value);
    attributes[key] = text;
    facets[role] = facets[role] ? `${facets[role]} ; ${text}` : text;
    chinese.push({ text: value, weight: ROLE_WEIGHT[role] * CHINESE_FIELD_WEIGHT });
    if (COMPOSITION_ROLES.has(role)) compositions.push(fibreNamesInEnglish(value));
    // A lining, a clasp or an earring back is a minor part: rules and facts read the goods, not it ("925 silver clasp").
    if (role !== "lining" && role !== "minor") texts.push(text);
    const run = weighted(tokenizeText(text), ROLE_WEIGHT[role]);
    if (role === "use") for (const t of run) t.served = true;
    if (role === "kind") {
      const head = run.filter((t) => !t.soft).at(-1)?.stem;
      if (head && !heads.includes(head)) heads.push(head);
    }
    runs.push(run);
  }
  const words = new Map<string, string>();
  for (const run of runs) for (const t of run) if (t.word && !words.has(t.stem)) words.set(t.stem, t.word);
  return {
    terms: termsOfRuns(runs),
    runs,
    text: texts.join(" . "),
    original: chinese.filter((f) => f.weight > 0 && hasCjk(f.text)).map((f) => ({ ...f, text: f.text.normalize("NFKC").replace(ZH_APPLE_BRAND, " iphone ").toLowerCase() })),
    words,
    heads,
    attributes,
    facets,
    composition: compositions.join(" ; "),
    price: input.price,
    currency: input.currency,
  };
}

/** How a listing's fields are normalised: read in English when the listing is Spanish, Portuguese or French (whichever it reads as more strongly). */
function foreignReader(text: string): (field: string) => string {
  const spanish = spanishPortugueseScore(text);
  const french = frenchScore(text);
  if (french > spanish) return (field) => englishForFrench(normalizeText(field), true);
  if (spanish > 0) return (field) => englishForSpanishPortuguese(normalizeText(field), true);
  return normalizeText;
}

/**
 * A category path's levels with what each weighs: the leaf names the goods; the levels above weigh less, a level above it that
 * lists alternatives ("洗护清洁剂/卫生巾/纸/香薰") less again, and the department at the top of a deep path ("Automobiles &
 * Motorcycles") least, since it names a whole store section rather than the goods.
 */
function categoryParts(category: string): { text: string; weight: number }[] {
  // Without a level mark, slashes are the levels ("服饰配件/丝巾"); with one, a slash inside a level separates alternatives.
  const levels = category
    .split(/[>|›»]/.test(category) ? /\s*(?:>|\||›|»)\s*/ : /\s*\/\s*/)
    .map((level) => level.trim())
    .filter(Boolean);
  return levels.flatMap((level, i) => {
    // "宠物食品及用品" (pet food and supplies) lists alternatives as much as a slash does.
    const alternatives = level.split(/\s*[\/、]\s*|(?<=[\u4e00-\u9fff])[及和与](?=[\u4e00-\u9fff])/).filter(Boolean);
    let weight = i === levels.length - 1 ? 1 : 0.6;
    if (alternatives.length > 1 && i < levels.length - 1) weight *= 0.5;
    if (i === 0 && levels.length >= 3) weight *= 0.5;
    return alternatives.map((text) => ({ text, weight }));
  });
}

function weighted(tokens: Token[], weight: number): WeightedStem[] {
  return tokens.map((t) => ({ stem: t.stem, weight, word: t.word, soft: t.soft }));
}

/**
 * A marketplace title: the product noun comes first and later words are features, so weight decays along the title; words
 * after "for"/"compatible with" name what the goods fit, and words after "with"/"includes" name accessories, so both weigh less.
 */
function titleRuns(normalized: string): WeightedStem[][] {
  const runs: WeightedStem[][] = [];
  let position = 0;
  for (const piece of normalized.split(/[,;|/()[\]【】]+|\s[-–]\s/)) {
    const parts = piece.split(/\b(for|compatible with|fits|fit for|suitable for|with|w\/|includes?|including|plus)\b|\+/);
    let factor = 1;
    for (const part of parts) {
      if (part === undefined) continue;
      if (/^(?:for|compatible with|fits|fit for|suitable for)$/.test(part)) {
        // A title that opens with "for iPhone 15 … case" names nothing before it: what follows is the goods as well.
        if (position > 0) factor = AFTER_FOR;
        continue;
      }
      if (/^(?:with|w\/|includes?|including|plus)$/.test(part)) {
        factor = AFTER_WITH;
        continue;
      }
      const tokens = tokenizeText(part);
      if (!tokens.length) continue;
      runs.push(
        tokens.map((t) => {
          const weight = TITLE_WEIGHT * factor * Math.max(0.55, 1 - 0.06 * position);
          if (!t.soft) position++;
          return factor === AFTER_FOR ? { stem: t.stem, weight, word: t.word, soft: t.soft, served: true } : { stem: t.stem, weight, word: t.word, soft: t.soft };
        }),
      );
    }
  }
  return runs;
}

/** A description: the first sentences that name the goods weigh most, boilerplate sentences are dropped, the noun phrase after "is a …" is boosted. */
function descriptionRuns(normalized: string, isMain: boolean, heads: string[]): WeightedStem[][] {
  const sentences = normalized
    .replace(/\b(?:e\.g|i\.e|etc|no|nos|approx|inc|ltd|co|corp|u\.s|mr|ms|dr)\./g, (m) => m.replace(/\./g, ""))
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 2 && !BOILERPLATE.some((re) => re.test(s)));
  const runs: WeightedStem[][] = [];
  let content = 0;
  let foundSubject = false;
  for (const sentence of sentences) {
    if (!hasContentWord(sentence)) continue;
    const base = (isMain ? [1.6, 1.2, 0.9, 0.7, 0.55, 0.45] : [1.0, 0.8, 0.6, 0.5])[content] ?? 0.35;
    const subject = content < 2 && !foundSubject ? subjectStems(sentence) : { stems: new Set<string>() };
    if (subject.head) {
      foundSubject = true;
      heads.push(subject.head);
    }
    const weightOf = (stem: string) => (stem === subject.head ? base * SUBJECT_BOOST * HEAD_BOOST : subject.stems.has(stem) ? base * SUBJECT_BOOST : base);
    // What follows "for"/"used with" is what the goods serve, not what they are ("cut to size for kitchen countertops and
    // office furniture"), in any sentence: on the CBP set this moved 2 rulings to the right chapter and 5 to the right heading.
    const [named, ...served] = sentence.split(/\b(?:for use (?:with|in|on)|for|used (?:with|in|on)|compatible with|designed for)\b/);
    const [goods, ...material] = (named ?? "").split(MATERIAL_MARKER);
    runs.push(tokenizeText(goods ?? "").map((t) => ({ stem: t.stem, weight: weightOf(t.stem), word: t.word, soft: t.soft })));
    for (const part of material) runs.push(tokenizeText(part).map((t) => ({ stem: t.stem, weight: weightOf(t.stem) * MATERIAL_FACTOR, word: t.word, soft: t.soft })));
    for (const part of served) runs.push(tokenizeText(part).map((t) => ({ stem: t.stem, weight: weightOf(t.stem) * SERVED_FACTOR, word: t.word, soft: t.soft, served: true })));
    content++;
  }
  return runs;
}

const NP = `([^.,;:()]{3,90}?)(?=[,.;:()]|\\s(?:which|that|with|designed|used|made|intended|for|constructed|composed|manufactured|of|in|on|to|and|when|from|identified|referred|described|known|consisting|comprised|measuring|featuring|has|have|is|are|was|were|representing|resembling|depicting|containing|including|incorporating|equipped|fitted|powered|operated|mounted|attached|packaged|packed|imported|engineered|configured|installed|housed)\\b|$)`;
const SUBJECT_PATTERNS = [
  new RegExp(`\\b(?:referred to|identified|described|known|marketed|sold|designated|called) as\\s+(?:an?\\s|the\\s)?${NP}`),
  new RegExp(`\\b(?:is|are)\\s+(?:an?|the|two|three|four|five|six|several|various|\\d+)\\s+${NP}`),
  new RegExp(
    `\\b(?:merchandise|product|products|item|items|article|articles|goods)\\s+(?:is|are)\\s+(?!an?\\b|the\\b|used\\b|made\\b|designed\\b|intended\\b|described\\b|identified\\b|referred\\b|imported\\b|composed\\b|constructed\\b|comprised\\b)${NP}`,
  ),
  new RegExp(`^(?:each|the|an?|this|these|both)\\s+${NP.replace("{3,90}?", "{3,60}?")}\\s+(?:consists?|comprises?|is|are|features?|measures?|has|have|contains?)\\b`),
];

/** The stems of the noun phrase that names the goods in a sentence ("… is a cordless hammer drill, …"), and its head (the last word). */
function subjectStems(sentence: string): { stems: Set<string>; head?: string } {
  // An abbreviation in brackets inside the phrase ("an acrylonitrile-butadiene-styrene (ABS) plastic wall mount bracket")
  // would otherwise end it at the material.
  // So would a decimal point in a size ("a 3.15” H citronella candle").
  // And so would the item number a ruling names first ("identified as item number W83563, Light Up Cauldron").
  const plain = sentence
    .replace(/\s*\([^()]{1,40}\)/g, "")
    .replace(/(\d)\.(\d)/g, "$1$2")
    .replace(/\b(?:item|model|style|sku|product|partnumber)(?: number| no| #)?\s*#?\s*[a-z]*\d[\w-]*,?\s*/g, "");
  for (const pattern of SUBJECT_PATTERNS) {
    // "An ornament in the shape of a gecko" reads "an ornament shaped": the shape follows the head noun.
    const phrase = pattern.exec(plain)?.[1]?.replace(/\s+shaped\s*$/, "");
    if (!phrase) continue;
    const content = tokenizeText(phrase.replace(/["“”]/g, " ")).filter((t) => !t.soft);
    if (!content.length) continue;
    return { stems: new Set(content.map((t) => t.stem)), head: content[content.length - 1]?.stem };
  }
  return { stems: new Set() };
}

/** Term weights: each stem takes its heaviest occurrence plus a little for repetition; adjacent stems also form bigram terms; synonyms add the schedule's word. */
function termsOfRuns(runs: WeightedStem[][]): Map<string, number> {
  // One entry per term holding both its heaviest weight and its count: a long description notes a term hundreds of times.
  const seen = new Map<string, { best: number; count: number }>();
  const note = (term: string, weight: number) => {
    const entry = seen.get(term);
    if (entry) {
      entry.best = Math.max(entry.best, weight);
      entry.count++;
    } else seen.set(term, { best: Math.max(0, weight), count: 1 });
  };
  for (const run of runs) {
    const content = run.filter((t) => !t.soft);
    for (let i = 0; i < content.length; i++) {
      const { stem, weight } = content[i] as WeightedStem;
      note(stem, weight);
      for (const synonym of VOCABULARY_SYNONYMS.get(stem) ?? []) note(synonym, weight * 0.8);
      const next = content[i + 1];
      if (next) note(`${stem} ${next.stem}`, Math.min(weight, next.weight));
    }
  }
  const terms = new Map<string, number>();
  for (const [term, { best, count }] of seen) terms.set(term, best + Math.min(0.6, 0.15 * (count - 1)));
  return terms;
}
