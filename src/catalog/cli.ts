import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { printJson, runCommand } from "../cli/context.ts";
import { AppError, errorMessage } from "../core/errors.ts";
import { terminalProgress } from "../core/progress.ts";
import type { Queryable } from "../db/connection.ts";
import { asSystem, DEFAULT_TENANT_ID, withTenant } from "../db/tenant-scope.ts";
import { openLedger } from "../ledger/open-ledger.ts";
import { cliPrincipal } from "../tenancy/principal.ts";
import { findTenant } from "../tenancy/tenants.ts";
import { productExportRows, toCsv, toXlsx } from "./export-products.ts";
import { type ImportReport, importProducts } from "./import-products.ts";
import { getMapping, parseMapPairs } from "./mappings.ts";
import { getProductDetail, listProducts, type ProductFilter } from "./products.ts";
import { findSupplierId } from "./suppliers.ts";

/** `clearway catalog import|export|list|show`. */
export function registerCatalogCommands(program: Command): void {
  const tenantSlug = () => (program.opts().tenant as string | undefined) ?? DEFAULT_TENANT_ID;
  const catalog = program.command("catalog").description("The product catalogue (commodity master) of --tenant");

  catalog
    .command("import <file>")
    .description("Import products from CSV or XLSX (UTF-8, UTF-8 BOM or GBK/GB18030; English or Chinese headers); all-or-nothing unless --valid-only")
    .option("--dry-run", "check the file and report, change nothing")
    .option("--valid-only", "import the valid rows and skip the bad ones")
    .option("--map <header=field...>", "map a column to a field (repeatable), e.g. --map 'Item No=sku'")
    .option("--mapping <name>", "use a mapping saved in the console or API")
    .option("--market <market>", "market of a bare 10-digit HS code column: us or cn", "us")
    .option("--json", "print the report as JSON only")
    .action((file: string, options: { dryRun?: boolean; validOnly?: boolean; map?: string[]; mapping?: string; market: string; json?: boolean }) =>
      runCommand(options, async ({ config, db, json, say }) => {
        if (options.market !== "us" && options.market !== "cn") throw new AppError("VALIDATION_FAILED", `--market must be us or cn, not "${options.market}"`);
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(file);
        } catch (error) {
          throw new AppError("IMPORT_UNREADABLE", `Cannot read ${file}: ${errorMessage(error)}`);
        }
        const tenantId = (await asSystem(db, (tx) => findTenant(tx, tenantSlug()))).id;
        const saved = options.mapping ? (await withTenant(db, tenantId, (tx) => getMapping(tx, tenantId, options.mapping as string))).mapping : {};
        const mapping = { ...saved, ...parseMapPairs(options.map ?? []) };
        const progress = json ? null : terminalProgress();
        progress?.start(`${options.dryRun ? "Checking" : "Importing"} ${path.basename(file)}`);
        let written = 0;
        const report = await importProducts(db, {
          principal: cliPrincipal(tenantId), bytes, fileName: path.basename(file), mapping, dryRun: options.dryRun, validOnly: options.validOnly, market: options.market, store: openLedger(config.home).store,
          // Rows read until writing starts, then rows written (reading runs ahead of writing).
          onProgress: (stage, done) => {
            if (stage === "writing") written = done;
            progress?.update(written || done);
          },
        });
        progress?.finish(`${report.rows.toLocaleString("en-US")} rows read`);
        if (json) printJson(report);
        else printReport(report, say);
        if (report.invalid && !options.validOnly) return 1;
      }),
    );

  const exporter = catalog
    .command("export")
    .description("Export the catalogue as CSV or XLSX (formula-safe); re-imports unchanged; the filters select what the list would show")
    .requiredOption("--out <file>", "file to write (.csv or .xlsx)")
    .option("--format <format>", "csv or xlsx (default: from --out)");
  filterOptions(exporter).action((options: FilterOptions & { out: string; format?: string }) =>
    runCommand({}, async ({ db, say }) => {
      const format = options.format ?? (options.out.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv");
      if (format !== "csv" && format !== "xlsx") throw new AppError("VALIDATION_FAILED", `--format must be csv or xlsx, not "${format}"`);
      const tenantId = (await asSystem(db, (tx) => findTenant(tx, tenantSlug()))).id;
      const { headers, rows } = await withTenant(db, tenantId, async (tx) => productExportRows(tx, tenantId, await productFilter(tx, tenantId, options)));
      fs.writeFileSync(options.out, format === "xlsx" ? await toXlsx(headers, rows) : toCsv(headers, rows));
      say(`  ✓ ${rows.length.toLocaleString("en-US")} products written to ${options.out}`);
    }),
  );

  const lister = catalog.command("list").description("List products");
  filterOptions(lister)
    .option("--limit <n>", "how many", "50")
    .option("--json", "print JSON only")
    .action((options: FilterOptions & { limit: string; json?: boolean }) =>
      runCommand({ ...options, quiet: true }, async ({ db, json }) => {
        const tenantId = (await asSystem(db, (tx) => findTenant(tx, tenantSlug()))).id;
        const result = await withTenant(db, tenantId, async (tx) => listProducts(tx, tenantId, { ...(await productFilter(tx, tenantId, options)), limit: Number(options.limit) || 50 }));
        if (json) return printJson(result);
        for (const p of result.products) {
          const codes = p.classifications.map((c) => `${c.market}:${c.nationalCode ?? c.hs6}(${c.status})`).join(" ");
          process.stdout.write(`${p.sku.padEnd(20)} ${(p.titleEn ?? p.titleZh ?? "").slice(0, 50).padEnd(50)} ${codes}\n`);
        }
        process.stdout.write(`${result.products.length} of ${result.total} product(s)\n`);
      }),
    );

  catalog
    .command("show <sku>")
    .description("Show a product with its classifications, certificates and versions")
    .option("--json", "print JSON only")
    .action((sku: string, options: { json?: boolean }) =>
      runCommand({ ...options, quiet: true }, async ({ db, json }) => {
        const tenantId = (await asSystem(db, (tx) => findTenant(tx, tenantSlug()))).id;
        const detail = await withTenant(db, tenantId, (tx) => getProductDetail(tx, tenantId, sku));
        if (json) return printJson(detail);
        const p = detail.product;
        process.stdout.write(`${p.sku} (version ${p.version})  ${p.titleEn ?? ""} ${p.titleZh ?? ""}\n`);
        for (const c of detail.classifications) process.stdout.write(`  ${c.market}: ${c.nationalCode ?? c.hs6} ${c.status} — ${c.rationale ?? ""} (${c.decidedBy})\n`);
        for (const c of detail.certificates as { type: string; number: string; validTo: string | null }[]) process.stdout.write(`  certificate ${c.type} ${c.number} valid to ${c.validTo ?? "—"}\n`);
      }),
    );
}

/** The list's filters as command-line options. */
type FilterOptions = { q?: string; unclassified?: string; certificateExpiring?: string; supplier?: string; tag?: string };

/** Add the list's filters (the console's search and filters) to a command. */
function filterOptions(command: Command): Command {
  return command
    .option("--q <text>", "search SKU and titles")
    .option("--unclassified <market>", "only products with no confirmed code for the market (us, hs, cn)")
    .option("--certificate-expiring <days>", "only products with a certificate expiring within this many days (or expired)")
    .option("--supplier <id-or-name>", "only products of this supplier (its id or English name)")
    .option("--tag <tag>", "only products with this tag");
}

/** The filters the options ask for, checked; the supplier is found by id or name. */
async function productFilter(tx: Queryable, tenantId: string, options: FilterOptions): Promise<ProductFilter> {
  if (options.unclassified !== undefined && !/^[a-z]{2,6}$/.test(options.unclassified)) throw new AppError("VALIDATION_FAILED", `--unclassified must be a market such as us, hs or cn, not "${options.unclassified}"`);
  const days = options.certificateExpiring === undefined ? undefined : Number(options.certificateExpiring);
  if (days !== undefined && !(Number.isInteger(days) && days >= 0 && days <= 3650)) throw new AppError("VALIDATION_FAILED", `--certificate-expiring must be a whole number of days from 0 to 3650, not "${options.certificateExpiring}"`);
  return {
    q: options.q,
    unclassified: options.unclassified,
    certificateExpiringDays: days,
    supplierId: options.supplier === undefined ? undefined : await findSupplierId(tx, tenantId, options.supplier),
    tag: options.tag,
  };
}

function printReport(report: ImportReport, say: (line: string) => void): void {
  say(`  ${report.fileName}: ${report.kind.toUpperCase()}, ${report.encoding}; ${report.rows} rows, ${report.valid} valid, ${report.invalid} invalid`);
  for (const m of report.mapping) say(`    ${m.column.padEnd(28)} → ${m.field ?? "(ignored)"}`);
  for (const e of report.errors.slice(0, 50)) say(`  row ${e.row}, column "${e.column}": ${e.reason} (value "${e.value}") / ${e.reasonZh}`);
  if (report.errorCount > 50) say(`  … ${report.errorCount - 50} more error(s); use --json for all`);
  if (report.committed) {
    say(`  ✓ Imported: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged`);
    say(`  Evidence: import ${report.importId} (clearway ledger timeline --subject import:${report.importId})`);
  }
  else if (report.invalid) say("  ✗ Nothing imported: fix the rows above, or use --valid-only to import the valid rows.");
  else say(`  (dry run) would create ${report.created} and update ${report.updated}`);
}
