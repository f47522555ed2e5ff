import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AppError, errorMessage } from "../core/errors.ts";
import type { Db } from "./connection.ts";

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
// Any fixed number: every Clearway process migrating the same database takes this lock first.
const MIGRATION_LOCK = 727_310_001;

/** One SQL migration file. */
export type Migration = { name: string; sql: string; checksum: string };

/** The migrations shipped with Clearway, in the order they apply. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_.+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), "utf8");
      return { name: file.replace(/\.sql$/, ""), sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Apply every migration not yet applied, in one transaction under an advisory lock; returns the names applied. */
export async function migrate(db: Db, migrations = listMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.exec(
      "create table if not exists schema_migrations (name text primary key, checksum text not null, applied_at timestamptz not null default now())",
    );
    const applied = new Map(
      (await tx.query<{ name: string; checksum: string }>("select name, checksum from schema_migrations")).map((row) => [row.name, row.checksum]),
    );
    const done: string[] = [];
    for (const migration of migrations) {
      const known = applied.get(migration.name);
      if (known && known !== migration.checksum) {
        throw new AppError("MIGRATION_FAILED", `Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
      }
      if (known) continue;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new AppError("MIGRATION_FAILED", `Migration ${migration.name} failed: ${errorMessage(error)}`);
      }
      await tx.query("insert into schema_migrations (name, checksum) values ($1, $2)", [migration.name, migration.checksum]);
      done.push(migration.name);
    }
    return done;
  });
}
