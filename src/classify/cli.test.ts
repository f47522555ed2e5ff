import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runClearway, useTestSchema } from "../cli/test-cli.ts";
import { TEST_DATA_DIR, TEST_DB_KINDS } from "../db/test-db.ts";

const WORK = fs.mkdtempSync(path.join(os.tmpdir(), "cw-classify-cli-"));

const run = (args: string[], env: Record<string, string>) => runClearway(args, env, { cwd: WORK, timeout: 180_000 });

describe.each(TEST_DB_KINDS)("clearway classify on %s", (kind) => {
  const env: Record<string, string> = { CLEARWAY_HOME: fs.mkdtempSync(path.join(os.tmpdir(), "cw-classify-home-")), CLEARWAY_DATA_DIR: TEST_DATA_DIR };
  let dropSchema: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (kind === "postgres") dropSchema = await useTestSchema(env, "cw_cls");
    const imported = run(["import-reference", "--only", "hs2022,hts2026r4", "--json"], env);
    expect(imported.code).toBe(0);
  });

  afterAll(async () => {
    await dropSchema?.();
  });

  it("classifies one product, as JSON or for a person to read", () => {
    const json = run(["classify", "cordless", "drill", "driver", "--json"], env);
    expect(json.stderr).toBe("");
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.candidates[0]).toMatchObject({ hs6: "846721" });
    expect(result.candidates).toHaveLength(3);
    const text = run(["classify", "蓝牙耳机", "--market", "hs", "--top", "2"], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Classification of "蓝牙耳机" \(HS\)/);
    expect(text.stdout).toMatch(/1\. 8518\.30 /);
  });

  it("reads a category, item specifics and a price given on the command line", () => {
    const attributes = JSON.stringify({ "Brand Name": "NoEnName_Null", Origin: "Mainland China", "Item Type": "Earrings", "Metals Type": "Zinc Alloy" });
    const json = run(["classify", "2024 New Fashion Geometric Gift For Women", "--attributes", attributes, "--category", "Jewelry & Accessories > Fashion Jewelry", "--json"], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).candidates[0].hs6).toBe("711719");
    const shoes = run(["classify", "Mens Running Shoes Breathable Mesh Upper Rubber Sole Sneakers", "--price", "29.99", "--json"], env);
    expect(JSON.parse(shoes.stdout).candidates[0].code.slice(0, 8)).toBe("64041190");
    for (const [args, reason] of [
      [["classify", "ring", "--attributes", "{material: gold}"], /^clearway: --attributes is not valid JSON/],
      [["classify", "ring", "--price", "cheap"], /^clearway: --price must be a positive number, not "cheap"/],
      [["classify", "ring", "--currency", "EUR"], /^clearway: --currency goes with --price/],
      [["classify", "ring", "--price", "5", "--currency", "dollars"], /^clearway: --currency must be a three-letter code such as USD, not "dollars"/],
    ] as const) {
      const r = run([...args], env);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr).toMatch(reason);
    }
  });

  it("classifies a CSV into JSONL with progress, writing the file only when every row succeeded", () => {
    const input = path.join(WORK, `in-${kind}.csv`);
    const output = path.join(WORK, `out-${kind}.jsonl`);
    fs.writeFileSync(input, 'id,title,attributes\nA-1,Women\'s cotton T-shirt,"{""construction"":""knit""}"\nA-2,LED desk lamp,\nA-3,不锈钢保温杯,\n');
    const result = run(["classify", "--file", input, "--out", output, "--market", "us", "--top", "2"], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/✓ Classifying in-\w+\.csv — 3 rows/);
    const lines = fs
      .readFileSync(output, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["A-1", "A-2", "A-3"]);
    expect(lines.map((l) => l.candidates[0].code.slice(0, 4))).toEqual(["6109", "9405", "9617"]);
    expect(lines[0].candidates).toHaveLength(2);
  });

  it("exits non-zero with a one-line reason naming the row and column", () => {
    const bad = path.join(WORK, `bad-${kind}.csv`);
    const output = path.join(WORK, `bad-${kind}.jsonl`);
    fs.writeFileSync(bad, "id,title,attributes\nB-1,steel hook,\nB-2,cotton dress,{material: cotton}\n");
    const result = run(["classify", "--file", bad, "--out", output], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    // Progress may have been drawn before row 3 was reached; the reason is the last line, and it is one line.
    expect(result.stderr.trim().split("\n").at(-1)).toMatch(/^clearway: row 3, column "attributes": is not valid JSON .*\[BAD_REQUEST\]$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(output)).toBe(false);
    expect(fs.existsSync(`${output}.partial`)).toBe(false);
    fs.writeFileSync(bad, "sku,name\n1,drill\n");
    expect(run(["classify", "--file", bad, "--out", output], env).stderr).toMatch(/^clearway: row 1 \(header\): required column "id", "title" is missing/);
    for (const [args, reason] of [
      [["classify"], /^clearway: nothing to classify/],
      [["classify", "drill", "--market", "eu"], /^clearway: --market must be us or hs, not "eu"/],
      [["classify", "drill", "--top", "0"], /^clearway: --top must be a whole number from 1 to 10/],
      [["classify", "--file", path.join(WORK, "nope.csv")], /^clearway: --file .*nope\.csv cannot be read/],
      [["classify", "drill", "--out", "x.jsonl"], /^clearway: --out needs --file/],
    ] as const) {
      const r = run([...args], env);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr).toMatch(reason);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
    }
  });
});
