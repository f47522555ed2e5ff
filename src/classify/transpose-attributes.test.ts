import { describe, expect, it } from "vitest";
import type { ProductFacts } from "./read-product-facts.ts";
import { loadTestIndex } from "./test-index.ts";
import { transposeAttributes } from "./transpose-attributes.ts";

const index = loadTestIndex();
const facts = (stated: Partial<ProductFacts>): ProductFacts => ({ materials: [], preciousMetal: false, imitation: false, isPart: false, forVehicles: false, heads: [], ...stated });

describe("transposeAttributes", () => {
  it("moves a garment to the subheading the schedule gives the stated gender, fibre or construction", () => {
    expect(transposeAttributes(index, "620140", facts({ gender: "women" }))).toBe("620240");
    expect(transposeAttributes(index, "620342", facts({ gender: "girls" }))).toBe("620462");
    expect(transposeAttributes(index, "620443", facts({ construction: "knit", fibre: "cotton" }))).toBe("610442");
    expect(transposeAttributes(index, "611030", facts({ fibre: "cotton" }))).toBe("611020");
    expect(transposeAttributes(index, "610832", facts({ fibre: "silk", construction: "woven" }))).toBe("620829");
  });

  it("pairs garment headings across chapters 61 and 62, whose texts word them differently", () => {
    expect(transposeAttributes(index, "6201", facts({ gender: "women" }))).toBe("6202");
    expect(transposeAttributes(index, "6204", facts({ construction: "knit" }))).toBe("6104");
  });

  it("moves bed linen by fibre and a bag by the material of its outer surface", () => {
    expect(transposeAttributes(index, "630231", facts({ fibre: "synthetic" }))).toBe("630232");
    expect(transposeAttributes(index, "630231", facts({ printed: true }))).toBe("630221");
    expect(transposeAttributes(index, "630221", facts({ printed: false }))).toBe("630231");
    expect(transposeAttributes(index, "420221", facts({ materials: ["plastics"] }))).toBe("420222");
    expect(transposeAttributes(index, "420232", facts({ materials: ["leather"] }))).toBe("420231");
  });

  it("keeps the code when nothing stated contradicts it, and outside the chapters it knows", () => {
    expect(transposeAttributes(index, "620140", facts({}))).toBe("620140");
    expect(transposeAttributes(index, "620140", facts({ gender: "men", construction: "woven" }))).toBe("620140");
    expect(transposeAttributes(index, "851762", facts({ gender: "women" }))).toBe("851762");
  });
});
