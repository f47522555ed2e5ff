import { describe, expect, it } from "vitest";
import { ruleHolds } from "./apply-rules.ts";
import { CLASSIFICATION_RULES } from "./classification-rules.ts";
import { type ClassifyOptions, classifyWithIndex } from "./classify-product.ts";
import { readProductFacts } from "./read-product-facts.ts";
import { type ProductInput, readProductQuery } from "./read-product-query.ts";
import { loadTestIndex } from "./test-index.ts";

const index = loadTestIndex();
const top = (input: ProductInput, options: ClassifyOptions = {}) => classifyWithIndex(index, input, { market: "us", ...options }).candidates[0];
const facts = (input: ProductInput) => readProductFacts(readProductQuery(input));

describe("attribute rules and legal notes", () => {
  it("sends a knitted garment to chapter 61 and the same garment woven to chapter 62", () => {
    expect(top({ title: "Women's cotton blouse", attributes: { construction: "knit" } })?.code.slice(0, 2)).toBe("61");
    expect(top({ title: "Women's cotton blouse", attributes: { construction: "woven" } })?.code.slice(0, 2)).toBe("62");
    expect(top({ title: "Men's long sleeve shirt, knitted jersey, 100% cotton" })?.code.slice(0, 4)).toBe("6105");
    expect(top({ title: "Men's long sleeve shirt, woven poplin, 100% cotton" })?.code.slice(0, 4)).toBe("6205");
  });

  it("says which rule moved the answer, with its legal source", () => {
    const knit = top({ title: "Women's cotton blouse", attributes: { construction: "knit" } });
    const rule = knit?.explanation.rules.find((r) => r.id === "knit-garment-ch61");
    expect(rule?.effect).toBeGreaterThan(0);
    expect(rule?.source).toMatch(/Chapter 61 Note/);
  });

  it("moves a family's household article to the heading of the material the goods are made of", () => {
    expect(top({ title: "Weekly pill organizer 7 day pill box" })?.code.slice(0, 4)).toBe("3924");
    expect(top({ description: "The items are weekly pill cases. The cases and lids are made of aluminum alloy." })?.code.slice(0, 6)).toBe("761510");
    expect(top({ title: "Weekly pill box, stainless steel" })?.code.slice(0, 4)).toBe("7323");
  });

  it("keeps a chemically defined compound (CAS number, stated purity) out of chapters 34 and 38, whatever it is used as", () => {
    const surfactant = "The product, sodium lauroyl isethionate, is a mild anionic surfactant used in personal care products.";
    expect(top({ description: surfactant })?.code.slice(0, 2)).toBe("34");
    const compound = top({ description: `${surfactant} CAS No. 7381-01-3. The compound is 94 percent pure.` });
    expect(["28", "29"]).toContain(compound?.code.slice(0, 2));
    expect(compound?.explanation.rules.map((r) => r.id)).toContain("chemically-defined-not-34-38");
  });

  it("separates imitation jewellery (7117) from jewellery of precious metal (7113)", () => {
    expect(top({ title: "Gold plated zinc alloy pendant necklace" })?.code.slice(0, 4)).toBe("7117");
    expect(top({ title: "Pendant necklace", attributes: { material: "14k solid gold" } })?.code.slice(0, 4)).toBe("7113");
    expect(top({ title: "925 sterling silver stud earrings" })?.code.slice(0, 4)).toBe("7113");
  });

  it("uses gender for men's and women's lines, and women's when the garment says neither", () => {
    expect(top({ title: "Cotton T-shirt", attributes: { gender: "men" } })?.description).toMatch(/Men/);
    expect(top({ title: "Cotton T-shirt", attributes: { gender: "women" } })?.description).toMatch(/Women/);
    const unstated = top({ title: "Cotton knit T-shirt, crew neck" });
    expect(unstated?.explanation.rules.map((r) => r.id)).toContain("garment-gender-unknown");
    expect(unstated?.description).not.toMatch(/^Men|Boys/);
  });

  it("classifies a tool with a motor as a power tool (8467) and without one in chapter 82", () => {
    expect(top({ title: "Cordless drill driver 20V" })?.code.slice(0, 6)).toBe("846721");
    expect(top({ title: "Hand drill, manual, non-electric" })?.code.slice(0, 2)).toBe("82");
  });

  it("classifies by the textile fibre that predominates by weight", () => {
    expect(facts({ title: "Sweater, 60% polyester 40% cotton" }).fibre).toBe("synthetic");
    expect(facts({ title: "Sweater, 30% nylon 70% cotton" }).fibre).toBe("cotton");
    expect(facts({ title: "Dress", description: "stated fiber content of 54 percent modal, 46 percent cotton" }).fibre).toBe("artificial");
  });

  it("reads PU or faux leather as plastics, and real leather as leather", () => {
    expect(facts({ title: "Women's PU Leather Crossbody Bag" }).materials).toEqual(["plastics"]);
    expect(facts({ title: "Faux leather jacket" }).materials).not.toContain("leather");
    expect(facts({ title: "Genuine cowhide leather wallet" }).materials).toContain("leather");
  });

  it("reads facts from explicit attributes before the text", () => {
    const f = facts({ title: "knit top", attributes: { construction: "woven", gender: "male", material: "polyester" } });
    expect(f).toMatchObject({ construction: "woven", gender: "men", fibre: "synthetic" });
  });

  it("evaluates nested conditions", () => {
    const ctx = { facts: facts({ title: "Women's knit dress" }), families: new Set(["apparel.dress"]), text: "women knit dress" };
    expect(ruleHolds({ all: [{ familyPrefix: ["apparel."] }, { fact: "construction", is: ["knit"] }] }, ctx)).toBe(true);
    expect(ruleHolds({ any: [{ family: ["jewellery.ring"] }, { not: { fact: "gender", is: ["women"] } }] }, ctx)).toBe(false);
    expect(ruleHolds({ text: "\\bdress\\b" }, ctx)).toBe(true);
  });

  it("cites a source for every rule and names every code it moves as real digits", () => {
    for (const rule of CLASSIFICATION_RULES) {
      expect(rule.source.length, rule.id).toBeGreaterThan(10);
      for (const code of Object.keys(rule.effect.codes ?? {})) expect(index.byCode.has(code), `${rule.id}: ${code}`).toBe(true);
    }
    expect(new Set(CLASSIFICATION_RULES.map((r) => r.id)).size).toBe(CLASSIFICATION_RULES.length);
  });
  it("reads retail yarn, seamless tubes, furniture by material and elastomeric knits by the notes that split them", () => {
    expect(top({ title: "Acrylic Yarn for Crocheting 100g x 10 Skeins Worsted Knitting Yarn" })?.hs6).toBe("551110");
    expect(top({ title: "纯棉毛线8股精梳棉钩针线手工编织", attributes: { 材质: "精梳棉100%" } })?.hs6).toBe("520710");
    expect(top({ title: "ASTM A312 TP304 Seamless Stainless Steel Pipe Sch40 2 inch Cold Drawn" })?.hs6.slice(0, 4)).toBe("7304");
    expect(top({ title: "Bamboo Shoe Rack 4 Tier Stackable Shoe Shelf", attributes: { Material: "Bamboo" } })?.hs6).toBe("940382");
    expect(top({ title: "95% Polyester 5% Spandex Jersey Knit Fabric 180GSM Width 160cm" })?.hs6.slice(0, 4)).toBe("6004");
    expect(top({ title: "YJV 0.6/1kV 4x16mm2 Copper Power Cable XLPE Insulated" })?.hs6).toBe("854449");
  });

  it("takes leather soles, LED lamps and earring studs for what the schedule calls them", () => {
    const oxford = { title: "Men's Genuine Leather Oxford Dress Shoes", attributes: { "Upper Material": "Cow Leather", "Outsole Material": "Genuine Leather" } };
    expect(top(oxford)?.hs6).toBe("640359");
    expect(top({ title: "LED Headlamp Rechargeable 1200 Lumen Head Lamp Waterproof" })?.hs6).toBe("851310");
    expect(top({ title: "Geometric Stud Earrings For Women Zinc Alloy" })?.hs6).toBe("711719");
    expect(top({ title: "Acrylic Resin Geometric Drop Earrings Statement Boho" })?.hs6).toBe("711790");
  });

  it("does not read a free gift in a Chinese title as the goods", () => {
    expect(top({ title: "麻将牌家用手搓大号亚克力麻将42mm送桌布" })?.hs6).toBe("950490");
  });
  it("reads babies' sizes, wig fibres, plastics raincoats, belts and bicycle parts as the notes and headings do", () => {
    expect(top({ title: "Baby Girl Dress Sleeveless Chiffon Flower Princess Dress 0-3 Months", attributes: { Material: "Polyester" } })?.hs6).toBe("620930");
    expect(top({ title: "Lace Front Wigs Long Body Wave Wig", attributes: { Material: "High Temperature Fiber" } })?.hs6).toBe("670411");
    expect(top({ title: "3D Real Mink Lashes Fluffy Dramatic Eyelashes" })?.hs6).toBe("670490");
    expect(top({ title: "Kids Raincoat Waterproof PVC Rain Jacket Hooded Poncho", attributes: { Material: "PVC" } })?.hs6).toBe("392620");
    expect(top({ title: "Women's Belt PU Leather Waist Belt Gold Buckle Fashion Jeans Belt for Dress", attributes: { Material: "PU", Buckle: "Zinc alloy" } })?.hs6).toBe("392620");
    expect(top({ title: "自行车坐垫超软加厚山地车座垫公路车舒适骑行座包单车配件" })?.hs6).toBe("871495");
  });

  it("keeps a listing that names its material as the goods in the material's heading, and reads 苹果 before a model as the brand", () => {
    expect(top({ title: "Permanent Adhesive Vinyl Sheets 12 x 12 40 Pack Glossy Outdoor Vinyl for Cricut" })?.hs6).toBe("391990");
    expect(top({ title: "Epoxy Resin Kit 1 Gallon Crystal Clear Casting Resin and Hardener 1:1 for Art" })?.hs6).toBe("390730");
    expect(top({ title: "Acrylic Resin Geometric Drop Earrings Statement Boho" })?.hs6).toBe("711790");
    expect(top({ title: "适用苹果11电池iPhone12/13/XR手机电池大容量更换原装电芯" })?.hs6).toBe("850760");
  });

  it("reads a material named in a description's subject as what an article is made of, and sets aside the words under a heading a note excludes", () => {
    const bracket = top({ description: "Part number 117832 is an acrylonitrile-butadiene-styrene (ABS) plastic wall mount bracket. It is mounted on a wall." });
    expect(Number(bracket?.code.slice(0, 4))).toBeGreaterThan(3914);
    expect(top({ title: "PVC电工胶布 绝缘胶带 黑色 10卷装 防水阻燃" })?.hs6).toBe("391910");
  });

  it("takes a citronella candle as an insect repellent article of 38.08, as the heading names candles", () => {
    const candle = top({
      description: "The product is a single-wick citronella candle in a glass jar, for outdoor use to keep insects away. It is made of paraffin wax with 5 percent citronella oil.",
    });
    expect(candle?.hs6).toBe("380891");
    expect(top({ title: "Citronella Candles Outdoor Mosquito Repellent Candle in Tin, 3 Pack" })?.hs6).toBe("380891");
    expect(top({ title: "Scented soy wax candle in glass jar, lavender" })?.hs6).toBe("340600");
  });

  it("knows the families technical descriptions name: urns, cooling towers, rapid tests, fitted carrying cases, motorcycle footpegs", () => {
    const hs6 = (description: string) => top({ description })?.hs6;
    expect(hs6("The articles are decorative memorial cremation urns made of cast aluminum, with engraved and painted finishes.")).toBe("830629");
    expect(hs6("The merchandise is an industrial steel water cooling tower with an induced-draft, cross-flow design and a cold-water basin.")).toBe("841989");
    expect(hs6("The items are COVID-19 and Flu A/B rapid antigen test kits for home use, each with a test cassette and a swab.")).toBe("382219");
    expect(hs6("The subject merchandise is a carrying case for a sleep therapy device, fitted to hold the device and its tubing. It is of man-made textile material.")).toBe(
      "420292",
    );
    expect(hs6("The merchandise consists of auxiliary motorcycle footpeg kits of aluminum alloy, designed for installation on motorcycles.")).toBe("871410");
    expect(hs6("The article is a unisex baseball-style cap constructed of 100 percent cotton woven fabric, with a multi-panel crown and a peak.")).toBe("650500");
  });

  it("reads the numbers the schedule splits by: fabric weight, voltage over 1,000 V, a motor's output, a tea packing", () => {
    expect(facts({ title: "100% Cotton Twill Fabric 180gsm 58 inch" }).fabricWeight).toBe("upTo200");
    expect(facts({ title: "Canvas fabric 10 oz/yd2" }).fabricWeight).toBe("over200");
    expect(facts({ title: "PV cable 1500V DC" }).overThousandVolts).toBe(true);
    expect(facts({ title: "YJV 0.6/1kV power cable, 1000V" }).overThousandVolts).toBe(false);
    expect(facts({ title: "Hub motor 48V 1000W" }).outputPower).toBe("upTo75kW");
    expect(top({ title: "100% Cotton Twill Fabric by the Yard Dyed Khaki 180gsm 58 inch Wide" })?.hs6.slice(0, 4)).toBe("5208");
    expect(top({ title: "Solar PV Cable 6mm2 H1Z2Z2-K 1500V DC Tinned Copper 100ft" })?.hs6).toBe("854460");
    expect(top({ title: "电动滑板车轮毂电机 48V 1000W 10寸 无刷 后驱" })?.hs6).toBe("850132");
    expect(top({ title: "Organic Dragon Well Green Tea Loose Leaf 250g Tin" })?.hs6).toBe("090210");
  });

  it("keeps engine parts in 84.09 and a car part out of the motorcycle chapter because of a store department's name", () => {
    expect(top({ title: "摩托车化油器 PZ26 适用于125cc 踏板车", category: "摩托车用品/摩托车配件/发动机配件" })?.hs6).toBe("840991");
    expect(top({ title: "Ceramic Brake Pads Front Set for Honda Accord 2013-2017", category: "Automobiles & Motorcycles > Auto Replacement Parts > Brake System" })?.hs6).toBe(
      "870830",
    );
  });

  it("reads a retail fertiliser, a hand-held trimmer, a textile-soled baby shoe and a capacitor by the notes that decide them", () => {
    expect(top({ title: "花卉通用复合肥 缓释肥 氮磷钾 500g 家用盆栽 颗粒" })?.hs6).toBe("310510");
    expect(top({ title: "Cordless String Trimmer 21V Battery Powered Hand-held Weed Eater" })?.hs6).toBe("846729");
    const babyShoe = {
      title: "Baby Shoes Soft Sole First Walkers Canvas Crib Shoes 0-18 Months",
      attributes: { "Upper Material": "Cotton canvas", "Outsole Material": "Cotton fabric" },
    };
    expect(top(babyShoe)?.hs6).toBe("640520");
    expect(top({ title: "CBB65 Run Capacitor 35uF 450VAC for AC Condenser Fan Motor", category: "Home Appliances > Air Conditioner Parts" })?.hs6).toBe("853225");
    expect(facts({ title: "充气床垫 PVC植绒" }).materials).toContain("plastics");
  });

  it("sorts seats into the subheadings of 94.01 by swivel, bed, frame and upholstery, keeping the family that named the seat", () => {
    const stool = top({ title: "Counter Height Swivel Bar Stools Set of 2, Gas Lift Adjustable, Chrome Base, Faux Leather", category: "Furniture > Bar Stools" });
    expect(stool?.hs6).toBe("940139");
    expect(stool?.explanation.rules.map((r) => r.id)).toContain("seat-swivel-other");
    expect(top({ title: "Industrial Metal Bar Stools 30 inch Set of 4, Backless, Stackable", category: "Furniture > Bar Stools" })?.hs6).toBe("940179");
    expect(top({ title: "Sofá 3 plazas tapizado en tela, estructura de madera de pino, gris", category: "Hogar > Muebles > Sofás" })?.hs6).toBe("940161");
    expect(top({ title: "Queen Sleeper Sofa with Pull-Out Memory Foam Mattress, Hardwood Frame" })?.hs6).toBe("940141");
    expect(top({ title: "Resin Adirondack Chair, HDPE Poly Lumber, Weather Resistant", attributes: { Material: "HDPE plastic lumber" } })?.hs6).toBe("940180");
  });

  it("divides other furniture by material (wood, rattan) and builders' doors, locks and lamps by what they are", () => {
    expect(top({ title: "Freestanding Coat Rack Stand, Solid Wood, 8 Hooks" })?.hs6).toBe("940360");
    expect(top({ title: "Natural Rattan Coffee Table, Round, Hand-Woven", category: "Furniture > Coffee Tables" })?.hs6).toBe("940383");
    expect(top({ title: "Solid Mahogany Exterior Front Door Slab, 36x80, 2-Panel" })?.hs6).toBe("441821");
    expect(top({ title: "Prehung Interior Door, 6-Panel Molded Hardboard, Primed, 32x80" })?.hs6).toBe("441829");
    expect(top({ title: "Keyed Entry Door Knob, Satin Nickel, Zinc Alloy" })?.hs6).toBe("830140");
    expect(top({ title: "Passage Door Knob, Satin Nickel, Zinc Alloy" })?.hs6).toBe("830241");
    expect(top({ title: "Enameled Cast Iron Drop-In Kitchen Sink, Double Bowl" })?.hs6).toBe("732490");
    expect(top({ title: "人体感应灯 橱柜灯 充电式 无线 LED 磁吸 衣柜灯条" })?.hs6).toBe("851310");
  });

  it("tells legal-tender coins from collectors' coins, and collectors' coins by age", () => {
    expect(top({ title: "2025 1 oz American Silver Eagle BU" })?.hs6).toBe("711890");
    expect(top({ title: "1921 Morgan Silver Dollar PCGS MS63", category: "Coins & Paper Money > Coins: US > Dollars" })?.hs6).toBe("970531");
    expect(top({ title: "Zimbabwe 100 Trillion Dollars Banknote 2008 UNC", category: "Coins & Paper Money > Paper Money: World" })?.hs6).toBe("970539");
    expect(top({ title: "Genuine Trilobite Fossil Elrathia kingii in Matrix, Utah" })?.hs6).toBe("970522");
  });

  it("sets aside whole vehicles a listing's price cannot buy, and reads a vehicle written into Chinese words as a modifier", () => {
    const mat = { title: "Car Floor Mats All Weather Rubber Universal Fit", price: 25, currency: "USD" };
    expect(top(mat)?.code.slice(0, 4)).not.toBe("8703");
    const withRule = classifyWithIndex(index, { title: "汽车点烟器头 12V 通用", price: 12, currency: "CNY" }, { market: "us", top: 5 }).candidates;
    expect(withRule.some((c) => c.code.startsWith("8703"))).toBe(false);
  });

  it("reads the Chinese as written: a cosmetic raw material sold by the kilogram is the chemical", () => {
    expect(top({ title: "咖啡因 无水 化妆品原料 99% 1kg", category: "化工 > 日用化学品原料 > 化妆品原料", attributes: { CAS: "58-08-2", 含量: "99%" } })?.hs6).toBe("293930");
    expect(top({ title: "烟酰胺 化妆品级 99% 维生素B3 美白原料 1kg", category: "化工 > 日用化学品原料 > 化妆品原料" })?.hs6).toBe("293629");
  });

  it("splits transformers and diesel generating sets by kVA and V-ribbed belts by circumference", () => {
    expect(top({ title: "30kVA Three Phase Dry Type Isolation Transformer 400V/220V" })?.hs6).toBe("850433");
    expect(top({ title: "100kVA Silent Diesel Generator Set Cummins Engine" })?.hs6).toBe("850212");
    expect(top({ title: "Serpentine Belt 6PK1200 V-Ribbed Belt EPDM" })?.hs6).toBe("401031");
    expect(top({ title: "Serpentine Belt 6PK1870 V-Ribbed Drive Belt EPDM" })?.hs6).toBe("401033");
  });
});
