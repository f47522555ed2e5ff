import type { Queryable } from "../db/connection.ts";
import { csvChunks } from "../db/csv.ts";
import { corrupt, readCsvRecords, textOrNull } from "./read-csv.ts";

const COLUMNS = ["ISO3166-1-Alpha-2", "ISO3166-1-Alpha-3", "ISO3166-1-numeric", "CLDR display name", "UNTERM Chinese Short", "official_name_en", "official_name_cn", "ISO4217-currency_alphabetic_code", "Region Name", "Sub-region Name", "is_independent"];

/** Load ISO 3166 countries with English and Chinese names, replacing what was there. */
export async function loadCountries(tx: Queryable, file: string): Promise<number> {
  const records = readCsvRecords(file, COLUMNS);
  const rows = records.map((r, index) => {
    const alpha2 = (r["ISO3166-1-Alpha-2"] ?? "").trim();
    if (!/^[A-Z]{2}$/.test(alpha2)) throw corrupt(file, `row ${index + 2}: ISO3166-1-Alpha-2 "${alpha2}" is not two capital letters`);
    const nameEn = textOrNull(r["CLDR display name"]) ?? textOrNull(r.official_name_en) ?? alpha2;
    const numeric = textOrNull(r["ISO3166-1-numeric"]);
    return [
      alpha2,
      textOrNull(r["ISO3166-1-Alpha-3"]),
      numeric ? numeric.padStart(3, "0") : null,
      nameEn,
      textOrNull(r["UNTERM Chinese Short"]) ?? textOrNull(r.official_name_cn),
      textOrNull(r.official_name_en),
      textOrNull(r.official_name_cn),
      textOrNull(r["ISO4217-currency_alphabetic_code"])?.split(",")[0] ?? null,
      textOrNull(r["Region Name"]),
      textOrNull(r["Sub-region Name"]),
      textOrNull(r.is_independent) === null ? null : r.is_independent === "Yes",
    ];
  });
  await tx.exec("delete from countries");
  return tx.copyCsv("countries", ["alpha2", "alpha3", "numeric_code", "name_en", "name_zh", "official_name_en", "official_name_zh", "currency_code", "region", "sub_region", "is_independent"], csvChunks(rows));
}
