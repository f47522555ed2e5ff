import { describe, expect, it } from "vitest";
import { classifyWithIndex } from "./classify-product.ts";
import { attributeRole, foldAttributeKey, readAttributes } from "./read-attributes.ts";
import { readProductFacts } from "./read-product-facts.ts";
import { readProductQuery } from "./read-product-query.ts";
import { loadTestIndex } from "./test-index.ts";

const ALIEXPRESS = {
  "Brand Name": "NoEnName_Null",
  Origin: "Mainland China",
  CN: "Guangdong",
  "Model Number": "E2023-11",
  Certification: "CE",
  "Hign-concerned Chemical": "None",
  "Item Type": "Earrings",
  "Metals Type": "Zinc Alloy",
  "Fine or Fashion": "Fashion",
  Gender: "Women",
  "Shape\\pattern": "Geometric",
};

describe("readAttributes", () => {
  it("folds keys however they are spelled and gives each its role", () => {
    expect(foldAttributeKey("Shape\\pattern")).toBe("shapepattern");
    expect(attributeRole("Brand Name")).toBe("ignore");
    expect(attributeRole("brand_name")).toBe("ignore");
    expect(attributeRole("产地")).toBe("ignore");
    expect(attributeRole("Item Type")).toBe("kind");
    expect(attributeRole("Metals Type")).toBe("material");
    expect(attributeRole("材质")).toBe("material");
    expect(attributeRole("Upper Material")).toBe("upper");
    expect(attributeRole("Fabric Type")).toBe("construction");
    expect(attributeRole("适用性别")).toBe("gender");
    expect(attributeRole("Compatible Model")).toBe("use");
    expect(attributeRole("Feature")).toBe("other");
  });

  it("drops noise keys and values that say nothing about the goods", () => {
    const read = readAttributes(ALIEXPRESS);
    expect(read.map((a) => a.key)).toEqual(["itemtype", "metalstype", "fineorfashion", "gender", "shapepattern"]);
    expect(readAttributes({ 品牌: "其他", 材质: "棉", Warranty: "", Battery: null })).toEqual([{ key: "材质", role: "material", value: "棉" }]);
  });

  it("reads no porcelain from 'Origin: Mainland China' and takes the kind of goods from Item Type", () => {
    const query = readProductQuery({ title: "2024 New Fashion Geometric Trendy Gift For Women", attributes: ALIEXPRESS });
    const facts = readProductFacts(query);
    expect(facts.materials).not.toContain("ceramic");
    expect(facts.materials).toContain("zinc");
    expect(facts.imitation).toBe(true);
    expect(query.heads).toContain("earring");
    expect(query.text).not.toMatch(/china|guangdong|noenname/);
  });

  it("lets the item specifics decide what the title leaves open", () => {
    const index = loadTestIndex();
    const title = "Summer Dress Women 2024 Casual Loose Floral Midi Dress";
    const knit = classifyWithIndex(index, { title, attributes: { Material: "Polyester", "Fabric Type": "Knitted" } }, { market: "hs" });
    const woven = classifyWithIndex(index, { title, attributes: { Material: "Polyester", "Fabric Type": "Broadcloth" } }, { market: "hs" });
    expect(knit.candidates[0]?.hs6).toBe("610443");
    expect(woven.candidates[0]?.hs6).toBe("620443");
    const earrings = classifyWithIndex(index, { title: "2024 New Fashion Geometric Trendy Gift For Women", attributes: ALIEXPRESS }, { market: "hs" });
    expect(earrings.candidates[0]?.hs6).toBe("711719");
  });
});
