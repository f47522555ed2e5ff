import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runClearway, useTestSchema } from "../cli/test-cli.ts";
import { TEST_DATA_DIR, TEST_DB_KINDS } from "../db/test-db.ts";

const WORK = fs.mkdtempSync(path.join(os.tmpdir(), "cw-review-cli-"));

const run = (args: string[], env: Record<string, string>) => runClearway(args, env, { cwd: WORK, timeout: 180_000 });

/** A failure as the CLI must report it: exit 1, nothing on stdout, one line on stderr. */
function expectOneLineFailure(result: ReturnType<typeof run>, reason: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr.trim()).toMatch(reason);
}

describe.each(TEST_DB_KINDS)("clearway classify queue on %s", (kind) => {
  const env: Record<string, string> = { CLEARWAY_HOME: fs.mkdtempSync(path.join(os.tmpdir(), "cw-review-home-")), CLEARWAY_DATA_DIR: TEST_DATA_DIR };
  let dropSchema: (() => Promise<void>) | undefined;
  let reviewId = "";

  beforeAll(async () => {
    if (kind === "postgres") dropSchema = await useTestSchema(env, "cw_rev");
    expect(run(["import-reference", "--only", "hs2022,hts2026r4", "--json"], env).code).toBe(0);
    const products = path.join(WORK, `products-${kind}.csv`);
    fs.writeFileSync(products, "sku,title\nGUASHA-1,Gua sha scraping tool\n");
    expect(run(["catalog", "import", products, "--json"], env).code).toBe(0);
  });

  afterAll(async () => {
    await dropSchema?.();
  });

  it("queues a catalogue product the classifier abstains on, and lists and shows it", () => {
    const queued = run(["classify", "--product", "GUASHA-1", "--queue", "--json"], env);
    expect(queued.code).toBe(0);
    const result = JSON.parse(queued.stdout);
    expect(result).toMatchObject({ abstain: true, product: { sku: "GUASHA-1" }, review: { status: "open", source: "cli", productSku: "GUASHA-1" } });
    reviewId = result.review.id;
    const again = run(["classify", "--product", "GUASHA-1", "--queue"], env);
    expect(again.stdout).toContain(`already in the review queue: ${reviewId}`);

    const listed = JSON.parse(run(["classify", "queue", "list", "--json"], env).stdout);
    expect(listed).toMatchObject({ total: 1, items: [{ id: reviewId }] });
    expect(JSON.parse(run(["classify", "queue", "list", "--market", "hs", "--json"], env).stdout).total).toBe(0);
    const text = run(["classify", "queue", "list"], env);
    expect(text.stdout).toMatch(new RegExp(`^${reviewId}  open      us  Gua sha scraping tool .*\\[GUASHA-1\\]\\n1 of 1 item\\(s\\)\\n$`));
    const shown = run(["classify", "queue", "show", reviewId], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/title: Gua sha scraping tool\n {2}product: GUASHA-1\n {2}confidence shown: \d+%\n {2}1\. /);
  });

  it("refuses a bad decision with a one-line reason and changes nothing", () => {
    expectOneLineFailure(
      run(["classify", "queue", "correct", reviewId, "--code", "7116.20.99.99", "--reason", "gua sha"], env),
      /^clearway: code: 7116209999 is not a line of HTS\w+\. \[VALIDATION_FAILED\]$/,
    );
    expectOneLineFailure(run(["classify", "queue", "correct", reviewId, "--code", "7116.20.40.00"], env), /^clearway: --reason is required: say why you correct this item/);
    expectOneLineFailure(run(["classify", "queue", "correct", reviewId, "--reason", "gua sha"], env), /^clearway: --code is required/);
    expectOneLineFailure(run(["classify", "queue", "dismiss", "rev_nope", "--reason", "x"], env), /^clearway: No review item rev_nope in this tenant\. \[NOT_FOUND\]$/);
    expectOneLineFailure(
      run(["classify", "queue", "list", "--status", "pending"], env),
      /^clearway: --status must be one of open, confirmed, corrected, dismissed, all; not "pending"/,
    );
    expectOneLineFailure(run(["classify", "queue", "threshold", "2"], env), /^clearway: the threshold must be a number from 0 to 1, not "2"/);
    expect(JSON.parse(run(["classify", "queue", "show", reviewId, "--json"], env).stdout).item.status).toBe("open");
  });

  it("corrects the item: the product gets the code, and a similar item gets it as its top candidate", () => {
    const corrected = run(["classify", "queue", "correct", reviewId, "--code", "7116.20.40.00", "--reason", "Jade gua sha: other articles of semiprecious stone, 7116.20"], env);
    expect(corrected.code).toBe(0);
    expect(corrected.stdout).toBe(`✓ ${reviewId} corrected 7116.20.40.00; written to product GUASHA-1; used as a precedent from now on\n`);
    expect(run(["catalog", "show", "GUASHA-1"], env).stdout).toMatch(/us: 7116204000 confirmed — Jade gua sha: other articles of semiprecious stone, 7116\.20 \(cli:/);
    const similar = JSON.parse(run(["classify", "Gua sha scraping tool, 2 pack", "--json"], env).stdout);
    expect(similar.candidates[0]).toMatchObject({ code: "7116204000" });
    expect(similar.candidates[0].explanation.precedents[0]).toMatchObject({ id: reviewId, code: "7116204000" });
    expectOneLineFailure(run(["classify", "queue", "dismiss", reviewId, "--reason", "again"], env), /^clearway: Review item .* was already corrected by cli:.*\[CONFLICT\]$/);
    expect(JSON.parse(run(["classify", "queue", "list", "--status", "corrected", "--json"], env).stdout).items[0]).toMatchObject({ id: reviewId, finalCode: "7116204000" });
  });

  it("sets the review threshold, and has help for every queue command", () => {
    expect(run(["classify", "queue", "threshold"], env).stdout).toBe("Review threshold: 0.3\n");
    expect(run(["classify", "queue", "threshold", "0.5"], env).stdout).toBe("Review threshold: 0.5 (saved)\n");
    expect(JSON.parse(run(["classify", "queue", "threshold", "--json"], env).stdout)).toEqual({ reviewBelow: 0.5 });
    const help = run(["classify", "queue", "--help"], env);
    expect(help.code).toBe(0);
    for (const command of ["list", "show", "confirm", "correct", "dismiss", "threshold"]) expect(help.stdout).toContain(command);
    expect(run(["classify", "queue", "correct", "--help"], env).stdout).toContain("--reason <text>");
  });
});
