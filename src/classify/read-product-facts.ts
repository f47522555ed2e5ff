import type { ProductQuery } from "./read-product-query.ts";

/** What attribute rules look at: facts read from the attributes the seller gave, else from the text. */
export type ProductFacts = {
  construction?: "knit" | "woven" | "nonwoven";
  /** The fabric is printed (bed and table linen are split by it). */
  printed?: boolean;
  gender?: "men" | "women" | "boys" | "girls" | "babies" | "unisex";
  /** Textile fibre that predominates by weight (from percentages when given, else the first named). */
  fibre?: "cotton" | "synthetic" | "artificial" | "wool" | "silk" | "flax" | "other";
  /** Materials named, in the order of the evidence for them. */
  materials: string[];
  /** Precious metal present beyond plating (gold, silver, platinum; 925, 14k, 18k…). */
  preciousMetal: boolean;
  /** Explicitly imitation: plated, gold-tone, alloy, costume, fashion jewellery. */
  imitation: boolean;
  power?: "battery" | "electric" | "manual" | "pneumatic" | "combustion";
  /** The goods are a part or component of something else. */
  isPart: boolean;
  /** The goods are for motor vehicles. */
  forVehicles: boolean;
  /** Head nouns (stems) of the phrase naming the goods. */
  heads: string[];
  /** A fabric's weight per square metre, in the bands the schedule splits fabrics by (5208/5209 at 200 g/m², 56.03 at 25, 70 and 150). */
  fabricWeight?: "upTo25" | "upTo70" | "upTo150" | "upTo200" | "over200";
  /** A stated output in watts, in the bands electric motors are split by (37.5 W, 750 W, 75 kW). */
  outputPower?: "upTo37.5W" | "upTo750W" | "upTo75kW" | "over75kW";
  /** A stated apparent power in kVA, in the bands transformers (85.04) and generating sets (85.02) are split by. */
  apparentPower?: "upTo1kVA" | "upTo16kVA" | "upTo75kVA" | "upTo375kVA" | "upTo500kVA" | "over500kVA";
  /** A stated voltage above 1,000 V (insulated conductors of 85.44 are split there). */
  overThousandVolts?: boolean;
};

const FIBRES: readonly [NonNullable<ProductFacts["fibre"]>, RegExp][] = [
  ["cotton", /\b(?:cotton|denim|jeans)\b/],
  ["synthetic", /\b(?:polyester|nylon|polyamide|acrylic|spandex|elastane|lycra|polypropylene|synthetic|microfiber|microfibre|fleece)\b/],
  ["artificial", /\b(?:rayon|viscose|modal|lyocell|tencel|acetate|cupro)\b/],
  ["wool", /\b(?:wool|woolen|woollen|cashmere|merino|alpaca|mohair|angora)\b/],
  // "Ice silk" (冰丝) and "imitation silk" (仿真丝) are trade names for man-made fabrics.
  ["silk", /(?<!\b(?:ice|imitation|faux|artificial|art|mock)[- ])\bsilk\b/],
  ["flax", /\b(?:linen|flax)\b/],
  ["other", /\b(?:jute|burlap|hessian|hemp|ramie|sisal)\b/],
];

const MATERIALS: readonly [string, RegExp][] = [
  ["stainless steel", /\bstainless(?: steel)?\b|\binox\b/],
  ["steel", /\b(?:steel|carbon steel|alloy steel)\b/],
  ["iron", /\b(?:cast iron|iron|wrought iron)\b/],
  ["aluminum", /\balumin(?:i)?um\b/],
  ["copper", /\b(?:copper|brass|bronze)\b/],
  ["zinc", /\bzinc\b/],
  [
    "plastics",
    /\b(?:plastics?|polyethylene|polypropylene|polyvinyl chloride|polyvinyl|upvc|pp|pe|pvc|abs|polycarbonate|polystyrene|acrylic resin|polymer clay|acrylic(?![- ](?:paints?|yarns?|fib(?:re|er)s?|nails?|powders?|knit|wool|sweaters?|colou?rs?|inks?|emulsions?|polymers?|acids?|markers?|paint pens?))|plexiglass|perspex|pmma|nylon resin|rpet|pet(?= (?:plastic|film|bottles?|material|resin|sheets?|jars?|containers?|cups?))|tpu|tpe|silicone|resin|polyurethane|pu|eva|leatherette|pleather|faux leather|vegan leather|nylon(?= (?:heads?|spatulas?|turners?|utensils?|ladles?|spoons?|whisks?|cooking|kitchen))|synthetic leather|imitation leather|melamine|acetal|pom|ptfe|hdpe|ldpe)\b/,
  ],
  ["rubber", /\b(?:rubber|latex|neoprene|epdm|nitrile)\b/],
  // "PU leather", "faux leather" and the like are plastics sheeting (heading 42.02 reads them so), not leather.
  ["leather", /(?<!\b(?:pu|faux|vegan|synthetic|imitation|artificial|fake|pvc|eco|bonded|vinyl)[- ])\b(?:leather|cowhide|calfskin|suede|nubuck)\b/],
  ["textile", /\b(?:textile|fabric|cotton|polyester|nylon|wool|silk|linen|canvas|felt|knit|knitted|woven)\b/],
  ["wood", /\b(?:wood|wooden|timber|plywood|bamboo|pine|oak|walnut|beech|mdf|particleboard|rattan|wicker)\b/],
  ["paper", /\b(?:paper|paperboard|cardboard|carton|corrugated)\b/],
  ["glass", /\b(?:glass|borosilicate|tempered glass|crystal glass)\b/],
  ["ceramic", /\b(?:ceramic|porcelain|stoneware|earthenware|fireclay|vitreous china|(?<!\b(?:in|mainland|from) )china|terracotta)\b/],
  ["stone", /\b(?:stone|marble|granite|quartz|quartzite|slate|travertine|limestone|onyx)\b/],
  ["precious metal", /\b(?:gold|silver|platinum|palladium|sterling|925)\b/],
];

// "Pearl strand with 925 silver clasp", "alloy earrings, S925 silver pins": precious metal in a clasp, post or pin is a minor
// constituent (Chapter 71 Note 11 allows it in imitation jewellery), not what the article is of.
const MINOR_PRECIOUS =
  /\b(?:s?925|sterling|sterling silver|925 sterling silver|925 silver|silver|gold|14k|18k)(?: (?:silver|gold))? (?:clasps?|posts?|pins?|hooks?|ear wires?|earring backs?|findings|needles?)\b/g;

/** Read the facts rules depend on: explicit attributes first, then what the text says. */
export function readProductFacts(query: ProductQuery): ProductFacts {
  const f = query.facets;
  const text = query.text;
  const constructionText = f.construction ?? "";
  const materialText = [f.material, f.upper].filter(Boolean).join(" ; ");
  const powerText = f.power ?? "";
  const genderText = f.gender ?? "";
  return {
    construction: readConstruction(constructionText) ?? readConstruction(text),
    printed: readPrinted(text),
    gender: readGender(genderText) ?? readGender(text),
    fibre: fibreByShares(query.composition) ?? readFibre(materialText) ?? readFibre(constructionText) ?? readFibre(text),
    materials: readMaterials(`${materialText} ${text}`),
    preciousMetal:
      /\b(?:solid gold|14k|18k|10k|9k|22k|24k|14 karat|18 karat|karat gold|sterling silver|925 silver|s925|\b925\b|platinum|fine silver|fine gold|precious metal|(?:999|9999)\s*;?\s*(?:silver|gold))\b/.test(
        `${materialText} ${text}`.replace(MINOR_PRECIOUS, " "),
      ) && !/\b(?:gold[- ]plated|silver[- ]plated|gold[- ]tone|silver[- ]tone|plated)\b/.test(materialText),
    imitation:
      /\bfashion\b/.test(f.grade ?? "") ||
      /\b(?:imitation|costume jewel|fashion jewel|gold[- ]plated|silver[- ]plated|gold[- ]tone|silver[- ]tone|rhodium[- ]plated|alloy|base metal|zinc alloy|stainless steel jewel|rhinestone|cubic zirconia|acrylic beads|glass beads)/.test(
        `${materialText} ${text}`,
      ),
    power: readPower(powerText) ?? readPower(text),
    isPart:
      /\b(?:parts? (?:of|for)|part ?(?:number|no|#)|spare parts?|replacement parts?|components? (?:of|for)|subassembly|sub-assembly|assembly for|designed for use (?:in|with)|for use in)\b/.test(
        text,
      ),
    heads: query.heads,
    fabricWeight: readFabricWeight(text),
    outputPower: readOutputPower(text),
    apparentPower: readApparentPower(text),
    overThousandVolts: readOverThousandVolts(text),
    forVehicles: /\b(?:motor vehicles?|automobiles?|automotive|passenger cars?|trucks?|\bcar\b|\bcars\b|suv|vehicle)\b/.test(text),
  };
}

/** A stated weight per square metre ("180gsm", "180 g/m2", "5.3 oz/yd²"), in the schedule's bands. */
function readFabricWeight(text: string): ProductFacts["fabricWeight"] {
  const grams = /\b(\d{2,4}(?:\.\d+)?)\s?(?:gsm|g\/m2|g\/m²|g\/sqm|grams? per square met(?:er|re))(?![a-z0-9])/.exec(text);
  const ounces = /\b(\d{1,2}(?:\.\d+)?)\s?(?:oz\/yd2|oz\/yd²|oz\/sq ?yd|ounces? per square yard)(?![a-z0-9])/.exec(text);
  const weight = grams ? Number(grams[1]) : ounces ? Number(ounces[1]) * 33.906 : undefined;
  if (weight === undefined) return undefined;
  return weight <= 25 ? "upTo25" : weight <= 70 ? "upTo70" : weight <= 150 ? "upTo150" : weight <= 200 ? "upTo200" : "over200";
}

/** The largest power a text states ("1000W", "1.5 kW", "2 HP"), in the bands of heading 85.01. */
function readApparentPower(text: string): ProductFacts["apparentPower"] {
  let kva: number | undefined;
  for (const m of text.matchAll(/\b(\d+(?:\.\d+)?)\s?(kva|mva|va)(?![a-z0-9])/g)) {
    const value = Number(m[1]) * (m[2] === "mva" ? 1000 : m[2] === "va" ? 0.001 : 1);
    kva = Math.max(kva ?? 0, value);
  }
  if (kva === undefined) return undefined;
  if (kva <= 1) return "upTo1kVA";
  if (kva <= 16) return "upTo16kVA";
  if (kva <= 75) return "upTo75kVA";
  if (kva <= 375) return "upTo375kVA";
  return kva <= 500 ? "upTo500kVA" : "over500kVA";
}

function readOutputPower(text: string): ProductFacts["outputPower"] {
  let watts: number | undefined;
  for (const m of text.matchAll(/\b(\d+(?:\.\d+)?)\s?(kw|w|hp)(?![a-z0-9])/g)) {
    const value = Number(m[1]) * (m[2] === "kw" ? 1000 : m[2] === "hp" ? 745.7 : 1);
    watts = Math.max(watts ?? 0, value);
  }
  if (watts === undefined) return undefined;
  return watts <= 37.5 ? "upTo37.5W" : watts <= 750 ? "upTo750W" : watts <= 75000 ? "upTo75kW" : "over75kW";
}

/** A rated voltage above 1,000 V ("1500V DC", "3.6/6kV"); "0.6/1kV" and "1000V" are not above it. */
function readOverThousandVolts(text: string): boolean {
  for (const m of text.matchAll(/\b(\d+(?:\.\d+)?)\s?(kv|v)(?:ac|dc)?(?![a-z0-9])/g)) if (Number(m[1]) * (m[2] === "kv" ? 1000 : 1) > 1000) return true;
  return false;
}

function readPrinted(text: string): boolean | undefined {
  if (/\b(?:not|neither|unprinted|non-printed)\s*(?:printed)?\b[^.]{0,20}\bprinted\b|\bunprinted\b|\bnon-printed\b/.test(text)) return false;
  return /\b(?:printed|prints?)\b/.test(text) || undefined;
}

function readConstruction(text: string): ProductFacts["construction"] {
  if (/\b(?:non-?woven|nonwovens?)\b/.test(text)) return "nonwoven";
  const knit = /\b(?:knit|knits|knitted|crochet(?:ed)?|jersey|rib[- ]knit|interlock|pique knit|french terry|fleece knit)\b/.test(text);
  // Linen is woven unless the seller says it is knitted.
  const woven = /\b(?:woven|weave|denim|poplin|broadcloth|twill|chiffon|satin|organza|taffeta|satin weave|oxford cloth|linen)\b/.test(text);
  if (knit && !woven) return "knit";
  if (woven && !knit) return "woven";
  return undefined;
}

function readGender(text: string): ProductFacts["gender"] {
  if (/\b(?:unisex)\b/.test(text)) return "unisex";
  // "Toddler" sizes (2T–4T) are taller than the 86 cm of babies' garments; "baby pink", "baby tee" and "baby doll" are not for babies.
  if (/\b(?:babies|baby(?![- ](?:pink|blue|tee|doll|breath|oil|shower))|infants?|newborns?)\b/.test(text)) return "babies";
  const women = /\b(?:women|womens|woman|ladies|lady|female|maternity)\b/.test(text);
  const men = /\b(?:men|mens|man|gentlemen|male)\b/.test(text);
  const girls = /\b(?:girls?)\b/.test(text);
  const boys = /\b(?:boys?)\b/.test(text);
  if (women && !men) return "women";
  if (men && !women) return "men";
  if (girls && !boys) return "girls";
  if (boys && !girls) return "boys";
  return undefined;
}

const FIBRE_WORDS = FIBRES.map(([fibre, re]) => [fibre, re.source.replace(/\\b/g, "")] as const);
const SHARE = "(\\d{1,3}(?:\\.\\d+)?)\\s*(?:%|percent)";
/** "80% cotton": the share before the fibre. */
const SHARE_FIRST = FIBRE_WORDS.map(([fibre, words]) => [fibre, new RegExp(`${SHARE}\\s*(?:${words})`)] as const);
/** "棉80%", "cotton 80%": the fibre before the share. */
const FIBRE_FIRST = FIBRE_WORDS.map(([fibre, words]) => [fibre, new RegExp(`(?:${words})\\s*${SHARE}`)] as const);
const ANY_FIBRE_THEN_SHARE = new RegExp(`(?:${FIBRE_WORDS.map(([, words]) => words).join("|")})\\s*${SHARE}`);
const FIRST_SHARE = new RegExp(SHARE);

/** Fibres in the order of their chapters and headings (silk 50, wool 51, cotton 52, flax and other vegetable fibres 53, man-made 54–55): Section XI Note 2(A) breaks a tie by the later one. */
const HEADING_ORDER: readonly ProductFacts["fibre"][] = ["silk", "wool", "cotton", "flax", "other", "synthetic", "artificial"];

/** The fibre with the largest stated share ("80% cotton, 20% polyester"), if any share is stated. */
function fibreByShares(text: string): ProductFacts["fibre"] {
  // Section XI Note 2: a mixture is classified as if of the fibre that predominates by weight, so percentages decide.
  // Every share pattern needs "%" or "percent": most texts have neither, and the scans are saved.
  if (!text.includes("%") && !text.includes("percent")) return undefined;
  // "viscose 70% nylon 30%" reads both ways; the first share says which way this text writes them.
  const first = FIRST_SHARE.exec(text);
  const fibreThenShare = ANY_FIBRE_THEN_SHARE.exec(text);
  const patterns = first && fibreThenShare && fibreThenShare.index + fibreThenShare[0].length === first.index + first[0].length ? FIBRE_FIRST : SHARE_FIRST;
  let best: [ProductFacts["fibre"], number] | undefined;
  for (const [fibre, re] of patterns) {
    const pct = re.exec(text);
    const share = pct ? Number(pct[1]) : 0;
    // Equal shares: the fibre that occurs last in numerical order of headings among those that equally merit consideration.
    if (share && (!best || share > best[1] || (share === best[1] && HEADING_ORDER.indexOf(fibre) > HEADING_ORDER.indexOf(best[0])))) best = [fibre, share];
  }
  return best?.[0];
}

function readFibre(text: string): ProductFacts["fibre"] {
  const byShares = fibreByShares(text);
  if (byShares) return byShares;
  let first: [ProductFacts["fibre"], number] | undefined;
  for (const [fibre, re] of FIBRES) {
    const at = text.search(re);
    if (at >= 0 && (!first || at < first[1])) first = [fibre, at];
  }
  return first?.[0];
}

function readMaterials(text: string): string[] {
  return MATERIALS.map(([name, re]) => [name, text.search(re)] as const)
    .filter(([, at]) => at >= 0)
    .sort((x, y) => x[1] - y[1])
    .map(([name]) => name);
}

function readPower(text: string): ProductFacts["power"] {
  if (/\b(?:manual|hand-operated|hand operated|hand-powered|non-electric|nonelectric|non-powered|without (?:a )?motor)\b/.test(text)) return "manual";
  if (/\b(?:cordless|battery[- ]powered|battery[- ]operated|rechargeable|lithium|li-ion|18v|20v|12v)\b/.test(text)) return "battery";
  if (/\b(?:pneumatic|air[- ]powered|compressed air)\b/.test(text)) return "pneumatic";
  if (/\b(?:gasoline|petrol|diesel|gas[- ]powered|internal combustion|two-stroke|four-stroke)\b/.test(text)) return "combustion";
  if (/\b(?:electric|electrical|electrothermic|corded|plug-in|motorized|motorised|powered by (?:an )?(?:ac|electric))\b/.test(text)) return "electric";
  return undefined;
}
