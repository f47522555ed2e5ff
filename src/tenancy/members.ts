import { AppError } from "../core/errors.ts";
import { newId } from "../core/ids.ts";
import type { Queryable } from "../db/connection.ts";
import { hashPassword } from "./passwords.ts";
import type { Role } from "./permissions.ts";

/** A person who can sign in. */
export type User = { id: string; email: string; displayName: string; disabled: boolean; createdAt: string; lastSignInAt: string | null };
/** A user's place in one tenant. */
export type Member = User & { role: Role; memberSince: string };

const USER_COLUMNS = `u.id, u.email, u.display_name as "displayName", u.disabled, u.created_at as "createdAt", u.last_sign_in_at as "lastSignInAt"`;

/** Create a user with a password (hashed with scrypt); an email already registered is a conflict. */
export async function createUser(tx: Queryable, input: { email: string; displayName?: string; password: string }): Promise<User> {
  const email = normaliseEmail(input.email);
  if ((await tx.query("select 1 from users where lower(email) = $1", [email])).length) throw new AppError("CONFLICT", `A user with email ${email} exists already.`);
  const [user] = await tx.query<User>(
    `insert into users as u (id, email, display_name, password_hash) values ($1, $2, $3, $4) returning ${USER_COLUMNS}`,
    [newId("usr"), email, input.displayName?.trim() || email.split("@")[0], await hashPassword(input.password)],
  );
  return user as User;
}

/** The user with this email, or null. */
export async function findUserByEmail(tx: Queryable, email: string): Promise<User | null> {
  const [user] = await tx.query<User>(`select ${USER_COLUMNS} from users u where lower(u.email) = $1`, [normaliseEmail(email)]);
  return user ?? null;
}

/** Give a user a role in a tenant. */
export async function addMember(tx: Queryable, input: { tenantId: string; userId: string; role: Role }): Promise<void> {
  const existing = await tx.query("select 1 from memberships where tenant_id = $1 and user_id = $2", [input.tenantId, input.userId]);
  if (existing.length) throw new AppError("CONFLICT", "That user is a member of this tenant already.");
  await tx.query("insert into memberships (tenant_id, user_id, role) values ($1, $2, $3)", [input.tenantId, input.userId, input.role]);
}

/** The members of a tenant with their roles. */
export async function listMembers(tx: Queryable, tenantId: string): Promise<Member[]> {
  return tx.query<Member>(
    `select ${USER_COLUMNS}, m.role, m.created_at as "memberSince" from memberships m join users u on u.id = m.user_id where m.tenant_id = $1 order by u.email`,
    [tenantId],
  );
}

/** One member of the tenant; a user of another tenant is NOT_FOUND, so ids do not reveal existence. */
export async function getMember(tx: Queryable, tenantId: string, userId: string): Promise<Member> {
  const [member] = await tx.query<Member>(
    `select ${USER_COLUMNS}, m.role, m.created_at as "memberSince" from memberships m join users u on u.id = m.user_id where m.tenant_id = $1 and m.user_id = $2`,
    [tenantId, userId],
  );
  if (!member) throw new AppError("NOT_FOUND", `No member ${userId} in this tenant.`);
  return member;
}

/** Change a member's role; the tenant always keeps at least one admin. */
export async function setMemberRole(tx: Queryable, tenantId: string, userId: string, role: Role): Promise<{ before: Member; after: Member }> {
  const before = await getMember(tx, tenantId, userId);
  if (before.role === "admin" && role !== "admin") await ensureAnotherAdmin(tx, tenantId, userId);
  await tx.query("update memberships set role = $3 where tenant_id = $1 and user_id = $2", [tenantId, userId, role]);
  return { before, after: { ...before, role } };
}

/** Remove a member from the tenant (the user keeps other tenants); the last admin cannot be removed. */
export async function removeMember(tx: Queryable, tenantId: string, userId: string): Promise<Member> {
  const member = await getMember(tx, tenantId, userId);
  if (member.role === "admin") await ensureAnotherAdmin(tx, tenantId, userId);
  await tx.query("delete from memberships where tenant_id = $1 and user_id = $2", [tenantId, userId]);
  await tx.query("delete from sessions where tenant_id = $1 and user_id = $2", [tenantId, userId]);
  return member;
}

/** Set a user's password and sign out their sessions. */
export async function setPassword(tx: Queryable, userId: string, password: string): Promise<void> {
  await tx.query("update users set password_hash = $2, failed_sign_ins = 0, locked_until = null where id = $1", [userId, await hashPassword(password)]);
  await tx.query("delete from sessions where user_id = $1", [userId]);
}

/** The tenants a user belongs to, with the role in each (needs the system scope: it crosses tenants). */
export async function listMemberships(tx: Queryable, userId: string): Promise<{ tenantId: string; slug: string; name: string; role: Role }[]> {
  return tx.query(
    `select t.id as "tenantId", t.slug, t.name, m.role from memberships m join tenants t on t.id = m.tenant_id where m.user_id = $1 order by t.name`,
    [userId],
  );
}

async function ensureAnotherAdmin(tx: Queryable, tenantId: string, userId: string): Promise<void> {
  const [row] = await tx.query<{ n: number }>("select count(*) as n from memberships where tenant_id = $1 and role = 'admin' and user_id <> $2", [tenantId, userId]);
  if (!row?.n) throw new AppError("CONFLICT", "A tenant must keep at least one admin.");
}

/** Emails compare case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  const value = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(value) || value.length > 254) throw new AppError("VALIDATION_FAILED", `"${email}" is not an email address.`);
  return value;
}
