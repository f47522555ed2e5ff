import { PassThrough, Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { packIndex, unpackIndex } from "./build-classify-index.ts";
import { type BatchProgress, classifyBatch } from "./classify-batch.ts";
import { classifyWithIndex } from "./classify-product.ts";
import { loadTestIndex } from "./test-index.ts";

const index = loadTestIndex();

/** Run a batch over CSV text and return the JSONL lines parsed. */
async function run(csv: string, options: Parameters<typeof classifyBatch>[3] = {}) {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const result = await classifyBatch(index, Readable.from([csv]), sink, options);
  return {
    ...result,
    lines: chunks
      .join("")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line)),
  };
}

describe("classifyBatch", () => {
  it("writes one JSON line per row, in order, with the candidates and whether it abstained", async () => {
    const csv = [
      "id,title,description,category,attributes,price,currency",
      "a1,Cordless drill driver 20V,,Tools > Power Tools,,59.99,USD",
      'a2,"Women\'s T-shirt, crew neck",,,"{""material"":""cotton"",""construction"":""knit""}",12,usd',
      "a3,蓝牙耳机 无线,,,,,",
    ].join("\n");
    const { rows, lines } = await run(csv, { top: 2 });
    expect(rows).toBe(3);
    expect(lines.map((l) => l.id)).toEqual(["a1", "a2", "a3"]);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(["abstain", "candidates", "confidence", "id"]);
      expect(line.candidates).toHaveLength(2);
      expect(line.candidates[0]).toMatchObject({ code: expect.stringMatching(/^\d{8,10}$/), hs6: expect.stringMatching(/^\d{6}$/), confidence: expect.any(Number) });
      expect(typeof line.abstain).toBe("boolean");
    }
    expect(lines[0].candidates[0].hs6).toBe("846721");
    expect(lines[1].candidates[0].code.slice(0, 4)).toBe("6109");
    expect(lines[2].candidates[0].hs6).toBe("851830");
  });

  it("streams: output comes out while the input is still being read, and progress is reported", async () => {
    const input = new PassThrough();
    const seen: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        seen.push(String(chunk));
        done();
      },
    });
    const progress: BatchProgress[] = [];
    const running = classifyBatch(index, input, sink, { market: "hs", onProgress: (p) => progress.push(p) });
    input.write("id,title\nr1,stainless steel water bottle\nr2,ceramic coffee mug\n");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.length).toBeGreaterThan(0);
    for (let i = 3; i <= 200; i++) input.write(`r${i},plastic storage box ${i}\n`);
    input.end();
    const { rows } = await running;
    expect(rows).toBe(200);
    expect(progress.at(-1)).toMatchObject({ rows: 200 });
    expect(JSON.parse(seen[0]?.split("\n")[0] ?? "{}").candidates[0].code).toMatch(/^\d{6}$/);
  });

  it("stops on bad input with the row and column named", async () => {
    await expect(run("id,name\n1,drill\n")).rejects.toThrow(/row 1 \(header\): required column "title" is missing/);
    await expect(run("id,title\n1,drill\n,saw\n")).rejects.toThrow(/row 3, column "id": is empty/);
    await expect(run("id,title,attributes\n1,drill,\n2,shirt,{material: cotton}\n")).rejects.toThrow(/row 3, column "attributes": is not valid JSON/);
    await expect(run('id,title,attributes\n1,shirt,"[1,2]"\n')).rejects.toThrow(/row 2, column "attributes": is not a JSON object/);
    await expect(run("id,title,price\n1,drill,abc\n")).rejects.toThrow(/row 2, column "price": "abc" is not a non-negative number/);
    await expect(run("id,title\n1,drill,extra\n")).rejects.toThrow(/row 2, column "title": has 3 fields but the header has 2/);
    await expect(run('id,title\n1,"unterminated\n')).rejects.toThrow(/row \d+: the CSV cannot be read/);
    await expect(run("")).rejects.toThrow(/row 1 \(header\): the file is empty/);
  });

  it("gives the same lines when the work is spread over worker processes", async () => {
    const csv = ["id,title", ...Array.from({ length: 600 }, (_, i) => `r${i},${["cordless drill", "cotton t-shirt", "leather handbag", "LED desk lamp"][i % 4]} ${i}`)].join("\n");
    const single = await run(csv);
    const parallel = await run(csv, { processes: 2 });
    expect(parallel.rows).toBe(600);
    expect(parallel.lines).toEqual(single.lines);
    // With explanations asked for, the workers (which read back the parent's packed index) explain as this process does.
    const explained = await run(csv.split("\n").slice(0, 41).join("\n"), { processes: 2, explain: true });
    const here = await run(csv.split("\n").slice(0, 41).join("\n"), { explain: true });
    expect(explained.lines).toEqual(here.lines);
    expect(here.lines[0].candidates[0].explanation.path.length).toBeGreaterThan(2);
  });
});

describe("packIndex / unpackIndex", () => {
  it("reads back an index that classifies exactly as the one it was packed from", () => {
    const copy = unpackIndex(packIndex(index));
    // The last three are moved by attribute transposition, which reads the HS wording the packed index must carry.
    for (const title of [
      "cordless drill 20V",
      "女士纯棉短袖T恤",
      "Stainless steel insulated water bottle 32 oz",
      "Brushed Microfiber Deep Pocket Fitted Sheet Only Queen Size Soft Wrinkle Free",
      "Linen Wide Leg Pants for Women, High Waist Palazzo Trousers with Pockets",
      "纯棉四件套全棉100支印花床单被套床笠款1.8m床上用品",
    ]) {
      expect(classifyWithIndex(copy, { title })).toEqual(classifyWithIndex(index, { title }));
    }
  });

  it("leaves a batch's candidates and confidences unchanged when explanations are not asked for", () => {
    const input = { title: "Bluetooth wireless earbuds with charging case" };
    const full = classifyWithIndex(index, input);
    const light = classifyWithIndex(index, input, { explain: false });
    expect(light.candidates.map((c) => [c.code, c.confidence])).toEqual(full.candidates.map((c) => [c.code, c.confidence]));
    expect(light.candidates[0]?.explanation.families).toEqual(full.candidates[0]?.explanation.families);
  });
});
