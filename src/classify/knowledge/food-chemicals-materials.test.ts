import { describe, expect, it } from "vitest";
import { titleAccuracy } from "./title-accuracy.ts";

/** Marketplace-style titles for chapters 01–49, each with the HS 2022 subheading it belongs to (written from the nomenclature, not from engine output). */
const CASES: readonly [title: string, hs6: string][] = [
  ["Silicone Baking Mat Non Stick Reusable Half Sheet 2 Pack", "392410"],
  ["Matte Liquid Lipstick Long Lasting Waterproof Nude Velvet", "330410"],
  ["Waterproof Volumizing Mascara Black Lengthening", "330420"],
  ["Full Coverage Liquid Foundation Oil Control SPF 15", "330499"],
  ["Makeup Bag Travel Cosmetic Organizer Pouch Nylon Zipper", "420292"],
  ["Genuine Leather Bifold Wallet Men RFID Blocking", "420231"],
  ["Women's PU Leather Crossbody Bag Small Shoulder Purse", "420222"],
  ["Hardside Spinner Suitcase 24 inch ABS Luggage", "420212"],
  ["Clear Plastic Food Storage Containers with Lids Meal Prep", "392410"],
  ["Heavy Duty Trash Bags 13 Gallon Drawstring Kitchen Garbage Bags", "392321"],
  ["Clear Packing Tape 2 inch 6 Rolls Shipping Tape", "391910"],
  ["Flexible Clear Vinyl Tubing PVC Hose 1/2 inch ID 10 ft", "391732"],
  ["Nitrile Disposable Gloves Powder Free Examination 100 Pack", "401512"],
  ["Bamboo Cutting Board Set Kitchen Chopping Board with Juice Groove", "441911"],
  ["Wooden Photo Frame 5x7 Rustic Picture Frame", "441490"],
  ["Wicker Storage Basket with Handles Handwoven Seagrass", "460219"],
  ["Kraft Paper Bags with Handles 50 Pack Gift Bags", "481940"],
  ["Corrugated Shipping Boxes 12x9x6 Cardboard Mailer 25 Pack", "481910"],
  ["Spiral Notebook College Ruled 5 Subject A5", "482010"],
  ["Children's Coloring Book for Kids Ages 4-8 Animals", "490300"],
  ["Happy Birthday Greeting Card with Envelope", "490900"],
  ["Extra Virgin Olive Oil Cold Pressed 1L", "150920"],
  ["Organic Raw Honey Unfiltered 500g Jar", "040900"],
  ["Japanese Matcha Green Tea Powder Ceremonial Grade", "090210"],
  ["Roasted Coffee Beans Whole Bean Dark Roast 1kg", "090121"],
  ["Vitamin C Gummies Dietary Supplement 60 Count", "210690"],
  ["Grain Free Dry Dog Food Chicken Recipe 5kg", "230910"],
  ["Laundry Detergent Pods Fresh Scent 42 Count", "340250"],
  ["Hyaluronic Acid Face Serum Moisturizing Anti Aging", "330499"],
  ["Anti Dandruff Shampoo 400ml", "330510"],
  ["Whitening Toothpaste Fluoride Mint 120g", "330610"],
  ["Scented Soy Candle Lavender Glass Jar", "340600"],
  ["Lavender Essential Oil 100% Pure Therapeutic Grade 10ml", "330129"],
  ["Two Part Epoxy Resin Kit Crystal Clear Casting Art", "390730"],
  ["Silicone Phone Case Shockproof Soft Cover", "392690"],
  ["一次性纸杯 加厚 家用 100只", "482369"],
  ["硅胶烘焙垫 不粘 耐高温", "392410"],
  ["口红 哑光 持久 不掉色", "330410"],
  ["化妆包 大容量 便携 收纳", "420292"],
  ["牛皮钱包 男士 短款", "420231"],
  ["垃圾袋 加厚 家用 手提式", "392321"],
  ["竹制砧板 家用 切菜板", "441911"],
  ["精华液 玻尿酸 补水", "330499"],
  ["Paper Drinking Straws Biodegradable 200 Pack", "482390"],
  ["Resealable Zip Lock Bags Sandwich Size 100 Count", "392321"],
];

describe("knowledge base for chapters 01–49 (food, chemicals, cosmetics, plastics, rubber, leather, wood, paper)", () => {
  it("puts the right subheading in the top 3 for most marketplace titles, and first for most", () => {
    const { top1, top3, misses } = titleAccuracy(CASES);
    if (top1 < 0.65 || top3 < 0.85) console.log(`top-1 ${top1.toFixed(2)}, top-3 ${top3.toFixed(2)}\n${misses.join("\n")}`);
    expect(top3).toBeGreaterThanOrEqual(0.85);
    expect(top1).toBeGreaterThanOrEqual(0.65);
  });
});
