// The thread side of a screening in a worker (see screen-in-worker.ts): it reads the source, screens every line and
// encodes the blocks, and sends the chunks to store back to the main thread, which owns the database.
import { parentPort, workerData } from "node:worker_threads";
import { isAppError } from "../core/errors.ts";
import type { Lane, SourceKind, SourceLine } from "./manifest.ts";
import { type ColumnMapping, openManifestFile } from "./read-manifest.ts";
import { type ChunkSink, LineScreener, onePerPart, type ScreenChunk, type ScreenSetup, type ScreenTotals, screenSource } from "./screen-lines.ts";
import { blockLines } from "./store-run.ts";

/** Where a worker reads lines from: a manifest file, or the stored blocks of a run (fetched through the main thread). */
export type WorkerSource = { kind: "file"; file: string; fileName: string; mapping: ColumnMapping } | { kind: "stored"; edits: [number, Record<string, string>][]; blocks: number[] };

/** What the worker learnt on opening its source. */
export type OpenedSource = { kind: SourceKind; lane?: Lane; fields: readonly string[]; carries?: readonly string[]; totalBytes: number };

/** Messages from the worker. */
export type WorkerMessage =
  | { type: "opened"; source: OpenedSource | null }
  | { type: "ask"; id: number; what: "products" | "suggestions" | "block"; arg: unknown }
  | { type: "chunk"; chunk: ScreenChunk }
  | { type: "orders"; lines: number; bytes: number }
  | { type: "done"; totals: ScreenTotals; bytes: number; sha256: string | null }
  | { type: "error"; error: { message: string; code?: string; details?: Record<string, unknown> } };

/** Messages to the worker. */
export type MainMessage = { type: "start"; setup: ScreenSetup } | { type: "answer"; id: number; value?: unknown; error?: string } | { type: "written" };

/** Chunks the worker may have sent that the main thread has not stored yet: enough to keep both threads busy, few enough to bound memory. */
const IN_FLIGHT = 2;

const port = parentPort;
if (port) runWorker(port, workerData as WorkerSource);

function runWorker(port: NonNullable<typeof parentPort>, spec: WorkerSource): void {
  const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const asks = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let asked = 0;
  const ask = <T>(what: "products" | "suggestions" | "block", arg: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = asked++;
      asks.set(id, { resolve: resolve as (value: unknown) => void, reject });
      send({ type: "ask", id, what, arg });
    });
  let credits = IN_FLIGHT;
  let wake: (() => void) | null = null;
  const fail = (error: unknown) => {
    send({ type: "error", error: { message: error instanceof Error ? error.message : String(error), code: isAppError(error) ? error.code : undefined, details: isAppError(error) ? error.details : undefined } });
    port.close();
  };
  let source: Awaited<ReturnType<typeof open>> | null = null;

  port.on("message", (message: MainMessage) => {
    if (message.type === "answer") {
      const pending = asks.get(message.id);
      asks.delete(message.id);
      if (message.error !== undefined) pending?.reject(new Error(message.error));
      else pending?.resolve(message.value);
    } else if (message.type === "written") {
      credits++;
      wake?.();
      wake = null;
    } else if (message.type === "start" && source) {
      screen(message.setup, source).catch(fail);
    }
  });

  async function screen(setup: ScreenSetup, from: NonNullable<typeof source>): Promise<void> {
    // Chunks are sent in order, each once its block is compressed and the main thread has room for it.
    let sending: Promise<void> = Promise.resolve();
    const sink: ChunkSink = {
      bytesRead: from.bytesRead,
      async emit(chunk) {
        await sending;
        sending = chunk.then(async (ready) => {
          while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
          credits--;
          const payload = ready.block ? transferable(ready.block.payload) : null;
          const sent = payload && ready.block ? { ...ready, block: { ...ready.block, payload } } : ready;
          send({ type: "chunk", chunk: sent }, payload ? [payload.buffer as ArrayBuffer] : []);
        });
        sending.catch(() => {});
      },
    };
    const screener = new LineScreener(setup, { products: (skus) => ask("products", skus), suggestions: (titles) => ask("suggestions", titles) }, sink);
    const totals = await screenSource(screener, from.parts ?? onePerPart(from.lines), (lines) => send({ type: "orders", lines, bytes: from.bytesRead() }));
    await sending;
    send({ type: "done", totals, bytes: from.bytesRead(), sha256: from.sha256() });
  }

  open(spec, ask)
    .then((opened) => {
      source = opened;
      send({ type: "opened", source: opened.meta });
    })
    .catch(fail);
}

async function open(spec: WorkerSource, ask: <T>(what: "block", arg: unknown) => Promise<T>): Promise<{ meta: OpenedSource | null; lines: AsyncIterable<SourceLine>; parts?: AsyncIterable<Iterable<SourceLine>>; bytesRead: () => number; sha256: () => string | null }> {
  if (spec.kind === "stored") {
    const edits = new Map(spec.edits);
    const { blocks } = spec;
    async function* parts(): AsyncGenerator<Iterable<SourceLine>> {
      for (const blockNo of blocks) {
        const payload = await ask<Uint8Array | null>("block", blockNo);
        if (payload) yield blockLines(payload, edits);
      }
    }
    async function* lines(): AsyncGenerator<SourceLine> {
      for await (const part of parts()) yield* part;
    }
    return { meta: null, lines: lines(), parts: parts(), bytesRead: () => 0, sha256: () => null };
  }
  const source = await openManifestFile(spec.file, spec.fileName, spec.mapping);
  return { meta: { kind: source.kind, lane: source.lane, fields: source.fields, carries: source.carries, totalBytes: source.totalBytes }, lines: source.lines, parts: source.parts, bytesRead: source.bytesRead, sha256: source.sha256 };
}

/** Bytes whose buffer can be handed over whole (a view into a larger or shared buffer is copied first). */
function transferable(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
}
