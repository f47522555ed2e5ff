import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { originOf, principalOf, setSessionCookie } from "../api/auth.ts";
import type { RateLimiter } from "../api/rate-limit.ts";
import { AppError } from "../core/errors.ts";
import type { Db } from "../db/connection.ts";
import { asSystem, withTenant } from "../db/tenant-scope.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys.ts";
import { auditToCsv, getAuditEvent, listAudit, recordAudit } from "./audit.ts";
import { addMember, createUser, findUserByEmail, getMember, listMembers, listMemberships, removeMember, setMemberRole } from "./members.ts";
import { generatePassword } from "./passwords.ts";
import { ROLES } from "./permissions.ts";
import type { Principal } from "./principal.ts";
import { changeOwnPassword, SESSION_HOURS, signIn, signOut, switchTenant } from "./sessions.ts";

const ZRole = z.enum(ROLES);

/** Sign-in, the current principal, members and roles, API keys and the audit trail. */
export const tenancyRoutes =
  (db: Db, signInLimiter: RateLimiter): FastifyPluginAsyncZod =>
  async (app) => {
    const me = async (principal: Principal) => {
      const tenants = principal.kind === "user" ? await asSystem(db, (tx) => listMemberships(tx, principal.id as string)) : [];
      const [tenant] = await asSystem(db, (tx) => tx.query<{ id: string; slug: string; name: string }>("select id, slug, name from tenants where id = $1", [principal.tenantId]));
      return { principal: { kind: principal.kind, id: principal.id, label: principal.label, role: principal.role }, tenant, tenants, csrfToken: principal.csrfToken ?? null };
    };

    app.post(
      "/api/auth/sign-in",
      {
        config: { public: true },
        bodyLimit: 16 * 1024,
        schema: { tags: ["auth"], summary: "Sign in with email and password; sets the session cookie", body: z.object({ email: z.string().max(254), password: z.string().max(256), tenant: z.string().max(80).optional() }) },
      },
      async (request, reply) => {
        const wait = signInLimiter.hit(`sign-in:${request.ip}`);
        if (wait) {
          void reply.header("retry-after", String(wait));
          throw new AppError("RATE_LIMITED", `Too many sign-in attempts from this address; try again in ${wait} s.`);
        }
        const session = await signIn(db, request.body, originOf(request));
        setSessionCookie(reply, request, session.token, SESSION_HOURS * 3600);
        return me({ kind: "user", id: session.user.id, label: session.user.email, tenantId: session.tenantId, role: session.role, csrfToken: session.csrfToken });
      },
    );

    app.post("/api/auth/sign-out", { config: { permission: "tenant.read" }, schema: { tags: ["auth"], summary: "End the session" } }, async (request, reply) => {
      const principal = principalOf(request);
      if (principal.kind === "user") await signOut(db, principal, originOf(request));
      setSessionCookie(reply, request, "", 0);
      return reply.status(204).send();
    });

    app.get("/api/auth/me", { config: { permission: "tenant.read" }, schema: { tags: ["auth"], summary: "Who is signed in, for which tenant, in which role" } }, async (request) =>
      me(principalOf(request)),
    );

    app.post(
      "/api/auth/switch-tenant",
      { config: { permission: "tenant.read" }, schema: { tags: ["auth"], summary: "Move the session to another tenant you belong to", body: z.object({ tenant: z.string().max(80) }) } },
      async (request) => {
        const principal = principalOf(request);
        if (principal.kind !== "user") throw new AppError("BAD_REQUEST", "API keys are bound to one tenant.");
        return me(await switchTenant(db, principal, request.body.tenant));
      },
    );

    app.post(
      "/api/auth/password",
      {
        config: { permission: "tenant.read" },
        bodyLimit: 16 * 1024,
        schema: { tags: ["auth"], summary: "Change your own password (ends your other sessions)", body: z.object({ currentPassword: z.string().max(256), newPassword: z.string().max(256) }) },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        if (principal.kind !== "user") throw new AppError("BAD_REQUEST", "Only a signed-in user has a password.");
        await changeOwnPassword(db, principal, request.body.currentPassword, request.body.newPassword);
        await withTenant(db, principal.tenantId, (tx) => recordAudit(tx, principal, { action: "auth.password_change", targetType: "user", targetId: principal.id ?? undefined }, originOf(request)));
        return reply.status(204).send();
      },
    );

    app.get("/api/tenant/members", { config: { permission: "members.read" }, schema: { tags: ["tenancy"], summary: "Members of the tenant and their roles" } }, async (request) => {
      const { tenantId } = principalOf(request);
      return { members: await withTenant(db, tenantId, (tx) => listMembers(tx, tenantId)) };
    });

    app.post(
      "/api/tenant/members",
      {
        config: { permission: "members.manage" },
        schema: {
          tags: ["tenancy"],
          summary: "Add a member (creating the user when the email is new; a generated password is returned once)",
          body: z.object({ email: z.string().max(254), role: ZRole, displayName: z.string().max(120).optional(), password: z.string().max(256).optional() }),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const body = request.body;
        const existing = await asSystem(db, (tx) => findUserByEmail(tx, body.email));
        const password = existing ? undefined : (body.password ?? generatePassword());
        const member = await withTenant(db, principal.tenantId, async (tx) => {
          const user = existing ?? (await createUser(tx, { email: body.email, displayName: body.displayName, password: password as string }));
          await addMember(tx, { tenantId: principal.tenantId, userId: user.id, role: body.role });
          await recordAudit(tx, principal, { action: "member.add", targetType: "user", targetId: user.id, after: { email: user.email, role: body.role } }, originOf(request));
          return getMember(tx, principal.tenantId, user.id);
        });
        return reply.status(201).send({ member, initialPassword: body.password ? null : (password ?? null) });
      },
    );

    app.patch(
      "/api/tenant/members/:userId",
      { config: { permission: "members.manage" }, schema: { tags: ["tenancy"], summary: "Change a member's role", params: z.object({ userId: z.string().max(64) }), body: z.object({ role: ZRole }) } },
      async (request) => {
        const principal = principalOf(request);
        return withTenant(db, principal.tenantId, async (tx) => {
          const { before, after } = await setMemberRole(tx, principal.tenantId, request.params.userId, request.body.role);
          await recordAudit(tx, principal, { action: "member.role_change", targetType: "user", targetId: after.id, before: { role: before.role }, after: { role: after.role } }, originOf(request));
          return { member: after };
        });
      },
    );

    app.delete(
      "/api/tenant/members/:userId",
      { config: { permission: "members.manage" }, schema: { tags: ["tenancy"], summary: "Remove a member from the tenant", params: z.object({ userId: z.string().max(64) }) } },
      async (request, reply) => {
        const principal = principalOf(request);
        await withTenant(db, principal.tenantId, async (tx) => {
          const removed = await removeMember(tx, principal.tenantId, request.params.userId);
          await recordAudit(tx, principal, { action: "member.remove", targetType: "user", targetId: removed.id, before: { email: removed.email, role: removed.role } }, originOf(request));
        });
        return reply.status(204).send();
      },
    );

    app.get("/api/api-keys", { config: { permission: "apikeys.manage" }, schema: { tags: ["tenancy"], summary: "The tenant's API keys (never their secrets)" } }, async (request) => {
      const { tenantId } = principalOf(request);
      return { apiKeys: await withTenant(db, tenantId, (tx) => listApiKeys(tx, tenantId)) };
    });

    app.post(
      "/api/api-keys",
      { config: { permission: "apikeys.manage" }, schema: { tags: ["tenancy"], summary: "Create an API key; its secret is returned once", body: z.object({ name: z.string().max(100), role: ZRole }) } },
      async (request, reply) => {
        const principal = principalOf(request);
        const created = await withTenant(db, principal.tenantId, async (tx) => {
          const key = await createApiKey(tx, { tenantId: principal.tenantId, name: request.body.name, role: request.body.role, createdBy: principal.label });
          await recordAudit(tx, principal, { action: "apikey.create", targetType: "api_key", targetId: key.id, after: { name: key.name, role: key.role } }, originOf(request));
          return key;
        });
        return reply.status(201).send({ apiKey: { ...created, key: undefined }, key: created.key });
      },
    );

    app.delete(
      "/api/api-keys/:id",
      { config: { permission: "apikeys.manage" }, schema: { tags: ["tenancy"], summary: "Revoke an API key", params: z.object({ id: z.string().max(64) }) } },
      async (request) => {
        const principal = principalOf(request);
        return withTenant(db, principal.tenantId, async (tx) => {
          const { before, after } = await revokeApiKey(tx, principal.tenantId, request.params.id);
          await recordAudit(tx, principal, { action: "apikey.revoke", targetType: "api_key", targetId: after.id, before: { revokedAt: before.revokedAt }, after: { revokedAt: after.revokedAt } }, originOf(request));
          return { apiKey: after };
        });
      },
    );

    const ZAuditQuery = z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      before: z.coerce.number().int().positive().optional(),
      action: z.string().max(80).optional(),
      targetType: z.string().max(40).optional(),
      targetId: z.string().max(80).optional(),
      actorId: z.string().max(80).optional(),
      from: z.string().datetime({ offset: true }).or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional(),
      to: z.string().datetime({ offset: true }).or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional(),
    });

    app.get("/api/audit", { config: { permission: "audit.read" }, schema: { tags: ["audit"], summary: "The audit trail, newest first, filtered and paged", querystring: ZAuditQuery } }, async (request) => {
      const { tenantId } = principalOf(request);
      return { events: await withTenant(db, tenantId, (tx) => listAudit(tx, tenantId, request.query)) };
    });

    app.get(
      "/api/audit/export",
      { config: { permission: "audit.read" }, schema: { tags: ["audit"], summary: "Export the audit trail as CSV or JSON lines", querystring: ZAuditQuery.extend({ format: z.enum(["csv", "jsonl"]).default("csv"), limit: z.coerce.number().int().min(1).max(100_000).default(10_000) }) } },
      async (request, reply) => {
        const { tenantId } = principalOf(request);
        const events = await withTenant(db, tenantId, (tx) => listAudit(tx, tenantId, request.query));
        const csv = request.query.format === "csv";
        void reply.header("content-disposition", `attachment; filename="audit.${csv ? "csv" : "jsonl"}"`);
        return reply.type(csv ? "text/csv; charset=utf-8" : "application/x-ndjson").send(csv ? auditToCsv(events) : events.map((e) => JSON.stringify(e)).join("\n") + "\n");
      },
    );

    app.get(
      "/api/audit/:id",
      { config: { permission: "audit.read" }, schema: { tags: ["audit"], summary: "One audit event", params: z.object({ id: z.coerce.number().int().positive() }) } },
      async (request) => {
        const { tenantId } = principalOf(request);
        const event = await withTenant(db, tenantId, (tx) => getAuditEvent(tx, tenantId, request.params.id));
        if (!event) throw new AppError("NOT_FOUND", `No audit event ${request.params.id} in this tenant.`);
        return { event };
      },
    );
  };
