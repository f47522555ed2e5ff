import type { Role } from "./permissions.ts";

/** Who is acting, for which tenant, in which role: a signed-in user, an API key, or the local operator at the CLI. */
export type Principal = {
  kind: "user" | "api_key" | "cli" | "system";
  id: string | null;
  label: string;
  tenantId: string;
  role: Role;
  sessionId?: string;
  csrfToken?: string;
};

/** Where a request came from, for the audit trail. */
export type RequestOrigin = { ip?: string | null; userAgent?: string | null; requestId?: string | null };

/** The local operator at the CLI: the OS user, acting as admin of the chosen tenant. */
export function cliPrincipal(tenantId: string): Principal {
  return { kind: "cli", id: null, label: `cli:${process.env.USER ?? process.env.USERNAME ?? "operator"}`, tenantId, role: "admin" };
}
