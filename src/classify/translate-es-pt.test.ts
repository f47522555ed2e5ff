import { describe, expect, it } from "vitest";
import { classifyWithIndex } from "./classify-product.ts";
import { loadTestIndex } from "./test-index.ts";
import { englishForSpanishPortuguese, looksSpanishOrPortuguese } from "./translate-es-pt.ts";

describe("Spanish and Portuguese listings", () => {
  it("tells a Spanish or Portuguese title from an English one", () => {
    expect(looksSpanishOrPortuguese("licuadora de vaso 1.5 l con 5 velocidades")).toBe(true);
    expect(looksSpanishOrPortuguese("tênis masculino esportivo academia corrida")).toBe(true);
    expect(looksSpanishOrPortuguese("women's casual sneakers lace up white low top")).toBe(false);
    expect(looksSpanishOrPortuguese("la croix sparkling water 12 pack")).toBe(false);
  });

  it("puts product words in English, longest phrase first, and leaves English text alone", () => {
    expect(englishForSpanishPortuguese("caixa de som bluetooth portátil")).toContain("bluetooth speaker");
    expect(englishForSpanishPortuguese("cortinas blackout para sala")).toContain("curtains");
    expect(englishForSpanishPortuguese("mesa de centro de madera")).toContain("table");
    expect(englishForSpanishPortuguese("cotton mesa table runner")).toBe("cotton mesa table runner");
  });

  it("classifies Spanish and Portuguese listings as their English equivalents", () => {
    const index = loadTestIndex();
    const top = (title: string) => classifyWithIndex(index, { title }, { market: "hs" }).candidates[0]?.hs6;
    expect(top("Licuadora de Vaso 1.5 L 600W Acero Inoxidable con 5 Velocidades")).toBe("850940");
    expect(top("Audífonos Inalámbricos Bluetooth 5.3 con Estuche de Carga")).toBe("851830");
    expect(top("Vestido Feminino Longo Estampado Floral Verão Tecido Viscose")?.slice(0, 4)).toBe("6204");
  });
});
