// A product family names the kind of goods (a dress, bed linen, a wallet); the schedule splits that kind by attributes the
// family cannot know: men's or women's, knitted or woven, cotton or man-made fibres, an outer surface of leather or of
// plastics. When the seller states such an attribute and it contradicts the family's code, the evidence moves to the code
// the schedule gives the same goods with the stated attributes — found by the schedule's own wording, not by a table.
import type { ClassifyIndex } from "./build-classify-index.ts";
import type { ProductFacts } from "./read-product-facts.ts";

type Attributes = { gender?: string; fibre?: string; knit?: boolean; surface?: string; printed?: boolean };
type Entry = { code: string; attributes: Attributes };

/** Chapters whose subheadings are split by these attributes: bags and cases (42), garments (61, 62), made-up textiles (63). */
const CHAPTERS = new Set(["42", "61", "62", "63"]);

const memo = new WeakMap<ClassifyIndex, { byCode: Map<string, { signature: string; attributes: Attributes }>; bySignature: Map<string, Entry[]> }>();

/** The code the schedule gives these goods when they have the attributes the facts state (the code itself when nothing contradicts it). */
export function transposeAttributes(index: ClassifyIndex, code: string, facts: ProductFacts): string {
  if (!CHAPTERS.has(code.slice(0, 2))) return code;
  const wanted = wantedAttributes(facts);
  if (!Object.keys(wanted).length) return code;
  const table = attributeTable(index);
  const own = table.byCode.get(code);
  if (!own) return code;
  // What the facts state decides; among codes equal on that, the one that keeps the family's other attributes.
  const scoreOf = (attributes: Attributes) => agreement(attributes, wanted) * 10 + agreement(attributes, { ...own.attributes, ...wanted });
  let best = code;
  let bestScore = scoreOf(own.attributes);
  for (const entry of table.bySignature.get(own.signature) ?? []) {
    const score = scoreOf(entry.attributes);
    if (score > bestScore) {
      best = entry.code;
      bestScore = score;
    }
  }
  return best;
}

function wantedAttributes(facts: ProductFacts): Attributes {
  const wanted: Attributes = {};
  if (facts.gender === "men" || facts.gender === "boys") wanted.gender = "men";
  // Garments that cannot be identified as men's or boys' are women's or girls' (Chapter 61 Note 9, Chapter 62 Note 8).
  if (facts.gender === "women" || facts.gender === "girls" || facts.gender === "unisex") wanted.gender = "women";
  if (facts.fibre) wanted.fibre = facts.fibre;
  if (facts.construction === "knit") wanted.knit = true;
  if (facts.construction === "woven") wanted.knit = false;
  if (facts.printed !== undefined) wanted.printed = facts.printed;
  const materials = facts.materials;
  // The stated material comes first ("Material: PU Leather" over a title's "Leather Flip Case").
  const surface = materials.find((m) => m === "leather" || m === "plastics" || m === "textile");
  if (surface === "leather") wanted.surface = "leather";
  else if (surface) wanted.surface = "plastics";
  return wanted;
}

/** +1 for each stated attribute the code's wording has, −1 for each it contradicts (artificial fibres in an "other textile materials" line: +½, as a line for artificial fibres is closer where there is one). */
function agreement(has: Attributes, wanted: Attributes): number {
  let score = 0;
  if (wanted.gender && has.gender) score += has.gender === wanted.gender ? 1 : -1;
  if (wanted.knit !== undefined && has.knit !== undefined) score += has.knit === wanted.knit ? 1 : -1;
  if (wanted.surface && has.surface) score += has.surface === wanted.surface ? 1 : -1;
  if (wanted.printed !== undefined && has.printed !== undefined) score += has.printed === wanted.printed ? 1 : -1;
  if (wanted.fibre && has.fibre) score += fibreAgrees(wanted.fibre, has.fibre) ? 1 : wanted.fibre === "artificial" && has.fibre === "other" ? 0.5 : -1;
  return score;
}

function fibreAgrees(wanted: string, has: string): boolean {
  if (wanted === has) return true;
  if (has === "man-made") return wanted === "synthetic" || wanted === "artificial";
  if (has === "other") return wanted === "silk" || wanted === "flax" || wanted === "other";
  return false;
}

function attributeTable(index: ClassifyIndex) {
  let table = memo.get(index);
  if (table) return table;
  table = { byCode: new Map(), bySignature: new Map() };
  for (const [group, headings] of Object.entries(GARMENT_HEADINGS)) {
    for (const [code, gender, knit] of headings) {
      const entry = { code, attributes: { gender, knit } };
      table.byCode.set(code, { signature: group, attributes: entry.attributes });
      table.bySignature.set(group, [...(table.bySignature.get(group) ?? []), entry]);
    }
  }
  for (const row of index.source.hsRows) {
    const code = row.code ?? "";
    if (!CHAPTERS.has(code.slice(0, 2)) || row.level !== 6) continue;
    const text = row.description.toLowerCase();
    const attributes = attributesOf(text);
    const signature = `${row.level}|${signatureOf(text)}`;
    table.byCode.set(code, { signature, attributes });
    table.bySignature.set(signature, [...(table.bySignature.get(signature) ?? []), { code, attributes }]);
  }
  memo.set(index, table);
  return table;
}

// Heading texts word the same garments differently in chapters 61 and 62, so headings are paired here: the same garments
// for men or women, knitted (61) or not (62).
// biome-ignore format: a table reads better in rows
const GARMENT_HEADINGS: Record<string, [code: string, gender: string | undefined, knit: boolean][]> = {
  coats: [["6101", "men", true], ["6102", "women", true], ["6201", "men", false], ["6202", "women", false]],
  suits: [["6103", "men", true], ["6104", "women", true], ["6203", "men", false], ["6204", "women", false]],
  shirts: [["6105", "men", true], ["6106", "women", true], ["6205", "men", false], ["6206", "women", false]],
  underwear: [["6107", "men", true], ["6108", "women", true], ["6207", "men", false], ["6208", "women", false]],
  babies: [["6111", undefined, true], ["6209", undefined, false]],
  coated: [["6113", undefined, true], ["6210", undefined, false]],
  gloves: [["6116", undefined, true], ["6216", undefined, false]],
};

const GENDER = /\b(?:men's or boys'|women's or girls')/g;
const FIBRE =
  /\bof (?:cotton|synthetic fibres|artificial fibres|man-made fibres|wool or (?:of )?fine animal hair|other textile materials|textile materials,? \(?other than [a-z ,-]+\)?|textile materials,? n\.e\.c\.(?:,? in (?:item|subheading|heading) no\.? [\d.]+)?|silk(?: or silk waste)?|flax)\b/g;
const WOVEN = /\(not (?:printed, )?knitted or crocheted\)|\bnot knitted or crocheted\b/g;
const KNIT = /\bknitted or crocheted\b/g;
const NOT_PRINTED = /\bnot printed\b|\(not printed/;
const PRINTED = /\bprinted\b/;
const SURFACE =
  /\bwith outer surface of (?:leather(?:, of composition leather)?(?: or (?:of )?composition leather)?(?: or patent leather)?|(?:sheeting of )?plastics?(?: sheeting)?(?: or of textile materials)?|textile materials)\b/g;

function attributesOf(text: string): Attributes {
  const attributes: Attributes = {};
  const gender = text.match(GENDER)?.[0];
  if (gender) attributes.gender = gender.startsWith("men") ? "men" : "women";
  const fibre = text.match(FIBRE)?.[0];
  if (fibre) attributes.fibre = fibreOf(fibre);
  if (WOVEN.test(text)) attributes.knit = false;
  else if (KNIT.test(text)) attributes.knit = true;
  WOVEN.lastIndex = 0;
  KNIT.lastIndex = 0;
  if (NOT_PRINTED.test(text)) attributes.printed = false;
  else if (PRINTED.test(text)) attributes.printed = true;
  const surface = text.match(SURFACE)?.[0];
  if (surface) attributes.surface = surface.includes("leather") ? "leather" : "plastics";
  return attributes;
}

function fibreOf(phrase: string): string {
  if (phrase.includes("other than") || phrase.includes("n.e.c.")) return "other";
  if (phrase.includes("cotton")) return "cotton";
  if (phrase.includes("synthetic")) return "synthetic";
  if (phrase.includes("artificial")) return "artificial";
  if (phrase.includes("man-made")) return "man-made";
  if (phrase.includes("wool")) return "wool";
  if (phrase.includes("silk")) return "silk";
  if (phrase.includes("flax")) return "flax";
  return "other";
}

/** The wording with the attribute phrases and heading references taken out: goods of one kind share it. */
function signatureOf(text: string): string {
  return text
    .replace(GENDER, " ")
    .replace(FIBRE, " ")
    .replace(WOVEN, " ")
    .replace(KNIT, " ")
    .replace(SURFACE, " ")
    .replace(/\b(?:not )?printed\b/g, " ")
    .replace(/\bheading(?: no\.?)? \d{4}\b/g, " ")
    .replace(/[^a-z]+/g, " ")
    .trim();
}
