import { describe, expect, it } from "vitest";
import { CanonicalJsonError, canonicalJson, canonicalJsonBytes } from "./canonical-json.ts";

/** A double from its IEEE 754 bit pattern, as RFC 8785 Appendix B lists them. */
function fromBits(bits: string): number {
  return Buffer.from(bits, "hex").readDoubleBE(0);
}

describe("RFC 8785 canonical JSON", () => {
  it("reproduces the §3.2.3 example (sorting, numbers, string escapes, literals)", () => {
    // The example's input text, parsed as any JSON parser would.
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it("sorts keys by UTF-16 code units (§3.2.3 sorting example)", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    const values = Object.values(JSON.parse(canonicalJson(input)) as Record<string, string>);
    // Object.values would reorder integer-like keys, so read the order from the text instead.
    expect(values).toContain("One");
    const order = [...canonicalJson(input).matchAll(/":"([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"]);
  });

  it("writes numbers as RFC 8785 Appendix B lists them", () => {
    const table: [string, string][] = [
      ["0000000000000000", "0"],
      ["8000000000000000", "0"],
      ["0000000000000001", "5e-324"],
      ["8000000000000001", "-5e-324"],
      ["7fefffffffffffff", "1.7976931348623157e+308"],
      ["ffefffffffffffff", "-1.7976931348623157e+308"],
      ["4340000000000000", "9007199254740992"],
      ["c340000000000000", "-9007199254740992"],
      ["4430000000000000", "295147905179352830000"],
      ["44b52d02c7e14af5", "9.999999999999997e+22"],
      ["44b52d02c7e14af6", "1e+23"],
      ["44b52d02c7e14af7", "1.0000000000000001e+23"],
      ["444b1ae4d6e2ef4e", "999999999999999700000"],
      ["444b1ae4d6e2ef4f", "999999999999999900000"],
      ["444b1ae4d6e2ef50", "1e+21"],
      ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
      ["3eb0c6f7a0b5ed8d", "0.000001"],
      ["41b3de4355555553", "333333333.3333332"],
      ["41b3de4355555554", "333333333.33333325"],
      ["41b3de4355555555", "333333333.3333333"],
      ["41b3de4355555556", "333333333.3333334"],
      ["41b3de4355555557", "333333333.33333343"],
      ["becbf647612f3696", "-0.0000033333333333333333"],
      ["43143ff3c1cb0959", "1424953923781206.2"],
    ];
    for (const [bits, expected] of table) expect(canonicalJson(fromBits(bits)), bits).toBe(expected);
  });

  it("refuses NaN and Infinity (Appendix B: not JSON)", () => {
    for (const bits of ["7fffffffffffffff", "7ff0000000000000", "fff0000000000000"]) expect(() => canonicalJson(fromBits(bits))).toThrow(CanonicalJsonError);
  });

  it("canonicalises the JCS reference structures example (cyberphone/json-canonicalization testdata)", () => {
    const input = JSON.parse('{"1": {"f": {"f": "hi","F": 5} ,"\\n": 56.0}, "10": { }, "": "empty", "a": { }, "111": [ {"e": "yes","E": "no" } ], "A": { }}');
    expect(canonicalJson(input)).toBe('{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{"E":"no","e":"yes"}],"A":{},"a":{}}');
  });

  it("keeps non-ASCII text as UTF-8 and escapes only what it must", () => {
    expect(canonicalJson({ name: "清关 Å\u001f\t\u2028" })).toBe('{"name":"清关 Å\\u001f\\t\u2028"}');
    expect(canonicalJsonBytes({ a: "é" })).toEqual(Buffer.from('{"a":"é"}', "utf8"));
  });

  it("refuses what is not I-JSON, naming where", () => {
    expect(() => canonicalJson({ a: { b: "\ud800" } })).toThrow("$.a.b: string contains a lone surrogate");
    expect(() => canonicalJson({ a: [1, undefined] })).toThrow("$.a[1]: undefined is not a JSON value");
    expect(() => canonicalJson({ a: 1n })).toThrow("$.a: bigint is not a JSON value");
    expect(() => canonicalJson(new Map())).toThrow(/not a plain JSON object/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/refers to itself/);
    let deep: unknown = 1;
    for (let i = 0; i < 250; i++) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(/nested more than 200 levels/);
  });

  it("treats values the way JSON does: undefined members dropped, toJSON used", () => {
    expect(canonicalJson({ b: undefined, a: new Date("2026-01-02T03:04:05.000Z") })).toBe('{"a":"2026-01-02T03:04:05.000Z"}');
    expect(canonicalJson([{}, [], "", 0, -0])).toBe('[{},[],"",0,0]');
  });
});
