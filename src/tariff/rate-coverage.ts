import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { mapRateUnits, type ParsedRate, parseRate, parseSpecialRate } from "./parse-rate.ts";

/** One schedule line as needed for coverage: the three rate cells and the cleaned units of quantity. */
export type RateRow = { general: string; special: string; column2: string; units: string[]; htsNumber?: string };

/** A schedule line read from the USITC CSV, with the chapter carried down onto blank-number rows. */
export type ScheduleRow = RateRow & { htsNumber: string; chapter: string };

/** Counts for one rate column; for the special column, kind counts are per group rather than per cell. */
export type ColumnCoverage = {
  nonEmpty: number;
  free: number;
  parsed: number;
  adValorem: number;
  specific: number;
  compound: number;
  unparsed: number;
  /** (free + parsed) / nonEmpty, 1 when the column is empty. */
  coverage: number;
  topUnparsed: { raw: string; count: number }[];
};

/** How many specific components on 8- and 10-digit lines with units of quantity map to one of them. */
export type UnitMappingCoverage = { specificComponents: number; mapped: number; unmapped: number };

/** Coverage of the rate parser over a set of schedule rows. */
export type RateCoverage = {
  rows: number;
  general: ColumnCoverage;
  special: ColumnCoverage;
  column2: ColumnCoverage;
  unitMapping: UnitMappingCoverage;
};

type Kind = "free" | "ad_valorem" | "specific" | "compound" | "unparsed" | "empty";

const TOP_UNPARSED = 15;
const SCHEDULE_FILE = "us_hts/hts_2026_revision_4.csv";

/** Read the HTS CSV under a data directory into rate rows (units of quantity trimmed, blanks dropped). */
export function readScheduleRows(dataDir: string): ScheduleRow[] {
  const text = readFileSync(resolve(dataDir, SCHEDULE_FILE), "utf8");
  const records: Record<string, string>[] = parse(text, { columns: true, bom: true });
  let chapter = "";
  return records.map((record) => {
    const htsNumber = (record["HTS Number"] ?? "").trim();
    if (htsNumber !== "") chapter = htsNumber.slice(0, 2);
    return {
      htsNumber,
      chapter,
      general: record["General Rate of Duty"] ?? "",
      special: record["Special Rate of Duty"] ?? "",
      column2: record["Column 2 Rate of Duty"] ?? "",
      units: parseUnitsOfQuantity(record["Unit of Quantity"] ?? ""),
    };
  });
}

/** Parse the Unit of Quantity cell (a JSON array string) into trimmed, non-empty unit texts. */
export function parseUnitsOfQuantity(cell: string): string[] {
  if (cell.trim() === "") return [];
  const value: unknown = JSON.parse(cell);
  if (!Array.isArray(value)) throw new Error(`Unit of Quantity is not an array: ${cell}`);
  return value.map((unit) => String(unit).trim()).filter((unit) => unit !== "");
}

/** Count how the parser classifies every general, special and column-2 cell of the rows. */
export function measureRateCoverage(rows: RateRow[]): RateCoverage {
  const general = new ColumnCounter();
  const special = new ColumnCounter();
  const column2 = new ColumnCounter();
  const unitMapping: UnitMappingCoverage = { specificComponents: 0, mapped: 0, unmapped: 0 };
  for (const row of rows) {
    const rates = [parseRate(row.general), parseRate(row.column2)];
    general.addRate(rates[0] as ParsedRate);
    column2.addRate(rates[1] as ParsedRate);
    const parsedSpecial = parseSpecialRate(row.special);
    special.addSpecial(parsedSpecial.status, parsedSpecial.raw, parsedSpecial.groups.map((group) => group.rate));
    if (carriesUnits(row)) {
      for (const rate of [...rates, ...parsedSpecial.groups.map((group) => group.rate)]) {
        countUnitMapping(unitMapping, rate, row.units);
      }
    }
  }
  return {
    rows: rows.length,
    general: general.result(),
    special: special.result(),
    column2: column2.result(),
    unitMapping,
  };
}

function carriesUnits(row: RateRow): boolean {
  if (row.units.length === 0) return false;
  if (row.htsNumber === undefined) return true;
  const digits = row.htsNumber.replaceAll(".", "").length;
  return digits === 8 || digits === 10;
}

function countUnitMapping(counts: UnitMappingCoverage, rate: ParsedRate, units: string[]): void {
  const mapped = mapRateUnits(rate, units);
  if (mapped.status !== "parsed") return;
  for (const component of mapped.components) {
    if (component.type !== "specific") continue;
    counts.specificComponents += 1;
    if (component.uoqIndex === null || component.uoqIndex === undefined) counts.unmapped += 1;
    else counts.mapped += 1;
  }
}

/** The shape of a parsed rate: free, simple ad valorem, simple specific, compound, or not parsed. */
export function rateKind(rate: ParsedRate): Kind {
  if (rate.status !== "parsed") return rate.status;
  if (rate.components.length > 1) return "compound";
  return rate.components[0]?.type === "specific" ? "specific" : "ad_valorem";
}

class ColumnCounter {
  private counts = { nonEmpty: 0, free: 0, parsed: 0, adValorem: 0, specific: 0, compound: 0, unparsed: 0 };
  private unparsedTexts = new Map<string, number>();

  addRate(rate: ParsedRate): void {
    if (rate.status === "empty") return;
    this.counts.nonEmpty += 1;
    const kind = rateKind(rate);
    if (kind === "free") this.counts.free += 1;
    else if (kind === "unparsed") this.addUnparsed(rate.raw);
    else this.counts.parsed += 1;
    this.addKind(kind);
  }

  addSpecial(status: "empty" | "parsed" | "unparsed", raw: string, rates: ParsedRate[]): void {
    if (status === "empty") return;
    this.counts.nonEmpty += 1;
    if (status === "unparsed") this.addUnparsed(raw);
    else if (rates.every((rate) => rate.status === "free")) this.counts.free += 1;
    else this.counts.parsed += 1;
    for (const rate of rates) this.addKind(rateKind(rate));
  }

  result(): ColumnCoverage {
    const { nonEmpty, free, parsed } = this.counts;
    const topUnparsed = [...this.unparsedTexts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP_UNPARSED)
      .map(([raw, count]) => ({ raw, count }));
    return { ...this.counts, coverage: nonEmpty === 0 ? 1 : (free + parsed) / nonEmpty, topUnparsed };
  }

  private addUnparsed(raw: string): void {
    this.counts.unparsed += 1;
    this.unparsedTexts.set(raw, (this.unparsedTexts.get(raw) ?? 0) + 1);
  }

  private addKind(kind: Kind): void {
    if (kind === "ad_valorem") this.counts.adValorem += 1;
    else if (kind === "specific") this.counts.specific += 1;
    else if (kind === "compound") this.counts.compound += 1;
  }
}
