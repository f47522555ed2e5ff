// Prints how much of the US HTS rate text the parser understands.
// Usage: npx tsx scripts/rate-coverage.ts [DATA_DIR]   (default: $CLEARWAY_DATA_DIR or ../shared/data)
import { resolve } from "node:path";
import {
  type ColumnCoverage,
  measureRateCoverage,
  type RateCoverage,
  readScheduleRows,
  type ScheduleRow,
} from "../src/tariff/rate-coverage.ts";

const COLUMNS = ["general", "special", "column2"] as const;

function main(): void {
  const dataDir = resolve(process.argv[2] ?? process.env.CLEARWAY_DATA_DIR ?? "../shared/data");
  const rows = readScheduleRows(dataDir);
  printReport("All chapters", measureRateCoverage(rows));
  printReport("Chapters 01-97 (without the chapter 98/99 special provisions)", measureRateCoverage(rows.filter(isOrdinaryChapter)));
  printTopUnparsed(measureRateCoverage(rows));
}

function isOrdinaryChapter(row: ScheduleRow): boolean {
  return row.chapter !== "98" && row.chapter !== "99";
}

function printReport(title: string, coverage: RateCoverage): void {
  console.log(`\n${title}: ${coverage.rows} rows`);
  const header = ["column", "non-empty", "free", "parsed", "ad val.", "specific", "compound", "unparsed", "coverage"];
  const lines = COLUMNS.map((name) => columnLine(name, coverage[name]));
  printTable([header, ...lines]);
  const { specificComponents, mapped, unmapped } = coverage.unitMapping;
  console.log(
    `Specific components on 8/10-digit lines with units of quantity: ${specificComponents}, mapped ${mapped}, unmapped ${unmapped}`,
  );
  console.log("(special column: free/parsed/unparsed count cells; ad val./specific/compound count rate groups)");
}

function columnLine(name: string, column: ColumnCoverage): string[] {
  const numbers = [column.nonEmpty, column.free, column.parsed, column.adValorem, column.specific, column.compound];
  return [name, ...numbers.map(String), String(column.unparsed), `${(column.coverage * 100).toFixed(2)}%`];
}

function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, index) => Math.max(...rows.map((row) => (row[index] ?? "").length))) ?? [];
  for (const row of rows) {
    console.log(row.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join("  "));
  }
}

function printTopUnparsed(coverage: RateCoverage): void {
  for (const name of COLUMNS) {
    console.log(`\nMost frequent unparsed ${name} cells (all chapters):`);
    for (const { raw, count } of coverage[name].topUnparsed) console.log(`${String(count).padStart(6)}  ${JSON.stringify(raw)}`);
  }
}

main();
