import { AppError } from "../core/errors.ts";
import { newId, newSecret } from "../core/ids.ts";
import type { Db, Queryable } from "../db/connection.ts";
import { asSystem } from "../db/tenant-scope.ts";
import type { Role } from "./permissions.ts";
import type { Principal } from "./principal.ts";
import { hashToken } from "./sessions.ts";

/** An API key as listed: never its secret. */
export type ApiKey = { id: string; name: string; role: Role; createdBy: string | null; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

const SELECT = `select id, name, role, created_by as "createdBy", created_at as "createdAt", last_used_at as "lastUsedAt", revoked_at as "revokedAt" from api_keys`;

/** Create a key scoped to a tenant and role; the returned `key` is shown once and stored only as a hash. */
export async function createApiKey(tx: Queryable, input: { tenantId: string; name: string; role: Role; createdBy: string | null }): Promise<ApiKey & { key: string }> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new AppError("VALIDATION_FAILED", "An API key needs a name of 1–100 characters.");
  const id = newId("key", 12);
  const secret = newSecret(32);
  const [row] = await tx.query<ApiKey>(
    `insert into api_keys (tenant_id, id, name, role, secret_hash, created_by) values ($1, $2, $3, $4, $5, $6)
     returning id, name, role, created_by as "createdBy", created_at as "createdAt", last_used_at as "lastUsedAt", revoked_at as "revokedAt"`,
    [input.tenantId, id, name, input.role, hashToken(secret), input.createdBy],
  );
  return { ...(row as ApiKey), key: `cwk_${id}.${secret}` };
}

/** The tenant's keys, newest first. */
export async function listApiKeys(tx: Queryable, tenantId: string): Promise<ApiKey[]> {
  return tx.query<ApiKey>(`${SELECT} where tenant_id = $1 order by created_at desc`, [tenantId]);
}

/** Revoke a key of the tenant; another tenant's key is NOT_FOUND. */
export async function revokeApiKey(tx: Queryable, tenantId: string, id: string): Promise<{ before: ApiKey; after: ApiKey }> {
  const [before] = await tx.query<ApiKey>(`${SELECT} where tenant_id = $1 and id = $2`, [tenantId, id]);
  if (!before) throw new AppError("NOT_FOUND", `No API key ${id} in this tenant.`);
  const [after] = await tx.query<ApiKey>(
    `update api_keys set revoked_at = coalesce(revoked_at, now()) where tenant_id = $1 and id = $2
     returning id, name, role, created_by as "createdBy", created_at as "createdAt", last_used_at as "lastUsedAt", revoked_at as "revokedAt"`,
    [tenantId, id],
  );
  return { before, after: after as ApiKey };
}

/** The principal behind a presented key (`cwk_<id>.<secret>`), or null when unknown, wrong or revoked; records when it was last used. */
export async function principalFromApiKey(db: Db, presented: string): Promise<Principal | null> {
  const match = /^cwk_(key_[0-9a-z]+)\.([A-Za-z0-9_-]{20,})$/.exec(presented.trim());
  if (!match) return null;
  const [, id, secret] = match as unknown as [string, string, string];
  return asSystem(db, async (tx) => {
    const [row] = await tx.query<{ tenant_id: string; name: string; role: Role; secret_hash: string; revoked_at: Date | null; last_used_at: Date | null }>(
      "select tenant_id, name, role, secret_hash, revoked_at, last_used_at from api_keys where id = $1",
      [id],
    );
    if (!row || row.revoked_at || row.secret_hash !== hashToken(secret)) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) await tx.query("update api_keys set last_used_at = now() where id = $1", [id]);
    return { kind: "api_key", id, label: `key:${row.name}`, tenantId: row.tenant_id, role: row.role };
  });
}
