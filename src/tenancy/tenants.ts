import { AppError } from "../core/errors.ts";
import { newId } from "../core/ids.ts";
import type { Queryable } from "../db/connection.ts";

/** A company using Clearway: a seller, a broker, a warehouse operator. */
export type Tenant = { id: string; slug: string; name: string; kind: "seller" | "broker" | "warehouse" | "other"; createdAt: string };

const SELECT = `select id, slug, name, kind, created_at as "createdAt" from tenants`;

/** Create a tenant; a slug already taken is a conflict. */
export async function createTenant(tx: Queryable, input: { slug: string; name: string; kind?: Tenant["kind"] }): Promise<Tenant> {
  if (!/^[a-z0-9][a-z0-9-]{1,40}$/.test(input.slug)) throw new AppError("VALIDATION_FAILED", `Tenant slug "${input.slug}" must be 2–41 lower-case letters, digits or dashes.`);
  if ((await tx.query("select 1 from tenants where slug = $1", [input.slug])).length) throw new AppError("CONFLICT", `Tenant "${input.slug}" exists already.`);
  const [tenant] = await tx.query<Tenant>(`insert into tenants (id, slug, name, kind) values ($1, $2, $3, $4) returning id, slug, name, kind, created_at as "createdAt"`, [
    newId("ten"),
    input.slug,
    input.name,
    input.kind ?? "other",
  ]);
  return tenant as Tenant;
}

/** Every tenant (for the local operator). */
export async function listTenants(tx: Queryable): Promise<Tenant[]> {
  return tx.query<Tenant>(`${SELECT} order by created_at, slug`);
}

/** The tenant with this slug or id; NOT_FOUND names it. */
export async function findTenant(tx: Queryable, slugOrId: string): Promise<Tenant> {
  const [tenant] = await tx.query<Tenant>(`${SELECT} where slug = $1 or id = $1`, [slugOrId]);
  if (!tenant) throw new AppError("NOT_FOUND", `No tenant "${slugOrId}".`);
  return tenant;
}
