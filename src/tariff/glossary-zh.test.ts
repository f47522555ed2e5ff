import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { hasCjk, translateZhQuery, ZH_EN_GLOSSARY } from "./glossary-zh.ts";

const dataDir = resolve(process.cwd(), process.env.CLEARWAY_DATA_DIR ?? "../shared/data");

const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+(?:[-'’][a-z0-9]+)*/g) ?? [];

function tariffVocabulary(): Set<string> {
  const vocab = new Set<string>();
  const files: [string, string][] = [
    ["us_hts/hts_2026_revision_4.csv", "Description"],
    ["hs/hs2022_nomenclature.csv", "description"],
  ];
  for (const [file, column] of files) {
    const rows = parse(readFileSync(resolve(dataDir, file)), { columns: true, bom: true, relax_column_count: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(1000);
    for (const row of rows) for (const w of words(row[column] ?? "")) vocab.add(w);
  }
  return vocab;
}

describe("ZH_EN_GLOSSARY", () => {
  it("has at least 600 entries", () => {
    expect(ZH_EN_GLOSSARY.length).toBeGreaterThanOrEqual(600);
  });

  it("has no duplicate zh keys, even after width/case folding", () => {
    const seen = new Map<string, number>();
    for (const { zh } of ZH_EN_GLOSSARY) {
      const key = zh.normalize("NFKC").toLowerCase();
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
  });

  it("stores English terms lower-case and trimmed", () => {
    const bad = ZH_EN_GLOSSARY.flatMap((e) => e.en.filter((t) => t !== t.trim().toLowerCase() || t === "").map((t) => `${e.zh}:${t}`));
    expect(bad).toEqual([]);
  });

  it("uses English words that occur in the HTS or HS description text (at most 10% missing)", () => {
    const vocab = tariffVocabulary();
    const glossaryWords = new Set(ZH_EN_GLOSSARY.flatMap((e) => e.en.flatMap(words)));
    const missing = [...glossaryWords].filter((w) => !vocab.has(w));
    const share = missing.length / glossaryWords.size;
    expect(share, `missing from tariff text: ${missing.join(", ")}`).toBeLessThanOrEqual(0.1);
  });
});

describe("translateZhQuery", () => {
  const terms = (q: string) => translateZhQuery(q).terms;

  it("translates single product words", () => {
    expect(terms("电钻")).toEqual(["drills"]);
    expect(terms("锂电池")).toEqual(expect.arrayContaining(["lithium", "batteries"]));
    expect(terms("手机壳")).toEqual(expect.arrayContaining(["cases", "smartphones"]));
  });

  it("splits 无线电钻 into 无线 + 电钻 rather than 无线电 (radio) + a stranded 钻", () => {
    const r = translateZhQuery("无线电钻");
    expect(r.matched.map((m) => m.zh)).toEqual(["无线", "电钻"]);
    expect(r.terms).toEqual(expect.arrayContaining(["cordless", "drills"]));
    expect(r.terms).not.toContain("radio");
    expect(r.unmatched).toEqual([]);
  });

  it("prefers the longest entry", () => {
    expect(translateZhQuery("蓝牙耳机").matched.map((m) => m.zh)).toEqual(["蓝牙耳机"]);
    expect(terms("蓝牙耳机")).toEqual(expect.arrayContaining(["headphones", "earphones", "bluetooth"]));
    expect(translateZhQuery("无线电").matched.map((m) => m.zh)).toEqual(["无线电"]);
  });

  it("segments a garment description into gender, material, construction and garment terms", () => {
    const r = translateZhQuery("女士棉质针织T恤");
    expect(r.matched.map((m) => m.zh)).toEqual(["女士", "棉质", "针织", "T恤"]);
    expect(r.terms).toEqual(expect.arrayContaining(["women's", "cotton", "knitted", "t-shirts"]));
  });

  it("handles the common query examples", () => {
    expect(terms("不锈钢保温杯")).toEqual(expect.arrayContaining(["stainless steel", "vacuum flasks"]));
    expect(terms("儿童玩具")).toEqual(expect.arrayContaining(["children's", "toys"]));
    expect(terms("化妆品 口红")).toEqual(expect.arrayContaining(["cosmetics", "lip make-up preparations"]));
    expect(terms("木制家具")).toEqual(expect.arrayContaining(["wooden", "furniture"]));
  });

  it("passes latin words and digits through, lower-cased", () => {
    const r = translateZhQuery("iPhone 手机壳");
    expect(r.terms[0]).toBe("iphone");
    expect(r.terms).toContain("cases");
    expect(terms("USB-C数据线 1米")).toEqual(expect.arrayContaining(["usb-c", "cables", "1"]));
  });

  it("folds full-width latin and matches latin glossary keys only on word boundaries", () => {
    expect(terms("ＬＥＤ台灯")).toEqual(expect.arrayContaining(["led", "lamps"]));
    expect(terms("PP收纳盒")).toContain("polypropylene");
    expect(terms("app 手机")).toEqual(["app", "telephones", "cellular", "smartphones"]);
  });

  it("recognises marketplace filler without adding terms", () => {
    const r = translateZhQuery("2024新款包邮");
    expect(r.terms).toEqual(["2024"]);
    expect(r.unmatched).toEqual([]);
    expect(r.matched.map((m) => m.zh)).toEqual(["新款", "包邮"]);
  });

  it("reports runs of unknown characters as unmatched", () => {
    const r = translateZhQuery("魑魅手机壳，魍魉");
    expect(r.unmatched).toEqual(["魑魅", "魍魉"]);
    expect(r.matched.map((m) => m.zh)).toEqual(["手机壳"]);
    expect(translateZhQuery("").terms).toEqual([]);
  });

  it("translates 10,000 queries well under a second", () => {
    const queries = ["女士棉质针织T恤", "iPhone 15 手机壳 防摔", "不锈钢真空保温杯500ml", "儿童电动牙刷", "2024新款包邮女士真皮手提包"];
    for (let i = 0; i < 1_000; i++) translateZhQuery(queries[i % queries.length] ?? "");
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) translateZhQuery(queries[i % queries.length] ?? "");
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe("hasCjk", () => {
  it("detects Chinese characters", () => {
    expect(hasCjk("手机壳")).toBe(true);
    expect(hasCjk("iPhone 手机壳")).toBe(true);
    expect(hasCjk("iPhone 15 case")).toBe(false);
    expect(hasCjk("")).toBe(false);
  });
});
