import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/connection.ts";
import { openTestDb, TEST_DATA_DIR, TEST_DB_KINDS } from "../db/test-db.ts";
import { importHtsEdition } from "../tariff/import-hts-edition.ts";
import { lookupCode } from "../tariff/lookup-code.ts";
import { resolveEdition } from "../tariff/editions.ts";
import { importReference } from "./import-reference.ts";
import { fileSha256 } from "./read-csv.ts";
import type { ReferenceSource } from "./sources.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures");
const SMALL_SOURCES = ["countries", "currencies", "locations", "hazmat", "sdn"];

/** A scratch data directory holding copies of the named files, which a test may then break. */
function scratchDataDir(files: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-data-"));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(TEST_DATA_DIR, file), path.join(dir, file));
  }
  return dir;
}

describe.each(TEST_DB_KINDS)("reference import on %s", (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(kind);
  });
  afterAll(() => db.close());

  it("loads every row of the small reference files and skips them when unchanged", async () => {
    const first = await importReference({ db, dataDir: TEST_DATA_DIR, only: SMALL_SOURCES });
    expect(Object.fromEntries(first.map((o) => [o.source, [o.status, o.rows]]))).toEqual({
      countries: ["imported", 249],
      currencies: ["imported", 449],
      locations: ["imported", 37416],
      hazmat: ["imported", 3261],
      sdn: ["imported", 14965],
    });
    const [cn] = await db.query("select name_en, name_zh, alpha3, numeric_code from countries where alpha2 = 'CN'");
    expect(cn).toEqual({ name_en: "China", name_zh: "中国", alpha3: "CHN", numeric_code: "156" });
    const [sdn] = await db.query<{ count: number }>("select count(*) from sdn_entries where program is null or name like '%-0-%'");
    expect(sdn?.count).toBe(0);
    const again = await importReference({ db, dataDir: TEST_DATA_DIR, only: SMALL_SOURCES });
    expect(again.every((o) => o.status === "unchanged")).toBe(true);
  });

  it("refuses a corrupt file, naming file and row, and keeps what was loaded before", async () => {
    const dir = scratchDataDir(["reference/country_codes.csv"]);
    const file = path.join(dir, "reference/country_codes.csv");
    const lines = fs.readFileSync(file, "utf8").split("\n");
    lines[5] = lines[5]?.replace(/^(([^,]*,){9})[A-Z]{2},/, "$1X1,") ?? "";
    fs.writeFileSync(file, lines.join("\n"));
    await expect(importReference({ db, dataDir: dir, only: ["countries"] })).rejects.toMatchObject({
      code: "REFERENCE_FILE_CORRUPT",
      message: expect.stringMatching(/country_codes\.csv.*row 6: ISO3166-1-Alpha-2 "X1"/),
    });
    fs.writeFileSync(file, 'ISO3166-1-Alpha-2,"unterminated\nAB,x\n');
    await expect(importReference({ db, dataDir: dir, only: ["countries"] })).rejects.toMatchObject({ code: "REFERENCE_FILE_CORRUPT", message: expect.stringContaining("country_codes.csv") });
    const [count] = await db.query<{ count: number }>("select count(*) from countries");
    expect(count?.count).toBe(249);
  });

  it("names a missing file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-empty-"));
    await expect(importReference({ db, dataDir: dir, only: ["sdn"] })).rejects.toMatchObject({
      code: "REFERENCE_FILE_MISSING",
      message: expect.stringContaining(path.join(dir, "screening/ofac_sdn_2024-05-03.csv")),
    });
  });

  it("rejects unknown source keys", async () => {
    await expect(importReference({ db, dataDir: TEST_DATA_DIR, only: ["nope"] })).rejects.toThrow(/Unknown reference source\(s\): nope/);
  });

  it("adds a later schedule revision beside the old one and picks editions by date", async () => {
    await importReference({ db, dataDir: TEST_DATA_DIR, only: ["hs2022"] });
    for (const [code, file, effectiveFrom] of [["FIX-A", "hts-sample-a.csv", "2025-01-01"], ["FIX-B", "hts-sample-b.csv", "2026-06-01"]] as const) {
      const full = path.join(FIXTURES, file);
      await db.transaction((tx) => importHtsEdition(tx, full, { code, name: code, effectiveFrom, sourceFile: file, sourceSha256: fileSha256(full) }));
    }
    expect((await resolveEdition(db, "us_hts", { date: "2025-06-30" })).code).toBe("FIX-A");
    expect((await resolveEdition(db, "us_hts", { date: "2026-07-01" })).code).toBe("FIX-B");
    const old = await lookupCode(db, { code: "8467210010", date: "2025-06-30" });
    const current = await lookupCode(db, { code: "8467210010", date: "2026-07-01" });
    expect([old.rates?.general.effectiveRaw, current.rates?.general.effectiveRaw]).toEqual(["1.7%", "2.5%"]);
    expect(current.rates?.general.inheritedFrom).toBe("8467.21.00");
    expect(current.path.map((p) => p.description)).toEqual([
      expect.stringMatching(/^Machinery/),
      expect.stringMatching(/^Tools for working in the hand/),
      "With self-contained electric motor:",
      "Drills of all kinds",
      "Rotary:",
    ]);
    await expect(resolveEdition(db, "us_hts", { date: "2024-01-01" })).rejects.toMatchObject({ code: "REFERENCE_NOT_LOADED" });
    await expect(db.transaction((tx) => importHtsEdition(tx, path.join(FIXTURES, "hts-sample-a.csv"), { code: "FIX-A", name: "again", effectiveFrom: "2027-01-01", sourceFile: "x", sourceSha256: "x" }))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses to overwrite a tariff edition whose file changed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-edition-"));
    const file = path.join(dir, "hts.csv");
    fs.copyFileSync(path.join(FIXTURES, "hts-sample-a.csv"), file);
    const source: ReferenceSource = {
      key: "fixture-hts",
      label: "fixture HTS",
      files: ["hts.csv"],
      edition: { code: "FIX-C", name: "FIX-C", effectiveFrom: "2020-01-01" },
      load: ({ tx, files, sha256 }) => importHtsEdition(tx, files[0] as string, { code: "FIX-C", name: "FIX-C", effectiveFrom: "2020-01-01", sourceFile: "hts.csv", sourceSha256: sha256 }),
    };
    expect((await importReference({ db, dataDir: dir, sources: [source] }))[0]?.status).toBe("imported");
    fs.copyFileSync(path.join(FIXTURES, "hts-sample-b.csv"), file);
    await expect(importReference({ db, dataDir: dir, sources: [source] })).rejects.toMatchObject({ code: "REFERENCE_FILE_CHANGED", message: expect.stringContaining("as a new edition") });
  });
});
