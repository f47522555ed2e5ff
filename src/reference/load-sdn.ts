import type { Queryable } from "../db/connection.ts";
import { csvChunks } from "../db/csv.ts";
import { corrupt, readBytes, readCsvRows, textOrNull } from "./read-csv.ts";

const NO_VALUE = ["-0-"];

/** Load the OFAC SDN list (legacy sdn.csv: no header, "-0-" for empty, a trailing 0x1A byte), replacing what was there. */
export async function loadSdn(tx: Queryable, file: string): Promise<number> {
  // The DOS end-of-file byte after the last line is part of OFAC's published file, not a record.
  const text = readBytes(file).toString("latin1").replace(/\x1a\s*$/, "");
  const rows = readCsvRows(file, 12, Buffer.from(text, "latin1").toString("utf8")).map((fields, index) => {
    const entNum = Number(fields[0]);
    if (!Number.isInteger(entNum)) throw corrupt(file, `row ${index + 1}: ent_num "${fields[0]}" is not a whole number`);
    return [entNum, ...fields.slice(1).map((value, i) => (i === 0 ? (value ?? "").trim() : textOrNull(value, NO_VALUE)))];
  });
  await tx.exec("delete from sdn_entries");
  return tx.copyCsv("sdn_entries", ["ent_num", "name", "sdn_type", "program", "title", "call_sign", "vessel_type", "tonnage", "grt", "vessel_flag", "vessel_owner", "remarks"], csvChunks(rows));
}
