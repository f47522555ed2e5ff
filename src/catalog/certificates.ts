import { AppError } from "../core/errors.ts";
import { newId } from "../core/ids.ts";
import type { Queryable } from "../db/connection.ts";

/** The kinds of certificate and licence the catalogue tracks. */
export const CERTIFICATE_TYPES = ["fcc", "ce", "un38_3", "msds", "certificate_of_origin", "ippc_fumigation", "cpc", "cpsc", "ul", "fda_registration", "import_licence", "export_licence", "other"] as const;
/** One certificate type. */
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

/** A certificate with its status on a given day. */
export type Certificate = {
  id: string; type: CertificateType; number: string; issuer: string | null; validFrom: string | null; validTo: string | null; documentSha256: string | null; documentName: string | null;
  notes: string | null; status: "valid" | "expiring" | "expired" | "not_yet_valid"; daysLeft: number | null; productIds: string[]; supplierIds: string[];
};

/** A certificate's status from its dates: expired, expiring within `warnDays`, not yet valid, or valid. */
export function certificateStatus(validFrom: string | null, validTo: string | null, today: string, warnDays = 30): { status: Certificate["status"]; daysLeft: number | null } {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const daysLeft = validTo ? day(validTo) - day(today) : null;
  if (validFrom && day(validFrom) > day(today)) return { status: "not_yet_valid", daysLeft };
  if (daysLeft !== null && daysLeft < 0) return { status: "expired", daysLeft };
  if (daysLeft !== null && daysLeft <= warnDays) return { status: "expiring", daysLeft };
  return { status: "valid", daysLeft };
}

const SELECT = `select c.id, c.type, c.number, c.issuer, to_char(c.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(c.valid_to, 'YYYY-MM-DD') as "validTo",
  c.document_sha256 as "documentSha256", c.document_name as "documentName", c.notes,
  coalesce((select array_agg(cp.product_id order by cp.product_id) from certificate_products cp where cp.tenant_id = c.tenant_id and cp.certificate_id = c.id), '{}') as "productIds",
  coalesce((select array_agg(cs.supplier_id order by cs.supplier_id) from certificate_suppliers cs where cs.tenant_id = c.tenant_id and cs.certificate_id = c.id), '{}') as "supplierIds"
  from certificates c`;

type Row = Omit<Certificate, "status" | "daysLeft">;

/** The tenant's certificates, soonest expiry first, each with its status today. */
export async function listCertificates(tx: Queryable, tenantId: string, options: { today?: string; warnDays?: number } = {}): Promise<Certificate[]> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const rows = await tx.query<Row>(`${SELECT} where c.tenant_id = $1 order by c.valid_to nulls last, c.number`, [tenantId]);
  return rows.map((r) => ({ ...r, ...certificateStatus(r.validFrom, r.validTo, today, options.warnDays) }));
}

/** What describes a new certificate. */
export type CertificateInput = { type: string; number: string; issuer?: string | null; validFrom?: string | null; validTo?: string | null; documentSha256?: string | null; documentName?: string | null; notes?: string | null; productIds?: string[]; supplierIds?: string[] };

/** Record a certificate and link it to products and suppliers of the same tenant (an unknown id is refused). */
export async function createCertificate(tx: Queryable, tenantId: string, input: CertificateInput): Promise<Certificate> {
  if (!(CERTIFICATE_TYPES as readonly string[]).includes(input.type)) throw new AppError("VALIDATION_FAILED", `"${input.type}" is not a certificate type; types are ${CERTIFICATE_TYPES.join(", ")}.`);
  if (!input.number.trim()) throw new AppError("VALIDATION_FAILED", "A certificate needs its number.");
  for (const [name, value] of [["validFrom", input.validFrom], ["validTo", input.validTo]] as const) {
    if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new AppError("VALIDATION_FAILED", `${name} must be YYYY-MM-DD, not "${value}".`);
  }
  if (input.validFrom && input.validTo && input.validTo < input.validFrom) throw new AppError("VALIDATION_FAILED", "validTo is before validFrom.");
  if (input.documentSha256 && !/^[0-9a-f]{64}$/.test(input.documentSha256)) throw new AppError("VALIDATION_FAILED", "documentSha256 must be 64 hex characters.");
  const id = newId("cert");
  await tx.query(
    "insert into certificates (tenant_id, id, type, number, issuer, valid_from, valid_to, document_sha256, document_name, notes) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    [tenantId, id, input.type, input.number.trim(), input.issuer ?? null, input.validFrom ?? null, input.validTo ?? null, input.documentSha256 ?? null, input.documentName ?? null, input.notes ?? null],
  );
  await linkAll(tx, tenantId, id, "products", "certificate_products", "product_id", input.productIds ?? []);
  await linkAll(tx, tenantId, id, "suppliers", "certificate_suppliers", "supplier_id", input.supplierIds ?? []);
  const [certificate] = await listCertificatesById(tx, tenantId, id);
  return certificate as Certificate;
}

async function linkAll(tx: Queryable, tenantId: string, certificateId: string, table: string, linkTable: string, column: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const found = await tx.query<{ id: string }>(`select id from ${table} where tenant_id = $1 and id = any($2::text[])`, [tenantId, ids]);
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new AppError("NOT_FOUND", `No ${table.slice(0, -1)} ${missing.join(", ")} in this tenant.`);
  await tx.query(`insert into ${linkTable} (tenant_id, certificate_id, ${column}) select $1, $2, unnest($3::text[]) on conflict do nothing`, [tenantId, certificateId, ids]);
}

async function listCertificatesById(tx: Queryable, tenantId: string, id: string): Promise<Certificate[]> {
  const today = new Date().toISOString().slice(0, 10);
  const rows = await tx.query<Row>(`${SELECT} where c.tenant_id = $1 and c.id = $2`, [tenantId, id]);
  return rows.map((r) => ({ ...r, ...certificateStatus(r.validFrom, r.validTo, today) }));
}

/** One certificate of the tenant. */
export async function getCertificate(tx: Queryable, tenantId: string, id: string): Promise<Certificate> {
  const [certificate] = await listCertificatesById(tx, tenantId, id);
  if (!certificate) throw new AppError("NOT_FOUND", `No certificate ${id} in this tenant.`);
  return certificate;
}
