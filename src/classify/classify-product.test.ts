import { describe, expect, it } from "vitest";
import { classifyWithIndex } from "./classify-product.ts";
import { loadTestIndex } from "./test-index.ts";

const index = loadTestIndex();

describe("classifyWithIndex", () => {
  it("gives the same answer whatever was classified before (work arrays are reused between calls)", () => {
    const items = [
      { title: "14k gold diamond ring" },
      { title: "Women's knit cotton T-shirt", attributes: { gender: "women" } },
      { description: "The merchandise is a cordless hammer drill with a lithium-ion battery pack." },
      { title: "steel wire hook" },
    ];
    const fresh = items.map((item) => JSON.stringify(classifyWithIndex(index, item)));
    const again = [...items]
      .reverse()
      .map((item) => JSON.stringify(classifyWithIndex(index, item)))
      .reverse();
    expect(again).toEqual(fresh);
  });

  it("answers the US market with a 10-digit line even where the HTS prints no 8-digit row (8516.31.00.00 under its heading)", () => {
    const dryer = classifyWithIndex(index, { title: "Hair dryer 1800W ionic blow dryer" }, { market: "us" }).candidates[0];
    expect(dryer?.code).toBe("8516310000");
    expect(dryer?.explanation.path.map((p) => p.code)).toEqual(["85", "8516", "851631", "8516310000"]);
  });

  it("returns one candidate per HS6, best first, each with a path from the chapter down", () => {
    const result = classifyWithIndex(index, { title: "stainless steel insulated water bottle" }, { top: 5 });
    const hs6 = result.candidates.map((c) => c.hs6);
    expect(new Set(hs6).size).toBe(hs6.length);
    expect(result.candidates.map((c) => c.score)).toEqual([...result.candidates.map((c) => c.score)].sort((a, b) => b - a));
    for (const c of result.candidates) {
      expect(c.code.startsWith(c.hs6)).toBe(true);
      expect(c.explanation.path.at(-1)?.code).toBe(c.code);
      expect(c.explanation.path[0]?.code).toBe(c.code.slice(0, 2));
    }
  });

  it("switches design choices off one at a time for the ablation", () => {
    const input = { title: "Cordless drill driver 20V" };
    const full = classifyWithIndex(index, input).candidates[0];
    const noKb = classifyWithIndex(index, input, { features: { knowledgeBase: false } }).candidates[0];
    expect(full?.explanation.families.length).toBeGreaterThan(0);
    expect(noKb?.explanation.families).toEqual([]);
    const flat = classifyWithIndex(index, input, { features: { hierarchy: false } });
    expect(flat.candidates[0]?.code).toMatch(/^\d{10}$/);
  });
});

/** The top-1 HS6 for a listing title. */
const top = (input: string | Parameters<typeof classifyWithIndex>[1]) => classifyWithIndex(index, typeof input === "string" ? { title: input } : input).candidates[0]?.hs6;

describe("classifyWithIndex: parts, attributes and words that mislead", () => {
  it("sends a part named beside or for a machine to that machine's parts subheading, not the machine", () => {
    expect(top("Replacement Blade for Lawn Mower 21 inch")).toBe("843390");
    expect(top("Blender Replacement Blade Assembly for Ninja")).toBe("850990");
    const crane = classifyWithIndex(
      index,
      {
        description: "The merchandise under consideration is a steel cover, part number 549-6714, for the Hiab 148 CLX knuckle boom crane. It is used to protect hydraulic lines.",
      },
      { market: "us" },
    );
    expect(crane.candidates[0]?.hs6).toBe("843149");
  });

  it("keeps a whole appliance whose title only mentions a blade among its features", () => {
    expect(top("Electric Coffee Grinder Stainless Steel Blade for Beans Spices")).toBe("850940");
  });

  it("follows the stated gender and fibre to the subheading the schedule gives them", () => {
    expect(top("Women's Rain Jacket Waterproof Lightweight Hooded Windbreaker Outdoor")).toBe("620240");
    expect(top("Queen Bed Sheet Set 4 Piece Brushed Microfiber Deep Pocket")).toBe("630232");
    expect(top("Women Long Wallet PU Leather Zipper Clutch Card Holder")).toBe("420232");
  });

  it("classifies dog coats in heading 42.01 and pet toys by their material, not as clothing or toys", () => {
    expect(top("Pet Clothes Dog Hoodie Winter Warm Puppy Sweatshirt")).toBe("420100");
    expect(top("Squeaky Plush Dog Toys Stuffed Chew Toys")).toBe("630790");
  });

  it("knows the goods brokers most often see misclassified: walkie-talkies, alkaline cells, lab-grown diamonds, heated blankets", () => {
    expect(top("Walkie Talkies Long Range 2 Pack Rechargeable Two Way Radio")).toBe("852560");
    // "24 Pack" counts the batteries; it does not name a battery pack.
    expect(top("AA Alkaline Batteries 1.5V LR6 24 Pack")).toBe("850610");
    expect(top("1 Carat Lab Grown Diamond Loose Round Brilliant CVD")).toBe("710491");
    expect(top("Heated Throw Blanket Electric Flannel 10 Heat Settings")).toBe("630110");
    expect(top("Lavender Bath Bombs Gift Set with Essential Oil")).toBe("330730");
    expect(top("Women Shapewear Tummy Control Panties Body Shaper Briefs")).toBe("621220");
    expect(top("Silicone Watch Band for Apple Watch 41mm")).toBe("911390");
    expect(top("Cat Toys Catnip Plush Mouse 10pcs")).toBe("630790");
    expect(top("汽车车顶行李架横杆铝合金通用款")).toBe("870829");
    expect(top("天然淡水珍珠耳环女925银耳钉")).toBe("711610");
    expect(top("Freshwater Pearl Loose Beads Strand for Jewelry Making")).toBe("710122");
  });

  it("classifies what the listing sells: a tool's battery, a drone's propellers, a toy drone, a brick-built flower, a bike light", () => {
    expect(top("18V 5.0Ah Replacement Battery for Makita BL1850B Lithium-Ion")).toBe("850760");
    // A drill sold with its batteries is the drill.
    expect(top("21V Cordless Drill Driver Set Brushless Electric Screwdriver 2 Batteries")).toBe("846721");
    expect(top("4Pcs Propellers for DJI Mini 3 Pro Quick Release Props")).toBe("880710");
    expect(top("Mini Drone for Kids RC Quadcopter Headless Mode No Camera Ages 8+")).toBe("950300");
    expect(top("LEGO Icons Orchid Artificial Plant Building Set for Adults")).toBe("950300");
    expect(top("Cycling Light Set USB Rechargeable Bike Headlight and Taillight")).toBe("851210");
    expect(top("14K Gold Plated Hoop Earrings for Women Brass Chunky Hoops")).toBe("711719");
    expect(top("Tufted Shag Area Rug 5x8 Polypropylene")).toBe("570339");
  });

  it("reads worked stone by its rock and an unequipped server cabinet as office furniture", () => {
    const slab = (rock: string) =>
      classifyWithIndex(index, {
        description: `The merchandise is referred to as Nova stone. It is ${rock} with gray mottling, measuring 120 by 70 inches. It will be cut to size for kitchen countertops. The top is polished and the sides are simply cut or sawn.`,
      }).candidates[0]?.hs6;
    expect(slab("an off-white stone")).toBe("680299");
    expect(slab("an igneous stone that meets the geological definition of granite")).toBe("680293");
    expect(
      classifyWithIndex(index, { description: "Floor-standing, empty and unequipped steel storage cabinets designed to secure computer server equipment and busbars." }).candidates[0]?.hs6,
    ).toBe("940310");
  });

  it("reads cross-border listing traps: sleeve lengths, newborn sizes, hair oils, mini PCs, party sets, soft-soled baby shoes", () => {
    // "Athletic Short Sleeve" is a T-shirt's sleeve, not athletic shorts.
    expect(top("Men Quick Dry Running T-Shirt Gym Athletic Short Sleeve Sports Tee Polyester")).toBe("610990");
    expect(top("Newborn Baby Footed Pajamas Sleeper Cotton Zipper Romper Boys Girls 0-12M")?.slice(0, 4)).toBe("6111");
    expect(top("Organic Virgin Coconut Oil Hair Oil for Hair Growth and Shine 8 fl oz")).toBe("330590");
    expect(top("Mini PC Intel N100 16GB DDR4 512GB SSD Windows 11 Pro")).toBe("847150");
    expect(top("Birthday Party Decorations Set Happy Birthday Banner Latex Balloons Foil Curtain")).toBe("950590");
    expect(top("Baby First Walkers Shoes Soft Sole Toddler Crib Shoes Cotton Infant")).toBe("640520");
    expect(top("Crystal Wine Glasses Set of 2 Lead-Free Long Stem")).toBe("701328");
    expect(top("适用苹果15promax水凝膜iPhone14手机膜全屏覆盖高清软膜")).toBe("391990");
    // A gel polish that "needs a lamp" is the polish.
    expect(top({ title: "美甲光疗甲油胶 2024新款 显白 15ml 需照灯", attributes: { 类型: "UV/LED光疗胶" } })).toBe("330430");
  });

  it("moves a picture frame to its material's heading, and household gates to the household articles of theirs", () => {
    expect(top("Ceramic Picture Frame 4x6 Tabletop")).toBe("691390");
    expect(top("Clear Acrylic Photo Frame Magnetic 5x7")).toBe("392490");
    expect(top("Wooden Photo Frame 5x7 with Glass Front")).toBe("441490");
    expect(top("Baby Safety Gate Pressure Mounted Steel")).toBe("732399");
    expect(top("Dog Gate for Stairs Plastic")).toBe("392490");
  });

  it("reads a festive occasion and a decoration named apart, but leaves strings of lights and 'light up' goods alone", () => {
    expect(top("Halloween Light Up Cauldron Decoration")).toBe("950590");
    expect(top("Christmas Tree Hanging Wooden Ornaments 24pcs")).toBe("950510");
    expect(top("Christmas String Lights 100 LED Decoration")).toBe("940531");
    expect(top("LED Light Up Shoes for Kids USB Charging")?.slice(0, 2)).toBe("64");
  });

  it("reads a Chinese phrase the knowledge base knows as a whole, not as the goods its first characters name", () => {
    expect(top("手机支架 桌面 懒人支架 可折叠 铝合金 平板")?.slice(0, 4)).not.toBe("8517");
    expect(top("楠竹鞋架多层简易家用门口防尘收纳架 5层")).toBe("940382");
    expect(top("泡泡玛特同款盲盒潮玩手办 收藏摆件")).toBe("950300");
  });

  it("takes the chief fibre from Amazon's 'Fabric type' and from Chinese composition with its shares", () => {
    expect(top({ title: "Men's Pullover Hoodie Fleece Hooded Sweatshirt", attributes: { "Fabric type": "80% Cotton, 20% Polyester", Material: "Brushed back fleece (knit)" } })).toBe("611020");
    expect(top({ title: "冰丝运动裤男夏季薄款速干休闲裤", attributes: { 材质成分: "锦纶88% 氨纶12%", 工艺: "针织", 适用性别: "男" } })).toBe("610343");
    expect(top({ title: "针织半身裙女高腰", attributes: { 面料: "针织", 材质成分: "粘纤70% 锦纶30%" } })).toBe("610459");
  });

  it("sells the motorcycle part or accessory a listing names, but keeps a scooter described by its power and speed", () => {
    expect(top("Motorcycle Mirrors Universal Rearview Side Mirror CNC Aluminum Bar End for Yamaha Honda")).toBe("700910");
    expect(top("Electric Scooter Adults 350W Motor 19 Mph 21 Miles Range Foldable Commuting E-Scooter")).toBe("871160");
  });

  it("does not read zinc-plated steel as a zinc plate, or matching pyjamas as matches", () => {
    expect(top("zinc-plated carbon steel hex bolts")?.slice(0, 4)).toBe("7318");
    expect(top("Christmas Matching Family Pajamas Set")?.slice(0, 2)).not.toBe("36");
  });
});

describe("classifyWithIndex: marketplace wording", () => {
  it("reads a device model as the device it names: the phone itself, or an accessory sold for it", () => {
    expect(top("Apple iPhone 15 Pro Max 256GB Unlocked Smartphone")).toBe("851713");
    expect(top("for iPhone 15 Pro Max Case Liquid Silicone Shockproof Soft Microfiber Lining")).toBe("392690");
    expect(top("Samsung Galaxy S23 Ultra Case with Kickstand")).toBe("392690");
  });

  it("matches a phrase across a version number, and classifies by the battery chemistry named", () => {
    expect(top("Bluetooth 5.3 Transmitter Receiver 2 in 1 Aux Adapter")).toBe("851762");
    expect(top("AA Rechargeable Batteries NiMH 2800mAh 8 Pack")).toBe("850750");
  });

  it("knows remote-control toys, vacuum tumblers and electric kettles, in English and Chinese", () => {
    expect(top("RC Car 1:16 Remote Control Off Road Monster Truck 2.4GHz")).toBe("950300");
    expect(top("遥控汽车儿童越野车充电")).toBe("950300");
    expect(top("40 oz Tumbler with Handle and Straw Stainless Steel Vacuum Insulated Travel Mug")).toBe("961700");
    expect(top("电热水壶家用304不锈钢烧水壶")).toBe("851679");
  });
});
