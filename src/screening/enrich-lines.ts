import { classifyWithIndex } from "../classify/classify-product.ts";
import { type TenantContext, tenantContext } from "../classify/classify-for-tenant.ts";
import { enqueueReview } from "../classify/review-queue.ts";
import type { Db, Queryable } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import { csvChunks } from "../db/csv.ts";
import { detach } from "./order-state.ts";
import type { ProductSnapshot, References, ScreenLine } from "./rules/types.ts";
import { resolveUnit } from "./units.ts";
import type { SourceLine } from "./manifest.ts";
import { withDefaults } from "./read-manifest.ts";

/** A decimal cell: null when empty, NaN when not a plain number. */
export function parseDecimal(text: string | undefined): number | null {
  if (!text) return null;
  if (!/^-?\d{1,14}(\.\d{1,5})?$/.test(text)) return Number.NaN;
  return Number(text);
}

/** Digits of a code as typed ("8517.13.00 00" → "8517130000"); '' when there are none. */
export function codeDigits(text: string): string {
  return text ? text.replace(/[\s.\-]/g, "") : "";
}

/** A source line with its numbers and unit parsed; enrichment comes later. */
export function toScreenLine(source: SourceLine, refs: References): ScreenLine {
  const v = withDefaults(source.values);
  const typed = codeDigits(v.hs_code as string);
  return {
    line: source.line,
    values: v,
    orderNo: v.order_no as string,
    qty: parseDecimal(v.qty),
    unitValue: parseDecimal(v.unit_value),
    lineTotal: parseDecimal(v.line_total),
    netWeightKg: parseDecimal(v.net_weight_kg),
    grossWeightKg: parseDecimal(v.gross_weight_kg),
    unit: v.unit ? resolveUnit(v.unit, refs.customsUnits) : null,
    hsCode: typed,
    hsSource: typed ? "line" : "none",
    suggestion: null,
    product: null,
    tariff: null,
  };
}

type ProductRow = { id: string; sku: string; version: number; title: string | null; originCountry: string | null; netWeightKg: string | null; regulated: Record<string, unknown> };
type ClassRow = { productId: string; market: string; hs6: string | null; nationalCode: string | null };

/** The catalogue by SKU for one run: products are read in batches for the SKUs not seen yet and kept for the run. */
export class CatalogLookup {
  readonly products = new Map<string, ProductSnapshot | null>();
  constructor(
    private readonly tenantId: string,
    private readonly market: "cn" | "us" | "eu",
  ) {}

  /** Read the products of any SKUs in these lines that the run has not looked up yet. */
  async load(tx: Queryable, lines: ScreenLine[]): Promise<void> {
    const wanted = new Set<string>();
    for (const line of lines) {
      const sku = line.values.sku as string;
      if (sku && !this.products.has(sku)) wanted.add(sku);
    }
    if (!wanted.size) return;
    const skus = [...wanted].map(detach);
    for (const sku of skus) this.products.set(sku, null);
    const rows = await tx.query<ProductRow>(
      `select id, sku, version, coalesce(title_en, title_zh) as title, origin_country as "originCountry", net_weight_kg as "netWeightKg", regulated
       from products where tenant_id = $1 and sku = any($2::text[])`,
      [this.tenantId, skus],
    );
    if (!rows.length) return;
    const codes = await this.confirmedCodes(tx, rows.map((r) => r.id));
    for (const row of rows) {
      this.products.set(row.sku, {
        id: row.id,
        sku: row.sku,
        version: row.version,
        title: row.title,
        originCountry: row.originCountry?.trim() ?? null,
        netWeightKg: row.netWeightKg === null ? null : Number(row.netWeightKg),
        confirmedCode: codes.get(row.id) ?? null,
        regulated: row.regulated,
      });
    }
  }

  /** The confirmed code per product: the lane market's national code, else any market's confirmed HS6. */
  private async confirmedCodes(tx: Queryable, productIds: string[]): Promise<Map<string, string>> {
    const rows = await tx.query<ClassRow & { status: string }>(
      `select distinct on (product_id, market) product_id as "productId", market, hs6, national_code as "nationalCode", status
       from product_classifications where tenant_id = $1 and product_id = any($2::text[]) order by product_id, market, id desc`,
      [this.tenantId, productIds],
    );
    const codes = new Map<string, string>();
    for (const row of rows) {
      if (row.status !== "confirmed") continue;
      const national = row.market === this.market ? codeDigits(row.nationalCode ?? "") : "";
      const code = national || codeDigits(row.hs6 ?? "");
      const current = codes.get(row.productId);
      if (code && (!current || (row.market === this.market && code.length >= current.length))) codes.set(row.productId, code);
    }
    return codes;
  }

  /** Attach each line's product and, when the line has no code, the catalogue's confirmed one. */
  apply(lines: ScreenLine[]): void {
    for (const line of lines) {
      const sku = line.values.sku as string;
      const product = sku ? (this.products.get(sku) ?? null) : null;
      line.product = product;
      if (line.hsSource === "none" && product?.confirmedCode) {
        line.hsCode = product.confirmedCode;
        line.hsSource = "catalog";
      }
    }
  }
}

/** A title reduced for the suggestion cache: case, spacing and punctuation folded. */
export function titleKey(title: string): string {
  return title.normalize("NFKC").toLowerCase().replace(/[\s\p{P}]+/gu, " ").trim().slice(0, 300);
}

/** How many titles one screening run puts in the review queue at most: a manifest of unknown goods should not flood it. */
const MAX_QUEUED = 1000;

/** The classifier's suggestions for lines with no code anywhere, cached per normalised title (in the run and in the database). */
export class SuggestionLookup {
  private readonly cache = new Map<string, { code: string; confidence: number } | null>();
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

  /** Suggest codes for the lines that still have none. */
  async apply(lines: ScreenLine[]): Promise<void> {
    const pending = lines.filter((l) => l.hsSource === "none" && l.values.title);
    if (!pending.length) return;
    const keys = [...new Set(pending.map((l) => titleKey(l.values.title as string)))].filter((k) => k && !this.cache.has(k));
    if (keys.length) await this.fill(keys, pending);
    for (const line of pending) {
      const hit = this.cache.get(titleKey(line.values.title as string));
      if (!hit) continue;
      line.hsCode = hit.code;
      line.hsSource = "classifier";
      line.suggestion = hit;
    }
  }

  private async fill(keys: string[], lines: ScreenLine[]): Promise<void> {
    const stored = await withTenant(this.db, this.tenantId, (tx) =>
      tx.query<{ titleKey: string; code: string | null; confidence: number }>(
        `select title_key as "titleKey", code, confidence from classification_cache where tenant_id = $1 and market = $2 and title_key = any($3::text[])`,
        [this.tenantId, this.market, keys],
      ),
    );
    for (const row of stored) this.cache.set(row.titleKey, row.code ? { code: row.code, confidence: row.confidence } : null);
    const missing = keys.filter((k) => !this.cache.has(k));
    if (!missing.length) return;
    const market = this.market === "us" ? "us" : "hs";
    // The tenant's precedents and review threshold apply, as they do to every classification of the tenant.
    this.context ??= await tenantContext(this.db, this.tenantId, market);
    const { index, precedents, abstainBelow } = this.context;
    const titles = new Map<string, string>();
    for (const line of lines) titles.set(titleKey(line.values.title as string), line.values.title as string);
    const fresh: [string, string, string, string | null, number][] = [];
    const abstained: string[] = [];
    for (const key of missing) {
      const result = classifyWithIndex(index, { title: titles.get(key) ?? key }, { market, top: 1, precedents, abstainBelow });
      this.classified++;
      const best = result.abstain ? undefined : result.candidates[0];
      const hit = best ? { code: codeDigits(best.code), confidence: Math.round(result.confidence * 1000) / 1000 } : null;
      this.cache.set(key, hit);
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

/** Attach the lane's tariff line to each line with a code. */
export function attachTariff(lines: ScreenLine[], refs: References): void {
  for (const line of lines) {
    const code = line.hsCode;
    if (code.length < 6) continue;
    line.tariff = refs.tariff.get(refs.schedule === "us_hts" ? code.slice(0, 10) : code.slice(0, 6)) ?? null;
  }
}
