import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Db, openDb } from "./connection.ts";
import { migrate } from "./migrate.ts";
import { enforceRowSecurity } from "./row-security.ts";

/** The PostgreSQL server tests use (CI runs one at 127.0.0.1:5432, trust auth, database test). */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** The database kinds every database test runs on; set CLEARWAY_TEST_SKIP_POSTGRES=1 only where no server exists. */
export const TEST_DB_KINDS: ("pglite" | "postgres")[] = process.env.CLEARWAY_TEST_SKIP_POSTGRES === "1" ? ["pglite"] : ["pglite", "postgres"];

/** A migrated, empty database of the given kind: in-memory PGlite, or a fresh schema on the PostgreSQL server that is dropped on close; it runs as the app role (row-level security binding) unless told not to. */
export async function openTestDb(kind: "pglite" | "postgres", options: { rowSecurity?: boolean } = {}): Promise<Db> {
  const secure = options.rowSecurity ?? true;
  if (kind === "pglite") {
    const db = await openDb({});
    await migrate(db);
    if (secure) await enforceRowSecurity(db);
    return db;
  }
  const schema = `cw_test_${randomBytes(5).toString("hex")}`;
  const admin = await openDb({ url: TEST_POSTGRES_URL });
  await admin.exec(`create schema ${schema}`);
  await admin.close();
  const db = await openDb({ url: TEST_POSTGRES_URL, schema });
  await migrate(db);
  if (secure) await enforceRowSecurity(db);
  return {
    ...db,
    async close() {
      await db.close();
      const cleanup = await openDb({ url: TEST_POSTGRES_URL });
      await cleanup.exec(`drop schema ${schema} cascade`);
      await cleanup.close();
    },
  };
}

/** The data directory tests read reference files from. */
export const TEST_DATA_DIR = process.env.CLEARWAY_DATA_DIR ?? new URL("../../../shared/data", import.meta.url).pathname;

/** A fresh CLEARWAY_HOME for a test app (signing keys, documents), under the OS temp directory. */
export function testHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "cw-home-"));
}
