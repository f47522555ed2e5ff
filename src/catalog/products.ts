import { AppError } from "../core/errors.ts";
import type { Queryable } from "../db/connection.ts";
import { regulatedConflicts } from "./fields.ts";

/** A product as stored (numbers that are money or weight stay decimal strings). */
export type Product = {
  id: string; sku: string; version: number; titleEn: string | null; titleZh: string | null; descriptionEn: string | null; descriptionZh: string | null;
  brand: string | null; model: string | null; materials: { material: string; percent: number | null }[]; functionUse: string | null; ingredients: string | null;
  originCountry: string | null; supplierId: string | null; supplierName: string | null; netWeightKg: string | null; grossWeightKg: string | null;
  dimensions: { length: number; width: number; height: number; unit: string } | null; declaredUnitValue: string | null; currency: string | null;
  imageUrls: string[]; tags: string[]; regulated: Record<string, unknown>; createdAt: string; updatedAt: string; updatedBy: string | null;
};

/** One classification decision of a product for a market. */
export type Classification = { id: number; market: string; hs6: string | null; nationalCode: string | null; status: "unclassified" | "suggested" | "confirmed" | "disputed"; rationale: string | null; decidedBy: string | null; decidedAt: string; editionCode: string | null };

/** A row of the product list, with its current classifications and the soonest certificate expiry. */
export type ProductListItem = Pick<Product, "id" | "sku" | "version" | "titleEn" | "titleZh" | "brand" | "originCountry" | "supplierName" | "declaredUnitValue" | "currency" | "tags" | "updatedAt"> & {
  classifications: Pick<Classification, "market" | "hs6" | "nationalCode" | "status">[];
  nextCertificateExpiry: string | null;
};

/** Filters for the product list. */
export type ProductQuery = { q?: string; unclassified?: string; certificateExpiringDays?: number; supplierId?: string; tag?: string; limit?: number; offset?: number };

const PRODUCT_COLUMNS = `p.id, p.sku, p.version, p.title_en as "titleEn", p.title_zh as "titleZh", p.description_en as "descriptionEn", p.description_zh as "descriptionZh",
  p.brand, p.model, p.materials, p.function_use as "functionUse", p.ingredients, p.origin_country as "originCountry", p.supplier_id as "supplierId", s.name_en as "supplierName",
  p.net_weight_kg as "netWeightKg", p.gross_weight_kg as "grossWeightKg", p.dimensions, p.declared_unit_value as "declaredUnitValue", p.currency,
  p.image_urls as "imageUrls", p.tags, p.regulated, p.created_at as "createdAt", p.updated_at as "updatedAt", p.updated_by as "updatedBy"`;

const CURRENT_CLASSIFICATIONS = `coalesce((select json_agg(json_build_object('market', c.market, 'hs6', c.hs6, 'nationalCode', c.national_code, 'status', c.status) order by c.market)
  from (select distinct on (market) market, hs6, national_code, status from product_classifications pc where pc.tenant_id = p.tenant_id and pc.product_id = p.id order by market, id desc) c), '[]')`;

/** The filters of the product list without its page: what an export of "what the list shows" takes. */
export type ProductFilter = Omit<ProductQuery, "limit" | "offset">;

/** The SQL condition (over `products p`) and its parameters for the filters; $1 is the tenant. */
export function productFilterSql(tenantId: string, query: ProductFilter): { filter: string; params: unknown[] } {
  const where = ["p.tenant_id = $1"];
  const params: unknown[] = [tenantId];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replaceAll("?", `$${params.length}`));
  };
  if (query.q) add("(p.sku ilike '%' || ? || '%' or p.title_en ilike '%' || ? || '%' or p.title_zh ilike '%' || ? || '%')", query.q);
  if (query.unclassified) {
    add(`not exists (select 1 from (select distinct on (market) market, status from product_classifications pc where pc.tenant_id = p.tenant_id and pc.product_id = p.id order by market, id desc) c where c.market = ? and c.status = 'confirmed')`, query.unclassified);
  }
  if (query.certificateExpiringDays !== undefined) {
    add(`exists (select 1 from certificate_products cp join certificates c on c.tenant_id = cp.tenant_id and c.id = cp.certificate_id where cp.tenant_id = p.tenant_id and cp.product_id = p.id and c.valid_to < current_date + ?::int)`, query.certificateExpiringDays);
  }
  if (query.supplierId) add("p.supplier_id = ?", query.supplierId);
  if (query.tag) add("? = any(p.tags)", query.tag);
  return { filter: where.join(" and "), params };
}

/** The tenant's products, filtered: text (SKU, titles), unclassified for a market, certificate expiring within N days, supplier, tag. */
export async function listProducts(tx: Queryable, tenantId: string, query: ProductQuery = {}): Promise<{ total: number; products: ProductListItem[] }> {
  const { filter, params } = productFilterSql(tenantId, query);
  const [count] = await tx.query<{ n: number }>(`select count(*) as n from products p where ${filter}`, params);
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
  const products = await tx.query<ProductListItem>(
    `select p.id, p.sku, p.version, p.title_en as "titleEn", p.title_zh as "titleZh", p.brand, p.origin_country as "originCountry", s.name_en as "supplierName",
       p.declared_unit_value as "declaredUnitValue", p.currency, p.tags, p.updated_at as "updatedAt", ${CURRENT_CLASSIFICATIONS} as classifications,
       (select to_char(min(c.valid_to), 'YYYY-MM-DD') from certificate_products cp join certificates c on c.tenant_id = cp.tenant_id and c.id = cp.certificate_id
        where cp.tenant_id = p.tenant_id and cp.product_id = p.id) as "nextCertificateExpiry"
     from products p left join suppliers s on s.tenant_id = p.tenant_id and s.id = p.supplier_id
     where ${filter} order by p.sku limit ${limit} offset ${Math.max(query.offset ?? 0, 0)}`,
    params,
  );
  return { total: count?.n ?? 0, products };
}

/** One product of the tenant by id or SKU; another tenant's is NOT_FOUND. */
export async function getProduct(tx: Queryable, tenantId: string, idOrSku: string): Promise<Product> {
  const [product] = await tx.query<Product>(
    `select ${PRODUCT_COLUMNS} from products p left join suppliers s on s.tenant_id = p.tenant_id and s.id = p.supplier_id where p.tenant_id = $1 and (p.id = $2 or p.sku = $2)`,
    [tenantId, idOrSku],
  );
  if (!product) throw new AppError("NOT_FOUND", `No product ${idOrSku} in this tenant.`);
  return product;
}

/** A product with its classification history, certificates and earlier versions. */
export async function getProductDetail(tx: Queryable, tenantId: string, idOrSku: string) {
  const product = await getProduct(tx, tenantId, idOrSku);
  const classifications = await tx.query<Classification>(
    `select id, market, hs6, national_code as "nationalCode", status, rationale, decided_by as "decidedBy", decided_at as "decidedAt", edition_code as "editionCode"
     from product_classifications where tenant_id = $1 and product_id = $2 order by id desc`,
    [tenantId, product.id],
  );
  const certificates = await tx.query(
    `select c.id, c.type, c.number, c.issuer, to_char(c.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(c.valid_to, 'YYYY-MM-DD') as "validTo", c.document_sha256 as "documentSha256"
     from certificate_products cp join certificates c on c.tenant_id = cp.tenant_id and c.id = cp.certificate_id where cp.tenant_id = $1 and cp.product_id = $2 order by c.valid_to nulls last`,
    [tenantId, product.id],
  );
  const versions = await tx.query<{ version: number; replacedAt: string; replacedBy: string | null }>(
    `select version, replaced_at as "replacedAt", replaced_by as "replacedBy" from product_versions where tenant_id = $1 and product_id = $2 order by version desc`,
    [tenantId, product.id],
  );
  const current = new Map<string, Classification>();
  for (const c of classifications) if (!current.has(c.market)) current.set(c.market, c);
  return { product, classifications: [...current.values()].sort((a, b) => a.market.localeCompare(b.market)), classificationHistory: classifications, certificates, versions };
}

/** The product as it was at a version (the current one when not given), in the same shape as the current product: what a screened line or declaration keeps. */
export async function productSnapshot(tx: Queryable, tenantId: string, productId: string, version?: number): Promise<Product> {
  const product = await getProduct(tx, tenantId, productId);
  if (version === undefined || version === product.version) return product;
  const [row] = await tx.query<Product>(
    `select ${PRODUCT_COLUMNS} from product_versions v cross join lateral jsonb_populate_record(null::products, v.snapshot || jsonb_build_object('tenant_id', v.tenant_id)) p
     left join suppliers s on s.tenant_id = p.tenant_id and s.id = p.supplier_id where v.tenant_id = $1 and v.product_id = $2 and v.version = $3`,
    [tenantId, product.id, version],
  );
  if (!row) throw new AppError("NOT_FOUND", `Product ${product.sku} has no version ${version}.`);
  return row;
}

/** The fields a person may edit on a product page. */
export type ProductChanges = Partial<{
  titleEn: string | null; titleZh: string | null; descriptionEn: string | null; descriptionZh: string | null; brand: string | null; model: string | null;
  functionUse: string | null; ingredients: string | null; originCountry: string | null; supplierId: string | null; netWeightKg: string | null; grossWeightKg: string | null;
  declaredUnitValue: string | null; currency: string | null; tags: string[]; imageUrls: string[]; regulated: Record<string, unknown>; materials: { material: string; percent: number | null }[];
}>;

const COLUMN_OF: Record<keyof ProductChanges, string> = {
  titleEn: "title_en", titleZh: "title_zh", descriptionEn: "description_en", descriptionZh: "description_zh", brand: "brand", model: "model", functionUse: "function_use",
  ingredients: "ingredients", originCountry: "origin_country", supplierId: "supplier_id", netWeightKg: "net_weight_kg", grossWeightKg: "gross_weight_kg",
  declaredUnitValue: "declared_unit_value", currency: "currency", tags: "tags", imageUrls: "image_urls", regulated: "regulated", materials: "materials",
};

function sameValue(current: unknown, next: unknown): boolean {
  if (typeof current === "string" && typeof next === "string" && /^\d+(\.\d+)?$/.test(current) && /^\d+(\.\d+)?$/.test(next)) return Number(current) === Number(next);
  return JSON.stringify(current ?? null) === JSON.stringify(next ?? null);
}

/** Change a product: the previous state is kept as a version, and the version number goes up; a change that changes nothing writes nothing. */
export async function updateProduct(tx: Queryable, tenantId: string, idOrSku: string, changes: ProductChanges, by: string): Promise<{ before: Product; after: Product }> {
  const before = await getProduct(tx, tenantId, idOrSku);
  const keys = (Object.keys(changes) as (keyof ProductChanges)[]).filter((k) => COLUMN_OF[k] && !sameValue(before[k as keyof Product], changes[k]));
  if (!keys.length) return { before, after: before };
  if (changes.netWeightKg && changes.grossWeightKg && Number(changes.netWeightKg) > Number(changes.grossWeightKg)) {
    throw new AppError("VALIDATION_FAILED", "Net weight exceeds gross weight.", { issues: [{ path: "body/netWeightKg", message: "Net weight exceeds gross weight." }] });
  }
  const conflicts = changes.regulated ? regulatedConflicts(changes.regulated) : [];
  if (conflicts.length) {
    const issues = conflicts.map((c) => ({ path: `body/regulated/${c.key}`, message: `${c.key}: ${c.reason}` }));
    throw new AppError("VALIDATION_FAILED", issues.map((i) => i.message).join("; "), { issues });
  }
  await tx.query(
    `insert into product_versions (tenant_id, product_id, version, snapshot, replaced_by) select tenant_id, id, version, to_jsonb(p) - 'tenant_id', $3 from products p where tenant_id = $1 and id = $2`,
    [tenantId, before.id, by],
  );
  const values = keys.map((k) => {
    const v = changes[k];
    return k === "regulated" || k === "materials" ? JSON.stringify(v) : v;
  });
  await tx.query(
    `update products set ${keys.map((k, i) => `${COLUMN_OF[k]} = $${i + 4}`).join(", ")}, version = version + 1, updated_at = now(), updated_by = $3 where tenant_id = $1 and id = $2`,
    [tenantId, before.id, by, ...values],
  );
  return { before, after: await getProduct(tx, tenantId, before.id) };
}
