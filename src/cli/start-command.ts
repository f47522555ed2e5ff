import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { buildApp, VERSION, WEB_DIST } from "../api/app.ts";
import { failInterruptedRuns } from "../screening/run-screening.ts";
import { createLogger } from "../core/logger.ts";
import { terminalProgress } from "../core/progress.ts";
import { importReference } from "../reference/import-reference.ts";
import { ensureFirstAdmin } from "../tenancy/bootstrap.ts";
import { openContext, oneLine } from "./context.ts";

/** `clearway start`: open (or create) the database, import reference data on first start, and serve the API and console. */
export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("Start the server: API and console on one port (PORT, default 3000)")
    .option("--skip-import", "do not check or import reference data")
    .action(async (options: { skipImport?: boolean }) => {
      const started = Date.now();
      process.stderr.write(`Clearway ${VERSION}\n`);
      let ctx: Awaited<ReturnType<typeof openContext>> | undefined;
      try {
        ensureConsoleBuilt();
        ctx = await openContext();
        const { db, config, say } = ctx;
        say(`  Database: ${db.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"} at ${db.location}`);
        if (!options.skipImport) {
          say(`  Reference data: ${config.dataDir}`);
          const outcomes = await importReference({ db, dataDir: config.dataDir, progress: terminalProgress() });
          const unchanged = outcomes.filter((o) => o.status === "unchanged").length;
          if (unchanged === outcomes.length) say(`  ✓ Reference data already imported (${outcomes.length} sources unchanged)`);
        }
        const admin = await ensureFirstAdmin(db, { email: process.env.CLEARWAY_ADMIN_EMAIL, password: process.env.CLEARWAY_ADMIN_PASSWORD });
        if (admin) {
          say(`  ✓ First administrator created for the default tenant: ${admin.email}`);
          if (admin.generated) say(`    One-time password (shown only now; change it with "clearway user passwd ${admin.email}"): ${admin.password}`);
        }
        const interrupted = await failInterruptedRuns(db);
        if (interrupted) say(`  ! ${interrupted} screening run(s) were interrupted by the last stop and are marked failed`);
        const app = await buildApp({ db, home: config.home, logger: createLogger(config.logLevel === "info" ? "warn" : config.logLevel) });
        await app.listen({ port: config.port, host: config.host });
        say(`  ✓ Ready in ${((Date.now() - started) / 1000).toFixed(1)} s — console and API at http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/ (OpenAPI: /api/docs)`);
        const stop = async () => {
          await app.close().catch(() => {});
          await db.close().catch(() => {});
          process.exit(0);
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      } catch (error) {
        process.stderr.write(`clearway: ${oneLine(error)}\n`);
        await ctx?.db.close().catch(() => {});
        process.exit(1);
      }
    });
}

/** Build the console if this checkout has never built it (npm install normally does, through `prepare`). */
function ensureConsoleBuilt(): void {
  if (fs.existsSync(path.join(WEB_DIST, "index.html"))) return;
  process.stderr.write("  Building the console (first start)…\n");
  const script = path.resolve(WEB_DIST, "../../scripts/build-web.js");
  const result = spawnSync(process.execPath, [script], { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) process.stderr.write("  ! The console could not be built; the API still runs.\n");
}
