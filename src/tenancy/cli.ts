import type { Command } from "commander";
import { printJson, runCommand } from "../cli/context.ts";
import { AppError } from "../core/errors.ts";
import { asSystem, DEFAULT_TENANT_ID, withTenant } from "../db/tenant-scope.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys.ts";
import { auditToCsv, listAudit, recordAudit } from "./audit.ts";
import { addMember, createUser, findUserByEmail, listMembers, setPassword } from "./members.ts";
import { generatePassword } from "./passwords.ts";
import { parseRole } from "./permissions.ts";
import { cliPrincipal } from "./principal.ts";
import { createTenant, findTenant, listTenants } from "./tenants.ts";

/** `clearway tenant|user|apikey|audit …`: the local operator's administration commands (acting as admin of --tenant). */
export function registerTenancyCommands(program: Command): void {
  const tenantOption = () => (program.opts().tenant as string | undefined) ?? DEFAULT_TENANT_ID;

  const tenant = program.command("tenant").description("Tenants (companies) on this installation");
  tenant
    .command("create <slug> <name...>")
    .description("Create a tenant")
    .option("--kind <kind>", "seller, broker, warehouse or other", "other")
    .option("--json", "print JSON only")
    .action((slug: string, name: string[], options: { kind: string; json?: boolean }) =>
      runCommand(options, async ({ db, json, say }) => {
        if (!["seller", "broker", "warehouse", "other"].includes(options.kind)) throw new AppError("VALIDATION_FAILED", `--kind must be seller, broker, warehouse or other, not "${options.kind}"`);
        const created = await asSystem(db, async (tx) => {
          const t = await createTenant(tx, { slug, name: name.join(" "), kind: options.kind as "other" });
          await recordAudit(tx, cliPrincipal(t.id), { action: "tenant.create", targetType: "tenant", targetId: t.id, after: t });
          return t;
        });
        if (json) printJson(created);
        else say(`  ✓ Tenant ${created.slug} (${created.name}) created`);
      }),
    );
  tenant
    .command("list")
    .description("List tenants")
    .option("--json", "print JSON only")
    .action((options: { json?: boolean }) =>
      runCommand({ ...options, quiet: true }, async ({ db, json }) => {
        const tenants = await asSystem(db, (tx) => listTenants(tx));
        if (json) printJson(tenants);
        else for (const t of tenants) process.stdout.write(`${t.slug.padEnd(24)} ${t.kind.padEnd(10)} ${t.name}\n`);
      }),
    );

  const user = program.command("user").description("Users and their roles in the tenant (--tenant, default: default)");
  user
    .command("add <email>")
    .description("Add a user to the tenant with a role, creating the user when new")
    .requiredOption("--role <role>", "admin, compliance, declarant, warehouse or viewer")
    .option("--name <name>", "display name")
    .option("--password <password>", "initial password (default: generated and printed once)")
    .option("--json", "print JSON only")
    .action((email: string, options: { role: string; name?: string; password?: string; json?: boolean }) =>
      runCommand(options, async ({ db, json, say }) => {
        const role = parseRole(options.role);
        const tenantId = (await asSystem(db, (tx) => findTenant(tx, tenantOption()))).id;
        const existing = await asSystem(db, (tx) => findUserByEmail(tx, email));
        const password = existing ? null : (options.password ?? generatePassword());
        const added = await withTenant(db, tenantId, async (tx) => {
          const u = existing ?? (await createUser(tx, { email, displayName: options.name, password: password as string }));
          await addMember(tx, { tenantId, userId: u.id, role });
          await recordAudit(tx, cliPrincipal(tenantId), { action: "member.add", targetType: "user", targetId: u.id, after: { email: u.email, role } });
          return u;
        });
        if (json) return printJson({ user: added, role, initialPassword: options.password ? null : password });
        say(`  ✓ ${added.email} is ${role} of ${tenantOption()}`);
        if (password && !options.password) say(`    One-time password (shown only now): ${password}`);
      }),
    );
  user
    .command("list")
    .description("List the tenant's members")
    .option("--json", "print JSON only")
    .action((options: { json?: boolean }) =>
      runCommand({ ...options, quiet: true }, async ({ db, json }) => {
        const tenantId = (await asSystem(db, (tx) => findTenant(tx, tenantOption()))).id;
        const members = await withTenant(db, tenantId, (tx) => listMembers(tx, tenantId));
        if (json) printJson(members);
        else for (const m of members) process.stdout.write(`${m.email.padEnd(36)} ${m.role.padEnd(11)} ${m.id}\n`);
      }),
    );
  user
    .command("passwd <email>")
    .description("Set a user's password (generated and printed once unless --password) and end their sessions")
    .option("--password <password>", "the new password")
    .action((email: string, options: { password?: string }) =>
      runCommand({}, async ({ db, say }) => {
        const found = await asSystem(db, (tx) => findUserByEmail(tx, email));
        if (!found) throw new AppError("NOT_FOUND", `No user ${email}.`);
        const password = options.password ?? generatePassword();
        await asSystem(db, (tx) => setPassword(tx, found.id, password));
        say(`  ✓ Password of ${found.email} changed; their sessions were ended.`);
        if (!options.password) say(`    New password (shown only now): ${password}`);
      }),
    );

  const apikey = program.command("apikey").description("API keys for machine clients (--tenant, default: default)");
  apikey
    .command("create <name>")
    .description("Create an API key; its secret is printed once")
    .requiredOption("--role <role>", "admin, compliance, declarant, warehouse or viewer")
    .option("--json", "print JSON only")
    .action((name: string, options: { role: string; json?: boolean }) =>
      runCommand(options, async ({ db, json, say }) => {
        const role = parseRole(options.role);
        const tenantId = (await asSystem(db, (tx) => findTenant(tx, tenantOption()))).id;
        const principal = cliPrincipal(tenantId);
        const key = await withTenant(db, tenantId, async (tx) => {
          const created = await createApiKey(tx, { tenantId, name, role, createdBy: principal.label });
          await recordAudit(tx, principal, { action: "apikey.create", targetType: "api_key", targetId: created.id, after: { name, role } });
          return created;
        });
        if (json) return printJson(key);
        say(`  ✓ API key ${key.id} (${role}) created. Send it as "Authorization: Bearer <key>"; it is shown only now:`);
        process.stdout.write(`${key.key}\n`);
      }),
    );
  apikey
    .command("list")
    .description("List the tenant's API keys")
    .option("--json", "print JSON only")
    .action((options: { json?: boolean }) =>
      runCommand({ ...options, quiet: true }, async ({ db, json }) => {
        const tenantId = (await asSystem(db, (tx) => findTenant(tx, tenantOption()))).id;
        const keys = await withTenant(db, tenantId, (tx) => listApiKeys(tx, tenantId));
        if (json) printJson(keys);
        else for (const k of keys) process.stdout.write(`${k.id.padEnd(18)} ${k.role.padEnd(11)} ${(k.revokedAt ? "revoked" : "active").padEnd(8)} ${k.name}\n`);
      }),
    );
  apikey
    .command("revoke <id>")
    .description("Revoke an API key")
    .action((id: string, options: object) =>
      runCommand(options, async ({ db, say }) => {
        const tenantId = (await asSystem(db, (tx) => findTenant(tx, tenantOption()))).id;
        await withTenant(db, tenantId, async (tx) => {
          const { after } = await revokeApiKey(tx, tenantId, id);
          await recordAudit(tx, cliPrincipal(tenantId), { action: "apikey.revoke", targetType: "api_key", targetId: id, after: { revokedAt: after.revokedAt } });
        });
        say(`  ✓ API key ${id} revoked`);
      }),
    );

  const audit = program.command("audit").description("The tenant's audit trail (--tenant, default: default)");
  audit
    .command("list")
    .description("Show the newest audit events")
    .option("--limit <n>", "how many", "50")
    .option("--action <prefix>", "only actions starting with this")
    .option("--json", "print JSON only")
    .action((options: { limit: string; action?: string; json?: boolean }) =>
      runCommand({ ...options, quiet: true }, async ({ db, json }) => {
        const tenantId = (await asSystem(db, (tx) => findTenant(tx, tenantOption()))).id;
        const events = await withTenant(db, tenantId, (tx) => listAudit(tx, tenantId, { limit: Number(options.limit) || 50, action: options.action }));
        if (json) return printJson(events);
        for (const e of events) process.stdout.write(`${String(e.id).padStart(6)} ${new Date(e.occurredAt).toISOString()} ${(e.actorLabel ?? e.actorType).padEnd(28)} ${e.action.padEnd(22)} ${e.targetType ?? ""} ${e.targetId ?? ""}\n`);
      }),
    );
  audit
    .command("export")
    .description("Export the audit trail to stdout as CSV or JSON lines")
    .option("--format <format>", "csv or jsonl", "csv")
    .option("--limit <n>", "how many events at most", "100000")
    .action((options: { format: string; limit: string }) =>
      runCommand({ quiet: true }, async ({ db }) => {
        if (options.format !== "csv" && options.format !== "jsonl") throw new AppError("VALIDATION_FAILED", `--format must be csv or jsonl, not "${options.format}"`);
        const tenantId = (await asSystem(db, (tx) => findTenant(tx, tenantOption()))).id;
        const events = await withTenant(db, tenantId, (tx) => listAudit(tx, tenantId, { limit: Number(options.limit) || 100_000 }));
        process.stdout.write(options.format === "csv" ? auditToCsv(events) : events.map((e) => JSON.stringify(e)).join("\n") + (events.length ? "\n" : ""));
      }),
    );
}
