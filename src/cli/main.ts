import { Command } from "commander";
import { VERSION } from "../api/app.ts";
import { registerReferenceCommands } from "./reference-commands.ts";
import { registerStartCommand } from "./start-command.ts";
import { registerTariffCommands } from "./tariff-commands.ts";
import { registerTenancyCommands } from "../tenancy/cli.ts";
import { registerCatalogCommands } from "../catalog/cli.ts";
import { registerLedgerCommands } from "../ledger/cli.ts";
import { registerClassifyCommands } from "../classify/cli.ts";
import { registerScreeningCommands } from "../screening/cli.ts";

const program = new Command("clearway")
  .description("Clearway — customs clearance and trade compliance (清关与贸易合规)")
  .version(VERSION)
  .option("--tenant <slug>", "tenant to act for (default: the default tenant)")
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(`clearway: ${text.replace(/^error: /, "")}`) });

registerStartCommand(program);
registerReferenceCommands(program);
registerTariffCommands(program);
registerTenancyCommands(program);
registerCatalogCommands(program);
registerLedgerCommands(program);
registerClassifyCommands(program);
registerScreeningCommands(program);

program.exitOverride((error) => {
  process.exit(error.exitCode === 0 ? 0 : 1);
});
await program.parseAsync(process.argv);
