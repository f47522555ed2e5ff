import type { Command } from "commander";
import { printJson, runCommand } from "../cli/context.ts";
import { AppError } from "../core/errors.ts";
import type { Db } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import { formatCode } from "../tariff/code.ts";
import { cliPrincipal } from "../tenancy/principal.ts";
import { CATALOG_RUN_LIMIT, classifyCatalog } from "./classify-for-tenant.ts";
import {
  decideReview,
  getReview,
  listReviews,
  REVIEW_STATUSES,
  type ReviewAction,
  type ReviewItem,
  type ReviewStatus,
  reviewThreshold,
  setReviewThreshold,
} from "./review-queue.ts";

/**
 * Options as the subcommand sees them: `classify` parses --market and --json itself wherever they stand (commander gives
 * a parent's options to the parent), so they are read through optsWithGlobals.
 */
type QueueOptions = { market?: string; json?: boolean; status?: string; limit?: string; offset?: string; code?: string; reason?: string };
const optionsOf = (command: Command) => command.optsWithGlobals() as QueueOptions;

/** `clearway classify queue list|show|confirm|correct|dismiss|threshold` and `clearway classify catalog`. */
export function registerReviewQueueCommands(classify: Command, tenantOf: (db: Db) => Promise<string>): void {
  const queue = classify.command("queue").description("The review queue: items the classifier abstained on, or sent to review, waiting for a reviewer");

  queue
    .command("list")
    .description("List review items, newest first (open ones unless --status says otherwise)")
    .option("--status <status>", `${REVIEW_STATUSES.join(", ")} or all`, "open")
    .option("--market <market>", "only us or hs items")
    .option("--limit <n>", "how many", "50")
    .option("--offset <n>", "skip this many", "0")
    .option("--json", "print JSON only")
    .action((_options: QueueOptions, command: Command) => {
      const options = optionsOf(command);
      return runCommand({ json: options.json, quiet: true }, async ({ db, json }) => {
        const status = readStatus(options.status ?? "open");
        const market = options.market === undefined ? undefined : readMarket(options.market);
        const limit = readCount("--limit", options.limit ?? "50", 1, 500);
        const offset = readCount("--offset", options.offset ?? "0", 0, Number.MAX_SAFE_INTEGER);
        const tenantId = await tenantOf(db);
        const result = await withTenant(db, tenantId, (tx) => listReviews(tx, tenantId, { status, market, limit, offset }));
        if (json) return printJson(result);
        for (const item of result.items) process.stdout.write(`${listLine(item)}\n`);
        process.stdout.write(`${result.items.length} of ${result.total} item(s)\n`);
      });
    });

  queue
    .command("show <id>")
    .description("Show a review item: the input, the candidates shown with their reasons, and the decision")
    .option("--json", "print JSON only")
    .action((id: string, _options: QueueOptions, command: Command) => {
      const options = optionsOf(command);
      return runCommand({ json: options.json, quiet: true }, async ({ db, json }) => {
        const tenantId = await tenantOf(db);
        const item = await withTenant(db, tenantId, (tx) => getReview(tx, tenantId, id));
        if (json) return printJson({ item });
        process.stdout.write(formatItem(item));
      });
    });

  decisionCommand(queue, tenantOf, "confirm", "Confirm the top candidate (or --code one of the others); writes it to the product and makes it a precedent");
  decisionCommand(queue, tenantOf, "correct", "Correct to another code (checked against the market's schedule); writes it to the product and makes it a precedent");
  decisionCommand(queue, tenantOf, "dismiss", "Dismiss the item (nothing is written to the product, no precedent)");

  queue
    .command("threshold [value]")
    .description("Show or set the tenant's review threshold: below this top-1 confidence (0 to 1) the classifier abstains and --queue items go to review")
    .option("--json", "print JSON only")
    .action((value: string | undefined, _options: QueueOptions, command: Command) => {
      const options = optionsOf(command);
      return runCommand({ json: options.json, quiet: true }, async ({ db, json }) => {
        const tenantId = await tenantOf(db);
        const reviewBelow =
          value === undefined
            ? await withTenant(db, tenantId, (tx) => reviewThreshold(tx, tenantId))
            : await withTenant(db, tenantId, (tx) => setReviewThreshold(tx, cliPrincipal(tenantId), readThreshold(value)));
        if (json) return printJson({ reviewBelow });
        process.stdout.write(`Review threshold: ${reviewBelow}${value === undefined ? "" : " (saved)"}\n`);
      });
    });

  classify
    .command("catalog")
    .description("Classify the catalogue's products with no code for the market yet: confident answers become suggestions, abstentions go to the review queue")
    .option("--market <market>", "us (the default) or hs")
    .option("--limit <n>", `how many products at most (up to ${CATALOG_RUN_LIMIT})`, "100")
    .option("--json", "print JSON only")
    .action((_options: QueueOptions, command: Command) => {
      const options = optionsOf(command);
      return runCommand({ json: options.json, quiet: true }, async ({ db, json }) => {
        const market = readMarket(options.market ?? "us");
        const limit = readCount("--limit", options.limit ?? "100", 1, CATALOG_RUN_LIMIT);
        const result = await classifyCatalog(db, cliPrincipal(await tenantOf(db)), { market, limit });
        if (json) return printJson(result);
        for (const row of result.results) {
          const code = row.code ? formatCode(row.code, market === "hs" ? "hs" : "us_hts") : "—";
          process.stdout.write(
            `${row.sku.padEnd(20)} ${code.padEnd(14)} ${pct(row.confidence).padStart(4)}  ${row.outcome === "queued" ? `queued ${row.reviewId}` : "suggested"}\n`,
          );
        }
        process.stdout.write(`${result.classified} classified: ${result.suggested} suggested, ${result.queued} queued for review\n`);
      });
    });
}

/** One decision subcommand: confirm, correct or dismiss ID with --reason (and --code). */
function decisionCommand(queue: Command, tenantOf: (db: Db) => Promise<string>, action: ReviewAction, description: string): void {
  const command = queue.command(`${action} <id>`).description(description);
  if (action === "correct") command.option("--code <code>", "the right code: 10-digit HTS for us items, HS6 for hs items");
  if (action === "confirm") command.option("--code <code>", "which candidate to confirm (default the top one)");
  command
    .option("--reason <text>", "why (required)")
    .option("--json", "print JSON only")
    .action((id: string, _options: QueueOptions, cmd: Command) => {
      const options = optionsOf(cmd);
      return runCommand({ json: options.json, quiet: true }, async ({ db, json }) => {
        if (!options.reason?.trim()) throw new AppError("VALIDATION_FAILED", `--reason is required: say why you ${action} this item`);
        if (action === "correct" && !options.code?.trim()) throw new AppError("VALIDATION_FAILED", "--code is required: give the correct code");
        const principal = cliPrincipal(await tenantOf(db));
        const result = await withTenant(db, principal.tenantId, (tx) => decideReview(tx, principal, id, { action, code: options.code, reason: options.reason as string }));
        if (json) return printJson(result);
        const { item } = result;
        const code = item.finalCode ? ` ${formatCode(item.finalCode, item.market === "hs" ? "hs" : "us_hts")}` : "";
        const product = item.productSku ? `; written to product ${item.productSku}` : "";
        const precedent = item.finalCode ? "; used as a precedent from now on" : "";
        process.stdout.write(`✓ ${item.id} ${item.status}${code}${product}${precedent}\n`);
      });
    });
}

function listLine(item: ReviewItem): string {
  const top = item.candidates[0];
  const text = (item.input.title ?? item.input.description ?? "").replace(/\s+/g, " ").slice(0, 50);
  const shown = top ? `${top.codeDotted} ${pct(top.confidence)}` : "no candidate";
  const decided = item.finalCode ? ` → ${formatCode(item.finalCode, item.market === "hs" ? "hs" : "us_hts")}` : "";
  return `${item.id}  ${item.status.padEnd(9)} ${item.market}  ${text.padEnd(50)}  ${shown}${decided}${item.productSku ? `  [${item.productSku}]` : ""}`;
}

function formatItem(item: ReviewItem): string {
  const lines = [
    `${item.id} · ${item.status} · ${item.market === "us" ? "US HTS" : "HS"} · from ${item.source} by ${item.createdBy ?? "—"} at ${new Date(item.createdAt).toISOString()}`,
    `  title: ${item.input.title ?? "—"}`,
  ];
  if (item.input.description) lines.push(`  description: ${item.input.description.slice(0, 300)}`);
  if (item.productSku) lines.push(`  product: ${item.productSku}`);
  lines.push(`  confidence shown: ${pct(item.confidence)}`);
  for (const [i, c] of item.candidates.entries()) {
    lines.push(`  ${i + 1}. ${c.codeDotted.padEnd(14)} ${pct(c.confidence).padStart(4)}  ${c.description}`);
    if (c.explanation?.matchedTerms.length) lines.push(`     matched: ${c.explanation.matchedTerms.slice(0, 6).join(", ")}`);
    for (const p of c.explanation?.precedents.slice(0, 1) ?? []) lines.push(`     precedent: ${p.code} ("${p.text}", similarity ${p.similarity})`);
  }
  if (item.status !== "open")
    lines.push(
      `  decision: ${item.status}${item.finalCode ? ` ${item.finalCode}` : ""} by ${item.decidedBy} at ${new Date(item.decidedAt as string).toISOString()} — ${item.reason}`,
    );
  return `${lines.join("\n")}\n`;
}

const pct = (value: number) => `${Math.round(value * 100)}%`;

function readStatus(value: string): ReviewStatus | "all" {
  if (value === "all" || (REVIEW_STATUSES as readonly string[]).includes(value)) return value as ReviewStatus | "all";
  throw new AppError("BAD_REQUEST", `--status must be one of ${REVIEW_STATUSES.join(", ")}, all; not "${value}"`);
}

function readMarket(value: string): "us" | "hs" {
  if (value !== "us" && value !== "hs") throw new AppError("BAD_REQUEST", `--market must be us or hs, not "${value}"`);
  return value;
}

function readCount(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new AppError("BAD_REQUEST", `${flag} must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? " up" : ` to ${max}`}, not "${value}"`);
  return n;
}

function readThreshold(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) throw new AppError("BAD_REQUEST", `the threshold must be a number from 0 to 1, not "${value}"`);
  return n;
}
