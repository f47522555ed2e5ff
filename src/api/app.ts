import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyBaseLogger } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Logger } from "../core/logger.ts";
import { type Db, serverVersion } from "../db/connection.ts";
import { referenceStatus } from "../reference/reference-status.ts";
import { tariffRoutes } from "../tariff/routes.ts";
import { catalogRoutes } from "../catalog/routes.ts";
import { classifyRoutes } from "../classify/routes.ts";
import { loadConfig } from "../core/config.ts";
import { ledgerRoutes } from "../ledger/routes.ts";
import { screeningRoutes } from "../screening/routes.ts";
import { type AuthOptions, type RouteEntry, registerAuth } from "./auth.ts";
import { handleError } from "./errors.ts";
import { tenancyRoutes } from "../tenancy/routes.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Where the built console lives. */
export const WEB_DIST = path.join(ROOT, "web", "dist");
/** Clearway's version, from package.json. */
export const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;

/** Options for building the HTTP app. */
export type AppOptions = { db: Db; logger?: Logger | false; webDist?: string; limits?: AuthOptions; /** CLEARWAY_HOME: where signing keys and documents live. */ home?: string };

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  "content-security-policy": "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

declare module "fastify" {
  interface FastifyInstance {
    /** Every /api route with the permission it needs: the tests walk it so no route escapes the access checks. */
    apiRoutes: RouteEntry[];
  }
}

/** The HTTP app type. */
export type App = Awaited<ReturnType<typeof buildApp>>;

/** Build the Fastify app: the API under /api, OpenAPI at /api/docs, and the console for every other GET. */
export async function buildApp(options: AppOptions) {
  const { db } = options;
  const app = Fastify({ loggerInstance: (options.logger || undefined) as FastifyBaseLogger | undefined, bodyLimit: 1024 * 1024, trustProxy: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook("onSend", async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    if (request.protocol === "https") reply.header("strict-transport-security", "max-age=31536000");
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });
  const { signInLimiter, routes } = registerAuth(app, db, options.limits);
  app.decorate("apiRoutes", routes);

  await app.register(fastifySwagger, {
    openapi: { info: { title: "Clearway API", version: VERSION, description: "Customs clearance and trade compliance" } },
    transform: jsonSchemaTransform,
  });
  app.get("/api/docs", { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  app.get(
    "/api/health",
    {
      config: { public: true },
      schema: { tags: ["platform"], summary: "Health; signed-in callers also get the database, editions and counts", response: { 200: z.looseObject({ status: z.literal("ok"), version: z.string() }) } },
    },
    async (request) => {
      const version = await serverVersion(db);
      if (!request.principal) return { status: "ok" as const, version: VERSION };
      return { status: "ok" as const, version: VERSION, database: { kind: db.kind, version, location: db.location }, ...(await referenceStatus(db)) };
    },
  );
  await app.register(tenancyRoutes(db, signInLimiter));
  await app.register(tariffRoutes(db));
  await app.register(catalogRoutes(db, { home: options.home ?? loadConfig().home }));
  await app.register(classifyRoutes(db));
  await app.register(ledgerRoutes(db, { home: options.home ?? loadConfig().home }));
  await app.register(screeningRoutes(db, { home: options.home ?? loadConfig().home }));

  const webDist = options.webDist ?? WEB_DIST;
  if (fs.existsSync(path.join(webDist, "index.html"))) {
    await app.register(fastifyStatic, { root: webDist });
  }
  app.setNotFoundHandler((request, reply) => {
    // A missing asset (a path ending in a file extension; tariff codes end in digits) is a 404, not the page: the browser would choke on HTML as a script.
    const urlPath = request.url.split("?")[0] ?? "";
    const wantsPage = request.method === "GET" && !urlPath.startsWith("/api/") && !/\.[a-z][a-z0-9]*$/i.test(urlPath) && fs.existsSync(path.join(webDist, "index.html"));
    if (wantsPage) return reply.type("text/html").sendFile("index.html", webDist);
    return reply.status(404).send({ error: { code: "NOT_FOUND", message: `No route for ${request.method} ${urlPath}` } });
  });
  return app;
}
