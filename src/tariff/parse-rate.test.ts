import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  canonicalUnit,
  mapRateUnits,
  matchUnitOfQuantity,
  type ParsedRate,
  type ParsedSpecial,
  parseRate,
  parseSpecialRate,
} from "./parse-rate.ts";
import { measureRateCoverage, readScheduleRows, type ScheduleRow } from "./rate-coverage.ts";

const FREE_PROGRAMS = ["A", "AU", "B", "BH", "CL", "CO", "D", "E", "IL", "JO", "KR", "MA", "OM", "P", "PA", "PE", "S", "SG"];

function specific(amountUsd: string, per: string, unit: string, unitRaw: string, extra: object = {}) {
  return { type: "specific", amountUsd, per, perQuantity: "1", unit, unitRaw, ...extra };
}

function parsed(raw: string, ...components: object[]): ParsedRate {
  return { status: "parsed", raw, components } as ParsedRate;
}

function reasonOf(rate: ParsedRate | ParsedSpecial): string | undefined {
  return rate.status === "unparsed" ? rate.reason : undefined;
}

describe("parseRate: free and empty", () => {
  it("classifies blank cells as empty and keeps the raw text", () => {
    expect(parseRate("")).toEqual({ status: "empty", raw: "" });
    expect(parseRate(" \u00a0\n")).toEqual({ status: "empty", raw: " \u00a0\n" });
  });

  it("classifies Free alone as free", () => {
    expect(parseRate("Free")).toEqual({ status: "free", raw: "Free" });
    expect(parseRate(" Free\u00a0")).toEqual({ status: "free", raw: " Free\u00a0" });
  });
});

describe("parseRate: ad valorem", () => {
  it("parses a percentage into a decimal string", () => {
    expect(parseRate("6.8%")).toEqual(parsed("6.8%", { type: "ad_valorem", percent: "6.8" }));
    expect(parseRate("10%")).toEqual(parsed("10%", { type: "ad_valorem", percent: "10" }));
    expect(parseRate("6.0%")).toEqual(parsed("6.0%", { type: "ad_valorem", percent: "6" }));
    expect(parseRate("2.45%")).toEqual(parsed("2.45%", { type: "ad_valorem", percent: "2.45" }));
  });

  it("keeps the part of the value an ad valorem rate applies to", () => {
    expect(parseRate("3.9% on the movement and case+ 5.3% on the battery")).toEqual(
      parsed(
        "3.9% on the movement and case+ 5.3% on the battery",
        { type: "ad_valorem", percent: "3.9", qualifier: "on the movement and case" },
        { type: "ad_valorem", percent: "5.3", qualifier: "on the battery" },
      ),
    );
    expect(parseRate("2.5% on the value of the lead content")).toEqual(
      parsed("2.5% on the value of the lead content", {
        type: "ad_valorem",
        percent: "2.5",
        qualifier: "on the value of the lead content",
      }),
    );
  });
});

describe("parseRate: specific", () => {
  it("converts cents to dollars exactly", () => {
    expect(parseRate("1¢/kg")).toEqual(parsed("1¢/kg", specific("0.01", "kg", "kg", "kg")));
    expect(parseRate("0.020668¢/kg")).toEqual(parsed("0.020668¢/kg", specific("0.00020668", "kg", "kg", "kg")));
    expect(parseRate("6.58170¢/kg")).toEqual(parsed("6.58170¢/kg", specific("0.065817", "kg", "kg", "kg")));
    expect(parseRate("1.5 cents/kg")).toEqual(parsed("1.5 cents/kg", specific("0.015", "kg", "kg", "kg")));
  });

  it("parses dollar amounts", () => {
    expect(parseRate("$3/head")).toEqual(parsed("$3/head", specific("3", "no", "No.", "head")));
    expect(parseRate("$1.035/pf. liter")).toEqual(parsed("$1.035/pf. liter", specific("1.035", "pf_l", "pf. liter", "pf. liter")));
    expect(parseRate("$1.80/m3")).toEqual(parsed("$1.80/m3", specific("1.8", "m3", "m3", "m3")));
  });

  it("parses the units printed in the schedule", () => {
    expect(parseRate("37.5¢/doz. pr.")).toEqual(parsed("37.5¢/doz. pr.", specific("0.375", "doz_pr", "doz. pr.", "doz. pr.")));
    expect(parseRate("23.7¢/pf.liter")).toEqual(parsed("23.7¢/pf.liter", specific("0.237", "pf_l", "pf. liter", "pf.liter")));
    expect(parseRate("4.5¢/ liter")).toEqual(parsed("4.5¢/ liter", specific("0.045", "l", "liter", "liter")));
    expect(parseRate("10.5¢/bbl")).toEqual(parsed("10.5¢/bbl", specific("0.105", "bbl", "bbl", "bbl")));
    expect(parseRate("90¢/pr.")).toEqual(parsed("90¢/pr.", specific("0.9", "pr", "pr.", "pr.")));
    expect(parseRate("2.8¢/doz.")).toEqual(parsed("2.8¢/doz.", specific("0.028", "doz", "doz.", "doz.")));
    expect(parseRate("6.5¢/gross")).toEqual(parsed("6.5¢/gross", specific("0.065", "gross", "gross", "gross")));
    expect(parseRate("18.7¢/m2")).toEqual(parsed("18.7¢/m2", specific("0.187", "m2", "m2", "m2")));
    expect(parseRate("3.3¢/lin. m")).toEqual(parsed("3.3¢/lin. m", specific("0.033", "m", "m", "lin. m")));
    expect(parseRate("$1.24/t")).toEqual(parsed("$1.24/t", specific("1.24", "t", "t", "t")));
    expect(parseRate("10.6¢/g")).toEqual(parsed("10.6¢/g", specific("0.106", "g", "g", "g")));
    expect(parseRate("18.7¢/clean kg")).toEqual(parsed("18.7¢/clean kg", specific("0.187", "cy_kg", "cy kg", "clean kg")));
    expect(parseRate("10¢/pack")).toEqual(parsed("10¢/pack", specific("0.1", "pack", "pack", "pack")));
    expect(parseRate("0.9¢ each")).toEqual(parsed("0.9¢ each", specific("0.009", "no", "No.", "each")));
  });

  it("parses rates per thousand items", () => {
    const perThousand = { perQuantity: "1000" };
    expect(parseRate("89.6¢/1000")).toEqual(parsed("89.6¢/1000", specific("0.896", "no", "No.", "1000", perThousand)));
    expect(parseRate("$2/1,000 + 60%")).toEqual(
      parsed("$2/1,000 + 60%", specific("2", "no", "No.", "1,000", perThousand), { type: "ad_valorem", percent: "60" }),
    );
    expect(parseRate("10¢/1,000 pins")).toEqual(parsed("10¢/1,000 pins", specific("0.1", "no", "No.", "1,000 pins", perThousand)));
    expect(parseRate("20¢/thousand")).toEqual(parsed("20¢/thousand", specific("0.2", "no", "No.", "thousand", perThousand)));
    expect(parseRate("$2.50/thou- sand")).toEqual(parsed("$2.50/thou- sand", specific("2.5", "no", "No.", "thou- sand", perThousand)));
  });

  it("keeps qualifiers that change the measured quantity", () => {
    expect(parseRate("2.2¢/kg on drained weight")).toEqual(
      parsed("2.2¢/kg on drained weight", specific("0.022", "kg", "kg", "kg", { qualifier: "on drained weight" })),
    );
    expect(parseRate("5¢/kg on contents and container")).toEqual(
      parsed("5¢/kg on contents and container", specific("0.05", "kg", "kg", "kg", { qualifier: "on contents and container" })),
    );
    expect(parseRate("$1.76/t, including weight of container")).toEqual(
      parsed(
        "$1.76/t, including weight of container",
        specific("1.76", "t", "t", "t", { qualifier: "including weight of container" }),
      ),
    );
    expect(parseRate("86.1¢/m2of recording surface")).toEqual(
      parsed("86.1¢/m2of recording surface", specific("0.861", "m2", "m2", "m2", { qualifier: "of recording surface" })),
    );
    expect(parseRate("1.7¢/kg on lead content")).toEqual(
      parsed("1.7¢/kg on lead content", specific("0.017", "kg", "kg", "kg", { qualifier: "on lead content" })),
    );
  });
});

describe("parseRate: compound", () => {
  it("splits on + into components", () => {
    expect(parseRate("0.9¢/kg + 7.4%")).toEqual(
      parsed("0.9¢/kg + 7.4%", specific("0.009", "kg", "kg", "kg"), { type: "ad_valorem", percent: "7.4" }),
    );
    expect(parseRate("15¢/kg + 5%")).toEqual(
      parsed("15¢/kg + 5%", specific("0.15", "kg", "kg", "kg"), { type: "ad_valorem", percent: "5" }),
    );
    expect(parseRate("$1.035/kg +13.6%")).toEqual(
      parsed("$1.035/kg +13.6%", specific("1.035", "kg", "kg", "kg"), { type: "ad_valorem", percent: "13.6" }),
    );
  });

  it("parses three-part and mixed-unit compounds", () => {
    expect(parseRate("3.1¢/liter + 22.1¢/pf. liter on ethyl alcohol content")).toEqual(
      parsed(
        "3.1¢/liter + 22.1¢/pf. liter on ethyl alcohol content",
        specific("0.031", "l", "liter", "liter"),
        specific("0.221", "pf_l", "pf. liter", "pf. liter", { qualifier: "on ethyl alcohol content" }),
      ),
    );
    expect(parseRate("13.5¢/kg + 6.3% + 1.9¢/article")).toEqual(
      parsed(
        "13.5¢/kg + 6.3% + 1.9¢/article",
        specific("0.135", "kg", "kg", "kg"),
        { type: "ad_valorem", percent: "6.3" },
        specific("0.019", "no", "No.", "article"),
      ),
    );
  });

  it("normalises non-breaking spaces and newlines but keeps the raw text", () => {
    const raw = "2.2¢/kg\u00a0 +\n33.5%";
    expect(parseRate(raw)).toEqual(parsed(raw, specific("0.022", "kg", "kg", "kg"), { type: "ad_valorem", percent: "33.5" }));
  });
});

describe("parseRate: unparsed forms", () => {
  it.each([
    [
      "3.6606¢/kg less 0.020668¢/kg for each degree under 100 degrees (and fractions of a degree in proportion) but not less than 3.143854¢/kg",
      "sliding scale per degree",
    ],
    ["The rate applicable to the natural juice in heading 2009", "rate defined by another article or provision"],
    ["The rate of duty appli- cable to that article in the set subject to the high- est rate of duty", "rate defined by another article or provision"],
    ["The duty provided in the applicable subheading + 25%", "rate defined by another subheading"],
    ["The duty rate provided in such subheading minus 0.5%", "rate defined by another subheading"],
    ["See additional U.S. note 1", "cross-reference to another provision (See ...)"],
    ["No change", "no change: this provision leaves the rate of the column unchanged"],
    ["Free, under bond, as prescribed in U.S. note 1 to this subchapter", "conditional free entry"],
    ["3 percent of the fair retail value", "percentage of a value other than the customs value"],
    ["33 1/3%", "fractional percentage cannot be written as an exact decimal"],
    ["43¢ each + 2.8¢/jewel over 7 + 3.7% on the case", "specific rate above a threshold"],
    ["0.3¢/line/ gross + 4.6%", "rate per line per gross"],
    [
      "4.3% + 1.7¢/jewel + 0.2¢ for each other piece or part, but if consisting in part of a plate or a set of plates the total duty shall not exceed the duty for the complete movement",
      "rate with a maximum",
    ],
    ["5% max", "rate with a maximum"],
    ["2¢/kg min", "rate with a minimum"],
    ["A duty upon the value of the repairs or alterations (see U.S. note 3 of this subchapter)", "cross-reference to another provision (See ...)"],
    ["4% provided for in heading 9999", "rate defined by another subheading"],
    ["Free (A,AU)", "program list in a non-special rate"],
    ["$2.70 each + 45% on the case + 35% on thebattery", 'unknown value base in "35% on thebattery"'],
    ["5¢/kg on something new", 'unknown words after a specific rate: "5¢/kg on something new"'],
    ["5¢/furlong", 'unknown unit in "5¢/furlong"'],
    ["banana", 'unrecognised text: "banana"'],
  ])("leaves %j unparsed", (raw, reason) => {
    expect(parseRate(raw)).toEqual({ status: "unparsed", raw, reason });
  });
});

describe("parseSpecialRate", () => {
  it("parses a free rate with its programs", () => {
    expect(parseSpecialRate("Free (A,AU,B)")).toEqual({
      status: "parsed",
      raw: "Free (A,AU,B)",
      groups: [{ rate: { status: "free", raw: "Free" }, programs: ["A", "AU", "B"] }],
    });
  });

  it("tolerates spaces, newlines and a missing space before the list", () => {
    const raw = "Free \n(A+, AU, BH,CL ,D)";
    expect(parseSpecialRate(raw)).toEqual({
      status: "parsed",
      raw,
      groups: [{ rate: { status: "free", raw: "Free" }, programs: ["A+", "AU", "BH", "CL", "D"] }],
    });
    expect(parseSpecialRate("Free(A*,E*)").groups[0]?.programs).toEqual(["A*", "E*"]);
  });

  it("parses the full program list", () => {
    const raw = `Free (${FREE_PROGRAMS.join(",")})`;
    expect(parseSpecialRate(raw)).toEqual({
      status: "parsed",
      raw,
      groups: [{ rate: { status: "free", raw: "Free" }, programs: FREE_PROGRAMS }],
    });
  });

  it("parses several rate groups", () => {
    expect(parseSpecialRate("Free (A+,AU) 3.5% (JP)")).toEqual({
      status: "parsed",
      raw: "Free (A+,AU) 3.5% (JP)",
      groups: [
        { rate: { status: "free", raw: "Free" }, programs: ["A+", "AU"] },
        { rate: parsed("3.5%", { type: "ad_valorem", percent: "3.5" }), programs: ["JP"] },
      ],
    });
    expect(parseSpecialRate("Free (A,BH,SG)1.8¢/liter(JO)").groups).toEqual([
      { rate: { status: "free", raw: "Free" }, programs: ["A", "BH", "SG"] },
      { rate: parsed("1.8¢/liter", specific("0.018", "l", "liter", "liter")), programs: ["JO"] },
    ]);
    expect(parseSpecialRate("30.5¢/kg + 8.5% (S+)").groups).toEqual([
      { rate: parsed("30.5¢/kg + 8.5%", specific("0.305", "kg", "kg", "kg"), { type: "ad_valorem", percent: "8.5" }), programs: ["S+"] },
    ]);
  });

  it("keeps a rate printed without programs as a group with no programs", () => {
    expect(parseSpecialRate("15%")).toEqual({
      status: "parsed",
      raw: "15%",
      groups: [{ rate: parsed("15%", { type: "ad_valorem", percent: "15" }), programs: [] }],
    });
    expect(parseSpecialRate("Free")).toEqual({
      status: "parsed",
      raw: "Free",
      groups: [{ rate: { status: "free", raw: "Free" }, programs: [] }],
    });
  });

  it("marks cross-references unparsed but keeps every group", () => {
    const raw = "Free (BH,CL) See 9822.05.20 (P+) See 9822.03.01(MA)";
    expect(parseSpecialRate(raw)).toEqual({
      status: "unparsed",
      raw,
      reason: "cross-reference to another provision (See ...) (P+)",
      groups: [
        { rate: { status: "free", raw: "Free" }, programs: ["BH", "CL"] },
        { rate: { status: "unparsed", raw: "See 9822.05.20", reason: "cross-reference to another provision (See ...)" }, programs: ["P+"] },
        { rate: { status: "unparsed", raw: "See 9822.03.01", reason: "cross-reference to another provision (See ...)" }, programs: ["MA"] },
      ],
    });
  });

  it("marks prose rates and 'No change' unparsed", () => {
    const juice = "Free (AU,BH)The rate applicable to the natural juice in heading 2009 (A*,D)";
    expect(reasonOf(parseSpecialRate(juice))).toBe("rate defined by another article or provision (A*,D)");
    expect(parseSpecialRate(juice).groups.map((group) => group.programs)).toEqual([["AU", "BH"], ["A*", "D"]]);
    expect(parseSpecialRate("No change")).toEqual({
      status: "unparsed",
      raw: "No change",
      reason: "no change: this provision leaves the rate of the column unchanged",
      groups: [
        {
          rate: { status: "unparsed", raw: "No change", reason: "no change: this provision leaves the rate of the column unchanged" },
          programs: [],
        },
      ],
    });
  });

  it("classifies blank cells as empty", () => {
    expect(parseSpecialRate(" ")).toEqual({ status: "empty", raw: " ", groups: [] });
  });
});

describe("canonicalUnit", () => {
  it.each([
    ["liter", "l"],
    ["liters", "l"],
    ["l", "l"],
    ["kg", "kg"],
    [" kg", "kg"],
    ["No.", "no"],
    ["No", "no"],
    ["head", "no"],
    ["each", "no"],
    ["pcs", "no"],
    ["doz. pr.", "doz_pr"],
    ["doz. prs.", "doz_pr"],
    ["doz.", "doz"],
    ["Dz Pcs", "doz"],
    ["prs.", "pr"],
    ["pf. liter", "pf_l"],
    ["pf.liters", "pf_l"],
    ["m²", "m2"],
    ["m2", "m2"],
    ["lin. m", "m"],
    ["thousands", "thousand"],
    ["cy kg", "cy_kg"],
    ["clean kg", "cy_kg"],
    ["kg cmsc", "kg_cmsc"],
    ["kg ttl sug", "kg_ttl_sug"],
    ["Pb kg", "kg_pb"],
    ["Au g", "g_au"],
    ["Cr2O3 t", "t_cr2o3"],
    ["W", "watt"],
    ["Jwls.", "jewel"],
    ["kg_pb", "kg_pb"],
    ["pf_l", "pf_l"],
  ])("%j -> %j", (text, code) => {
    expect(canonicalUnit(text)).toBe(code);
  });

  it("returns null for unknown units", () => {
    expect(canonicalUnit("furlong")).toBeNull();
    expect(canonicalUnit("No. and kg")).toBeNull();
    expect(canonicalUnit("")).toBeNull();
  });
});

describe("matchUnitOfQuantity", () => {
  it("finds the unit of quantity supplying the rate's measure", () => {
    expect(matchUnitOfQuantity("kg", ["doz.", "kg"])).toBe(1);
    expect(matchUnitOfQuantity("head", ["No."])).toBe(0);
    expect(matchUnitOfQuantity("pf. liter", ["liters", "pf.liters"])).toBe(1);
    expect(matchUnitOfQuantity("doz. pr.", ["doz. prs.", "kg"])).toBe(0);
    expect(matchUnitOfQuantity("each", ["pcs"])).toBe(0);
    expect(matchUnitOfQuantity("m2", ["m²", "kg"])).toBe(0);
    expect(matchUnitOfQuantity("clean kg", ["cy kg", "kg"])).toBe(0);
  });

  it("returns null when no unit supplies the measure, including a different scale", () => {
    expect(matchUnitOfQuantity("kg", ["No."])).toBeNull();
    expect(matchUnitOfQuantity("kg", ["g"])).toBeNull();
    expect(matchUnitOfQuantity("No.", ["thousands"])).toBeNull();
    expect(matchUnitOfQuantity("kg", [])).toBeNull();
    expect(matchUnitOfQuantity("furlong", ["furlong"])).toBeNull();
  });
});

describe("mapRateUnits", () => {
  it("annotates specific components with the index of their unit of quantity", () => {
    expect(mapRateUnits(parseRate("0.9¢/kg + 7.4%"), ["No.", "kg"])).toEqual(
      parsed("0.9¢/kg + 7.4%", specific("0.009", "kg", "kg", "kg", { uoqIndex: 1 }), { type: "ad_valorem", percent: "7.4" }),
    );
  });

  it("maps content qualifiers to the matching content unit only", () => {
    const rate = parseRate("0.7¢/kg on copper content + 0.7¢/kg on lead content");
    const indexes = (units: string[]) => {
      const mapped = mapRateUnits(rate, units);
      return mapped.status === "parsed" ? mapped.components.map((c) => (c.type === "specific" ? c.uoqIndex : "av")) : [];
    };
    expect(indexes(["kg", "Pb kg"])).toEqual([null, 1]);
    expect(indexes(["kg", "Cu kg", "Pb kg"])).toEqual([1, 2]);
    expect(indexes(["kg"])).toEqual([null, null]);
  });

  it("maps other measured-quantity qualifiers", () => {
    const first = (raw: string, units: string[]) => {
      const mapped = mapRateUnits(parseRate(raw), units);
      const component = mapped.status === "parsed" ? mapped.components[0] : undefined;
      return component?.type === "specific" ? component.uoqIndex : undefined;
    };
    expect(first("0.01¢/kg of total sugars", ["liters", "kg ttl sug"])).toBe(1);
    expect(first("$40/kg of anhydrous morphine content", ["kg amc"])).toBe(0);
    expect(first("22.1¢/pf. liter on ethyl alcohol content", ["liters", "pf.liters"])).toBe(1);
    expect(first("2.2¢/kg on drained weight", ["kg"])).toBeNull();
    expect(first("0.2¢/kg, including weight of container", ["kg"])).toBeNull();
  });

  it("returns non-parsed rates unchanged", () => {
    expect(mapRateUnits(parseRate("Free"), ["kg"])).toEqual({ status: "free", raw: "Free" });
  });
});

describe("the whole 2026 Revision 4 schedule", () => {
  const dataDir = resolve(process.cwd(), process.env.CLEARWAY_DATA_DIR ?? "../shared/data");
  const rows = readScheduleRows(dataDir);
  const ordinary = rows.filter((row: ScheduleRow) => row.chapter !== "98" && row.chapter !== "99");

  it("reads every row", () => {
    expect(rows).toHaveLength(35733);
  });

  it("classifies every cell without throwing and keeps the raw text", () => {
    const statuses = new Set(["empty", "free", "parsed", "unparsed"]);
    for (const row of rows) {
      for (const cell of [row.general, row.column2]) {
        const rate = parseRate(cell);
        expect(rate.raw).toBe(cell);
        expect(statuses.has(rate.status)).toBe(true);
        expect(rate.status === "empty").toBe(cell.trim() === "");
        if (rate.status === "parsed") expectWellFormed(rate);
      }
      const special = parseSpecialRate(row.special);
      expect(special.raw).toBe(row.special);
      expect(special.status === "empty").toBe(row.special.trim() === "");
      if (special.status !== "empty") expect(special.groups.length).toBeGreaterThan(0);
      for (const group of special.groups) if (group.rate.status === "parsed") expectWellFormed(group.rate);
    }
  });

  it("keeps coverage at or above the measured floors", () => {
    const all = measureRateCoverage(rows);
    // Measured 2026-rev4: general 96.35%, special 77.83%, column 2 84.24% (chapter 99 "No change"/"The duty provided in ..." rows are not rates).
    expect(all.general.coverage).toBeGreaterThanOrEqual(0.96);
    expect(all.special.coverage).toBeGreaterThanOrEqual(0.775);
    expect(all.column2.coverage).toBeGreaterThanOrEqual(0.84);
    const chapters = measureRateCoverage(ordinary);
    // Measured on chapters 01-97: general 99.46%, special 97.14%, column 2 98.65%.
    expect(chapters.general.coverage).toBeGreaterThanOrEqual(0.994);
    expect(chapters.special.coverage).toBeGreaterThanOrEqual(0.97);
    expect(chapters.column2.coverage).toBeGreaterThanOrEqual(0.985);
    for (const column of [all.general, all.special, all.column2]) {
      expect(column.free + column.parsed + column.unparsed).toBe(column.nonEmpty);
    }
  });

  it("maps the unit of every specific component on 8- and 10-digit lines with units of quantity", () => {
    const { specificComponents, mapped, unmapped } = measureRateCoverage(rows).unitMapping;
    // Measured: 2772 components, 2686 mapped; the rest are drained weight, sugar content, per-1000 on "thousands" and the like.
    expect(mapped + unmapped).toBe(specificComponents);
    expect(specificComponents).toBeGreaterThanOrEqual(2750);
    expect(mapped).toBeGreaterThanOrEqual(2680);
    expect(mapped / specificComponents).toBeGreaterThanOrEqual(0.965);
  });
});

function expectWellFormed(rate: Extract<ParsedRate, { status: "parsed" }>): void {
  expect(rate.components.length).toBeGreaterThan(0);
  for (const component of rate.components) {
    if (component.type === "ad_valorem") {
      expect(component.percent).toMatch(/^\d+(\.\d+)?$/);
      continue;
    }
    expect(component.amountUsd).toMatch(/^\d+(\.\d+)?$/);
    expect(component.perQuantity).toMatch(/^\d+$/);
    expect(canonicalUnit(component.per)).toBe(component.per);
    expect(canonicalUnit(component.unit)).toBe(component.per);
  }
}
