import type { ProductFacts } from "./read-product-facts.ts";

/** When a rule applies: a fact equals one of the values, a material or head noun is named (headOutside: a head noun was found and none is listed), a product family of the knowledge base matched, the text matches, or a combination. */
export type RuleCondition =
  | { fact: keyof ProductFacts; is: (string | boolean)[] }
  | { material: string[] }
  | { mainMaterial: string[] }
  | { head: string[] }
  | { headOutside: string[] }
  | { family: string[] }
  | { familyPrefix: string[] }
  | { text: string }
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition };

/**
 * What a rule does: add evidence to codes (a chapter, heading or subheading by its digits), and/or prefer national lines
 * whose own text names something; a legal note that excludes goods from a chapter also drops what the knowledge base's
 * families said for codes under it (`exclude`), however strongly the goods' words named them.
 */
export type RuleEffect = {
  codes?: Record<string, number>;
  exclude?: string[];
  /** A family's evidence for an excluded code moves to this code: the family named the goods, the rule names their subheading. */
  moveTo?: string;
  lines?: { prefer: string[]; avoid?: string[]; weight: number; within?: string[] };
};

/** An attribute rule or a legal note, as data: when it applies, what it does, and where it comes from. */
export type ClassificationRule = { id: string; when: RuleCondition; effect: RuleEffect; explain: string; source: string };

/** Words that say a shoe's upper is of textile (canvas, mesh, knit, plush, felt…). */
const TEXTILE_UPPER_WORDS = "\\b(?:canvas|mesh|knit|knitted|flyknit|fabric|textile|cloth|denim|plush|fleece|fluffy|fuzzy|furry|faux fur|felt|velvet|corduroy|terry)\\b";

/** Tools of each heading a retail tool set may combine (Chapter 82 Note 3, heading 82.06). */
const TOOLS_8202 = "\\b(?:saws?|hacksaws?)\\b";
const TOOLS_8203 = "\\b(?:pliers|wire cutters?|wire strippers?|tweezers|side cutters?|nippers)\\b";
const TOOLS_8204 = "\\b(?:wrench(?:es)?|spanners?|hex keys?|allen keys?|allen wrench(?:es)?|socket wrench(?:es)?)\\b";
const TOOLS_8205 = "\\b(?:hammers?|screwdrivers?|utility knife|chisels?|files?|pry bars?|clamps?)\\b";

/** Not right after a store department such as AliExpress's "Automobiles & Motorcycles", which names no motorcycle. */
const NOT_IN_CAR_DEPARTMENT = "(?<!\\b(?:automobiles?|autos?|cars?) (?:&|and) )";

/** Words that say goods are of wood (a frame, a top, the whole piece). */
const WOOD_WORDS = "\\b(?:wood|wooden|solid wood|hardwood|timber|plywood|mdf|particleboard|chipboard|oak|pine|walnut|beech|birch|teak|acacia|mahogany|rubberwood|mango wood|cherry wood|maple)\\b";
/** Tools for applying paint, which are not paint. */
const PAINT_TOOLS = "\\b(?:rollers?|brush(?:es)?|sprayers?|spray guns?|trays?|masking tape|scrapers?)\\b|滚筒|刷|喷枪";

/** Tropical woods named in Chapter 44 Subheading Note 2 and the Annex that sellers name most. */
const TROPICAL_WOOD = "\\b(?:mahogany|teak|meranti|sapele|iroko|merbau|okoume|ipe|jatoba|wenge|zebrawood|rosewood|balsa|virola|keruing|lauan|dark red meranti|sipo|utile|khaya|ebony)\\b";
/** Metal words for a seat's frame or base. */
const METAL_WORDS = "\\b(?:metal|steel|iron|alumin(?:i)?um|chrome|chromed)\\b";
/** A frame, legs or base named as of metal, which decides a seat's frame whatever its seat or back is made of. */
const METAL_FRAME = "\\b(?:metal|steel|iron|alumin(?:i)?um|chrome|chrome-plated|powder[- ]coated)(?: \\w+)? (?:frames?|legs?|base|structure|tubes?)\\b";
/** A frame or legs named as of wood. */
const WOOD_FRAME = "\\b(?:wood|wooden|solid wood|hardwood|pine|oak|walnut|beech|birch|teak|acacia|rubberwood)(?: \\w+)? (?:frames?|legs?|structure)\\b";
/** Plastic imitations of wicker (PE rattan, resin wicker), which are plastics, not rattan. */
const SYNTHETIC_WICKER = "\\b(?:pe|resin|synthetic|plastic|poly|faux|imitation|hdpe|pvc)[- ](?:rattan|wicker)\\b";
/** A seat with padding or upholstery (sofas and armchairs are upholstered by nature). */
const UPHOLSTERED = "\\b(?:upholster(?:ed|y)|padded|cushioned|foam|sofas?|couch(?:es)?|loveseats?|sectionals?|armchairs?|recliners?|accent chairs?|faux leather|pu leather|leather|leatherette|velvet|boucle|tufted|tapizad[oa]s?)\\b";

/** Up to six words between an occasion and the kind of goods ("Christmas … Tree Decorations"). */
const UP_TO_SIX_WORDS = "(?:\\W+[\\w'-]+){0,6}?\\W+";
/** Strings of lights and lamps for a festive occasion are lighting (94.05), not festive articles. */
const FESTIVE_LIGHTING = "\\b(?:string lights?|fairy lights?|light strings?|lights|lamps?|led strip|projector)\\b";

/** Words that name a material in a form (sheet, bar, powder…) rather than an article made of it. */
const MATERIAL_FORMS = [
  "sheet",
  "sheets",
  "plate",
  "plates",
  "coil",
  "coils",
  "strip",
  "strips",
  "bar",
  "bars",
  "rebar",
  "rebars",
  "billet",
  "billets",
  "slab",
  "slabs",
  "beam",
  "beams",
  "rod",
  "rods",
  "wire",
  "wires",
  "tube",
  "tubes",
  "pipe",
  "pipes",
  "profile",
  "profiles",
  "angle",
  "angles",
  "section",
  "sections",
  "foil",
  "ingot",
  "ingots",
  "powder",
  "powders",
  "granule",
  "granules",
  "pellet",
  "pellets",
  "resin",
  "resins",
  "film",
  "films",
  "fabric",
  "fabrics",
  "cloth",
  "yarn",
  "yarns",
  "fiber",
  "fibers",
  "filament",
  "filaments",
  "monofilament",
  "fibre",
  "fibres",
  "block",
  "blocks",
  "slab",
  "slabs",
  "board",
  "boards",
  "panel",
  "panels",
  "lumber",
  "billet",
  "billets",
  "scrap",
  "waste",
  "flake",
  "flakes",
  "paste",
  "liquid",
  "solution",
  "compound",
  "polymer",
  "polymers",
  "emulsion",
  "dispersion",
  "latex",
  "alloy",
  "metal",
  "steel",
  "aluminum",
  "copper",
  "material",
  "materials",
  "roll",
  "rolls",
  "laminate",
  "paper",
  "papers",
  "paperboard",
  "cardboard",
  "tape",
  "tapes",
];
const RAW_MATERIAL_TRADE =
  "\\b(?:virgin|(?:injection|extrusion|film|blow molding|fiber|fibre|pipe|raffia|bottle) grade|granules?|pellets?|cathodes?|ingots?|bales?|jumbo bags?|mill (?:test )?certificate|lme|cif|fob|moq|metric tons?|\\d+\\s*mt|by the (?:yard|metre|meter|roll)|sold by the|per (?:ream|yard|metre|meter)|\\d+\\s?gsm|(?:3d )?print(?:er|ing) filament|(?:3d )?print(?:er|ing) filament|cold[- ]rolled|hot[- ]rolled|hrb\\d{3}|astm a\\d+|(?:2b|ba|no\\.? ?4|hairline|mirror) finish|mill edge|slit edge)\\b";
/** Headings of materials in primary or semi-finished forms (steel, leather, plastics, paper, fabrics…). */
export const PRIMARY_FORM_HEADINGS = [
  "72",
  "4104",
  "4105",
  "4106",
  "4107",
  "4112",
  "4113",
  "4114",
  "4115",
  "7106",
  "7108",
  "7110",
  "7401",
  "7402",
  "7403",
  "7404",
  "7405",
  "7406",
  "7407",
  "7408",
  "7409",
  "7410",
  "7601",
  "7602",
  "7603",
  "7604",
  "7605",
  "7606",
  "7607",
  "3901",
  "3902",
  "3903",
  "3904",
  "3905",
  "3906",
  "3907",
  "3908",
  "3909",
  "3910",
  "3911",
  "3912",
  "3913",
  "3914",
  "3916",
  "3917",
  "3919",
  "3920",
  "3921",
  "4001",
  "4002",
  "4005",
  "4008",
  "4407",
  "4408",
  "4409",
  "4410",
  "4411",
  "4412",
  "4801",
  "4802",
  "4804",
  "4805",
  "4810",
  "4811",
  "5208",
  "5209",
  "5210",
  "5211",
  "5212",
  "5407",
  "5408",
  "5512",
  "5513",
  "5514",
  "5515",
  "5516",
  "6001",
  "6004",
  "6005",
  "6006",
];

const GARMENT: RuleCondition = { familyPrefix: ["apparel."] };
const JEWELLERY: RuleCondition = { familyPrefix: ["jewellery."] };

/** Yarn sold to mills: on cones, by count (Nm, Ne, "40S"), by the kilogram (筒纱, 支纱, 工厂). */
const MILL_YARN = "\\b(?:cones?|bobbins?|industrial|for weaving|raw white|\\d+\\s?kg|tons?|\\d+/\\d+\\s?nm|nm\\s?\\d+|\\d+\\s?nm|ne\\s?\\d+|\\d+s)\\b|筒纱|筒子纱|支纱|单纱|股线|纺织厂|工厂|厂家|公斤|横机|针织用|机织用|环锭纺|气流纺";

/** Yarn sold for hand knitting and crochet, in skeins or balls: Section XI Note 4 calls it put up for retail sale. */
const YARN_FOR_RETAIL: RuleCondition = {
  all: [
    { text: "\\byarns?\\b" },
    { text: "\\b(?:skeins?|balls?|hanks?|crochet(?:ing)?|knitting|hand ?knit|amigurumi|worsted|chunky|dk weight|\\d{2,3}\\s?g(?:rams?)?\\b(?! ?/ ?m))|毛线|毛线团|钩针|手工编织" },
    { not: { text: MILL_YARN } },
  ],
};


const WIG_SYNTHETIC = "\\b(?:synthetic|heat[- ]resistant|high[- ]temperature (?:fib(?:er|re)|wire|silk)|kanekalon|toyokalon|faux mink|fiber hair|fibre hair)\\b|化纤|高温丝|仿貂";
const WIG_HUMAN = "\\b(?:human hair|remy|virgin hair|raw hair|real hair|100% human)\\b|真人发|真发|人发";

/** A pseudo-family the engine adds when the strongest knowledge-base match points into a material heading. */
export const NAMED_AS_MATERIAL = "named-as-material";

/** A pseudo-family: the strongest knowledge-base match names a chemical element or compound of chapters 28–29 (isopropyl alcohol, citric acid). */
export const NAMED_AS_COMPOUND = "named-as-compound";

const STONE_WORDS =
  "\\b(?:natural stone|gemstones?|semi-precious|amethyst|tiger eye|rose quartz|jade|agate|obsidian|lapis lazuli|turquoise|moonstone|labradorite|aventurine|onyx|garnet|freshwater pearls?|cultured pearls?)\\b";

/** The rules the engine applies, each citing the legal note, heading text or trade practice it encodes. */
export const CLASSIFICATION_RULES: readonly ClassificationRule[] = [
  {
    id: "knit-garment-ch61",
    when: { all: [GARMENT, { fact: "construction", is: ["knit"] }] },
    effect: { codes: { "61": 10, "62": -12 } },
    explain: "Knitted or crocheted garments belong to chapter 61, not chapter 62.",
    source: "HS 2022 Chapter 61 Note 1 and Chapter 62 Note 1 (chapter 62 covers only articles not knitted or crocheted)",
  },
  {
    id: "woven-garment-ch62",
    when: { all: [GARMENT, { fact: "construction", is: ["woven"] }] },
    effect: { codes: { "62": 10, "61": -12 } },
    explain: "Woven (not knitted or crocheted) garments belong to chapter 62.",
    source: "HS 2022 Chapter 62 Note 1",
  },
  {
    // Scrunchies and fabric headbands are textile clothing accessories: 61.17 when knitted, 62.17 when woven (satin, chiffon).
    id: "woven-hair-accessory-6217",
    when: { all: [{ familyPrefix: ["beauty.hair-accessory"] }, { fact: "construction", is: ["woven"] }] },
    effect: { codes: { "6217": 10, "6117": -12 } },
    explain: "A woven textile hair accessory is a clothing accessory of heading 62.17, not a knitted one of 61.17.",
    source: "HS 2022 Chapter 62 Note 1; headings 61.17 and 62.17",
  },
  {
    id: "knit-default-tshirts",
    when: { family: ["apparel.t-shirt", "apparel.sweater", "apparel.socks", "apparel.leggings"] },
    effect: { codes: { "61": 3 } },
    explain: "T-shirts, jerseys/pullovers, hosiery and leggings are knitted goods by nature; heading 61.09/61.10/61.15 words them so.",
    source: "HTSUS headings 6109, 6110, 6115 (texts); Explanatory Notes to 61.09",
  },
  {
    id: "garment-gender-men",
    when: { all: [GARMENT, { fact: "gender", is: ["men", "boys"] }] },
    effect: { lines: { prefer: ["men", "boys"], avoid: ["women", "girls"], weight: 4, within: ["61", "62", "64", "65"] } },
    explain: "Men's or boys' garments go to the men's or boys' lines.",
    source: "HS 2022 Chapter 61 Note 9 / Chapter 62 Note 8 (men's and women's garments)",
  },
  {
    id: "garment-gender-women",
    when: { all: [GARMENT, { fact: "gender", is: ["women", "girls", "unisex"] }] },
    effect: { lines: { prefer: ["women", "girls"], avoid: ["men", "boys"], weight: 4, within: ["61", "62", "64", "65"] } },
    explain: "Women's or girls' garments, and garments that cannot be identified as men's or women's, go to the women's or girls' lines.",
    source: "HS 2022 Chapter 61 Note 9 / Chapter 62 Note 8: garments not identifiable as men's or boys' are classified as women's or girls'",
  },
  {
    id: "garment-gender-unknown",
    when: { all: [GARMENT, { not: { fact: "gender", is: ["men", "boys", "women", "girls", "unisex", "babies"] } }] },
    effect: { lines: { prefer: ["women", "girls"], avoid: ["men", "boys"], weight: 4, within: ["61", "62"] } },
    explain: "Gender not stated: a garment that cannot be identified as men's or boys' is classified as women's or girls'.",
    source: "HS 2022 Chapter 61 Note 9 / Chapter 62 Note 8",
  },
  {
    id: "babies-garments",
    // Headgear is never a babies' garment (Chapter 61 Note 6 stops at garments and clothing accessories; hats are Chapter 65).
    when: { all: [GARMENT, { fact: "gender", is: ["babies"] }, { not: { familyPrefix: ["headgear."] } }] },
    effect: { codes: { "6111": 6, "6209": 6 } },
    explain: "Babies' garments and clothing accessories have their own headings.",
    source: "HS 2022 Chapter 61 Note 6(a) / Chapter 62 Note 4(a) (babies' garments: for young children of a body height not exceeding 86 cm)",
  },
  {
    id: "babies-garments-by-size",
    // Sized in months, or named for newborns and infants: the garment is made for a body height of 86 cm or less.
    when: {
      all: [
        GARMENT,
        { not: { familyPrefix: ["headgear."] } },
        {
          any: [
            { all: [{ fact: "gender", is: ["babies"] }, { text: "\\b(?:newborns?|infants?|\\d{1,2}\\s?-\\s?\\d{1,2}\\s?(?:m|mo|months?)|baby (?:boys?|girls?)|babies)\\b" }] },
            // Sizes in months or "newborn" decide it even when the listing also says "Boys Girls".
            { text: "\\b(?:newborns?|\\d{1,2}\\s?-\\s?\\d{1,2}\\s?(?:m|mo|months))\\b" },
          ],
        },
      ],
    },
    effect: {
      codes: { "6111": 14, "6209": 14 },
      exclude: ["6103", "6104", "6105", "6106", "6107", "6108", "6109", "6110", "6114", "6203", "6204", "6205", "6206", "6207", "6208", "6211"],
    },
    explain: "A garment sized in months or made for newborns and infants is a babies' garment, which the other garment headings exclude.",
    source: "HS 2022 Chapter 61 Note 6(a) / Chapter 62 Note 4(a), and Chapter 61 Note 6(b) / Chapter 62 Note 4(b) (goods classifiable in the babies' heading go there)",
  },
  {
    id: "textile-chief-weight",
    when: { all: [{ any: [GARMENT, { familyPrefix: ["textile.", "home-textile."] }] }, { fact: "fibre", is: ["cotton"] }] },
    effect: {
      lines: {
        prefer: ["cotton"],
        avoid: ["synthetic", "man-made", "wool"],
        weight: 3,
        within: ["50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63", "65"],
      },
    },
    explain: "Cotton predominates by weight, so the goods are classified as of cotton.",
    source: "HS 2022 Section XI Note 2(A) (mixtures classified by the textile material predominating by weight)",
  },
  {
    id: "textile-chief-weight-synthetic",
    when: { all: [{ any: [GARMENT, { familyPrefix: ["textile.", "home-textile."] }] }, { fact: "fibre", is: ["synthetic"] }] },
    effect: { lines: { prefer: ["synthetic", "man-made"], avoid: ["cotton", "wool"], weight: 3, within: ["54", "55", "56", "58", "59", "60", "61", "62", "63", "65"] } },
    explain: "Synthetic fibre predominates by weight, so the goods are classified as of synthetic (man-made) fibres.",
    source: "HS 2022 Section XI Note 2(A)",
  },
  {
    id: "yarn-for-mills-not-retail",
    when: { all: [{ text: "\\byarns?\\b|纱线|毛纱|棉纱|混纺纱|涤纶纱|腈纶纱|羊绒纱|麻纱" }, { text: MILL_YARN }, { not: { text: "\\b(?:sewing thread|embroidery floss)\\b|缝纫线|绣花线" } }] },
    effect: { codes: { "5207": -8, "5109": -8, "5511": -8, "5406": -8 }, exclude: ["5207", "5109", "5511", "5406"] },
    explain: "Yarn on cones or sold by count and weight to mills is not put up for retail sale: it stays in the headings for yarn of its fibre (52.05, 51.07, 55.09…).",
    source: "HS 2022 Section XI Note 4 (yarn put up for retail sale)",
  },
  {
    id: "yarn-put-up-for-retail-sale",
    when: YARN_FOR_RETAIL,
    effect: {
      codes: { "5207": 8, "5109": 8, "5511": 8, "5406": 6, "5205": -6, "5206": -6, "5509": -6, "5510": -6, "5107": -6, "5108": -6 },
      exclude: ["5205", "5206", "5509", "5510", "5107", "5108"],
    },
    explain: "Yarn in skeins or balls for hand knitting and crochet is put up for retail sale, which has headings of its own.",
    source: "HS 2022 Section XI Note 4 (yarn put up for retail sale) and headings 52.07, 51.09, 55.11, 54.06",
  },
  ...(
    [
      ["cotton", "5207", ["5109", "5511", "5406"]],
      ["wool", "5109", ["5207", "5511", "5406"]],
      ["synthetic", "5511", ["5207", "5109"]],
    ] as const
  ).map(
    ([fibre, heading, others]): ClassificationRule => ({
      id: `yarn-for-retail-of-${fibre}`,
      when: { all: [YARN_FOR_RETAIL, { fact: "fibre", is: [fibre] }] },
      effect: { codes: { [heading]: 10 }, exclude: [...others] },
      explain: `Yarn put up for retail sale goes to the retail heading of the fibre that predominates by weight (${fibre}).`,
      source: "HS 2022 Section XI Note 2(A) (predominating fibre) and Note 4 (put up for retail sale)",
    }),
  ),
  {
    id: "footwear-outer-sole-of-leather",
    when: {
      all: [
        { familyPrefix: ["footwear."] },
        { text: "\\bouter sole (?:of )?(?:genuine |real |natural |cow |cowhide |full grain )?leather\\b|\\bleather (?:out)?soles?\\b|\\bleather-soled\\b" },
        { material: ["leather"] },
      ],
    },
    effect: { codes: { "640351": 10, "640359": 10, "640391": -6, "640399": -6 }, exclude: ["640391", "640399"] },
    explain: "Footwear with uppers and outer soles of leather belongs to subheadings 6403.51–6403.59, not to 'other' leather footwear.",
    source: "HS 2022 subheadings 6403.51 and 6403.59; Chapter 64 Note 4(b) (the outer sole is the part in contact with the ground)",
  },
  {
    id: "lamps-not-light-sources",
    when: {
      all: [
        { familyPrefix: ["electric.flashlight", "plamp.", "beauty.nail-lamp", "light.aquarium", "light.emergency", "light.grow", "light.photo", "light.stage", "light.projector"] },
        { not: { familyPrefix: ["lamp.", "light.strip", "electric.lamp"] } },
      ],
    },
    effect: { codes: { "8539": -10 } },
    explain: "A lamp, torch or luminaire with LEDs is the whole lighting article, not an LED light source (bulb, tube or module) of heading 85.39.",
    source: "HS 2022 headings 85.13, 85.39 and 94.05 (luminaires and lighting fittings)",
  },
  {
    id: "seamless-tubes-7304",
    when: { all: [{ text: "\\bseamless\\b" }, { text: "\\b(?:pipes?|tubes?|tubing)\\b" }, { material: ["steel", "stainless steel", "iron"] }] },
    effect: { codes: { "7304": 10, "7306": -8 }, exclude: ["7306"] },
    explain: "Seamless tubes and pipes of iron or steel belong to heading 73.04; heading 73.06 is for welded, riveted or similarly closed tubes.",
    source: "HS 2022 headings 73.04 and 73.06",
  },
  {
    id: "power-cable-without-connectors",
    when: {
      all: [
        { familyPrefix: ["electric.cable", "electric.wire", "elec.cable", "elec.wire", "cable."] },
        {
          text: "\\b(?:\\d+(?:\\.\\d+)?\\s?(?:mm2|mm²|sqmm|sq ?mm)|\\d+x\\d+(?:\\.\\d+)?\\s?mm2?|\\d+\\s?awg|xlpe|armou?red|thhn|building wire|0\\.6/1\\s?kv|450/750\\s?v|300/500\\s?v)\\b",
        },
        { not: { text: "\\b(?:plugs?|connectors?|usb|hdmi|jack|terminals?|lugs?|extension cords?|power cords?|adapters?|chargers?|charging|harness|rj45|patch)\\b" } },
      ],
    },
    effect: { codes: { "854449": 10, "854442": -8 }, exclude: ["854442"] },
    explain: "Insulated conductors for 1,000 V or less that are not fitted with connectors belong to subheading 8544.49.",
    source: "HS 2022 subheadings 8544.42 (fitted with connectors) and 8544.49 (other)",
  },
  ...(
    [
      ["bamboo", { text: "\\bbamboo\\b" }, "940382", ["940320", "940310", "940330", "940340", "940350", "940360", "940370"]],
      ["metal", { mainMaterial: ["steel", "stainless steel", "iron", "aluminum"] }, "9403", ["940330", "940340", "940350", "940360"]],
      ["plastics", { mainMaterial: ["plastics"] }, "940370", ["940320", "940330", "940340", "940350", "940360"]],
      ["wood", { all: [{ text: WOOD_WORDS }, { not: { text: "\\b(?:rattan|wicker|bamboo)\\b" } }] }, "9403", ["940310", "940320", "940370", "940382", "940383"]],
      ["rattan", { all: [{ text: "\\b(?:rattan|wicker)\\b" }, { not: { text: SYNTHETIC_WICKER } }] }, "940383", ["940310", "940320", "940330", "940340", "940350", "940360", "940370"]],
    ] as [string, RuleCondition, string, string[]][]
  ).map(
    ([material, condition, code, others]): ClassificationRule => ({
      id: `furniture-of-${material}`,
      when: {
        all: [
          { familyPrefix: ["furniture.furniture", "furn."] },
          { not: { familyPrefix: ["furn.barber", "furn.parts", "furniture.seat", "seat.", "garden.camping-chair", "glass.mirror", "bedding."] } },
          // A box spring is a mattress support (94.04); a bed frame "needs no box spring".
          { not: { all: [{ familyPrefix: ["bed.base"] }, { not: { text: "\\bno box springs?\\b" } }] } },
          condition,
          {
            not: {
              text:
                material === "bamboo" || material === "wood" || material === "rattan"
                  ? "\\b(?:steel|metal|iron|alumin(?:i)?um|plastics?|acrylic)\\b"
                  : "\\b(?:wood|wooden|solid wood|bamboo|rattan|mdf|particleboard|plywood|oak|pine|walnut)\\b",
            },
          },
        ],
      },
      // Metal furniture keeps both its subheadings (office, 9403.10, and other, 9403.20): only the wooden ones are set aside.
      effect: { codes: { [code]: 10 }, exclude: [...others] },
      explain: `Furniture of heading 94.03 is divided by its material: furniture of ${material} has its own subheading.`,
      source: "HS 2022 subheadings 9403.10–9403.89",
    }),
  ),
  {
    id: "knitted-fabric-elastomeric-6004",
    when: {
      all: [
        { familyPrefix: ["fabric.", "textile."] },
        // Sold as fabric: by width, weight per square metre or length, not as a garment of that fabric.
        { text: "\\bfabrics?\\b[^.]*\\b(?:\\d+\\s?gsm|width|wide|by the (?:yard|metre|meter)|per (?:yard|metre|meter)|rolls?)\\b|面料|布料" },
        { fact: "construction", is: ["knit"] },
        { text: "\\b(?:(?:[5-9]|[1-4]\\d)(?:\\.\\d+)?\\s?%\\s*(?:spandex|elastane|lycra)|(?:spandex|elastane|lycra)\\s*(?:[5-9]|[1-4]\\d)(?:\\.\\d+)?\\s?%)" },
      ],
    },
    effect: { codes: { "6004": 12, "6006": -8 }, exclude: ["6006"] },
    explain: "Knitted fabric of a width over 30 cm with 5% or more by weight of elastomeric yarn (spandex, elastane) belongs to heading 60.04.",
    source: "HS 2022 heading 60.04",
  },
  {
    id: "garments-of-plastics-3926",
    when: { all: [GARMENT, { mainMaterial: ["plastics"] }, { not: { material: ["textile", "leather", "rubber"] } }, { text: "\\b(?:pvc|eva|tpu|peva|plastic|vinyl)\\b" }] },
    effect: { codes: { "3926": 12, "392620": 12 }, exclude: ["61", "62"] },
    explain: "Garments of plastics sheeting (a PVC raincoat with no textile) are articles of apparel of plastics, not textile garments.",
    source: "HS 2022 Chapter 39 heading 39.26 (subheading 3926.20) and Section XI Note 1(h) / Chapter 62 Note 1",
  },
  {
    id: "belts-are-not-garments",
    // "Jeans belt for dress": the garments a belt is worn with name its use, not the goods.
    when: { all: [{ familyPrefix: ["leather.belt", "apparel.belt", "accessory.belt"] }, { head: ["belt", "belts", "腰带", "皮带"] }] },
    effect: { codes: { "61": -10, "62": -10 }, exclude: ["6101", "6102", "6103", "6104", "6201", "6202", "6203", "6204", "6205", "6206"] },
    explain: "A belt is a clothing accessory (4203, 3926.20, 6117, 6217 by material), not the garment it is worn with.",
    source: "HS 2022 headings 42.03, 39.26, 61.17 and 62.17 (clothing accessories)",
  },
  {
    id: "wigs-of-synthetic-fibre",
    when: { all: [{ familyPrefix: ["wig.", "misc.wig"] }, { text: WIG_SYNTHETIC }, { not: { text: WIG_HUMAN } }] },
    effect: { codes: { "670411": 8, "670419": 8 }, exclude: ["670420", "670490"] },
    explain: "Wigs, hair pieces and false eyelashes of synthetic textile fibre belong to subheadings 6704.11 and 6704.19.",
    source: "HS 2022 subheadings 6704.11, 6704.19, 6704.20 and 6704.90",
  },
  {
    id: "wigs-of-human-hair",
    when: { all: [{ familyPrefix: ["wig.", "misc.wig"] }, { text: WIG_HUMAN }, { not: { text: WIG_SYNTHETIC } }] },
    effect: { codes: { "670420": 10 }, exclude: ["670411", "670419", "670490"] },
    explain: "Wigs, hair pieces and extensions of human hair belong to subheading 6704.20.",
    source: "HS 2022 subheading 6704.20",
  },
  {
    id: "lashes-of-animal-hair",
    when: {
      all: [
        { familyPrefix: ["wig.", "misc.wig"] },
        { text: "(?<!\\b(?:faux|fake|imitation|synthetic|vegan) )\\bmink\\b|(?<!仿)貂毛" },
        { not: { text: WIG_SYNTHETIC } },
        { not: { text: WIG_HUMAN } },
      ],
    },
    effect: { codes: { "670490": 10 }, exclude: ["670411", "670419", "670420"] },
    explain: "False eyelashes and hair pieces of animal hair (mink) are of 'other materials', subheading 6704.90.",
    source: "HS 2022 subheading 6704.90",
  },
  {
    id: "textile-chief-weight-wool",
    when: { all: [{ any: [GARMENT, { familyPrefix: ["textile.", "home-textile."] }] }, { fact: "fibre", is: ["wool"] }] },
    effect: { lines: { prefer: ["wool"], avoid: ["cotton", "synthetic"], weight: 3, within: ["51", "61", "62", "63", "65"] } },
    explain: "Wool or fine animal hair predominates by weight.",
    source: "HS 2022 Section XI Note 2(A)",
  },
  {
    id: "imitation-jewellery-7117",
    when: { all: [JEWELLERY, { not: { fact: "preciousMetal", is: [true] } }] },
    effect: { codes: { "7117": 7, "7113": -5 } },
    explain: "Jewellery without precious metal (other than as plating or minor constituents), pearls or precious stones is imitation jewellery.",
    source: "HS 2022 Chapter 71 Note 11 (imitation jewellery); heading 71.17",
  },
  {
    id: "imitation-jewellery-not-base-metal",
    when: {
      all: [
        JEWELLERY,
        { not: { fact: "preciousMetal", is: [true] } },
        { mainMaterial: ["plastics", "glass", "wood", "ceramic", "textile", "rubber"] },
        // Metal only in the findings ("the minor components such as jump rings and posts are of stainless steel") does not count.
        {
          not: {
            text: "(?<!\\b(?:minor components?|jump rings?|posts?|findings|clasps?|ear wires?|hooks?|pins?)\\b[^.;]{0,60})\\b(?:alloy|stainless|steel|titanium|brass|copper|zinc|iron|base metal|metal|tungsten)\\b",
          },
        },
        // A box, stand or organiser for jewellery is not jewellery (heading 42.02, 39.26, 44.20…).
        { not: { text: "\\b(?:box|boxes|case|cases|organi[sz]ers?|holders?|stands?|displays?|storage|trays?)\\b" } },
      ],
    },
    effect: { codes: { "711790": 14, "711719": -12 }, exclude: ["711711", "711719"] },
    explain: "Imitation jewellery of plastics, glass, wood or other non-metal materials is not 'of base metal': subheading 7117.90.",
    source: "HS 2022 subheadings 7117.11, 7117.19 (of base metal) and 7117.90 (other)",
  },
  {
    id: "precious-jewellery-7113",
    when: { all: [JEWELLERY, { fact: "preciousMetal", is: [true] }, { not: { fact: "imitation", is: [true] } }] },
    effect: { codes: { "7113": 7, "7117": -5 }, exclude: ["7117"] },
    explain: "Jewellery of precious metal or metal clad with precious metal belongs to heading 71.13; it is not imitation jewellery, however a fashion family names it.",
    source: "HS 2022 Chapter 71 Note 9 (articles of jewellery), Note 11 (imitation jewellery excludes precious metal other than plating or minor constituents) and heading 71.13",
  },
  {
    id: "vermeil-is-silver-jewellery",
    when: { all: [JEWELLERY, { text: "\\bvermeil\\b|\\b(?:sterling silver|925 silver|s925) (?:base|core)\\b" }] },
    effect: { codes: { "711311": 10, "711319": -8, "711320": -8 } },
    explain: "Vermeil is silver plated with gold: jewellery of silver, subheading 7113.11, whatever the plating.",
    source: "HS 2022 subheading 7113.11; Chapter 71 Note 4(b) (an article of precious metal plated with another precious metal is of the base metal)",
  },
  {
    id: "gold-filled-is-clad-metal",
    when: { all: [JEWELLERY, { text: "\\bgold[- ]filled\\b|\\bgold[- ]fill\\b|包金" }, { not: { text: "\\b(?:solid gold|vermeil|sterling silver base)\\b" } }] },
    effect: { codes: { "711320": 10, "711319": -8, "711311": -8, "7117": -8 }, exclude: ["7117"] },
    explain: "Gold-filled jewellery is base metal clad with gold: subheading 7113.20 (metal clad with precious metal), not gold jewellery and not imitation jewellery.",
    source: "HS 2022 subheading 7113.20; Chapter 71 Note 7 (metal clad with precious metal)",
  },
  {
    id: "coloured-stones-not-diamonds",
    when: { text: "\\b(?:rub(?:y|ies)|sapphires?|emeralds?)\\b|红宝石|蓝宝石|祖母绿" },
    effect: { codes: { "7102": -6 } },
    explain: "A ruby, sapphire or emerald is a precious stone of heading 71.03, not a diamond, whatever the shop department's name.",
    source: "HS 2022 headings 71.02 and 71.03",
  },
  {
    id: "watch-strap-not-of-metal",
    when: {
      all: [
        { familyPrefix: ["watch.strap", "watch.band-other"] },
        { mainMaterial: ["textile", "leather", "plastics", "rubber"] },
        { not: { text: "\\b(?:metal|stainless steel|titanium|milanese|link) (?:watch )?(?:bands?|straps?|bracelets?)\\b" } },
      ],
    },
    effect: { codes: { "911390": 8, "911320": -8, "911310": -8 } },
    explain: "A watch strap of textile, leather or plastics is an other strap of subheading 9113.90; 9113.20 is for straps of base metal (a steel buckle does not make it one).",
    source: "HS 2022 subheadings 9113.10–9113.90",
  },
  {
    id: "headgear-of-leather-or-fur",
    when: { all: [{ familyPrefix: ["headgear.", "fashion.fur-hat"] }, { any: [{ mainMaterial: ["leather"] }, { text: "\\b(?:fur hat|mink fur|fox fur|rabbit fur|real fur|genuine fur)\\b|皮草|貂皮|狐狸毛" }] }] },
    effect: { codes: { "650699": 10, "650500": -8, "650400": -8 }, exclude: ["6505", "6504"], moveTo: "650699" },
    explain: "Headgear of leather or furskin is other headgear of subheading 6506.99, not knitted or textile headgear of 65.05.",
    source: "HS 2022 subheading 6506.99",
  },
  {
    id: "footwear-outer-sole-of-wood",
    when: { all: [{ familyPrefix: ["footwear."] }, { text: "\\b(?:wood(?:en)? soles?|soles? of wood|(?:alder|beech|birch|lime) wood soles?|wooden clogs?|木底|木屐)\\b" }] },
    effect: { codes: { "6405": 10 }, exclude: ["6401", "6402", "6403", "6404"], moveTo: "6405" },
    explain: "Footwear whose outer sole is of wood is 'other footwear' of heading 64.05 (6405.10 with leather uppers); headings 64.01–64.04 need soles of rubber, plastics, leather or composition leather.",
    source: "HS 2022 headings 64.03–64.05; Chapter 64 Note 4(b)",
  },
  {
    // "合金表壳", "stainless steel case": heading 91.01 is for cases of precious metal or of metal clad with it.
    id: "watch-case-not-precious-9102",
    when: { all: [{ familyPrefix: ["watch.wristwatch", "watch."] }, { not: { fact: "preciousMetal", is: [true] } }] },
    effect: { codes: { "9101": -6 }, exclude: ["9101"] },
    explain: "A watch whose case is not of precious metal (or metal clad with it) belongs to heading 91.02, not 91.01.",
    source: "HS 2022 headings 91.01 and 91.02",
  },
  {
    id: "power-tool-8467",
    when: { all: [{ familyPrefix: ["tool.hand."] }, { fact: "power", is: ["battery", "electric", "pneumatic", "combustion"] }] },
    effect: { codes: { "8467": 8, "8205": -5, "8203": -5, "8204": -5 }, exclude: ["8205", "8203", "8204"] },
    explain: "A hand tool with a self-contained motor (electric, battery, pneumatic or combustion) is a power tool of heading 84.67.",
    source: "HS 2022 heading 84.67 (tools for working in the hand, pneumatic, hydraulic or with self-contained electric or non-electric motor); Chapter 82 Note 1",
  },
  {
    id: "manual-tool-ch82",
    when: { all: [{ familyPrefix: ["tool.hand."] }, { fact: "power", is: ["manual"] }] },
    effect: { codes: { "82": 10, "8467": -15 } },
    explain: "Without a motor, a hand tool stays in chapter 82.",
    source: "HS 2022 Chapter 82 (tools, implements of base metal) and heading 84.67 text",
  },
  {
    id: "vehicle-part-8708",
    when: { all: [{ fact: "isPart", is: [true] }, { fact: "forVehicles", is: [true] }, { not: { familyPrefix: ["general-part."] } }] },
    effect: { codes: { "8708": 3, "87": 2 } },
    explain: "Parts suitable for use solely or principally with motor vehicles go to heading 87.08 unless more specifically described elsewhere.",
    source: "HS 2022 Section XVII Note 3; heading 87.08",
  },
  {
    id: "general-use-parts-excluded",
    when: { familyPrefix: ["general-part."] },
    effect: { codes: { "8708": -6, "8487": -3, "8548": -2 } },
    explain: "Parts of general use (screws, bolts, nuts, springs, gaskets, locks and the like) are classified in their own headings, not as parts of vehicles or machines.",
    source: "HS 2022 Section XV Note 2 (parts of general use); Section XVI Note 1(g); Section XVII Note 2(b)",
  },
  {
    id: "machine-part-section-xvi",
    when: { all: [{ fact: "isPart", is: [true] }, { not: { fact: "forVehicles", is: [true] } }, { not: { familyPrefix: ["general-part."] } }, { familyPrefix: ["machine."] }] },
    effect: { lines: { prefer: ["parts"], weight: 3, within: ["84", "85", "90"] } },
    explain: "Parts suitable for use solely or principally with a particular machine are classified with that machine (its 'Parts' line).",
    source: "HS 2022 Section XVI Note 2(b); Chapter 90 Note 2(b)",
  },
  {
    id: "material-steel-articles",
    when: { all: [{ material: ["steel", "stainless steel", "iron"] }, { not: { material: ["aluminum", "copper", "plastics", "wood", "textile", "glass"] } }] },
    effect: { codes: { "73": 2.5 } },
    explain: "Articles of iron or steel not more specifically described go to chapter 73.",
    source: "General Rule of Interpretation 1; HS 2022 Section XV, Chapter 73 (heading 73.26: other articles of iron or steel)",
  },
  {
    id: "material-aluminum-articles",
    when: { all: [{ material: ["aluminum"] }, { not: { material: ["steel", "stainless steel", "plastics", "wood", "textile"] } }] },
    effect: { codes: { "76": 3 } },
    explain: "Articles of aluminium not more specifically described go to chapter 76.",
    source: "General Rule of Interpretation 1; HS 2022 Chapter 76 (heading 76.16: other articles of aluminium)",
  },
  {
    id: "material-copper-articles",
    when: { all: [{ material: ["copper"] }, { not: { material: ["steel", "aluminum", "plastics"] } }] },
    effect: { codes: { "74": 2.5 } },
    explain: "Articles of copper (brass, bronze) not more specifically described go to chapter 74.",
    source: "General Rule of Interpretation 1; HS 2022 Chapter 74",
  },
  {
    id: "material-plastics-articles",
    when: { all: [{ material: ["plastics"] }, { not: { material: ["steel", "stainless steel", "aluminum", "textile", "wood", "glass", "leather"] } }] },
    effect: { codes: { "39": 2.5 } },
    explain: "Articles of plastics not more specifically described go to chapter 39.",
    source: "General Rule of Interpretation 1; HS 2022 Chapter 39 (heading 39.26: other articles of plastics)",
  },
  {
    id: "material-rubber-articles",
    when: { all: [{ material: ["rubber"] }, { not: { material: ["steel", "aluminum", "plastics", "textile"] } }] },
    effect: { codes: { "40": 2.5 } },
    explain: "Articles of rubber not more specifically described go to chapter 40.",
    source: "General Rule of Interpretation 1; HS 2022 Chapter 40 (heading 40.16)",
  },
  {
    id: "material-wood-articles",
    when: { all: [{ material: ["wood"] }, { not: { material: ["steel", "aluminum", "plastics", "textile", "glass"] } }] },
    effect: { codes: { "44": 2.5 } },
    explain: "Articles of wood not more specifically described go to chapter 44.",
    source: "General Rule of Interpretation 1; HS 2022 Chapter 44 (heading 44.21)",
  },
  {
    id: "material-glass-articles",
    when: { all: [{ material: ["glass"] }, { not: { material: ["steel", "aluminum", "plastics", "wood"] } }] },
    effect: { codes: { "70": 2.5 } },
    explain: "Articles of glass not more specifically described go to chapter 70.",
    source: "General Rule of Interpretation 1; HS 2022 Chapter 70 (headings 70.13, 70.20)",
  },
  {
    id: "material-ceramic-articles",
    when: { material: ["ceramic"] },
    effect: { codes: { "69": 2.5 } },
    explain: "Ceramic articles not more specifically described go to chapter 69.",
    source: "General Rule of Interpretation 1; HS 2022 Chapter 69",
  },
  {
    id: "material-leather-articles",
    when: { all: [{ material: ["leather"] }, { not: { familyPrefix: ["footwear.", "apparel."] } }] },
    effect: { codes: { "42": 2.5 } },
    explain: "Articles of leather not more specifically described go to chapter 42.",
    source: "General Rule of Interpretation 1; HS 2022 Chapter 42",
  },
  {
    id: "material-stone-articles",
    when: { all: [{ material: ["stone"] }, { not: { material: ["plastics", "glass"] } }] },
    effect: { codes: { "68": 2.5 } },
    explain: "Worked stone articles go to chapter 68.",
    source: "General Rule of Interpretation 1; HS 2022 Chapter 68 (heading 68.02: worked monumental or building stone)",
  },
  {
    id: "material-paper-articles",
    when: { all: [{ material: ["paper"] }, { not: { material: ["plastics", "steel", "aluminum", "textile"] } }] },
    effect: { codes: { "48": 2 } },
    explain: "Articles of paper or paperboard not more specifically described go to chapter 48.",
    source: "General Rule of Interpretation 1; HS 2022 Chapter 48",
  },
  {
    id: "articles-not-materials",
    // Trade listings of raw materials end in specifications ("… injection grade 25kg bag", "… LME registered CIF", "… by the
    // yard", "80gsm"), so their last word is no head noun: their trade words say they are materials.
    // Not when the knowledge base's strongest phrase names a material itself ("permanent adhesive vinyl", "epoxy resin kit").
    // Nor for a film screen protector, which is self-adhesive film of 39.19 whatever its title ends with.
    when: {
      all: [
        { headOutside: MATERIAL_FORMS },
        { not: { text: RAW_MATERIAL_TRADE } },
        { not: { family: [NAMED_AS_MATERIAL] } },
        { not: { all: [{ familyPrefix: ["phone-accessory.screen-protector"] }, { text: "\\b(?:film|tpu|hydrogel)\\b" }] } },
      ],
    },
    effect: { codes: Object.fromEntries(PRIMARY_FORM_HEADINGS.map((code) => [code, -40])), exclude: [...PRIMARY_FORM_HEADINGS] },
    explain:
      "The goods are a finished article, not a material in a primary or semi-finished form (sheets, bars, powders, resins, fabrics), so the material headings are set aside.",
    source: "General Rule of Interpretation 1; HS 2022 Chapter 72 Note 1, Chapter 39 Notes 6–10, Section XI (fabrics vs made-up articles, Note 7)",
  },
  {
    id: "tools-of-base-metal-only",
    when: { all: [{ familyPrefix: ["tool."] }, { mainMaterial: ["plastics", "wood"] }] },
    effect: { codes: { "82": -5, "3924": 2, "3926": 2, "4417": 2 } },
    explain:
      "Chapter 82 covers only tools whose blade, working edge or working part is of base metal, carbide or diamond; tools of plastics or wood go to their material's chapter.",
    source: "HS 2022 Chapter 82 Note 1",
  },
  {
    id: "stone-worked-beyond-cutting",
    when: {
      all: [
        { material: ["stone"] },
        { text: "\\b(?:polish(?:ed|ing)?|honed|bevell?ed|carved|engraved|edged|moulded|molded|turned|chamfered|bullnosed?|sandblasted|flamed|brushed)\\b" },
      ],
    },
    // Strong: a ruling that says the sides are "simply cut or sawn" matches the 6802.2x wording word for word.
    effect: { codes: { "680221": -25, "680223": -25, "680229": -25, "680291": 2, "680292": 2, "680293": 2, "680299": 2 } },
    explain: "Stone that is polished, honed, bevelled or otherwise worked is no longer 'simply cut or sawn, with a flat or even surface'.",
    source: "HS 2022 subheadings 6802.21–6802.29 (simply cut or sawn) vs 6802.91–6802.99 (other)",
  },
  {
    id: "granite-680293",
    when: { all: [{ material: ["stone"] }, { text: "\\bgranite\\b" }, { not: { text: "\\b(?:marble|travertine|limestone|calcareous)\\b" } }] },
    effect: { codes: { "680293": 6, "680223": 6 }, exclude: ["6912", "6911", "6907"] },
    explain: "Worked granite has subheadings of its own (6802.23 simply cut, 6802.93 otherwise worked).",
    source: "HS 2022 subheadings 6802.23 and 6802.93",
  },
  {
    id: "stone-not-named-680299",
    // A slab sold under a trade name ("White Ice stone") with no rock named is "other stone", not calcareous stone or granite.
    when: {
      all: [
        { material: ["stone"] },
        { text: "\\bstones?\\b" },
        { not: { text: "\\b(?:marble|travertine|alabaster|limestone|calcareous|granite|slate|onyx|dolomite)\\b" } },
      ],
    },
    effect: { codes: { "680299": 4, "680229": 4, "680292": -4, "680291": -4, "680293": -4, "680223": -4 } },
    explain: "Monumental or building stone that is neither calcareous (marble, travertine, limestone) nor granite falls in the 'other stone' subheadings.",
    source: "HS 2022 subheadings 6802.21–6802.29 and 6802.91–6802.99; Chapter 68 Note 2 (calcareous stone)",
  },
  {
    id: "animal-apparel-4201",
    when: {
      any: [
        { familyPrefix: ["pet.apparel"] },
        {
          all: [
            { any: [GARMENT, { familyPrefix: ["fest.", "pet."] }] },
            {
              text: "\\b(?:for|fits?)\\s+(?:your\\s+|small\\s+|medium\\s+|large\\s+)?(?:dogs?|cats?|pets?|pupp(?:y|ies)|kittens?)\\b|\\b(?:dog|cat|pet|puppy|doggy|doggie)\\s+(?:sweaters?|coats?|jackets?|clothes|clothing|apparel|hoodies?|shirts?|t-shirts?|raincoats?|vests?|dress(?:es)?|pajamas|costumes?|outfits?)\\b",
            },
          ],
        },
      ],
    },
    effect: { codes: { "4201": 35, "61": -12, "62": -12, "9505": -30 }, exclude: ["61", "62", "9505"] },
    explain: "Garments and costumes made for dogs and other animals are dog coats and the like of heading 42.01, not clothing of chapters 61/62 or festive articles.",
    source: "HS 2022 heading 42.01 (saddlery and harness for any animal, including … dog coats and the like, of any material); General Rule of Interpretation 1",
  },
  {
    id: "bag-outer-surface-plastics",
    when: { all: [{ familyPrefix: ["bag.", "bags."] }, { material: ["plastics"] }, { not: { material: ["leather"] } }] },
    effect: { lines: { prefer: ["plastics"], avoid: ["leather"], weight: 4, within: ["42"] } },
    explain: "A bag or case whose outer surface is of plastics ('PU leather', PVC) goes to the 'outer surface of sheeting of plastics or of textile materials' subheadings.",
    source: "HS 2022 heading 42.02 subheadings (outer surface of leather / of plastics or textile materials); Chapter 42 Subheading Note 1",
  },
  {
    id: "bag-outer-surface-textile",
    // Its own rule, not the plastics one: preferring every line that says "plastics" stacks on the national lines "of
    // reinforced or laminated plastics" and sends a textile case to them.
    when: { all: [{ familyPrefix: ["bag.", "bags."] }, { material: ["textile"] }, { not: { material: ["leather", "plastics"] } }] },
    effect: { lines: { prefer: ["textile"], avoid: ["leather"], weight: 4, within: ["42"] } },
    explain: "A bag or case whose outer surface is of textile materials goes to the 'outer surface of sheeting of plastics or of textile materials' subheadings and their textile lines.",
    source: "HS 2022 heading 42.02 subheadings (outer surface of leather / of plastics or textile materials); Chapter 42 Subheading Note 1",
  },
  {
    id: "bag-outer-surface-leather",
    when: { all: [{ familyPrefix: ["bag.", "bags."] }, { material: ["leather"] }] },
    effect: { lines: { prefer: ["leather"], avoid: ["plastics"], weight: 4, within: ["42"] } },
    explain: "A bag or case with an outer surface of leather goes to the 'outer surface of leather' subheadings.",
    source: "HS 2022 heading 42.02 subheadings (outer surface of leather or of composition leather)",
  },
  {
    id: "remote-control-toys-9503",
    // Rules read the text after Chinese has been read through the glossary ("遥控汽车" → "remote control ; motor vehicles").
    when: {
      text: "\\b(?:rc|r/c|remote[- ]control(?:led)?|radio[- ]control(?:led)?)(?:\\s+|\\s*;\\s*)(?:(?:off[- ]road|stunt|racing|drift|electric|kids|toy|motor)\\s+)*(?:cars?|trucks?|boats?|crawlers?|tanks?|toys?|excavators?|monster trucks?|vehicles?|buggy|buggies|trains?)\\b",
    },
    effect: { codes: { "9503": 10, "950300": 10 }, exclude: ["8526"] },
    explain: "A remote-controlled toy car, truck or boat is a toy of heading 95.03 with its remote; heading 85.26 covers the radio remote control apparatus itself.",
    source: "HS 2022 heading 95.03 (toys, including wheeled toys and scale models, with their controls); General Rule of Interpretation 3(b)",
  },
  {
    id: "battery-nimh-8507",
    when: { all: [{ familyPrefix: ["electric.battery"] }, { text: "\\bni-?mh\\b|nickel[- ]metal[- ]hydride" }] },
    effect: { codes: { "850750": 20 }, exclude: ["850760", "850780", "8506"] },
    explain: "Nickel-metal hydride rechargeable batteries are accumulators of subheading 8507.50, not lithium-ion cells.",
    source: "HS 2022 subheadings 8507.50 (nickel-metal hydride) and 8507.60 (lithium-ion)",
  },
  {
    id: "footwear-textile-uppers-6404",
    when: {
      all: [
        { familyPrefix: ["footwear."] },
        { text: TEXTILE_UPPER_WORDS },
        { not: { material: ["leather"] } },
        { not: { text: "\\b(?:pu|pvc|rubber|eva|plastic|faux leather|patent)\\s+(?:upper|shoes?|boots?|sneakers?)\\b" } },
        // A felt or cloth sole makes it footwear of 64.05 (uppers and soles of textile), not 64.04.
        { not: { text: "\\b(?:felt|cloth|fabric|textile|wool)\\s+soles?\\b|\\bouter sole (?:cotton|felt|cloth|fabric|textile|wool|canvas|suede)\\b" } },
      ],
    },
    effect: { codes: { "6404": 10, "6402": -6, "6403": -6 } },
    explain: "Footwear with uppers of textile materials (canvas, mesh, knit) belongs to heading 64.04.",
    source: "HS 2022 heading 64.04; Chapter 64 Note 4(a) (material of the upper: the constituent with the greatest external surface area)",
  },
  {
    id: "screen-protector-film-3919",
    when: {
      all: [
        { familyPrefix: ["phone-accessory.screen-protector", "glass.safety"] },
        { text: "\\b(?:film|pet|tpu|hydrogel|paper ?like|paperfeel)\\b" },
        { not: { text: "\\b(?:tempered|glass)\\b" } },
      ],
    },
    effect: { codes: { "3919": 10, "391990": 10 }, exclude: ["7007"] },
    explain: "A screen protector of plastic film (PET, TPU) with an adhesive layer is self-adhesive film of plastics, not safety glass.",
    source: "HS 2022 heading 39.19 (self-adhesive plates, sheets, film of plastics) and heading 70.07 (safety glass)",
  },
  {
    id: "vacuum-vessels-9617",
    when: {
      all: [
        { any: [{ familyPrefix: ["household.mug", "household.drinkware", "household.bottle", "glass.drinkware"] }, { text: "\\b(?:tumbler|mug|bottle|flask|cup)s?\\b" }] },
        { text: "\\b(?:vacuum|insulated|thermos|double[- ]wall(?:ed)? stainless)\\b" },
        { not: { material: ["glass", "ceramic"] } },
      ],
    },
    effect: { codes: { "9617": 10, "961700": 10 }, exclude: ["7323", "3924", "7615", "7013"] },
    explain: "An insulated (vacuum) bottle, tumbler or mug is a vacuum flask or other vacuum vessel of heading 96.17, whatever its metal.",
    source: "HS 2022 heading 96.17 (vacuum flasks and other vacuum vessels, complete)",
  },
  {
    id: "electric-appliances-not-base-metal",
    when: { all: [{ familyPrefix: ["heat.", "appl.", "appliance."] }, { fact: "power", is: ["electric", "battery"] }] },
    effect: { codes: { "8516": 4, "8509": 2 }, exclude: ["7323", "7615", "7418", "3924"] },
    explain: "An electric kettle, pot or other appliance is electrical equipment of chapter 85, not a household article of its metal or plastics.",
    source: "HS 2022 Section XV Note 1(f) and Chapter 39 Note 2 (articles of Section XVI are excluded from both); headings 85.09 and 85.16",
  },
  {
    id: "balloons-9503",
    when: {
      all: [
        { text: "\\bballoons?\\b" },
        { not: { text: "\\bhot air balloons?\\b|\\bballoon (?:pumps?|catheters?|weights?)\\b" } },
        // A decoration set (banner, curtain and balloons together) is a festive article as a set: see party-decoration-set-950590.
        { not: { text: "\\bdecorations?\\s+(?:sets?|kits?)\\b|\\bbanners?\\b" } },
      ],
    },
    effect: { codes: { "9503": 10, "950300": 10 }, exclude: ["9505"] },
    explain: "Balloons are toys of heading 95.03, whatever the party they decorate.",
    source: "HS 2022 heading 95.03 and its Explanatory Note (toy balloons); HTSUS 9503.00.00 (inflatable toy balls, balloons and punchballs)",
  },
  {
    id: "home-textile-of-plastics-3924",
    when: { all: [{ familyPrefix: ["home-textile."] }, { mainMaterial: ["plastics"] }, { not: { material: ["textile"] } }] },
    effect: { codes: { "3924": 10, "392490": 10 }, exclude: ["6302", "6303", "6304"] },
    explain: "A tablecloth, curtain or cover of plastics sheeting (PVC, PEVA) is a household article of plastics, not a made-up textile article.",
    source: "HS 2022 Chapter 63 (made-up textile articles) and heading 39.24; Chapter 39 Note 2",
  },
  {
    id: "relay-over-60v",
    when: {
      all: [
        { familyPrefix: ["elec.relay"] },
        { text: "\\b(?:[6-9]\\d|[1-9]\\d{2,3})\\s?v(?:ac|dc)?\\b" },
        { not: { text: "\\b(?:12|24|5|3)\\s?v(?:dc)? (?:relay|automotive)\\b" } },
      ],
    },
    effect: { codes: { "853649": 8, "853641": -4 } },
    explain: "A relay switching more than 60 V belongs to subheading 8536.49.",
    source: "HS 2022 subheadings 8536.41 (relays for a voltage not exceeding 60 V) and 8536.49",
  },
  {
    id: "blood-pressure-monitor-electronic",
    when: {
      all: [
        { familyPrefix: ["med.blood-pressure", "med.bp-monitor"] },
        { not: { text: "\\b(?:aneroid|mercury|manual|sphygmomanometer kit|stethoscope)\\b|水银|机械式" } },
      ],
    },
    effect: { codes: { "901819": 8 }, exclude: ["901890"], moveTo: "901819" },
    explain: "An electronic (oscillometric) blood pressure monitor is an electro-diagnostic apparatus of subheading 9018.19; a manual aneroid or mercury sphygmomanometer is 9018.90.",
    source: "HS 2022 subheadings 9018.19 and 9018.90; HTSUS 9018.19.95.30 (basal metabolism and blood pressure apparatus)",
  },
  {
    id: "blood-pressure-monitor-manual",
    when: { all: [{ familyPrefix: ["med.blood-pressure", "med.bp-monitor"] }, { text: "\\b(?:aneroid|mercury|manual)\\b|水银|机械式" }] },
    effect: { codes: { "901890": 8 }, exclude: ["901819"], moveTo: "901890" },
    explain: "A manual aneroid or mercury sphygmomanometer is not electro-diagnostic: subheading 9018.90.",
    source: "HS 2022 subheadings 9018.19 and 9018.90",
  },
  {
    id: "porcelain-6911",
    when: { all: [{ text: "\\b(?:porcelain|bone china|fine china)\\b" }, { not: { text: "\\b(?:stoneware|earthenware|terracotta)\\b" } }] },
    effect: { codes: { "6911": 10 }, exclude: ["6912"] },
    explain: "Tableware and household articles of porcelain or china belong to heading 69.11, not to the other-ceramics heading 69.12.",
    source: "HS 2022 headings 69.11 and 69.12",
  },
  {
    id: "stone-jewellery-7116",
    when: {
      all: [
        { any: [JEWELLERY, { familyPrefix: ["gem."] }] },
        {
          text: "\\b(?:natural stone|gemstones?|semi-precious|amethyst|tiger eye|rose quartz|jade|agate|obsidian|lapis lazuli|turquoise|moonstone|labradorite|aventurine|onyx|garnet|freshwater pearls?|cultured pearls?)\\b",
        },
        { not: { fact: "preciousMetal", is: [true] } },
        { not: { text: "\\b(?:imitation|faux|synthetic|glass|acrylic|resin|plastic)\\b" } },
      ],
    },
    effect: { codes: { "7116": 12, "7117": -8 }, exclude: ["7117"] },
    explain: "Jewellery of natural or cultured pearls or of precious or semi-precious stones, without precious metal, is an article of heading 71.16, not imitation jewellery.",
    source: "HS 2022 heading 71.16 and Chapter 71 Note 11 (imitation jewellery excludes articles of pearls and precious or semi-precious stones)",
  },
  {
    id: "stone-jewellery-not-loose-stones",
    when: {
      all: [JEWELLERY, { text: STONE_WORDS }, { not: { fact: "preciousMetal", is: [true] } }, { not: { text: "\\b(?:imitation|faux|synthetic|glass|acrylic|resin|plastic)\\b" } }],
    },
    effect: { codes: { "7103": -8 }, exclude: ["7103"] },
    explain: "Beads of semi-precious stone strung or mounted as a bracelet or necklace are jewellery of heading 71.16, no longer loose stones of heading 71.03.",
    source: "HS 2022 headings 71.03 (precious or semi-precious stones, not strung, mounted or set) and 71.16",
  },
  {
    id: "watch-digital-display",
    when: { all: [{ familyPrefix: ["watch."] }, { text: "\\b(?:digital|led|lcd|smart ?watch)\\b" }, { not: { text: "\\banalog(?:ue)?\\b|指针" } }] },
    effect: { codes: { "910212": 8, "910211": -3, "910219": -3 }, exclude: ["910211"] },
    explain: "An electrically operated wrist-watch that shows the time digitally has an opto-electronic display only.",
    source: "HS 2022 subheadings 9102.11 (mechanical display only) and 9102.12 (opto-electronic display only)",
  },
  {
    id: "watch-analog-display",
    when: { all: [{ familyPrefix: ["watch."] }, { text: "\\b(?:analog(?:ue)?|quartz|hands)\\b" }, { not: { text: "\\b(?:digital|led|lcd|smart ?watch)\\b" } }] },
    effect: { codes: { "910211": 8, "910212": -3, "910219": -3 }, exclude: ["910212"] },
    explain: "A quartz wrist-watch with hands (analogue) is electrically operated with a mechanical display only.",
    source: "HS 2022 subheading 9102.11 (electrically operated, with mechanical display only)",
  },
  {
    id: "motorcycle-parts-8714",
    when: {
      all: [
        { any: [{ familyPrefix: ["vehicle.part", "auto.", "car-accessory."] }, { fact: "isPart", is: [true] }] },
        { text: `${NOT_IN_CAR_DEPARTMENT}\\b(?:motorcycles?|motorbikes?|dirt ?bikes?|motocross|scooter|moped)\\b` },
      ],
    },
    effect: { codes: { "8714": 20, "871410": 20, "8708": -10 }, exclude: ["8708"] },
    explain: "Parts and accessories of motorcycles and mopeds belong to subheading 87.14.10, not to the motor-vehicle parts of heading 87.08.",
    source: "HS 2022 heading 87.08 (parts of the motor vehicles of headings 87.01 to 87.05) and subheading 8714.10; Section XVII Note 3",
  },
  {
    id: "footwear-plastics-uppers-6402",
    when: {
      all: [
        { familyPrefix: ["footwear."] },
        { mainMaterial: ["plastics", "rubber"] },
        { not: { material: ["leather"] } },
        { not: { text: TEXTILE_UPPER_WORDS } },
      ],
    },
    effect: { codes: { "6402": 8, "6403": -8, "6404": -8 }, exclude: ["6403", "6404"] },
    explain: "Footwear with uppers of plastics (PU, PVC, 'faux leather') or rubber and soles of rubber or plastics belongs to heading 64.02, not to leather footwear.",
    source: "HS 2022 headings 64.02 and 64.03; Chapter 64 Note 4(a) (the upper's material is that of the greatest external surface area)",
  },
  {
    id: "plastics-belt-3926",
    when: { all: [{ familyPrefix: ["leather.belt"] }, { mainMaterial: ["plastics"] }, { not: { material: ["leather"] } }] },
    effect: { codes: { "3926": 20, "392620": 20 }, exclude: ["4203"] },
    explain: "A belt of PU or other plastics ('faux leather') is a clothing accessory of plastics, not of leather.",
    source: "HS 2022 subheading 3926.20 (articles of apparel and clothing accessories of plastics) and heading 42.03",
  },
  {
    id: "plastics-bib-3926",
    when: { all: [{ familyPrefix: ["baby.bib"] }, { text: "\\bsilicone\\b" }] },
    effect: { codes: { "3926": 20, "392620": 20 }, exclude: ["6111", "6209"] },
    explain: "A silicone bib is a clothing accessory of plastics, not a textile garment.",
    source: "HS 2022 subheading 3926.20; Chapter 61 Note 1 and Chapter 62 Note 1 (made up of textile fabric)",
  },
  {
    id: "supplements-2106",
    when: { all: [{ familyPrefix: ["chem.vitamins", "food.vitamins"] }, { text: "\\b(?:supplements?|softgels?|capsules?|gummies|tablets|caps|iu)\\b" }] },
    effect: { codes: { "210690": 10, "2936": -8 }, exclude: ["2936"] },
    explain: "Vitamins put up as dietary supplements (capsules, softgels, gummies, tablets) are food preparations of heading 21.06, not the bulk vitamins of heading 29.36.",
    source: "HS 2022 heading 21.06 and its Explanatory Note (food supplements); Chapter 29 Note 1 (separate chemically defined compounds)",
  },
  {
    id: "drone-under-250g-8806",
    when: {
      all: [
        { familyPrefix: ["air.drone", "vehicle.drone"] },
        { text: "\\b(?:under|below|less than|<)\\s*2[0-4]\\d\\s*g\\b|\\b(?:1\\d\\d|2[0-4]\\d)\\s*(?:g|grams?)\\b|\\bmini drone\\b" },
      ],
    },
    effect: { codes: { "880621": 8, "880622": -6 } },
    explain: "An unmanned aircraft with a maximum take-off weight of 250 g or less belongs to subheading 8806.21.",
    source: "HS 2022 subheadings 8806.21 (maximum take-off weight not more than 250 g) and 8806.22",
  },
  {
    id: "festive-costumes-9505",
    when: { text: "\\b(?:costumes?|fancy dress|dress-up|cosplay)\\b" },
    effect: { codes: { "9505": 30, "61": -10, "62": -10 } },
    explain: "Flimsy, non-durable costumes worn for festive occasions are classified by US Customs as festive articles of heading 95.05.",
    source:
      "Rubie's Costume Co. v. United States, 337 F.3d 1350 (Fed. Cir. 2003); HTSUS 9505.90.60 (CBP practice; the HS Explanatory Notes send durable fancy dress of textiles to chapters 61/62)",
  },
  {
    // A title names the occasion and the kind of goods apart ("Halloween Light Up Cauldron Decoration"), so no knowledge-base
    // phrase covers it; strings of lights for the tree stay in 94.05.
    id: "christmas-decorations-9505",
    when: {
      all: [
        { text: `\\b(?:christmas|xmas)\\b${UP_TO_SIX_WORDS}(?:decorations?|decor|ornaments?|props?|centerpieces?|figurines?)\\b` },
        { not: { text: FESTIVE_LIGHTING } },
      ],
    },
    effect: { codes: { "950510": 15 } },
    explain: "Decorations made for Christmas are articles for Christmas festivities.",
    source: "HS 2022 heading 95.05, subheading 9505.10 (articles for Christmas festivities); Explanatory Note to heading 95.05",
  },
  {
    id: "festive-decorations-9505",
    when: {
      all: [
        {
          text: `\\b(?:halloween|easter|thanksgiving|st\\.? patrick'?s|day of the dead|hanukkah|diwali|chinese new year|lunar new year|mardi gras)\\b${UP_TO_SIX_WORDS}(?:decorations?|decor|ornaments?|props?|centerpieces?|figurines?)\\b`,
        },
        { not: { text: FESTIVE_LIGHTING } },
      ],
    },
    effect: { codes: { "950590": 15 } },
    explain: "Decorations made for a festive occasion (Halloween, Easter…) are festive articles of heading 95.05.",
    source: "HS 2022 heading 95.05, subheading 9505.90; Explanatory Note to heading 95.05 (festive, carnival or other entertainment articles)",
  },
  {
    // Running, tennis, basketball and other trainers are not "sports footwear" of 6402.19/6403.19: that subheading is kept for
    // footwear with spikes, cleats and the like, and for skating, ski, snowboard, wrestling, boxing and cycling footwear.
    id: "sports-footwear-subheading-note",
    when: {
      not: {
        text: "\\b(?:spikes?|spiked|cleats?|sprigs?|studs?|studded|ski|skiing|snowboard(?:ing)?|skating|skates?|ice skates?|roller skates?|wrestling|boxing|cycling|bike shoes|spd|clipless|golf)\\b|钉鞋|滑雪|骑行|拳击|摔跤|轮滑|溜冰",
      },
    },
    effect: { exclude: ["640219", "640319"] },
    explain:
      "Sports footwear of 6402.19 and 6403.19 is footwear with spikes, cleats or the like, and skating, ski, snowboard, wrestling, boxing and cycling footwear; trainers and other shoes for sport go to the other subheadings.",
    source: "HS 2022 Chapter 64 Subheading Note 1",
  },
  {
    // "Roasted Salted Mixed Nuts … Cashews Almonds Pecans": each nut names chapter 8, but roasting is a preparation.
    id: "roasted-nuts-2008",
    when: {
      all: [
        { familyPrefix: ["food.nuts", "food.cashews", "food.walnuts", "food.macadamia", "food.hazelnuts", "food.pecans", "food.pine-nuts", "food.roasted-nuts"] },
        { text: "\\b(?:roasted|dry roasted|salted|honey roasted|seasoned|smoked|flavou?red|candied|coated|fried|盐焗|炒)\\b" },
        { not: { text: "\\b(?:unroasted|raw|unsalted and unroasted|not roasted)\\b" } },
      ],
    },
    effect: { codes: { "200819": 10 }, exclude: ["0801", "0802"] },
    explain: "Nuts roasted, salted or otherwise prepared are goods of heading 20.08, not fresh or dried nuts of chapter 8.",
    source: "HS 2022 Chapter 8 Note 1 and Explanatory Note to heading 20.08 (nuts roasted, dry-roasted or otherwise prepared)",
  },
  {
    // "Sweetened Soft Dried Mango": drying keeps fruit in chapter 8, added sugar does not.
    id: "sweetened-dried-fruit-2008",
    when: {
      all: [
        { familyPrefix: ["food.dried-fruit", "food.dried-mango", "food.dried-fruit-other"] },
        { text: "\\b(?:sweetened|sugared|sugar added|with (?:added )?sugar|sugar coated|honey coated|infused)\\b|\\bingredients?\\b[^.;]{0,60}\\bsugar\\b" },
        { not: { text: "\\b(?:unsweetened|no (?:added )?sugar|no sugar added|sugar free|without sugar)\\b" } },
      ],
    },
    effect: { codes: { "200899": 10 }, exclude: ["0804", "0806", "0813"] },
    explain: "Dried fruit with added sugar is fruit otherwise prepared (heading 20.08), not dried fruit of chapter 8.",
    source: "HS 2022 Chapter 8 Note 3 and Explanatory Note to heading 20.08 (fruit otherwise prepared or preserved, whether or not containing added sugar)",
  },
  {
    // US Customs looks at how a costume is made: flimsy fabric, raw edges and loose stitching make a festive article.
    id: "flimsy-costume-9505",
    when: {
      all: [
        { text: "\\bcostumes?\\b" },
        { text: "\\bflimsy\\b|\\braw,? (?:unfinished |jagged )?(?:cut )?edges?\\b|\\bloose,? (?:straight |overlock )?stitch(?:ing|es)\\b" },
      ],
    },
    effect: { codes: { "950590": 20 }, exclude: ["61", "62"] },
    explain: "A costume of flimsy construction (raw edges, loose stitching, not made to last) is a festive article of heading 95.05, not wearing apparel.",
    source: "Rubie's Costume Co. v. United States, 337 F.3d 1350 (Fed. Cir. 2003); CBP practice on flimsy festive costumes (HTSUS 9505.90.60)",
  },
  {
    // …and a costume said to be well made (finished seams and hems, durable fabric) is wearing apparel of chapters 61 and 62.
    id: "well-made-costume-apparel",
    when: {
      all: [{ text: "\\bcostumes?\\b" }, { text: "(?<!\\bnot )(?<!\\bnot a )\\bwell[- ]made\\b" }, { not: { text: "\\bflimsy\\b" } }],
    },
    effect: { codes: { "9505": -30 }, exclude: ["9505"] },
    explain: "A well-made costume, durable and finished like ordinary clothing, is classified as the garments it consists of.",
    source: "Rubie's Costume Co. v. United States, 337 F.3d 1350 (Fed. Cir. 2003); HS 2022 Chapter 95 Note 1(e)",
  },
  {
    id: "chemical-compound",
    when: {
      text: "\\bcas(?: no\\.?| number| registry number| #)?\\s*[:#]?\\s*\\d{2,7}-\\d{2}-\\d\\b|\\b\\w+(?:yl|ate|ide|ine|ene|ol|one|ane|ic acid)\\b[^.]{0,40}\\b(?:compound|chemical|intermediate|reagent|monomer|solvent|catalyst)\\b",
    },
    effect: { codes: { "29": 4, "28": 2, "38": 2 } },
    explain: "A chemically defined compound (named chemically, with a CAS number) belongs to chapter 28 (inorganic) or 29 (organic); mixtures and preparations to chapter 38.",
    source: "HS 2022 Chapter 28 Note 1, Chapter 29 Note 1 (separate chemically defined compounds), Chapter 38 (chemical preparations)",
  },
  {
    id: "chemically-defined-not-34-38",
    when: {
      all: [
        { text: "\\bcas(?: no\\.?| number| registry number| #)?\\s*[:#]?\\s*\\d{2,7}-\\d{2}-\\d\\b" },
        { text: "\\b(?:purity|\\d{2}(?:\\.\\d+)?\\s*(?:%|percent) pure|pure|assay)\\b" },
      ],
    },
    // Nor is it the machine it is used in ("an additive in lithium-ion battery electrolytes"): the families that name those
    // machines are set aside too.
    effect: { codes: { "34": -8, "38": -8, "29": 8, "28": 4 }, exclude: ["34", "38", "84", "85", "90"] },
    explain:
      "A single compound with a CAS number, sold at a stated purity, is a separate chemically defined compound: chapters 34 and 38 exclude it, whatever it is used for (a surfactant, an additive), and it is no machine or apparatus it serves.",
    source: "HS 2022 Chapter 34 Note 1(b); Chapter 38 Note 1(a); Chapter 29 Note 1(a)",
  },
  {
    id: "named-compound-at-stated-purity",
    when: {
      all: [
        { family: [NAMED_AS_COMPOUND] },
        { text: "\\b(?:9\\d(?:\\.\\d+)?\\s?%|99\\.\\d+|purity|pure|reagent grade|analytical grade|food grade|usp grade|anhydrous)\\b|纯度|分析纯|工业级" },
        { not: { text: "\\b(?:blend|mixture|formula|with (?:aloe|fragrance|glycerin))\\b" } },
      ],
    },
    effect: { codes: { "34": -8, "38": -8 }, exclude: ["34", "38"] },
    explain: "A compound named as such and sold at a stated purity is a separate chemically defined compound: chapters 34 and 38 exclude it, whatever it is used for (cleaning, de-icing).",
    source: "HS 2022 Chapter 34 Note 1(b); Chapter 38 Note 1(a); Chapter 29 Note 1(a)",
  },
  {
    id: "cosmetic-raw-material-not-cosmetic",
    when: {
      all: [
        { text: "\\b(?:raw materials?|cosmetic grade|cosmetics? raw materials?|for (?:cosmetic|soap|lotion|candle) making|formulat(?:ion|ing) ingredients?)\\b|原料|化妆品级|日化级|工业级" },
        { not: { text: "\\b(?:cream|lotion|serum|toner|mask|lipstick|foundation|shampoo|conditioner)s? (?:for|with)\\b|面霜|乳液|精华液|口红|粉底" } },
        { not: { family: [NAMED_AS_MATERIAL] } },
      ],
    },
    // The chapter loses the words gathered under it too ("化妆品" reads as cosmetics three times over); an essential oil or a
    // fragrance compound the knowledge base names still carries its own family into 33.01 or 33.02.
    effect: { codes: { "33": -10, "3304": -10, "3305": -8, "3307": -8 }, exclude: ["3304", "3305", "3307"] },
    explain: "An ingredient sold as a raw material (cosmetic grade, by the kilogram) is the chemical, extract or oil itself; heading 33.04 covers preparations for the care of the skin, not their raw materials.",
    source: "HS 2022 Chapter 33 Note 3 (products put up for retail sale as such) and heading 33.04",
  },
  {
    id: "textile-chief-weight-artificial",
    when: { all: [{ any: [GARMENT, { familyPrefix: ["textile.", "home-textile."] }] }, { fact: "fibre", is: ["artificial"] }] },
    effect: { lines: { prefer: ["artificial", "man-made"], avoid: ["cotton", "wool"], weight: 3, within: ["54", "55", "56", "58", "59", "60", "61", "62", "63", "65"] } },
    explain: "Artificial fibre (rayon, viscose, modal, lyocell) predominates by weight, so the goods are classified as of artificial (man-made) fibres.",
    source: "HS 2022 Section XI Note 2(A)",
  },
  {
    id: "toys-not-sports",
    when: { all: [{ familyPrefix: ["toy."] }, { text: "\\b(?:toy|toys|kids|children|child)\\b" }] },
    effect: { codes: { "9503": 3, "9506": -2 } },
    explain: "Toys designed for the amusement of children belong to heading 95.03, not to sports equipment.",
    source: "HS 2022 Chapter 95 Note 4 and heading 95.03",
  },
  {
    id: "electric-domestic-appliance-8509",
    when: { all: [{ familyPrefix: ["appliance.domestic-motor."] }, { fact: "power", is: ["electric", "battery"] }] },
    effect: { codes: { "8509": 4 } },
    explain: "Electro-mechanical domestic appliances with a self-contained electric motor belong to heading 85.09.",
    source: "HS 2022 Chapter 85 note on heading 85.09 (electro-mechanical domestic appliances)",
  },
  {
    id: "bicycle-named-part-sold",
    // "Saddle for mountain and road bikes": the bicycles name what the part fits.
    when: { familyPrefix: ["bike.chain", "bike.rim", "bike.hub", "bike.saddle", "bike.crank", "bike.computer", "vehicle.bicycle-part"] },
    effect: { codes: { "8712": -6 }, exclude: ["8712"] },
    explain: "A listing that names a bicycle part and the bicycles it fits sells the part, not a bicycle.",
    source: "General Rule of Interpretation 1; HS 2022 headings 87.12 and 87.14 (parts and accessories of bicycles)",
  },
  {
    id: "motorcycle-named-accessory-sold",
    // "Motorcycle Gloves … Riding Gloves", "Motorcycle Mirrors … for Yamaha Honda": the motorcycle names what the goods serve.
    when: {
      all: [
        { familyPrefix: ["vehicle.motorcycle"] },
        { not: { head: ["motorcycle", "motorcycles", "motorbike", "motorbikes", "moped", "mopeds", "scooter", "scooters", "bike", "bikes", "ebike", "e-bike"] } },
        // A vehicle's own listing gives its power, speed or range ("350W Motor 19 Mph 21 Miles Range").
        { not: { text: "\\b\\d+(?:\\.\\d+)?\\s?(?:w|watts?|kw|mph|km/h|kmh|cc)\\b|\\bmiles? range\\b|\\brange\\s+\\d" } },
        {
          text: "\\b(?:gloves?|mirrors?|jackets?|pants|boots|goggles|covers?|mounts?|holders?|locks?|alarms?|lights?|lamps?|headlights?|bags?|saddlebags?|stands?|ramps?|cables?|pistons?|piston rings?|gaskets?|filters?|pads?|grips?|levers?|sprockets?|spark plugs?|tires?|tyres?|exhausts?|mufflers?|carburetors?|seats?|windshields?|fenders?|footpegs?|footrests?|handlebars?|brakes?|clutch|turn signals?|indicators?|horns?|intercoms?|parts?|engines?)\\b",
        },
      ],
    },
    effect: { codes: { "8711": -6 }, exclude: ["8711"] },
    explain: "A listing that names a motorcycle part or accessory and the motorcycles it fits sells the part or accessory, not a motorcycle.",
    source: "General Rule of Interpretation 1; HS 2022 headings 87.11 and 87.14 (parts and accessories of motorcycles)",
  },
  {
    id: "phone-named-accessory-sold",
    when: {
      all: [
        { familyPrefix: ["electric.smartphone"] },
        {
          text: "\\b(?:case|cases|cover|covers|protector|holder|charger|cable|strap|band|stand|mount|skin|grip|lanyard|stylus|lens|sticker|decal|shell|bumper|wallet|adapter|dock|battery|batteries)\\b",
        },
        { not: { text: "\\b(?:unlocked|dual sim|refurbished|\\d+\\s?(?:gb|tb))\\b" } },
      ],
    },
    effect: { codes: { "8517": -6 }, exclude: ["851711", "851713", "851714", "851718"] },
    explain: "A listing that names a phone model and an accessory (case, charger, screen protector) sells the accessory, not the phone.",
    source: "General Rule of Interpretation 1 (the terms of the headings); HS 2022 heading 85.17",
  },
  {
    id: "for-smartphone-not-phone",
    when: { familyPrefix: ["phone-accessory."] },
    effect: { codes: { "8517": -6 } },
    explain: "An accessory made for a phone is not the phone: heading 85.17 covers the telephone sets themselves.",
    source: "General Rule of Interpretation 1 (the terms of the headings); HS 2022 heading 85.17",
  },
  {
    id: "foundation-garments-6212",
    // "Tummy Control Panties Body Shaper", "内衣女…文胸…胸罩": a brassiere or shaping garment named among underwear words is still 62.12.
    when: { all: [{ familyPrefix: ["apparel.bra", "apparel.girdle", "apparel.shapewear", "apparel.corselette"] }, { not: { text: "\\b(?:sets?|pajamas?|sleepwear)\\b" } }] },
    effect: { codes: { "6212": 6 }, exclude: ["6107", "6108", "6207", "6208", "6109"] },
    explain: "Brassieres, girdles, panty-girdles and body shapers belong to heading 62.12, knitted or not, not to underwear of 61.07/61.08.",
    source: "HS 2022 heading 62.12 (brassieres, girdles, corsets … whether or not knitted or crocheted); Chapter 61 Note 2(a)",
  },
  {
    id: "bath-preparations-3307",
    when: { family: ["cosmetic.bath"] },
    effect: { exclude: ["3301", "2530", "2501", "2833", "1515"] },
    explain: "Bath bombs and bath salts are bath preparations of subheading 3307.30; the essential oils and salts they contain are ingredients, not the goods.",
    source: "HS 2022 subheading 3307.30 (perfumed bath salts and other bath preparations)",
  },
  {
    id: "lab-grown-diamond-7104",
    when: { any: [{ family: ["kb2.precious.lab-diamond"] }, { text: "\\b(?:lab[- ]grown|lab[- ]created|cvd|hpht|synthetic)\\s+diamonds?\\b" }] },
    effect: { codes: { "7104": 8 }, exclude: ["7102"] },
    explain: "A laboratory-grown (CVD or HPHT) diamond is a synthetic stone of heading 71.04, not a natural diamond of 71.02.",
    source: "HS 2022 headings 71.02 and 71.04 (synthetic or reconstructed precious stones; subheadings 7104.21 and 7104.91 for diamonds)",
  },
  {
    id: "real-fur-4303",
    when: {
      all: [
        { familyPrefix: ["leather.fur"] },
        { text: "\\b(?:real|genuine|natural)\\s+(?:\\w+\\s+)?fur\\b|\\b(?:rabbit|fox|mink|raccoon|sable|chinchilla)\\s+fur\\b" },
        { not: { text: "\\b(?:faux|fake|artificial|imitation|synthetic)\\s+fur\\b" } },
      ],
    },
    effect: { codes: { "4303": 6 }, exclude: ["4304"] },
    explain: "Articles of real furskin (rabbit, fox, mink) belong to heading 43.03; artificial fur is 43.04.",
    source: "HS 2022 headings 43.03 (articles of furskin) and 43.04 (artificial fur and articles thereof)",
  },
  {
    id: "artificial-fur-4304",
    when: { all: [{ familyPrefix: ["leather.fur"] }, { text: "\\b(?:faux|fake|artificial|imitation)\\s+fur\\b" }] },
    effect: { codes: { "4304": 6 }, exclude: ["4303"] },
    explain: "Faux (artificial) fur and articles of it belong to heading 43.04, not to furskin of 43.03.",
    source: "HS 2022 heading 43.04",
  },
  {
    id: "electric-blanket-630110",
    when: { all: [{ familyPrefix: ["home-textile.blanket", "home-textile.fleece-blanket", "home-textile.electric-blanket"] }, { text: "\\b(?:electric|heated|heating)\\b" }] },
    effect: { codes: { "630110": 12 } },
    explain: "Electric (heated) blankets have a subheading of their own, 6301.10, whatever their fibre.",
    source: "HS 2022 subheading 6301.10 (electric blankets)",
  },
  {
    id: "pearl-jewellery-7116",
    // "Freshwater pearl earrings, 925 silver studs": the pearls give the article its character; a silver post or clasp does not.
    when: {
      all: [
        { familyPrefix: ["precious.pearl", "pearl."] },
        { familyPrefix: ["jewellery."] },
        { text: "\\b(?:freshwater|cultured|natural|akoya|tahitian|south sea|baroque|real|genuine)\\s+pearls?\\b" },
        { not: { text: "\\b(?:faux|fake|imitation|artificial|simulated|shell|glass|acrylic|plastic)\\s+pearls?\\b" } },
        // Loose or strung pearls sold for jewellery making are pearls of 71.01, not articles.
        { not: { text: "\\b(?:loose|drilled|jewe?l(?:le)?ry making|diy)\\b" } },
      ],
    },
    effect: { codes: { "7116": 10 }, exclude: ["7113", "7117", "7101"] },
    explain: "Jewellery of natural or cultured pearls, with a precious-metal post or clasp of minor importance, is an article of pearls of heading 71.16.",
    source: "HS 2022 heading 71.16 (articles of natural or cultured pearls); Explanatory Note to 71.16",
  },
  {
    id: "air-mattress-plastics-3926",
    when: { all: [{ familyPrefix: ["outdoor.inflatable-mattress"] }, { material: ["plastics"] }, { not: { material: ["textile"] } }] },
    effect: { codes: { "392690": 8 }, exclude: ["6306", "9404"] },
    explain: "A pneumatic mattress of plastics (PVC, TPU) is an article of plastics of 3926.90; 63.06 covers those of textile, and 94.04 excludes pneumatic mattresses.",
    source: "HS 2022 heading 63.06 (pneumatic mattresses of textile), Chapter 94 Note 1(a) and heading 94.04 exclusions; subheading 3926.90",
  },
  {
    id: "watch-strap-not-metal-9113",
    when: {
      all: [
        { family: ["watch.strap"] },
        { any: [{ material: ["plastics", "rubber", "textile", "leather"] }, { text: "\\b(?:silicone|nylon|leather|rubber|fabric|canvas)\\b" }] },
        { not: { text: "\\b(?:stainless|steel|titanium|metal|gold|silver)\\b" } },
      ],
    },
    effect: { codes: { "911390": 8, "911310": -10, "911320": -10 }, exclude: ["911310", "911320"] },
    explain: "A watch strap of silicone, leather, nylon or other non-metal material belongs to subheading 9113.90, not to the metal straps of 9113.10/.20.",
    source: "HS 2022 subheadings 9113.10, 9113.20 and 9113.90",
  },
  {
    id: "watch-strap-base-metal-9113",
    when: { all: [{ family: ["watch.strap"] }, { text: "\\b(?:stainless|steel|titanium|alloy|metal)\\b" }, { not: { text: "\\b(?:solid gold|14k|18k|platinum|sterling)\\b" } }] },
    effect: { codes: { "911320": 8 }, exclude: ["911310"] },
    explain: "A watch strap or bracelet of stainless steel or other base metal belongs to subheading 9113.20.",
    source: "HS 2022 subheading 9113.20 (of base metal, whether or not gold- or silver-plated)",
  },
  {
    id: "pet-toys-not-9503",
    when: { family: ["household.pet-toy"] },
    effect: { exclude: ["9503", "9505"] },
    explain: "Toys for pets are not toys of heading 95.03, which covers toys for the amusement of people; they are classified by their material.",
    source: "HS 2022 Chapter 95 Note 1(v) and Explanatory Note to 95.03 (excludes pet toys); headings 39.26, 63.07, 40.16",
  },
  {
    id: "car-named-part-sold",
    // "汽车车顶行李架", "Car Roof Rack for SUV": the car names what the part fits.
    when: {
      all: [
        { family: ["vehicle.car"] },
        { familyPrefix: ["auto.", "vehicle.part", "electric.vehicle-lighting", "electric.ignition"] },
        { not: { text: "\\b\\d+(?:\\.\\d+)?\\s?(?:cc|kwh)\\b|\\bepa\\b|\\bmileage\\b|\\bvin\\b" } },
      ],
    },
    effect: { codes: { "8703": -6 }, exclude: ["8703"] },
    explain: "A listing that names a car part or accessory and the cars it fits sells the part, not a car.",
    source: "General Rule of Interpretation 1; HS 2022 headings 87.03 and 87.08 (parts and accessories of motor vehicles)",
  },
  {
    id: "fertiliser-retail-package-310510",
    when: {
      all: [
        { familyPrefix: ["chem.fertilizer", "fert."] },
        {
          text: "\\b\\d+(?:\\.\\d+)?\\s?(?:g|ml|oz|lbs?|pounds?)\\b|\\b(?:[1-9]|10)(?:\\.\\d+)?\\s?(?:kg|l|liters?|litres?)\\b|\\b(?:houseplants?|potted plants?|indoor plants?|household)\\b",
        },
        { not: { text: "\\b(?:ton|tons|tonnes?|mt|bulk|25\\s?kg|50\\s?kg|jumbo bags?)\\b" } },
      ],
    },
    effect: {
      codes: { "310510": 10, "310520": -10, "310530": -10, "310540": -10, "310551": -10, "310559": -10, "310560": -10, "310590": -10, "3101": -10, "3102": -10, "3103": -10, "3104": -10 },
      exclude: ["310520", "310530", "310540", "310551", "310559", "310560", "310590", "3101", "3102", "3103", "3104"],
    },
    explain: "Fertilisers in packages of a gross weight not exceeding 10 kg (or in tablets) belong to subheading 3105.10, whatever their nutrients.",
    source: "HS 2022 subheading 3105.10 (goods of Chapter 31 in tablets or similar forms or in packages of a gross weight not exceeding 10 kg)",
  },
  {
    id: "coffee-mix-210112",
    when: { all: [{ familyPrefix: ["food.instant-coffee", "food.coffee-mix"] }, { text: "\\b(?:3[- ]in[- ]1|creamers?|sugars?|milk powder|non-dairy)\\b" }] },
    effect: { codes: { "210112": 8 }, exclude: ["210111"] },
    explain: "Instant coffee mixed with sugar and creamer is a preparation with a basis of coffee extracts (2101.12), not the extract itself (2101.11).",
    source: "HS 2022 subheadings 2101.11 and 2101.12",
  },
  {
    id: "nut-and-fruit-mixtures-200897",
    when: { all: [{ familyPrefix: ["food.roasted-nuts", "food.nuts"] }, { text: "\\b(?:cranberr(?:y|ies)|raisins?|goji|blueberr(?:y|ies)|dried fruits?|trail mix|dried mango|apricots?|dates)\\b" }] },
    effect: { codes: { "200897": 12 }, exclude: ["200819"] },
    explain: "Nuts mixed with dried fruit (trail mix, 'daily nuts' with cranberries) are mixtures of subheading 2008.97, not nuts of 2008.19.",
    source: "HS 2022 subheadings 2008.19 (nuts, including mixtures of nuts) and 2008.97 (mixtures)",
  },
  {
    id: "tool-battery-8507",
    // "18V 5.0Ah Replacement Battery for Makita": a battery is named by heading 85.07 even when made for one tool.
    // A tool sold with its batteries ("Cordless Drill … 2 Batteries") is the tool.
    when: { all: [{ head: ["battery", "batteries"] }, { text: "\\b(?:li-?ion|lithium|\\d+(?:\\.\\d+)?\\s?ah|ni-?mh|ni-?cd)\\b" }, { not: { familyPrefix: ["tool.hand."] } }] },
    effect: { codes: { "8507": 10, "850760": 3 }, exclude: ["8467", "8466", "8414", "8508", "8509"] },
    explain: "A rechargeable battery for a power tool or appliance is an accumulator of heading 85.07, not a part of the tool: the heading names it.",
    source: "HS 2022 Section XVI Note 2(a) (parts included in a heading of their own are classified there); heading 85.07",
  },
  {
    id: "computer-monitor-852852",
    when: { all: [{ familyPrefix: ["electric.monitor", "display.monitor"] }, { text: "\\b(?:hdmi|displayport|vga|dvi|computer|pc|gaming monitor|desktop monitor)\\b" }, { not: { text: "\\b(?:smart tv|television|tuner|tv)\\b" } }] },
    effect: { codes: { "852852": 8 } },
    explain: "A monitor that connects directly to a computer (HDMI, DisplayPort) goes to subheading 8528.52, not to other monitors or television receivers.",
    source: "HS 2022 subheading 8528.52 (monitors capable of directly connecting to and designed for use with an automatic data processing machine)",
  },
  {
    id: "bicycle-lighting-851210",
    when: { all: [{ familyPrefix: ["electric.vehicle-lighting", "vlight."] }, { text: "\\b(?:bike|bikes|bicycles?|cycling|mtb)\\b" }, { not: { text: "\\b(?:motorcycles?|motorbikes?|cars?|trucks?|atv|utv)\\b" } }] },
    effect: { codes: { "851210": 10 }, exclude: ["851220"] },
    explain: "Lights and signalling equipment for bicycles have subheading 8512.10 of their own.",
    source: "HS 2022 subheading 8512.10 (lighting or visual signalling equipment of a kind used on bicycles)",
  },
  {
    id: "portable-battery-lamp-8513",
    when: {
      all: [
        { familyPrefix: ["outdoor.headlamp", "electric.flashlight", "furniture.lamp", "light.flashlight", "light.night"] },
        {
          any: [
            // A flashlight or headlamp runs on its own cells by definition; a lantern or tent light says so.
            { text: "\\b(?:flashlights?|torch(?:es)?|headlamps?|head torch)\\b" },
            {
              all: [
                { text: "\\b(?:rechargeable|battery|batteries|charging|usb|solar)\\b" },
                { text: "\\b(?:camping|lanterns?|portable electric lamps|tent light)\\b" },
              ],
            },
            // A cordless cabinet, closet or puck light that sticks on and runs on its own cells.
            {
              all: [
                { text: "\\b(?:rechargeable|battery[- ](?:powered|operated)|batteries|aaa|lithium)\\b" },
                { text: "\\b(?:wireless|cordless|magnetic|stick[- ]on|peel and stick|puck lights?|closet lights?|cabinet lights?|wardrobe lights?|motion[- ]sensor)\\b" },
                { not: { text: "\\b(?:solar|plug[- ]in|mains|hardwired|ac ?adapter)\\b" } },
              ],
            },
          ],
        },
      ],
    },
    effect: { codes: { "851310": 10 }, exclude: ["9405"], moveTo: "851310" },
    explain: "A portable lamp that runs on its own battery (camping lantern, flashlight, headlamp) belongs to heading 85.13, not to lamps of 94.05.",
    source: "HS 2022 heading 85.13 (portable electric lamps designed to function by their own source of energy); Chapter 94 Note 1(f)",
  },
  {
    id: "detergent-retail-340250",
    when: {
      all: [
        { familyPrefix: ["chem.detergent", "detergent."] },
        { text: "\\b\\d+(?:\\.\\d+)?\\s?(?:ml|l|oz|fl oz|g|kg|lbs?|count|ct|pods|loads)\\b|\\b(?:bottles?|bottled|household|pods|pacs)\\b" },
        { not: { text: "\\b(?:tons?|tonnes?|drums?|ibc|bulk|industrial grade)\\b" } },
      ],
    },
    effect: { codes: { "340250": 8 }, exclude: ["340231", "340239", "340241", "340242", "340249"] },
    explain: "Washing and cleaning preparations put up for retail sale (a bottle of laundry liquid) belong to subheading 3402.50; the surface-active agents they contain are ingredients.",
    source: "HS 2022 subheading 3402.50 (preparations put up for retail sale)",
  },
  {
    id: "pet-food-dogs-cats-230910",
    when: { all: [{ family: ["food.pet-food"] }, { text: "\\b(?:dogs?|cats?|pupp(?:y|ies)|kittens?|canine|feline)\\b" }] },
    effect: { codes: { "230910": 8 } },
    explain: "Dog or cat food put up for retail sale has subheading 2309.10 of its own.",
    source: "HS 2022 subheading 2309.10 (dog or cat food, put up for retail sale)",
  },
  {
    id: "stapler-not-staples",
    when: { all: [{ text: "\\bstaplers?\\b" }, { not: { text: "\\b(?:staple guns?|gun tackers?|nailers?|staples|refills?)\\b" } }] },
    effect: { codes: { "847290": 8 }, exclude: ["830520"] },
    explain: "A desk stapler is an office machine of heading 84.72; the staples it takes are 83.05.",
    source: "HS 2022 heading 84.72 (other office machines, e.g. stapling machines) and heading 83.05",
  },
  {
    id: "plated-base-metal-jewellery-7117",
    // "14K Gold Plated Hoop Earrings … Brass": the gold is a plating on base metal, so the jewellery is imitation jewellery.
    when: {
      all: [
        { familyPrefix: ["jewellery."] },
        { text: "\\b(?:gold|silver|rhodium|platinum)[- ]plated\\b|\\bplated\\b" },
        { text: "\\b(?:brass|copper|alloy|stainless|steel|titanium|zinc|iron|base metal)\\b" },
        { not: { text: "\\b(?:sterling|925|s925|solid gold|solid silver)\\b" } },
      ],
    },
    effect: { codes: { "7117": 10 }, exclude: ["7113"] },
    explain: "Jewellery of base metal (brass, stainless steel) plated with gold or silver is imitation jewellery of heading 71.17, not precious-metal jewellery of 71.13.",
    source: "HS 2022 Chapter 71 Notes 9 and 11 (imitation jewellery) and heading 71.17; subheading 7117.19",
  },
  {
    id: "toy-drone-9503",
    when: {
      all: [
        { text: "\\b(?:drones?|quadcopters?)\\b" },
        { text: "\\b(?:kids|children|beginners? toy|toys?|ages? \\d+\\+?|\\d+\\+ years?)\\b" },
        { not: { text: "\\b(?:4k|6k|8k|gps|gimbal|\\d{3,4}\\s?g\\b|249\\s?g)" } },
      ],
    },
    effect: { codes: { "9503": 10 }, exclude: ["8806"] },
    explain: "A small remote-control drone made for children to play with is a toy of heading 95.03, not an unmanned aircraft of 88.06.",
    source: "HS 2022 heading 95.03 and Chapter 95 Note; Explanatory Note to heading 88.06 (excludes toy drones)",
  },
  {
    id: "building-set-toy-9503",
    when: { text: "\\bbuilding (?:sets?|blocks?|bricks?|kits?)\\b|\\blego\\b" },
    effect: { codes: { "9503": 10, "06": -15, "6702": -10 }, exclude: ["06", "6702", "9505", "8703", "8711"] },
    explain: "A construction set of bricks (a LEGO flower, car or building) is a toy of heading 95.03, whatever it depicts.",
    source: "HS 2022 heading 95.03 (construction sets and constructional toys)",
  },
  {
    id: "drone-propellers-880710",
    when: { all: [{ text: "\\b(?:propellers?|props|rotor blades?)\\b" }, { text: "\\b(?:drones?|quadcopters?|dji|mavic|fpv|uav)\\b" }] },
    effect: { codes: { "880710": 12 }, exclude: ["8714", "8713", "9301", "8806"] },
    explain: "Propellers for drones are parts of heading 88.07 (propellers and rotors), not of bicycles or the drone itself.",
    source: "HS 2022 subheading 8807.10 (propellers and rotors and parts thereof)",
  },
  {
    id: "vacuum-filter-850870",
    when: { all: [{ text: "\\bfilters?\\b" }, { text: "\\b(?:vacuums?|shark navigator|dyson|roomba|bissell|hoover|eufy robovac|robot vacuum)\\b" }] },
    effect: { codes: { "850870": 10 }, exclude: ["8421"] },
    explain: "A filter made for a vacuum cleaner is a part of the vacuum cleaner (8508.70), not a filtering machine of 84.21.",
    source: "HS 2022 Section XVI Note 2(b) (parts suitable for use solely or principally with a particular machine) and subheading 8508.70",
  },
  {
    id: "carpet-other-man-made-570339",
    when: {
      all: [
        { familyPrefix: ["textile.carpet", "carpet."] },
        { text: "\\b(?:polypropylene|polyester|olefin|acrylic|shag|shaggy|microfiber)\\b" },
        { not: { text: "\\b(?:nylon|polyamide|wool|cotton|jute|sisal)\\b" } },
      ],
    },
    effect: { codes: { "570339": 4, "570331": 4 }, exclude: ["570321", "570329"] },
    explain: "A tufted carpet of polypropylene or polyester is of 'other man-made textile materials' (5703.31/.39), not of nylon or other polyamides (5703.21/.29).",
    source: "HS 2022 subheadings 5703.21–5703.39",
  },
  {
    id: "server-cabinet-940310",
    // CBP: floor-standing, empty, unequipped steel cabinets for servers and network gear are metal furniture of a kind used in offices.
    when: {
      all: [
        { text: "\\b(?:cabinets?|racks?|enclosures?)\\b" },
        { text: "\\b(?:servers?|it racks?|network(?:ing)? (?:equipment|devices)|data cent(?:er|re)s?|rack units|\\d+\\s?ru|unequipped|busbars?)\\b" },
        { any: [{ material: ["steel", "iron", "aluminum", "metal"] }, { text: "\\b(?:steel|sheet metal|aluminum|aluminium)\\b" }] },
      ],
    },
    effect: { codes: { "940310": 14, "940320": -10 }, exclude: ["8536", "8537", "8538", "8471", "8473", "3903"] },
    explain: "An empty, unequipped metal cabinet or rack made to hold servers and network equipment is metal furniture of a kind used in offices (9403.10), not a switchboard or a machine part.",
    source: "HS 2022 heading 94.03 and Chapter 94 Note 2; CBP rulings on unequipped server cabinets (9403.10.0040)",
  },
  {
    id: "party-decoration-set-950590",
    when: { text: "\\b(?:birthday|party|wedding|baby shower|bachelorette|graduation)\\s+(?:party\\s+)?decorations?\\s+(?:sets?|kits?)\\b|\\b(?:birthday|party)\\s+(?:banners?|decorations?)\\b.*\\bballoons?\\b" },
    effect: { codes: { "950590": 12 }, exclude: ["9503", "6303", "6304"] },
    explain: "A party decoration set (banner, balloons, fringe curtain) put up together for retail sale is a set of festive articles of 9505.90.",
    source: "General Rule of Interpretation 3(b) (sets put up for retail sale); HS 2022 heading 95.05",
  },
  {
    id: "earrings-not-shirt-studs",
    when: { familyPrefix: ["jewellery.earrings"] },
    effect: { exclude: ["711711"] },
    explain: "Ear studs are earrings; 7117.11 covers cuff links and shirt studs.",
    source: "HS 2022 subheadings 7117.11 (cuff links and studs) and 7117.19",
  },
  {
    id: "abrasive-paper-6805",
    when: { familyPrefix: ["stone.abrasive", "stone.sandpaper"] },
    effect: { codes: { "6805": 8 }, exclude: ["48"] },
    explain: "Sandpaper and other abrasive paper is natural or artificial abrasive on a paper base, heading 68.05, not paper of chapter 48.",
    source: "HS 2022 heading 68.05 (natural or artificial abrasive powder or grain, on a base of textile material, of paper …); Chapter 48 Note 2(c)",
  },
  {
    id: "mini-pc-847150",
    when: { text: "\\bmini (?:pc|computer|desktop)s?\\b" },
    effect: { codes: { "847150": 8 } },
    explain: "A mini PC is a processing unit without its own screen or keyboard (8471.50), not a system presented with input and output units (8471.49).",
    source: "HS 2022 subheadings 8471.49 and 8471.50; Chapter 84 Note 6",
  },
  {
    id: "hair-preparation-330590",
    when: { text: "\\bhair (?:oils?|serums?|growth|treatments?)\\b|\\bfor hair (?:growth|loss|care)\\b" },
    effect: { codes: { "330590": 10 }, exclude: ["15", "3301"] },
    explain: "An oil sold as a hair oil (coconut, argan, castor, rosemary) is a preparation for use on the hair, 33.05, not a vegetable oil of chapter 15.",
    source: "HS 2022 heading 33.05 and Chapter 33 Note 3 (products suitable for use as goods of 33.03–33.07, put up in packings for retail sale for such use)",
  },
  {
    id: "retail-glue-350610",
    when: {
      all: [
        { familyPrefix: ["chem.glue", "chem.adhesive", "glue."] },
        { text: "\\b\\d+(?:\\.\\d+)?\\s?(?:ml|g|oz|fl oz|grams?)\\b" },
        { not: { text: "\\b(?:kg|drums?|tons?|ibc|gallons?)\\b" } },
      ],
    },
    effect: { codes: { "350610": 8 } },
    explain: "Glue or adhesive put up for retail sale in packages of not more than 1 kg net goes to subheading 3506.10.",
    source: "HS 2022 subheading 3506.10 (products suitable for use as glues or adhesives, put up for retail sale, net weight not exceeding 1 kg)",
  },
  {
    id: "lead-free-crystal-glassware",
    when: { text: "\\blead[- ]free\\b" },
    effect: { exclude: ["701322", "701333", "701341", "701391"] },
    explain: "Lead-free 'crystal' glassware is not of lead crystal, so it leaves the lead-crystal subheadings of 70.13.",
    source: "HS 2022 subheadings 7013.22, 7013.33, 7013.41 and 7013.91 (of lead crystal); Chapter 70 Subheading Note 1",
  },
  {
    id: "activated-carbon-380210",
    when: { text: "\\bactivated (?:charcoal|carbon)\\b" },
    effect: { codes: { "380210": 12 }, exclude: ["4402", "2803"] },
    explain: "Activated charcoal (bamboo charcoal bags sold as odour absorbers included) is activated carbon of 3802.10, not wood or bamboo charcoal of 44.02.",
    source: "HS 2022 subheading 3802.10 (activated carbon); heading 44.02 excludes activated charcoal",
  },
  {
    id: "soft-sole-textile-baby-shoes-640520",
    when: {
      all: [
        { familyPrefix: ["footwear."] },
        { text: "\\b(?:baby|babies|infants?|toddlers?|crib|first walkers?|newborns?)\\b" },
        { text: "\\bsoft (?:cotton |cloth |fabric )?soles?\\b|\\b(?:cotton|cloth|fabric) soles?\\b" },
        { text: "\\b(?:cotton|cloth|fabric|canvas|knit|textile)\\b" },
        { not: { text: "\\b(?:leather|rubber soles?|tpr|pvc)\\b" } },
      ],
    },
    effect: { codes: { "640520": 10 }, exclude: ["6402", "6403", "6404"] },
    explain: "Soft-soled baby shoes of cotton cloth have uppers and soles of textile, which is footwear of subheading 6405.20, not 64.04 (rubber or plastics soles).",
    source: "HS 2022 subheading 6405.20 (with uppers of textile materials); Chapter 64 Note 4(b) (material of the outer sole)",
  },
  {
    id: "kitchen-glass-jars-7013",
    when: {
      all: [
        { text: "\\bglass\\b" },
        { text: "\\b(?:jars?|canisters?)\\b" },
        { text: "\\b(?:kitchen|food storage|pantry|airtight|lids?|spice)\\b" },
        { not: { text: "\\b(?:mason|canning|ball jars?|empty jars? for packing|wholesale packaging)\\b" } },
      ],
    },
    effect: { codes: { "701349": 6, "701342": 4 }, exclude: ["7010"] },
    explain: "Glass jars and canisters sold for the kitchen or pantry are glassware for kitchen use of 70.13 (borosilicate 7013.42), not containers for the conveyance or packing of goods of 70.10.",
    source: "HS 2022 headings 70.10 and 70.13; subheadings 7013.42 and 7013.49",
  },
  {
    id: "borosilicate-701342",
    when: { all: [{ text: "\\bborosilicate\\b" }, { text: "\\b(?:jars?|canisters?|containers?|bowls?|cups?|mugs?|teapots?|bakeware|dishes)\\b" }] },
    effect: { codes: { "701342": 8, "701337": 4 } },
    explain: "Kitchen and table glassware of borosilicate (low-expansion) glass has subheading 7013.42 (or 7013.37 for drinking glasses).",
    source: "HS 2022 subheadings 7013.42 and 7013.37 (glass with a linear coefficient of expansion not exceeding 5 × 10⁻⁶ per Kelvin)",
  },
  {
    id: "nail-gel-not-lamp",
    // "光疗甲油胶 … 需照灯" (a gel polish that needs a lamp): the lamp is what the goods need, not the goods.
    when: {
      all: [
        { familyPrefix: ["cosmetic.nail", "cosmetics.nail-preparations"] },
        { text: "\\bgel\\b" },
        { not: { text: "\\b(?:nail (?:lamps?|dryers?)|uv lamps?|led lamps?|curing lamps?)\\b" } },
      ],
    },
    effect: { codes: { "330430": 6 }, exclude: ["9405", "8539", "8543"] },
    explain: "Gel nail polish is a manicure preparation of 3304.30 even when the listing says it is cured under a UV/LED lamp.",
    source: "HS 2022 subheading 3304.30 (manicure or pedicure preparations)",
  },
  {
    id: "insect-repellent-candle-3808",
    when: { text: "\\b(?:citronella|mosquito|insect|bug)(?: repellent| repelling)?(?: \\w+){0,2} candles?\\b" },
    effect: { codes: { "380891": 20, "3406": -10 }, exclude: ["3406"] },
    explain: "A citronella or mosquito-repellent candle is an insect repellent put up as an article; heading 38.08 names candles among those articles.",
    source: "HS 2022 heading 38.08 (\"put up in forms or packings for retail sale or as preparations or articles (for example, sulphur-treated bands, wicks and candles…)\"); subheading 3808.91",
  },
  {
    id: "carrying-case-not-pocket-42029",
    // Heading 42.02's subheadings 4202.31–.39 are for articles of a kind normally carried in the pocket or in the handbag
    // (wallets, card cases, eyeglass cases, phone cases); a carrying case fitted to an instrument or a console is "other".
    when: {
      all: [
        { text: "\\b(?:carry(?:ing)?|fitted|travel|storage|hard|tool) cases?\\b" },
        { not: { text: "\\b(?:wallets?|purses?|card (?:holders?|cases?)|eye ?glass(?:es)?|sunglass(?:es)?|spectacles?|keys?|coins?|cigarettes?|phones?|iphone|smartphones?|airpods|earbuds|earphones?|pens?|pencils?|cosmetics?|make-?up|lipsticks?)\\b" } },
      ],
    },
    effect: { codes: { "420291": 8, "420292": 8, "420299": 8, "420231": -8, "420232": -8, "420239": -8 } },
    explain: "A carrying case made for an instrument, a console or tools is not an article normally carried in the pocket or handbag (4202.31–.39); it falls in 4202.91–.99.",
    source: "HS 2022 heading 42.02, subheadings 4202.31–4202.39 and 4202.91–4202.99; HS Explanatory Notes to 42.02",
  },
  {
    id: "organic-compound-29",
    // A compound named by the organic nomenclature (a carbon chain, a ring, an organic functional group) with a CAS number
    // belongs to chapter 29, however many metals or salts its name also holds ("sodium lauroyl isethionate").
    when: {
      all: [
        { text: "\\bcas(?: no\\.?| number| registry number| #)?\\s*[:#]?\\s*\\d{2,7}-\\d{2}-\\d\\b" },
        {
          text: "\\b[a-z0-9,-]*(?:methyl|ethyl|propyl|butyl|pentyl|hexyl|octyl|phenyl|benzyl|lauroyl|stearoyl|oleoyl|acetyl|hexane|heptane|octane|benzene|toluene|pyridin|piperidin|morpholin|imidazol|triazin|nitrile|carbonitrile|amine|amide|isethionate|sulfonamide|glycol|glycerol|acetate|citrate|lactate|gluconate|stearate|oleate|laurate|triacetic|pentaacetic|tetraacetic|carboxyl|hydroxy|oxo|keto|ether|ester|aldehyde)[a-z0-9,-]*\\b",
        },
      ],
    },
    effect: { codes: { "29": 6, "28": -6 } },
    explain: "A separate chemically defined compound named as an organic compound belongs to chapter 29, not to the inorganic chemicals of chapter 28.",
    source: "HS 2022 Chapter 29 Note 1; Chapter 28 Note 1; Section VI Note 1",
  },
  {
    id: "motorcycle-named-part-sold",
    // "摩托车化油器" (a motorcycle carburettor): the motorcycle names what the part fits, as "car" does for a car part.
    when: {
      all: [
        { familyPrefix: ["vehicle.motorcycle", "kb3.moto."] },
        { any: [{ familyPrefix: ["kb3.engine.parts", "kb3.moto.parts", "kb3.moto.scooter-parts", "kb3.moto.grips", "vehicle.part", "auto.", "kb3.auto."] }, { fact: "isPart", is: [true] }] },
        { not: { text: "\\b(?:vin|mileage|odometer|street legal)\\b" } },
      ],
    },
    effect: { codes: { "8711": -6 }, exclude: ["8711"] },
    explain: "A listing that names a motorcycle part or accessory and the motorcycles it fits sells the part, not a motorcycle.",
    source: "General Rule of Interpretation 1; HS 2022 heading 87.11 and subheading 8714.10; Section XVII Note 3",
  },
  {
    id: "engine-parts-not-vehicle-parts",
    // A carburettor or a cylinder head sold in a "motorcycle parts" or "car parts" category is still a part of an engine.
    when: { familyPrefix: ["kb3.engine.parts", "kb3.engine.diesel-injector"] },
    effect: { codes: { "8409": 6, "8708": -6, "8714": -6 }, exclude: ["8708", "8714", "8711"] },
    explain: "Parts of engines (heading 84.09) are excluded from the parts and accessories of vehicles of Section XVII, whatever vehicle they fit.",
    source: "HS 2022 Section XVII Note 2(e); heading 84.09",
  },
  {
    id: "cotton-woven-fabric-light",
    // Fabric by the metre: the weight decides 52.08 / 52.10 (not more than 200 g/m²) against 52.09 / 52.11.
    when: {
      all: [
        { familyPrefix: ["textile.", "kb2.textile.", "kb2.fabric."] },
        { fact: "fibre", is: ["cotton"] },
        { not: { fact: "construction", is: ["knit", "nonwoven"] } },
        { fact: "fabricWeight", is: ["upTo25", "upTo70", "upTo150", "upTo200"] },
      ],
    },
    effect: { codes: { "5208": 5, "5210": 3, "5209": -5, "5211": -3 }, exclude: ["5209", "5211"] },
    explain: "Woven cotton fabric weighing not more than 200 g/m² goes to heading 52.08 (52.10 when mixed with man-made fibres), not 52.09.",
    source: "HS 2022 headings 52.08–52.11 (weight not more than / more than 200 g/m²)",
  },
  {
    id: "cotton-woven-fabric-heavy",
    when: {
      all: [
        { familyPrefix: ["textile.", "kb2.textile.", "kb2.fabric."] },
        { fact: "fibre", is: ["cotton"] },
        { not: { fact: "construction", is: ["knit", "nonwoven"] } },
        { fact: "fabricWeight", is: ["over200"] },
      ],
    },
    effect: { codes: { "5209": 5, "5211": 3, "5208": -5, "5210": -3 }, exclude: ["5208", "5210"] },
    explain: "Woven cotton fabric weighing more than 200 g/m² goes to heading 52.09 (52.11 when mixed with man-made fibres), not 52.08.",
    source: "HS 2022 headings 52.08–52.11 (weight not more than / more than 200 g/m²)",
  },
  {
    id: "nonwoven-by-weight",
    when: { all: [{ fact: "construction", is: ["nonwoven"] }, { fact: "fabricWeight", is: ["upTo25"] }] },
    effect: { codes: { "560311": 4, "560391": 4 } },
    explain: "Nonwovens weighing not more than 25 g/m² have subheadings 5603.11 and 5603.91.",
    source: "HS 2022 heading 56.03, subheadings by weight",
  },
  {
    id: "nonwoven-by-weight-70",
    when: { all: [{ fact: "construction", is: ["nonwoven"] }, { fact: "fabricWeight", is: ["upTo70"] }] },
    effect: { codes: { "560312": 4, "560392": 4 } },
    explain: "Nonwovens weighing more than 25 g/m² but not more than 70 g/m² have subheadings 5603.12 and 5603.92.",
    source: "HS 2022 heading 56.03, subheadings by weight",
  },
  {
    id: "nonwoven-by-weight-150",
    when: { all: [{ fact: "construction", is: ["nonwoven"] }, { fact: "fabricWeight", is: ["upTo150"] }] },
    effect: { codes: { "560313": 4, "560393": 4 } },
    explain: "Nonwovens weighing more than 70 g/m² but not more than 150 g/m² have subheadings 5603.13 and 5603.93.",
    source: "HS 2022 heading 56.03, subheadings by weight",
  },
  {
    id: "nonwoven-by-weight-heavy",
    when: { all: [{ fact: "construction", is: ["nonwoven"] }, { fact: "fabricWeight", is: ["upTo200", "over200"] }] },
    effect: { codes: { "560314": 4, "560394": 4 } },
    explain: "Nonwovens weighing more than 150 g/m² have subheadings 5603.14 and 5603.94.",
    source: "HS 2022 heading 56.03, subheadings by weight",
  },
  {
    id: "insulated-conductor-over-1000v",
    when: { all: [{ familyPrefix: ["electric.cable", "electric.solar-cable", "electric.wire", "kb3.wire."] }, { fact: "overThousandVolts", is: [true] }] },
    effect: { codes: { "854460": 40, "854449": -6, "854442": -4 }, exclude: ["854449", "854442"] },
    explain: "An insulated electric conductor for a voltage exceeding 1,000 V (a PV cable rated 1,500 V DC, a medium-voltage cable) has subheading 8544.60.",
    source: "HS 2022 subheadings 8544.42, 8544.49 (voltage not exceeding 1,000 V) and 8544.60",
  },
  {
    id: "dc-motor-by-output",
    // Heading 85.01 splits DC motors by output: 8501.31 up to 750 W, 8501.32 up to 75 kW; 8501.10 is 37.5 W or less.
    when: {
      all: [
        { familyPrefix: ["kb3.motor.", "electric.motor"] },
        { text: "\\b(?:dc|brushless|bldc|hub motor|\\d+\\s?v)\\b" },
        { fact: "outputPower", is: ["upTo75kW"] },
      ],
    },
    effect: { codes: { "850132": 8, "850131": -6, "850110": -6 } },
    explain: "A DC motor of an output exceeding 750 W but not exceeding 75 kW has subheading 8501.32.",
    source: "HS 2022 subheadings 8501.10, 8501.31 and 8501.32",
  },
  ...(
    [
      ["850431", ["upTo1kVA"]],
      ["850432", ["upTo16kVA"]],
      ["850433", ["upTo75kVA", "upTo375kVA", "upTo500kVA"]],
      ["850434", ["over500kVA"]],
    ] as const
  ).map(
    ([code, bands]): ClassificationRule => ({
      id: `transformer-${code}`,
      when: { all: [{ text: "\\btransformers?\\b|变压器" }, { not: { text: "\\b(?:current transformers?|toy|robot|chargers?|adapters?)\\b" } }, { fact: "apparentPower", is: [...bands] }] },
      effect: { codes: { [code]: 8 }, exclude: ["850431", "850432", "850433", "850434"].filter((c) => c !== code), moveTo: code },
      explain: `Other transformers are divided by power handling capacity; the stated kVA puts this one in subheading ${code.slice(0, 4)}.${code.slice(4)}.`,
      source: "HS 2022 subheadings 8504.31–8504.34",
    }),
  ),
  ...(
    [
      ["850211", ["upTo1kVA", "upTo16kVA", "upTo75kVA"]],
      ["850212", ["upTo375kVA"]],
      ["850213", ["upTo500kVA", "over500kVA"]],
    ] as const
  ).map(
    ([code, bands]): ClassificationRule => ({
      id: `diesel-generating-set-${code}`,
      when: { all: [{ text: "\\b(?:diesel|gensets?|generating sets?|generator sets?)\\b|柴油发电机" }, { text: "\\b(?:generators?|gensets?|generating sets?)\\b|发电机" }, { fact: "apparentPower", is: [...bands] }] },
      effect: { codes: { [code]: 8 }, exclude: ["850211", "850212", "850213"].filter((c) => c !== code), moveTo: code },
      explain: `Generating sets with compression-ignition (diesel) engines are divided by output in kVA; the stated output puts this one in ${code.slice(0, 4)}.${code.slice(4)}.`,
      source: "HS 2022 subheadings 8502.11–8502.13",
    }),
  ),
  ...(
    [
      ["850151", ["upTo37.5W", "upTo750W"]],
      ["850152", ["upTo75kW"]],
      ["850153", ["over75kW"]],
    ] as const
  ).map(
    ([code, bands]): ClassificationRule => ({
      id: `ac-motor-multi-phase-${code}`,
      when: {
        all: [
          { familyPrefix: ["kb3.motor.", "electric.motor", "motor."] },
          { text: "\\b(?:3[- ]phase|three[- ]phase|multi[- ]phase|380\\s?v|400\\s?v|415\\s?v|440\\s?v|460\\s?v)\\b|三相" },
          { not: { text: "\\b(?:dc|brushless|bldc|stepper|servo)\\b" } },
          { fact: "outputPower", is: [...bands] },
        ],
      },
      effect: { codes: { [code]: 8 }, exclude: ["850110", "850140", "850151", "850152", "850153"].filter((c) => c !== code), moveTo: code },
      explain: `Multi-phase AC motors are divided by output; the stated output puts this one in ${code.slice(0, 4)}.${code.slice(4)}.`,
      source: "HS 2022 subheadings 8501.51–8501.53",
    }),
  ),
  {
    id: "adhesive-in-bulk",
    when: { all: [{ familyPrefix: ["chem.glue", "chem.adhesive", "glue.", "adhesive."] }, { text: "(?<![\\d.])(?:[2-9]|[1-9]\\d+)(?:\\.\\d+)?\\s?kg\\b|\\b(?:drums?|pails?|bulk|ibc|granules|pellets)\\b|公斤|吨" }] },
    effect: { codes: { "350610": -8 }, exclude: ["350610"] },
    explain: "An adhesive in packings over 1 kg (drums, pails, sacks of granules) is not put up for retail sale: subheadings 3506.91 and 3506.99.",
    source: "HS 2022 subheadings 3506.10, 3506.91 and 3506.99",
  },
  {
    id: "paint-in-aqueous-medium",
    when: {
      all: [
        { familyPrefix: ["chem.paint", "paint."] },
        { text: "\\b(?:water[- ]based|waterborne|water borne|aqueous|latex paint|emulsion paint|acrylic emulsion)\\b|水性|乳胶漆" },
        { not: { text: PAINT_TOOLS } },
      ],
    },
    effect: { codes: { "3209": 8, "3208": -8 }, exclude: ["3208"], moveTo: "3209" },
    explain: "Paints and varnishes based on synthetic polymers dispersed or dissolved in an aqueous medium belong to heading 32.09, not 32.08.",
    source: "HS 2022 headings 32.08 and 32.09",
  },
  {
    id: "paint-in-non-aqueous-medium",
    when: {
      all: [
        { familyPrefix: ["chem.paint", "paint."] },
        { text: "\\b(?:solvent[- ]based|oil[- ]based|two[- ]component|2[- ]component|2k|epoxy|alkyd|polyurethane enamel|zinc rich)\\b|油性|溶剂型|双组份" },
        { not: { text: "\\b(?:water[- ]based|waterborne|aqueous)\\b|水性" } },
        { not: { text: PAINT_TOOLS } },
      ],
    },
    effect: { codes: { "3208": 8, "3209": -8 }, exclude: ["3209"], moveTo: "3208" },
    explain: "Paints and varnishes based on synthetic polymers in a non-aqueous medium (solvent-borne epoxy, alkyd, two-component polyurethane) belong to heading 32.08.",
    source: "HS 2022 headings 32.08 and 32.09",
  },
  {
    id: "dc-motor-small-output",
    when: {
      all: [
        { familyPrefix: ["kb3.motor.", "electric.motor"] },
        { text: "\\b(?:dc|brushless|bldc|hub motor|\\d+\\s?v)\\b" },
        { fact: "outputPower", is: ["upTo750W"] },
      ],
    },
    effect: { codes: { "850131": 6, "850132": -6 } },
    explain: "A DC motor of an output exceeding 37.5 W but not exceeding 750 W has subheading 8501.31.",
    source: "HS 2022 subheadings 8501.10, 8501.31 and 8501.32",
  },
  {
    id: "tea-in-small-packings",
    // Green and black tea are split by packing: immediate packings of a content not exceeding 3 kg (a tin, a pouch, 250 g)
    // against bulk.
    when: {
      all: [
        { familyPrefix: ["food.tea", "kb1.food.tea"] },
        { text: "\\b\\d+(?:\\.\\d+)?\\s?(?:g|grams?|oz|ounces?)\\b|\\b(?:[0-2](?:\\.\\d+)?|3)\\s?kg\\b|\\b(?:tins?|pouch(?:es)?|boxes|box|jars?|cans?|tea bags?|gift box)\\b" },
        { not: { text: "\\b(?:bulk|wholesale|(?:[4-9]|[1-9]\\d+)\\s?kg|sacks?|cartons? of \\d+)\\b" } },
      ],
    },
    effect: { codes: { "090210": 5, "090220": -5, "090230": 5, "090240": -5 } },
    explain: "Green or black tea in immediate packings of a content not exceeding 3 kg has subheading 0902.10 or 0902.30.",
    source: "HS 2022 subheadings 0902.10–0902.40",
  },
  {
    id: "vehicle-interior-lighting-851220",
    // "Car Interior LED Strip Lights … 12V Footwell": lighting made for a motor vehicle is of 85.12, not a luminaire of 94.05.
    when: {
      all: [
        { familyPrefix: ["kb3.light.strip", "kb3.light.ambient", "lighting.strip"] },
        { text: "\\b(?:car|cars|auto|automotive|vehicles?|truck|suv|footwell|dashboard|under ?dash)\\b" },
        { not: { text: `${NOT_IN_CAR_DEPARTMENT}\\b(?:bicycles?|bikes?|motorcycles?|scooters?)\\b` } },
      ],
    },
    effect: { codes: { "851220": 10, "8539": -10, "8541": -10, "9405": -10 }, exclude: ["9405", "8539", "8541"] },
    explain: "Lighting equipment of a kind used for motor vehicles (interior and footwell strips) is of heading 85.12, not a lamp of 94.05.",
    source: "HS 2022 heading 85.12 (lighting or visual signalling equipment of a kind used for cycles or motor vehicles); Chapter 94 Note 1(f)",
  },
  {
    id: "oled-display-module-852492",
    when: { text: "\\b(?:oled|amoled)\\b" },
    effect: { codes: { "852492": 5, "852491": -5, "852412": 5, "852411": -5 } },
    explain: "A flat panel display module of organic light-emitting diodes has subheading 8524.92 (8524.12 without drivers), not the liquid-crystal subheadings.",
    source: "HS 2022 heading 85.24, subheadings 8524.11/.12 and 8524.91/.92",
  },
  {
    id: "wall-mounted-shower-caddy-830250",
    when: {
      all: [
        { familyPrefix: ["kb2.steel.shower-caddy", "kb2.steel.bathroom-accessories", "plastic.household"] },
        { text: "\\b(?:shower caddy|shower caddies|corner shelf|corner shelves|bathroom shelf|bathroom shelves|shower shelf|shower shelves)\\b" },
        { text: "\\b(?:adhesive|wall[- ]mounted|wall mount|no drilling|drill[- ]free|self[- ]adhesive)\\b" },
        { mainMaterial: ["steel", "stainless steel", "iron", "aluminum", "copper"] },
      ],
    },
    effect: { codes: { "830250": 8 }, exclude: ["7323", "7324", "7615", "7418", "3924"] },
    explain: "A shower shelf of base metal fixed to the wall is a bracket or similar fixture of 83.02 (Section XV Note 2 keeps chapter 83 goods out of 73.23/73.24).",
    source: "HS 2022 subheading 8302.50; Section XV Note 2",
  },
  {
    id: "pet-water-fountain-850980",
    when: { family: ["kb3.pet.water-fountain"] },
    effect: { codes: { "850980": 6, "8418": -10 }, exclude: ["8418", "2201", "2309"] },
    explain: "A pet water fountain circulates water with a small electric pump: a domestic appliance with a self-contained electric motor of 8509.80, not a drinking-water cooler.",
    source: "HS 2022 heading 85.09 (electro-mechanical domestic appliances with self-contained electric motor) and heading 84.18",
  },
  {
    id: "components-in-own-heading",
    // "CBB65 Run Capacitor … for AC Condenser Fan Motor": a capacitor is named by heading 85.32, so it is no part of the air
    // conditioner it serves.
    when: { familyPrefix: ["electric.capacitor", "kb3.elec.run-capacitor", "kb3.elec.capacitor", "kb3.pump.drain"] },
    effect: {
      codes: { "841590": -10, "841899": -10, "845090": -10, "851690": -10, "850990": -10, "847330": -10, "852990": -10, "870899": -10 },
      exclude: ["841590", "841899", "845090", "851690", "850990", "847330", "852990", "870899"],
    },
    explain: "Goods named by a heading of chapter 84 or 85 (a capacitor of 85.32) are classified there, not as parts of the machine they serve.",
    source: "HS 2022 Section XVI Note 2(a)",
  },
  {
    id: "hose-clamp-not-pipe-fitting",
    when: { family: ["kb2.steel.hose-clamp"] },
    effect: { codes: { "7307": -10 }, exclude: ["7307", "3917"] },
    explain: "A hose clamp holds a hose on a spigot; it is no tube or pipe fitting of 73.07, but another article of iron or steel (73.26).",
    source: "HS 2022 headings 73.07 and 73.26",
  },
  {
    id: "tool-set-8206",
    // "108-Piece Home Tool Kit with Hammer, Pliers, Screwdrivers, Wrench": a set of tools of two or more of headings 82.02
    // to 82.05 put up for retail sale is of 82.06, whichever tools it names.
    when: {
      all: [
        { family: ["tool.set"] },
        {
          any: [
            { all: [{ text: TOOLS_8205 }, { text: TOOLS_8203 }] },
            { all: [{ text: TOOLS_8205 }, { text: TOOLS_8204 }] },
            { all: [{ text: TOOLS_8203 }, { text: TOOLS_8204 }] },
            { all: [{ text: TOOLS_8202 }, { any: [{ text: TOOLS_8203 }, { text: TOOLS_8204 }, { text: TOOLS_8205 }] }] },
          ],
        },
      ],
    },
    effect: { codes: { "820600": 12, "8202": -10, "8203": -10, "8204": -10, "8205": -10 }, exclude: ["8202", "8203", "8204", "8205"] },
    explain: "Tools of two or more of headings 82.02 to 82.05, put up in sets for retail sale, are classified in heading 82.06.",
    source: "HS 2022 heading 82.06; Chapter 82 Note 3",
  },
  {
    id: "solid-welding-wire-not-8311",
    // Heading 83.11 takes wire coated or cored with flux; a solid MIG wire (ER70S-6) stays with the steel wire of chapter 72.
    when: { all: [{ family: ["kb2.steel.welding-wire-solid"] }, { not: { text: "\\b(?:flux[- ]?cored?|flux core|gasless|cored wire|electrodes?|stick|rods?)\\b" } }] },
    effect: { codes: { "722920": 6, "8311": -10 }, exclude: ["8311"] },
    explain: "Solid welding wire, neither coated nor cored with flux, is wire of alloy steel (7229.20 for silico-manganese steel), not a welding product of 83.11.",
    source: "HS 2022 heading 83.11 (wire … coated or cored with flux material); subheading 7229.20",
  },
  {
    id: "rubber-hose-reinforced-with-metal",
    when: { all: [{ familyPrefix: ["rubber.hose"] }, { text: "\\b(?:steel wire|wire braid(?:ed)?|wire spiral|wire reinforced|braided steel)\\b|钢丝" }] },
    effect: { codes: { "400921": 5, "400922": 5, "400911": -5, "400912": -5, "400931": -3, "400932": -3 } },
    explain: "A rubber hose reinforced only with metal (steel wire braid or spiral) has subheadings 4009.21/.22.",
    source: "HS 2022 heading 40.09, subheadings 4009.21 and 4009.22",
  },
  {
    id: "epsom-salt-chemical",
    when: {
      all: [
        { family: ["kb1.mineral.epsom-salt"] },
        { not: { family: ["kb1.chem.reef-salt"] } },
        { text: "\\b(?:usp|heptahydrate|magnesium sulfate|magnesium sulphate|unscented|pure)\\b" },
        { not: { text: "\\b(?:scented|lavender|eucalyptus|essential oils?|fragrance|fragranced|perfumed|aromatherapy|cbd)\\b" } },
      ],
    },
    effect: { codes: { "283321": 8, "330730": -10, "2530": -10 }, exclude: ["3307", "2530"] },
    explain: "Unscented Epsom salt is magnesium sulphate, a chemically defined compound of 2833.21, not a perfumed bath salt of 3307.30.",
    source: "HS 2022 subheading 2833.21; Chapter 28 Note 1; heading 33.07",
  },
  {
    id: "towel-not-terry",
    // Towels are terry (6302.60) only when woven with loops; cheesecloth, muslin, waffle and flour-sack cloths are not.
    when: {
      all: [
        { familyPrefix: ["home-textile.towel", "kb2.home-textile.kitchen-towel"] },
        { text: "\\b(?:cheesecloth|muslin|waffle(?: weave)?|flour sack|huckaback|gauze|linen|microfib(?:er|re)|bamboo fib(?:er|re))\\b" },
        { not: { text: "\\b(?:terry|terrycloth|towelling|toweling|looped|loop pile)\\b" } },
      ],
    },
    effect: { codes: { "630260": -10, "630291": 3, "630293": 3, "630299": 2 }, exclude: ["630260"] },
    explain: "Toilet and kitchen linen that is not of terry towelling goes to 6302.91–.99 by its fibre, not to 6302.60.",
    source: "HS 2022 subheadings 6302.60 (toilet linen and kitchen linen, of terry towelling or similar terry fabrics, of cotton) and 6302.91–6302.99",
  },
  {
    id: "handheld-trimmer-8467",
    // A hand-held grass trimmer or brush cutter is a tool for working in the hand with a self-contained motor (84.67), not a
    // lawn mower of 84.33.
    when: {
      all: [
        { familyPrefix: ["kb3.agri.trimmer", "kb3.tool.string-trimmer", "machine.lawn-mower", "kb3.agri.lawn-mower"] },
        { text: "\\b(?:handheld|hand-held|hand held|string trimmers?|weed (?:eaters?|wackers?|whackers?)|brush cutters?|grass trimmers?|edgers?)\\b" },
        { not: { text: "\\b(?:riding|ride-on|push mower|self-propelled|lawn tractor|robot(?:ic)? mower)\\b" } },
      ],
    },
    effect: { codes: { "8433": -10, "846729": 4, "846789": 4 }, exclude: ["8433"] },
    explain: "Grass and weed trimmers and brush cutters worked in the hand, with a self-contained motor, are tools of heading 84.67 (8467.29 electric, 8467.89 with an engine).",
    source: "HS 2022 heading 84.67 (tools for working in the hand … with self-contained electric or non-electric motor); heading 84.33",
  },
  {
    id: "fertiliser-for-plants",
    // "复合肥 … 家用盆栽花卉" (compound fertiliser … for potted flowers): the plants are what the fertiliser feeds.
    when: { familyPrefix: ["kb1.fert.", "chem.fertilizer"] },
    effect: { codes: { "06": -10 }, exclude: ["06"] },
    explain: "A listing that names a fertiliser sells the fertiliser; the plants it names are what it is for.",
    source: "General Rule of Interpretation 1; HS 2022 Chapter 31 and Chapter 6",
  },
  {
    id: "handheld-trimmer-electric",
    when: {
      all: [
        { familyPrefix: ["kb3.agri.trimmer", "kb3.tool.string-trimmer", "machine.lawn-mower", "kb3.agri.lawn-mower"] },
        { fact: "power", is: ["battery", "electric"] },
      ],
    },
    effect: { codes: { "846729": 8, "846789": -8 } },
    explain: "A hand-held trimmer with a self-contained electric motor (mains or battery) has subheading 8467.29, not 8467.89.",
    source: "HS 2022 subheadings 8467.29 and 8467.89",
  },
  {
    id: "still-wine-by-container",
    // Still wine is split by its container: not more than 2 litres (2204.21), more than 2 but not more than 10 (2204.22).
    when: {
      all: [
        { familyPrefix: ["food.wine"] },
        { not: { text: "\\b(?:sparkling|champagne|prosecco|cava|spumante|cr[eé]mant|frizzante)\\b|起泡|香槟" } },
        { text: "\\b(?:750\\s?ml|75\\s?cl|375\\s?ml|187\\s?ml|500\\s?ml|1(?:\\.5)?\\s?l(?:iters?|itres?)?)\\b" },
      ],
    },
    effect: { codes: { "220421": 6, "220422": -4, "220429": -4, "220410": -4 } },
    explain: "Still grape wine in containers holding 2 litres or less has subheading 2204.21.",
    source: "HS 2022 subheadings 2204.21, 2204.22 and 2204.29",
  },
  {
    id: "bulk-wine-by-container",
    when: {
      all: [
        { familyPrefix: ["food.wine"] },
        { not: { text: "\\b(?:sparkling|champagne|prosecco|cava)\\b" } },
        { text: "\\b(?:box wine|bag[- ]in[- ]box|(?:3|4|5|10)\\s?l(?:iters?|itres?)?)\\b" },
      ],
    },
    effect: { codes: { "220422": 6, "220421": -4, "220429": -4 } },
    explain: "Still grape wine in containers of more than 2 but not more than 10 litres (box wine) has subheading 2204.22.",
    source: "HS 2022 subheadings 2204.21, 2204.22 and 2204.29",
  },
  {
    id: "nicotine-free-vape-240419",
    when: { all: [{ family: ["kb3.nes.disposable-vape"] }, { text: "\\b(?:nicotine[- ]free|0\\s?mg|zero nicotine|no nicotine)\\b|无尼古丁|不含尼古丁" }] },
    effect: { codes: { "240419": 8, "240412": -8 } },
    explain: "A disposable e-cigarette without nicotine has subheading 2404.19 (products for inhalation without combustion, other than those containing nicotine).",
    source: "HS 2022 heading 24.04, subheadings 2404.12 and 2404.19",
  },
  {
    id: "air-freshener-not-perfume",
    // "Car Air Freshener Vent Clip Aromatherapy Perfume Diffuser": a preparation for perfuming a room or a car, not a
    // perfume for the person.
    when: { all: [{ family: ["cosmetic.air-freshener"] }, { text: "\\b(?:car|vent|room|home|house|closet|wardrobe|toilet|bathroom)\\b|车载|出风口" }] },
    effect: { codes: { "330749": 6, "3303": -10 }, exclude: ["3303"] },
    explain: "Preparations for perfuming or deodorising rooms (and cars), however they are called, have subheading 3307.49, not perfumes of 33.03.",
    source: "HS 2022 heading 33.03 and subheading 3307.49",
  },
  {
    id: "natural-cork-4503",
    when: { all: [{ text: "\\bnatural cork\\b|天然软木" }, { not: { text: "\\bagglomerated\\b|压缩软木" } }] },
    effect: { codes: { "450390": 5, "450490": -5 } },
    explain: "Articles of natural cork have heading 45.03; agglomerated cork is 45.04.",
    source: "HS 2022 headings 45.03 and 45.04",
  },
  {
    id: "film-screen-protector-3919",
    when: {
      all: [
        { familyPrefix: ["phone-accessory.screen-protector"] },
        { text: "\\b(?:hydrogel|tpu|pet film|film|soft)\\b|水凝膜|软膜" },
        { not: { text: "\\b(?:tempered glass|glass|9h)\\b|钢化" } },
      ],
    },
    effect: { codes: { "391990": 8, "7007": -10 }, exclude: ["7007"] },
    explain: "A screen protector of self-adhesive plastic film (hydrogel, TPU, PET) is plastics film of 3919.90, not safety glass of 70.07.",
    source: "HS 2022 headings 39.19 and 70.07",
  },
  {
    id: "sugar-free-confectionery-2106",
    // Sweets and gum sweetened with polyols or high-intensity sweeteners instead of sugar are food preparations of 21.06.
    when: {
      all: [
        { familyPrefix: ["kb1.food.chewing-gum", "kb1.food.candy", "food.candy", "food.confectionery", "kb1.food.lozenge", "kb1.food.sugar-free-confectionery"] },
        { text: "\\b(?:sugar[- ]free|no sugar|zero sugar|xylitol|sorbitol|maltitol|stevia|erythritol)\\b|无糖|木糖醇" },
      ],
    },
    effect: { codes: { "210690": 8, "1704": -10 }, exclude: ["1704"] },
    explain: "Sugar confectionery of heading 17.04 must contain sugar; sugar-free sweets and gum go to heading 21.06.",
    source: "HS 2022 heading 17.04 and Explanatory Notes; heading 21.06",
  },
  {
    id: "pet-shampoo-330790",
    when: { family: ["kb1.cosmetics.pet-shampoo"] },
    effect: { codes: { "330790": 6, "3305": -10 }, exclude: ["3305", "3401"] },
    explain: "A shampoo for animals is another perfumery or toilet preparation of 3307.90; heading 33.05 covers preparations for use on human hair.",
    source: "HS 2022 headings 33.05 and 33.07 (Explanatory Notes: animal shampoos in 33.07)",
  },
  {
    id: "herbal-tea-not-0902",
    // "Chamomile Herbal Tea, 40 Tea Bags (caffeine free)": an infusion of herbs, not tea of Camellia sinensis.
    when: {
      all: [
        { family: ["kb1.food.herbal-tea"] },
        { not: { text: "\\b(?:green tea|black tea|oolong|matcha|white tea|pu-?erh|earl grey|camellia sinensis)\\b|绿茶|红茶|乌龙" } },
      ],
    },
    effect: { codes: { "0902": -10 }, exclude: ["0902"] },
    explain: "Herbal 'teas' (chamomile, rooibos, hibiscus) are plants of 12.11 or, mixed, preparations of 21.06 — not tea of heading 09.02.",
    source: "HS 2022 headings 09.02, 12.11 and 21.06 (Explanatory Notes: herbal infusions)",
  },
  {
    id: "mothballs-not-furniture",
    when: { family: ["kb1.chem.mothballs"] },
    effect: { codes: { "380891": 6, "94": -10 }, exclude: ["94", "2902", "2906"] },
    explain: "Mothballs put up for retail sale as a moth repellent are insecticides of 38.08, whatever wardrobe they are for.",
    source: "HS 2022 heading 38.08; Chapter 29 Note 1 and Section VI Note 2",
  },
  {
    id: "skateboard-950699",
    when: { all: [{ text: "\\bskate ?boards?\\b|滑板" }, { not: { text: "\\b(?:roller skates?|inline skates?|ice skates?|quad skates?)\\b|轮滑|溜冰" } }] },
    effect: { codes: { "950699": 6, "950670": -10 } },
    explain: "A skateboard is other equipment for outdoor games of 9506.99; 9506.70 is for ice skates and roller skates.",
    source: "HS 2022 subheadings 9506.70 and 9506.99",
  },
  {
    id: "metal-pet-tag-8310",
    // "Pet identification tag … of 304L stainless steel": an engraved metal name-plate, not a paper tag of 48.21.
    when: {
      all: [
        { text: "\\b(?:pet|dog|cat|collar) (?:id |identification |name )?tags?\\b|\\b(?:id|identification|name) tags?\\b[^.]{0,80}\\b(?:pets?|dogs?|cats?)\\b" },
        { mainMaterial: ["steel", "stainless steel", "iron", "aluminum", "copper"] },
      ],
    },
    effect: { codes: { "831000": 10, "4821": -10 }, exclude: ["4821"] },
    explain: "A pet's identification tag of base metal is a name-plate of heading 83.10, not a paper label of 48.21.",
    source: "HS 2022 heading 83.10 (sign-plates, name-plates, address-plates and similar plates … of base metal)",
  },
  {
    id: "luminaire-for-any-lamp",
    // HS 2022 splits luminaires by whether they are designed for use solely with LED light sources: a fitting with an E26/E27/
    // E14 socket takes any bulb (9405.19, .29, .49).
    when: {
      all: [
        { familyPrefix: ["furniture.lamp", "kb3.light."] },
        { text: "\\b(?:e26|e27|e14|e12|e17|b22|gu10|gu24|medium base|candelabra base|socket|bulbs? not included|without bulbs?)\\b|灯头" },
        { not: { text: "\\b(?:integrated led|built-in led|led chips?|smd)\\b" } },
      ],
    },
    effect: { codes: { "940519": 5, "940529": 5, "940549": 5, "940511": -5, "940521": -5, "940542": -5 } },
    explain: "A lamp or lighting fitting with a socket for any light source is not 'designed for use solely with LED light sources': subheadings 9405.19, 9405.29 or 9405.49.",
    source: "HS 2022 heading 94.05, subheadings 9405.11–9405.49",
  },
  {
    id: "luminaire-ceiling-or-table",
    // Ceiling and wall fittings (9405.1x), table, desk, bedside and floor lamps (9405.2x), other lighting (9405.4x).
    when: { all: [{ familyPrefix: ["furniture.lamp", "kb3.light."] }, { text: "\\b(?:chandeliers?|pendant lights?|pendant lamps?|ceiling lights?|ceiling lamps?|ceiling fixtures?|flush mount|semi flush|wall sconces?|wall lights?|wall lanterns?)\\b|吊灯|吸顶灯|壁灯" }] },
    effect: { codes: { "940511": 3, "940519": 3, "940542": -3, "940549": -3 } },
    explain: "Chandeliers and other electric ceiling or wall lighting fittings have subheadings 9405.11 and 9405.19.",
    source: "HS 2022 subheadings 9405.11 and 9405.19",
  },
  {
    id: "light-bulb-not-flower-bulb",
    when: { all: [{ text: "\\bbulbs?\\b" }, { text: "\\b(?:e26|e27|e14|b22|gu10|\\d+\\s?w|watts?|\\d+\\s?v|volts?|lumens?|\\d+\\s?k|led|incandescent|halogen|filament|edison)\\b" }] },
    effect: { codes: { "06": -10 }, exclude: ["06"] },
    explain: "A bulb rated in watts, volts or lumens is an electric lamp, not a flower bulb of chapter 6.",
    source: "HS 2022 heading 85.39 and Chapter 6",
  },
  {
    id: "keyed-knob-is-a-lock",
    when: {
      all: [
        { text: "\\b(?:door ?knobs?|knobsets?|door handles?|door levers?|lever handles?|handlesets?)\\b|门把手|执手" },
        { text: "\\b(?:keyed|with keys?|entry lock|keyed entry|deadbolt|smart lock|fingerprint|cylinder lock)\\b|门锁|锁芯" },
        { not: { text: "\\bpassage\\b" } },
      ],
    },
    effect: { codes: { "830140": 10 }, exclude: ["830241", "830242", "830249"], moveTo: "830140" },
    explain: "A door knob or lever that incorporates a key-operated lock is a lock of heading 83.01, not a mounting or fitting of 83.02.",
    source: "HS 2022 headings 83.01 and 83.02",
  },
  {
    id: "sink-is-not-a-bath",
    when: { all: [{ text: "\\b(?:sinks?|wash ?basins?|lavatory basins?)\\b|水槽|洗手盆|台盆" }, { not: { text: "\\b(?:bath ?tubs?|baths|soaking tubs?)\\b|浴缸" } }] },
    effect: { codes: { "732421": -10, "732429": -10 } },
    explain: "Subheadings 7324.21 and 7324.29 are for baths; a sink or washbasin of iron or steel other than stainless steel is 7324.90.",
    source: "HS 2022 heading 73.24, subheadings 7324.10–7324.90",
  },
  {
    id: "sink-of-iron-or-steel",
    when: { all: [{ text: "\\b(?:sinks?|wash ?basins?)\\b|水槽" }, { mainMaterial: ["iron", "steel"] }] },
    effect: { codes: { "732490": 8, "732410": -8 } },
    explain: "Subheading 7324.10 is for sinks and washbasins of stainless steel; those of cast iron or other steel are 7324.90.",
    source: "HS 2022 heading 73.24, subheadings 7324.10 and 7324.90",
  },
  ...(
    [
      ["door", "441821", "441829"],
      ["window", "441811", "441819"],
    ] as const
  ).map(
    ([kind, tropical, other]): ClassificationRule => ({
      id: `tropical-wood-${kind}`,
      when: { all: [{ familyPrefix: [`build.${kind}`, `wood.${kind}`, "wood.joinery"] }, { text: TROPICAL_WOOD }] },
      effect: { codes: { [tropical]: 10 }, exclude: [other], moveTo: tropical },
      explain: `A ${kind} of tropical wood (mahogany, teak, meranti and the like) has its own subheading, ${tropical.slice(0, 4)}.${tropical.slice(4)}.`,
      source: "HS 2022 heading 44.18 and Chapter 44 Subheading Note 2 (tropical wood)",
    }),
  ),
  {
    id: "air-conditioner-reversible",
    when: {
      all: [
        { familyPrefix: ["machine.air-conditioner", "hvac.", "ac."] },
        { text: "\\b(?:heat pump|reversible|heating and cooling|heat (?:&|and) cool|cooling (?:&|and) heating|hot (?:&|and) cold)\\b|冷暖" },
      ],
    },
    effect: { codes: { "841581": 8, "841582": -8 } },
    explain: "An air conditioner incorporating a refrigerating unit and a valve for reversal of the cooling/heat cycle (a reversible heat pump) has subheading 8415.81.",
    source: "HS 2022 subheadings 8415.81 and 8415.82",
  },
  {
    id: "multipurpose-lighter-961380",
    when: {
      all: [
        { familyPrefix: ["misc.lighter"] },
        { text: "\\b(?:long (?:nose|neck|reach)|kitchen|bbq|barbecue|grill|candle lighter|stove|igniter|ignition gun|fireplace|utility lighter|arc lighter)\\b|点火枪|长嘴" },
      ],
    },
    effect: { codes: { "961380": 8, "961320": -8, "961310": -8 } },
    explain: "Pocket lighters are 9613.10 and 9613.20; a long-nosed utility lighter for stoves, grills and candles is an other lighter of 9613.80.",
    source: "HS 2022 heading 96.13, subheadings 9613.10–9613.80",
  },
  {
    id: "household-rubber-gloves",
    when: {
      all: [
        { familyPrefix: ["apparel.gloves", "glove", "household.gloves", "cleaning.gloves"] },
        { mainMaterial: ["rubber"] },
        { text: "\\b(?:household|dishwashing|dish washing|cleaning|kitchen|washing up|reusable)\\b|洗碗|家务|清洁" },
        { not: { text: "\\b(?:coated|(?:palm|nitrile|latex|pu|rubber|foam)[- ]dipped|knit(?:ted)?|string|work gloves|gardening)\\b" } },
      ],
    },
    effect: { codes: { "401519": 10 }, exclude: ["6116", "6216"], moveTo: "401519" },
    explain: "Household gloves of vulcanised rubber (latex, nitrile), flock-lined or not, are articles of apparel of rubber: subheading 4015.19.",
    source: "HS 2022 heading 40.15; Chapter 61 Note 1 and Chapter 62 Note 1 (gloves of rubber are not textile gloves)",
  },
  ...(
    [
      ["over-100", "\\b(?:1[0-8]\\d\\d|19[01]\\d|192[0-5])\\b|\\b(?:1[0-9]th|18th|19th) century\\b|\\bover 100 years\\b|\\b(?:ancient|roman|greek|medieval)\\b|清代|清朝|明代|宋代|唐代|古代", "970531", "970539"],
      ["under-100", "\\b(?:19[3-9]\\d|20[0-2]\\d)\\b", "970539", "970531"],
    ] as const
  ).map(
    ([age, text, code, other]): ClassificationRule => ({
      id: `collectors-coin-${age}`,
      when: { all: [{ familyPrefix: ["coin.numismatic", "coin.banknote"] }, { text }, ...(age === "under-100" ? [{ not: { text: "\\b(?:1[0-8]\\d\\d|19[01]\\d|192[0-5])\\b" } }] : [])] },
      effect: { codes: { [code]: 8 }, exclude: [other], moveTo: code },
      explain: "Collectors' pieces of numismatic interest are divided by age: 9705.31 for those exceeding 100 years, 9705.39 for others.",
      source: "HS 2022 subheadings 9705.31 and 9705.39",
    }),
  ),
  {
    id: "garment-of-leather-4203",
    when: {
      all: [
        { familyPrefix: ["apparel."] },
        { mainMaterial: ["leather"] },
        { text: "\\b(?:jackets?|coats?|vests?|waistcoats?|blazers?|trousers|pants|skirts?|dress(?:es)?|shorts|overcoats?|trench|parkas?|bombers?)\\b|皮衣|皮夹克|皮裤|皮裙" },
        { not: { text: "\\b(?:gloves?|mittens?|belts?)\\b" } },
      ],
    },
    effect: { codes: { "420310": 12 }, exclude: ["61", "62"], moveTo: "420310" },
    explain: "Articles of apparel of leather or composition leather belong to heading 42.03 (subheading 4203.10), not to the textile garment chapters.",
    source: "HS 2022 heading 42.03; Chapter 61 Note 2(b) and Chapter 62 Note 1 (apparel of leather excluded)",
  },
  {
    id: "tablet-computer-not-medicine",
    when: {
      all: [
        { text: "\\btablets?\\b|平板电脑" },
        { text: "\\b(?:android|ios|ipad|windows|\\d+\\s?gb|ram|rom|wi-?fi|octa[- ]core|quad[- ]core|touch ?screen|\\d+(?:\\.\\d+)?\\s?(?:inch|in|\"|pulgadas|polegadas)|pc|computer|laptop|stylus|drawing|graphics)\\b" },
      ],
    },
    effect: { codes: { "847130": 8, "3004": -10, "3003": -10, "2106": -10 }, exclude: ["3003", "3004", "2106"] },
    explain: "A tablet with a screen, memory or an operating system is a computer (or a drawing tablet), not a medicament in tablets.",
    source: "HS 2022 headings 84.71 and 30.04",
  },
  {
    id: "belt-of-leather-4203",
    when: {
      all: [
        { text: "\\bbelts?\\b|腰带|皮带" },
        { any: [{ mainMaterial: ["leather"] }, { text: "\\b(?:bonded leather|composition leather|genuine leather|cowhide|full grain)\\b|再生皮|真皮|牛皮" }] },
        { not: { text: "\\b(?:belt bags?|fanny packs?|waist bags?|tool belts?|seat belts?|timing belts?|conveyor|drive belts?|v-belts?|running belts?|watch|guitar|strap)\\b" } },
      ],
    },
    effect: { codes: { "420330": 12 }, exclude: ["6217", "6117", "392620"], moveTo: "420330" },
    explain: "Belts of leather or composition leather are clothing accessories of heading 42.03 (4203.30), not textile accessories.",
    source: "HS 2022 heading 42.03, subheading 4203.30",
  },
  {
    id: "bag-of-plaiting-materials-4602",
    when: {
      all: [
        { text: "\\b(?:bags?|handbags?|totes?|purses?|clutch(?:es)?|baskets? bags?)\\b|包" },
        { text: "\\b(?:straw|raffia|rattan|wicker|water hyacinth|seagrass|palm leaf|buriti|palha|paja|willow|bamboo woven)\\b|草编|藤编|竹编" },
        { not: { text: "\\b(?:paper straw|straw hats?|jute|cotton|canvas|leather (?:bag|tote))\\b" } },
      ],
    },
    effect: { codes: { "4602": 10 }, exclude: ["4202"], moveTo: "4602" },
    explain: "Handbags and other bags made directly to shape from plaiting materials (straw, rattan, water hyacinth, palm leaf) are basketwork of heading 46.02; heading 42.02 does not cover them.",
    source: "HS 2022 headings 42.02 and 46.02 (Chapter 46 Note 1)",
  },
  {
    id: "rubber-boots-covering-the-knee",
    when: { all: [{ familyPrefix: ["footwear."] }, { text: "\\b(?:knee[- ]high|over the knee|tall rain boots?|chest waders?|hip waders?)\\b|及膝|高筒雨靴" }, { text: "\\b(?:rain boots?|wellies|wellingtons?|rubber boots?|waders?)\\b|雨靴|雨鞋" }] },
    effect: { codes: { "640199": 8, "640192": -8 } },
    explain: "Waterproof footwear of rubber or plastics covering the knee has subheading 6401.99; 6401.92 covers the ankle but not the knee.",
    source: "HS 2022 subheadings 6401.92 and 6401.99",
  },
  {
    id: "cut-diamond-not-unsorted",
    when: { all: [{ text: "\\bdiamonds?\\b|钻石" }, { text: "\\b(?:loose|cut|brilliant|carat|\\d(?:\\.\\d+)?\\s?ct|gia|igi|vs1|vs2|si1|si2|vvs\\d?)\\b|裸钻" }, { not: { text: "\\b(?:lab[- ]grown|synthetic|moissanite|cubic zirconia|cz|industrial|drill|blade|saw)\\b|培育" } }] },
    effect: { codes: { "710239": 8, "710210": -8, "710221": -8, "710229": -8 } },
    explain: "A cut, graded natural diamond for jewellery is worked and non-industrial: subheading 7102.39.",
    source: "HS 2022 subheadings 7102.10–7102.39",
  },
  ...(
    [
      ["aluminium", ["aluminum"], "761699"],
      ["steel", ["stainless steel", "steel", "iron"], "732690"],
    ] as const
  ).map(
    ([metal, materials, code]): ClassificationRule => ({
      id: `card-case-of-${metal}`,
      when: { all: [{ text: "\\b(?:card holders?|card cases?|cardholders?|card wallets?|business card (?:holders?|cases?))\\b|卡包|名片盒" }, { mainMaterial: [...materials] }] },
      effect: { codes: { [code]: 10 }, exclude: ["4202"], moveTo: code },
      explain: `A card case of ${metal} is an article of that metal: the second part of heading 42.02 covers cases of leather, sheeting, textile and the like, not metal.`,
      source: "HS 2022 heading 42.02 (second part), headings 73.26 and 76.16",
    }),
  ),
  ...(
    [
      ["401031", "(?:[6-9]\\d\\d|1[0-7]\\d\\d|1800)", "4010.31 (circumference over 60 cm but not over 180 cm)"],
      ["401033", "(?:18\\d[1-9]|18[1-9]\\d|19\\d\\d|2[0-3]\\d\\d|2400)", "4010.33 (circumference over 180 cm but not over 240 cm)"],
    ] as const
  ).map(
    ([code, length, band]): ClassificationRule => ({
      id: `v-ribbed-belt-${code}`,
      // "6PK1200" is a six-rib belt 1,200 mm round.
      when: { text: `\\b\\d{1,2}\\s?pk\\s?-?${length}\\b` },
      effect: { codes: { [code]: 8 }, exclude: ["401031", "401032", "401033", "401034"].filter((c) => c !== code), moveTo: code },
      explain: `An endless V-ribbed belt is classified by its outside circumference: subheading ${band}.`,
      source: "HS 2022 subheadings 4010.31–4010.34",
    }),
  ),
  {
    id: "weighing-scale-over-30kg",
    when: {
      all: [
        { text: "\\b(?:scales?|weighing)\\b|秤" },
        { text: "\\b(?:3[1-9]|[4-9]\\d|[1-9]\\d{2,3})\\s?kg\\b|\\b(?:6[7-9]|[7-9]\\d|[1-9]\\d{2,3})\\s?lbs?\\b|(?:3[1-9]|[4-9]\\d|[1-9]\\d{2,3})\\s?公斤" },
        { not: { text: "\\b(?:bathroom|body|personal|bmi|body fat)\\b|体重|体脂" } },
      ],
    },
    effect: { codes: { "842382": 8 }, exclude: ["842381"], moveTo: "842382" },
    explain: "Weighing machinery with a maximum weighing capacity exceeding 30 kg but not exceeding 5,000 kg has subheading 8423.82 (personal scales are 8423.10).",
    source: "HS 2022 subheadings 8423.10, 8423.81 and 8423.82",
  },
  ...seatRules(),
  {
    id: "laminate-flooring-by-thickness",
    when: { all: [{ family: ["kb2.wood.laminate-flooring"] }, { text: "\\b[5-9](?:\\.\\d)?\\s?mm\\b" }, { not: { text: "\\b(?:1[0-9]|[2-9]\\d)(?:\\.\\d)?\\s?mm\\b" } }] },
    effect: { codes: { "441113": 6, "441114": -6 } },
    explain: "Laminate flooring on a fibreboard core of a thickness exceeding 5 mm but not exceeding 9 mm has subheading 4411.13 (4411.14 above 9 mm).",
    source: "HS 2022 subheadings 4411.13 and 4411.14",
  },
];

/** Seats of heading 94.01 divided as the subheadings divide them: swivel with height adjustment, convertible into beds, then by the frame (wood, metal, other) and whether upholstered. */
function seatRules(): ClassificationRule[] {
  const seat: RuleCondition = {
    all: [
      { familyPrefix: ["furniture.seat", "seat.upholstered", "seat.wood", "seat.metal", "seat.plastic", "seat.ottoman", "seat.sofa-bed", "garden.camping-chair"] },
      { not: { familyPrefix: ["seat.car-seat", "seat.vehicle-seat", "seat.aircraft", "seat.parts", "furn.barber", "seat.rattan"] } },
      { not: { text: "\\b(?:parts?|replacement|cushions? only|covers?|slipcovers?)\\b" } },
    ],
  };
  const swivel: RuleCondition = {
    any: [
      { all: [{ text: "\\bswivel(?:ing)?\\b|\\b360\\s?°" }, { text: "\\b(?:gas lift|height adjustable|adjustable height|adjustable|hydraulic|pneumatic|lift)\\b" }] },
      // Office, gaming and task chairs turn and rise on a gas lift by nature.
      { text: "\\b(?:office|gaming|computer|task|desk|executive|ergonomic|swivel) chairs?\\b" },
    ],
  };
  const upholstered: RuleCondition = {
    all: [{ text: UPHOLSTERED }, { not: { text: "\\b(?:not|non|un)[- ]?upholstered\\b|\\b(?:camping|beach|fishing|director'?s?|lawn|sling|folding) chairs?\\b" } }],
  };
  const convertible: RuleCondition = { text: "\\b(?:sleeper|sofa beds?|pull[- ]out (?:bed|mattress)|futons?|convertible (?:sofa|couch|chair)|chair beds?|daybed sofa|sofa cama)\\b" };
  const woodFrame: RuleCondition = { any: [{ text: WOOD_FRAME }, { all: [{ text: WOOD_WORDS }, { not: { text: METAL_FRAME } }] }] };
  const metalFrame: RuleCondition = { any: [{ text: METAL_FRAME }, { all: [{ text: METAL_WORDS }, { not: { text: WOOD_WORDS } }] }] };
  const plastic: RuleCondition = { all: [{ mainMaterial: ["plastics"] }, { not: { text: WOOD_FRAME } }, { not: { text: METAL_FRAME } }, { not: { text: UPHOLSTERED } }] };
  const SUBHEADINGS = ["940131", "940139", "940141", "940149", "940161", "940169", "940171", "940179", "940180"];
  const rule = (id: string, when: RuleCondition[], code: string, explain: string): ClassificationRule => ({
    id,
    when: { all: [seat, ...when] },
    // The family that named the seat keeps the goods in 94.01; the rule picks the subheading.
    effect: { codes: { [code]: 10 }, exclude: SUBHEADINGS.filter((c) => c !== code), moveTo: code },
    explain,
    source: "HS 2022 heading 94.01, subheadings 9401.31–9401.80",
  });
  return [
    rule("seat-swivel-wood", [swivel, woodFrame, { not: { text: METAL_FRAME } }], "940131", "A swivel seat with variable height adjustment, of wood, has subheading 9401.31."),
    rule("seat-swivel-other", [swivel, { not: { all: [woodFrame, { not: { text: METAL_FRAME } }] } }], "940139", "A swivel seat with variable height adjustment, not of wood, has subheading 9401.39."),
    rule("seat-convertible-wood", [{ not: swivel }, convertible, woodFrame], "940141", "A seat convertible into a bed with a wooden frame has subheading 9401.41."),
    rule("seat-convertible-other", [{ not: swivel }, convertible, { not: woodFrame }], "940149", "A seat convertible into a bed, other than of wood, has subheading 9401.49."),
    rule("seat-wood-upholstered", [{ not: swivel }, { not: convertible }, woodFrame, { not: metalFrame }, upholstered], "940161", "An upholstered seat with a wooden frame has subheading 9401.61."),
    rule("seat-wood-other", [{ not: swivel }, { not: convertible }, woodFrame, { not: metalFrame }, { not: upholstered }], "940169", "A seat with a wooden frame, not upholstered, has subheading 9401.69."),
    rule("seat-metal-upholstered", [{ not: swivel }, { not: convertible }, metalFrame, upholstered], "940171", "An upholstered seat with a metal frame has subheading 9401.71."),
    rule("seat-metal-other", [{ not: swivel }, { not: convertible }, metalFrame, { not: upholstered }], "940179", "A seat with a metal frame, not upholstered, has subheading 9401.79."),
    rule("seat-plastics", [{ not: swivel }, { not: convertible }, plastic], "940180", "A seat of plastics, with neither a wooden nor a metal frame, is among the other seats of subheading 9401.80."),
  ];
}
