import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runClearway, useTestSchema } from "../cli/test-cli.ts";
import { TEST_DATA_DIR, TEST_DB_KINDS } from "../db/test-db.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/catalog");
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), "cw-catalog-cli-"));

const run = (args: string[], env: Record<string, string>) => runClearway(args, env, { cwd: WORK });

/** The SKUs of an exported CSV, in order. */
const skusOf = (file: string) => fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "").trim().split(/\r\n/).slice(1).map((line) => line.split(",")[0]);

describe.each(TEST_DB_KINDS)("clearway catalog on %s", (kind) => {
  const env: Record<string, string> = { CLEARWAY_HOME: fs.mkdtempSync(path.join(os.tmpdir(), "cw-catalog-home-")), CLEARWAY_DATA_DIR: TEST_DATA_DIR };
  let dropSchema: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (kind === "postgres") dropSchema = await useTestSchema(env, "cw_cat");
    expect(run(["import-reference", "--only", "hs2022,hts2026r4,countries,currencies", "--json"], env).code).toBe(0);
    expect(run(["catalog", "import", path.join(FIXTURES, "products-en.csv"), "--json"], env).code).toBe(0);
  });

  afterAll(async () => {
    await dropSchema?.();
  });

  it("exports and lists only what the filters select", () => {
    const out = (name: string) => path.join(WORK, `${kind}-${name}.csv`);
    expect(run(["catalog", "export", "--out", out("all")], env).code).toBe(0);
    expect(skusOf(out("all"))).toEqual(["CW-DR-002", "CW-EB-003", "CW-MG-004", "CW-TS-001"]);
    const tagged = run(["catalog", "export", "--out", out("tag"), "--tag", "battery"], env);
    expect(tagged.code).toBe(0);
    expect(tagged.stderr).toContain("2 products written");
    expect(skusOf(out("tag"))).toEqual(["CW-DR-002", "CW-EB-003"]);
    expect(run(["catalog", "export", "--out", out("supplier"), "--supplier", "shenzhen powertools ltd.", "--q", "earbuds"], env).code).toBe(0);
    expect(skusOf(out("supplier"))).toEqual(["CW-EB-003"]);
    const listed = JSON.parse(run(["catalog", "list", "--supplier", "Hanoi Metalware JSC", "--json"], env).stdout);
    expect(listed.products.map((p: { sku: string }) => p.sku)).toEqual(["CW-MG-004"]);
  });

  it("logs the import once, archives the file, and a product's timeline reaches the import's record", () => {
    const sha256 = createHash("sha256").update(fs.readFileSync(path.join(FIXTURES, "products-en.csv"))).digest("hex");
    expect(fs.existsSync(path.join(env.CLEARWAY_HOME as string, "documents", sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toBe(true);
    const timeline = JSON.parse(run(["ledger", "timeline", "--product", "CW-EB-003", "--json"], env).stdout);
    expect(timeline.entries.map((e: { kind: string }) => e.kind)).toEqual(["catalog.imported"]);
    const [entry] = timeline.entries;
    expect(entry.data).toMatchObject({ file: { name: "products-en.csv", sha256 }, rows: 4, created: 4, classifications: { total: 8, byMarket: { hs: 4, us: 4 } }, document: { sha256 } });
    expect(entry.via).toMatchObject({ subject: { type: "import" }, relation: "imported", detail: { classifications: [{ market: "hs", hs6: "851830" }, { market: "us", nationalCode: "8518302000" }] } });
    const shown = run(["ledger", "timeline", "--subject", `import:${entry.via.subject.id}`], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/catalog\.imported +products-en\.csv \(sha256 [0-9a-f]{16}…\) by cli:\S+ · 4 rows: 4 created, 0 updated, 0 unchanged; 8 codes\n/);
    expect(shown.stdout).toMatch(/audit\.event +catalog\.import by cli:/);
  });

  it("refuses an unknown supplier and a bad number of days with one line", () => {
    const supplier = run(["catalog", "export", "--out", path.join(WORK, "x.csv"), "--supplier", "Nobody Ltd"], env);
    expect(supplier.code).toBe(1);
    expect(supplier.stderr).toMatch(/^clearway: No supplier "Nobody Ltd" in this tenant \(give its id or English name\)\. \[NOT_FOUND\]\n$/);
    const days = run(["catalog", "list", "--certificate-expiring", "soon"], env);
    expect(days.code).toBe(1);
    expect(days.stderr).toMatch(/^clearway: --certificate-expiring must be a whole number of days/);
    expect(fs.existsSync(path.join(WORK, "x.csv"))).toBe(false);
  });
});
