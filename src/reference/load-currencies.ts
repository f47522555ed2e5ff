import type { Queryable } from "../db/connection.ts";
import { csvChunks } from "../db/csv.ts";
import { corrupt, readCsvRecords, textOrNull } from "./read-csv.ts";

const COLUMNS = ["Entity", "Currency", "AlphabeticCode", "NumericCode", "MinorUnit", "WithdrawalDate"];

/** Load the ISO 4217 tables (current and historic, one row per entity), replacing what was there. */
export async function loadCurrencies(tx: Queryable, file: string): Promise<number> {
  const records = readCsvRecords(file, COLUMNS);
  const rows = records.map((r, index) => {
    const code = textOrNull(r.AlphabeticCode);
    if (code !== null && !/^[A-Z]{3}$/.test(code)) throw corrupt(file, `row ${index + 2}: AlphabeticCode "${code}" is not three capital letters`);
    const minor = textOrNull(r.MinorUnit);
    return [
      index + 1,
      r.Entity?.trim() ?? "",
      r.Currency?.trim() ?? "",
      code,
      textOrNull(r.NumericCode)?.padStart(3, "0") ?? null,
      minor !== null && /^\d+$/.test(minor) ? Number(minor) : null,
      textOrNull(r.WithdrawalDate),
    ];
  });
  await tx.exec("delete from currencies");
  return tx.copyCsv("currencies", ["row_no", "entity", "name", "code", "numeric_code", "minor_unit", "withdrawal_date"], csvChunks(rows));
}
