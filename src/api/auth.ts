import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../core/errors.ts";
import type { Db } from "../db/connection.ts";
import { principalFromApiKey } from "../tenancy/api-keys.ts";
import { type Permission, requirePermission } from "../tenancy/permissions.ts";
import type { Principal, RequestOrigin } from "../tenancy/principal.ts";
import { principalFromSession } from "../tenancy/sessions.ts";
import { RateLimiter } from "./rate-limit.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The permission a route needs; every route declares one, or `public: true`. */
    permission?: Permission;
    public?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The session cookie's name. */
export const SESSION_COOKIE = "cw_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Limits: API requests per principal (or address) per minute, and sign-in attempts per address per minute. */
export type AuthOptions = { apiPerMinute?: number; signInPerMinute?: number };

/** Authenticate every /api request, then check CSRF, the rate limit and the route's permission — in this one place. */
export function registerAuth(app: FastifyInstance, db: Db, options: AuthOptions = {}): { signInLimiter: RateLimiter; routes: RouteEntry[] } {
  const routes: RouteEntry[] = [];
  const apiLimiter = new RateLimiter(options.apiPerMinute ?? 1200, 60_000);
  const signInLimiter = new RateLimiter(options.signInPerMinute ?? 10, 60_000);
  app.decorateRequest("principal", null);

  app.addHook("onRoute", (route) => {
    const url = route.url;
    if (url.startsWith("/api/")) for (const method of [route.method].flat()) if (method !== "HEAD") routes.push({ method, url, permission: route.config?.permission ?? null });
    if (!url.startsWith("/api/") || route.config?.public || route.config?.permission) return;
    throw new Error(`Route ${route.method} ${url} declares neither a permission nor public: true`);
  });

  // Authentication, rate limit, CSRF and permission all run before the body is parsed or validated, so an
  // anonymous or under-privileged caller learns nothing about a route's schema.
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    request.principal = await authenticate(db, request);
    const key = request.principal ? `${request.principal.kind}:${request.principal.id ?? request.principal.sessionId}` : `ip:${request.ip}`;
    const wait = apiLimiter.hit(key);
    if (wait) {
      void reply.header("retry-after", String(wait));
      throw new AppError("RATE_LIMITED", `Too many requests; try again in ${wait} s.`);
    }
    const config = request.routeOptions.config;
    if (!request.routeOptions.url?.startsWith("/api/") || config.public || request.is404) return;
    const principal = request.principal;
    if (!principal) throw new AppError("AUTH_REQUIRED", "Sign in, or send an API key as 'Authorization: Bearer cwk_…'.");
    if (principal.kind === "user" && !SAFE_METHODS.has(request.method) && request.headers["x-csrf-token"] !== principal.csrfToken) {
      throw new AppError("CSRF_FAILED", "Missing or wrong x-csrf-token header for this session.");
    }
    if (config.permission) requirePermission(principal.role, config.permission);
  });
  return { signInLimiter, routes };
}

/** One API route and the permission it needs (null for public routes). */
export type RouteEntry = { method: string; url: string; permission: Permission | null };

async function authenticate(db: Db, request: FastifyRequest): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith("Bearer ")) {
    const principal = await principalFromApiKey(db, authorization.slice(7));
    if (!principal) throw new AppError("AUTH_FAILED", "The API key is unknown, wrong or revoked.");
    return principal;
  }
  const token = readCookie(request.headers.cookie, SESSION_COOKIE);
  return token ? principalFromSession(db, token) : null;
}

/** The signed-in principal of a request that passed the guard. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError("AUTH_REQUIRED", "Sign in first.");
  return request.principal;
}

/** Where the request came from, for the audit trail. */
export function originOf(request: FastifyRequest): RequestOrigin {
  return { ip: request.ip, userAgent: request.headers["user-agent"] ?? null, requestId: request.id };
}

/** One cookie's value from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/** Set (or with maxAge 0, clear) the session cookie: HttpOnly, SameSite=Strict, Secure unless served over plain HTTP. */
export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, maxAgeSeconds: number): void {
  const secure = request.protocol === "https" ? "; Secure" : "";
  void reply.header("set-cookie", `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`);
}
