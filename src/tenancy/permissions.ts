import { AppError } from "../core/errors.ts";

/** The roles a user or API key can hold in a tenant. */
export const ROLES = ["admin", "compliance", "declarant", "warehouse", "viewer"] as const;
/** One role. */
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;

/** Who may do what: the one table every route and command checks against. */
export const PERMISSIONS = {
  "tariff.read": ALL,
  "tenant.read": ALL,
  "members.read": ["admin"],
  "members.manage": ["admin"],
  "apikeys.manage": ["admin"],
  "audit.read": ["admin", "compliance"],
  "catalog.read": ALL,
  "catalog.write": ["admin", "compliance", "declarant"],
  "classify.run": ["admin", "compliance", "declarant"],
  "classify.review": ["admin", "compliance"],
  "rules.manage": ["admin", "compliance"],
  "screening.read": ALL,
  "screening.run": ["admin", "compliance", "declarant"],
  "declarations.write": ["admin", "declarant"],
  "warehouse.write": ["admin", "warehouse"],
  "evidence.read": ALL,
  "evidence.write": ["admin", "compliance", "declarant", "warehouse"],
} as const satisfies Record<string, readonly Role[]>;

/** One permission, a key of PERMISSIONS. */
export type Permission = keyof typeof PERMISSIONS;

/** True when the role holds the permission. */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Throw FORBIDDEN unless the role holds the permission. */
export function requirePermission(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new AppError("FORBIDDEN", `The ${role} role may not ${permission.replace(".", " ")}.`, { permission, role });
}

/** The role named, or VALIDATION_FAILED listing the valid ones. */
export function parseRole(value: string): Role {
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  throw new AppError("VALIDATION_FAILED", `"${value}" is not a role; roles are ${ROLES.join(", ")}.`);
}
