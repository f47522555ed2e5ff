import type { Queryable } from "../db/connection.ts";
import { type Edition, listEditions } from "../tariff/editions.ts";

/** Counts of what is loaded, by kind of reference data. */
export type ReferenceCounts = Record<"hsChapters" | "hsHeadings" | "hs6" | "htsLines" | "hts8" | "hts10" | "countries" | "currencies" | "locations" | "hazmat" | "sdn", number>;
/** One import record of a source file. */
export type ImportRecord = { source: string; fileName: string; sha256: string; rows: number; importedAt: string; durationMs: number };

/** The editions, the per-source import records and the row counts of the reference data. */
export async function referenceStatus(db: Queryable): Promise<{ editions: Edition[]; counts: ReferenceCounts; imports: ImportRecord[] }> {
  const [counts] = await db.query<ReferenceCounts>(`select
    (select count(*) from tariff_lines l join tariff_editions e on e.id = l.edition_id where e.schedule = 'hs' and l.level = 2) as "hsChapters",
    (select count(*) from tariff_lines l join tariff_editions e on e.id = l.edition_id where e.schedule = 'hs' and l.level = 4) as "hsHeadings",
    (select count(*) from tariff_lines l join tariff_editions e on e.id = l.edition_id where e.schedule = 'hs' and l.level = 6) as "hs6",
    (select count(*) from tariff_lines l join tariff_editions e on e.id = l.edition_id where e.schedule = 'us_hts') as "htsLines",
    (select count(*) from tariff_lines l join tariff_editions e on e.id = l.edition_id where e.schedule = 'us_hts' and l.level = 8) as "hts8",
    (select count(*) from tariff_lines l join tariff_editions e on e.id = l.edition_id where e.schedule = 'us_hts' and l.level = 10) as "hts10",
    (select count(*) from countries) as countries, (select count(*) from currencies) as currencies,
    (select count(*) from locations) as locations, (select count(*) from hazmat_entries) as hazmat, (select count(*) from sdn_entries) as sdn`);
  const imports = await db.query<ImportRecord>(
    `select source, file_name as "fileName", sha256, rows, imported_at as "importedAt", duration_ms as "durationMs" from reference_imports order by imported_at, source`,
  );
  return { editions: await listEditions(db), counts: counts as ReferenceCounts, imports };
}
