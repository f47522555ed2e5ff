import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { ABSURD, parseAmount } from "./parse-product-row.ts";

describe("amounts", () => {
  it("writes plain amounts exactly as Decimal does, without Decimal", () => {
    for (const text of ["0", "00", "0.0", "007.50", "1.000", "12", "0.000001", "9999.999999", "10000", "0.1", "1234567.5"]) {
      expect(parseAmount(text, ABSURD.unitValue, "")).toBe(new Decimal(text).toString());
    }
  });

  it("still reads units, spaces and exponent-sized values, and refuses absurd ones at the limit's edge", () => {
    expect(parseAmount("1.50 kg", ABSURD.weightKg, "kg")).toBe("1.5");
    expect(parseAmount("0.00000001", ABSURD.weightKg, "kg")).toBe("1e-8");
    expect(parseAmount("10000", ABSURD.weightKg, "kg")).toBe("10000");
    expect(() => parseAmount("10000.000001", ABSURD.weightKg, "kg")).toThrow("10000.000001 kg is implausibly large (over 10000)");
    expect(() => parseAmount("-0.5", ABSURD.weightKg, "kg")).toThrow("must not be negative");
    expect(() => parseAmount("1,5", ABSURD.weightKg, "kg")).toThrow('"1,5" is not a number');
  });
});
