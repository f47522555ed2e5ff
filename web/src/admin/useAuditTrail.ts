// Loads the audit trail page by page ("load more"), starting over when the filters change.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, type AuditEvent, type AuditFilters, fetchAudit } from "../api.ts";

/** The events loaded so far, whether older ones remain, and the state of the last request. */
export type AuditTrail = {
  events: AuditEvent[];
  hasMore: boolean;
  loading: boolean;
  error: ApiError | null;
  loadMore: () => void;
  retry: () => void;
};

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(0, "CLIENT", error instanceof Error ? error.message : String(error));

/** The audit trail for the filters, `pageSize` events at a time, newest first. */
export function useAuditTrail(filters: AuditFilters, pageSize: number): AuditTrail {
  const key = JSON.stringify(filters);
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [restarts, setRestarts] = useState(0);
  // The request in flight, so that a page for old filters never lands in the list for new ones.
  const current = useRef<AbortController | null>(null);

  const load = useCallback(
    (before: number | undefined) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setLoading(true);
      setError(null);
      fetchAudit(JSON.parse(key) as AuditFilters, pageSize, before, controller.signal).then(
        ({ events: page }) => {
          if (controller.signal.aborted) return;
          setEvents((previous) => (before === undefined ? page : [...previous, ...page]));
          setHasMore(page.length === pageSize);
          setLoading(false);
        },
        (caught: unknown) => {
          if (controller.signal.aborted) return;
          setError(asApiError(caught));
          setLoading(false);
        },
      );
    },
    [key, pageSize],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `restarts` is the trigger: retry() bumps it to start over.
  useEffect(() => {
    setEvents([]);
    setHasMore(false);
    load(undefined);
    return () => current.current?.abort();
  }, [load, restarts]);

  const lastId = events.at(-1)?.id;
  return {
    events,
    hasMore,
    loading,
    error,
    loadMore: () => load(lastId),
    retry: () => (events.length ? load(lastId) : setRestarts((count) => count + 1)),
  };
}
