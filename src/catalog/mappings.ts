import { AppError } from "../core/errors.ts";
import type { Queryable } from "../db/connection.ts";
import { FIELD_KEYS } from "./parse-product-row.ts";

/** A saved column mapping: source header → product field key ('' ignores the column). */
export type SavedMapping = { name: string; mapping: Record<string, string>; updatedAt: string };

/** Save (or replace) a named mapping; every target must be a product field. */
export async function saveMapping(tx: Queryable, tenantId: string, name: string, mapping: Record<string, string>): Promise<SavedMapping> {
  for (const [header, field] of Object.entries(mapping)) {
    if (field !== "" && !FIELD_KEYS.has(field)) throw new AppError("VALIDATION_FAILED", `Mapping for column "${header}": "${field}" is not a product field.`);
  }
  const [row] = await tx.query<SavedMapping>(
    `insert into import_mappings (tenant_id, name, mapping) values ($1, $2, $3) on conflict (tenant_id, name) do update set mapping = excluded.mapping, updated_at = now()
     returning name, mapping, updated_at as "updatedAt"`,
    [tenantId, name, JSON.stringify(mapping)],
  );
  return row as SavedMapping;
}

/** One saved mapping. */
export async function getMapping(tx: Queryable, tenantId: string, name: string): Promise<SavedMapping> {
  const [row] = await tx.query<SavedMapping>(`select name, mapping, updated_at as "updatedAt" from import_mappings where tenant_id = $1 and name = $2`, [tenantId, name]);
  if (!row) throw new AppError("NOT_FOUND", `No saved mapping "${name}".`);
  return row;
}

/** The tenant's saved mappings. */
export async function listMappings(tx: Queryable, tenantId: string): Promise<SavedMapping[]> {
  return tx.query<SavedMapping>(`select name, mapping, updated_at as "updatedAt" from import_mappings where tenant_id = $1 order by name`, [tenantId]);
}
