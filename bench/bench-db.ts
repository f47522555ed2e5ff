// The databases the benchmarks measure: PGlite on a data directory, as `clearway start` runs it (its in-memory file
// system, which the unit tests use, copies a whole file each time one grows, and a COPY into a large table there slows
// down with the table's size), and a fresh schema on the PostgreSQL server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Db, openDb } from "../src/db/connection.ts";
import { migrate } from "../src/db/migrate.ts";
import { enforceRowSecurity } from "../src/db/row-security.ts";
import { openTestDb } from "../src/db/test-db.ts";

/** A migrated, empty database of the kind, running as the app role; closing it removes it. */
export async function openBenchDb(kind: "pglite" | "postgres"): Promise<Db> {
  if (kind === "postgres") return openTestDb(kind);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-bench-db-"));
  const db = await openDb({ dataDir });
  await migrate(db);
  await enforceRowSecurity(db);
  return {
    ...db,
    async close() {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
