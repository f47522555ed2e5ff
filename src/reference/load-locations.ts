import type { Queryable } from "../db/connection.ts";
import { csvChunks } from "../db/csv.ts";
import { corrupt, readCsvRecords, textOrNull } from "./read-csv.ts";

const COLUMNS = ["locode", "country", "name", "name_ascii", "subdivision", "status", "function", "is_port", "is_airport", "is_icd", "is_border_crossing", "iata", "lat", "lon"];

/** Load UN/LOCODE ports, airports, inland depots and border crossings, replacing what was there. */
export async function loadLocations(tx: Queryable, file: string): Promise<number> {
  const records = readCsvRecords(file, COLUMNS);
  const rows = records.map((r, index) => {
    const locode = (r.locode ?? "").trim();
    if (!/^[A-Z]{2}[A-Z0-9]{3}$/.test(locode)) throw corrupt(file, `row ${index + 2}: locode "${locode}" is not a UN/LOCODE`);
    return [
      index + 1,
      locode,
      locode.slice(0, 2),
      r.name?.trim() || locode,
      textOrNull(r.name_ascii),
      textOrNull(r.subdivision),
      textOrNull(r.status),
      textOrNull(r.function),
      r.is_port === "1",
      r.is_airport === "1",
      r.is_icd === "1",
      r.is_border_crossing === "1",
      textOrNull(r.iata),
      numberOrNull(r.lat),
      numberOrNull(r.lon),
    ];
  });
  await tx.exec("delete from locations");
  return tx.copyCsv("locations", ["row_no", "locode", "country", "name", "name_ascii", "subdivision", "status", "function", "is_port", "is_airport", "is_icd", "is_border_crossing", "iata", "lat", "lon"], csvChunks(rows));
}

function numberOrNull(value: string | undefined): number | null {
  const text = textOrNull(value);
  return text === null || Number.isNaN(Number(text)) ? null : Number(text);
}
