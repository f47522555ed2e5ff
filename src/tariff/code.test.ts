import { describe, expect, it } from "vitest";
import { formatCode, normalizeCode } from "./code.ts";

describe("normalizeCode", () => {
  it("accepts dots, spaces or none", () => {
    for (const input of ["8467.21.00", "84672100", "8467 21 00", " 8467.2100 "]) expect(normalizeCode(input, "us_hts")).toBe("84672100");
    expect(normalizeCode("846721", "hs")).toBe("846721");
  });

  it("says which part of a malformed code is wrong", () => {
    expect(() => normalizeCode("8467.2A.00", "us_hts")).toThrow(/character "A" at position 7 is not a digit/);
    expect(() => normalizeCode("84672", "us_hts")).toThrow(/has 5 digits; codes have 2, 4, 6, 8, 10 digits/);
    expect(() => normalizeCode("84672100", "hs")).toThrow(/HS codes have at most 6/);
    expect(() => normalizeCode("846721001099", "us_hts")).toThrow(/has 12 digits; HTS codes have at most 10/);
    expect(() => normalizeCode("0012", "us_hts")).toThrow(/chapter 00 does not exist/);
    expect(() => normalizeCode("   ", "us_hts")).toThrow(/empty/);
  });

  it("raises TARIFF_CODE_MALFORMED (HTTP 400)", () => {
    try {
      normalizeCode("x", "us_hts");
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "TARIFF_CODE_MALFORMED", status: 400 });
    }
  });
});

describe("formatCode", () => {
  it("prints codes the way each schedule does", () => {
    expect(formatCode("8467210010")).toBe("8467.21.00.10");
    expect(formatCode("84672100")).toBe("8467.21.00");
    expect(formatCode("846721")).toBe("8467.21");
    expect(formatCode("8467")).toBe("8467");
    expect(formatCode("846721", "hs")).toBe("8467.21");
  });
});
