import type { Queryable } from "../db/connection.ts";
import type { Schedule } from "./code.ts";
import { type Edition, resolveEdition } from "./editions.ts";

/** A section of the nomenclature with its chapters: the root of the tariff tree. */
export type SectionTree = { section: string; name: string; chapters: { code: string; description: string }[] };

/** The sections and chapters of the schedule's tree (HTS chapters are the HS chapters it has lines in). */
export async function listSections(db: Queryable, options: { schedule?: Schedule; edition?: string } = {}): Promise<{ edition: Edition; sections: SectionTree[] }> {
  const edition = await resolveEdition(db, options.schedule ?? "us_hts", { code: options.edition });
  const hs = edition.schedule === "hs" ? edition.id : (await db.query<{ id: number }>("select id from tariff_editions where schedule = 'hs' order by effective_from desc, id desc limit 1"))[0]?.id;
  const sections = await db.query<{ section: string; name: string }>("select section, name from hs_sections where edition_id = $1 order by position", [hs ?? -1]);
  const chapters = await db.query<{ code: string; description: string; section: string }>(
    `select c.code, c.description, c.section from tariff_lines c
     where c.edition_id = $1 and c.level = 2 and not c.is_pseudo
       and ($2::int = $1 or exists (select 1 from tariff_lines l where l.edition_id = $2 and l.chapter = c.code))
     order by c.code`,
    [hs ?? -1, edition.id],
  );
  return {
    edition,
    sections: sections.map((s) => ({ ...s, chapters: chapters.filter((c) => c.section === s.section).map(({ code, description }) => ({ code, description })) })),
  };
}
