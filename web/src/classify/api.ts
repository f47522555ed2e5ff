// Calls of the classification API: classify an item, send it to review, read the review queue, decide an item.
import type { TenantClassification } from "../../../src/classify/classify-for-tenant.ts";
import type { Market } from "../../../src/classify/classify-product.ts";
import type { ProductInput } from "../../../src/classify/read-product-query.ts";
import type { QueuedCandidate, ReviewDecision, ReviewItem, ReviewStatus } from "../../../src/classify/review-queue.ts";
import { getJson, sendJson } from "../api.ts";

export type { Market } from "../../../src/classify/classify-product.ts";
export type { QueuedCandidate, ReviewAction, ReviewDecision, ReviewItem, ReviewStatus } from "../../../src/classify/review-queue.ts";

/** What POST /api/classify answers: candidates best first, the top-1 confidence, whether the engine abstains, and the review item when one was queued. */
export type ClassifyAnswer = TenantClassification;

/** One classification request: the item (or a catalogue product), the market and how many candidates. */
export type ClassifyRequest = ProductInput & { market: Market; top?: number; productId?: string };

/** The review queue's filters and page. */
export type ReviewFilters = { status: ReviewStatus | "all"; market?: Market; limit: number; offset: number };

/** Classifies an item with the tenant's precedents and threshold. */
export const classifyItem = (body: ClassifyRequest) => sendJson<ClassifyAnswer>("POST", "/api/classify", body);

/** Puts an item in the review queue whatever the confidence (`created` is false when it was already waiting there). */
export const sendToReview = (body: Omit<ClassifyRequest, "top">) => sendJson<{ item: ReviewItem; created: boolean }>("POST", "/api/classify/queue", { ...body, source: "console" });

/** Fetches a page of the review queue, newest first. */
export const fetchReviewQueue = (filters: ReviewFilters, signal?: AbortSignal) => {
  const search = new URLSearchParams({ status: filters.status, limit: String(filters.limit), offset: String(filters.offset) });
  if (filters.market) search.set("market", filters.market);
  return getJson<{ total: number; items: ReviewItem[] }>(`/api/classify/queue?${search}`, signal);
};

/** Confirms, corrects or dismisses a review item; the server checks the code and writes it to the product. */
export const decideReviewItem = (id: string, decision: ReviewDecision) =>
  sendJson<{ item: ReviewItem; classificationId: number | null }>("POST", `/api/classify/queue/${encodeURIComponent(id)}/decision`, decision);

/** A candidate as every classification view shows it (the engine's answer and a queued item's are the same shape). */
export type ShownCandidate = QueuedCandidate;
