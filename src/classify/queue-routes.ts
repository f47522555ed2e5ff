import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { originOf, principalOf } from "../api/auth.ts";
import type { Db } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import { CATALOG_RUN_LIMIT, classifyCatalog, classifyForTenant } from "./classify-for-tenant.ts";
import { decideReview, getReview, listReviews, REVIEW_ACTIONS, REVIEW_STATUSES, reviewThreshold, setReviewThreshold } from "./review-queue.ts";

type App = Parameters<FastifyPluginAsyncZod>[0];

const ZMarket = z.enum(["us", "hs"]).default("us").describe("us: US HTS 10-digit line; hs: HS 6-digit subheading");
const ZId = z.object({ id: z.string().min(1).max(80) });
const ZError = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }) });
const ZItem = z.looseObject({
  id: z.string(),
  market: z.string(),
  status: z.enum(REVIEW_STATUSES),
  candidates: z.array(z.looseObject({ code: z.string(), confidence: z.number() })),
});
const ERRORS = { 400: ZError, 401: ZError, 403: ZError, 404: ZError, 409: ZError, 503: ZError };

/** The review queue: send an item to review, list and read items, decide them; the tenant's review threshold; classify the catalogue's unclassified products. */
export function registerReviewQueueRoutes(app: App, db: Db): void {
  app.post(
    "/api/classify/queue",
    {
      config: { permission: "classify.run" },
      schema: {
        tags: ["classify"],
        summary: "Classify an item and put it in the review queue whatever the confidence (a person asked for review)",
        body: z.object({
          title: z.string().max(2000).optional(),
          description: z.string().max(20_000).optional(),
          category: z.string().max(500).optional(),
          attributes: z.record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()])).optional(),
          price: z.number().nonnegative().optional(),
          currency: z
            .string()
            .regex(/^[A-Za-z]{3}$/)
            .optional(),
          market: ZMarket,
          productId: z.string().min(1).max(80).optional().describe("a catalogue product's id or SKU; the decision is written to it"),
          source: z.enum(["api", "console"]).default("api"),
        }),
        response: { 201: z.object({ item: ZItem, created: z.boolean() }), 200: z.object({ item: ZItem, created: z.boolean() }), ...ERRORS },
      },
    },
    async (request, reply) => {
      const { market, productId, source, ...input } = request.body;
      const result = await classifyForTenant(db, principalOf(request), { input, productId, market, queue: "always", source });
      return reply.status(result.reviewCreated ? 201 : 200).send({ item: result.review as NonNullable<typeof result.review>, created: Boolean(result.reviewCreated) });
    },
  );

  app.get(
    "/api/classify/queue",
    {
      config: { permission: "catalog.read" },
      schema: {
        tags: ["classify"],
        summary: "The review queue, newest first (open items unless another status is asked for)",
        querystring: z.object({
          status: z.enum([...REVIEW_STATUSES, "all"]).default("open"),
          market: z.enum(["us", "hs"]).optional(),
          productId: z.string().max(80).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (request) => {
      const { tenantId } = principalOf(request);
      return withTenant(db, tenantId, (tx) => listReviews(tx, tenantId, request.query));
    },
  );

  app.get(
    "/api/classify/queue/:id",
    { config: { permission: "catalog.read" }, schema: { tags: ["classify"], summary: "One review item: the input, the candidates shown, and the decision", params: ZId } },
    async (request) => {
      const { tenantId } = principalOf(request);
      return { item: await withTenant(db, tenantId, (tx) => getReview(tx, tenantId, request.params.id)) };
    },
  );

  app.post(
    "/api/classify/queue/:id/decision",
    {
      config: { permission: "classify.review" },
      schema: {
        tags: ["classify"],
        summary:
          "Confirm a candidate, correct to another code (checked against the market's schedule), or dismiss; a confirmed or corrected code is written to the product and becomes a precedent",
        params: ZId,
        body: z.object({
          action: z.enum(REVIEW_ACTIONS),
          code: z.string().max(20).nullable().optional().describe("correct: the right code; confirm: which candidate (default the top one)"),
          reason: z.string().max(4000).describe("why the code is right, or why the item is dismissed"),
        }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return withTenant(db, principal.tenantId, (tx) => decideReview(tx, principal, request.params.id, request.body, originOf(request)));
    },
  );

  app.get("/api/classify/settings", { config: { permission: "catalog.read" }, schema: { tags: ["classify"], summary: "The tenant's review threshold" } }, async (request) => {
    const { tenantId } = principalOf(request);
    return { reviewBelow: await withTenant(db, tenantId, (tx) => reviewThreshold(tx, tenantId)) };
  });

  app.put(
    "/api/classify/settings",
    {
      config: { permission: "classify.review" },
      schema: {
        tags: ["classify"],
        summary: "Set the tenant's review threshold: below this top-1 confidence the engine abstains and queued requests go to review",
        body: z.object({ reviewBelow: z.number().min(0).max(1) }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return { reviewBelow: await withTenant(db, principal.tenantId, (tx) => setReviewThreshold(tx, principal, request.body.reviewBelow, originOf(request))) };
    },
  );

  app.post(
    "/api/classify/catalog",
    {
      config: { permission: "classify.run" },
      schema: {
        tags: ["classify"],
        summary: "Classify the catalogue's products that have no code for the market yet: confident answers are recorded as suggestions, abstentions go to the review queue",
        body: z.object({ market: ZMarket, limit: z.number().int().min(1).max(CATALOG_RUN_LIMIT).default(100) }),
      },
    },
    async (request) => classifyCatalog(db, principalOf(request), request.body, originOf(request)),
  );
}
