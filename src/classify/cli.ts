import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { printJson, runCommand } from "../cli/context.ts";
import { AppError } from "../core/errors.ts";
import { terminalProgress } from "../core/progress.ts";
import type { Db } from "../db/connection.ts";
import { asSystem, DEFAULT_TENANT_ID } from "../db/tenant-scope.ts";
import { cliPrincipal } from "../tenancy/principal.ts";
import { findTenant } from "../tenancy/tenants.ts";
import { classifyBatch, readAttributesJson } from "./classify-batch.ts";
import { classifyForTenant, type TenantClassification, type TenantContext, tenantContext } from "./classify-for-tenant.ts";
import type { Classification, Market } from "./classify-product.ts";
import { registerReviewQueueCommands } from "./queue-cli.ts";
import type { ProductInput } from "./read-product-query.ts";

/** Files above this size are classified in worker processes (each builds its own index first, ~2–3 s). */
const PARALLEL_FROM_BYTES = 4 * 1024 * 1024;

type ClassifyCliOptions = {
  file?: string;
  out?: string;
  market?: string;
  top: string;
  json?: boolean;
  queue?: boolean;
  product?: string;
  category?: string;
  attributes?: string;
  price?: string;
  currency?: string;
};

/**
 * `clearway classify "TEXT"` for one product, `clearway classify --file in.csv --out out.jsonl` for a batch, with the
 * tenant's precedents and review threshold; `classify queue …` for the review queue.
 */
export function registerClassifyCommands(program: Command): void {
  const tenantId = async (db: Db) => (await asSystem(db, (tx) => findTenant(tx, (program.opts().tenant as string | undefined) ?? DEFAULT_TENANT_ID))).id;
  // No default for --market here: the queue subcommands read it as a filter through the parent (see queue-cli.ts).
  const classify = program
    .command("classify [text...]")
    .description("Classify a product (English or Chinese) into HTS/HS codes, or a CSV of products into JSONL; `classify queue --help` for the review queue")
    .option("--file <csv>", "CSV with columns id,title (and optional description,category,attributes,price,currency)")
    .option("--out <jsonl>", "where to write one JSON line per row (default: stdout)")
    .option("--market <market>", "us (HTS 10-digit, the default) or hs (HS 6-digit)")
    .option("--top <n>", "how many candidates per product", "3")
    .option("--product <sku>", "classify this catalogue product (its text unless TEXT is given); a review decision is written to it")
    .option("--queue", "put the item in the review queue when the engine abstains (below the tenant's threshold)")
    .option("--category <path>", 'the marketplace category path, e.g. "Jewelry & Accessories > Earrings"')
    .option("--attributes <json>", 'item specifics as a JSON object, e.g. \'{"Material":"Zinc Alloy","Item Type":"Earrings"}\'')
    .option("--price <amount>", "unit price; in USD it decides US lines split by value (with --currency, default USD)")
    .option("--currency <code>", "currency of --price (ISO 4217)")
    .option("--json", "print JSON only")
    .action((text: string[], options: ClassifyCliOptions) =>
      runCommand({ json: options.json, quiet: true }, async ({ db, json }) => {
        const market = readMarket(options.market ?? "us");
        const top = readTop(options.top);
        const words = text.join(" ").trim();
        if (words && options.file) throw new AppError("BAD_REQUEST", "give either TEXT or --file, not both");
        if (!words && !options.file && !options.product)
          throw new AppError("BAD_REQUEST", 'nothing to classify: give TEXT (clearway classify "cordless drill"), --product SKU or --file in.csv');
        if (!options.file && options.out) throw new AppError("BAD_REQUEST", "--out needs --file");
        if (options.file && (options.queue || options.product)) throw new AppError("BAD_REQUEST", "--queue and --product classify one item; they do not go with --file");
        if (options.file && (options.category || options.attributes || options.price))
          throw new AppError("BAD_REQUEST", "--category, --attributes and --price describe one item; a CSV has them as columns");
        const tenant = await tenantId(db);
        if (options.file) return classifyFile(await tenantContext(db, tenant, market), options.file, options.out, { market, top, quiet: json });
        const result = await classifyForTenant(db, cliPrincipal(tenant), {
          input: { ...(words ? { title: words } : {}), ...describedBy(options) },
          productId: options.product,
          market,
          top,
          queue: options.queue ? "abstain" : undefined,
          source: "cli",
        });
        if (json) printJson(result);
        else process.stdout.write(formatTenantClassification(words || result.product?.sku || "", result));
      }),
    );
  registerReviewQueueCommands(classify, tenantId);
}

/** The category, item specifics and price given on the command line, checked. */
function describedBy(options: ClassifyCliOptions): Pick<ProductInput, "category" | "attributes" | "price" | "currency"> {
  const described: Pick<ProductInput, "category" | "attributes" | "price" | "currency"> = {};
  if (options.category?.trim()) described.category = options.category.trim();
  if (options.attributes) {
    const read = readAttributesJson(options.attributes);
    if ("reason" in read) throw new AppError("BAD_REQUEST", `--attributes ${read.reason}`);
    described.attributes = read.attributes;
  }
  if (options.price !== undefined) {
    const price = Number(options.price);
    if (!Number.isFinite(price) || price <= 0) throw new AppError("BAD_REQUEST", `--price must be a positive number, not "${options.price}"`);
    described.price = price;
    const currency = (options.currency ?? "USD").trim();
    if (!/^[A-Za-z]{3}$/.test(currency)) throw new AppError("BAD_REQUEST", `--currency must be a three-letter code such as USD, not "${currency}"`);
    described.currency = currency.toUpperCase();
  } else if (options.currency) throw new AppError("BAD_REQUEST", "--currency goes with --price");
  return described;
}

/** The answer as a person reads it, with the product and the review item when there are. */
function formatTenantClassification(text: string, result: TenantClassification): string {
  let out = formatClassification(text, result);
  if (result.review) out += `  → ${result.reviewCreated ? "queued for review" : "already in the review queue"}: ${result.review.id}\n`;
  return out;
}

async function classifyFile(context: TenantContext, file: string, out: string | undefined, options: { market: Market; top: number; quiet: boolean }): Promise<void> {
  const source = path.resolve(file);
  let size: number;
  try {
    size = fs.statSync(source).size;
  } catch {
    throw new AppError("BAD_REQUEST", `--file ${file} cannot be read`);
  }
  // Write beside the target and rename at the end, so a failed run never leaves a half-written file that looks complete.
  const target = out ? path.resolve(out) : undefined;
  const partial = target ? `${target}.partial` : undefined;
  const file_ = partial ? fs.createWriteStream(partial) : undefined;
  let writeError: Error | undefined;
  file_?.on("error", (error) => {
    writeError ??= error;
  });
  const output = file_ ?? process.stdout;
  // The bar starts with the first progress report, so a file rejected on its first rows prints only the reason.
  const progress = options.quiet || !target ? undefined : terminalProgress();
  let started = false;
  const onProgress = (p: { bytes: number }) => {
    if (!progress) return;
    if (!started) progress.start(`Classifying ${path.basename(source)}`, size);
    started = true;
    progress.update(p.bytes);
  };
  try {
    const { rows } = await classifyBatch(context.index, fs.createReadStream(source), output, {
      market: options.market,
      top: options.top,
      precedents: context.precedents,
      abstainBelow: context.abstainBelow,
      processes: size > PARALLEL_FROM_BYTES ? Math.min(os.availableParallelism(), 4) : 1,
      onProgress,
    });
    if (file_ && partial && target) {
      await new Promise<void>((resolve, reject) => file_.end((error?: Error | null) => (error || writeError ? reject(error ?? writeError) : resolve())));
      fs.renameSync(partial, target);
    }
    if (progress && !started) progress.start(`Classifying ${path.basename(source)}`, size);
    progress?.finish(`${rows.toLocaleString("en-US")} rows → ${target ?? "stdout"}`);
  } catch (error) {
    if (file_ && partial) {
      file_.destroy();
      fs.rmSync(partial, { force: true });
    }
    throw writeError && !(error instanceof AppError) ? new AppError("BAD_REQUEST", `--out ${out} cannot be written: ${writeError.message}`) : error;
  }
}

function readMarket(value: string): Market {
  if (value !== "us" && value !== "hs") throw new AppError("BAD_REQUEST", `--market must be us or hs, not "${value}"`);
  return value;
}

function readTop(value: string): number {
  const top = Number(value);
  if (!Number.isInteger(top) || top < 1 || top > 10) throw new AppError("BAD_REQUEST", `--top must be a whole number from 1 to 10, not "${value}"`);
  return top;
}

/** The answer as a person reads it: each candidate with its confidence, path and reasons. */
export function formatClassification(text: string, result: Classification): string {
  const lines = [`Classification of "${text}" (${result.market === "us" ? "US HTS" : "HS"})${result.abstain ? " — low confidence, needs review" : ""}`];
  for (const [i, c] of result.candidates.entries()) {
    lines.push(`  ${i + 1}. ${c.codeDotted.padEnd(14)} ${(c.confidence * 100).toFixed(0).padStart(3)}%  ${c.description}`);
    lines.push(`     ${c.explanation.path.map((p) => p.code).join(" › ")}`);
    if (c.explanation.matchedTerms.length) lines.push(`     matched: ${c.explanation.matchedTerms.slice(0, 6).join(", ")}`);
    for (const f of c.explanation.families.slice(0, 2)) lines.push(`     product family: ${f.id} ("${f.matched}")`);
    for (const r of c.explanation.rules.filter((r) => r.effect > 0).slice(0, 2)) lines.push(`     rule: ${r.explain} [${r.source}]`);
  }
  return `${lines.join("\n")}\n`;
}
