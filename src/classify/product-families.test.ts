import { describe, expect, it } from "vitest";
import { hasCjk } from "../tariff/glossary-zh.ts";
import { PRODUCT_FAMILIES } from "./product-families.ts";
import { loadTestIndex } from "./test-index.ts";
import { normalizeText, phraseStems } from "./tokenize-text.ts";

describe("the product-family knowledge base", () => {
  it("names only codes that exist in HS 2022", () => {
    const index = loadTestIndex();
    const missing = PRODUCT_FAMILIES.flatMap((f) => f.codes.filter((c) => !index.byCode.has(c)).map((c) => `${f.id}: ${c}`));
    expect(missing).toEqual([]);
  });

  it("keeps every word of an English term (a term that loses a word to the stopword list would match too much)", () => {
    const functionWords = new Set(["of", "for", "and", "the", "a", "an", "with", "on", "in", "over", "to", "or", "by"]);
    const lost = PRODUCT_FAMILIES.flatMap((f) =>
      f.terms
        .filter((t) => !hasCjk(t))
        // Words the reading joins on purpose ("short sleeve" → "shortsleeve") count as one.
        .filter((t) => phraseStems(t).length < normalizeText(t).split(/\s+/).filter((w) => w && !functionWords.has(w.toLowerCase())).length)
        .map((t) => `${f.id}: ${t}`),
    );
    expect(lost).toEqual([]);
  });

  it("has unique family ids, and Chinese terms for the common consumer families", () => {
    expect(new Set(PRODUCT_FAMILIES.map((f) => f.id)).size).toBe(PRODUCT_FAMILIES.length);
    expect(PRODUCT_FAMILIES.length).toBeGreaterThan(400);
    const withChinese = PRODUCT_FAMILIES.filter((f) => f.terms.some(hasCjk)).length;
    expect(withChinese / PRODUCT_FAMILIES.length).toBeGreaterThan(0.8);
  });
});
