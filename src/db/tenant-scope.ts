import type { Db, Queryable } from "./connection.ts";

/** The id of the tenant every installation starts with; the CLI acts for it unless told otherwise. */
export const DEFAULT_TENANT_ID = "default";

/** Run fn in one transaction that sees only this tenant's rows (row-level security reads clearway.tenant_id). */
export async function withTenant<T>(db: Db, tenantId: string, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query("select set_config('clearway.tenant_id', $1, true)", [tenantId]);
    return fn(tx);
  });
}

/** Run fn in one transaction allowed to see every tenant's rows: only for sign-in, key checks and bootstrap. */
export async function asSystem<T>(db: Db, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query("select set_config('clearway.scope', 'system', true)");
    return fn(tx);
  });
}
