import { AppError } from "../core/errors.ts";
import type { Queryable } from "../db/connection.ts";
import type { Schedule } from "./code.ts";
import { type Edition, resolveEdition } from "./editions.ts";
import { hasCjk, translateZhQuery } from "./glossary-zh.ts";

/** One ranked search hit. */
export type SearchHit = { code: string; codeDotted: string; level: number; description: string; path: string; general: string | null; score: number };
/** A ranked text (or code-prefix) search over one edition. */
export type SearchResult = { query: string; interpretedAs: string[] | null; edition: Edition; results: SearchHit[] };

/** Options for a tariff search. */
export type SearchTariffOptions = { q: string; schedule?: Schedule; edition?: string; limit?: number };

const MAX_LIMIT = 100;

/** Search a schedule by text (English, or Chinese through the glossary) or by code prefix, ranked. */
export async function searchTariff(db: Queryable, options: SearchTariffOptions): Promise<SearchResult> {
  const query = options.q.trim();
  if (!query) throw new AppError("BAD_REQUEST", "The search text is empty.");
  if (query.length > 500) throw new AppError("BAD_REQUEST", "The search text is longer than 500 characters.");
  const limit = Math.min(Math.max(options.limit ?? 20, 1), MAX_LIMIT);
  const edition = await resolveEdition(db, options.schedule ?? "us_hts", { code: options.edition });
  if (/^[\d.\s]+$/.test(query) && query.replace(/\D/g, "").length >= 2) {
    return { query, interpretedAs: null, edition, results: await searchByCodePrefix(db, edition.id, query.replace(/\D/g, ""), limit) };
  }
  const cjk = hasCjk(query);
  const terms = cjk ? translateZhQuery(query).terms : query.split(/\s+/);
  const words = searchWords(terms);
  if (!words.length) return { query, interpretedAs: cjk ? [] : null, edition, results: [] };
  let results = await searchByWords(db, edition.id, words, limit);
  if (!results.length && !cjk) results = await searchBySimilarity(db, edition.id, query, limit);
  return { query, interpretedAs: cjk ? terms : null, edition, results };
}

/** Lower-case alphanumeric words of the terms, each once (tsquery-safe). */
export function searchWords(terms: string[]): string[] {
  const words = terms.flatMap((term) => term.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length > 1 || /\d/.test(w));
  return [...new Set(words)];
}

const HIT_COLUMNS = `l.code, l.code_dotted as "codeDotted", l.level, l.description,
  coalesce((select string_agg(a.description, ' › ' order by a.indent) from tariff_lines a where a.edition_id = l.edition_id and a.row_no = any(l.ancestor_rows)), '') as path,
  (select r.general_raw from tariff_lines r where r.edition_id = l.edition_id and r.row_no = l.rate_from_row) as general`;

async function searchByWords(db: Queryable, editionId: number, words: string[], limit: number): Promise<SearchHit[]> {
  // Any word may match (OR); lines matching every word get a bonus, own-description matches (weight A) outrank path matches,
  // short descriptions where the word is central outrank long ones (normalisation 1), and chapters 98/99 (special
  // provisions and temporary modifications, where goods are not classified first) count half.
  return db.query<SearchHit>(
    `with q as (select to_tsquery('english', $2) as anyq, to_tsquery('english', $3) as allq, to_tsquery('english', $5) as headq),
     hits as (
       select l.*, (ts_rank('{0.05, 0.1, 0.3, 1.0}', l.search_doc, q.anyq, 1) + case when l.search_doc @@ q.allq then 0.5 else 0 end
          + case when l.search_doc @@ q.headq then 0.2 else 0 end)
         * case when l.chapter in ('98', '99') then 0.5 else 1 end as score
       from tariff_lines l, q
       where l.edition_id = $1 and l.code is not null and not l.is_pseudo and l.search_doc @@ q.anyq
       order by score desc, l.level desc, l.row_no limit $4)
     select ${HIT_COLUMNS}, round(l.score::numeric, 4)::float8 as score from hits l order by l.score desc, l.level desc, l.row_no`,
    [editionId, words.join(" | "), words.join(" & "), limit, headWord(words)],
  );
}

/** The head noun of an English product phrase is usually its last word ("stainless steel vacuum flask" → flask). */
function headWord(words: string[]): string {
  return words.findLast((w) => !/^\d+$/.test(w)) ?? words[words.length - 1] ?? "";
}

async function searchBySimilarity(db: Queryable, editionId: number, text: string, limit: number): Promise<SearchHit[]> {
  return db.query<SearchHit>(
    `with hits as (
       select l.*, strict_word_similarity($2, l.description) as score from tariff_lines l
       where l.edition_id = $1 and l.code is not null and not l.is_pseudo and $2 <<% l.description and strict_word_similarity($2, l.description) >= 0.5
       order by score desc, l.level desc, l.row_no limit $3)
     select ${HIT_COLUMNS}, round(l.score::numeric, 4)::float8 as score from hits l order by l.score desc, l.level desc, l.row_no`,
    [editionId, text.toLowerCase(), limit],
  );
}

async function searchByCodePrefix(db: Queryable, editionId: number, digits: string, limit: number): Promise<SearchHit[]> {
  return db.query<SearchHit>(
    `select ${HIT_COLUMNS}, 1::float8 as score from tariff_lines l
     where l.edition_id = $1 and l.code like $2 and not l.is_pseudo order by l.row_no limit $3`,
    [editionId, `${digits}%`, limit],
  );
}
