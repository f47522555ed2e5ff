import { createHash } from "node:crypto";
import { checkCode, setClassification } from "../catalog/classify-product-code.ts";
import { AppError, isAppError } from "../core/errors.ts";
import { newId } from "../core/ids.ts";
import type { Queryable } from "../db/connection.ts";
import { recordAudit } from "../tenancy/audit.ts";
import type { Principal, RequestOrigin } from "../tenancy/principal.ts";
import { type Candidate, type Classification, DEFAULT_ABSTAIN_BELOW, type Market } from "./classify-product.ts";
import type { ProductInput } from "./read-product-query.ts";
import { addPrecedent, precedentText } from "./tenant-precedents.ts";

/** Where a queued item came from. */
export const REVIEW_SOURCES = ["api", "cli", "console", "catalog", "screening"] as const;
/** One source of queued items. */
export type ReviewSource = (typeof REVIEW_SOURCES)[number];
/** The states of a queued item: open until a reviewer confirms a candidate, corrects the code, or dismisses it. */
export const REVIEW_STATUSES = ["open", "confirmed", "corrected", "dismissed"] as const;
/** One state of a queued item. */
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
/** What a reviewer can do with an open item. */
export const REVIEW_ACTIONS = ["confirm", "correct", "dismiss"] as const;
/** One reviewer action. */
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** A candidate as the reviewer was shown it. */
export type QueuedCandidate = Pick<Candidate, "code" | "codeDotted" | "hs6" | "description" | "confidence"> & { explanation?: Candidate["explanation"] };

/** One item of the review queue. */
export type ReviewItem = {
  id: string;
  market: Market;
  input: ProductInput;
  productId: string | null;
  productSku: string | null;
  source: ReviewSource;
  candidates: QueuedCandidate[];
  confidence: number;
  status: ReviewStatus;
  finalCode: string | null;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  classificationId: number | null;
  createdBy: string | null;
  createdAt: string;
};

/** What goes into the queue: the input as classified, the engine's answer, and where it came from. */
export type NewReview = { market: Market; input: ProductInput; productId?: string | null; source: ReviewSource; classification: Classification; by: string };

/** A reviewer's decision: confirm a candidate (the top one unless code names another), correct to another code, or dismiss; always with a reason. */
export type ReviewDecision = { action: ReviewAction; code?: string | null; reason: string };

/** Filters and page of the queue. */
export type ReviewQuery = { status?: ReviewStatus | "all"; market?: Market; productId?: string; limit?: number; offset?: number };

const SELECT = `select r.id, r.market, r.input, r.product_id as "productId", p.sku as "productSku", r.source, r.candidates, r.confidence, r.status,
  r.final_code as "finalCode", r.reason, r.decided_by as "decidedBy", r.decided_at as "decidedAt", r.classification_id as "classificationId",
  r.created_by as "createdBy", r.created_at as "createdAt"
  from classification_reviews r left join products p on p.tenant_id = r.tenant_id and p.id = r.product_id`;

/**
 * Put an item in the tenant's review queue with the candidates the engine showed. The same input (and product) is
 * queued once while open: queuing it again refreshes the candidates of the open item instead of adding another.
 */
export async function enqueueReview(tx: Queryable, tenantId: string, review: NewReview): Promise<{ item: ReviewItem; created: boolean }> {
  const candidates: QueuedCandidate[] = review.classification.candidates.map(({ code, codeDotted, hs6, description, confidence, explanation }) => ({
    code,
    codeDotted,
    hs6,
    description,
    confidence,
    explanation,
  }));
  const [row] = await tx.query<{ id: string; created: boolean }>(
    `insert into classification_reviews (tenant_id, id, market, input, input_key, product_id, source, candidates, confidence, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (tenant_id, market, input_key, (coalesce(product_id, ''))) where status = 'open'
     do update set candidates = excluded.candidates, confidence = excluded.confidence
     returning id, (xmax = 0) as created`,
    [
      tenantId,
      newId("rev"),
      review.market,
      JSON.stringify(review.input),
      inputKey(review.input),
      review.productId ?? null,
      review.source,
      JSON.stringify(candidates),
      review.classification.confidence,
      review.by,
    ],
  );
  return { item: await getReview(tx, tenantId, (row as { id: string }).id), created: Boolean(row?.created) };
}

/** The same input told apart from another however it is spaced or cased: a hash of its folded text and attributes. */
function inputKey(input: ProductInput): string {
  const fold = (text: string | undefined) =>
    (text ?? "")
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\s\p{P}]+/gu, " ")
      .trim();
  const attributes = Object.entries(input.attributes ?? {})
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k.toLowerCase()}=${fold(String(v))}`)
    .sort();
  return createHash("sha256")
    .update([fold(input.title), fold(input.description), fold(input.category), ...attributes].join("\u0000"))
    .digest("hex");
}

/** The tenant's queue, newest first: open items unless another status (or all) is asked for. */
export async function listReviews(tx: Queryable, tenantId: string, query: ReviewQuery = {}): Promise<{ total: number; items: ReviewItem[] }> {
  const where = ["r.tenant_id = $1"];
  const params: unknown[] = [tenantId];
  const status = query.status ?? "open";
  if (status !== "all") where.push(`r.status = $${params.push(status)}`);
  if (query.market) where.push(`r.market = $${params.push(query.market)}`);
  if (query.productId) where.push(`r.product_id = $${params.push(query.productId)}`);
  const filter = where.join(" and ");
  const [count] = await tx.query<{ n: number }>(`select count(*)::int as n from classification_reviews r where ${filter}`, params);
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
  const offset = Math.max(query.offset ?? 0, 0);
  const items = await tx.query<ReviewItem>(`${SELECT} where ${filter} order by r.created_at desc, r.id limit ${limit} offset ${offset}`, params);
  return { total: count?.n ?? 0, items };
}

/** One queued item of the tenant; another tenant's is NOT_FOUND. */
export async function getReview(tx: Queryable, tenantId: string, id: string, options: { lock?: boolean } = {}): Promise<ReviewItem> {
  const [item] = await tx.query<ReviewItem>(`${SELECT} where r.tenant_id = $1 and r.id = $2${options.lock ? " for update of r" : ""}`, [tenantId, id]);
  if (!item) throw new AppError("NOT_FOUND", `No review item ${id} in this tenant.`);
  return item;
}

/**
 * Decide an open item. Confirming or correcting checks the code against the market's loaded schedule, writes the
 * classification to the item's product (through the catalogue, so history and evidence logging apply) and stores the
 * decision as a precedent of the tenant, used from the next classification on. The decision is audited.
 */
export async function decideReview(
  tx: Queryable,
  principal: Principal,
  id: string,
  decision: ReviewDecision,
  origin: RequestOrigin = {},
): Promise<{ item: ReviewItem; classificationId: number | null }> {
  const { tenantId } = principal;
  const item = await getReview(tx, tenantId, id, { lock: true });
  if (item.status !== "open")
    throw new AppError("CONFLICT", `Review item ${id} was already ${item.status} by ${item.decidedBy ?? "someone"}; it is no longer open.`, { status: item.status });
  const reason = decision.reason?.trim() ?? "";
  if (!reason) throw new AppError("VALIDATION_FAILED", `reason: say why you ${decision.action} this item.`, { field: "reason" });
  let code: string | null = null;
  let classificationId: number | null = null;
  if (decision.action !== "dismiss") {
    code = await decidedCode(tx, item, decision);
    if (item.productId) {
      const saved = await setClassification(tx, tenantId, item.productId, { market: item.market, code, status: "confirmed", rationale: reason }, principal.label);
      classificationId = Number(saved.id);
    }
    await addPrecedent(tx, tenantId, {
      market: item.market,
      code,
      text: precedentText(item.input),
      source: "review",
      reviewId: item.id,
      productId: item.productId,
      by: principal.label,
    });
  }
  const status: ReviewStatus = decision.action === "confirm" ? "confirmed" : decision.action === "correct" ? "corrected" : "dismissed";
  await tx.query(
    `update classification_reviews set status = $3, final_code = $4, reason = $5, decided_by = $6, decided_at = now(), classification_id = $7 where tenant_id = $1 and id = $2`,
    [tenantId, id, status, code, reason, principal.label, classificationId],
  );
  const decided = await getReview(tx, tenantId, id);
  await recordAudit(
    tx,
    principal,
    {
      action: `classification.review_${status}`,
      targetType: "classification_review",
      targetId: id,
      before: { status: item.status },
      after: { status, finalCode: code, reason, productId: item.productId, classificationId },
    },
    origin,
  );
  return { item: decided, classificationId };
}

/** The code a confirm or correct decision settles on, checked: a confirm takes one of the candidates shown, a correct any real code of the market. */
async function decidedCode(tx: Queryable, item: ReviewItem, decision: ReviewDecision): Promise<string> {
  const given = decision.code?.replace(/[.\s]/g, "") || null;
  if (decision.action === "correct" && !given) throw new AppError("VALIDATION_FAILED", "code: give the correct code (correct needs one).", { field: "code" });
  if (decision.action === "confirm") {
    const top = item.candidates[0];
    if (!top) throw new AppError("VALIDATION_FAILED", "code: the item has no candidate to confirm; correct it with a code instead.", { field: "code" });
    if (given && !item.candidates.some((c) => c.code === given)) {
      throw new AppError(
        "VALIDATION_FAILED",
        `code: ${decision.code} is not one of the candidates shown (${item.candidates.map((c) => c.codeDotted).join(", ")}); use correct to give another code.`,
        { field: "code" },
      );
    }
  }
  const code = given ?? (item.candidates[0] as QueuedCandidate).code;
  try {
    const checked = await checkCode(tx, item.market, code);
    return checked.nationalCode ?? checked.hs6;
  } catch (error) {
    if (isAppError(error) && error.code === "VALIDATION_FAILED") throw new AppError("VALIDATION_FAILED", `code: ${error.message}`, { field: "code", code });
    throw error;
  }
}

/** The tenant's review threshold: below this top-1 confidence the engine abstains and items asked to be queued go to review. */
export async function reviewThreshold(tx: Queryable, tenantId: string): Promise<number> {
  const [row] = await tx.query<{ reviewBelow: number }>('select review_below as "reviewBelow" from classification_settings where tenant_id = $1', [tenantId]);
  return row ? Number(row.reviewBelow) : DEFAULT_ABSTAIN_BELOW;
}

/** Set the tenant's review threshold (0 to 1); audited. */
export async function setReviewThreshold(tx: Queryable, principal: Principal, value: number, origin: RequestOrigin = {}): Promise<number> {
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new AppError("VALIDATION_FAILED", `reviewBelow: must be a number from 0 to 1, not ${value}.`, { field: "reviewBelow" });
  const before = await reviewThreshold(tx, principal.tenantId);
  await tx.query(
    `insert into classification_settings (tenant_id, review_below, updated_by) values ($1, $2, $3)
     on conflict (tenant_id) do update set review_below = excluded.review_below, updated_by = excluded.updated_by, updated_at = now()`,
    [principal.tenantId, value, principal.label],
  );
  await recordAudit(
    tx,
    principal,
    { action: "classification.threshold_set", targetType: "classification_settings", targetId: principal.tenantId, before: { reviewBelow: before }, after: { reviewBelow: value } },
    origin,
  );
  return value;
}
