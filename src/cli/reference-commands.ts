import path from "node:path";
import type { Command } from "commander";
import { silentProgress, terminalProgress } from "../core/progress.ts";
import { importReference } from "../reference/import-reference.ts";
import { printJson, runCommand } from "./context.ts";

/** `clearway import-reference`: load reference data from the data directory. */
export function registerReferenceCommands(program: Command): void {
  program
    .command("import-reference")
    .description("Import reference data (HS, US HTS, countries, currencies, UN/LOCODE, hazmat, OFAC SDN); unchanged files are skipped")
    .option("--data-dir <dir>", "data directory (default: CLEARWAY_DATA_DIR or ../shared/data)")
    .option("--only <keys>", "comma-separated sources: hs2022,hts2026r4,countries,currencies,locations,hazmat,sdn")
    .option("--json", "print the outcome as JSON only")
    .action((options: { dataDir?: string; only?: string; json?: boolean }) =>
      runCommand(options, async ({ db, config, json, say }) => {
        const dataDir = options.dataDir ? path.resolve(options.dataDir) : config.dataDir;
        say(`Importing reference data from ${dataDir}`);
        const outcomes = await importReference({ db, dataDir, only: options.only?.split(","), progress: json ? silentProgress : terminalProgress() });
        if (json) return printJson({ dataDir, outcomes });
        for (const o of outcomes.filter((x) => x.status === "unchanged")) say(`  = ${o.label}: unchanged (${o.rows.toLocaleString("en-US")} rows)`);
      }),
    );
}
