import { setClassification } from "../catalog/classify-product-code.ts";
import { getProduct, type Product } from "../catalog/products.ts";
import { isAppError } from "../core/errors.ts";
import type { Db, Queryable } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import { recordAudit } from "../tenancy/audit.ts";
import type { Principal, RequestOrigin } from "../tenancy/principal.ts";
import { type Classification, classifyWithIndex, getClassifyIndex, type Market } from "./classify-product.ts";
import { indexPrecedents, type Precedent, type PrecedentIndex } from "./match-precedents.ts";
import type { ProductInput } from "./read-product-query.ts";
import { enqueueReview, type ReviewItem, type ReviewSource, reviewThreshold } from "./review-queue.ts";
import { productInput, tenantPrecedents } from "./tenant-precedents.ts";

/** One classification asked for by a tenant's user: the input (or a product of the catalogue), and whether to queue it for review. */
export type TenantClassifyRequest = {
  input: ProductInput;
  /** A catalogue product (id or SKU): its text is classified unless the input gives a title or description, and a review decision is written to it. */
  productId?: string;
  market: Market;
  top?: number;
  /** Precedents given with the request, used beside the tenant's own. */
  precedents?: readonly Precedent[];
  /** "abstain": queue the item when the engine abstains; "always": queue it whatever the confidence (a person asked for review). */
  queue?: "abstain" | "always";
  source: ReviewSource;
};

/** The engine's answer, with the review item when the request queued one. */
export type TenantClassification = Classification & { review?: ReviewItem; reviewCreated?: boolean; product?: { id: string; sku: string } };

/** What a tenant's classifications share: the schedule index, the tenant's threshold and precedents for the market. */
export type TenantContext = { index: Awaited<ReturnType<typeof getClassifyIndex>>; abstainBelow: number; precedents: PrecedentIndex | undefined };

/** Load the index, the tenant's review threshold and its precedents for a market (with any given precedents added). */
export async function tenantContext(db: Db, tenantId: string, market: Market, given?: readonly Precedent[]): Promise<TenantContext> {
  const index = await getClassifyIndex(db);
  const abstainBelow = await withTenant(db, tenantId, (tx) => reviewThreshold(tx, tenantId));
  const stored = await tenantPrecedents(db, tenantId, market);
  const precedents = given?.length ? indexPrecedents([...(stored?.precedents ?? []), ...given]) : stored;
  return { index, abstainBelow, precedents };
}

/**
 * Classify for a tenant: with its precedents and review threshold, reading a catalogue product when one is named, and
 * queuing the item for review when asked (on abstaining, or always).
 */
export async function classifyForTenant(db: Db, principal: Pick<Principal, "tenantId" | "label">, request: TenantClassifyRequest): Promise<TenantClassification> {
  const { tenantId } = principal;
  const product = request.productId ? await withTenant(db, tenantId, (tx) => getProduct(tx, tenantId, request.productId as string)) : undefined;
  const input = product ? withProductText(request.input, product) : request.input;
  const context = await tenantContext(db, tenantId, request.market, request.precedents);
  const result: TenantClassification = classifyWithIndex(context.index, input, {
    market: request.market,
    top: request.top,
    precedents: context.precedents,
    abstainBelow: context.abstainBelow,
  });
  if (product) result.product = { id: product.id, sku: product.sku };
  if (request.queue === "always" || (request.queue === "abstain" && result.abstain)) {
    const { item, created } = await withTenant(db, tenantId, (tx) =>
      enqueueReview(tx, tenantId, { market: request.market, input, productId: product?.id, source: request.source, classification: result, by: principal.label }),
    );
    result.review = item;
    result.reviewCreated = created;
  }
  return result;
}

/** The product's own text, unless the request gives a title or description of its own (its other fields are added). */
function withProductText(input: ProductInput, product: Product): ProductInput {
  if (input.title?.trim() || input.description?.trim()) return input;
  const own = productInput(product);
  return { ...own, ...input, attributes: { ...own.attributes, ...input.attributes } };
}

/** The outcome for one product of a catalogue run. */
export type CatalogClassifyRow = { productId: string; sku: string; code: string | null; confidence: number; abstain: boolean; outcome: "suggested" | "queued"; reviewId?: string };

/** How many products one catalogue run classifies at most. */
export const CATALOG_RUN_LIMIT = 500;

/**
 * Classify the tenant's products that have no code for the market yet (none, unclassified or disputed, and none
 * waiting in the queue): a confident answer is recorded on the product as a suggestion, an abstention goes to the
 * review queue. One transaction; audited once.
 */
export async function classifyCatalog(
  db: Db,
  principal: Principal,
  options: { market: Market; limit?: number },
  origin: RequestOrigin = {},
): Promise<{ classified: number; suggested: number; queued: number; results: CatalogClassifyRow[] }> {
  const { tenantId } = principal;
  const limit = Math.min(Math.max(options.limit ?? 100, 1), CATALOG_RUN_LIMIT);
  const context = await tenantContext(db, tenantId, options.market);
  return withTenant(db, tenantId, async (tx) => {
    const results: CatalogClassifyRow[] = [];
    for (const product of await productsToClassify(tx, tenantId, options.market, limit)) {
      const input = productInput(product);
      const result = classifyWithIndex(context.index, input, { market: options.market, precedents: context.precedents, abstainBelow: context.abstainBelow });
      const top = result.candidates[0];
      const row: CatalogClassifyRow = {
        productId: product.id,
        sku: product.sku,
        code: top?.code ?? null,
        confidence: result.confidence,
        abstain: result.abstain,
        outcome: "queued",
      };
      if (!result.abstain && top && (await suggest(tx, principal, product.id, options.market, top.code, result.confidence))) row.outcome = "suggested";
      else
        row.reviewId = (
          await enqueueReview(tx, tenantId, { market: options.market, input, productId: product.id, source: "catalog", classification: result, by: principal.label })
        ).item.id;
      results.push(row);
    }
    const summary = {
      classified: results.length,
      suggested: results.filter((r) => r.outcome === "suggested").length,
      queued: results.filter((r) => r.outcome === "queued").length,
    };
    await recordAudit(tx, principal, { action: "classification.catalog_run", targetType: "catalog", targetId: options.market, after: summary }, origin);
    return { ...summary, results };
  });
}

/** Record the engine's code as a suggestion on the product; false when the code is not one the market accepts (it then goes to review). */
async function suggest(tx: Queryable, principal: Principal, productId: string, market: Market, code: string, confidence: number): Promise<boolean> {
  if (!(market === "us" ? /^\d{10}$/ : /^\d{6}$/).test(code)) return false;
  try {
    await setClassification(
      tx,
      principal.tenantId,
      productId,
      { market, code, status: "suggested", rationale: `Suggested by the Clearway classifier (confidence ${Math.round(confidence * 100)}%).` },
      principal.label,
    );
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === "VALIDATION_FAILED") return false;
    throw error;
  }
}

/** The tenant's products with no code for the market yet and none waiting in the queue, least recently changed first. */
async function productsToClassify(tx: Queryable, tenantId: string, market: Market, limit: number): Promise<Product[]> {
  const rows = await tx.query<{ id: string }>(
    `select p.id from products p
     left join lateral (select status from product_classifications pc where pc.tenant_id = p.tenant_id and pc.product_id = p.id and pc.market = $2 order by id desc limit 1) c on true
     where p.tenant_id = $1 and (c.status is null or c.status in ('unclassified', 'disputed'))
       and not exists (select 1 from classification_reviews r where r.tenant_id = p.tenant_id and r.product_id = p.id and r.market = $2 and r.status = 'open')
     order by p.updated_at, p.id limit ${limit}`,
    [tenantId, market],
  );
  const products: Product[] = [];
  for (const row of rows) products.push(await getProduct(tx, tenantId, row.id));
  return products;
}
