import { randomBytes } from "node:crypto";
import type { Db } from "../db/connection.ts";
import { asSystem, DEFAULT_TENANT_ID, withTenant } from "../db/tenant-scope.ts";
import { createApiKey } from "./api-keys.ts";
import { addMember, createUser } from "./members.ts";
import type { Role } from "./permissions.ts";
import { createTenant } from "./tenants.ts";

/** A member made for a test: their tenant, user, password and an API key in the same role. */
export type TestMember = { tenantId: string; userId: string; email: string; password: string; apiKey: string; apiKeyId: string; headers: { authorization: string } };

/** Create (or reuse) a tenant by slug and add a new user with the role, plus an API key with the same role. */
export async function createTestMember(db: Db, options: { role: Role; tenant?: string }): Promise<TestMember> {
  const slug = options.tenant ?? DEFAULT_TENANT_ID;
  const tenantId = await asSystem(db, async (tx) => {
    const [found] = await tx.query<{ id: string }>("select id from tenants where slug = $1", [slug]);
    return found?.id ?? (await createTenant(tx, { slug, name: `Test ${slug}` })).id;
  });
  const email = `${options.role}-${randomBytes(4).toString("hex")}@${slug}.test`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  return withTenant(db, tenantId, async (tx) => {
    const user = await createUser(tx, { email, password });
    await addMember(tx, { tenantId, userId: user.id, role: options.role });
    const key = await createApiKey(tx, { tenantId, name: `${options.role} test key`, role: options.role, createdBy: "test" });
    return { tenantId, userId: user.id, email, password, apiKey: key.key, apiKeyId: key.id, headers: { authorization: `Bearer ${key.key}` } };
  });
}
