// Loads a subject's timeline; a product may be named by SKU or id, and its records are gathered under both.
import { ApiError, fetchProduct, fetchTimeline, type Product, type Timeline } from "../api.ts";
import { type ApiState, useApi } from "../useApi.ts";

/** A timeline as the page shows it: the subject asked for, the catalogue product it resolved to (if any), and the entries. */
export type SubjectTimeline = Timeline & {
  /** The product a product subject resolved to; null when it is not (or no longer) in the catalogue. */
  product: Pick<Product, "id" | "sku" | "titleEn" | "titleZh"> | null;
};

/** The timeline of a subject, asked again whenever `reloadKey` changes; nothing while `subject` is null. */
export function useTimeline(subject: { type: string; id: string } | null, reloadKey: number): ApiState<SubjectTimeline> {
  const key = subject ? `timeline:${subject.type}:${subject.id}#${reloadKey}` : null;
  return useApi(key, (signal) => loadTimeline(subject as { type: string; id: string }, signal));
}

async function loadTimeline(subject: { type: string; id: string }, signal: AbortSignal): Promise<SubjectTimeline> {
  const product = subject.type === "product" ? await findProduct(subject.id, signal) : null;
  // Records about a product may name it by its id or its SKU: ask for both and merge them in log order.
  const ids = product ? [...new Set([product.id, product.sku, subject.id])] : [subject.id];
  const timelines = await Promise.all(ids.map((id) => fetchTimeline(subject.type, id, signal)));
  const bySeq = new Map(timelines.flatMap((timeline) => timeline.entries).map((entry) => [entry.seq, entry]));
  const entries = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  const checkpoint = timelines.map((timeline) => timeline.checkpoint).reduce((a, b) => ((b?.size ?? -1) > (a?.size ?? -1) ? b : a), null);
  return { subject, product: product && { id: product.id, sku: product.sku, titleEn: product.titleEn, titleZh: product.titleZh }, checkpoint, entries };
}

/** The catalogue product with this id or SKU, or null when there is none (or the role may not read the catalogue). */
async function findProduct(idOrSku: string, signal: AbortSignal): Promise<Product | null> {
  try {
    return (await fetchProduct(idOrSku, signal)).product;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403 || error.status === 400)) return null;
    throw error;
  }
}
