import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/connection.ts";
import { asSystem, withTenant } from "../db/tenant-scope.ts";
import { openTestDb, TEST_DB_KINDS } from "../db/test-db.ts";
import { principalFromApiKey, revokeApiKey } from "./api-keys.ts";
import { auditRecord, auditToCsv, listAudit } from "./audit.ts";
import { ensureFirstAdmin } from "./bootstrap.ts";
import { removeMember, setMemberRole } from "./members.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { can, PERMISSIONS, ROLES } from "./permissions.ts";
import { expireSession, LOCKOUT, principalFromSession, signIn } from "./sessions.ts";
import { createTestMember, type TestMember } from "./test-principals.ts";

describe("passwords", () => {
  it("hashes with scrypt and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    await expect(hashPassword("short")).rejects.toThrow(/at least 10 characters/);
  });
});

describe("permissions", () => {
  it("gives admin everything and viewer only reading", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(can("admin", permission)).toBe(true);
    expect(can("viewer", "tariff.read")).toBe(true);
    expect(can("viewer", "members.manage")).toBe(false);
    expect(can("warehouse", "warehouse.write")).toBe(true);
    expect(can("declarant", "warehouse.write")).toBe(false);
    expect(ROLES).toHaveLength(5);
  });
});

describe.each(TEST_DB_KINDS)("tenancy on %s", (kind) => {
  let db: Db;
  let a: TestMember;
  let b: TestMember;
  beforeAll(async () => {
    db = await openTestDb(kind);
    a = await createTestMember(db, { role: "admin", tenant: "acme" });
    b = await createTestMember(db, { role: "admin", tenant: "globex" });
  });
  afterAll(() => db.close());

  it("creates the first admin once, in the default tenant", async () => {
    const fresh = await openTestDb(kind);
    try {
      const first = await ensureFirstAdmin(fresh, { email: "root@example.com", password: "a-long-password-1" });
      expect(first).toEqual({ email: "root@example.com", password: "a-long-password-1", generated: false });
      expect(await ensureFirstAdmin(fresh)).toBeNull();
      const session = await signIn(fresh, { email: "ROOT@example.com ", password: "a-long-password-1" });
      expect(session).toMatchObject({ tenantId: "default", role: "admin" });
    } finally {
      await fresh.close();
    }
  });

  it("row-level security hides other tenants' rows even without a WHERE", async () => {
    const seen = await withTenant(db, a.tenantId, (tx) => tx.query<{ tenant_id: string }>("select tenant_id from api_keys"));
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((r) => r.tenant_id))).toEqual(new Set([a.tenantId]));
    expect(await db.query("select * from api_keys")).toEqual([]);
    expect(await db.query("select * from memberships")).toEqual([]);
    await expect(withTenant(db, a.tenantId, (tx) => tx.query("insert into memberships (tenant_id, user_id, role) values ($1, $2, 'viewer')", [b.tenantId, a.userId]))).rejects.toThrow(
      /row-level security/,
    );
    const all = await asSystem(db, (tx) => tx.query<{ tenant_id: string }>("select distinct tenant_id from api_keys"));
    expect(all.map((r) => r.tenant_id)).toEqual(expect.arrayContaining([a.tenantId, b.tenantId]));
  });

  it("locks an account after repeated wrong passwords, even for the right one", async () => {
    const victim = await createTestMember(db, { role: "viewer", tenant: "acme" });
    for (let i = 0; i < LOCKOUT.attempts; i++) {
      await expect(signIn(db, { email: victim.email, password: "wrong-password-x" })).rejects.toMatchObject({ code: "AUTH_FAILED" });
    }
    await expect(signIn(db, { email: victim.email, password: victim.password })).rejects.toMatchObject({ code: "AUTH_LOCKED", details: { lockedUntil: expect.any(String) } });
    const events = await withTenant(db, victim.tenantId, (tx) => listAudit(tx, victim.tenantId, { targetId: victim.userId }));
    expect(events.map((e) => e.action)).toEqual(["auth.locked", "auth.sign_in_failed", "auth.sign_in_failed", "auth.sign_in_failed", "auth.sign_in_failed"]);
    await expect(signIn(db, { email: "nobody@nowhere.test", password: "whatever-123" })).rejects.toMatchObject({ code: "AUTH_FAILED", message: "Wrong email or password." });
  });

  it("ends an expired session and refuses a revoked key", async () => {
    const session = await signIn(db, { email: a.email, password: a.password });
    const principal = await principalFromSession(db, session.token);
    expect(principal).toMatchObject({ kind: "user", tenantId: a.tenantId, role: "admin", csrfToken: session.csrfToken });
    await expireSession(db, principal?.sessionId as string);
    expect(await principalFromSession(db, session.token)).toBeNull();
    expect(await principalFromApiKey(db, a.apiKey)).toMatchObject({ kind: "api_key", tenantId: a.tenantId });
    expect(await principalFromApiKey(db, `${a.apiKey.slice(0, -2)}xx`)).toBeNull();
    await withTenant(db, a.tenantId, (tx) => revokeApiKey(tx, a.tenantId, a.apiKeyId));
    expect(await principalFromApiKey(db, a.apiKey)).toBeNull();
  });

  it("keeps at least one admin per tenant", async () => {
    const solo = await createTestMember(db, { role: "admin", tenant: "solo-co" });
    await expect(withTenant(db, solo.tenantId, (tx) => setMemberRole(tx, solo.tenantId, solo.userId, "viewer"))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(withTenant(db, solo.tenantId, (tx) => removeMember(tx, solo.tenantId, solo.userId))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps the audit trail append-only and exportable", async () => {
    const [event] = await withTenant(db, a.tenantId, (tx) => listAudit(tx, a.tenantId, { limit: 1 }));
    expect(event).toBeDefined();
    await expect(withTenant(db, a.tenantId, (tx) => tx.query("update audit_events set action = 'x' where tenant_id = $1", [a.tenantId]))).rejects.toThrow(/append-only/);
    await expect(withTenant(db, a.tenantId, (tx) => tx.query("delete from audit_events where tenant_id = $1", [a.tenantId]))).rejects.toThrow(/append-only/);
    const record = auditRecord(event as NonNullable<typeof event>);
    expect(Object.keys(record)).toEqual(["kind", "tenant", "id", "time", "actor", "action", "target", "origin", "before", "after"]);
    const csv = auditToCsv([{ ...(event as NonNullable<typeof event>), actorLabel: "=HYPERLINK(\"http://x\")", after: { note: "+1" } }]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
