import type { Db, Queryable } from "../db/connection.ts";
import { asSystem, withTenant } from "../db/tenant-scope.ts";

/** True when the handle is the database itself rather than an open transaction. */
export function isDb(db: Db | Queryable): db is Db {
  return typeof (db as Db).transaction === "function";
}

/**
 * Run fn in a transaction that row-level security scopes to one tenant (withTenant); tenantId "*" scopes it to every
 * tenant (asSystem), which only the ledger's sequencer uses, for a batch spanning tenants. Given an open transaction,
 * fn joins it as it is: the caller's transaction already carries its scope.
 */
export async function inTenantTransaction<T>(db: Db | Queryable, tenantId: string, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  if (!isDb(db)) return fn(db);
  return tenantId === "*" ? asSystem(db, fn) : withTenant(db, tenantId, fn);
}
