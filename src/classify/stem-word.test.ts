import { describe, expect, it } from "vitest";
import { stemWord } from "./stem-word.ts";
import { phraseStems } from "./tokenize-text.ts";

describe("stemWord (Porter)", () => {
  it("folds inflections onto one stem, as the published algorithm does", () => {
    const cases: [string, string][] = [
      ["caresses", "caress"],
      ["ponies", "poni"],
      ["cats", "cat"],
      ["agreed", "agre"],
      ["plastered", "plaster"],
      ["motoring", "motor"],
      ["hopping", "hop"],
      ["filing", "file"],
      ["happy", "happi"],
      ["relational", "relat"],
      ["conditional", "condit"],
      ["generalization", "gener"],
      ["electrical", "electr"],
      ["adjustment", "adjust"],
      ["knitted", "knit"],
      ["batteries", "batteri"],
      ["drills", "drill"],
    ];
    for (const [word, stem] of cases) expect(stemWord(word), word).toBe(stem);
  });

  it("meets irregular plurals and joined compounds the same way in a query and in the schedule", () => {
    expect(phraseStems("bookshelves")).toEqual(phraseStems("bookshelf"));
    expect(phraseStems("knives")).toEqual(phraseStems("knife"));
    expect(phraseStems("T-shirts")).toEqual(phraseStems("t-shirt"));
    expect(phraseStems("lithium-ion")).toEqual(["lithium", "ion"]);
    expect(phraseStems("not knitted or crocheted of man-made fibers")).toEqual(["knit", "crochet", "manmad", "fiber"]);
  });
});
