import { classifyWithIndex } from "../classify/classify-product.ts";
import { type TenantContext, tenantContext } from "../classify/classify-for-tenant.ts";
import { enqueueReview } from "../classify/review-queue.ts";
import type { Db, Queryable } from "../db/connection.ts";
import { csvChunks } from "../db/csv.ts";
import { withTenant } from "../db/tenant-scope.ts";
import { codeDigits } from "./enrich-lines.ts";
import type { ProductSnapshot } from "./rules/types.ts";
import type { Lookups } from "./screen-lines.ts";

type ProductRow = [id: string, sku: string, version: number, title: string | null, originCountry: string | null, netWeightKg: number | string | null, regulated: Record<string, unknown>];
type ClassRow = [productId: string, market: string, hs6: string | null, nationalCode: string | null, status: string];

// Rows come back as one JSON text: on PGlite, decoding 20,000 rows one by one costs four times parsing one text.
const PRODUCT_ROWS = `select coalesce(json_agg(json_build_array(id, sku, version, coalesce(title_en, title_zh), origin_country, net_weight_kg, regulated))::text, '[]') as rows from products`;

/** The catalogue products of these SKUs, with the confirmed code for the lane's market. */
export async function readProducts(tx: Queryable, tenantId: string, market: "cn" | "us" | "eu", skus: string[]): Promise<[string, ProductSnapshot][]> {
  return snapshots(tx, tenantId, market, await jsonRows<ProductRow>(tx, `${PRODUCT_ROWS} where tenant_id = $1 and sku = any($2::text[])`, [tenantId, skus]), false);
}

/** The tenant's whole catalogue as products by SKU, or null when it has more than `limit` products (those are read by SKU as the lines need them). */
export async function readCatalogue(tx: Queryable, tenantId: string, market: "cn" | "us" | "eu", limit: number): Promise<[string, ProductSnapshot][] | null> {
  const [over] = await tx.query("select 1 from products where tenant_id = $1 offset $2 limit 1", [tenantId, limit]);
  if (over) return null;
  return snapshots(tx, tenantId, market, await jsonRows<ProductRow>(tx, `${PRODUCT_ROWS} where tenant_id = $1`, [tenantId]), true);
}

/** The rows of a query that aggregates them into one JSON array (column rows). */
async function jsonRows<T>(tx: Queryable, sql: string, params: unknown[]): Promise<T[]> {
  const [row] = await tx.query<{ rows: string }>(sql, params);
  return JSON.parse(row?.rows ?? "[]") as T[];
}

async function snapshots(tx: Queryable, tenantId: string, market: "cn" | "us" | "eu", rows: ProductRow[], whole: boolean): Promise<[string, ProductSnapshot][]> {
  if (!rows.length) return [];
  const codes = await confirmedCodes(tx, tenantId, market, whole ? null : rows.map((r) => r[0]));
  return rows.map(([id, sku, version, title, originCountry, netWeightKg, regulated]) => [
    sku,
    {
      id,
      sku,
      version,
      title,
      originCountry: originCountry?.trim() ?? null,
      netWeightKg: netWeightKg === null ? null : Number(netWeightKg),
      confirmedCode: codes.get(id) ?? null,
      regulated,
    },
  ]);
}

/** The confirmed code per product (of these ids, or of the whole catalogue): the lane market's national code, else any market's confirmed HS6. */
async function confirmedCodes(tx: Queryable, tenantId: string, market: "cn" | "us" | "eu", productIds: string[] | null): Promise<Map<string, string>> {
  const rows = await jsonRows<ClassRow>(
    tx,
    `select coalesce(json_agg(json_build_array(product_id, market, hs6, national_code, status))::text, '[]') as rows from (
       select distinct on (product_id, market) product_id, market, hs6, national_code, status
       from product_classifications where tenant_id = $1 ${productIds ? "and product_id = any($2::text[])" : ""} order by product_id, market, id desc) c`,
    productIds ? [tenantId, productIds] : [tenantId],
  );
  const codes = new Map<string, string>();
  for (const [productId, rowMarket, hs6, nationalCode, status] of rows) {
    if (status !== "confirmed") continue;
    const national = rowMarket === market ? codeDigits(nationalCode ?? "") : "";
    const code = national || codeDigits(hs6 ?? "");
    const current = codes.get(productId);
    if (code && (!current || (rowMarket === market && code.length >= current.length))) codes.set(productId, code);
  }
  return codes;
}

/** How many titles one screening run puts in the review queue at most: a manifest of unknown goods should not flood it. */
const MAX_QUEUED = 1000;

/** The classifier's suggestions for titles with no code anywhere, cached per normalised title in the database (the screening keeps its own per-run cache). */
export class SuggestionLookup {
  private context: TenantContext | null = null;
  /** How many titles went through the classifier (not the cache). */
  classified = 0;
  /** How many titles the classifier abstained on were put in the review queue (at most MAX_QUEUED per run). */
  queued = 0;
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
    private readonly market: "cn" | "us" | "eu",
  ) {}

  /** Suggestions for [title key, title] pairs the run has not seen yet, by title key (null: none). */
  async suggest(titles: [string, string][]): Promise<[string, { code: string; confidence: number } | null][]> {
    const hits = new Map<string, { code: string; confidence: number } | null>();
    const keys = titles.map(([key]) => key);
    const stored = await withTenant(this.db, this.tenantId, (tx) =>
      tx.query<{ titleKey: string; code: string | null; confidence: number }>(
        `select title_key as "titleKey", code, confidence from classification_cache where tenant_id = $1 and market = $2 and title_key = any($3::text[])`,
        [this.tenantId, this.market, keys],
      ),
    );
    for (const row of stored) hits.set(row.titleKey, row.code ? { code: row.code, confidence: row.confidence } : null);
    const missing = keys.filter((k) => !hits.has(k));
    if (missing.length) await this.classify(missing, new Map(titles), hits);
    return keys.map((key) => [key, hits.get(key) ?? null]);
  }

  private async classify(missing: string[], titles: Map<string, string>, hits: Map<string, { code: string; confidence: number } | null>): Promise<void> {
    const market = this.market === "us" ? "us" : "hs";
    // The tenant's precedents and review threshold apply, as they do to every classification of the tenant.
    this.context ??= await tenantContext(this.db, this.tenantId, market);
    const { index, precedents, abstainBelow } = this.context;
    const fresh: [string, string, string, string | null, number][] = [];
    const abstained: string[] = [];
    for (const key of missing) {
      const result = classifyWithIndex(index, { title: titles.get(key) ?? key }, { market, top: 1, precedents, abstainBelow });
      this.classified++;
      const best = result.abstain ? undefined : result.candidates[0];
      const hit = best ? { code: codeDigits(best.code), confidence: Math.round(result.confidence * 1000) / 1000 } : null;
      hits.set(key, hit);
      fresh.push([this.tenantId, this.market, key, hit?.code ?? null, hit?.confidence ?? result.confidence]);
      if (!hit && this.queued + abstained.length < MAX_QUEUED) abstained.push(titles.get(key) ?? key);
    }
    await withTenant(this.db, this.tenantId, async (tx) => {
      for (const title of abstained) {
        const classification = classifyWithIndex(index, { title }, { market, precedents, abstainBelow });
        await enqueueReview(tx, this.tenantId, { market, input: { title }, source: "screening", classification, by: "screening" });
      }
      this.queued += abstained.length;
      await tx.exec("create temp table classification_cache_stage (tenant_id text, market text, title_key text, code text, confidence real) on commit drop");
      await tx.copyCsv("classification_cache_stage", ["tenant_id", "market", "title_key", "code", "confidence"], csvChunks(fresh));
      await tx.exec("insert into classification_cache (tenant_id, market, title_key, code, confidence) select tenant_id, market, title_key, code, confidence from classification_cache_stage on conflict do nothing");
    });
  }
}

/** The lookups of a screening run against the database: products by SKU, suggestions through the run's classifier cache. */
export function databaseLookups(db: Db, tenantId: string, market: "cn" | "us" | "eu", suggestions: SuggestionLookup): Lookups {
  return {
    products: (skus) => withTenant(db, tenantId, (tx) => readProducts(tx, tenantId, market, skus)),
    suggestions: (titles) => suggestions.suggest(titles),
  };
}
