import { Worker } from "node:worker_threads";
import { AppError, type ErrorCode } from "../core/errors.ts";
import type { Lookups, ScreenChunk, ScreenOutcome, ScreenSetup } from "./screen-lines.ts";
import type { MainMessage, OpenedSource, WorkerMessage, WorkerSource } from "./screen-worker.ts";

/** A worker thread opened on a manifest source: it reads and screens, this thread answers its lookups and writes what it sends. */
export type ScreenWorker = {
  /** What the worker found on opening a file (null for a stored run). */
  source: OpenedSource | null;
  /** Screen the source; `write` stores each chunk, called one chunk at a time in order. */
  screen(setup: ScreenSetup, lookups: Lookups, write: (chunk: ScreenChunk) => Promise<void>, onOrders: (lines: number, bytes: number) => void): Promise<ScreenOutcome>;
  close(): Promise<void>;
};

// The product runs TypeScript through tsx, whose loader hooks do not reach worker threads on Node 20: the worker
// registers them itself before importing its entry.
const TSX_API = import.meta.resolve("tsx/esm/api");
const ENTRY = new URL("./screen-worker.ts", import.meta.url).href;
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY)}); });`;

/** The worker's young generation in MB (otherwise V8 sizes it from the heap limit, smaller). */
const YOUNG_GENERATION_MB = 48;

/** Start a screening worker on a source and wait until it has opened it (a file that cannot be read fails here, before any run exists). */
export async function openScreenWorker(spec: WorkerSource, readBlock?: (blockNo: number) => Promise<Uint8Array | null>): Promise<ScreenWorker> {
  // A larger young generation: screening makes short-lived garbage per line, and fewer scavenges saved about 5% of the worker's time.
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: spec, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  let onMessage: (message: WorkerMessage) => void = () => {};
  let onFailure: (error: Error) => void = () => {};
  let closed = false;
  worker.on("message", (message: WorkerMessage) => onMessage(message));
  worker.on("error", (error) => onFailure(error));
  worker.on("exit", (code) => {
    if (!closed) onFailure(new AppError("INTERNAL", `the screening worker stopped (exit code ${code})`));
  });
  const post = (message: MainMessage, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
  const close = async () => {
    closed = true;
    await worker.terminate();
  };
  try {
    const source = await new Promise<OpenedSource | null>((resolve, reject) => {
      onFailure = reject;
      onMessage = (message) => {
        if (message.type === "opened") resolve(message.source);
        else if (message.type === "error") reject(workerError(message.error));
        else if (message.type === "ask" && message.what === "block") answer(message.id, readBlock ? readBlock(message.arg as number) : Promise.resolve(null));
      };
    });
    return {
      source,
      close,
      screen: (setup, lookups, write, onOrders) =>
        new Promise<ScreenOutcome>((resolve, reject) => {
          let writes: Promise<void> = Promise.resolve();
          // A write in flight ends before the caller hears of the failure (and abandons the run), or it could land after the clean-up.
          const fail = (error: Error) => void writes.then(() => reject(error), () => reject(error));
          onFailure = fail;
          onMessage = (message) => {
            if (message.type === "chunk") {
              writes = writes.then(() => write(message.chunk)).then(() => post({ type: "written" }));
              writes.catch(reject);
            } else if (message.type === "ask") {
              const { id, what, arg } = message;
              answer(id, what === "products" ? lookups.products(arg as string[]) : what === "suggestions" ? lookups.suggestions(arg as [string, string][]) : readBlock ? readBlock(arg as number) : Promise.resolve(null));
            } else if (message.type === "orders") {
              writes.then(() => onOrders(message.lines, message.bytes), () => {});
            } else if (message.type === "done") {
              writes.then(() => resolve({ totals: message.totals, bytes: message.bytes, sha256: message.sha256 }), reject);
            } else if (message.type === "error") fail(workerError(message.error));
          };
          post({ type: "start", setup });
        }),
    };
  } catch (error) {
    await close();
    throw error;
  }

  function answer(id: number, value: Promise<unknown>): void {
    value.then(
      (result) => post({ type: "answer", id, value: result }),
      (error: unknown) => {
        // The lookup's own error is what the caller should see, not the worker's report of it.
        onFailure(error instanceof Error ? error : new Error(String(error)));
        post({ type: "answer", id, error: String(error) });
      },
    );
  }
}

function workerError(error: { message: string; code?: string; details?: Record<string, unknown> }): Error {
  return error.code ? new AppError(error.code as ErrorCode, error.message, error.details) : new Error(error.message);
}
