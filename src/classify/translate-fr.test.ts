import { describe, expect, it } from "vitest";
import { classifyWithIndex } from "./classify-product.ts";
import { FR_GLOSSARY } from "./knowledge/vocabulary-fr.ts";
import { loadTestIndex } from "./test-index.ts";
import { englishForFrench, frenchScore, looksFrench } from "./translate-fr.ts";
import { spanishPortugueseScore } from "./translate-es-pt.ts";

describe("French listings", () => {
  it("tells a French title from an English, a Spanish or a Portuguese one", () => {
    expect(looksFrench("sac à main femme cuir véritable bandoulière")).toBe(true);
    expect(looksFrench("coque pour iphone 15 silicone avec protection")).toBe(true);
    expect(looksFrench("women's casual sneakers lace up white low top")).toBe(false);
    expect(looksFrench("1 din car radio bluetooth mp3 player fm stereo aux in")).toBe(false);
    const spanish = "licuadora de vaso 1.5 l con 5 velocidades para cocina";
    expect(spanishPortugueseScore(spanish)).toBeGreaterThan(frenchScore(spanish));
  });

  it("puts product words in English, longest phrase first, and leaves English text alone", () => {
    expect(englishForFrench("sac à main femme cuir véritable")).toContain("handbag");
    expect(englishForFrench("chaussures de randonnée homme imperméables")).toContain("hiking boots");
    expect(englishForFrench("women's casual sneakers")).toBe("women's casual sneakers");
  });

  it("holds no French key twice", () => {
    const keys = FR_GLOSSARY.map(([foreign]) => foreign.normalize("NFKC").toLowerCase());
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it("classifies a French listing as its English twin", () => {
    const index = loadTestIndex();
    const hs6 = (title: string) => classifyWithIndex(index, { title }, { market: "hs" }).candidates[0]?.hs6;
    expect(hs6("Sac Bandoulière en Cuir Véritable Femme Petit Sac à Main Vintage")).toBe("420221");
    expect(hs6("Lot de 14 Crochets en Aluminium Poignée Ergonomique Crochet Tricot Laine")).toBe("761699");
  });
});
