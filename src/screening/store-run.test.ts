import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import type { ScreenLine } from "./rules/types.ts";
import { BlockBuilder, blockLines, decodeBlock } from "./store-run.ts";

function line(n: number, values: Record<string, string>): ScreenLine {
  return { line: n, values, orderNo: values.order_no ?? "", qty: null, unitValue: null, lineTotal: null, netWeightKg: null, grossWeightKg: null, unit: null, hsCode: "", hsSource: "none", suggestion: null, product: null, tariff: null };
}

describe("stored line blocks", () => {
  it("give back every value of every row, repeats and fields first filled late included", async () => {
    const rows: Record<string, string>[] = [
      { order_no: "A1", consignor_name: "Shenzhen Co", title: "Cup", qty: "1" },
      { order_no: "A1", consignor_name: "Shenzhen Co", title: "Cup", qty: "2" },
      { order_no: "A2", consignor_name: "Shenzhen Co", title: "", qty: "2", seal_no: "S1" },
      { order_no: "A2", consignor_name: "Other Co", title: "Cup", qty: "2", seal_no: "S1" },
      { order_no: "A3", consignor_name: "Other Co", title: "0", qty: "0" },
    ];
    const builder = new BlockBuilder();
    for (const [i, values] of rows.entries()) builder.add(line(i + 2, values), () => "");
    const payload = await builder.finish();
    const lines = [...blockLines(payload, new Map([[5, { title: "Mug" }]]))];
    expect(lines.map((l) => l.values)).toEqual([
      { order_no: "A1", consignor_name: "Shenzhen Co", title: "Cup", qty: "1" },
      { order_no: "A1", consignor_name: "Shenzhen Co", title: "Cup", qty: "2" },
      { order_no: "A2", consignor_name: "Shenzhen Co", qty: "2", seal_no: "S1" },
      { order_no: "A2", consignor_name: "Other Co", title: "Mug", qty: "2", seal_no: "S1" },
      { order_no: "A3", consignor_name: "Other Co", title: "0", qty: "0" },
    ]);
    // Repeats are stored once: the block is smaller than the same rows written out in full.
    const text = zlib.inflateRawSync(payload).toString("utf8");
    expect(text.match(/Shenzhen Co/g)).toHaveLength(1);
  });

  it("read blocks stored before repeats were abbreviated", () => {
    const old = { rows: [[2, ["A1", "Cup"], "", "none", null], [3, ["A1", "Cup"], "", "none", null]], fields: ["order_no", "title"], products: {} };
    const decoded = decodeBlock(zlib.deflateRawSync(Buffer.from(JSON.stringify(old))));
    expect(decoded.rows.map((r) => r[1])).toEqual([["A1", "Cup"], ["A1", "Cup"]]);
  });
});
