import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { printJson, runCommand } from "../cli/context.ts";
import { getMapping, parseMapPairs, saveMapping } from "../catalog/mappings.ts";
import { AppError } from "../core/errors.ts";
import { terminalProgress } from "../core/progress.ts";
import type { Db } from "../db/connection.ts";
import { asSystem, DEFAULT_TENANT_ID, withTenant } from "../db/tenant-scope.ts";
import { openLedger } from "../ledger/open-ledger.ts";
import { findTenant } from "../tenancy/tenants.ts";
import { LANES, type Lane } from "./manifest.ts";
import { MANIFEST_MAPPINGS } from "./read-manifest.ts";
import { allFindings, findingsCsv, findingsXlsx, getRun, listFindings, listRuns, type RunRecord } from "./reports.ts";
import { ruleCatalogue } from "./rule-catalogue.ts";
import { reportFinding } from "./routes.ts";
import { rerunScreening, screenFile } from "./run-screening.ts";
import type { ScreenResult } from "./screen-manifest.ts";

type ScreenCliOptions = { lane?: string; json?: boolean; out?: string; map?: string[]; mapping?: string; date?: string; pack?: string };

/** `clearway screen FILE --lane …` and `clearway screenings …` (list, show, export, rerun, rules). */
export function registerScreeningCommands(program: Command): void {
  const tenantSlug = () => (program.opts().tenant as string | undefined) ?? DEFAULT_TENANT_ID;
  const tenantOf = async (db: Db) => (await asSystem(db, (tx) => findTenant(tx, tenantSlug()))).id;

  program
    .command("screen <file>")
    .description("Screen a manifest (CSV, XLSX, JSON, CEB603/CEB621 XML) for a lane; exit 0 when nothing blocks, 2 when something does, 1 on failure")
    .option("--lane <lane>", `one of ${LANES.join(", ")} (CEB XML files imply theirs)`)
    .option("--out <report.json>", "write the full JSON report (run, summary, findings) to this file")
    .option("--map <header=field...>", "map a column to a manifest field (repeatable), e.g. --map '运单号码=waybill_no'")
    .option("--mapping <name>", "a saved manifest mapping (clearway screenings mapping NAME --map …)")
    .option("--date <YYYY-MM-DD>", "screen with the rules in force on this day (default today)")
    .option("--pack <version>", "a rule pack version instead of the one in force")
    .option("--json", "print the report as JSON")
    .action((file: string, options: ScreenCliOptions) =>
      runCommand({ json: options.json }, async ({ db, config, json }) => {
        const lane = options.lane ? readLane(options.lane) : undefined;
        const source = path.resolve(file);
        if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new AppError("BAD_REQUEST", `${file} is not a readable file`);
        const tenantId = await tenantOf(db);
        const saved = options.mapping ? (await withTenant(db, tenantId, (tx) => getMapping(tx, tenantId, options.mapping as string, MANIFEST_MAPPINGS))).mapping : {};
        const mapping = { ...saved, ...parseMapPairs(options.map ?? []) };
        const progress = json ? undefined : terminalProgress();
        let started = false;
        const result = await screenFile(db, source, path.basename(source), {
          tenantId,
          lane,
          mapping,
          date: options.date,
          packVersion: options.pack,
          createdBy: `cli:${process.env.USER ?? "operator"}`,
          store: openLedger(config.home).store,
          onProgress: (p) => {
            if (!progress) return;
            if (!started) progress.start(`Screening ${path.basename(source)}`, p.totalBytes || undefined);
            started = true;
            progress.update(p.totalBytes ? p.bytes : p.lines);
            if (p.phase === "done") progress.finish(`${p.lines.toLocaleString("en-US")} lines`);
          },
        });
        return report(db, tenantId, result, { json, out: options.out });
      }),
    );

  const screenings = program.command("screenings").description("Screening runs of --tenant: list, show, export, re-run; the rule catalogue");

  screenings
    .command("list")
    .description("Recent screening runs")
    .option("--limit <n>", "how many", "20")
    .option("--json", "print JSON")
    .action((options: { limit: string; json?: boolean }) =>
      runCommand({ json: options.json, quiet: true }, async ({ db, json }) => {
        const tenantId = await tenantOf(db);
        const { runs, total } = await withTenant(db, tenantId, (tx) => listRuns(tx, tenantId, { limit: Number(options.limit) || 20 }));
        if (json) return printJson({ total, runs });
        if (!runs.length) return void process.stdout.write("No screening runs yet.\n");
        for (const r of runs) process.stdout.write(`${r.id}  ${r.status.padEnd(7)} ${r.lane.padEnd(10)} ${String(r.summary?.lines ?? r.progress.lines).padStart(9)} lines  ${String(r.summary?.blockedOrders ?? "-").padStart(7)} blocked  ${r.sourceName}\n`);
      }),
    );

  screenings
    .command("show <run>")
    .description("A run's summary and its blocking findings")
    .option("--json", "print the full report as JSON")
    .action((runId: string, options: { json?: boolean }) =>
      runCommand({ json: options.json, quiet: true }, async ({ db, json }) => {
        const tenantId = await tenantOf(db);
        const run = await withTenant(db, tenantId, (tx) => getRun(tx, tenantId, runId));
        if (run.status !== "done") {
          if (json) return printJson({ run });
          process.stdout.write(`${run.id}: ${run.status}${run.error ? ` — ${run.error}` : ""} (${run.progress.lines.toLocaleString("en-US")} lines so far)\n`);
          return;
        }
        return report(db, tenantId, { runId: run.id, packId: run.packId, lane: run.lane as Lane, date: run.date, summary: run.summary as NonNullable<RunRecord["summary"]> }, { json });
      }),
    );

  screenings
    .command("export <run>")
    .description("Write a run's findings as JSON, CSV or XLSX")
    .requiredOption("--out <file>", "where to write")
    .option("--format <format>", "json, csv or xlsx (default: from --out's extension)")
    .action((runId: string, options: { out: string; format?: string }) =>
      runCommand({ quiet: true }, async ({ db }) => {
        const tenantId = await tenantOf(db);
        const format = options.format ?? path.extname(options.out).slice(1).toLowerCase();
        if (!["json", "csv", "xlsx"].includes(format)) throw new AppError("BAD_REQUEST", "--format must be json, csv or xlsx");
        const run = await withTenant(db, tenantId, (tx) => getRun(tx, tenantId, runId));
        await writeReport(db, tenantId, run, format as "json" | "csv" | "xlsx", options.out);
        process.stderr.write(`  ✓ ${run.summary?.findings.total ?? 0} findings written to ${options.out}\n`);
      }),
    );

  screenings
    .command("rerun <run>")
    .description("Screen a run again (with any edits made in the console) against today's catalogue")
    .option("--json", "print the report as JSON")
    .action((runId: string, options: { json?: boolean }) =>
      runCommand({ json: options.json }, async ({ db, config, json }) => {
        const tenantId = await tenantOf(db);
        const result = await rerunScreening(db, runId, { tenantId, createdBy: `cli:${process.env.USER ?? "operator"}`, store: openLedger(config.home).store });
        return report(db, tenantId, result, { json });
      }),
    );

  screenings
    .command("mapping <name>")
    .description("Save a manifest column mapping under a name (use it with clearway screen --mapping NAME)")
    .requiredOption("--map <header=field...>", "a column and the manifest field it fills (repeatable); field '' ignores the column")
    .option("--json", "print JSON")
    .action((name: string, options: { map: string[]; json?: boolean }) =>
      runCommand({ json: options.json, quiet: true }, async ({ db, json }) => {
        const tenantId = await tenantOf(db);
        const saved = await withTenant(db, tenantId, (tx) => saveMapping(tx, tenantId, name, parseMapPairs(options.map), MANIFEST_MAPPINGS));
        if (json) return printJson(saved);
        process.stdout.write(`Saved manifest mapping "${saved.name}" (${Object.keys(saved.mapping).length} columns).\n`);
      }),
    );

  screenings
    .command("rules")
    .description("The rule catalogue: every rule's code, severity, scope, what it checks and its source")
    .option("--lane <lane>", "only the rules of this lane's packs")
    .option("--json", "print JSON")
    .action((options: { lane?: string; json?: boolean }) =>
      runCommand({ json: options.json, quiet: true }, async ({ json }) => {
        const rules = ruleCatalogue(options.lane ? readLane(options.lane) : undefined);
        if (json) return printJson({ rules });
        for (const r of rules) process.stdout.write(`${r.code.padEnd(32)} ${r.severity.padEnd(5)} ${r.scope.padEnd(8)} ${r.title} — ${r.titleZh}\n${" ".repeat(48)}${r.lanes.join(", ")}\n`);
      }),
    );
}

function readLane(value: string): Lane {
  if ((LANES as readonly string[]).includes(value)) return value as Lane;
  throw new AppError("BAD_REQUEST", `--lane must be one of ${LANES.join(", ")}`);
}

/** Print (or write) a run's report; the exit code says whether anything blocks. */
async function report(db: Db, tenantId: string, result: ScreenResult, options: { json: boolean; out?: string }): Promise<number> {
  const run = await withTenant(db, tenantId, (tx) => getRun(tx, tenantId, result.runId));
  if (options.out) await writeReport(db, tenantId, run, "json", options.out);
  const s = result.summary;
  if (options.json) {
    const findings = await withTenant(db, tenantId, async (tx) => {
      const out = [];
      for await (const page of allFindings(tx, tenantId, run.id)) out.push(...page.map(reportFinding));
      return out;
    });
    printJson({ run, summary: s, findings });
  } else {
    const w = (line: string) => process.stdout.write(`${line}\n`);
    w(`Run ${run.id} · ${run.lane} · pack ${run.packId} · ${run.sourceName}`);
    w(`  lines ${s.lines.toLocaleString("en-US")} · orders ${s.orders.toLocaleString("en-US")} · blocked orders ${s.blockedOrders.toLocaleString("en-US")} · ready to declare ${s.readyOrders.toLocaleString("en-US")}`);
    w(`  findings ${s.findings.total} (block ${s.findings.block}, warn ${s.findings.warn}, info ${s.findings.info}) · ${s.linesPerSecond.toLocaleString("en-US")} lines/s`);
    if (s.byCode.length) {
      w("");
      w(`  ${"code".padEnd(34)} ${"severity".padEnd(8)} count`);
      for (const c of s.byCode) w(`  ${c.code.padEnd(34)} ${c.severity.padEnd(8)} ${c.count}`);
      const { findings } = await withTenant(db, tenantId, (tx) => listFindings(tx, tenantId, run.id, { severity: "block", limit: 10 }));
      if (findings.length) {
        w("");
        w("  First blocking findings:");
        for (const f of findings) w(`  row ${f.line} · ${f.orderNo || "-"} · ${f.code} · ${f.message}\n      → ${f.hint}`);
      }
    }
    if (result.evidence) w(`\n  Evidence: report ${result.evidence.reportSha256.slice(0, 16)}… archived and logged as ledger entry #${result.evidence.seq} (clearway evidence export --seq ${result.evidence.seq} --out bundle.json)`);
    if (options.out) w(`\n  Report written to ${options.out}`);
  }
  return s.findings.block > 0 ? 2 : 0;
}

/** Write a run's report to a file: beside it first, renamed when complete, so a failure never leaves a half-written report. */
async function writeReport(db: Db, tenantId: string, run: RunRecord, format: "json" | "csv" | "xlsx", out: string): Promise<void> {
  const target = path.resolve(out);
  const partial = `${target}.partial`;
  try {
    await withTenant(db, tenantId, async (tx) => {
      if (format === "xlsx") return fs.writeFileSync(partial, await findingsXlsx(run, allFindings(tx, tenantId, run.id)));
      const file = fs.createWriteStream(partial);
      const write = async (text: string) => {
        if (!file.write(text)) await once(file, "drain");
      };
      if (format === "csv") {
        for await (const part of findingsCsv(allFindings(tx, tenantId, run.id))) await write(part);
      } else {
        await write(`{"run":${JSON.stringify(run)},"summary":${JSON.stringify(run.summary)},"findings":[`);
        let first = true;
        for await (const page of allFindings(tx, tenantId, run.id)) {
          await write(page.map((f) => `${first ? ((first = false), "") : ","}\n${JSON.stringify(reportFinding(f))}`).join(""));
        }
        await write("\n]}\n");
      }
      await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
    });
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
