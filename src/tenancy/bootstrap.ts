import type { Db } from "../db/connection.ts";
import { asSystem, DEFAULT_TENANT_ID } from "../db/tenant-scope.ts";
import { recordAudit } from "./audit.ts";
import { addMember, createUser } from "./members.ts";
import { generatePassword } from "./passwords.ts";

/** The first admin, created on first start; the password is returned once (from CLEARWAY_ADMIN_PASSWORD when set). */
export type FirstAdmin = { email: string; password: string; generated: boolean };

/** Create the first admin of the default tenant when no user exists yet; returns null when users exist. */
export async function ensureFirstAdmin(db: Db, input: { email?: string; password?: string } = {}): Promise<FirstAdmin | null> {
  return asSystem(db, async (tx) => {
    const [row] = await tx.query<{ n: number }>("select count(*) as n from users");
    if (row?.n) return null;
    const email = input.email || "admin@clearway.local";
    const password = input.password || generatePassword();
    const user = await createUser(tx, { email, displayName: "Administrator", password });
    await addMember(tx, { tenantId: DEFAULT_TENANT_ID, userId: user.id, role: "admin" });
    await recordAudit(tx, { kind: "system", id: null, label: "first start", tenantId: DEFAULT_TENANT_ID, role: "admin" }, {
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      after: { email, role: "admin" },
    });
    return { email, password, generated: !input.password };
  });
}
