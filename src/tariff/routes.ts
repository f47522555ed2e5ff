import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../db/connection.ts";
import { listEditions } from "./editions.ts";
import { listSections } from "./list-sections.ts";
import { lookupCode } from "./lookup-code.ts";
import { searchTariff } from "./search-tariff.ts";

const ZSchedule = z.enum(["us_hts", "hs"]).default("us_hts").describe("us_hts: US HTS (10-digit); hs: Harmonized System (6-digit)");
const ZEdition = z.looseObject({ id: z.number(), schedule: z.string(), code: z.string(), name: z.string(), effectiveFrom: z.string(), lines: z.number() });
const ZError = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }) });

/** Tariff routes: editions, the section/chapter tree, look-up by code and ranked search. */
export const tariffRoutes = (db: Db): FastifyPluginAsyncZod => async (app) => {
  app.get("/api/tariff/editions", { config: { permission: "tariff.read" }, schema: { tags: ["tariff"], summary: "Loaded tariff editions", response: { 200: z.object({ editions: z.array(ZEdition) }) } } }, async () => ({
    editions: await listEditions(db),
  }));

  app.get(
    "/api/tariff/sections",
    { config: { permission: "tariff.read" }, schema: { tags: ["tariff"], summary: "Sections and chapters: the root of the tariff tree", querystring: z.object({ schedule: ZSchedule, edition: z.string().optional() }) } },
    async (request) => listSections(db, request.query),
  );

  app.get(
    "/api/tariff/lookup/:code",
    {
      config: { permission: "tariff.read" },
      schema: {
        tags: ["tariff"],
        summary: "Look up a code (2–10 digits, dots optional): description path, units, rates, children",
        params: z.object({ code: z.string().max(40) }),
        querystring: z.object({ schedule: ZSchedule, edition: z.string().optional(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }),
        response: {
          200: z.looseObject({ edition: ZEdition, code: z.string(), codeDotted: z.string(), level: z.number(), description: z.string(), path: z.array(z.looseObject({})), units: z.array(z.string()), children: z.array(z.looseObject({})) }),
          400: ZError,
          404: ZError,
        },
      },
    },
    async (request) => lookupCode(db, { code: request.params.code, ...request.query }),
  );

  app.get(
    "/api/tariff/search",
    {
      config: { permission: "tariff.read" },
      schema: {
        tags: ["tariff"],
        summary: "Ranked search by text (English or Chinese) or by code prefix",
        querystring: z.object({ q: z.string().max(500), schedule: ZSchedule, edition: z.string().optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: {
          200: z.looseObject({
            query: z.string(),
            interpretedAs: z.array(z.string()).nullable(),
            edition: ZEdition,
            results: z.array(z.looseObject({ code: z.string(), codeDotted: z.string(), level: z.number(), description: z.string(), path: z.string(), general: z.string().nullable(), score: z.number() })),
          }),
          400: ZError,
        },
      },
    },
    async (request) => searchTariff(db, request.query),
  );
};
