import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAuth } from "../api/auth.ts";
import { handleError } from "../api/errors.ts";
import type { Db } from "../db/connection.ts";
import { openTestDb, TEST_DATA_DIR, TEST_DB_KINDS } from "../db/test-db.ts";
import { importReference } from "../reference/import-reference.ts";
import { importHtsEdition } from "../tariff/import-hts-edition.ts";
import { createTestMember, type TestMember } from "../tenancy/test-principals.ts";
import { buildClassifyIndex, type ClassifyIndex } from "./build-classify-index.ts";
import { classifyProduct, classifyWithIndex, getClassifyIndex } from "./classify-product.ts";
import { splitFolds } from "./measure-accuracy.ts";
import { PRODUCT_FAMILIES } from "./product-families.ts";
import { classifyRoutes } from "./routes.ts";
import { loadTestIndex } from "./test-index.ts";
import { normalizeText } from "./tokenize-text.ts";

type Ruling = { id: string; text: string; gold_hts10: string };
const rulings = parse(fs.readFileSync(path.join(TEST_DATA_DIR, "benchmarks/cbp_cross_300.csv")), { columns: true, bom: true }) as Ruling[];

/** Runs of eight consecutive words of a text, normalised: long enough that a hit means copied text, not shared vocabulary. */
function shingles(text: string, size = 8): string[] {
  const words = normalizeText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return Array.from({ length: Math.max(0, words.length - size + 1) }, (_, i) => words.slice(i, i + size).join(" "));
}

describe.each(TEST_DB_KINDS)("classification on %s", (kind) => {
  let db: Db;
  let index: ClassifyIndex;
  let declarant: TestMember;
  let viewer: TestMember;
  const app = Fastify().withTypeProvider<ZodTypeProvider>();

  beforeAll(async () => {
    db = await openTestDb(kind);
    await importReference({ db, dataDir: TEST_DATA_DIR, only: ["hs2022", "hts2026r4"] });
    index = await getClassifyIndex(db);
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler(handleError);
    // The same access checks the app applies: every route must declare a permission, and callers must hold it.
    registerAuth(app, db);
    await app.register(classifyRoutes(db));
    declarant = await createTestMember(db, { role: "declarant", tenant: "acme" });
    viewer = await createTestMember(db, { role: "viewer", tenant: "acme" });
  });
  afterAll(async () => {
    await app.close();
    await db?.close();
  });

  it("builds the same index from the database as from the reference files", () => {
    const files = loadTestIndex();
    expect(index.nodes.length).toBe(files.nodes.length);
    expect(index.nodes.length).toBeGreaterThan(29_000);
    expect(index.editions.us?.code).toBeTruthy();
    for (const title of ["cordless hammer drill", "women's knit cotton t-shirt", "stainless steel vacuum flask"]) {
      expect(classifyWithIndex(index, { title }).candidates[0]?.code).toBe(classifyWithIndex(files, { title }).candidates[0]?.code);
    }
  });

  it("classifies English and Chinese titles, with the code, its HS6, the path and the reasons", async () => {
    const drill = await classifyProduct(db, { title: "Cordless drill driver, 20V lithium-ion" });
    expect(drill.candidates).toHaveLength(3);
    const best = drill.candidates[0];
    expect(best?.hs6).toBe("846721");
    expect(best?.code).toMatch(/^846721\d{4}$/);
    expect(best?.explanation.path.map((p) => p.level)).toEqual([2, 4, 6, 8, 10]);
    expect(best?.explanation.matchedTerms).toContain("drill");
    expect(best?.explanation.families[0]).toMatchObject({ id: "tool.hand.drill" });
    expect(best?.confidence).toBeGreaterThan(0);
    const tee = await classifyProduct(db, { title: "女士棉质针织T恤" });
    expect(tee.candidates[0]?.code.slice(0, 4)).toBe("6109");
    expect(tee.candidates[0]?.description).toMatch(/Women|Girls/);
  });

  it("answers in HS6 for market hs", async () => {
    const result = await classifyProduct(db, { title: "wireless bluetooth earbuds" }, { market: "hs", top: 5 });
    expect(result.candidates).toHaveLength(5);
    expect(result.candidates.every((c) => /^\d{6}$/.test(c.code) && c.code === c.hs6)).toBe(true);
    expect(result.candidates[0]?.code).toBe("851830");
  });

  it("abstains on text it cannot place", async () => {
    const result = await classifyProduct(db, { title: "xqzv blorp 3000" });
    expect(result.abstain).toBe(true);
    expect(result.confidence).toBeLessThan(0.3);
    await expect(classifyProduct(db, { title: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets a close precedent change the answer for a similar item, and says so", async () => {
    const item = { title: "Acme Flexi-Hub 7 port docking widget, aluminium housing" };
    const before = await classifyProduct(db, item);
    const code = before.candidates[0]?.hs6 === "847330" ? "8543.70.99.00" : "8473.30.51.00";
    const after = await classifyProduct(db, item, { precedents: [{ id: "P-1", text: "Acme Flexi-Hub 4 port docking widget with aluminium housing", code }] });
    expect(after.candidates[0]?.code).toBe(code.replaceAll(".", ""));
    expect(after.candidates[0]?.explanation.precedents[0]).toMatchObject({ id: "P-1", code });
    const unrelated = await classifyProduct(db, item, { precedents: [{ text: "frozen shrimp spring rolls", code: "1605.29.05.00" }] });
    expect(unrelated.candidates[0]?.code).toBe(before.candidates[0]?.code);
  });

  it("never holds a ruling's text: the index is built from the schedule and the knowledge base only", () => {
    const source = new Set(index.sourceTexts().flatMap((t) => shingles(t)));
    for (const family of PRODUCT_FAMILIES) for (const term of family.terms) for (const s of shingles(term)) source.add(s);
    // Rulings quote the tariff ("containing any embroidery, lace, braid…"): words the schedule files themselves print are not a leak.
    const printed = new Set<string>();
    const read = (file: string) => parse(fs.readFileSync(path.join(TEST_DATA_DIR, file)), { columns: true, bom: true }) as Record<string, string>[];
    for (const r of read("us_hts/hts_2026_revision_4.csv")) for (const s of shingles(r.Description ?? "")) printed.add(s);
    for (const r of read("hs/hs2022_nomenclature.csv")) for (const s of shingles(r.description ?? "")) printed.add(s);
    const leaked = rulings.filter((r) => shingles(r.text).some((s) => source.has(s) && !printed.has(s))).map((r) => r.id);
    expect(leaked).toEqual([]);
    // Every text in the index is a line the schedule files print (or an HS section name).
    const clean = (t: string) => t.replace(/\s+/g, " ").replace(/:$/, "").trim().toLowerCase();
    const lines = new Set([
      ...read("us_hts/hts_2026_revision_4.csv").map((r) => clean(r.Description ?? "")),
      ...read("hs/hs2022_nomenclature.csv").map((r) => clean(r.description ?? "")),
      ...read("hs/hs2022_sections.csv").map((r) => clean(r.name ?? "")),
    ]);
    expect(index.sourceTexts().filter((t) => !lines.has(clean(t)))).toEqual([]);
    // The check can fail: a schedule line's own words are found.
    expect(shingles("Tools for working in the hand, pneumatic, hydraulic or with self-contained electric or nonelectric motor").some((s) => source.has(s))).toBe(true);
    // Cross-validation never lets a ruling be its own precedent.
    for (const { train, test } of splitFolds(rulings, 5)) {
      const trainIds = new Set(train.map((r) => r.id));
      expect(test.some((r) => trainIds.has(r.id))).toBe(false);
    }
  });

  it("serves POST /api/classify with explanations and rejects bad requests", async () => {
    const anonymous = await app.inject({ method: "POST", url: "/api/classify", payload: { title: "LED desk lamp" } });
    expect(anonymous.statusCode).toBe(401);
    const forbidden = await app.inject({ method: "POST", url: "/api/classify", headers: viewer.headers, payload: { title: "LED desk lamp" } });
    expect(forbidden.statusCode).toBe(403);
    const ok = await app.inject({ method: "POST", url: "/api/classify", headers: declarant.headers, payload: { title: "LED desk lamp", market: "us", top: 2 } });
    expect(ok.statusCode).toBe(200);
    const body = ok.json();
    expect(body).toMatchObject({ market: "us", abstain: expect.any(Boolean) });
    expect(body.candidates).toHaveLength(2);
    expect(body.candidates[0].code.slice(0, 4)).toBe("9405");
    expect(body.candidates[0].explanation.path[0].level).toBe(2);
    const tooMany = await app.inject({ method: "POST", url: "/api/classify", headers: declarant.headers, payload: { title: "lamp", top: 50 } });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.code).toBe("VALIDATION_FAILED");
    const empty = await app.inject({ method: "POST", url: "/api/classify", headers: declarant.headers, payload: { category: "Lighting" } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/title or a description/) });
  });

  it("serves POST /api/classify/batch in input order, up to 1,000 items", async () => {
    const items = [
      { id: "x1", title: "men's leather belt" },
      { id: "x2", title: "Yoga mat, non-slip", category: "Sports" },
      { id: "x3", description: "A ceramic coffee mug of porcelain, 350 ml." },
    ];
    const ok = await app.inject({ method: "POST", url: "/api/classify/batch", headers: declarant.headers, payload: { items, market: "hs" } });
    expect(ok.statusCode).toBe(200);
    const { results } = ok.json();
    expect(results.map((r: { id: string }) => r.id)).toEqual(["x1", "x2", "x3"]);
    expect(results[0].candidates[0].code).toMatch(/^4203\d{2}$/);
    expect(results[1].candidates[0].explanation).toBeUndefined();
    const tooMany = await app.inject({
      method: "POST",
      url: "/api/classify/batch",
      headers: declarant.headers,
      payload: { items: Array.from({ length: 1001 }, (_, i) => ({ id: `i${i}`, title: "lamp" })) },
    });
    expect(tooMany.statusCode).toBe(400);
    const noText = await app.inject({ method: "POST", url: "/api/classify/batch", headers: declarant.headers, payload: { items: [{ id: "a", title: "lamp" }, { id: "b" }] } });
    expect(noText.statusCode).toBe(400);
    expect(noText.json().error.message).toMatch(/items\[1\] \(id "b"\)/);
  });

  it("rebuilds the index when a later schedule edition comes into force", async () => {
    const again = await getClassifyIndex(db);
    expect(again).toBe(index);
    await db.transaction((tx) =>
      importHtsEdition(tx, path.resolve(import.meta.dirname, "../../test/fixtures/hts-sample-a.csv"), {
        code: "FIX-CLASSIFY",
        name: "fixture",
        effectiveFrom: "2026-02-01",
        sourceFile: "hts-sample-a.csv",
        sourceSha256: "x",
      }),
    );
    const rebuilt = await getClassifyIndex(db);
    expect(rebuilt).not.toBe(index);
    expect(rebuilt.editions.us?.code).toBe("FIX-CLASSIFY");
    expect(rebuilt.nodes.filter((n) => n.level === 10).length).toBeLessThan(20);
    const fresh = await buildClassifyIndex(db, { usEdition: index.editions.us?.code });
    expect(fresh.nodes.length).toBe(index.nodes.length);
  });
});
