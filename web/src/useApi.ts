// Loads API data into component state, cancelling stale requests when the request changes.
import { useEffect, useRef, useState } from "react";
import { ApiError } from "./api.ts";

/** The state of one API request. */
export type ApiState<T> = { data: T | null; error: ApiError | null; loading: boolean };

/**
 * Runs `load` whenever `key` changes (nothing while `key` is null) and tracks its result.
 * `key` names the request (e.g. its URL), so callers need not memoise `load`.
 */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): ApiState<T> {
  const [state, setState] = useState<ApiState<T>>({ data: null, error: null, loading: key !== null });
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const controller = new AbortController();
    // Keep the previous data while loading so the page does not jump; views dim it instead.
    setState((previous) => ({ data: previous.data, error: null, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(0, "CLIENT", error instanceof Error ? error.message : String(error));
        setState({ data: null, error: apiError, loading: false });
      },
    );
    return () => controller.abort();
  }, [key]);

  return state;
}
