import v8 from "node:v8";
import { AppError } from "../core/errors.ts";
import type { Queryable } from "../db/connection.ts";
import { type Edition, resolveEdition } from "../tariff/editions.ts";
import { normalizeText, tokenizeText } from "./tokenize-text.ts";

/** One schedule row as the index reads it from `tariff_lines`. */
export type ScheduleRow = {
  rowNo: number;
  code: string | null;
  level: number;
  parentRow: number | null;
  chapter: string | null;
  section: string | null;
  description: string;
  isPseudo: boolean;
};

/** One node of the classification tree: a chapter (2), heading (4), HS subheading (6) or US national line (8, 10). */
export type IndexNode = {
  code: string;
  level: number;
  parent: number;
  children: number[];
  /** The description as printed. */
  description: string;
  /** Uncoded group rows between this line and its coded parent ("With self-contained electric motor:"), which apply to it, joined. */
  context: string;
  /** The same group rows, one per element. */
  groups: string[];
  /** True for residual lines ("Other", "Other:"), which take what no specific sibling describes. */
  residual: boolean;
  /** True for a national line under a specific group row ("Rope, curb, cable…: Other"): the group, not only the line, must fit the goods. */
  specificGroup: boolean;
  /** True when the line has no coded children: a code goods can be declared under. */
  leaf: boolean;
};

/** Postings of one term: the nodes whose text holds it and how strongly (own text 1, secondary text 0.7, descendants 0.5), and apart the nodes whose own text holds it. */
export type Postings = { ids: Int32Array; weights: Float32Array; ownIds: Int32Array; ownWeights: Float32Array; idf: number };

/** The in-memory classification index: the HS/HTS tree with term postings, built from the schedule text only. */
export type ClassifyIndex = {
  nodes: IndexNode[];
  byCode: Map<string, number>;
  chapters: number[];
  postings: Map<string, Postings>;
  idf: Map<string, number>;
  /** Length normalisation per node (grows slowly with the number of distinct terms under it). */
  norm: Float32Array;
  /** Length normalisation of a node's own text: a long list-like description matches many words by chance. */
  ownNorm: Float32Array;
  /** Each node's level (2, 4, 6, 8, 10), for the hot loops. */
  levels: Uint8Array;
  sections: Map<string, string>;
  editions: { hs: Pick<Edition, "id" | "code" | "name">; us: Pick<Edition, "id" | "code" | "name"> | null };
  /** Every text the index was built from (descriptions, group rows, HS wording, section names), for checking that nothing else leaked into it. */
  sourceTexts: () => string[];
  /** The schedule rows the index was built from (attribute transposition reads the HS wording). */
  source: IndexSource;
  /** Milliseconds spent building the index in memory, and (when built from a database) reading the schedule rows first. */
  buildMs: number;
  readMs: number;
};

const OWN = 1;
const SECONDARY = 0.7;
const DESCENDANT = 0.5;
const OWN_LENGTH_PIVOT = 8;
// How strongly the words gathered under a node are discounted for the size of its subtree, per level: chapters differ
// most in size (chapter 84 has thousands of lines), headings are best compared on their whole vocabulary.
const AGGREGATE_NORM: Record<number, number> = { 2: 0.25, 4: 0, 6: 0.1, 8: 0.1, 10: 0.1 };

/** Options for building the index from a database. */
export type BuildClassifyIndexOptions = { hsEdition?: string; usEdition?: string; date?: string };

/** Load the HS edition and (when loaded) the US HTS edition in force and build the in-memory index. */
export async function buildClassifyIndex(db: Queryable, options: BuildClassifyIndexOptions = {}): Promise<ClassifyIndex> {
  const started = performance.now();
  const hs = await resolveEdition(db, "hs", { code: options.hsEdition, date: options.date });
  let us: Edition | null = null;
  try {
    us = await resolveEdition(db, "us_hts", { code: options.usEdition, date: options.date });
  } catch (error) {
    if (options.usEdition) throw error;
  }
  const [hsRows, usRows, sectionRows] = await Promise.all([
    readScheduleRows(db, hs.id),
    us ? readScheduleRows(db, us.id) : Promise.resolve([]),
    db.query<{ section: string; name: string }>("select section, name from hs_sections where edition_id = $1", [hs.id]),
  ]);
  const readMs = performance.now() - started;
  const index = indexFromRows({ hsRows, usRows, sections: sectionRows });
  index.editions = { hs: { id: hs.id, code: hs.code, name: hs.name }, us: us ? { id: us.id, code: us.code, name: us.name } : null };
  index.readMs = readMs;
  return index;
}

async function readScheduleRows(db: Queryable, editionId: number): Promise<ScheduleRow[]> {
  return db.query<ScheduleRow>(
    `select row_no as "rowNo", code, level, parent_row as "parentRow", chapter, section, description, is_pseudo as "isPseudo"
     from tariff_lines where edition_id = $1 order by row_no`,
    [editionId],
  );
}

/**
 * The built index as bytes (V8 serialisation), for a worker process: reading them back takes about a third of the time of
 * building the index again from the schedule rows. The HS rows go with it (attribute transposition reads their wording);
 * the leak check and the US rows stay with the parent. An index is packed once: later batches reuse the bytes.
 */
export function packIndex(index: ClassifyIndex): Buffer {
  let packed = packedIndexes.get(index);
  if (!packed) {
    const { sourceTexts: _texts, source, ...built } = index;
    packed = v8.serialize({ ...built, source: { hsRows: source.hsRows, usRows: [], sections: source.sections } });
    packedIndexes.set(index, packed);
  }
  return packed;
}

const packedIndexes = new WeakMap<ClassifyIndex, Buffer>();

/** An index packed by packIndex, ready to classify with. */
export function unpackIndex(packed: Uint8Array): ClassifyIndex {
  const built = v8.deserialize(packed) as Omit<ClassifyIndex, "sourceTexts">;
  return { ...built, sourceTexts: () => [] };
}

/** What an index is built from: the HS rows, the US HTS rows (may be empty) and the HS section names. */
export type IndexSource = { hsRows: ScheduleRow[]; usRows: ScheduleRow[]; sections: { section: string; name: string }[] };

/** Build the index from schedule rows: HS chapters, headings and subheadings, with US national lines hung under their HS6. */
export function indexFromRows(input: IndexSource): ClassifyIndex {
  const started = performance.now();
  const nodes: IndexNode[] = [];
  const byCode = new Map<string, number>();
  const secondary = new Map<number, string>();
  const add = (code: string, level: number, parent: number, description: string, groups: string[] = []): number => {
    const id = nodes.length;
    nodes.push({
      code,
      level,
      parent,
      children: [],
      description,
      context: groups.join("; "),
      groups,
      residual: isResidual(description),
      specificGroup: level > 6 && !groups.every(isResidual),
      leaf: true,
    });
    if (parent >= 0) {
      const p = nodes[parent] as IndexNode;
      p.children.push(id);
      p.leaf = false;
    }
    byCode.set(code, id);
    return id;
  };
  const sections = new Map(input.sections.map((s) => [s.section, s.name.trim()]));
  const chapterSection = new Map<string, string>();
  for (const row of input.hsRows) {
    if (!row.code || row.isPseudo || isSpecialChapter(row.code)) continue;
    if (row.level === 2) {
      const id = add(row.code, 2, -1, row.description);
      if (row.section) {
        chapterSection.set(row.code, row.section);
        secondary.set(id, sections.get(row.section) ?? "");
      }
    } else {
      const parent = byCode.get(row.code.slice(0, row.level - 2));
      if (parent === undefined) continue;
      add(row.code, row.level, parent, row.description);
    }
  }
  hangNationalLines(input.usRows, nodes, byCode, add, secondary);
  const chapters = nodes.flatMap((n, i) => (n.level === 2 ? [i] : []));
  const { postings, idf, norm, ownNorm } = buildPostings(nodes, secondary);
  const index: ClassifyIndex = {
    nodes,
    byCode,
    chapters,
    postings,
    idf,
    norm,
    ownNorm,
    levels: Uint8Array.from(nodes, (n) => n.level),
    sections: new Map([...chapterSection].map(([chapter, section]) => [chapter, section])),
    editions: { hs: { id: 0, code: "", name: "" }, us: null },
    sourceTexts: () => [...nodes.flatMap((n) => [n.description, ...n.groups]), ...secondary.values()],
    source: input,
    buildMs: 0,
    readMs: 0,
  };
  index.buildMs = performance.now() - started;
  return index;
}

/** Chapters 98 and 99 hold special provisions and temporary duties: goods are never classified there first. */
function isSpecialChapter(code: string): boolean {
  return code.startsWith("98") || code.startsWith("99") || code.startsWith("77");
}

function isResidual(description: string): boolean {
  return /^other\b/i.test(description.trim());
}

function hangNationalLines(
  rows: ScheduleRow[],
  nodes: IndexNode[],
  byCode: Map<string, number>,
  add: (code: string, level: number, parent: number, description: string, groups?: string[]) => number,
  secondary: Map<number, string>,
): void {
  const byRow = new Map(rows.map((r) => [r.rowNo, r]));
  const contextOf = (row: ScheduleRow): { groups: string[]; codedParent: ScheduleRow | undefined } => {
    const groups: string[] = [];
    let parent = row.parentRow === null ? undefined : byRow.get(row.parentRow);
    while (parent && !parent.code) {
      groups.unshift(parent.description.replace(/:$/, ""));
      parent = parent.parentRow === null ? undefined : byRow.get(parent.parentRow);
    }
    return { groups, codedParent: parent };
  };
  for (const row of rows) {
    if (!row.code || isSpecialChapter(row.code)) continue;
    const { groups, codedParent } = contextOf(row);
    if (row.level === 4 || row.level === 6) {
      // The HTS prints the legal heading text; the HS file gives Comtrade's condensed wording, kept as secondary text.
      const id = byCode.get(row.code);
      if (id === undefined) continue;
      const node = nodes[id] as IndexNode;
      secondary.set(id, node.description);
      node.description = row.description.replace(/:$/, "");
      node.context = groups.join("; ");
      node.groups = groups;
      node.residual = isResidual(row.description);
      continue;
    }
    // A 10-digit line whose 8 digits the HTS does not print on a row of their own ("8516.31.00.00" straight under the
    // heading) hangs under its HS6, not beside it: otherwise the HS6 is a leaf and a search for a US line can stop there.
    const parentCode = row.level === 8 || !codedParent?.code || codedParent.level < 8 ? row.code.slice(0, 6) : codedParent.code;
    const parent = byCode.get(parentCode) ?? byCode.get(codedParent?.code ?? "");
    if (parent === undefined) continue;
    add(row.code, row.level, parent, row.description.replace(/:$/, ""), groups);
  }
}

/** Term postings over the tree: a node holds its own words (strength 1), its secondary text (0.7) and its descendants' words (0.5). */
function buildPostings(
  nodes: IndexNode[],
  secondary: Map<number, string>,
): { postings: Map<string, Postings>; idf: Map<string, number>; norm: Float32Array; ownNorm: Float32Array } {
  const own: Map<string, number>[] = nodes.map((node, id) => {
    const terms = new Map<string, number>();
    for (const t of documentTerms(`${node.context}; ${node.description}`)) terms.set(t, OWN);
    const extra = secondary.get(id);
    if (extra) for (const t of documentTerms(extra)) if (!terms.has(t)) terms.set(t, SECONDARY);
    return terms;
  });
  const ownNorm = Float32Array.from(own, (terms) => Math.max(1, [...terms.keys()].filter((t) => !t.includes(" ")).length / OWN_LENGTH_PIVOT) ** 0.5);
  // A term's postings are the lines whose own text holds it and every ancestor of theirs (the ancestors hold it as a
  // descendant's word). Walking up from each owner until a line already taken lists each posting once, without a term map per line.
  const owners = new Map<string, { ids: number[]; weights: number[] }>();
  for (const [id, terms] of own.entries()) {
    for (const [t, w] of terms) {
      const list = owners.get(t);
      if (list) {
        list.ids.push(id);
        list.weights.push(w);
      } else owners.set(t, { ids: [id], weights: [w] });
    }
  }
  const n = nodes.length;
  const takenBy = new Int32Array(n).fill(-1);
  const ownWeight = new Float64Array(n);
  const unigrams = new Int32Array(n);
  const postings = new Map<string, Postings>();
  const idf = new Map<string, number>();
  let term = 0;
  for (const [t, { ids, weights: ownerWeights }] of owners) {
    const found: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      ownWeight[id] = ownerWeights[k] as number;
      for (let at = id; at >= 0 && takenBy[at] !== term; at = (nodes[at] as IndexNode).parent) {
        takenBy[at] = term;
        found.push(at);
      }
    }
    term++;
    const postingIds = Int32Array.from(found).sort();
    const weights = new Float32Array(postingIds.length);
    let owned = 0;
    for (let i = 0; i < postingIds.length; i++) {
      const w = ownWeight[postingIds[i] as number] || DESCENDANT;
      weights[i] = w;
      if (w >= SECONDARY) owned++;
    }
    const ownIds = new Int32Array(owned);
    const ownWeights = new Float32Array(owned);
    for (let i = 0, j = 0; i < postingIds.length; i++) {
      const id = postingIds[i] as number;
      const w = ownWeight[id] || DESCENDANT;
      if (w < SECONDARY) continue;
      ownIds[j] = id;
      ownWeights[j++] = w;
    }
    for (const id of ids) ownWeight[id] = 0;
    if (!t.includes(" ")) for (const id of postingIds) unigrams[id] = (unigrams[id] as number) + 1;
    const termIdf = Math.log(1 + n / ids.length);
    idf.set(t, termIdf);
    postings.set(t, { ids: postingIds, weights, ownIds, ownWeights, idf: termIdf });
  }
  const norm = Float32Array.from(nodes, (node, id) => (1 + (unigrams[id] as number) / 12) ** (AGGREGATE_NORM[node.level] ?? 0.1));
  return { postings, idf, norm, ownNorm };
}

/** The terms of one tariff description: stems and adjacent-stem bigrams, with "other than …" and "excluding …" clauses removed. */
export function documentTerms(description: string): Set<string> {
  const terms = new Set<string>();
  for (const clause of positiveClauses(description)) {
    const stems = tokenizeText(normalizeText(clause)).map((t) => t.stem);
    for (const [i, stem] of stems.entries()) {
      terms.add(stem);
      const next = stems[i + 1];
      if (next) terms.add(`${stem} ${next}`);
    }
  }
  return terms;
}

/** The parts of a description that say what a line covers, without the parts that say what it does not. */
export function positiveClauses(description: string): string[] {
  // "not knitted or crocheted" must not match "knitted": negated conditions are dropped up to the next punctuation.
  const withoutNegatives = description.replace(/\((?:other than|excluding|except|not |nor )[^)]*\)/gi, " ").replace(/\b(?:other than|excluding|except|not|nor)\b[^;:,()]*/gi, " ");
  return withoutNegatives
    .split(/[;:]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The index, or a REFERENCE_NOT_LOADED error when the market's schedule is missing. */
export function requireMarket(index: ClassifyIndex, market: "us" | "hs"): void {
  if (market === "us" && !index.editions.us && !index.nodes.some((n) => n.level > 6)) {
    throw new AppError("REFERENCE_NOT_LOADED", 'No US HTS edition is loaded; run "clearway import-reference" or classify with market "hs".');
  }
}
