import { createHash } from "node:crypto";
import { AppError } from "../core/errors.ts";
import { newSecret } from "../core/ids.ts";
import type { Db } from "../db/connection.ts";
import { asSystem, withTenant } from "../db/tenant-scope.ts";
import { recordAudit } from "./audit.ts";
import { listMemberships, type User } from "./members.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords.ts";
import type { Role } from "./permissions.ts";
import type { Principal, RequestOrigin } from "./principal.ts";

/** Failed sign-ins in a row that lock an account, and for how long. */
export const LOCKOUT = { attempts: 5, minutes: 15 } as const;
/** How long a session lasts without sign-in. */
export const SESSION_HOURS = 12;

/** A new session: the token goes to the browser once, as a cookie; only its hash is stored. */
export type SignedIn = { token: string; csrfToken: string; user: User; tenantId: string; role: Role; expiresAt: Date };

/** Check email and password, with lock-out after repeated failures, and open a session in the asked-for (or first) tenant. */
export async function signIn(db: Db, input: { email: string; password: string; tenant?: string }, origin: RequestOrigin = {}): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  const row = await asSystem(db, async (tx) => {
    const [found] = await tx.query<{ id: string; password_hash: string; failed_sign_ins: number; locked_until: Date | null; disabled: boolean }>(
      "select id, password_hash, failed_sign_ins, locked_until, disabled from users where lower(email) = $1",
      [email],
    );
    return found;
  });
  if (!row) {
    await verifyPassword(input.password, await dummyPasswordHash());
    throw new AppError("AUTH_FAILED", "Wrong email or password.");
  }
  if (row.locked_until && row.locked_until > new Date()) {
    throw new AppError("AUTH_LOCKED", `Too many failed sign-ins; the account is locked until ${row.locked_until.toISOString()}.`, { lockedUntil: row.locked_until.toISOString() });
  }
  if (row.disabled || !(await verifyPassword(input.password, row.password_hash))) {
    await recordFailure(db, row.id, email, row.failed_sign_ins + 1, origin);
    throw new AppError("AUTH_FAILED", "Wrong email or password.");
  }
  return asSystem(db, async (tx) => {
    const memberships = await listMemberships(tx, row.id);
    const chosen = input.tenant ? memberships.find((m) => m.slug === input.tenant || m.tenantId === input.tenant) : memberships[0];
    if (!chosen) throw new AppError("FORBIDDEN", input.tenant ? `You are not a member of tenant "${input.tenant}".` : "You are not a member of any tenant yet.");
    await tx.query("update users set failed_sign_ins = 0, locked_until = null, last_sign_in_at = now() where id = $1", [row.id]);
    const session = await insertSession(tx, row.id, chosen.tenantId, origin);
    const [user] = await tx.query<User>(
      `select id, email, display_name as "displayName", disabled, created_at as "createdAt", last_sign_in_at as "lastSignInAt" from users where id = $1`,
      [row.id],
    );
    await recordAudit(tx, { kind: "user", id: row.id, label: email, tenantId: chosen.tenantId, role: chosen.role }, { action: "auth.sign_in", targetType: "user", targetId: row.id }, origin);
    return { ...session, user: user as User, tenantId: chosen.tenantId, role: chosen.role };
  });
}

async function recordFailure(db: Db, userId: string, email: string, failures: number, origin: RequestOrigin): Promise<void> {
  const lock = failures >= LOCKOUT.attempts;
  await asSystem(db, async (tx) => {
    await tx.query(
      `update users set failed_sign_ins = $2, locked_until = case when $3 then now() + make_interval(mins => $4) else locked_until end where id = $1`,
      [userId, lock ? 0 : failures, lock, LOCKOUT.minutes],
    );
    for (const m of await listMemberships(tx, userId)) {
      await recordAudit(tx, { kind: "user", id: userId, label: email, tenantId: m.tenantId, role: m.role }, {
        action: lock ? "auth.locked" : "auth.sign_in_failed",
        targetType: "user",
        targetId: userId,
        after: { failures },
      }, origin);
    }
  });
}

async function insertSession(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], userId: string, tenantId: string, origin: RequestOrigin) {
  const token = newSecret(32);
  const csrfToken = newSecret(24);
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await tx.query("insert into sessions (id, user_id, tenant_id, csrf_token, expires_at, ip, user_agent) values ($1, $2, $3, $4, $5, $6, $7)", [
    hashToken(token),
    userId,
    tenantId,
    csrfToken,
    expiresAt,
    origin.ip ?? null,
    origin.userAgent?.slice(0, 400) ?? null,
  ]);
  return { token, csrfToken, expiresAt };
}

/** The principal behind a session token, or null when it is unknown, expired, or its user lost the membership. */
export async function principalFromSession(db: Db, token: string): Promise<Principal | null> {
  return asSystem(db, async (tx) => {
    const [row] = await tx.query<{ id: string; user_id: string; tenant_id: string; csrf_token: string; expires_at: Date; last_seen_at: Date; email: string; role: Role | null; disabled: boolean }>(
      `select s.id, s.user_id, s.tenant_id, s.csrf_token, s.expires_at, s.last_seen_at, u.email, u.disabled, m.role
       from sessions s join users u on u.id = s.user_id left join memberships m on m.tenant_id = s.tenant_id and m.user_id = s.user_id where s.id = $1`,
      [hashToken(token)],
    );
    if (!row || row.expires_at <= new Date() || !row.role || row.disabled) return null;
    if (Date.now() - row.last_seen_at.getTime() > 60_000) await tx.query("update sessions set last_seen_at = now() where id = $1", [row.id]);
    return { kind: "user", id: row.user_id, label: row.email, tenantId: row.tenant_id, role: row.role, sessionId: row.id, csrfToken: row.csrf_token };
  });
}

/** End a session. */
export async function signOut(db: Db, principal: Principal, origin: RequestOrigin = {}): Promise<void> {
  await withTenant(db, principal.tenantId, async (tx) => {
    await tx.query("delete from sessions where id = $1", [principal.sessionId]);
    await recordAudit(tx, principal, { action: "auth.sign_out", targetType: "user", targetId: principal.id ?? undefined }, origin);
  });
}

/** Move a session to another tenant the user belongs to. */
export async function switchTenant(db: Db, principal: Principal, tenant: string): Promise<Principal> {
  return asSystem(db, async (tx) => {
    const memberships = await listMemberships(tx, principal.id as string);
    const chosen = memberships.find((m) => m.slug === tenant || m.tenantId === tenant);
    if (!chosen) throw new AppError("NOT_FOUND", `You are not a member of tenant "${tenant}".`);
    await tx.query("update sessions set tenant_id = $2 where id = $1", [principal.sessionId, chosen.tenantId]);
    return { ...principal, tenantId: chosen.tenantId, role: chosen.role };
  });
}

/** Change the signed-in user's password after checking the current one; their other sessions end. */
export async function changeOwnPassword(db: Db, principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
  await asSystem(db, async (tx) => {
    const [row] = await tx.query<{ password_hash: string }>("select password_hash from users where id = $1", [principal.id]);
    if (!row || !(await verifyPassword(currentPassword, row.password_hash))) throw new AppError("AUTH_FAILED", "The current password is wrong.");
    await tx.query("update users set password_hash = $2 where id = $1", [principal.id, await hashPassword(newPassword)]);
    await tx.query("delete from sessions where user_id = $1 and id <> $2", [principal.id, principal.sessionId ?? ""]);
  });
}

/** Expire a session now (for tests and for admins ending someone's session). */
export async function expireSession(db: Db, sessionId: string): Promise<void> {
  await asSystem(db, (tx) => tx.query("update sessions set expires_at = now() - interval '1 second' where id = $1", [sessionId]));
}

/** The stored form of a session token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
