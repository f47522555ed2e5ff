import { describe, expect, it } from "vitest";
import { titleAccuracy } from "./title-accuracy.ts";

/** Marketplace-style titles for chapters 50–83, each with the HS 2022 subheading it belongs to (written from the nomenclature, not from engine output). */
const CASES: readonly [title: string, hs6: string][] = [
  ["Women's Floral Print Chiffon Midi Dress Polyester Short Sleeve", "620443"],
  ["Men's 100% Cotton Crew Neck T-Shirt Short Sleeve Basic Tee", "610910"],
  ["Women's High Waist Yoga Leggings Nylon Spandex Workout Pants", "610463"],
  ["Men's Slim Fit Stretch Denim Jeans Cotton", "620342"],
  ["Women's Chunky Cable Knit Cardigan Sweater Acrylic", "611030"],
  ["Men's Lightweight Windbreaker Jacket Polyester Hooded", "620140"],
  ["Men's Cotton Boxer Briefs Knit Underwear 5 Pack", "610711"],
  ["Women's Lace Bralette Wireless Bra", "621210"],
  ["Cotton Crew Socks Athletic Cushioned 6 Pairs", "611595"],
  ["Queen Bed Sheet Set 100% Cotton Percale Solid White", "630231"],
  ["Microfiber Cleaning Cloth 12 Pack Lint Free Streak Free", "630710"],
  ["Blackout Curtains Thermal Insulated Polyester Window Drapes 2 Panels", "630392"],
  ["Heavy Duty Waterproof Poly Tarp 10x12 ft Woven Polyethylene", "630612"],
  ["Men's Leather Oxford Dress Shoes Rubber Sole Lace Up", "640399"],
  ["Women's Fuzzy Fleece House Slippers Memory Foam Rubber Sole", "640419"],
  ["EVA Flip Flops Men's Beach Sandals", "640220"],
  ["Men's Mesh Running Shoes Breathable Lightweight Sneakers", "640411"],
  ["Unisex Cotton Baseball Cap Adjustable Dad Hat", "650500"],
  ["Compact Travel Umbrella Windproof Automatic Open Close", "660191"],
  ["Human Hair Lace Front Wig Body Wave 22 inch", "670420"],
  ["Artificial Eucalyptus Stems Fake Greenery Plastic", "670210"],
  ["925 Sterling Silver Stud Earrings Cubic Zirconia", "711311"],
  ["Gold Plated Stainless Steel Chain Necklace Women", "711719"],
  ["Stainless Steel Cookware Set 10 Piece Pots and Pans", "732393"],
  ["Pre-Seasoned Cast Iron Skillet 12 Inch", "732391"],
  ["Disposable Aluminum Foil Pans with Lids 9x13 30 Pack", "761510"],
  ["Stainless Steel Hex Head Bolts M8 x 50mm 20pcs", "731815"],
  ["Self Tapping Screws Assortment 500 pcs Phillips Pan Head", "731814"],
  ["Steel Flat Washers M6 Zinc Plated 100pcs", "731822"],
  ["Heavy Duty Shelf Brackets L Shaped Steel 8 inch 4 Pack", "830250"],
  ["Soft Close Concealed Cabinet Hinges 10 Pack", "830210"],
  ["Brass Padlock Keyed Alike 4 Pack", "830110"],
  ["Swivel Caster Wheels 2 inch with Brake Heavy Duty 4 Pack", "830220"],
  ["Aluminum Locking Carabiner Clip D Ring", "761699"],
  ["Chrome Vanadium Combination Wrench Set Metric 12 Piece", "820411"],
  ["7 Inch Diamond Saw Blade for Porcelain Tile Cutting", "820239"],
  ["HSS Twist Drill Bit Set for Metal 29 Piece", "820750"],
  ["Heavy Duty Kitchen Scissors Stainless Steel Shears", "821300"],
  ["8 Inch Chef Knife High Carbon Stainless Steel Kitchen Knife", "821192"],
  ["Stainless Steel Flatware Set 20 Piece Silverware Service for 4", "821520"],
  ["Polished Granite Countertop Slab Kitchen", "680293"],
  ["Glazed Porcelain Floor Tile 600x600mm", "690721"],
  ["Stoneware Coffee Mug 14 oz Handmade Glaze", "691200"],
  ["Borosilicate Glass Food Storage Containers with Lids Set", "701342"],
  ["Stemmed Wine Glasses Set of 4 Clear Glass 16oz", "701328"],
  ["Frameless Bathroom Wall Mirror Round Beveled", "700991"],
  ["Paracord 550 Nylon Rope 100 ft Parachute Cord", "560750"],
  ["PP Spunbond Non Woven Fabric Roll 50gsm", "560312"],
  ["不锈钢炒锅 家用 无涂层 32cm", "732393"],
  ["纯棉短袖T恤 男士 圆领", "610910"],
  ["女士真丝丝巾 桑蚕丝 方巾", "621410"],
  ["镀锌电焊网 铁丝网 围栏网", "731431"],
  ["不锈钢六角螺栓 M10", "731815"],
  ["合金耳环 女 韩版 时尚", "711719"],
  ["铸铁锅 珐琅 炖锅", "732392"],
  ["涤纶窗帘 遮光 卧室", "630392"],
];

describe("knowledge base for chapters 50–83 (textiles, footwear, stone, glass, jewellery, base metals)", () => {
  it("puts the right subheading in the top 3 for most marketplace titles, and first for most", () => {
    const { top1, top3, misses } = titleAccuracy(CASES);
    if (top1 < 0.65 || top3 < 0.85) console.log(`top-1 ${top1.toFixed(2)}, top-3 ${top3.toFixed(2)}\n${misses.join("\n")}`);
    expect(top3).toBeGreaterThanOrEqual(0.85);
    expect(top1).toBeGreaterThanOrEqual(0.65);
  });
});
