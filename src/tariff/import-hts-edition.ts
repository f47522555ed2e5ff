import type { Queryable } from "../db/connection.ts";
import { csvChunks } from "../db/csv.ts";
import { corrupt, readCsvRecords } from "../reference/read-csv.ts";
import { formatCode } from "./code.ts";
import { createEdition, setEditionLineCount, type EditionInput } from "./editions.ts";
import { parseRate, parseSpecialRate } from "./parse-rate.ts";

const COLUMNS = ["HTS Number", "Indent", "Description", "Unit of Quantity", "General Rate of Duty", "Special Rate of Duty", "Column 2 Rate of Duty", "Quota Quantity", "Additional Duties"];

/** One schedule row as read from the USITC CSV, with its place in the indent tree. */
type HtsRow = {
  rowNo: number;
  code: string;
  indent: number;
  description: string;
  units: string[];
  general: string;
  special: string;
  column2: string;
  quota: string;
  additional: string;
  parentRow: number | null;
  ancestors: number[];
  chapter: string | null;
};

/** Import a USITC HTS CSV export as a new edition: every row, its indent tree, units and rates (10-digit lines inherit the rates printed on their parents). */
export async function importHtsEdition(tx: Queryable, file: string, edition: Omit<EditionInput, "schedule">): Promise<{ editionId: number; rows: number }> {
  const rows = readHtsRows(file);
  const chapters = await hsChapters(tx);
  const editionId = await createEdition(tx, { ...edition, schedule: "us_hts" });
  const lines = rows.map((row) => htsLineValues(editionId, row, rows, chapters));
  const loaded = await tx.copyCsv(
    "tariff_lines",
    ["edition_id", "row_no", "code", "code_dotted", "level", "indent", "parent_row", "ancestor_rows", "chapter", "section", "description", "path_text", "units", "general_raw", "special_raw", "column2_raw", "rate_from_row", "general_rate", "special_rate", "column2_rate", "quota_quantity", "additional_duties"],
    csvChunks(lines),
  );
  await setEditionLineCount(tx, editionId, loaded);
  return { editionId, rows: loaded };
}

/** Read and check the USITC CSV, building the tree from the Indent column. */
export function readHtsRows(file: string): HtsRow[] {
  const records = readCsvRecords(file, COLUMNS);
  const rows: HtsRow[] = [];
  const openAtIndent: (HtsRow | undefined)[] = [];
  for (const [index, r] of records.entries()) {
    const line = index + 2;
    const dotted = (r["HTS Number"] ?? "").trim();
    const code = dotted.replaceAll(".", "");
    if (code && (!/^\d+$/.test(code) || ![4, 6, 8, 10].includes(code.length))) throw corrupt(file, `row ${line}: HTS Number "${dotted}" is not a 4, 6, 8 or 10-digit code`);
    const indent = Number(r.Indent);
    if (!Number.isInteger(indent) || indent < 0 || indent > 20) throw corrupt(file, `row ${line}: Indent "${r.Indent}" is not a tree depth`);
    // The parent is the nearest row above with a smaller indent; USITC's export skips a level in a few places.
    const parent = openAtIndent.slice(0, indent).findLast(Boolean);
    const row: HtsRow = {
      rowNo: index + 1,
      code,
      indent,
      description: (r.Description ?? "").replace(/\s+/g, " ").trim(),
      units: parseUnits(r["Unit of Quantity"] ?? "", file, line),
      general: (r["General Rate of Duty"] ?? "").trim(),
      special: (r["Special Rate of Duty"] ?? "").trim(),
      column2: (r["Column 2 Rate of Duty"] ?? "").trim(),
      quota: (r["Quota Quantity"] ?? "").trim(),
      additional: (r["Additional Duties"] ?? "").trim(),
      parentRow: parent?.rowNo ?? null,
      ancestors: parent ? [...parent.ancestors, parent.rowNo] : [],
      chapter: code ? code.slice(0, 2) : (parent?.chapter ?? null),
    };
    openAtIndent.length = indent;
    openAtIndent[indent] = row;
    rows.push(row);
  }
  fillChapterFromNextRow(rows);
  return rows;
}

/** The row whose printed rates apply to this one: itself when it prints a general rate, else its nearest ancestor that does. */
export function rateSource(row: HtsRow, rows: readonly HtsRow[]): HtsRow | null {
  if (row.general) return row;
  for (let i = row.ancestors.length - 1; i >= 0; i--) {
    const ancestor = rows[(row.ancestors[i] as number) - 1];
    if (ancestor?.general) return ancestor;
  }
  return null;
}

function htsLineValues(editionId: number, row: HtsRow, rows: readonly HtsRow[], chapters: Map<string, { description: string; section: string | null }>) {
  const source = rateSource(row, rows);
  const chapter = row.chapter ? chapters.get(row.chapter) : undefined;
  const pathText = [chapter?.description ?? "", ...row.ancestors.map((a) => rows[a - 1]?.description ?? "")].join(" ");
  // Parsed rates are stored once, on the row that prints them; lines that inherit point at it through rate_from_row.
  const prints = row.general !== "";
  return [
    editionId, row.rowNo, row.code || null, row.code ? formatCode(row.code, "us_hts") : null, row.code.length, row.indent, row.parentRow, row.ancestors,
    row.chapter, chapter?.section ?? null, row.description, pathText, row.units,
    row.general || null, row.special || null, row.column2 || null, source?.rowNo ?? null,
    prints ? parseRate(row.general) : null, prints ? parseSpecialRate(row.special) : null, prints ? parseRate(row.column2) : null,
    row.quota || null, row.additional || null,
  ];
}

function parseUnits(text: string, file: string, line: number): string[] {
  if (!text.trim()) return [];
  try {
    const value = JSON.parse(text);
    if (!Array.isArray(value)) throw new Error("not an array");
    return value.map((unit) => String(unit).trim()).filter(Boolean);
  } catch {
    throw corrupt(file, `row ${line}: Unit of Quantity ${JSON.stringify(text)} is not a JSON list`);
  }
}

function fillChapterFromNextRow(rows: HtsRow[]): void {
  let next: string | null = null;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as HtsRow;
    if (row.chapter) next = row.chapter;
    else row.chapter = next;
  }
}

async function hsChapters(tx: Queryable): Promise<Map<string, { description: string; section: string | null }>> {
  const rows = await tx.query<{ code: string; description: string; section: string | null }>(
    `select l.code, l.description, l.section from tariff_lines l
     where l.level = 2 and l.edition_id = (select id from tariff_editions where schedule = 'hs' order by effective_from desc, id desc limit 1)`,
  );
  return new Map(rows.map((r) => [r.code, { description: r.description, section: r.section }]));
}
