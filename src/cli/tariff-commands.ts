import path from "node:path";
import type { Command } from "commander";
import { AppError } from "../core/errors.ts";
import { fileSha256 } from "../reference/read-csv.ts";
import type { Schedule } from "../tariff/code.ts";
import { importHtsEdition } from "../tariff/import-hts-edition.ts";
import { lookupCode, type TariffNode, type TreeChild } from "../tariff/lookup-code.ts";
import type { ParsedRate } from "../tariff/parse-rate.ts";
import { type SearchResult, searchTariff } from "../tariff/search-tariff.ts";
import { printJson, runCommand } from "./context.ts";

/** `clearway tariff lookup|search|import-edition`. */
export function registerTariffCommands(program: Command): void {
  const tariff = program.command("tariff").description("Look up and search tariff schedules (US HTS, HS)");

  tariff
    .command("lookup <code>")
    .description("Look up a code (dots optional: 8467.21.00, 846721, 84672100)")
    .option("--schedule <schedule>", "us_hts or hs", "us_hts")
    .option("--edition <code>", "edition code (default: the one in force today)")
    .option("--json", "print JSON only")
    .action((code: string, options: { schedule: string; edition?: string; json?: boolean }) =>
      runCommand({ ...options, quiet: true }, async ({ db, json }) => {
        const node = await lookupCode(db, { code, schedule: schedule(options.schedule), edition: options.edition });
        if (json) printJson(node);
        else process.stdout.write(formatNode(node));
      }),
    );

  tariff
    .command("search <text...>")
    .description("Search by text (English or Chinese) or by code prefix, ranked")
    .option("--schedule <schedule>", "us_hts or hs", "us_hts")
    .option("--edition <code>", "edition code (default: the one in force today)")
    .option("--limit <n>", "how many results", "10")
    .option("--json", "print JSON only")
    .action((text: string[], options: { schedule: string; edition?: string; limit: string; json?: boolean }) =>
      runCommand({ ...options, quiet: true }, async ({ db, json }) => {
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new AppError("BAD_REQUEST", `--limit must be a whole number from 1 to 100, not "${options.limit}"`);
        const result = await searchTariff(db, { q: text.join(" "), schedule: schedule(options.schedule), edition: options.edition, limit });
        if (json) printJson(result);
        else process.stdout.write(formatSearch(result));
      }),
    );

  tariff
    .command("import-edition <file>")
    .description("Import a USITC HTS CSV export as a new edition beside the ones loaded")
    .requiredOption("--code <code>", "edition code, e.g. HTS2026R20")
    .requiredOption("--effective-from <date>", "date the edition takes effect (YYYY-MM-DD)")
    .option("--name <name>", "display name")
    .option("--json", "print JSON only")
    .action((file: string, options: { code: string; effectiveFrom: string; name?: string; json?: boolean }) =>
      runCommand(options, async ({ db, json, say }) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(options.effectiveFrom)) throw new AppError("BAD_REQUEST", `--effective-from must be YYYY-MM-DD, not "${options.effectiveFrom}"`);
        const absolute = path.resolve(file);
        const sha256 = fileSha256(absolute);
        const started = Date.now();
        const result = await db.transaction(async (tx) => {
          const imported = await importHtsEdition(tx, absolute, { code: options.code, name: options.name ?? `HTSUS ${options.code}`, effectiveFrom: options.effectiveFrom, sourceFile: path.basename(absolute), sourceSha256: sha256 });
          await tx.query(
            "insert into reference_imports (source, file_name, sha256, rows, edition_id, duration_ms) values ($1, $2, $3, $4, $5, $6)",
            [`edition:${options.code}`, path.basename(absolute), sha256, imported.rows, imported.editionId, Date.now() - started],
          );
          return imported;
        });
        if (json) printJson({ edition: options.code, ...result });
        else say(`  ✓ Edition ${options.code}: ${result.rows.toLocaleString("en-US")} lines, effective ${options.effectiveFrom}`);
      }),
    );
}

function schedule(value: string): Schedule {
  if (value !== "us_hts" && value !== "hs") throw new AppError("BAD_REQUEST", `--schedule must be us_hts or hs, not "${value}"`);
  return value;
}

/** A readable summary of a parsed rate. */
export function describeRate(rate: ParsedRate): string {
  switch (rate.status) {
    case "empty":
      return "—";
    case "free":
      return "free";
    case "unparsed":
      return `unparsed (${rate.reason})`;
    case "parsed":
      return rate.components
        .map((c) => (c.type === "ad_valorem" ? `${c.percent}% ad valorem${c.qualifier ? ` ${c.qualifier}` : ""}` : `$${c.amountUsd} per ${c.perQuantity === "1" ? "" : `${c.perQuantity} `}${c.unit}${c.qualifier ? ` ${c.qualifier}` : ""}`))
        .join(" + ");
  }
}

function formatNode(node: TariffNode): string {
  const lines = [`${node.codeDotted}  ${node.description}`, `  ${node.edition.name}${node.section ? ` · Section ${node.section.section}: ${node.section.name}` : ""}`];
  for (const [i, step] of node.path.entries()) lines.push(`  ${"  ".repeat(i)}${step.codeDotted ?? "·"} ${step.description}`);
  if (node.units.length) lines.push(`  Units of quantity: ${node.units.join(", ")}`);
  if (node.rates) {
    const { general, special, column2 } = node.rates;
    const from = general.inheritedFrom ? ` (from ${general.inheritedFrom})` : "";
    lines.push(`  General: ${general.effectiveRaw || "—"}${from} → ${describeRate(general.parsed)}`);
    lines.push(`  Special: ${special.effectiveRaw || "—"}`);
    lines.push(`  Column 2: ${column2.effectiveRaw || "—"} → ${describeRate(column2.parsed)}`);
  }
  if (node.children.length) {
    lines.push("  Children:");
    const walk = (children: TreeChild[], depth: number) => {
      for (const child of children) {
        lines.push(`    ${"  ".repeat(depth)}${child.codeDotted ?? "·"} ${child.description}${child.general ? `  [${child.general}]` : ""}`);
        if (child.children) walk(child.children, depth + 1);
      }
    };
    walk(node.children, 0);
  }
  return `${lines.join("\n")}\n`;
}

function formatSearch(result: SearchResult): string {
  const lines = [`${result.results.length} result(s) in ${result.edition.name} for "${result.query}"${result.interpretedAs ? ` (interpreted as: ${result.interpretedAs.join(", ")})` : ""}`];
  for (const hit of result.results) {
    lines.push(`  ${hit.codeDotted.padEnd(14)} ${hit.description}${hit.general ? `  [${hit.general}]` : ""}`);
    if (hit.path) lines.push(`  ${"".padEnd(14)} ${hit.path}`);
  }
  return `${lines.join("\n")}\n`;
}
