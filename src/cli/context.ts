import { type Config, embeddedDbDir, loadConfig } from "../core/config.ts";
import { errorMessage, isAppError } from "../core/errors.ts";
import { type Db, openDb } from "../db/connection.ts";
import { migrate } from "../db/migrate.ts";
import { enforceRowSecurity } from "../db/row-security.ts";

/** What every command gets: the configuration and an open, migrated database. */
export type CliContext = { config: Config; db: Db; json: boolean; say: (line: string) => void };

/** Open the configured database and bring its schema up to date; status lines go to stderr unless --json. */
export async function openContext(options: { json?: boolean; quiet?: boolean } = {}): Promise<CliContext> {
  const config = loadConfig();
  const json = Boolean(options.json);
  const say = (line: string) => {
    if (!json && !options.quiet) process.stderr.write(`${line}\n`);
  };
  const db = await openDb({ url: config.databaseUrl, dataDir: embeddedDbDir(config), onStatus: say });
  try {
    const applied = await migrate(db);
    if (applied.length) say(`  ✓ Database schema: ${applied.length} migration(s) applied`);
    await enforceRowSecurity(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { config, db, json, say };
}

/** Run a command body: print a one-line reason and exit non-zero on failure, and always close the database. */
export async function runCommand(options: { json?: boolean; quiet?: boolean }, body: (ctx: CliContext) => Promise<number | undefined | void>): Promise<void> {
  let ctx: CliContext | undefined;
  let code = 0;
  try {
    ctx = await openContext(options);
    code = (await body(ctx)) ?? 0;
  } catch (error) {
    process.stderr.write(`clearway: ${oneLine(error)}\n`);
    code = 1;
  } finally {
    await ctx?.db.close().catch(() => {});
  }
  process.exitCode = code;
}

/** The failure as one line, with the error code for known errors. */
export function oneLine(error: unknown): string {
  return isAppError(error) ? `${errorMessage(error)} [${error.code}]` : errorMessage(error);
}

/** Write a value as pretty JSON to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
