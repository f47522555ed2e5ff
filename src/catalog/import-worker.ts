// The thread side of reading an import file in a worker (see read-import-file.ts): it parses and checks the rows and
// sends the staged batches to the importing thread, which owns the database, as fast as it can make them.
import { parentPort, workerData } from "node:worker_threads";
import { isAppError } from "../core/errors.ts";
import type { RowContext } from "./parse-product-row.ts";
import { openStagedSheet, type SheetInfo, type StagedBatch, stageBatches } from "./stage-rows.ts";

/** What the worker is given: the file, the user's mapping, and the reference data rows are checked against. */
export type ImportWorkerInput = { bytes: Uint8Array; fileName: string; mapping: Record<string, string>; ctx: RowContext; batchRows: number; checkOnly: boolean };

/** Messages from the worker, in this order: sheet, batch…, done; or error at any point. */
export type ImportWorkerMessage =
  | { type: "sheet"; info: SheetInfo }
  | { type: "batch"; batch: StagedBatch }
  | { type: "done" }
  | { type: "error"; error: { message: string; code?: string; details?: Record<string, unknown> } };

const port = parentPort;
if (port) {
  const input = workerData as ImportWorkerInput;
  const send = (message: ImportWorkerMessage) => port.postMessage(message);
  read(input, send).catch((error: unknown) =>
    send({ type: "error", error: { message: error instanceof Error ? error.message : String(error), code: isAppError(error) ? error.code : undefined, details: isAppError(error) ? error.details : undefined } }),
  );
}

async function read(input: ImportWorkerInput, send: (message: ImportWorkerMessage) => void): Promise<void> {
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const { info, sheet, columns } = await openStagedSheet(bytes, input.fileName, input.mapping);
  send({ type: "sheet", info });
  for await (const batch of stageBatches(sheet, columns, input.ctx, input)) send({ type: "batch", batch });
  send({ type: "done" });
}
