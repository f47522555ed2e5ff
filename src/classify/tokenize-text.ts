import { createZhTranslator, type GlossaryEntry, hasCjk, ZH_EN_GLOSSARY } from "../tariff/glossary-zh.ts";
import { PRODUCT_FAMILIES } from "./product-families.ts";
import { stemWord } from "./stem-word.ts";

/** Function words: dropped everywhere. */
const STOPWORDS = new Set(
  (
    "a an and are as at be been being but by could did do does each either for from had has have having he her his how i if in into is it its " +
    "itself may might more most must my no nor not of on once only or other others our out over own per same shall she should so some such than that the their " +
    "them then there these they this those through to too under until upon very was we were what when where whether which while who whom why will with " +
    "within without would you your yours also about above after again against all any because before below between both during few " +
    "further here just like much now off onto since thereof therein thereto thus via whose etc ie eg"
  ).split(/\s+/),
);

/**
 * Soft words: kept in the word sequence, so a knowledge-base phrase such as "tool set", "green tea" or "tape measure" still
 * matches, but never a search term of their own — on their own they say nothing about the heading (colours, counts,
 * measurements, listing and ruling boilerplate).
 */
const SOFT_WORDS = new Set(
  (
    "can up high one two three four five six seven eight nine ten several various multiple many approximately approx " +
    "inch inches cm mm kg lb lbs oz ft set sets piece pieces pc pcs pack packs lot size sizes sized " +
    "color colour colors colours black white red blue green pink grey gray yellow purple beige brown orange gold-tone silver-tone " +
    "measure measures measured measuring dimension dimensions weigh weighs weight weighing length width height depth thick thickness diameter long wide deep " +
    "merchandise consideration submitted submission request requested ruling rulings importer import imported importation sample samples photo photos " +
    "literature information review reviewed state states stated indicate indicates indicated letter dated email provided provide provides inquiry subject " +
    "instant question issue model models number numbers sku partnumber item items identified referred described known called name named product products " +
    "brand brands style styles features feature featuring include includes including included consist consists consisting comprise comprises " +
    "comprised contain contains containing use used uses using design designed designs intended suitable specifically typically generally primarily principally " +
    "solely mainly free shipping hot sale sell selling seller best quality premium high-quality newest latest upgraded upgrade original genuine " +
    "official authentic gift gifts perfect ideal great cute fashion fashionable trendy stylish concern concerned assigned regret delay " +
    "decorate unit units type types kind kinds variety available made make makes manufactured manufacture constructed construct composed " +
    "feet foot meter meters centimeters millimeters grams kilograms pounds ounces percent approximate approximately nominal overall total"
  ).split(/\s+/),
);

/** Prefixes that change the word they join ("non-electric" is not "electric"), so the hyphenated word stays one. */
const JOINING_PREFIXES = new Set(["non", "anti", "semi", "multi", "self", "pre", "un"]);

const TOKEN_RE = /[a-z0-9]+(?:[-'][a-z0-9]+)*/g;

const stemCache = new Map<string, string>();

const IRREGULAR_ENDINGS: readonly [string, string][] = [
  ["shelves", "shelf"],
  ["knives", "knife"],
  ["scarves", "scarf"],
  ["leaves", "leaf"],
  ["halves", "half"],
];

/** "bookshelves" → "bookshelf": compounds ending in an irregular plural. */
function singularCompound(word: string): string {
  for (const [plural, singular] of IRREGULAR_ENDINGS) if (word.endsWith(plural)) return word.slice(0, -plural.length) + singular;
  return word;
}

/** Words whose Porter stem would meet an unrelated word's: "bearing" → "bear" made a teddy bear a ball bearing, "zinc-plated" steel read as a zinc plate, and "matching" pajamas as matches. */
const UNSTEMMED: Record<string, string> = {
  bearing: "bearing",
  bearings: "bearing",
  // "Phone Stand Desk Holder" is not a standing desk.
  standing: "standing",
  plated: "plated",
  plating: "plating",
  matching: "matching",
  travelator: "travelator",
  earring: "earring",
  earrings: "earring",
  // "Comfort bra", "comfort fit": a comforter is bedding, comfort is not.
  comforter: "comforter",
  comforters: "comforter",
  // "Leggings" are not legs, "webbing" is not a web, "coating" is not a coat.
  leggings: "leggings",
  legging: "leggings",
  webbing: "webbing",
  coating: "coating",
  coatings: "coating",
};

/** Plurals Porter does not fold onto their singular ("shelves" → "shelv" would never meet "shelf"). */
const IRREGULAR: Record<string, string> = {
  shelves: "shelf",
  knives: "knife",
  scarves: "scarf",
  halves: "half",
  leaves: "leaf",
  calves: "calf",
  hooves: "hoof",
  loaves: "loaf",
  wolves: "wolf",
  wives: "wife",
  mice: "mouse",
  teeth: "tooth",
  geese: "goose",
  feet: "foot",
  dice: "die",
  dies: "die",
  batteries: "battery",
  accessories: "accessory",
  glasses: "glass",
  boxes: "box",
  brushes: "brush",
  watches: "watch",
  dresses: "dress",
  sandwiches: "sandwich",
};

// The schedule is written in British English (aluminium, sulphate, moulded, fibre, tyre) and sellers mostly write American
// English: both spellings fold onto one before stemming.
const BRITISH_SPELLING: readonly [RegExp, string][] = [
  [/aluminium/, "aluminum"],
  [/sulph/, "sulf"],
  [/mould/, "mold"],
  [/colour/, "color"],
  [/vapour/, "vapor"],
  [/odour/, "odor"],
  [/labour/, "labor"],
  [/fibre/, "fiber"],
  [/centre/, "center"],
  [/(kilo|centi|milli)?metre/, "$1meter"],
  [/litre/, "liter"],
  [/^tyre/, "tire"],
  [/^grey/, "gray"],
  [/jewellery/, "jewelry"],
  [/catalogue/, "catalog"],
  [/programme/, "program"],
  [/^haem/, "hem"],
  [/^oestr/, "estr"],
  [/^paediatr/, "pediatr"],
  [/^aeroplane/, "airplane"],
  [/^pyjama/, "pajama"],
  [/^plough/, "plow"],
  [/^licence/, "license"],
  [/^defence/, "defense"],
  [/^cosy$/, "cozy"],
  [/(?<=.{3})ise(s|d)?$/, "ize$1"],
  [/(?<=.{3})ising$/, "izing"],
  [/(?<=.{3})isation(s)?$/, "ization$1"],
];

/** The American spelling of a British-spelt word (other words unchanged). */
export function americanSpelling(word: string): string {
  let out = word;
  for (const [re, to] of BRITISH_SPELLING) if (re.test(out)) out = out.replace(re, to);
  return out;
}

/** The stem of a lower-case word, cached (the vocabulary of a run is small). */
export function stemCached(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    const american = americanSpelling(word);
    stem = UNSTEMMED[american] ?? stemWord(IRREGULAR[american] ?? singularCompound(american));
    if (stemCache.size < 200_000) stemCache.set(word, stem);
  }
  return stem;
}

// A Chinese phrase of the knowledge base is read, longest match first, as the English name of its family (or families), so the
// glossary's reading of its parts does not name other goods: "手机支架" is a phone holder, not 手机 (telephone) + 支架; "鞋架" a
// shoe rack, not 鞋 (footwear). Phrases the glossary itself knows keep the glossary's words.
const FAMILY_ENTRIES: GlossaryEntry[] = (() => {
  const glossaryKeys = new Set(ZH_EN_GLOSSARY.map((entry) => entry.zh.normalize("NFKC").toLowerCase()));
  const englishByPhrase = new Map<string, Set<string>>();
  for (const family of PRODUCT_FAMILIES) {
    const english = family.terms.find((term) => !hasCjk(term));
    if (!english) continue;
    for (const term of family.terms) {
      const key = term.normalize("NFKC").toLowerCase();
      if (hasCjk(key) && key.length >= 2) englishByPhrase.set(key, (englishByPhrase.get(key) ?? new Set()).add(english));
    }
  }
  return [...englishByPhrase].filter(([zh]) => !glossaryKeys.has(zh)).map(([zh, english]) => ({ zh, en: [...english] }));
})();
const translateZhProduct = createZhTranslator([...ZH_EN_GLOSSARY, ...FAMILY_ENTRIES]);

/** Lower-case, width-folded text with straight quotes and possessives removed; Chinese is read through the product glossary. */
export function normalizeText(text: string): string {
  let s = text.normalize("NFKC");
  // A free gift named in a Chinese title ("送桌布": with a free tablecloth) is not the goods, so its words are not read.
  if (hasCjk(s)) s = translateZhProduct(s.replace(ZH_GIFT, " ").replace(ZH_APPLE_BRAND, " iphone ")).terms.join(" ; ");
  return (
    s
      .toLowerCase()
      .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
      .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
      .replace(/[\u2010-\u2015]/g, "-")
      .replace(/\bman-made\b/g, "manmade")
      .replace(/\bt shirts?\b/g, (m) => (m.endsWith("s") ? "t-shirts" : "t-shirt"))
      // "Athletic Short Sleeve T-Shirt" is not athletic shorts: a sleeve's length is one word.
      .replace(/\b(short|long|half|cap) sleeves?\b/g, "$1sleeve")
      // "A baseball-style cap" is a baseball cap.
      .replace(/\b([a-z]+)-style\b/g, "$1")
      .replace(/\bpart\s*(?:number|no\.?|#)/g, "partnumber")
      .replace(/\bapple\s+(?:\d{4}\s+)?(?=(?:macbook|iphone|ipad|airpods|imac|mac mini|mac studio|pencil|homepod|airtag|magic (?:mouse|keyboard|trackpad))\b)/g, "")
      .replace(DEVICE_MODEL, deviceWord)
      .replace(SHAPE_OF, "shaped")
      .replace(STYLES_NAMED, "styled")
      // "LED light-up shoes" are shoes that light up, not an LED light.
      .replace(/\b(?:led\s+)?light[- ]up\b/g, "illuminated")
      .replace(/([a-z])'s\b/g, "$1")
      .replace(/([a-z]s)'(?=\W|$)/g, "$1")
  );
}

/** "适用苹果11电池": 苹果 before a model number or a device word is the brand, not the fruit. */
export const ZH_APPLE_BRAND = /苹果(?=\s*(?:\d|手机|iphone|ipad|mac|x[rs]?\b|pro|max|plus|平板|耳机|电脑|笔记本|数据线|充电|手表|watch|se\b))/gi;
/** A gift word in a Chinese title ("送", "赠", "附赠"), not "送货" (delivery) or "赠品" said of the goods themselves. */
export const ZH_GIFT_WORD = /^(?:送(?![货达])|赠(?!品)|附赠)/;
/** What ends a gift in a Chinese title: a space or a mark. */
export const ZH_GIFT_END = /[\s,，;；。!！|/()（）【】[\]+]/;
const ZH_GIFT = new RegExp(`${ZH_GIFT_WORD.source.slice(1)}[^${ZH_GIFT_END.source.slice(1, -1)}]*`, "g");

// A shape is not the goods: "heart-shaped earrings", "a pillow in the shape of a cat", "ornaments in the shape of a gecko,
// butterfly or owl" name earrings, a pillow and ornaments.
const SHAPE_OF = /\b[a-z]+[- ]shaped\b|\bin the (?:shape|form) of (?:an? |the )?[a-z]+(?:(?:,\s*(?:or|and)\s+|,\s*|\s+(?:or|and)\s+)(?:an? )?[a-z]+)*/g;
// "Available in two styles: Duck and Avocado" names designs, not goods.
const STYLES_NAMED =
  /\b(?:available in|comes? in|in) (?:two|three|four|five|several|\d+) (?:styles|designs|shapes|characters|character shapes|prints|patterns)[:,]?(?: [a-z]+,?){1,4}(?: (?:and|or) [a-z]+)?/g;

// Device model names sit between the words that name the goods ("case for iPhone 15 Pro Max", "Galaxy S23 Ultra case"): they
// collapse to the kind of device, and "Apple" before them is a brand, not fruit.
const DEVICE_MODEL =
  /\b(?:apple\s+)?(iphone|ipad|ipod|macbook|airpods|imac)(?:\s+(?:air|pro|max|plus|mini|ultra|se|xr|xs|x|\d{1,2}(?:th)?(?:\s+gen(?:eration)?)?))*\b|\bapple\s+watch(?:\s+(?:series\s+)?(?:ultra|se|\d{1,2}))*\b|\bsamsung\s+galaxy(?!\s+(?:tab|watch|buds|book))(?:\s+(?:[a-z]{0,2}\d{1,3}[a-z+]*|ultra|plus|fe|note|fold\d*|flip\d*|pro|edge|lite|5g))*\b|\bgoogle\s+pixel(?:\s+(?:\d{1,2}[a-z]?|pro|xl|fold|a))*\b/g;

function deviceWord(match: string, apple?: string): string {
  if (apple) return apple;
  if (match.startsWith("apple")) return "smart watch";
  return "mobile phone";
}

// Nouns that name a colour when a colour word or "-colored" follows them: "charcoal gray", "ivory and cream-colored",
// "olive green", "wine red". The goods are not charcoal, ivory or wine.
const COLOUR_NOUNS =
  "charcoal ivory cream navy olive wine coffee chocolate lemon lime rose champagne khaki slate sand camel mint peach salmon cherry plum burgundy " +
  "mustard chestnut honey caramel sky ice snow pearl gunmetal rust copper bronze brick jade emerald ruby sapphire amber coral ash smoke stone " +
  "teal turquoise aqua lavender lilac violet magenta fuchsia maroon taupe cocoa mocha espresso cinnamon ginger apricot tangerine";
const COLOUR_WORDS = "gray|grey|white|black|blue|green|brown|red|pink|yellow|purple|beige|orange";
const COLOUR_NOUN = `(?:${COLOUR_NOUNS.split(" ").join("|")}|${COLOUR_WORDS})`;
const COLOUR_PHRASE = new RegExp(`\\b${COLOUR_NOUN}(?:\\s*(?:,|and|or|/|to)\\s*${COLOUR_NOUN})*(?:[- ](?:colou?red|tone[ds]?)\\b|(?=[- ](?:${COLOUR_WORDS})\\b))`, "g");

// "light gray", "dark blue": the shade word is not a lamp or a weight class.
const SHADE = new RegExp(`\\b(?:light|dark|pale|bright|deep)[- ](?=(?:${COLOUR_WORDS})\\b)`, "g");

/** A seller's text with colour names made of nouns taken out ("charcoal gray mottling" → "gray mottling"), so the noun is not read as the goods. */
export function dropColourNouns(normalized: string): string {
  return normalized.replace(SHADE, "").replace(COLOUR_PHRASE, (phrase) => (/[- ](?:colou?red|tone[ds]?)$/.test(phrase) ? "colored" : ""));
}

/** One word of a text: its stem, the word it came from, and whether it is soft (kept for phrases, never a term). */
export type Token = { stem: string; word: string; soft: boolean };

/** The words of normalised text as stems, in order; "t-shirts", "e-bike" and "non-electric" join into one word, "lithium-ion" splits in two; function words are dropped, numbers and model codes are soft. */
export function tokenizeText(normalized: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let match = TOKEN_RE.exec(normalized); match; match = TOKEN_RE.exec(normalized)) {
    for (const token of tokensOfMatch(match[0])) tokens.push(token);
  }
  return tokens;
}

/** Whether normalised text holds a word that is not soft, i.e. one a search term can come from (stops at the first). */
export function hasContentWord(normalized: string): boolean {
  TOKEN_RE.lastIndex = 0;
  for (let match = TOKEN_RE.exec(normalized); match; match = TOKEN_RE.exec(normalized)) {
    for (const token of tokensOfMatch(match[0])) if (!token.soft) return true;
  }
  return false;
}

const matchCache = new Map<string, readonly Token[]>();

/** The tokens of one matched word ("t-shirts", "lithium-ion"), cached: descriptions repeat their words, and each costs splits, set look-ups and a stem. The tokens are frozen, as every caller shares them. */
function tokensOfMatch(text: string): readonly Token[] {
  let tokens = matchCache.get(text);
  if (tokens === undefined) {
    const parts = text.split(/[-']/).filter(Boolean);
    const words = parts.length > 1 && ((parts[0]?.length ?? 0) <= 2 || JOINING_PREFIXES.has(parts[0] as string)) ? [parts.join("")] : parts;
    const found: Token[] = [];
    for (const word of words) {
      if (STOPWORDS.has(word)) continue;
      const soft = SOFT_WORDS.has(word) || /\d/.test(word) || word.length < 2;
      found.push(Object.freeze({ stem: soft && /\d/.test(word) ? word : stemCached(word), word, soft }));
    }
    tokens = found;
    if (matchCache.size < 200_000) matchCache.set(text, tokens);
  }
  return tokens;
}

/** The stems of a short phrase (a knowledge-base term or a tariff description), soft words included. */
export function phraseStems(text: string): string[] {
  return tokenizeText(normalizeText(text)).map((t) => t.stem);
}
