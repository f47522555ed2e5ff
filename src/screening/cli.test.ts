import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runClearway, useTestSchema } from "../cli/test-cli.ts";
import { TEST_DATA_DIR, TEST_DB_KINDS } from "../db/test-db.ts";
import { WORKER_MIN_BYTES } from "./run-screening.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), "cw-screen-cli-"));

const run = (args: string[], env: Record<string, string>) => runClearway(args, env, { cwd: WORK });

describe.each(TEST_DB_KINDS)("clearway screen on %s", (kind) => {
  const env: Record<string, string> = { CLEARWAY_HOME: fs.mkdtempSync(path.join(os.tmpdir(), "cw-screen-home-")), CLEARWAY_DATA_DIR: TEST_DATA_DIR };
  let dropSchema: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (kind === "postgres") dropSchema = await useTestSchema(env, "cw_scr");
    expect(run(["import-reference", "--only", "hs2022,hts2026r4,countries,currencies,locations", "--json"], env).code).toBe(0);
    expect(run(["catalog", "import", path.join(ROOT, "examples/catalog/products.csv"), "--json"], env).code).toBe(0);
  });

  afterAll(async () => {
    await dropSchema?.();
  });

  it("prints a summary table and exits 2 when something blocks, writing the JSON report with --out", () => {
    const out = path.join(WORK, `report-${kind}.json`);
    const result = run(["screen", path.join(ROOT, "examples/manifests/us-import.csv"), "--lane", "us-import", "--date", "2026-11-21", "--out", out], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/lines 21 · orders 17 · blocked orders \d+ · ready to declare \d+/);
    expect(result.stdout).toMatch(/CONTAINER\.CHECK_DIGIT\s+block\s+3/);
    const report = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(report.summary).toMatchObject({ lines: 21, orders: 17 });
    expect(report.findings[0]).toHaveProperty("message_zh");
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  });

  it("exits 0 when nothing blocks, and prints JSON with --json", () => {
    const clean = path.join(WORK, "clean.csv");
    fs.writeFileSync(clean, "order_no,waybill_no,consignor_name,consignee_country,sku,title,hs_code,qty,unit,unit_value,line_total,currency,net_weight_kg,gross_weight_kg\nE-1,YT1,深圳蓝海贸易有限公司,US,BP-NYL-22L,尼龙双肩背包,4202920000,2,件,7.10,14.20,USD,0.96,1.04\n");
    const result = run(["screen", clean, "--lane", "cn-export", "--date", "2026-11-21", "--json"], env);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toMatchObject({ lines: 1, orders: 1, blockedOrders: 0, readyOrders: 1, findings: { block: 0 } });
  });

  it("screens a file over the worker threshold in a worker thread of the real binary", () => {
    const big = path.join(WORK, `big-${kind}.csv`);
    const rows = ["order_no,waybill_no,consignor_name,consignee_country,sku,title,hs_code,qty,unit,unit_value,line_total,currency,net_weight_kg,gross_weight_kg"];
    for (let i = 0; i < 60_000; i++) rows.push(`E-${Math.floor(i / 2)},YT${Math.floor(i / 2)},深圳蓝海贸易有限公司,US,BP-NYL-22L,尼龙双肩背包,4202920000,${1 + (i % 2)},件,7.10,${(7.1 * (1 + (i % 2))).toFixed(2)},USD,0.96,${i % 1000 ? "1.04" : "0.50"}`);
    fs.writeFileSync(big, `${rows.join("\n")}\n`);
    expect(fs.statSync(big).size).toBeGreaterThan(WORKER_MIN_BYTES);
    const result = run(["screen", big, "--lane", "cn-export", "--date", "2026-11-21", "--json"], env);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).summary).toMatchObject({ lines: 60_000, orders: 30_000, findings: { total: 60, block: 60 } });
  });

  it("fails with one line and exit 1 on a file it cannot read, and lists, exports and describes runs", () => {
    const pdf = path.join(WORK, "scan.pdf");
    fs.writeFileSync(pdf, "%PDF-1.4\n");
    const bad = run(["screen", pdf, "--lane", "us-import"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/is a PDF document/);
    const wrongLane = run(["screen", path.join(ROOT, "examples/manifests/cn-export-ceb603.xml"), "--lane", "cn-import"], env);
    expect(wrongLane.code).toBe(1);
    expect(wrongLane.stderr).toMatch(/CEB603 export inventory; screen it with lane cn-export/);
    const list = JSON.parse(run(["screenings", "list", "--json"], env).stdout);
    expect(list.total).toBeGreaterThanOrEqual(2);
    const csv = path.join(WORK, `findings-${kind}.csv`);
    expect(run(["screenings", "export", list.runs.at(-1).id, "--out", csv], env).code).toBe(0);
    expect(fs.readFileSync(csv, "utf8")).toMatch(/^\uFEFFseverity,code,order_no,line,field,/);
    const rules = JSON.parse(run(["screenings", "rules", "--lane", "cn-import", "--json"], env).stdout);
    expect(rules.rules.map((r: { code: string }) => r.code)).toContain("CN_IMPORT.THREE_DOC_MISMATCH");
    expect(run(["screen", "--help"], env).stdout.replace(/\s+/g, " ")).toMatch(/exit 0 when nothing blocks, 2 when something does/);
  });
});
