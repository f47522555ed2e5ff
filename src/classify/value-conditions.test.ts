import { describe, expect, it } from "vitest";
import { classifyWithIndex } from "./classify-product.ts";
import { loadTestIndex } from "./test-index.ts";
import { meetsValue, readValueConditions } from "./value-conditions.ts";

describe("unit-value conditions of US lines", () => {
  it("reads the value conditions the HTS prints, in dollars or cents, per article, pair, dozen or gross", () => {
    expect(readValueConditions("Valued over $3 but not over $6.50/pair")).toEqual([{ over: 3, upTo: 6.5, unit: "pair" }]);
    expect(readValueConditions("Toy jewelry valued not over 8 cents per piece")).toEqual([{ upTo: 0.08, unit: "each" }]);
    expect(readValueConditions("Valued over $2 per dozen")).toEqual([{ over: 2, unit: "dozen" }]);
    expect(readValueConditions("Valued over 40¢ but not over $1.50/gross")).toEqual([{ over: 0.4, upTo: 1.5, unit: "gross" }]);
    // A value per metre or of a part (the movement) is not something a unit price tells.
    expect(readValueConditions("Valued over 33 cents per meter")).toEqual([]);
    expect(readValueConditions("With movement valued not over $15 each")).toEqual([]);
  });

  it("compares a unit price with a condition, multiplying it up for dozens and grosses", () => {
    expect(meetsValue({ over: 12, unit: "pair" }, 29.99)).toBe(true);
    expect(meetsValue({ over: 3, upTo: 6.5, unit: "pair" }, 29.99)).toBe(false);
    expect(meetsValue({ over: 2, unit: "dozen" }, 0.2)).toBe(true);
    expect(meetsValue({ upTo: 0.08, unit: "each" }, 0.08)).toBe(true);
  });

  it("sends footwear to the line its price per pair meets, and ignores prices in other currencies", () => {
    const index = loadTestIndex();
    const title = "Mens Running Shoes Breathable Mesh Upper Rubber Sole Sneakers";
    const dear = classifyWithIndex(index, { title, price: 29.99, currency: "USD" }, { market: "us" });
    const cheap = classifyWithIndex(index, { title, price: 5, currency: "USD" }, { market: "us" });
    expect(dear.candidates[0]?.code.slice(0, 8)).toBe("64041190");
    expect(dear.candidates[0]?.explanation.rules.map((r) => r.id)).toContain("unit-value");
    expect(cheap.candidates[0]?.code.slice(0, 6)).toBe("640411");
    expect(cheap.candidates[0]?.code.slice(0, 8)).not.toBe("64041190");
    const yuan = classifyWithIndex(index, { title, price: 29.99, currency: "CNY" }, { market: "us" });
    expect(yuan.candidates[0]?.explanation.rules.map((r) => r.id)).not.toContain("unit-value");
  });
});
