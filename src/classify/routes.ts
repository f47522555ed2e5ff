import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../api/auth.ts";
import { AppError, isAppError } from "../core/errors.ts";
import type { Db } from "../db/connection.ts";
import { batchResult } from "./classify-batch.ts";
import { classifyForTenant, tenantContext } from "./classify-for-tenant.ts";
import { classifyWithIndex } from "./classify-product.ts";
import { registerReviewQueueRoutes } from "./queue-routes.ts";

const ZMarket = z.enum(["us", "hs"]).default("us").describe("us: US HTS 10-digit line; hs: HS 6-digit subheading");
const ZTop = z.number().int().min(1).max(10).default(3).describe("how many candidates to return");
const ZProduct = z.object({
  title: z.string().max(2000).optional().describe("marketplace title, English or Chinese"),
  description: z.string().max(20_000).optional(),
  category: z.string().max(500).optional().describe('category path, e.g. "Electronics > Headphones"'),
  attributes: z
    .record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
    .optional()
    .describe("material, gender, construction (knit/woven), powerSource, use…"),
  price: z.number().nonnegative().optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .optional(),
});
/** A catalogue product to classify (its text is read unless a title or description is given) and to write a review decision to. */
const ZProductRef = z.string().min(1).max(80).optional().describe("a catalogue product's id or SKU");
const ZPrecedent = z.object({ text: z.string().min(1).max(20_000), code: z.string().regex(/^\d{4}(?:\.?\d{2}){1,3}$/), id: z.string().max(200).optional() });
const ZCandidate = z.looseObject({ code: z.string(), hs6: z.string(), confidence: z.number() });
const ZError = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }) });

/** Classification routes: one product with explanations, or a batch of up to 1,000, with the tenant's precedents and review threshold; the review queue. */
export const classifyRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/classify",
      {
        config: { permission: "classify.run" },
        schema: {
          tags: ["classify"],
          summary: "Classify one product: top-k HS/HTS codes with calibrated confidence and explanations",
          body: ZProduct.extend({
            market: ZMarket,
            top: ZTop,
            precedents: z.array(ZPrecedent).max(1000).optional().describe("confirmed classifications of similar items, used beside the tenant's own"),
            productId: ZProductRef,
            queue: z.boolean().default(false).describe("put the item in the review queue when the engine abstains (below the tenant's threshold)"),
          }),
          response: {
            200: z.looseObject({ market: z.string(), abstain: z.boolean(), confidence: z.number(), candidates: z.array(ZCandidate) }),
            400: ZError,
            401: ZError,
            403: ZError,
            404: ZError,
            503: ZError,
          },
        },
      },
      async (request) => {
        const { market, top, precedents, productId, queue, ...input } = request.body;
        return classifyForTenant(db, principalOf(request), { input, productId, market, top, precedents, queue: queue ? "abstain" : undefined, source: "api" });
      },
    );

    app.post(
      "/api/classify/batch",
      {
        config: { permission: "classify.run" },
        schema: {
          tags: ["classify"],
          summary: "Classify up to 1,000 products in one request",
          body: z.object({
            items: z
              .array(ZProduct.extend({ id: z.string().min(1).max(200) }))
              .min(1)
              .max(1000),
            market: ZMarket,
            top: ZTop,
            explain: z.boolean().default(false).describe("include each candidate's explanation"),
            precedents: z.array(ZPrecedent).max(5000).optional(),
          }),
          response: {
            200: z.object({ results: z.array(z.looseObject({ id: z.string(), abstain: z.boolean(), confidence: z.number(), candidates: z.array(ZCandidate) })) }),
            400: ZError,
            401: ZError,
            403: ZError,
            503: ZError,
          },
        },
      },
      async (request) => {
        const { items, market, top, explain } = request.body;
        const { index, precedents, abstainBelow } = await tenantContext(db, principalOf(request).tenantId, market, request.body.precedents);
        return {
          results: items.map(({ id, ...input }, i) => {
            try {
              return batchResult(id, classifyWithIndex(index, input, { market, top, precedents, abstainBelow }), explain);
            } catch (error) {
              throw isAppError(error) ? new AppError(error.code, `items[${i}] (id "${id}"): ${error.message}`, { item: i, id }) : error;
            }
          }),
        };
      },
    );

    registerReviewQueueRoutes(app, db);
  };
