import path from "node:path";
import type { Queryable } from "../db/connection.ts";
import { importHsEdition } from "../tariff/import-hs-edition.ts";
import { importHtsEdition } from "../tariff/import-hts-edition.ts";
import { loadCountries } from "./load-countries.ts";
import { loadCurrencies } from "./load-currencies.ts";
import { loadHazmat } from "./load-hazmat.ts";
import { loadLocations } from "./load-locations.ts";
import { loadSdn } from "./load-sdn.ts";

/** What a source's loader gets: an open transaction, its files (absolute) and their combined checksum. */
export type LoadContext = { tx: Queryable; files: string[]; sha256: string; relativeFiles: string[] };

/** One reference source: which files under the data directory it reads and how it loads them. */
export type ReferenceSource = {
  key: string;
  label: string;
  files: string[];
  /** Tariff sources become editions: a changed file must be imported as a new edition, never over the old one. */
  edition?: { code: string; name: string; effectiveFrom: string };
  load(ctx: LoadContext): Promise<{ rows: number; editionId?: number }>;
};

/** The reference sources Clearway imports from CLEARWAY_DATA_DIR, in dependency order (HS before HTS). */
export const REFERENCE_SOURCES: readonly ReferenceSource[] = [
  {
    key: "hs2022",
    label: "HS 2022 nomenclature",
    files: ["hs/hs2022_nomenclature.csv", "hs/hs2022_sections.csv"],
    edition: { code: "HS2022", name: "Harmonized System 2022", effectiveFrom: "2022-01-01" },
    load: ({ tx, files, sha256, relativeFiles }) =>
      importHsEdition(tx, { nomenclatureFile: files[0] as string, sectionsFile: files[1] as string }, { code: "HS2022", name: "Harmonized System 2022", effectiveFrom: "2022-01-01", sourceFile: relativeFiles.join(" + "), sourceSha256: sha256 }),
  },
  {
    key: "hts2026r4",
    label: "US HTS 2026 Revision 4",
    files: ["us_hts/hts_2026_revision_4.csv"],
    // The USITC CSV carries no date; 2026-01-01 is the 2026 basic edition's date. Override with `clearway tariff import-edition`.
    edition: { code: "HTS2026R4", name: "HTSUS 2026 Revision 4", effectiveFrom: "2026-01-01" },
    load: ({ tx, files, sha256, relativeFiles }) =>
      importHtsEdition(tx, files[0] as string, { code: "HTS2026R4", name: "HTSUS 2026 Revision 4", effectiveFrom: "2026-01-01", sourceFile: relativeFiles[0] as string, sourceSha256: sha256 }),
  },
  { key: "countries", label: "Countries (ISO 3166, English and Chinese names)", files: ["reference/country_codes.csv"], load: async ({ tx, files }) => ({ rows: await loadCountries(tx, files[0] as string) }) },
  { key: "currencies", label: "Currencies (ISO 4217)", files: ["reference/currency_codes_iso4217.csv"], load: async ({ tx, files }) => ({ rows: await loadCurrencies(tx, files[0] as string) }) },
  { key: "locations", label: "UN/LOCODE ports, airports and depots", files: ["reference/unlocode_ports_airports_icd.csv"], load: async ({ tx, files }) => ({ rows: await loadLocations(tx, files[0] as string) }) },
  { key: "hazmat", label: "US DOT hazardous materials table", files: ["dangerous_goods/us_dot_hazmat_table_49cfr172_101_2019.csv"], load: async ({ tx, files }) => ({ rows: await loadHazmat(tx, files[0] as string) }) },
  { key: "sdn", label: "OFAC SDN list (2024-05-03 snapshot)", files: ["screening/ofac_sdn_2024-05-03.csv"], load: async ({ tx, files }) => ({ rows: await loadSdn(tx, files[0] as string) }) },
];

/** Absolute paths of a source's files under the data directory. */
export function sourceFiles(source: ReferenceSource, dataDir: string): string[] {
  return source.files.map((file) => path.join(dataDir, file));
}
