import { describe, expect, it } from "vitest";
import { classifyWithIndex } from "./classify-product.ts";
import { ES_PT_GLOSSARY } from "./knowledge/vocabulary-es-pt.ts";
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

  it("reads tool, hardware, building, packaging and trade words as the English the tariff uses", () => {
    const read = (title: string) => englishForSpanishPortuguese(title, true).replace(/\s+/g, " ").trim();
    expect(read("juego de llaves combinadas 12 piezas")).toContain("wrench set");
    expect(read("alicate de bico 6 polegadas")).toContain("long nose pliers");
    expect(read("kit 100 parafusos com bucha de nylon 8mm")).toBe("kit 100 screws com nylon wall anchor 8mm");
    expect(read("llave de paso de 1/2 pulgada latón")).toBe("stop valve de 1/2 pulgada brass");
    expect(read("pastilha de vidro 30x30 azul")).toContain("glass mosaic tiles");
    expect(read("sacos de ráfia 60x90 com 100 unidades")).toContain("woven polypropylene sacks");
    expect(read("hilo de coser poliéster 100 colores")).toContain("sewing thread polyester");
    expect(read("cuerdas para guitarra acústica")).toContain("guitar strings");
    expect(read("cinta aislante negra 19mm")).toContain("electrical tape");
    // A longer phrase keeps an ambiguous word in its own sense: "pinza" is pliers, but not in a hair clip or a brake caliper.
    expect(read("pinza para cabello grande")).toContain("hair clip");
    expect(read("pinza de freno delantera")).toContain("brake caliper");
    expect(read("pinzas de electricista")).toContain("pliers");
  });

  it("has no foreign word or phrase twice", () => {
    const keys = ES_PT_GLOSSARY.map(([foreign]) => foreign.normalize("NFKC").toLowerCase());
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it("classifies Spanish and Portuguese listings as their English equivalents", () => {
    const index = loadTestIndex();
    const top = (title: string) => classifyWithIndex(index, { title }, { market: "hs" }).candidates[0]?.hs6;
    expect(top("Licuadora de Vaso 1.5 L 600W Acero Inoxidable con 5 Velocidades")).toBe("850940");
    expect(top("Audífonos Inalámbricos Bluetooth 5.3 con Estuche de Carga")).toBe("851830");
    expect(top("Vestido Feminino Longo Estampado Floral Verão Tecido Viscose")?.slice(0, 4)).toBe("6204");
  });
});
