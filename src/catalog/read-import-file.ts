import { Worker } from "node:worker_threads";
import { AppError, type ErrorCode } from "../core/errors.ts";
import type { ImportWorkerInput, ImportWorkerMessage } from "./import-worker.ts";
import type { RowContext } from "./parse-product-row.ts";
import { SHEET_LIMITS } from "./read-spreadsheet.ts";
import { BATCH_ROWS, openStagedSheet, type SheetInfo, type StagedBatch, stageBatches } from "./stage-rows.ts";

/** An import file opened and checked: what it is, and its rows as staged batches, in file order; close() when done with it (read or not). */
export type StagedFile = { info: SheetInfo; batches: AsyncIterable<StagedBatch>; close(): Promise<void> };

/** Files at least this large (some 7,000 rows; an XLSX packs them in a quarter of the bytes) are read in a worker thread, overlapping the database's work; smaller ones are not worth starting one for. */
export const WORKER_MIN_BYTES = { csv: 1 << 20, xlsx: 256 << 10 } as const;

/** What reading an import file takes; checkOnly checks the rows without staging them (a dry run), inWorker overrides the choice by size. */
export type ReadImportOptions = { bytes: Buffer; fileName: string; mapping: Record<string, string>; ctx: RowContext; batchRows?: number; inWorker?: boolean; checkOnly?: boolean };

/**
 * Open an import file and stage its rows batch by batch: in a worker thread for a large file (so that parsing the
 * next batch overlaps writing this one, even on the embedded database, which runs in this thread), else here.
 * File-level problems (unreadable, bad mapping, missing columns) are thrown here, before any batch.
 */
export async function readImportFile(options: ReadImportOptions): Promise<StagedFile> {
  const batchRows = options.batchRows ?? BATCH_ROWS;
  const checkOnly = Boolean(options.checkOnly);
  // A file too large (or empty) is refused by the same reader, at once and without copying it into a worker.
  const size = options.bytes.length;
  const zipped = size >= 4 && options.bytes.readUInt32LE(0) === 0x04034b50;
  if (!(options.inWorker ?? (size >= WORKER_MIN_BYTES[zipped ? "xlsx" : "csv"] && size <= SHEET_LIMITS.maxBytes))) {
    const { info, sheet, columns } = await openStagedSheet(options.bytes, options.fileName, options.mapping);
    return { info, batches: stageBatches(sheet, columns, options.ctx, { batchRows, checkOnly }), close: async () => {} };
  }
  return readInWorker({ bytes: options.bytes, fileName: options.fileName, mapping: options.mapping, ctx: options.ctx, batchRows, checkOnly });
}

// The product runs TypeScript through tsx, whose loader hooks do not reach worker threads on Node 20: the worker
// registers them itself before importing its entry.
const TSX_API = import.meta.resolve("tsx/esm/api");
const ENTRY = new URL("./import-worker.ts", import.meta.url).href;
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY)}); });`;

async function readInWorker(input: ImportWorkerInput): Promise<StagedFile> {
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: input });
  // Messages wait here until read; the worker runs ahead of the writes by as many batches as it gets to.
  const queue: ImportWorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let finished = false;
  const push = (message: ImportWorkerMessage) => {
    queue.push(message);
    wake?.();
  };
  worker.on("message", push);
  worker.on("error", (error) => {
    failure = error;
    wake?.();
  });
  worker.on("exit", (code) => {
    if (!finished && !failure) failure = new AppError("INTERNAL", `the import worker stopped (exit code ${code})`);
    wake?.();
  });
  const next = async (): Promise<ImportWorkerMessage> => {
    while (!queue.length) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    const message = queue.shift() as ImportWorkerMessage;
    if (message.type === "error") throw workerError(message.error);
    return message;
  };
  const stop = async () => {
    finished = true;
    await worker.terminate();
  };
  let first: ImportWorkerMessage;
  try {
    first = await next();
  } catch (error) {
    await stop();
    throw error;
  }
  if (first.type !== "sheet") {
    await stop();
    throw new AppError("INTERNAL", `the import worker sent ${first.type} before the sheet`);
  }
  async function* batches(): AsyncGenerator<StagedBatch> {
    while (true) {
      const message = await next();
      if (message.type === "done") return;
      if (message.type === "batch") yield message.batch;
    }
  }
  return { info: first.info, batches: batches(), close: stop };
}

function workerError(error: { message: string; code?: string; details?: Record<string, unknown> }): Error {
  return error.code ? new AppError(error.code as ErrorCode, error.message, error.details) : new Error(error.message);
}
