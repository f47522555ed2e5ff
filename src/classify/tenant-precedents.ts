import { getProduct, type Product } from "../catalog/products.ts";
import type { Db, Queryable } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import type { Market } from "./classify-product.ts";
import { indexPrecedents, type Precedent, type PrecedentIndex } from "./match-precedents.ts";
import type { ProductInput } from "./read-product-query.ts";

/** Where a precedent came from: a reviewer's decision on a queued item, or a confirmation made on a product. */
export type PrecedentSource = "review" | "product";

/** A precedent to store: the market and code decided, the item's text, and where the decision was made. */
export type NewPrecedent = { market: string; code: string; text: string; source: PrecedentSource; reviewId?: string | null; productId?: string | null; by: string };

/** How many of a tenant's newest precedents the engine reads (one per distinct text and market). */
const MAX_PRECEDENTS = 20_000;
/** How many tenant-and-market indexes one process keeps per database. */
const MAX_CACHED = 200;

type Cached = { stamp: string; index: PrecedentIndex | undefined };
const caches = new WeakMap<object, Map<string, Cached>>();

/** Store a confirmed classification as a precedent of the tenant; the next classification of a similar item uses it. */
export async function addPrecedent(tx: Queryable, tenantId: string, precedent: NewPrecedent): Promise<void> {
  const text = precedent.text.trim().slice(0, 2000);
  const code = precedent.code.replace(/\D/g, "");
  if (!text || code.length < 6) return;
  await tx.query(`insert into classification_precedents (tenant_id, market, text, code, source, review_id, product_id, decided_by) values ($1, $2, $3, $4, $5, $6, $7, $8)`, [
    tenantId,
    precedent.market,
    text,
    code,
    precedent.source,
    precedent.reviewId ?? null,
    precedent.productId ?? null,
    precedent.by,
  ]);
  // Screening caches the classifier's suggestion per title; what the tenant has just taught it may change them.
  await tx.query("delete from classification_cache where tenant_id = $1", [tenantId]);
}

/**
 * The tenant's precedents for a market, indexed for look-up; undefined when it has none. Indexes are cached per
 * database, tenant and market, and rebuilt when the tenant's newest precedent changes (checked with one indexed query),
 * so a decision made by this process, another server or the CLI is used by the very next classification.
 */
export async function tenantPrecedents(db: Db, tenantId: string, market: Market): Promise<PrecedentIndex | undefined> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${tenantId}\u0000${market}`;
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx.query<{ stamp: string }>("select coalesce(max(id), 0)::text || ':' || count(*)::text as stamp from classification_precedents where tenant_id = $1", [
      tenantId,
    ]);
    const stamp = row?.stamp ?? "0:0";
    const hit = cache.get(key);
    if (hit && hit.stamp === stamp) {
      cache.delete(key);
      cache.set(key, hit);
      return hit.index;
    }
    const precedents = stamp === "0:0" ? [] : await readPrecedents(tx, tenantId, market);
    const index = precedents.length ? indexPrecedents(precedents) : undefined;
    cache.delete(key);
    cache.set(key, { stamp, index });
    while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
    return index;
  });
}

/** A confirmation made on a product becomes a precedent of the tenant: the product's text with the confirmed code. */
export async function learnFromProductConfirmation(
  tx: Queryable,
  tenantId: string,
  decision: { productId: string; market: string; hs6: string | null; nationalCode: string | null; status: string },
  by: string,
): Promise<void> {
  const code = decision.nationalCode ?? decision.hs6;
  if (decision.status !== "confirmed" || !code) return;
  const product = await getProduct(tx, tenantId, decision.productId);
  await addPrecedent(tx, tenantId, { market: decision.market, code, text: precedentText(productInput(product)), source: "product", productId: product.id, by });
}

/**
 * The precedents that apply to a market, newest decision per text first: a US classification uses US lines as they
 * are and other markets' decisions at their HS6; an HS classification uses every decision at its HS6.
 */
async function readPrecedents(tx: Queryable, tenantId: string, market: Market): Promise<Precedent[]> {
  const rows = await tx.query<{ id: string; market: string; text: string; code: string; reviewId: string | null; productId: string | null }>(
    `select id::text, market, text, code, review_id as "reviewId", product_id as "productId" from (
       select distinct on (market, lower(text)) id, market, text, code, review_id, product_id from classification_precedents
       where tenant_id = $1 order by market, lower(text), id desc) p
     order by id desc limit ${MAX_PRECEDENTS}`,
    [tenantId],
  );
  return rows.map((r) => ({
    id: r.reviewId ?? r.productId ?? `precedent ${r.id}`,
    text: r.text,
    code: market === "us" && r.market === "us" ? r.code : r.code.slice(0, 6),
  }));
}

/**
 * The text a precedent is matched on: the title when there is one (similar items share their titles far more than
 * their descriptions, and a long description would dilute the similarity), else the description.
 */
export function precedentText(input: ProductInput): string {
  return (input.title?.trim() || input.description?.trim() || "").slice(0, 2000);
}

/** What the engine reads from a catalogue product: titles, descriptions, use, materials and construction, price. */
export function productInput(product: Product): ProductInput {
  const title = product.titleEn ?? product.titleZh ?? undefined;
  const description = [product.titleEn ? product.titleZh : null, product.descriptionEn, product.descriptionZh, product.functionUse].filter(Boolean).join(". ");
  const attributes: NonNullable<ProductInput["attributes"]> = {};
  const materials = product.materials.map((m) => (m.percent === null ? m.material : `${m.material} ${m.percent}%`)).join(", ");
  if (materials) attributes.material = materials;
  if (typeof product.regulated.textile_construction === "string") attributes.construction = product.regulated.textile_construction;
  if (typeof product.regulated.fibre === "string") attributes.fibre = product.regulated.fibre;
  if (product.functionUse) attributes.use = product.functionUse;
  const input: ProductInput = { title, description: description || undefined, attributes };
  if (product.declaredUnitValue !== null) input.price = Number(product.declaredUnitValue);
  if (product.currency) input.currency = product.currency;
  return input;
}
