import type { Queryable } from "../db/connection.ts";
import { csvChunks } from "../db/csv.ts";
import { corrupt, readCsvRecords } from "../reference/read-csv.ts";
import { formatCode } from "./code.ts";
import { createEdition, setEditionLineCount, type EditionInput } from "./editions.ts";

/** Files of one HS edition: the nomenclature (all levels) and the section names. */
export type HsEditionFiles = { nomenclatureFile: string; sectionsFile: string };

/** Import an HS nomenclature as a new edition (sections, chapters, headings, subheadings); returns the edition id and row count. */
export async function importHsEdition(tx: Queryable, files: HsEditionFiles, edition: Omit<EditionInput, "schedule">): Promise<{ editionId: number; rows: number }> {
  const { nomenclatureFile, sectionsFile } = files;
  const sections = readCsvRecords(sectionsFile, ["section", "name"]);
  const records = readCsvRecords(nomenclatureFile, ["section", "hscode", "description", "parent", "level"]);
  const editionId = await createEdition(tx, { ...edition, schedule: "hs" });

  const sectionName = new Map(sections.map((s) => [s.section?.trim() ?? "", (s.name ?? "").trim()]));
  await tx.copyCsv(
    "hs_sections",
    ["edition_id", "section", "position", "name"],
    csvChunks(sections.map((s, i) => [editionId, (s.section ?? "").trim(), i + 1, capitalise((s.name ?? "").trim())])),
  );

  const byCode = new Map<string, { rowNo: number; ancestors: number[] }>();
  const descriptions: string[] = [];
  const rows = [];
  let rowNo = 0;
  for (const [index, r] of records.entries()) {
    const level = Number(r.level);
    if (level === 5) continue; // the grand-total pseudo row
    const code = (r.hscode ?? "").trim();
    if (![2, 4, 6].includes(level) || code.length !== level || !/^\d+$/.test(code)) {
      throw corrupt(nomenclatureFile, `row ${index + 2}: hscode "${code}" does not match level "${r.level}"`);
    }
    const parent = level === 2 ? undefined : byCode.get((r.parent ?? "").trim());
    if (level > 2 && !parent) throw corrupt(nomenclatureFile, `row ${index + 2}: parent "${r.parent}" of ${code} comes nowhere before it`);
    rowNo += 1;
    const ancestors = parent ? [...parent.ancestors, parent.rowNo] : [];
    const description = (r.description ?? "").trim();
    const section = (r.section ?? "").trim();
    const pathText = [sectionName.get(section) ?? "", ...ancestors.map((a) => descriptions[a])].join(" ");
    byCode.set(code, { rowNo, ancestors });
    descriptions[rowNo] = description;
    rows.push([editionId, rowNo, code, formatCode(code, "hs"), level, level / 2 - 1, parent?.rowNo ?? null, ancestors, code.slice(0, 2), section === "TOTAL" ? null : section, description, pathText, [], section === "TOTAL"]);
  }
  const loaded = await tx.copyCsv(
    "tariff_lines",
    ["edition_id", "row_no", "code", "code_dotted", "level", "indent", "parent_row", "ancestor_rows", "chapter", "section", "description", "path_text", "units", "is_pseudo"],
    csvChunks(rows),
  );
  await setEditionLineCount(tx, editionId, loaded);
  return { editionId, rows: loaded };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
