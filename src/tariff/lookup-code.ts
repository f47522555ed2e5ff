import { AppError } from "../core/errors.ts";
import type { Queryable } from "../db/connection.ts";
import { formatCode, normalizeCode, type Schedule } from "./code.ts";
import { type Edition, resolveEdition } from "./editions.ts";
import { mapRateUnits, type ParsedRate, type ParsedSpecial } from "./parse-rate.ts";

/** A line as the tariff tree shows it below another line; group rows without a number carry their own children. */
export type TreeChild = { code: string | null; codeDotted: string | null; level: number; description: string; hasChildren: boolean; units: string[]; general: string | null; children?: TreeChild[] };
/** One rate column of a line: as printed, as in force (possibly inherited), and parsed. */
export type RateCell<P> = { raw: string; effectiveRaw: string; inheritedFrom: string | null; parsed: P };
/** A step of the description path from the chapter down. */
export type PathStep = { code: string | null; codeDotted: string | null; level: number; description: string };
/** Everything the schedule says about one code. */
export type TariffNode = {
  edition: Edition;
  code: string;
  codeDotted: string;
  level: number;
  description: string;
  section: { section: string; name: string } | null;
  path: PathStep[];
  units: string[];
  rates: { general: RateCell<ParsedRate>; special: RateCell<ParsedSpecial>; column2: RateCell<ParsedRate> } | null;
  children: TreeChild[];
};
/** A valid code offered when the one asked for does not exist. */
export type Suggestion = { code: string; codeDotted: string; description: string };

type LineRow = {
  row_no: number; code: string | null; code_dotted: string | null; level: number; indent: number; description: string; units: string[];
  ancestor_rows: number[]; chapter: string | null; section: string | null; general_raw: string | null; special_raw: string | null; column2_raw: string | null;
  rate_from_row: number | null; general_rate: ParsedRate | null; special_rate: ParsedSpecial | null; column2_rate: ParsedRate | null;
};

/** Look a code up in a schedule: description path, units, rates and children; an unknown code is a 404 with the closest valid codes. */
export async function lookupCode(db: Queryable, options: { code: string; schedule?: Schedule; edition?: string; date?: string }): Promise<TariffNode> {
  const schedule = options.schedule ?? "us_hts";
  const digits = normalizeCode(options.code, schedule);
  const edition = await resolveEdition(db, schedule, { code: options.edition, date: options.date });
  if (schedule === "us_hts" && digits.length === 2) return htsChapterNode(db, edition, digits);
  const [line] = await db.query<LineRow>("select * from tariff_lines where edition_id = $1 and code = $2 and not is_pseudo order by row_no limit 1", [edition.id, digits]);
  if (!line) return prefixNode(db, edition, digits, options.code);
  return nodeOf(db, edition, line);
}

async function nodeOf(db: Queryable, edition: Edition, line: LineRow): Promise<TariffNode> {
  const schedule = edition.schedule;
  const digits = line.code as string;
  const ancestors = await linesByRow(db, edition.id, line.ancestor_rows);
  const chapterStep = schedule === "us_hts" && line.chapter ? await hsChapterStep(db, line.chapter) : [];
  return {
    edition,
    code: digits,
    codeDotted: line.code_dotted ?? digits,
    level: line.level,
    description: line.description,
    section: await sectionOf(db, line.section),
    path: [...chapterStep, ...ancestors.map(pathStep)],
    units: line.units,
    rates: schedule === "us_hts" ? await ratesOf(db, edition.id, line) : null,
    children: await childrenOf(db, edition.id, [line.row_no]),
  };
}

/** A code the schedule does not print as a row but whose lines it prints (an HS6 the HTS splits straight into 8-digit lines): the one line it stands for, or a node over them. */
async function prefixNode(db: Queryable, edition: Edition, digits: string, input: string): Promise<TariffNode> {
  const lines = await db.query<LineRow>("select * from tariff_lines where edition_id = $1 and code like $2 and not is_pseudo order by row_no", [edition.id, `${digits}%`]);
  const topIndent = Math.min(...lines.map((l) => l.indent));
  const tops = lines.filter((l) => l.indent === topIndent);
  const first = tops[0];
  if (!first) throw await notFound(db, edition, digits, input);
  if (tops.length === 1) return nodeOf(db, edition, first);
  const [hs] = await db.query<{ description: string }>(
    "select description from tariff_lines where code = $1 and edition_id = (select id from tariff_editions where schedule = 'hs' order by effective_from desc, id desc limit 1)",
    [digits],
  );
  const ancestors = await linesByRow(db, edition.id, first.ancestor_rows);
  return {
    edition,
    code: digits,
    codeDotted: formatCode(digits, edition.schedule),
    level: digits.length,
    description: hs?.description ?? tops.map((t) => t.description).join("; "),
    section: await sectionOf(db, first.section),
    path: [...(first.chapter ? await hsChapterStep(db, first.chapter) : []), ...ancestors.map(pathStep)],
    units: [],
    rates: null,
    children: await childrenOf(db, edition.id, null, tops.map((t) => t.row_no)),
  };
}

async function htsChapterNode(db: Queryable, edition: Edition, chapter: string): Promise<TariffNode> {
  const [hsChapter] = await db.query<LineRow>(
    "select * from tariff_lines where level = 2 and code = $1 and not is_pseudo and edition_id = (select id from tariff_editions where schedule = 'hs' order by effective_from desc, id desc limit 1)",
    [chapter],
  );
  const headings = await db.query<{ row_no: number }>("select row_no from tariff_lines where edition_id = $1 and chapter = $2 and indent = 0 order by row_no", [edition.id, chapter]);
  if (!headings.length) throw await notFound(db, edition, chapter, chapter);
  return {
    edition,
    code: chapter,
    codeDotted: chapter,
    level: 2,
    description: hsChapter?.description ?? `Chapter ${chapter}`,
    section: await sectionOf(db, hsChapter?.section ?? null),
    path: [],
    units: [],
    rates: null,
    children: await childrenOf(db, edition.id, null, headings.map((h) => h.row_no)),
  };
}

async function linesByRow(db: Queryable, editionId: number, rows: number[]): Promise<LineRow[]> {
  if (!rows.length) return [];
  return db.query<LineRow>("select * from tariff_lines where edition_id = $1 and row_no = any($2::int[]) order by row_no", [editionId, rows]);
}

function pathStep(line: LineRow): PathStep {
  return { code: line.code, codeDotted: line.code_dotted, level: line.level, description: line.description };
}

async function hsChapterStep(db: Queryable, chapter: string): Promise<PathStep[]> {
  const rows = await db.query<LineRow>(
    "select * from tariff_lines where level = 2 and code = $1 and edition_id = (select id from tariff_editions where schedule = 'hs' order by effective_from desc, id desc limit 1)",
    [chapter],
  );
  return rows.map(pathStep);
}

async function sectionOf(db: Queryable, section: string | null): Promise<{ section: string; name: string } | null> {
  if (!section) return null;
  const [row] = await db.query<{ section: string; name: string }>(
    "select section, name from hs_sections where section = $1 and edition_id = (select id from tariff_editions where schedule = 'hs' order by effective_from desc, id desc limit 1)",
    [section],
  );
  return row ?? null;
}

async function ratesOf(db: Queryable, editionId: number, line: LineRow): Promise<TariffNode["rates"]> {
  const inheritedRow = line.rate_from_row && line.rate_from_row !== line.row_no ? (await linesByRow(db, editionId, [line.rate_from_row]))[0] : undefined;
  const source = inheritedRow ?? line;
  const inheritedFrom = inheritedRow ? (inheritedRow.code_dotted ?? null) : null;
  const forLine = (rate: ParsedRate | null): ParsedRate => (rate ? mapRateUnits(rate, line.units) : { status: "empty", raw: "" });
  const special: ParsedSpecial = source.special_rate ?? { status: "empty", raw: "", groups: [] };
  return {
    general: { raw: line.general_raw ?? "", effectiveRaw: source.general_raw ?? "", inheritedFrom, parsed: forLine(source.general_rate) },
    special: { raw: line.special_raw ?? "", effectiveRaw: source.special_raw ?? "", inheritedFrom, parsed: { ...special, groups: special.groups.map((g) => ({ ...g, rate: forLine(g.rate) })) } as ParsedSpecial },
    column2: { raw: line.column2_raw ?? "", effectiveRaw: source.column2_raw ?? "", inheritedFrom, parsed: forLine(source.column2_rate) },
  };
}

type ChildRow = { row_no: number; parent_row: number | null; code: string | null; code_dotted: string | null; level: number; description: string; units: string[]; general: string | null; has_children: boolean };

/** The children of the given rows (or the given rows themselves), descending through group rows that carry no number. */
async function childrenOf(db: Queryable, editionId: number, parents: number[] | null, ownRows?: number[]): Promise<TreeChild[]> {
  return (await childRows(db, editionId, parents, ownRows)).map((entry) => entry.child);
}

async function childRows(db: Queryable, editionId: number, parents: number[] | null, ownRows?: number[]): Promise<{ parentRow: number | null; child: TreeChild }[]> {
  const rows = await db.query<ChildRow>(
    `select l.row_no, l.parent_row, l.code, l.code_dotted, l.level, l.description, l.units,
       (select r.general_raw from tariff_lines r where r.edition_id = l.edition_id and r.row_no = l.rate_from_row) as general,
       exists (select 1 from tariff_lines c where c.edition_id = l.edition_id and c.parent_row = l.row_no) as has_children
     from tariff_lines l where l.edition_id = $1 and ${parents ? "l.parent_row = any($2::int[])" : "l.row_no = any($2::int[])"} order by l.row_no`,
    [editionId, parents ?? ownRows ?? []],
  );
  const groups = rows.filter((r) => !r.code && r.has_children).map((r) => r.row_no);
  const nestedByParent = new Map<number, TreeChild[]>();
  for (const entry of groups.length ? await childRows(db, editionId, groups) : []) {
    const list = nestedByParent.get(entry.parentRow as number) ?? [];
    list.push(entry.child);
    nestedByParent.set(entry.parentRow as number, list);
  }
  return rows.map((r) => ({
    parentRow: r.parent_row,
    child: {
      code: r.code,
      codeDotted: r.code_dotted,
      level: r.level,
      description: r.description,
      hasChildren: r.has_children,
      units: r.units,
      general: r.general,
      ...(r.code ? {} : { children: nestedByParent.get(r.row_no) ?? [] }),
    },
  }));
}

/** The valid codes closest to one that does not exist: same length, longest shared prefix, nearest number. */
export async function closestCodes(db: Queryable, editionId: number, digits: string, limit = 5): Promise<Suggestion[]> {
  for (let prefix = digits.length - 1; prefix >= 0; prefix--) {
    const rows = await db.query<{ code: string; code_dotted: string; description: string }>(
      `select code, code_dotted, description from tariff_lines
       where edition_id = $1 and level = $2 and not is_pseudo and code like $3
       order by abs(code::bigint - $4::bigint), code limit $5`,
      [editionId, digits.length, `${digits.slice(0, prefix)}%`, digits, limit],
    );
    if (rows.length) return rows.map((r) => ({ code: r.code, codeDotted: r.code_dotted, description: r.description }));
  }
  return [];
}

async function notFound(db: Queryable, edition: Edition, digits: string, input: string): Promise<AppError> {
  const hsEditionId = digits.length === 2 && edition.schedule === "us_hts"
    ? (await db.query<{ id: number }>("select id from tariff_editions where schedule = 'hs' order by effective_from desc, id desc limit 1"))[0]?.id
    : edition.id;
  const suggestions = hsEditionId ? await closestCodes(db, hsEditionId, digits) : [];
  return new AppError("TARIFF_CODE_NOT_FOUND", `${input.trim()} is not a code in ${edition.name}.`, { code: digits, edition: edition.code, suggestions });
}
