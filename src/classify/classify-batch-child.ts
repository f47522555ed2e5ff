// A worker process for parallel batches: reads back the index the parent built and sent, then classifies chunks of rows.
import { type ClassifyIndex, unpackIndex } from "./build-classify-index.ts";
import { type BatchRow, batchResult } from "./classify-batch.ts";
import { type ClassifyOptions, classifyWithIndex } from "./classify-product.ts";
import { indexPrecedents } from "./match-precedents.ts";

/** A message from the parent process. */
export type ChildRequest =
  | { type: "init"; index: Uint8Array; options: ClassifyOptions; explain: boolean }
  | { type: "rows"; seq: number; rows: BatchRow[] };
/** A message to the parent process. */
export type ChildReply = { type: "ready" } | { type: "done"; seq: number; text: string } | { type: "error"; message: string; code?: string; details?: Record<string, unknown> };

let index: ClassifyIndex | undefined;
let options: ClassifyOptions = {};
let explain = false;

process.on("message", (message: ChildRequest) => {
  try {
    if (message.type === "init") {
      index = unpackIndex(message.index);
      // Index the precedents once here rather than on every row.
      options = { ...message.options, precedents: Array.isArray(message.options.precedents) ? indexPrecedents(message.options.precedents) : message.options.precedents };
      explain = message.explain;
      options.explain = explain;
      reply({ type: "ready" });
      return;
    }
    if (!index) throw new Error("rows arrived before the index was built");
    const built = index;
    const text = message.rows.map((row) => `${JSON.stringify(batchResult(row.id, classifyWithIndex(built, row.input, options), explain))}\n`).join("");
    reply({ type: "done", seq: message.seq, text });
  } catch (error) {
    const e = error as Error & { code?: string; details?: Record<string, unknown> };
    reply({ type: "error", message: e.message, code: e.code, details: e.details });
  }
});
process.on("disconnect", () => process.exit(0));

function reply(message: ChildReply): void {
  process.send?.(message);
}
