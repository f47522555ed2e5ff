import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Logger } from "../core/logger.ts";
import { type Db, serverVersion } from "../db/connection.ts";
import { referenceStatus } from "../reference/reference-status.ts";
import { tariffRoutes } from "../tariff/routes.ts";
import { handleError } from "./errors.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Where the built console lives. */
export const WEB_DIST = path.join(ROOT, "web", "dist");
/** Clearway's version, from package.json. */
export const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;

/** Options for building the HTTP app. */
export type AppOptions = { db: Db; logger?: Logger | false; webDist?: string };

/** The HTTP app type. */
export type App = Awaited<ReturnType<typeof buildApp>>;

/** Build the Fastify app: the API under /api, OpenAPI at /api/docs, and the console for every other GET. */
export async function buildApp(options: AppOptions) {
  const { db } = options;
  const app = Fastify({ loggerInstance: options.logger || undefined, bodyLimit: 10 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook("onSend", async (_request, reply) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("x-frame-options", "DENY");
  });

  await app.register(fastifySwagger, {
    openapi: { info: { title: "Clearway API", version: VERSION, description: "Customs clearance and trade compliance" } },
    transform: jsonSchemaTransform,
  });
  app.get("/api/docs", { schema: { hide: true } }, async () => app.swagger());

  app.get(
    "/api/health",
    { schema: { tags: ["platform"], summary: "Health, database and loaded reference data", response: { 200: z.looseObject({ status: z.literal("ok"), version: z.string() }) } } },
    async () => ({
      status: "ok" as const,
      version: VERSION,
      database: { kind: db.kind, version: await serverVersion(db), location: db.location },
      ...(await referenceStatus(db)),
    }),
  );
  await app.register(tariffRoutes(db));

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
