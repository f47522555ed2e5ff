import { AppError } from "../core/errors.ts";
import { newId } from "../core/ids.ts";
import type { Queryable } from "../db/connection.ts";

/** A supplier (manufacturer, vendor) of the tenant. */
export type Supplier = { id: string; nameEn: string; nameZh: string | null; country: string | null; address: string | null; contacts: { name?: string; email?: string; phone?: string }[]; complianceScore: string | null; productCount: number };

const SELECT = `select s.id, s.name_en as "nameEn", s.name_zh as "nameZh", s.country, s.address, s.contacts, s.compliance_score as "complianceScore",
  (select count(*) from products p where p.tenant_id = s.tenant_id and p.supplier_id = s.id) as "productCount" from suppliers s`;

/** The tenant's suppliers by name. */
export async function listSuppliers(tx: Queryable, tenantId: string): Promise<Supplier[]> {
  return tx.query<Supplier>(`${SELECT} where s.tenant_id = $1 order by s.name_en`, [tenantId]);
}

/** One supplier of the tenant. */
export async function getSupplier(tx: Queryable, tenantId: string, id: string): Promise<Supplier> {
  const [supplier] = await tx.query<Supplier>(`${SELECT} where s.tenant_id = $1 and s.id = $2`, [tenantId, id]);
  if (!supplier) throw new AppError("NOT_FOUND", `No supplier ${id} in this tenant.`);
  return supplier;
}

/** The id of the tenant's supplier with this id or English name (any case); NOT_FOUND otherwise. */
export async function findSupplierId(tx: Queryable, tenantId: string, idOrName: string): Promise<string> {
  const [row] = await tx.query<{ id: string }>("select id from suppliers where tenant_id = $1 and (id = $2 or lower(name_en) = lower($2)) order by id = $2 desc limit 1", [tenantId, idOrName.trim()]);
  if (!row) throw new AppError("NOT_FOUND", `No supplier "${idOrName}" in this tenant (give its id or English name).`);
  return row.id;
}

/** Create a supplier; the English name is unique per tenant. */
export async function createSupplier(tx: Queryable, tenantId: string, input: { nameEn: string; nameZh?: string | null; country?: string | null; address?: string | null; contacts?: Supplier["contacts"] }): Promise<Supplier> {
  const name = input.nameEn.trim();
  if (!name) throw new AppError("VALIDATION_FAILED", "A supplier needs an English name.");
  if ((await tx.query("select 1 from suppliers where tenant_id = $1 and lower(name_en) = lower($2)", [tenantId, name])).length) throw new AppError("CONFLICT", `Supplier "${name}" exists already.`);
  if (input.country && !(await tx.query("select 1 from countries where alpha2 = $1", [input.country])).length) throw new AppError("VALIDATION_FAILED", `"${input.country}" is not an ISO 3166 country code.`);
  const id = newId("sup");
  await tx.query("insert into suppliers (tenant_id, id, name_en, name_zh, country, address, contacts) values ($1, $2, $3, $4, $5, $6, $7)", [
    tenantId, id, name, input.nameZh ?? null, input.country ?? null, input.address ?? null, JSON.stringify(input.contacts ?? []),
  ]);
  return getSupplier(tx, tenantId, id);
}
