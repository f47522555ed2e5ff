import { AppError } from "../core/errors.ts";
import type { Queryable } from "../db/connection.ts";
import type { Schedule } from "./code.ts";

/** A loaded edition of a tariff schedule. */
export type Edition = { id: number; schedule: Schedule; code: string; name: string; effectiveFrom: string; importedAt: string; lines: number };

/** What identifies a new edition when it is imported. */
export type EditionInput = { schedule: Schedule; code: string; name: string; effectiveFrom: string; sourceFile: string; sourceSha256: string };

/** Register a new edition; an edition code already loaded for the schedule is a conflict. */
export async function createEdition(tx: Queryable, input: EditionInput): Promise<number> {
  const existing = await tx.query("select id from tariff_editions where schedule = $1 and code = $2", [input.schedule, input.code]);
  if (existing.length) throw new AppError("CONFLICT", `Edition ${input.code} of ${input.schedule} is already loaded; give the new file another edition code.`);
  const [row] = await tx.query<{ id: number }>(
    "insert into tariff_editions (schedule, code, name, effective_from, source_file, source_sha256) values ($1, $2, $3, $4, $5, $6) returning id",
    [input.schedule, input.code, input.name, input.effectiveFrom, input.sourceFile, input.sourceSha256],
  );
  return row?.id as number;
}

const EDITION_SELECT = `select e.id, e.schedule, e.code, e.name, to_char(e.effective_from, 'YYYY-MM-DD') as "effectiveFrom",
  e.imported_at as "importedAt", e.line_count as lines
  from tariff_editions e`;

/** Record how many lines an edition holds, once its import has loaded them. */
export async function setEditionLineCount(tx: Queryable, editionId: number, lines: number): Promise<void> {
  await tx.query("update tariff_editions set line_count = $2 where id = $1", [editionId, lines]);
}

/** Every loaded edition, newest effective date first. */
export async function listEditions(db: Queryable): Promise<Edition[]> {
  return db.query<Edition>(`${EDITION_SELECT} order by e.schedule, e.effective_from desc, e.id desc`);
}

/** The edition to use: the one named by code, else the newest in force on the given date. */
export async function resolveEdition(db: Queryable, schedule: Schedule, options: { code?: string; date?: string } = {}): Promise<Edition> {
  const rows = options.code
    ? await db.query<Edition>(`${EDITION_SELECT} where e.schedule = $1 and e.code = $2`, [schedule, options.code])
    : await db.query<Edition>(`${EDITION_SELECT} where e.schedule = $1 and e.effective_from <= $2::date order by e.effective_from desc, e.id desc limit 1`, [schedule, options.date ?? today()]);
  const edition = rows[0];
  if (!edition) {
    throw options.code
      ? new AppError("TARIFF_EDITION_NOT_FOUND", `No ${schedule} edition "${options.code}" is loaded.`)
      : new AppError("REFERENCE_NOT_LOADED", `No ${schedule} edition in force on ${options.date ?? today()} is loaded; run "clearway import-reference".`);
  }
  return edition;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
