import type { Queryable } from "../db/connection.ts";
import { resolveEdition } from "../tariff/editions.ts";
import { CN_CUSTOMS_UNITS } from "./customs-codes.ts";
import type { References, TariffEntry } from "./rules/types.ts";

const cache = new WeakMap<object, Map<string, Promise<References>>>();

/** The code lists and the lane's tariff schedule in memory, loaded once per database, schedule and edition. */
export async function loadReferences(db: Queryable, schedule: "hs" | "us_hts", date: string): Promise<References> {
  const edition = await resolveEdition(db, schedule, { date });
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const key = `${schedule}:${edition.id}`;
  let refs = perDb.get(key);
  if (!refs) {
    refs = readReferences(db, schedule, edition.id, edition.code);
    perDb.set(key, refs);
    refs.catch(() => perDb.delete(key));
  }
  return refs;
}

async function readReferences(db: Queryable, schedule: "hs" | "us_hts", editionId: number, editionCode: string): Promise<References> {
  const countries = new Set<string>();
  for (const row of await db.query<{ alpha2: string; alpha3: string | null }>("select alpha2, alpha3 from countries")) {
    countries.add(row.alpha2.trim());
    if (row.alpha3) countries.add(row.alpha3.trim());
  }
  const currencies = new Set((await db.query<{ code: string }>("select distinct code from currencies where code is not null and coalesce(withdrawal_date, '') = ''")).map((r) => r.code.trim()));
  // The long lists come back as one text each: on PGlite, decoding tens of thousands of rows one by one costs several times parsing one text.
  const [places] = await db.query<{ locodes: string | null }>("select string_agg(trim(locode), ',') as locodes from locations");
  const locodes = new Set(places?.locodes ? places.locodes.split(",") : []);
  const [lines] = await db.query<{ rows: string }>(
    `select coalesce(json_agg(json_build_array(code, units, description) order by row_no)::text, '[]') as rows from tariff_lines where edition_id = $1 and ${schedule === "hs" ? "length(code) = 6 and code <> '999999'" : "code is not null"}`,
    [editionId],
  );
  const tariff = new Map<string, TariffEntry>();
  const hs6 = new Set<string>();
  const linesByHs6 = new Map<string, string[]>();
  for (const [code, units, description] of JSON.parse(lines?.rows ?? "[]") as [string, string[], string][]) {
    tariff.set(code, { code, units, description });
    if (code.length < 6) continue;
    const sub = code.slice(0, 6);
    hs6.add(sub);
    if (schedule === "hs" || code.length === 10) {
      const list = linesByHs6.get(sub);
      if (list) list.push(code);
      else linesByHs6.set(sub, [code]);
    }
  }
  return { countries, currencies, locodes, schedule, editionCode, tariff, hs6, linesByHs6, customsUnits: CN_CUSTOMS_UNITS };
}
