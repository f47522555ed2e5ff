// Following a screening run: poll it every second while it is running, and start re-runs that are followed the same way.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, fetchScreening, rerunScreening, type ScreeningRun } from "../api.ts";

/** How often a running screening is asked for its progress. */
export const POLL_MS = 1000;

/** Any failure as an ApiError. */
export const asApiError = (caught: unknown): ApiError =>
  caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", caught instanceof Error ? caught.message : String(caught));

/** Resolves after `ms`, or rejects when the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** Asks for a run every second until it is no longer running; reports each answer, and answers the finished (or failed) run. */
export async function waitForRun(id: string, onUpdate: (run: ScreeningRun) => void, signal: AbortSignal): Promise<ScreeningRun> {
  for (;;) {
    const { run } = await fetchScreening(id, signal);
    if (signal.aborted) throw signal.reason;
    onUpdate(run);
    if (run.status !== "running") return run;
    await sleep(POLL_MS, signal);
  }
}

/** The state of a followed run. */
export type PolledRun = { run: ScreeningRun | null; error: ApiError | null; reload: () => void };

/** Loads a run and, while it is running, polls it every second; `reload` asks again (after an edit, or to retry). */
export function usePolledRun(id: string): PolledRun {
  const [state, setState] = useState<{ run: ScreeningRun | null; error: ApiError | null }>({ run: null, error: null });
  const [version, setVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the trigger: reload() bumps it to ask again.
  useEffect(() => {
    const controller = new AbortController();
    waitForRun(id, (run) => setState({ run, error: null }), controller.signal).catch((caught: unknown) => {
      if (!controller.signal.aborted) setState((previous) => ({ run: previous.run, error: asApiError(caught) }));
    });
    return () => controller.abort();
  }, [id, version]);

  const reload = useCallback(() => setVersion((count) => count + 1), []);
  return { ...state, reload };
}

/** A re-run being started and followed: the new run while it screens, and why it failed if it did. */
export type Rerun = {
  busy: boolean;
  /** The new run, as last polled. */
  run: ScreeningRun | null;
  error: ApiError | null;
  start: (id: string, onDone: (run: ScreeningRun) => void) => void;
};

/** Starts a re-run, polls it every second, and calls onDone with it once it has finished; a failed re-run stays as `run` with its error. */
export function useRerun(): Rerun {
  const [busy, setBusy] = useState(false);
  const [run, setRun] = useState<ScreeningRun | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback((id: string, onDone: (run: ScreeningRun) => void) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    setRun(null);
    setError(null);
    (async () => {
      const started = await rerunScreening(id);
      setRun(started.run);
      const finished = await waitForRun(started.run.id, setRun, controller.signal);
      if (controller.signal.aborted) return;
      setBusy(false);
      if (finished.status === "done") onDone(finished);
    })().catch((caught: unknown) => {
      if (controller.signal.aborted) return;
      setBusy(false);
      setError(asApiError(caught));
    });
  }, []);

  return { busy, run, error, start };
}
