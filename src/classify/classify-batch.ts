import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import type { Readable, Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse";
import { AppError, errorMessage } from "../core/errors.ts";
import { type ClassifyIndex, packIndex } from "./build-classify-index.ts";
import type { ChildReply, ChildRequest } from "./classify-batch-child.ts";
import { type Candidate, type Classification, type ClassifyOptions, classifyWithIndex } from "./classify-product.ts";
import type { ProductInput } from "./read-product-query.ts";

/** One row of a batch file: its id and the product to classify, with the row number for error messages. */
export type BatchRow = { row: number; id: string; input: ProductInput };

/** How far a batch has got: rows classified and bytes of input read. */
export type BatchProgress = { rows: number; bytes: number };

/** Options for a streaming batch: the classification options, plus progress and whether to include explanations. */
export type ClassifyBatchOptions = Omit<ClassifyOptions, "top"> & {
  top?: number;
  onProgress?: (progress: BatchProgress) => void;
  /** Include each candidate's explanation (larger output). */
  explain?: boolean;
  /** Worker processes to classify in (default 1: this process); each loads a copy of the index this process built (~1–2 s with its start-up). */
  processes?: number;
};

/** One output line: the row's id, its candidates, and whether the engine abstained. */
export type BatchResult = { id: string; candidates: (Partial<Candidate> & Pick<Candidate, "code" | "hs6" | "confidence">)[]; abstain: boolean; confidence: number };

const REQUIRED = ["id", "title"] as const;
const KNOWN = ["id", "title", "description", "category", "attributes", "price", "currency"] as const;
const MAX_FIELD = 20_000;

/**
 * Classify a CSV stream (columns id, title; optional description, category, attributes as a JSON object, price, currency) into
 * JSONL, one line per row, in order. Rows are read, classified and written one at a time with back-pressure, so memory stays
 * flat however long the file; a bad row stops the run with an error naming its row and column.
 */
export async function classifyBatch(index: ClassifyIndex, input: Readable, output: Writable, options: ClassifyBatchOptions = {}): Promise<{ rows: number }> {
  if ((options.processes ?? 1) > 1) return classifyInProcesses(index, input, output, options);
  const explain = options.explain === true;
  // Without printed explanations, candidates are not explained in full (path probabilities, matched words): the output omits them.
  const classifyOptions = { ...options, explain };
  let rows = 0;
  let lastReport = Date.now();
  const parser = csvRows(input);
  for await (const row of readBatchRows(parser)) {
    const line = `${JSON.stringify(batchResult(row.id, classifyWithIndex(index, row.input, classifyOptions), explain))}\n`;
    if (!output.write(line)) await once(output, "drain");
    rows++;
    const now = Date.now();
    if (options.onProgress && now - lastReport >= 100) {
      lastReport = now;
      options.onProgress({ rows, bytes: parser.info.bytes });
    }
  }
  options.onProgress?.({ rows, bytes: parser.info.bytes });
  return { rows };
}

const CHUNK = 256;
// Chunks queued per worker: enough (about a second of work) that a pause in this process (a garbage collection of a large
// heap) does not leave a worker idle; few enough that memory stays small.
const IN_FLIGHT = 4;

/**
 * The same batch over several worker processes (worker threads cannot load TypeScript through tsx on Node 20). Rows go out in
 * chunks, at most IN_FLIGHT per worker, and results are written back in input order, so memory stays bounded.
 */
async function classifyInProcesses(index: ClassifyIndex, input: Readable, output: Writable, options: ClassifyBatchOptions): Promise<{ rows: number }> {
  const { processes = 2, onProgress, explain = false, ...classifyOptions } = options;
  const loader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const children = Array.from({ length: processes }, () =>
    fork(new URL("./classify-batch-child.ts", import.meta.url), [], { execArgv: ["--import", loader], serialization: "advanced" }),
  );
  const inFlight = children.map(() => 0);
  const done = new Map<number, string>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  const waitForNews = () => new Promise<void>((resolve) => (wake = resolve));
  const precedents = classifyOptions.precedents && "postings" in classifyOptions.precedents ? classifyOptions.precedents.precedents : classifyOptions.precedents;
  const packed = packIndex(index);
  try {
    await Promise.all(
      children.map(
        (child, i) =>
          new Promise<void>((resolve, reject) => {
            child.on("message", (message: ChildReply) => {
              if (message.type === "ready") resolve();
              else if (message.type === "done") {
                inFlight[i] = (inFlight[i] as number) - 1;
                done.set(message.seq, message.text);
              } else failure ??= new AppError((message.code as "BAD_REQUEST") ?? "INTERNAL", message.message, message.details);
              signal();
            });
            child.on("error", (error) => {
              failure ??= error;
              reject(error);
              signal();
            });
            child.on("exit", (code) => {
              if (code) failure ??= new AppError("INTERNAL", `a classification worker stopped (exit code ${code})`);
              reject(failure);
              signal();
            });
            child.send({ type: "init", index: packed, options: { ...classifyOptions, precedents }, explain } satisfies ChildRequest);
          }),
      ),
    );
    const parser = csvRows(input);
    let seq = 0;
    let written = 0;
    let rows = 0;
    let chunk: BatchRow[] = [];
    const flush = async () => {
      while (done.has(written)) {
        const text = done.get(written) as string;
        done.delete(written++);
        rows += text.split("\n").length - 1;
        if (!output.write(text)) await once(output, "drain");
      }
      onProgress?.({ rows, bytes: parser.info.bytes });
    };
    const dispatch = async () => {
      for (;;) {
        if (failure) throw failure;
        const free = inFlight.findIndex((n) => n < IN_FLIGHT);
        if (free >= 0) {
          inFlight[free] = (inFlight[free] as number) + 1;
          (children[free] as ChildProcess).send({ type: "rows", seq: seq++, rows: chunk } satisfies ChildRequest);
          chunk = [];
          return;
        }
        await waitForNews();
        await flush();
      }
    };
    for await (const row of readBatchRows(parser)) {
      chunk.push(row);
      if (chunk.length >= CHUNK) await dispatch();
    }
    if (chunk.length) await dispatch();
    while (written < seq) {
      if (failure) throw failure;
      if (!done.has(written)) await waitForNews();
      await flush();
    }
    return { rows };
  } finally {
    for (const child of children) {
      child.removeAllListeners("exit");
      child.on("exit", () => {});
      if (child.connected) child.disconnect();
      child.kill();
    }
  }
}

/** The compact output record for one classified row. */
export function batchResult(id: string, result: Classification, explain: boolean): BatchResult {
  return {
    id,
    candidates: result.candidates.map((c) => ({
      code: c.code,
      codeDotted: c.codeDotted,
      hs6: c.hs6,
      confidence: c.confidence,
      description: c.description,
      ...(explain ? { explanation: c.explanation } : {}),
    })),
    abstain: result.abstain,
    confidence: result.confidence,
  };
}

function csvRows(input: Readable) {
  const parser = parse({ bom: true, columns: false, skip_empty_lines: true, relax_column_count: true, max_record_size: 1 << 20 });
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  return parser;
}

/** Validate and read batch rows from parsed CSV records (the first record is the header); errors name the row (1 = header) and column. */
export async function* readBatchRows(records: AsyncIterable<string[]>): AsyncGenerator<BatchRow> {
  let header: string[] | undefined;
  let row = 0;
  try {
    for await (const record of records) {
      row++;
      if (!header) {
        header = record.map((h) => h.trim().toLowerCase());
        const missing = REQUIRED.filter((c) => !header?.includes(c));
        if (missing.length)
          throw new AppError("BAD_REQUEST", `row 1 (header): required column ${missing.map((c) => `"${c}"`).join(", ")} is missing (found: ${header.join(", ") || "nothing"})`);
        continue;
      }
      yield batchRow(header, record, row);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("BAD_REQUEST", `row ${row + 1}: the CSV cannot be read: ${errorMessage(error)}`);
  }
  if (!header) throw new AppError("BAD_REQUEST", "row 1 (header): the file is empty; expected a header with columns id,title");
}

function batchRow(header: string[], record: string[], row: number): BatchRow {
  if (record.length > header.length) throw bad(row, header[header.length - 1] ?? "", `has ${record.length} fields but the header has ${header.length}`);
  const field = (name: (typeof KNOWN)[number]): string => {
    const at = header.indexOf(name);
    const value = at >= 0 ? (record[at] ?? "") : "";
    if (value.length > MAX_FIELD) throw bad(row, name, `is longer than ${MAX_FIELD.toLocaleString("en-US")} characters`);
    return value.trim();
  };
  const id = field("id");
  if (!id) throw bad(row, "id", "is empty");
  const title = field("title");
  const description = field("description");
  if (!title && !description) throw bad(row, "title", "is empty (and there is no description)");
  const input: ProductInput = { title: title || undefined, description: description || undefined, category: field("category") || undefined };
  const attributes = field("attributes");
  if (attributes) input.attributes = parseAttributes(attributes, row);
  const price = field("price");
  if (price) {
    const value = Number(price);
    if (!Number.isFinite(value) || value < 0) throw bad(row, "price", `"${price.slice(0, 40)}" is not a non-negative number`);
    input.price = value;
  }
  const currency = field("currency");
  if (currency) {
    if (!/^[A-Za-z]{3}$/.test(currency)) throw bad(row, "currency", `"${currency.slice(0, 40)}" is not a three-letter currency code`);
    input.currency = currency.toUpperCase();
  }
  return { row, id, input };
}

function parseAttributes(text: string, row: number): ProductInput["attributes"] {
  const read = readAttributesJson(text);
  if ("reason" in read) throw bad(row, "attributes", read.reason);
  return read.attributes;
}

/** Item specifics given as JSON text (a CSV cell, a command-line option): the object, or why it is not one. */
export function readAttributesJson(text: string): { attributes: ProductInput["attributes"] } | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { reason: 'is not valid JSON (expected an object such as {"material":"cotton"})' };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return { reason: "is not a JSON object" };
  for (const [key, v] of Object.entries(value)) {
    if (v !== null && !["string", "number", "boolean"].includes(typeof v)) return { reason: `key "${key}" must be a string, number or boolean` };
  }
  return { attributes: value as ProductInput["attributes"] };
}

function bad(row: number, column: string, reason: string): AppError {
  return new AppError("BAD_REQUEST", `row ${row}, column "${column}": ${reason}`, { row, column });
}
