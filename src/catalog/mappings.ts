import { AppError } from "../core/errors.ts";
import type { Queryable } from "../db/connection.ts";
import { FIELD_KEYS } from "./parse-product-row.ts";

/** A saved column mapping: source header → product field key ('' ignores the column). */
export type SavedMapping = { name: string; mapping: Record<string, string>; updatedAt: string };

/** Which importer a mapping is for, and so which fields its targets must be: product fields or manifest fields. */
export type MappingTarget = { kind: "catalog" | "manifest"; fields: ReadonlySet<string>; noun: string };

/** The catalogue import's target: product fields. */
export const CATALOG_MAPPINGS: MappingTarget = { kind: "catalog", fields: FIELD_KEYS, noun: "product" };

/** Save (or replace) a named mapping; every target must be a field of the mapping's importer. */
export async function saveMapping(tx: Queryable, tenantId: string, name: string, mapping: Record<string, string>, target: MappingTarget = CATALOG_MAPPINGS): Promise<SavedMapping> {
  for (const [header, field] of Object.entries(mapping)) {
    if (field !== "" && !target.fields.has(field)) throw new AppError("VALIDATION_FAILED", `Mapping for column "${header}": "${field}" is not a ${target.noun} field.`);
  }
  const [row] = await tx.query<SavedMapping>(
    `insert into import_mappings (tenant_id, kind, name, mapping) values ($1, $2, $3, $4) on conflict (tenant_id, kind, name) do update set mapping = excluded.mapping, updated_at = now()
     returning name, mapping, updated_at as "updatedAt"`,
    [tenantId, target.kind, name, JSON.stringify(mapping)],
  );
  return row as SavedMapping;
}

/** One saved mapping. */
export async function getMapping(tx: Queryable, tenantId: string, name: string, target: MappingTarget = CATALOG_MAPPINGS): Promise<SavedMapping> {
  const [row] = await tx.query<SavedMapping>(`select name, mapping, updated_at as "updatedAt" from import_mappings where tenant_id = $1 and kind = $2 and name = $3`, [tenantId, target.kind, name]);
  if (!row) throw new AppError("NOT_FOUND", `No saved ${target.noun} mapping "${name}".`);
  return row;
}

/** The tenant's saved mappings for one importer. */
export async function listMappings(tx: Queryable, tenantId: string, target: MappingTarget = CATALOG_MAPPINGS): Promise<SavedMapping[]> {
  return tx.query<SavedMapping>(`select name, mapping, updated_at as "updatedAt" from import_mappings where tenant_id = $1 and kind = $2 order by name`, [tenantId, target.kind]);
}

/** A mapping given as --map "column header=field" pairs. */
export function parseMapPairs(pairs: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf("=");
    if (at < 1) throw new AppError("VALIDATION_FAILED", `--map "${pair}" must be "column header=field".`);
    mapping[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return mapping;
}

/** A mapping sent as JSON text (a query parameter): an object of column header → field key. */
export function parseMappingJson(text: string): Record<string, string> {
  try {
    const value = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string")) return value as Record<string, string>;
  } catch {}
  throw new AppError("VALIDATION_FAILED", "mapping must be a JSON object of column header → field key.");
}
