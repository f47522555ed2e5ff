import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../api/app.ts";
import type { Db } from "../db/connection.ts";
import { openTestDb, TEST_DATA_DIR, TEST_DB_KINDS, testHome } from "../db/test-db.ts";
import { importReference } from "../reference/import-reference.ts";
import { referenceStatus } from "../reference/reference-status.ts";
import { createTestMember } from "../tenancy/test-principals.ts";
import { listSections } from "./list-sections.ts";
import { lookupCode } from "./lookup-code.ts";
import { searchTariff } from "./search-tariff.ts";

/** Counts taken from the source files themselves, to compare with what the import loaded. */
function sourceCounts() {
  const read = (file: string) => parse(fs.readFileSync(path.join(TEST_DATA_DIR, file)), { bom: true, columns: true }) as Record<string, string>[];
  const hs = read("hs/hs2022_nomenclature.csv");
  const hts = read("us_hts/hts_2026_revision_4.csv");
  const htsDigits = (n: number) => hts.filter((r) => (r["HTS Number"] ?? "").replaceAll(".", "").length === n).length;
  return {
    hsChapters: hs.filter((r) => r.level === "2").length,
    hsHeadings: hs.filter((r) => r.level === "4").length,
    hs6: hs.filter((r) => r.level === "6").length,
    htsLines: hts.length,
    hts8: htsDigits(8),
    hts10: htsDigits(10),
  };
}

describe.each(TEST_DB_KINDS)("tariff on %s", (kind) => {
  let db: Db;
  let app: App;
  let headers: { authorization: string };
  beforeAll(async () => {
    db = await openTestDb(kind);
    await importReference({ db, dataDir: TEST_DATA_DIR, only: ["hs2022", "hts2026r4"] });
    app = await buildApp({ db, home: testHome(), logger: false, webDist: fs.mkdtempSync(path.join(os.tmpdir(), "cw-nodist-")) });
    headers = (await createTestMember(db, { role: "viewer" })).headers;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("loads exactly the rows of the source files", async () => {
    const expected = sourceCounts();
    expect(expected).toMatchObject({ hs6: 5613, hts10: 19856 });
    const { counts } = await referenceStatus(db);
    expect(counts).toMatchObject(expected);
  });

  it("stores a parsed rate on every line that prints one, and points inheriting lines at it", async () => {
    const [row] = await db.query<{ printed: number; parsed: number; orphans: number }>(`select
      count(*) filter (where general_raw is not null) as printed,
      count(*) filter (where general_raw is not null and general_rate is not null) as parsed,
      (select count(*) from tariff_lines l join tariff_editions e on e.id = l.edition_id where e.schedule = 'us_hts' and l.level = 10 and l.chapter < '98' and l.rate_from_row is null) as orphans
      from tariff_lines`);
    expect(row?.printed).toBeGreaterThan(13000);
    expect(row?.parsed).toBe(row?.printed);
    expect(row?.orphans).toBe(0);
  });

  it("finds the same line however the code is written", async () => {
    const forms = await Promise.all(["8467.21.00", "84672100", "8467 21 00"].map((code) => lookupCode(db, { code })));
    expect(new Set(forms.map((f) => f.codeDotted))).toEqual(new Set(["8467.21.00"]));
    expect(forms[0]?.description).toBe("Drills of all kinds");
  });

  it("answers an HS6 the HTS prints only as national lines", async () => {
    const single = await lookupCode(db, { code: "846721" });
    expect(single).toMatchObject({ codeDotted: "8467.21.00", description: "Drills of all kinds" });
    const several = await lookupCode(db, { code: "980100" });
    expect(several).toMatchObject({ codeDotted: "9801.00", rates: null });
    expect(several.children.length).toBeGreaterThan(1);
    expect(several.children.every((c) => c.code?.startsWith("980100"))).toBe(true);
  });

  it("returns the path from the chapter down, units, and rates inherited from the parent", async () => {
    const node = await lookupCode(db, { code: "8467.21.00.10" });
    expect(node.path[0]).toMatchObject({ code: "84", level: 2 });
    expect(node.path.map((p) => p.description)).toContain("Drills of all kinds");
    expect(node.section).toMatchObject({ section: "XVI" });
    expect(node.units).toEqual(["No."]);
    expect(node.rates?.general).toMatchObject({ raw: "", effectiveRaw: "1.7%", inheritedFrom: "8467.21.00", parsed: { status: "parsed", components: [{ type: "ad_valorem", percent: "1.7" }] } });
    expect(node.rates?.special.parsed.status).toBe("parsed");
    expect(node.rates?.special.parsed.groups[0]?.programs).toContain("AU");
    expect(node.rates?.column2.effectiveRaw).toBe("35%");
  });

  it("maps a specific rate's unit onto the line's units of quantity", async () => {
    const node = await lookupCode(db, { code: "0101.29.00.10" });
    const column2 = node.rates?.column2.parsed;
    expect(node.units).toContain("No.");
    expect(column2?.status).toBe("parsed");
    const found = await db.query<{ code: string }>(
      "select code from tariff_lines where level = 10 and units = array['doz.','kg'] and rate_from_row in (select row_no from tariff_lines where general_raw like '%¢/kg%') limit 1",
    );
    const withKg = await lookupCode(db, { code: found[0]?.code as string });
    const specific = withKg.rates?.general.parsed.status === "parsed" ? withKg.rates.general.parsed.components.find((c) => c.type === "specific") : undefined;
    expect(specific).toMatchObject({ unit: "kg", uoqIndex: 1 });
  });

  it("nests group rows without a number under their parent, with their children", async () => {
    const heading = await lookupCode(db, { code: "0101" });
    const group = heading.children.find((c) => c.code === null);
    expect(group?.description).toBe("Horses:");
    expect(group?.children?.map((c) => c.codeDotted)).toEqual(["0101.21.00", "0101.29.00"]);
  });

  it("lists headings under an HTS chapter and HS subheadings under an HS heading", async () => {
    const chapter = await lookupCode(db, { code: "84" });
    expect(chapter.description).toMatch(/^Machinery/);
    expect(chapter.children.map((c) => c.code)).toContain("8467");
    const hs = await lookupCode(db, { code: "8467", schedule: "hs" });
    expect(hs.rates).toBeNull();
    expect(hs.children.map((c) => c.codeDotted)).toContain("8467.21");
    const sections = await listSections(db);
    expect(sections.sections).toHaveLength(21);
    expect(sections.sections.find((s) => s.section === "XVI")?.chapters.map((c) => c.code)).toEqual(["84", "85"]);
  });

  it("answers an unknown code with the closest valid codes, and refuses pseudo codes", async () => {
    await expect(lookupCode(db, { code: "8467.29.99" })).rejects.toMatchObject({
      code: "TARIFF_CODE_NOT_FOUND",
      details: { suggestions: expect.arrayContaining([expect.objectContaining({ codeDotted: "8467.29.00" })]) },
    });
    await expect(lookupCode(db, { code: "999999", schedule: "hs" })).rejects.toMatchObject({ code: "TARIFF_CODE_MALFORMED", message: expect.stringContaining("chapter 99 does not exist") });
    await expect(lookupCode(db, { code: "77" })).rejects.toMatchObject({ code: "TARIFF_CODE_NOT_FOUND", details: { suggestions: expect.arrayContaining([expect.objectContaining({ code: "76" })]) } });
  });

  it("ranks English text matches", async () => {
    const result = await searchTariff(db, { q: "lithium-ion batteries", limit: 5 });
    expect(result.interpretedAs).toBeNull();
    expect(result.results[0]?.codeDotted).toBe("8507.60.00");
    expect(result.results[0]?.path).toContain("Electric storage batteries");
  });

  it("searches in Chinese through the glossary and says how it read the query", async () => {
    const result = await searchTariff(db, { q: "女士棉质针织T恤", limit: 5 });
    expect(result.interpretedAs).toEqual(expect.arrayContaining(["cotton", "knitted"]));
    expect(result.results.map((r) => r.codeDotted)).toContain("6109.10.00.40");
  });

  it("searches by code prefix and in the HS schedule", async () => {
    const prefix = await searchTariff(db, { q: "8467.2", limit: 50 });
    expect(prefix.results.length).toBeGreaterThan(5);
    expect(prefix.results.every((r) => r.code.startsWith("84672"))).toBe(true);
    const hs = await searchTariff(db, { q: "vacuum flasks", schedule: "hs", limit: 3 });
    expect(hs.results[0]?.code).toMatch(/^9617/);
    await expect(searchTariff(db, { q: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  describe("HTTP API", () => {
    it("reports health: database kind, editions and counts", async () => {
      const response = await app.inject({ url: "/api/health", headers });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ status: "ok", database: { kind } });
      expect(body.editions.map((e: { code: string }) => e.code).sort()).toEqual(["HS2022", "HTS2026R4"]);
      expect(body.counts.hts10).toBe(19856);
    });

    it("looks codes up, 400 on a malformed code, 404 with suggestions on an unknown one", async () => {
      const ok = await app.inject({ url: "/api/tariff/lookup/8467.21.00.10", headers });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ codeDotted: "8467.21.00.10", rates: { general: { effectiveRaw: "1.7%" } } });
      const bad = await app.inject({ url: "/api/tariff/lookup/8467.2A", headers });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toEqual({ error: { code: "TARIFF_CODE_MALFORMED", message: expect.stringContaining('character "A" at position 7'), details: expect.any(Object) } });
      const unknown = await app.inject({ url: "/api/tariff/lookup/84672999", headers });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.details.suggestions[0].codeDotted).toBe("8467.29.00");
      const badSchedule = await app.inject({ url: "/api/tariff/lookup/8467?schedule=eu", headers });
      expect(badSchedule.statusCode).toBe(400);
      expect(badSchedule.json().error.code).toBe("VALIDATION_FAILED");
    });

    it("searches, and validates the limit", async () => {
      const response = await app.inject({ headers, url: "/api/tariff/search", query: { q: "电钻", limit: "5" } });
      expect(response.statusCode).toBe(200);
      expect(response.json().interpretedAs).toContain("drills");
      expect((await app.inject({ headers, url: "/api/tariff/search", query: { q: "drill", limit: "1000" } })).statusCode).toBe(400);
    });

    it("serves OpenAPI at /api/docs and a JSON 404 for unknown API routes", async () => {
      const docs = (await app.inject({ url: "/api/docs", headers })).json();
      expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(["/api/health", "/api/tariff/lookup/{code}", "/api/tariff/search", "/api/tariff/sections"]));
      const missing = await app.inject({ url: "/api/nothing-here", headers });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe("NOT_FOUND");
    });
  });
});

describe("console serving", () => {
  it("serves the console's index.html for page routes, not for API routes", async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "cw-dist-"));
    fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Clearway</title>");
    const db = await openTestDb("pglite");
    const app = await buildApp({ db, home: testHome(), logger: false, webDist: dist });
    try {
      const page = await app.inject("/tariff/8467");
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("<title>Clearway</title>");
      expect(page.headers["x-content-type-options"]).toBe("nosniff");
      expect((await app.inject("/api/unknown")).statusCode).toBe(404);
      expect((await app.inject("/assets/missing-1234.js")).statusCode).toBe(404);
      fs.writeFileSync(path.join(dist, "late.js"), "export {};");
      expect((await app.inject("/late.js")).statusCode).toBe(200);
      expect((await app.inject("/tariff/8467.21.00.10")).body).toContain("<title>Clearway</title>");
    } finally {
      await app.close();
      await db.close();
    }
  });
});
