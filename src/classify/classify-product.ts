import { AppError } from "../core/errors.ts";
import type { Queryable } from "../db/connection.ts";
import { formatCode } from "../tariff/code.ts";
import { type AppliedRule, applyRules, type Exclusion, excludedCodes, rulesThatHold } from "./apply-rules.ts";
import { buildClassifyIndex, type ClassifyIndex, type IndexNode, requireMarket } from "./build-classify-index.ts";
import { applyCalibration, type CalibrationMap } from "./calibrate-confidence.ts";
import { NAMED_AS_COMPOUND, NAMED_AS_MATERIAL, PRIMARY_FORM_HEADINGS } from "./classification-rules.ts";
import { DEFAULT_CALIBRATION, DEFAULT_PRECEDENT_CALIBRATION, DEFAULT_TITLE_CALIBRATION } from "./default-calibration.ts";
import { type FamilyMatch, matchFamilies } from "./match-families.ts";
import { indexPrecedents, nearestPrecedents, type Precedent, type PrecedentIndex, type PrecedentMatch } from "./match-precedents.ts";
import { PART_HEADS, partsCodeFor } from "./parts-headings.ts";
import { type ProductFacts, readProductFacts } from "./read-product-facts.ts";
import { type ProductInput, type ProductQuery, readProductQuery } from "./read-product-query.ts";
import { accumulateTerms, type IndexedTerm, indexedTerms, matchedTerms } from "./score-lexical.ts";
import { type PathScratch, pathScratch, scorePaths } from "./score-paths.ts";
import {
  DEFAULT_HIERARCHY_SETTINGS,
  type Evidence,
  type HierarchySettings,
  type PathCandidate,
  pathOf,
  type SiblingGroups,
  searchFlat,
  searchHierarchy,
  siblingScore,
} from "./search-hierarchy.ts";
import { transposeAttributes } from "./transpose-attributes.ts";
import { applyPriceFloors, applyUnitValue } from "./value-conditions.ts";

/** Which market's codes to return: the US HTS 10-digit line, or the HS 6-digit subheading. */
export type Market = "us" | "hs";

/** Design choices that can be switched off, one by one, to measure what each is worth (bench ablation). */
export type EngineFeatures = {
  hierarchy: boolean;
  knowledgeBase: boolean;
  rules: boolean;
  precedents: boolean;
  /** Title, first sentences and the "is a …" phrase weigh more than later text. */
  positionWeighting: boolean;
  /** A family's code follows the stated gender, fibre, knit/woven and outer surface to the code the schedule words them with. */
  attributeTransposition: boolean;
  /** A part named with the machine it serves goes to that machine's parts subheading. */
  partsTransposition: boolean;
};

/** Every feature on. */
export const ALL_FEATURES: EngineFeatures = {
  hierarchy: true,
  knowledgeBase: true,
  rules: true,
  precedents: true,
  positionWeighting: true,
  attributeTransposition: true,
  partsTransposition: true,
};

/** Options for one classification. */
export type ClassifyOptions = {
  market?: Market;
  /** How many candidates to return (1–10, default 3). */
  top?: number;
  /** Confirmed classifications of similar items; a close one pulls the answer towards its code. */
  precedents?: readonly Precedent[] | PrecedentIndex;
  /** Abstain when the top-1 confidence is below this (default 0.3). */
  abstainBelow?: number;
  features?: Partial<EngineFeatures>;
  calibration?: CalibrationMap;
  /** Maps the similarity of a precedent that agrees with the top-1 HS6 to the probability that top-1 is right. */
  precedentCalibration?: CalibrationMap;
  settings?: HierarchySettings;
  /** Explain each candidate in full (default true); a batch that prints no explanations keeps only the families, which calibration reads. */
  explain?: boolean;
};

/** One step of a candidate's path, chapter first, with the probability the engine gave that branch among its siblings. */
export type PathStep = { code: string; level: number; description: string; probability: number };

/** Why a candidate was proposed. */
export type Explanation = {
  /** Words of the input found in the schedule text along the candidate's path. */
  matchedTerms: string[];
  path: PathStep[];
  /** Knowledge-base product families that support this candidate. */
  families: { id: string; matched: string; code: string; source: string }[];
  /** Rules and legal notes that moved this candidate up (positive) or down (negative). */
  rules: { id: string; explain: string; source: string; effect: number }[];
  precedents: { id?: string; code: string; similarity: number; text: string }[];
};

/** One proposed code. */
export type Candidate = {
  code: string;
  codeDotted: string;
  hs6: string;
  description: string;
  /** Calibrated probability that this code is right at 6 digits. */
  confidence: number;
  /** The engine's raw probability for the full code within its beam (not calibrated). */
  score: number;
  explanation: Explanation;
};

/** The answer for one product: candidates best first, the top-1 confidence, whether the engine abstains, the uncalibrated top-1 HS6 share calibration is fitted on, and the similarity of the closest precedent that agrees with the top-1 HS6 (0 when none does). */
export type Classification = {
  market: Market;
  candidates: Candidate[];
  abstain: boolean;
  confidence: number;
  rawConfidence: number;
  precedentSupport: number;
  /** Which calibration the top-1 took: a title the knowledge base recognised, or a description (or a title placed on schedule words alone). */
  calibratedAs: CalibratedAs;
};

/** The two populations the engine is calibrated on separately. */
export type CalibratedAs = "title" | "description";

/** The top-1 confidence below which the engine abstains unless told otherwise (a tenant can set its own). */
export const DEFAULT_ABSTAIN_BELOW = 0.3;

const PRECEDENT_WEIGHT = 40;
const SAME_WORDS_BROADER = 0.25;
// Tested on the normalised text, where Chinese has already been read through the glossary into English.
const REPLACEMENT = /\b(?:replacement|replace|spare|repair|oem|aftermarket)\b/;
const KNOWLEDGE_BASE_SOURCE = "Clearway product-family knowledge base (src/classify/product-families.ts)";

const indexCache = new WeakMap<object, { key: string; index: Promise<ClassifyIndex> }>();

/** The classification index for a database, built once per handle and rebuilt when the editions in force change (a new HTS revision). */
export async function getClassifyIndex(db: Queryable): Promise<ClassifyIndex> {
  const rows = await db.query<{ schedule: string; id: number }>(
    `select schedule, (array_agg(id order by effective_from desc, id desc))[1] as id from tariff_editions
     where effective_from <= current_date group by schedule order by schedule`,
  );
  const key = rows.map((r) => `${r.schedule}:${r.id}`).join(",");
  const cached = indexCache.get(db);
  if (cached && cached.key === key) return cached.index;
  const index = buildClassifyIndex(db);
  indexCache.set(db, { key, index });
  index.catch(() => {
    if (indexCache.get(db)?.index === index) indexCache.delete(db);
  });
  return index;
}

type Scratch = { paths: PathScratch; aggregate: Float64Array<ArrayBuffer>; bonus: Float64Array<ArrayBuffer>; bonusIds: number[]; levelWeight: Float64Array<ArrayBuffer> };
const scratchCache = new WeakMap<ClassifyIndex, Scratch>();

/** Per-index work arrays, reused across calls: classification is synchronous, so one set per index is never shared by two calls at once. */
function scratchOf(index: ClassifyIndex): Scratch {
  let scratch = scratchCache.get(index);
  if (!scratch) {
    const n = index.nodes.length;
    scratch = { paths: pathScratch(index), aggregate: new Float64Array(n), bonus: new Float64Array(n), bonusIds: [], levelWeight: new Float64Array(11) };
    scratchCache.set(index, scratch);
  }
  return scratch;
}

/** Classify one product against the schedules loaded in the database. */
export async function classifyProduct(db: Queryable, input: ProductInput, options: ClassifyOptions = {}): Promise<Classification> {
  return classifyWithIndex(await getClassifyIndex(db), input, options);
}

/** Classify one product with a ready index: read it, gather evidence (schedule text, knowledge base, rules, precedents), decide down the tree, calibrate. */
export function classifyWithIndex(index: ClassifyIndex, input: ProductInput, options: ClassifyOptions = {}): Classification {
  const market = options.market ?? "us";
  requireMarket(index, market);
  if (!input.title?.trim() && !input.description?.trim()) throw new AppError("BAD_REQUEST", "A product needs a title or a description to classify.");
  const features = { ...ALL_FEATURES, ...options.features };
  const query = readProductQuery(input);
  if (!features.positionWeighting) flattenWeights(query);
  const top = Math.min(Math.max(options.top ?? 3, 1), 10);
  const depth = market === "us" ? 10 : 6;

  const settings = options.settings ?? DEFAULT_HIERARCHY_SETTINGS;
  const scratch = scratchOf(index);
  const terms = indexedTerms(index, query.terms);
  const scale = lexicalScale(terms, settings);
  const bonus = scratch.bonus;
  for (const id of scratch.bonusIds) bonus[id] = 0;
  const families = features.knowledgeBase ? matchFamilies(query) : [];
  const facts = readProductFacts(query);
  // Rules read the English reading and the Chinese as written: the glossary drops words it does not know ("原料", raw material).
  const ruleText = query.original.length ? `${query.text} . ${query.original.map((f) => f.text).join(" . ")}` : query.text;
  const ruleContext = { facts, families: new Set(families.flatMap((f) => [f.family.id, f.family.kind])), text: ruleText };
  // A description's subject ("an ABS plastic wall mount bracket") names the goods: a material phrase that does not hold its
  // head noun only says what they are made of.
  const subjectHead = input.description?.trim() && !input.title?.trim() ? query.heads[0] : undefined;
  if (namesAMaterial(families, subjectHead)) ruleContext.families.add(NAMED_AS_MATERIAL);
  if (/^2[89]/.test(families[0]?.family.codes[0] ?? "") && (families[0]?.strength ?? 0) >= 1.5) ruleContext.families.add(NAMED_AS_COMPOUND);
  const holding = features.rules ? rulesThatHold(ruleContext) : [];
  const excluded = excludedCodes(holding);
  // A title lists features after the goods ("coffee grinder stainless steel blade"), so its last noun names a part only when
  // the seller says the goods are a replacement or spare; a description's subject ("is a steel cover") says it outright.
  const partWords = input.description?.trim() || REPLACEMENT.test(query.text);
  const goodsArePart = features.rules && features.partsTransposition && (facts.isPart || (partWords && query.heads.some((head) => PART_HEADS.has(head))));
  const familySupport = addFamilyEvidence(index, families, bonus, settings.familyWeight, {
    material: features.rules ? mainMaterial(facts.materials) : undefined,
    excluded,
    partHeads: goodsArePart ? query.heads.filter((head) => PART_HEADS.has(head)) : undefined,
    facts: features.rules && features.attributeTransposition ? facts : undefined,
  });
  const applied = applyRules(index, holding, bonus);
  const unitValue = features.rules && market === "us" ? applyUnitValue(index, input.price, input.currency, bonus) : undefined;
  if (unitValue) applied.push(unitValue);
  const priceFloor = features.rules ? applyPriceFloors(index, input.price, input.currency, bonus) : undefined;
  if (priceFloor) applied.push(priceFloor);
  const precedentIndex = features.precedents && options.precedents ? asPrecedentIndex(options.precedents) : undefined;
  const precedents = precedentIndex ? nearestPrecedents(precedentIndex, query.terms) : [];
  addPrecedentEvidence(index, precedents, bonus);
  const bonusIds = touchedIds(index, familySupport, applied, precedents);

  scratch.bonusIds = bonusIds;
  const paths = scorePaths(index, terms, scale, scratch.paths, { values: bonus, ids: bonusIds });
  const aggregate = accumulateTerms(terms, scratch.aggregate);
  const levelWeight = scratch.levelWeight.fill(0);
  for (const [level, weight] of Object.entries(settings.aggregateWeight)) levelWeight[Number(level)] = scale * weight;
  const { levels, norm } = index;
  // A heading a rule or legal note sets aside does not keep the words gathered under it either.
  const extra = (id: number) => ((bonus[id] as number) <= -SET_ASIDE ? 0 : ((levelWeight[levels[id] as number] as number) * (aggregate[id] as number)) / (norm[id] as number));
  const evidence: Evidence = { ...paths, extra };
  const siblingMemo: SiblingGroups = new Map();
  const found = features.hierarchy ? searchHierarchy(index, evidence, depth, settings, siblingMemo) : searchFlat(index, evidence, depth);
  return assemble(index, found, {
    market,
    top,
    query,
    terms,
    familySupport,
    applied,
    precedents,
    calibration: options.calibration ?? DEFAULT_CALIBRATION,
    titleCalibration: options.calibration ?? DEFAULT_TITLE_CALIBRATION,
    isTitle: inputForm(input) === "title",
    precedentCalibration: options.precedentCalibration ?? DEFAULT_PRECEDENT_CALIBRATION,
    abstainBelow: options.abstainBelow ?? DEFAULT_ABSTAIN_BELOW,
    evidence,
    settings,
    siblingMemo,
    explain: options.explain ?? true,
  });
}

/**
 * The strongest knowledge-base match is a phrase of two words or more naming goods of a material heading (vinyl sheeting, a
 * resin kit, wallpaper), and no family naming other goods comes close: "acrylic resin drop earrings" names earrings.
 */
function namesAMaterial(families: readonly FamilyMatch[], subjectHead?: string): boolean {
  const strongest = families[0];
  if (subjectHead && !CONTAINER_HEADS.has(subjectHead) && strongest?.stems?.length && !strongest.stems.includes(subjectHead)) return false;
  // A Chinese phrase has no stems: three characters or more make about two words.
  if (!strongest || strongest.strength < 1.5 || (strongest.stems?.length || (strongest.phrase.length >= 3 ? 2 : 1)) < 2) return false;
  const isMaterial = (match: FamilyMatch) => PRIMARY_FORM_HEADINGS.some((heading) => (match.family.codes[0] ?? "").startsWith(heading));
  if (!isMaterial(strongest)) return false;
  return !families.some((match) => !isMaterial(match) && match.strength >= 0.75 * strongest.strength);
}

/** A rule penalty at least this large sets a code aside. */
const SET_ASIDE = 10;

/** Heads that name a packing of the goods rather than other goods ("an epoxy resin kit" is resin). */
const CONTAINER_HEADS = new Set(["kit", "set", "pack", "packag", "assort", "bundl"]);

/** Which calibration an input takes: a long description (a ruling, a spec sheet) or a title-like text; the engine is right far more often on listing titles than on technical descriptions with the same raw score. */
export function inputForm(input: ProductInput): "title" | "description" {
  if ((input.description?.trim().length ?? 0) >= DESCRIPTION_CHARS) return "description";
  // A short text written as a sentence ("The item is a …") is a technical description cut short, not a listing title.
  return PROSE.test((input.title ?? input.description ?? "").trim()) ? "description" : "title";
}

const PROSE = /^(?:the|this|these|those|each|an?|item|style|model)\b.{0,100}\s(?:is|are|was|were|consists?|comprises?|features?)\s/i;

const DESCRIPTION_CHARS = 200;

/** Long texts match many words by chance: lexical evidence is divided by a power of the query's total weight, so a title and a page of text speak on one scale. */
function lexicalScale(terms: readonly IndexedTerm[], settings: HierarchySettings): number {
  // Terms the index lacks have no idf and add nothing.
  let mass = 0;
  for (const { term, weight, idf } of terms) if (!term.includes(" ")) mass += weight * idf;
  return settings.lexicalScale / Math.max(1, mass) ** settings.lengthExponent;
}

/** The nodes that received knowledge-base, rule or precedent evidence in this call (so only they are visited and reset). */
function touchedIds(index: ClassifyIndex, families: FamilySupport, applied: AppliedRule[], precedents: PrecedentMatch[]): number[] {
  const ids = new Set<number>();
  for (const supports of families.values()) for (const { code } of supports) ids.add(index.byCode.get(code) as number);
  for (const { effects } of applied) for (const id of effects.keys()) ids.add(id);
  for (const { precedent } of precedents) {
    const id = nodeForCode(index, precedent.code);
    if (id !== undefined) ids.add(id);
  }
  ids.delete(undefined as unknown as number);
  return [...ids];
}

function asPrecedentIndex(precedents: readonly Precedent[] | PrecedentIndex): PrecedentIndex {
  return "postings" in precedents ? precedents : indexPrecedents(precedents as readonly Precedent[]);
}

function flattenWeights(query: ProductQuery): void {
  for (const term of query.terms.keys()) query.terms.set(term, 1);
  for (const run of query.runs) for (const t of run) t.weight = 1;
}

type FamilySupport = Map<number, { match: FamilyMatch; code: string }[]>;

/** Add knowledge-base evidence on each family's codes (a path through the code carries it); per node the strongest family counts fully, others a little. */
function addFamilyEvidence(
  index: ClassifyIndex,
  matches: FamilyMatch[],
  bonus: Float64Array,
  weight: number,
  { material, excluded = [], partHeads, facts }: { material?: string; excluded?: readonly Exclusion[]; partHeads?: readonly string[]; facts?: ProductFacts },
): FamilySupport {
  const contributions = new Map<number, number[]>();
  const support: FamilySupport = new Map();
  const codesByPhrase = new Map<string, string[]>();
  for (const match of matches) codesByPhrase.set(match.phrase, [...(codesByPhrase.get(match.phrase) ?? []), ...match.family.codes]);
  for (const match of matches) {
    match.family.codes.forEach((familyCode, rank) => {
      // When the goods are a part, a machine named only as what they serve ("blade for a lawn mower"), or beside a head noun
      // that names a part ("blender blade assembly"), speaks for that machine's parts subheading, not the machine.
      const served = partHeads && servesOnly(match, partHeads) ? (partsCodeFor(familyCode) ?? familyCode) : familyCode;
      const inItsMaterial = material ? inMaterial(served, material, match.family.id) : served;
      const transposed = facts ? transposeAttributes(index, inItsMaterial, facts) : inItsMaterial;
      const exclusion = excluded.find(({ prefix }) => transposed.startsWith(prefix));
      if (exclusion && !exclusion.moveTo) return;
      const code = exclusion?.moveTo ?? transposed;
      const id = index.byCode.get(code);
      if (id === undefined) return;
      // Two families named by the same words, one at the heading and one at a subheading under it, are one piece of evidence:
      // the path through the subheading would otherwise count those words twice.
      const narrower = (codesByPhrase.get(match.phrase) ?? []).some((other) => other.length > familyCode.length && other.startsWith(familyCode));
      pushTo(contributions, id, weight * match.strength * ([1, 0.75, 0.6, 0.5][rank] ?? 0.45) * (narrower ? SAME_WORDS_BROADER : 1));
      for (const node of pathOf(index, id)) pushTo(support, node, { match, code });
    });
  }
  for (const [node, values] of contributions) {
    values.sort((a, b) => b - a);
    const [first = 0, ...rest] = values;
    bonus[node] = (bonus[node] as number) + first + 0.25 * rest.reduce((s, v) => s + v, 0);
  }
  return support;
}

function servesOnly(match: FamilyMatch, partHeads: readonly string[]): boolean {
  return Boolean(match.served || (match.stems?.length && partHeads.length && !partHeads.some((head) => match.stems?.includes(head))));
}

function pushTo<T>(lists: Map<number, T[]>, key: number, value: T): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

// Headings that name the same articles in different materials: household and kitchen articles, and "other articles" of a
// material. A family written for, say, plastic pill boxes (3924) names aluminium pill boxes when the goods are aluminium:
// the schedule classifies such articles by what they are made of (GRI 1; headings 39.24/73.23/76.15…, 39.26/73.26/76.16…).
const HOUSEHOLD_BY_MATERIAL: Record<string, string> = {
  plastics: "3924",
  rubber: "401699",
  steel: "7323",
  "stainless steel": "7323",
  iron: "7323",
  aluminum: "761510",
  copper: "741810",
  wood: "4419",
  ceramic: "6912",
  glass: "7013",
};
const OTHER_ARTICLES_BY_MATERIAL: Record<string, string> = {
  plastics: "3926",
  rubber: "4016",
  steel: "7326",
  "stainless steel": "7326",
  iron: "7326",
  aluminum: "7616",
  copper: "7419",
  wood: "4421",
  ceramic: "6914",
  glass: "7020",
};
const BASE_METALS = ["steel", "stainless steel", "iron", "aluminum", "copper"] as const;
const inBaseMetal = (code: string) => Object.fromEntries(BASE_METALS.map((metal) => [metal, code]));

/**
 * Goods the schedule names by their material, one heading per material: a family written for one material (a wooden picture
 * frame, a steel pipe fitting, a ceramic planter) is moved to the heading of the material the goods are said to be of. A kind
 * is recognised by the family's code or by the family itself; a code already in the material's heading is kept.
 */
const ARTICLE_KINDS: readonly { kind: string; codes?: string[]; families?: string[]; byMaterial: Record<string, string> }[] = [
  // Frames: 44.14 of wood, 83.06 of base metal; of plastics the household-article line that names picture frames; of ceramics, 69.13.
  { kind: "frames", codes: ["441490", "441410", "830630"], byMaterial: { ...inBaseMetal("830630"), plastics: "392490", wood: "441490", ceramic: "691390" } },
  // Statuettes and other ornaments: 39.26 of plastics, 44.20 of wood, 69.13 of ceramics, 83.06 of base metal.
  {
    kind: "statuettes",
    codes: ["392640", "442011", "442019", "6913", "830629"],
    families: ["wood.ornament", "kb2.hardware.garden-statue"],
    byMaterial: { ...inBaseMetal("830629"), plastics: "392640", wood: "442019", ceramic: "691390" },
  },
  // Flower pots: household articles of plastics (39.24), other ceramic articles (69.14), never ceramic tableware.
  { kind: "planters", families: ["garden.planter", "kb1.plastics.flower-pot", "kb2.ceramic.planter"], byMaterial: { plastics: "392490", ceramic: "691490" } },
  // Artificial flowers: 6702.10 of plastics, 6702.90 of other materials (silk and other textile petals).
  { kind: "artificial flowers", families: ["misc.artificial-flower", "kb2.artificial.flowers"], byMaterial: { plastics: "670210", textile: "670290" } },
  // Gloves of leather are 42.03, whatever the family of gloves said.
  { kind: "gloves", families: ["apparel.gloves"], byMaterial: { leather: "420329" } },
  // Combs and hair slides: 9615.11 of hard rubber or plastics, 9615.19 of other materials.
  { kind: "hair slides", codes: ["9615"], byMaterial: { ...inBaseMetal("961519"), plastics: "961511" } },
  // Silicone is no synthetic rubber (Chapter 40 Note 4 needs an unsaturated polymer): silicone pacifiers are articles of plastics.
  { kind: "pacifiers", families: ["rubber.pacifier", "kb1.rubber.baby-pacifier"], byMaterial: { plastics: "392690" } },
  // Car mats: of rubber 40.16, of textiles 57.05; of plastics (TPE, PVC liners) they are accessories of bodies of 87.08.
  { kind: "car mats", families: ["car-accessory.floor-mat"], byMaterial: { plastics: "870829", rubber: "401691" } },
  // Erasers: of vulcanised rubber 4016.92, of plastics (vinyl, PVC) office supplies of 3926.10.
  { kind: "erasers", families: ["rubber.eraser"], byMaterial: { plastics: "392610" } },
  // Heading 73.19 holds needles and crochet hooks of iron or steel only.
  { kind: "needles", codes: ["7319"], byMaterial: { aluminum: "761699", wood: "442199", plastics: "392690" } },
  // Boxing gloves are sports gloves of their material (Chapter 95 Note 1 sends them out): 39.26, 42.03 or 61.16.
  { kind: "sports gloves", families: ["kb3.sport.boxing-gloves"], byMaterial: { plastics: "392620", leather: "420321", textile: "611693" } },
  // Wall hooks: fixtures of base metal of 83.02, articles of plastics of 39.26.
  { kind: "hooks", families: ["kb1.plastics.hooks", "kb2.general-part.hook-fixture"], byMaterial: { ...inBaseMetal("830250"), plastics: "392690" } },
  // Sinks and washbasins: 73.24 of steel (7324.10 stainless), 74.18 of copper, 70.20 of glass, 39.22 of plastics, 69.10 of ceramics.
  { kind: "sinks", families: ["steel.sink", "kb2.ceramic.sanitary"], byMaterial: { "stainless steel": "732410", steel: "732490", iron: "732490", copper: "741820", glass: "702000", plastics: "392210", ceramic: "6910" } },
  // Hand fans: of paper 48.23, of wood 44.21, of plastics 39.26.
  { kind: "hand fans", families: ["kb3.fashion.hand-fan"], byMaterial: { wood: "442199", plastics: "392690" } },
  // Kitchen utensils (spatulas, ladles, tongs): 82.15 of base metal, 39.24 of plastics (nylon, silicone), 44.19 of wood.
  { kind: "kitchen utensils", families: ["kitchen.utensils"], byMaterial: { plastics: "392410", wood: "441990" } },
  // Builders' doors and windows: 44.18 of wood, 39.25 of plastics, 73.08 of iron or steel, 76.10 of aluminium.
  {
    kind: "doors and windows",
    families: ["kb1.wood.door", "wood.joinery", "kb3.build.door", "kb3.build.window"],
    byMaterial: { ...inBaseMetal("730830"), aluminum: "761010", plastics: "392520" },
  },
  // O-rings, seals and washers: 40.16 of vulcanised rubber, 39.26 of plastics (PTFE, nylon).
  { kind: "seals", families: ["rubber.seal"], byMaterial: { plastics: "392690" } },
  // Containers for compressed or liquefied gas: 73.11 of iron or steel, 76.13 of aluminium (a composite cylinder on an aluminium liner too).
  { kind: "gas containers", codes: ["7311", "761300"], byMaterial: { ...inBaseMetal("731100"), aluminum: "761300" } },
  // Tube and pipe fittings: 73.07 of iron or steel, 39.17 of plastics, 74.12 of copper, 76.09 of aluminium.
  { kind: "pipe fittings", codes: ["7307", "391740", "741220", "760900"], byMaterial: { plastics: "391740", copper: "741220", aluminum: "760900" } },
];
// Heading 40.16 holds far more than household and "other" articles (gaskets, floor mats, erasers), so a family written for it is
// never moved to another material; rubber is only a destination.
const HOUSEHOLD_HEADINGS = new Set([
  ...Object.entries(HOUSEHOLD_BY_MATERIAL)
    .filter(([m]) => m !== "rubber")
    .map(([, code]) => code.slice(0, 4)),
  "6911",
]);
const OTHER_ARTICLE_HEADINGS = new Set(
  Object.entries(OTHER_ARTICLES_BY_MATERIAL)
    .filter(([m]) => m !== "rubber")
    .map(([, code]) => code),
);

/** The material the goods are mostly said to be made of (the first by evidence), when it has material-specific headings. */
function mainMaterial(materials: readonly string[]): string | undefined {
  const first = materials[0];
  return first && (first in HOUSEHOLD_BY_MATERIAL || first === "leather") ? first : undefined;
}

/** A family's code moved to the same kind of heading in the goods' material (3924 → 7615 for aluminium), else unchanged. */
function inMaterial(code: string, material: string, familyId?: string): string {
  const heading = code.slice(0, 4);
  const kind = ARTICLE_KINDS.find((k) => k.codes?.some((prefix) => code.startsWith(prefix)) || (familyId && k.families?.some((f) => familyId.startsWith(f))));
  if (kind) {
    const target = kind.byMaterial[material];
    return !target || target.slice(0, 4) === heading ? code : target;
  }
  const household = HOUSEHOLD_BY_MATERIAL[material];
  if (household && HOUSEHOLD_HEADINGS.has(heading)) return household.slice(0, 4) === heading || (heading === "6911" && material === "ceramic") ? code : household;
  const other = OTHER_ARTICLES_BY_MATERIAL[material];
  if (other && OTHER_ARTICLE_HEADINGS.has(heading)) return other === heading ? code : other;
  return code;
}

/** A close precedent adds evidence on its code, in proportion to its similarity (every path through the code carries it). */
function addPrecedentEvidence(index: ClassifyIndex, precedents: PrecedentMatch[], bonus: Float64Array): void {
  const best = new Map<number, number>();
  for (const { precedent, similarity } of precedents) {
    const id = nodeForCode(index, precedent.code);
    if (id !== undefined) best.set(id, Math.max(best.get(id) ?? 0, PRECEDENT_WEIGHT * similarity));
  }
  for (const [node, value] of best) bonus[node] = (bonus[node] as number) + value;
}

/** The deepest node for a code given with or without dots, at any level the index holds. */
export function nodeForCode(index: ClassifyIndex, code: string): number | undefined {
  const digits = code.replace(/\D/g, "");
  for (const length of [10, 8, 6, 4, 2]) {
    if (digits.length < length) continue;
    const id = index.byCode.get(digits.slice(0, length));
    if (id !== undefined) return id;
  }
  return undefined;
}

type AssembleContext = {
  market: Market;
  top: number;
  query: ProductQuery;
  terms: readonly IndexedTerm[];
  familySupport: FamilySupport;
  applied: AppliedRule[];
  precedents: PrecedentMatch[];
  calibration: CalibrationMap;
  titleCalibration: CalibrationMap;
  isTitle: boolean;
  precedentCalibration: CalibrationMap;
  abstainBelow: number;
  evidence: Evidence;
  settings: HierarchySettings;
  siblingMemo: SiblingGroups;
  explain: boolean;
};

function assemble(index: ClassifyIndex, paths: PathCandidate[], ctx: AssembleContext): Classification {
  const max = Math.max(...paths.map((p) => p.logp));
  const z = paths.reduce((s, p) => s + Math.exp(p.logp - max), 0);
  const probability = (p: PathCandidate) => Math.exp(p.logp - max) / z;
  const hs6Share = new Map<string, number>();
  for (const p of paths) {
    const hs6 = (index.nodes[p.leaf] as IndexNode).code.slice(0, 6);
    hs6Share.set(hs6, (hs6Share.get(hs6) ?? 0) + probability(p));
  }
  // One candidate per HS6: alternatives that differ only in a statistical suffix tell a reviewer nothing new.
  const seen = new Set<string>();
  const distinct = paths.filter((p) => {
    const hs6 = (index.nodes[p.leaf] as IndexNode).code.slice(0, 6);
    if (seen.has(hs6)) return false;
    seen.add(hs6);
    return true;
  });
  // The subheading is decided by all its national lines together: one split into three statistical lines must not lose to a
  // neighbour with a single line that each of the three alone trails.
  const shareOf = (p: PathCandidate) => hs6Share.get((index.nodes[p.leaf] as IndexNode).code.slice(0, 6)) ?? 0;
  distinct.sort((a, b) => shareOf(b) - shareOf(a) || b.logp - a.logp);
  let calibratedAs: CalibratedAs = "description";
  const candidates = distinct.slice(0, ctx.top).map((p, rank) => {
    const leaf = index.nodes[p.leaf] as IndexNode;
    const hs6 = leaf.code.slice(0, 6);
    const explanation = explain(index, p, ctx);
    // A title the knowledge base recognises is where the engine is usually right; a title placed on schedule words alone,
    // or a long technical description, is not: each takes the calibration fitted on inputs like it.
    const asTitle = ctx.isTitle && explanation.families.length > 0;
    if (rank === 0) calibratedAs = asTitle ? "title" : "description";
    return {
      code: leaf.code,
      codeDotted: formatCode(leaf.code, ctx.market === "hs" ? "hs" : "us_hts"),
      hs6,
      description: describe(leaf),
      confidence: applyCalibration(asTitle ? ctx.titleCalibration : ctx.calibration, hs6Share.get(hs6) ?? 0),
      score: Math.round(probability(p) * 10000) / 10000,
      explanation,
    };
  });
  const first = candidates[0];
  const precedentSupport = first ? Math.max(0, ...ctx.precedents.filter((m) => m.precedent.code.replace(/\D/g, "").startsWith(first.hs6)).map((m) => m.similarity)) : 0;
  // A confirmed precedent that agrees is evidence of its own kind: its similarity has its own calibration, and the top-1
  // takes whichever of the two probabilities is higher.
  if (first && precedentSupport > 0) first.confidence = Math.max(first.confidence, applyCalibration(ctx.precedentCalibration, precedentSupport));
  const confidence = first?.confidence ?? 0;
  const rawConfidence = Math.round((hs6Share.get(first?.hs6 ?? "") ?? 0) * 10000) / 10000;
  return { market: ctx.market, candidates, abstain: confidence < ctx.abstainBelow, confidence, rawConfidence, precedentSupport, calibratedAs };
}

/** A line as a reader needs it: national lines carry their group rows ("T-shirts: Women's"), which the bare description omits. */
function describe(node: IndexNode): string {
  return node.context && (node.residual || node.level > 6) ? `${node.context}: ${node.description}` : node.description;
}

function explain(index: ClassifyIndex, candidate: PathCandidate, ctx: AssembleContext): Explanation {
  const pathIds = candidate.path.length ? candidate.path : pathOf(index, candidate.leaf);
  const families = new Map<string, Explanation["families"][number]>();
  for (const id of pathIds) {
    for (const { match, code } of ctx.familySupport.get(id) ?? []) {
      if (!families.has(match.family.id)) families.set(match.family.id, { id: match.family.id, matched: match.phrase, code, source: KNOWLEDGE_BASE_SOURCE });
    }
  }
  if (!ctx.explain) return { matchedTerms: [], path: [], families: [...families.values()], rules: [], precedents: [] };
  const words = ctx.query.words;
  const matched = new Set<string>();
  for (const id of pathIds)
    for (const term of matchedTerms(id, ctx.terms))
      matched.add(
        term
          .split(" ")
          .map((s) => words.get(s) ?? s)
          .join(" "),
      );
  const onPath = new Set(pathIds);
  const rules = ctx.applied
    .map(({ rule, effects }) => ({ rule, effect: effectOnPath(effects, pathIds, onPath) }))
    .filter((r) => r.effect !== 0)
    .map(({ rule, effect }) => ({ id: rule.id, explain: rule.explain, source: rule.source, effect }));
  return {
    matchedTerms: [...matched].slice(0, 12),
    path: pathIds.map((id) => {
      const node = index.nodes[id] as IndexNode;
      return { code: node.code, level: node.level, description: describe(node), probability: siblingProbability(index, id, ctx.evidence, ctx.settings, ctx.siblingMemo) };
    }),
    families: [...families.values()],
    rules,
    precedents: ctx.precedents.map(({ precedent, similarity }) => ({ id: precedent.id, code: precedent.code, similarity, text: precedent.text.slice(0, 160) })),
  };
}

/** The sum of a rule's effects on the nodes of a path, added in the rule's own order (a float sum depends on it). */
function effectOnPath(effects: Map<number, number>, pathIds: readonly number[], onPath: Set<number>): number {
  // A rule's effects can cover thousands of lines and a path has at most five: look the path up, and walk the effects only
  // when two or more of its nodes are moved, to add them in the same order as before.
  let hits = 0;
  let only = 0;
  for (const id of pathIds) {
    const weight = effects.get(id);
    if (weight === undefined) continue;
    hits++;
    only = 0 + weight;
  }
  if (hits < 2) return only;
  let sum = 0;
  effects.forEach((weight, id) => {
    if (onPath.has(id)) sum += weight;
  });
  return sum;
}

/** The share a node had among its siblings (softmax over the same evidence the search used), for the explanation. */
function siblingProbability(index: ClassifyIndex, id: number, evidence: Evidence, settings: HierarchySettings, memo: SiblingGroups): number {
  const node = index.nodes[id] as IndexNode;
  const temperature = settings.temperature[node.level] ?? 3;
  // Siblings can sit at different levels (a 10-digit line beside 6-digit subheadings), so the memo is per parent and temperature.
  const key = node.parent * 16 + temperature;
  let group = memo.get(key);
  if (!group) {
    const siblings = node.parent >= 0 ? (index.nodes[node.parent] as IndexNode).children : index.chapters;
    const scores = siblings.map((s) => siblingScore(index, evidence, s, settings) / temperature);
    const max = Math.max(...scores);
    group = { logZ: max + Math.log(scores.reduce((sum, s) => sum + Math.exp(s - max), 0)) };
    memo.set(key, group);
  }
  const own = siblingScore(index, evidence, id, settings) / temperature;
  return Math.round(Math.exp(own - group.logZ) * 1000) / 1000;
}
