import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/connection.ts";
import { openTestDb, TEST_DATA_DIR, TEST_DB_KINDS, testHome } from "../db/test-db.ts";
import { importReference } from "../reference/import-reference.ts";
import { can, type Permission, ROLES } from "../tenancy/permissions.ts";
import { expireSession, principalFromSession } from "../tenancy/sessions.ts";
import { createTestMember, type TestMember } from "../tenancy/test-principals.ts";
import { type App, buildApp } from "./app.ts";

/** One representative request per route family: allowed means neither 401 nor 403. */
const FAMILIES: { family: string; permission: Permission; method: "GET" | "POST" | "PATCH" | "DELETE"; url: string; body?: object }[] = [
  { family: "tariff", permission: "tariff.read", method: "GET", url: "/api/tariff/editions" },
  { family: "me / tenant", permission: "tenant.read", method: "GET", url: "/api/auth/me" },
  { family: "members: read", permission: "members.read", method: "GET", url: "/api/tenant/members" },
  { family: "members: manage", permission: "members.manage", method: "POST", url: "/api/tenant/members", body: { email: "not-an-email", role: "viewer" } },
  { family: "api keys", permission: "apikeys.manage", method: "GET", url: "/api/api-keys" },
  { family: "audit trail", permission: "audit.read", method: "GET", url: "/api/audit" },
  { family: "screening: read", permission: "screening.read", method: "GET", url: "/api/screenings" },
  { family: "screening: run", permission: "screening.run", method: "POST", url: "/api/screenings?lane=mars", body: { lines: [] } },
  { family: "evidence: read", permission: "evidence.read", method: "GET", url: "/api/documents" },
  { family: "evidence: write", permission: "evidence.write", method: "POST", url: "/api/documents", body: { contentBase64: "" } },
  { family: "classify: run, send to review", permission: "classify.run", method: "POST", url: "/api/classify/queue", body: { title: "steel hook", market: "hs" } },
  { family: "classify: review queue (read)", permission: "catalog.read", method: "GET", url: "/api/classify/queue" },
  { family: "classify: review decisions", permission: "classify.review", method: "POST", url: "/api/classify/queue/rev_none/decision", body: { action: "dismiss", reason: "x" } },
];

// Routes whose ids name global reference data, or that create-or-replace by name inside the caller's own tenant.
const GLOBAL_ID_ROUTES = new Set(["GET /api/tariff/lookup/:code", "PUT /api/catalog/mappings/:name", "PUT /api/screening/mappings/:name"]);

describe.each(TEST_DB_KINDS)("API access on %s", (kind) => {
  let db: Db;
  let app: App;
  const members: Partial<Record<(typeof ROLES)[number], TestMember>> = {};
  let other: TestMember;
  let otherAuditId: number;
  let otherIds: { product: string; supplier: string; certificate: string; sha256: string; seq: number; screening: string; review: string };

  beforeAll(async () => {
    db = await openTestDb(kind);
    app = await buildApp({ db, home: testHome(), logger: false, limits: { apiPerMinute: 100_000, signInPerMinute: 1000 } });
    for (const role of ROLES) members[role] = await createTestMember(db, { role, tenant: "acme" });
    other = await createTestMember(db, { role: "admin", tenant: "globex" });
    const created = await app.inject({ method: "POST", url: "/api/api-keys", headers: other.headers, payload: { name: "globex integration", role: "viewer" } });
    expect(created.statusCode).toBe(201);
    otherAuditId = (await app.inject({ url: "/api/audit?limit=1", headers: other.headers })).json().events[0].id;
    const supplier = (await app.inject({ method: "POST", url: "/api/catalog/suppliers", headers: other.headers, payload: { nameEn: "Globex Parts" } })).json().supplier;
    const imported = await app.inject({ method: "POST", url: "/api/catalog/imports?fileName=g.csv", headers: { ...other.headers, "content-type": "text/csv" }, payload: "sku,title\nG-1,Globex widget\n" });
    expect(imported.json()).toMatchObject({ committed: true, created: 1 });
    const product = (await app.inject({ url: "/api/catalog/products", headers: other.headers })).json().products[0];
    const certificate = (await app.inject({ method: "POST", url: "/api/catalog/certificates", headers: other.headers, payload: { type: "ce", number: "CE-1", productIds: [product.id] } })).json().certificate;
    const archived = await app.inject({ method: "POST", url: "/api/documents?type=invoice&name=globex-invoice.pdf", headers: { ...other.headers, "content-type": "application/pdf" }, payload: Buffer.from("%PDF-1.4 globex invoice") });
    expect(archived.statusCode).toBe(201);
    const document = archived.json();
    await importReference({ db, dataDir: TEST_DATA_DIR, only: ["hs2022"] });
    const screened = await app.inject({ method: "POST", url: "/api/screenings?lane=cn-export", headers: other.headers, payload: { lines: [{ order_no: "G-1", sku: "G-1", qty: "1" }] } });
    expect(screened.statusCode).toBe(201);
    const queued = await app.inject({ method: "POST", url: "/api/classify/queue", headers: other.headers, payload: { title: "Globex widget", market: "hs" } });
    expect(queued.statusCode).toBe(201);
    otherIds = { product: product.id, supplier: supplier.id, certificate: certificate.id, sha256: document.sha256 ?? document.document?.sha256, seq: document.seq ?? document.entry?.seq, screening: screened.json().run.id, review: queued.json().item.id };
    expect(otherIds.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof otherIds.seq).toBe("number");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("allows and refuses each role on each route family as the permission table says", async () => {
    const matrix: Record<string, Record<string, string>> = {};
    for (const f of FAMILIES) {
      matrix[f.family] = {};
      for (const role of ROLES) {
        const response = await app.inject({ method: f.method, url: f.url, headers: members[role]?.headers, payload: f.body });
        const allowed = response.statusCode !== 401 && response.statusCode !== 403;
        (matrix[f.family] as Record<string, string>)[role] = allowed ? "allowed" : `refused ${response.statusCode}`;
        expect({ family: f.family, role, allowed }).toEqual({ family: f.family, role, allowed: can(role, f.permission) });
        if (!allowed) expect(response.json().error.code).toBe("FORBIDDEN");
      }
    }
    if (kind === "pglite") console.table(matrix);
  });

  it("refuses anonymous callers on every non-public route", async () => {
    for (const route of app.apiRoutes.filter((r) => r.permission)) {
      const url = route.url.replace(/:(\w+)/g, "x1");
      const response = await app.inject({ method: route.method as "GET", url });
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 401 });
    }
  });

  it("answers another tenant's ids with 404 on every route that takes an id", async () => {
    const admin = members.admin as TestMember;
    const foreignIds: Record<string, string> = {
      "PATCH /api/tenant/members/:userId": other.userId,
      "DELETE /api/tenant/members/:userId": other.userId,
      "DELETE /api/api-keys/:id": other.apiKeyId,
      "GET /api/audit/:id": String(otherAuditId),
      "GET /api/catalog/products/:id": otherIds.product,
      "PATCH /api/catalog/products/:id": otherIds.product,
      "GET /api/catalog/products/:id/versions/:version": `${otherIds.product}/versions/1`,
      "POST /api/catalog/products/:id/classifications": otherIds.product,
      "GET /api/catalog/suppliers/:id": otherIds.supplier,
      "GET /api/catalog/certificates/:id": otherIds.certificate,
      "GET /api/documents/:sha256": otherIds.sha256,
      "GET /api/documents/:sha256/bundle": otherIds.sha256,
      "GET /api/ledger/entries/:seq/bundle": String(otherIds.seq),
      "GET /api/screenings/:id": otherIds.screening,
      "GET /api/screenings/:id/findings": otherIds.screening,
      "GET /api/screenings/:id/report": otherIds.screening,
      "POST /api/screenings/:id/rerun": otherIds.screening,
      "GET /api/screenings/:id/lines/:line": `${otherIds.screening}/lines/1`,
      "PATCH /api/screenings/:id/lines/:line": `${otherIds.screening}/lines/1`,
      "GET /api/classify/queue/:id": otherIds.review,
      "POST /api/classify/queue/:id/decision": otherIds.review,
    };
    const bodies: Record<string, object> = {
      "PATCH /api/tenant/members/:userId": { role: "viewer" },
      "PATCH /api/catalog/products/:id": { titleEn: "hijacked" },
      "POST /api/catalog/products/:id/classifications": { market: "hs", code: "846721", status: "suggested" },
      "PATCH /api/screenings/:id/lines/:line": { changes: { qty: "2" } },
      "POST /api/classify/queue/:id/decision": { action: "dismiss", reason: "not ours" },
    };
    const idRoutes = app.apiRoutes.filter((r) => r.url.includes(":") && !GLOBAL_ID_ROUTES.has(`${r.method} ${r.url}`));
    for (const route of idRoutes) {
      const key = `${route.method} ${route.url}`;
      expect(foreignIds, `route ${key} takes an id but has no cross-tenant check`).toHaveProperty([key]);
      const url = route.url.includes("/versions/")
        ? route.url.replace(":id/versions/:version", foreignIds[key] as string)
        : route.url.includes("/lines/")
          ? route.url.replace(":id/lines/:line", foreignIds[key] as string)
          : route.url.replace(/:\w+/, foreignIds[key] as string);
      const response = await app.inject({ method: route.method as "GET", url, headers: admin.headers, payload: bodies[key] });
      expect({ key, status: response.statusCode }).toEqual({ key, status: 404 });
    }
    const stillThere = await app.inject({ url: "/api/api-keys", headers: other.headers });
    expect(stillThere.json().apiKeys.find((k: { id: string }) => k.id === other.apiKeyId).revokedAt).toBeNull();
    const theirProduct = (await app.inject({ url: `/api/catalog/products/${otherIds.product}`, headers: other.headers })).json();
    expect(theirProduct).toMatchObject({ product: { titleEn: "Globex widget", version: 1 }, classificationHistory: [] });
    const listed = await app.inject({ url: `/api/documents?sha256=${otherIds.sha256}`, headers: admin.headers });
    expect(listed.json()).toEqual({ total: 0, documents: [] });
    expect((await app.inject({ url: "/api/documents", headers: other.headers })).json().documents.map((d: { sha256: string }) => d.sha256)).toContain(otherIds.sha256);
    expect((await app.inject({ url: `/api/classify/queue/${otherIds.review}`, headers: other.headers })).json().item).toMatchObject({ status: "open", decidedBy: null });
    const theirMembers = await app.inject({ url: "/api/tenant/members", headers: other.headers });
    expect(theirMembers.json().members.map((m: { id: string }) => m.id)).toContain(other.userId);
  });

  it("signs in with a cookie, needs the CSRF token to write, and ends on sign-out or expiry", async () => {
    const admin = members.admin as TestMember;
    const wrong = await app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: admin.email, password: "not-the-password" } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers["set-cookie"]).toBeUndefined();
    const signedIn = await app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: admin.email, password: admin.password } });
    expect(signedIn.statusCode).toBe(200);
    const setCookie = String(signedIn.headers["set-cookie"]);
    expect(setCookie).toMatch(/^cw_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200/);
    const cookie = setCookie.split(";")[0] as string;
    const { csrfToken } = signedIn.json();
    expect((await app.inject({ url: "/api/auth/me", headers: { cookie } })).json()).toMatchObject({ principal: { label: admin.email, role: "admin" }, tenant: { slug: "acme" } });
    const noCsrf = await app.inject({ method: "POST", url: "/api/api-keys", headers: { cookie }, payload: { name: "k", role: "viewer" } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe("CSRF_FAILED");
    const withCsrf = await app.inject({ method: "POST", url: "/api/api-keys", headers: { cookie, "x-csrf-token": csrfToken }, payload: { name: "k", role: "viewer" } });
    expect(withCsrf.statusCode).toBe(201);
    const badChange = await app.inject({ method: "POST", url: "/api/auth/password", headers: { cookie, "x-csrf-token": csrfToken }, payload: { currentPassword: "nope-nope-nope", newPassword: "a-new-password-1" } });
    expect(badChange.statusCode).toBe(401);
    const change = await app.inject({ method: "POST", url: "/api/auth/password", headers: { cookie, "x-csrf-token": csrfToken }, payload: { currentPassword: admin.password, newPassword: "a-new-password-1" } });
    expect(change.statusCode).toBe(204);
    admin.password = "a-new-password-1";
    const out = await app.inject({ method: "POST", url: "/api/auth/sign-out", headers: { cookie, "x-csrf-token": csrfToken } });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(401);

    const again = await app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: admin.email, password: admin.password } });
    const cookie2 = String(again.headers["set-cookie"]).split(";")[0] as string;
    const session = await principalFromSession(db, decodeURIComponent(cookie2.split("=")[1] as string));
    await expireSession(db, session?.sessionId as string);
    const expired = await app.inject({ url: "/api/auth/me", headers: { cookie: cookie2 } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe("AUTH_REQUIRED");
  });

  it("refuses a revoked key and records who did what", async () => {
    const admin = members.admin as TestMember;
    const created = (await app.inject({ method: "POST", url: "/api/api-keys", headers: admin.headers, payload: { name: "to revoke", role: "viewer" } })).json();
    expect(created.key).toMatch(/^cwk_key_/);
    expect(created.apiKey.key).toBeUndefined();
    expect((await app.inject({ url: "/api/tariff/editions", headers: { authorization: `Bearer ${created.key}` } })).statusCode).toBe(200);
    expect((await app.inject({ method: "DELETE", url: `/api/api-keys/${created.apiKey.id}`, headers: admin.headers })).statusCode).toBe(200);
    const refused = await app.inject({ url: "/api/tariff/editions", headers: { authorization: `Bearer ${created.key}` } });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe("AUTH_FAILED");
    const events = (await app.inject({ url: `/api/audit?targetId=${created.apiKey.id}`, headers: admin.headers })).json().events;
    expect(events.map((e: { action: string }) => e.action)).toEqual(["apikey.revoke", "apikey.create"]);
    expect(events[0]).toMatchObject({ actorType: "api_key", targetType: "api_key", before: { revokedAt: null }, after: { revokedAt: expect.any(String) } });
    const csv = await app.inject({ url: "/api/audit/export?format=csv", headers: admin.headers });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\n")[0]).toBe("id,occurredAt,actorType,actorId,actorLabel,action,targetType,targetId,ip,userAgent,before,after");
  });

  it("sets security headers, limits body size, and rate-limits", async () => {
    const health = await app.inject("/api/health");
    expect(health.json()).toEqual({ status: "ok", version: expect.any(String) });
    expect(health.headers).toMatchObject({ "x-frame-options": "DENY", "x-content-type-options": "nosniff", "cache-control": "no-store" });
    expect(String(health.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
    const big = await app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "a@b.c", password: "x".repeat(20_000) } });
    expect(big.statusCode).toBe(413);
    const strict = await buildApp({ db, home: testHome(), logger: false, limits: { apiPerMinute: 3, signInPerMinute: 2 } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await strict.inject({ url: "/api/tariff/editions", headers: members.viewer?.headers })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const signIns = [];
      for (let i = 0; i < 3; i++) signIns.push((await strict.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "x@y.z", password: "wrong-password" } })).statusCode);
      expect(signIns).toEqual([401, 401, 429]);
    } finally {
      await strict.close();
    }
  });
});
