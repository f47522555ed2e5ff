import type { Db } from "./connection.ts";

/** The role Clearway's statements run as when it connects as a superuser (superusers bypass row-level security). */
export const APP_ROLE = "clearway_app";
// Roles are cluster-wide; this lock keeps concurrent starts (and test workers) from creating it twice.
const ROLE_LOCK = 727_310_002;

/**
 * Make row-level security bind the application: when connected as a role that bypasses it (a superuser, as on
 * PGlite and on a default PostgreSQL install), create a plain role with rights on this schema and switch to it.
 * A non-superuser that owns the tables is bound already, through FORCE ROW LEVEL SECURITY.
 */
export async function enforceRowSecurity(db: Db): Promise<boolean> {
  const [me] = await db.query<{ bypass: boolean; schema: string }>(
    "select (rolsuper or rolbypassrls) as bypass, current_schema() as schema from pg_roles where rolname = current_user",
  );
  if (!me?.bypass) return false;
  const schema = `"${me.schema.replaceAll('"', '""')}"`;
  await db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [ROLE_LOCK]);
    const exists = await tx.query("select 1 from pg_roles where rolname = $1", [APP_ROLE]);
    if (!exists.length) await tx.exec(`create role ${APP_ROLE} nologin`);
    await tx.exec(`grant usage on schema ${schema} to ${APP_ROLE};
      grant select, insert, update, delete on all tables in schema ${schema} to ${APP_ROLE};
      grant usage, select on all sequences in schema ${schema} to ${APP_ROLE};`);
    // The app role owns the tables so it can ANALYZE after bulk loads (PGlite has no autovacuum); FORCE ROW LEVEL
    // SECURITY binds owners too, so owning a table does not let it see another tenant's rows.
    await tx.exec(`do $$ declare t record; begin
      for t in select tablename from pg_tables where schemaname = current_schema() and tableowner <> '${APP_ROLE}' loop
        execute format('alter table %I owner to ${APP_ROLE}', t.tablename);
      end loop; end $$;`);
    // PGlite bulk-loads through COPY FROM '/dev/blob', a server-side path; in-process there is no server file system to protect.
    if (db.kind === "pglite") await tx.exec(`grant pg_read_server_files to ${APP_ROLE}`);
  });
  await db.assumeRole(APP_ROLE);
  return true;
}
