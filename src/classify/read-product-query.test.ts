import { describe, expect, it } from "vitest";
import { matchFamilies } from "./match-families.ts";
import { readProductQuery } from "./read-product-query.ts";

const weight = (q: ReturnType<typeof readProductQuery>, stem: string) => q.terms.get(stem) ?? 0;

describe("reading a product", () => {
  it("weighs what a title is above what it fits: 'for iPhone' names the phone, not the goods", () => {
    const q = readProductQuery({ title: "Shockproof silicone case for iPhone 15 Pro" });
    expect(weight(q, "case")).toBeGreaterThan(weight(q, "iphon") * 1.5);
    expect(q.heads).toEqual(["case"]);
  });

  it("weighs accessories after 'with' below the product itself", () => {
    const q = readProductQuery({ title: "Cordless drill driver with 2 batteries and charger" });
    expect(weight(q, "drill")).toBeGreaterThan(weight(q, "batteri"));
  });

  it("finds the goods named in a ruling-style description and drops boilerplate sentences", () => {
    const q = readProductQuery({
      description:
        "This analysis has been completed. The merchandise under consideration is a stainless-steel water bottle, model 55. It has a screw cap. Sincerely, Director, National Commodity Specialist Division.",
    });
    expect(q.heads).toEqual(["bottl"]);
    expect(weight(q, "bottl")).toBeGreaterThan(weight(q, "cap"));
    expect(q.terms.has("director")).toBe(false);
    expect(q.terms.has("merchandis")).toBe(false);
  });

  it("does not read colour names made of nouns as the goods: charcoal gray stone is stone, light gray is no lamp", () => {
    const q = readProductQuery({ description: "White Ice is an off-white stone with light gray to charcoal gray mottling. It is ivory and cream-colored." });
    expect(q.terms.has("charcoal")).toBe(false);
    expect(q.terms.has("ivori")).toBe(false);
    expect(q.terms.has("light")).toBe(false);
    expect(weight(q, "stone")).toBeGreaterThan(0);
    expect(readProductQuery({ title: "Dark Chocolate Bar 70% Cocoa" }).terms.has("chocol")).toBe(true);
    expect(readProductQuery({ title: "Charcoal Grill Portable BBQ" }).terms.has("charcoal")).toBe(true);
  });

  it("weighs what follows 'for' in any sentence of a description as what the goods serve", () => {
    const q = readProductQuery({
      description: "The merchandise is a granite slab. It is polished on one face. It will be cut to size for kitchen countertops and office furniture.",
    });
    expect(weight(q, "slab")).toBeGreaterThan(weight(q, "furnitur") * 1.5);
  });

  it("prefers the overlapping family phrase that reaches the head noun: a dog chew toy is a pet toy, not dog chews", () => {
    const families = matchFamilies(readProductQuery({ title: "Dog Chew Toys for Aggressive Chewers" })).map((m) => m.family.id);
    expect(families).toContain("household.pet-toy");
    expect(families).not.toContain("food.pet-food");
    expect(matchFamilies(readProductQuery({ title: "Dog chews beef flavour 500g" })).map((m) => m.family.id)).toContain("food.pet-food");
  });

  it("keeps a bearing apart from a bear", () => {
    expect(readProductQuery({ title: "Teddy bear plush toy" }).terms.has("bearing")).toBe(false);
    expect(readProductQuery({ title: "Deep groove ball bearings" }).terms.has("bear")).toBe(false);
    expect(readProductQuery({ title: "Deep groove ball bearings" }).terms.has("bearing")).toBe(true);
  });

  it("weighs what the goods are made of below what they are", () => {
    const q = readProductQuery({ description: "The bookshelves are ready-to-assemble furniture constructed of medium density fiberboard panels." });
    expect(weight(q, "furnitur")).toBeGreaterThan(weight(q, "fiberboard") * 1.4);
  });

  it("reads Chinese through the glossary and matches Chinese product-family terms", () => {
    const q = readProductQuery({ title: "女士棉质针织T恤" });
    expect(q.text).toMatch(/women/);
    expect(q.text).toMatch(/cotton/);
    expect(q.text).toMatch(/knit/);
    expect(matchFamilies(q).map((m) => m.family.id)).toContain("apparel.t-shirt");
  });

  it("weighs a category's leaf above the store department and the alternatives listed above it", () => {
    const first = (title: string, category: string) => matchFamilies(readProductQuery({ title, category }))[0]?.family.id;
    expect(first("Car Air Freshener Vent Clip Aromatherapy Diffuser", "Automobiles & Motorcycles > Interior Accessories > Air Freshener")).toBe("cosmetic.air-freshener");
    expect(first("洗发水去屑控油蓬松持久留香", "洗护清洁剂/卫生巾/纸/香薰 > 洗发水")).toBe("cosmetic.shampoo");
  });

  it("reads a Chinese term run straight into another as its modifier: a car roof rack is a roof rack", () => {
    const matches = matchFamilies(readProductQuery({ title: "汽车车顶行李架横杆铝合金" }));
    expect(matches[0]?.family.id).toBe("kb3.auto.roof-rack");
    // Two names for goods of one heading are not a modifier and its head.
    expect(matchFamilies(readProductQuery({ title: "香薰机加湿器 家用卧室" }))[0]?.family.codes[0]).toBe("850980");
  });

  it("prefers the longest knowledge-base phrase: a drill bit is not a drill", () => {
    const matches = matchFamilies(readProductQuery({ title: "HSS drill bit set, 13 pieces" }));
    expect(matches.map((m) => m.phrase).join(" ")).toContain("drill bit");
    expect(matches.flatMap((m) => m.family.codes)).toContain("820750");
    expect(matches.map((m) => m.family.id)).not.toContain("tool.hand.drill");
  });

  it("uses the category path and string attributes as evidence", () => {
    const q = readProductQuery({ title: "Crew neck tee", category: "Clothing > Women > Tops", attributes: { material: "cotton", construction: "knit" } });
    expect(q.terms.has("cotton")).toBe(true);
    expect(q.terms.has("top")).toBe(true);
    expect(q.attributes.construction).toBe("knit");
  });
});

describe("readProductQuery: shapes", () => {
  it("does not read the shape of the goods as the goods", () => {
    expect(readProductQuery({ title: "Cat Shaped Throw Pillow" }).terms.has("cat")).toBe(false);
    expect(readProductQuery({ description: "The item is a glass ornament in the shape of a gecko, butterfly, owl, or dragon." }).terms.has("owl")).toBe(false);
  });

  it("finds a description's subject past a bracketed abbreviation, a decimal size or a missing article", () => {
    const heads = (description: string) => readProductQuery({ description }).heads;
    expect(heads("Part number 117832 is an acrylonitrile-butadiene-styrene (ABS) plastic wall mount bracket. It holds a router.")[0]).toBe("bracket");
    expect(heads("The product under consideration is described as a 3.15” H citronella candle with a decorative glass holder.")[0]).toBe("candl");
    expect(heads("The subject merchandise is Frozen Shrimp Spring Rolls. The product consists of a shrimp filling.")[0]).toBe("roll");
  });
});
