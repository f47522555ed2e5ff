import { describe, expect, it } from "vitest";
import { newId, newOrderedIds } from "./ids.ts";

describe("ids", () => {
  it("newId gives a prefixed random id", () => {
    expect(newId("usr")).toMatch(/^usr_[0-9a-hjkmnp-tv-z]{16}$/);
    expect(newId("usr")).not.toBe(newId("usr"));
  });

  it("newOrderedIds gives unique ids that sort in the order they were made, across calls", () => {
    const ids = [...newOrderedIds("prd", 5000), ...newOrderedIds("prd", 5000), ...newOrderedIds("prd", 3)];
    for (const id of ids) expect(id).toMatch(/^prd_[0-9a-hjkmnp-tv-z]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
