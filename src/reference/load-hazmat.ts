import type { Queryable } from "../db/connection.ts";
import { csvChunks } from "../db/csv.ts";
import { corrupt, readCsvRecords, textOrNull } from "./read-csv.ts";

const COLUMNS = ["row_id", "symbols", "proper_shipping_name", "hazard_class_division", "un_na_number", "packing_group", "label_codes", "special_provisions", "packaging_exceptions_173", "packaging_nonbulk_173", "packaging_bulk_173", "passenger_aircraft_rail_max_qty", "cargo_aircraft_only_max_qty", "vessel_stowage_location", "vessel_other_provisions"];

/** Load the US DOT hazardous materials table (49 CFR 172.101), replacing what was there. */
export async function loadHazmat(tx: Queryable, file: string): Promise<number> {
  const records = readCsvRecords(file, COLUMNS);
  const rows = records.map((r, index) => {
    const rowId = Number(r.row_id);
    if (!Number.isInteger(rowId)) throw corrupt(file, `row ${index + 2}: row_id "${r.row_id}" is not a whole number`);
    const text = (key: string) => textOrNull(r[key], ["None"]);
    return [rowId, text("symbols"), r.proper_shipping_name?.trim() ?? "", text("hazard_class_division"), text("un_na_number"), text("packing_group"), text("label_codes"), text("special_provisions"), text("packaging_exceptions_173"), text("packaging_nonbulk_173"), text("packaging_bulk_173"), text("passenger_aircraft_rail_max_qty"), text("cargo_aircraft_only_max_qty"), text("vessel_stowage_location"), text("vessel_other_provisions")];
  });
  await tx.exec("delete from hazmat_entries");
  return tx.copyCsv("hazmat_entries", ["row_id", "symbols", "proper_shipping_name", "hazard_class", "un_number", "packing_group", "label_codes", "special_provisions", "packaging_exceptions", "packaging_nonbulk", "packaging_bulk", "passenger_max_qty", "cargo_only_max_qty", "vessel_stowage", "vessel_other"], csvChunks(rows));
}
