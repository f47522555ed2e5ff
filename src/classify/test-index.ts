import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { TEST_DATA_DIR } from "../db/test-db.ts";
import { readHtsRows } from "../tariff/import-hts-edition.ts";
import { type ClassifyIndex, indexFromRows, type ScheduleRow } from "./build-classify-index.ts";

let cached: ClassifyIndex | undefined;

/** The classification index built straight from the reference files, without a database: for fast tests of the engine itself. */
export function loadTestIndex(dataDir = TEST_DATA_DIR): ClassifyIndex {
  if (cached) return cached;
  const read = (file: string) => parse(fs.readFileSync(path.join(dataDir, file)), { bom: true, columns: true }) as Record<string, string>[];
  const rowOf = new Map<string, number>();
  const hsRows: ScheduleRow[] = [];
  for (const r of read("hs/hs2022_nomenclature.csv")) {
    const level = Number(r.level);
    const code = (r.hscode ?? "").trim();
    if (level === 5) continue;
    const rowNo = hsRows.length + 1;
    rowOf.set(code, rowNo);
    const section = (r.section ?? "").trim();
    hsRows.push({
      rowNo,
      code,
      level,
      parentRow: level === 2 ? null : (rowOf.get((r.parent ?? "").trim()) ?? null),
      chapter: code.slice(0, 2),
      section: section === "TOTAL" ? null : section,
      description: (r.description ?? "").trim(),
      isPseudo: section === "TOTAL",
    });
  }
  const usRows: ScheduleRow[] = readHtsRows(path.join(dataDir, "us_hts/hts_2026_revision_4.csv")).map((r) => ({
    rowNo: r.rowNo,
    code: r.code || null,
    level: r.code.length,
    parentRow: r.parentRow,
    chapter: r.chapter,
    section: null,
    description: r.description,
    isPseudo: false,
  }));
  const sections = read("hs/hs2022_sections.csv").map((s) => ({ section: (s.section ?? "").trim(), name: (s.name ?? "").trim() }));
  cached = indexFromRows({ hsRows, usRows, sections });
  cached.editions = { hs: { id: 0, code: "HS2022", name: "HS 2022 (files)" }, us: { id: 0, code: "HTS2026R4", name: "HTS 2026 R4 (files)" } };
  return cached;
}
