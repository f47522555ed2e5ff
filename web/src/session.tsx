// Who is signed in: the `Me` from /api/auth/me, kept in a context, with sign-in redirects and role checks.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { can as roleCan, type Permission } from "../../src/tenancy/permissions.ts";
import { ApiError, fetchMe, type Me, onAuthRequired, setCsrfToken } from "./api.ts";
import { href, navigate } from "./router.tsx";

/** Path of the sign-in page. */
export const SIGN_IN_PATH = "/sign-in";

/** The session as the console knows it: still loading, failed to load, or loaded (me is null when signed out). */
export type SessionState = { status: "loading" } | { status: "error"; error: ApiError } | { status: "ready"; me: Me | null };

type SessionValue = {
  state: SessionState;
  /** Remembers who signed in (or switched tenant), or forgets them on sign-out. */
  setMe: (me: Me | null) => void;
  /** Asks the server again (after a network failure). */
  reload: () => void;
};

const SessionContext = createContext<SessionValue | null>(null);

/** `/sign-in?next=<where the user was>`. */
export function signInHref(next: string): string {
  return href(SIGN_IN_PATH, { next: next.startsWith(SIGN_IN_PATH) ? null : next });
}

/** Where to go after sign-in: only in-app paths, so `?next=` cannot send the user to another site. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith(SIGN_IN_PATH)) return "/tariff";
  return next;
}

/** Loads the session at start and sends the user to sign-in whenever the server says AUTH_REQUIRED. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [loads, setLoads] = useState(0);
  // Bumped on every explicit sign-in/out so a slower start-up /api/auth/me cannot overwrite it.
  const version = useRef(0);

  const setMe = useCallback((me: Me | null) => {
    version.current += 1;
    // Set synchronously, not in an effect, so no request can go out with a stale token.
    setCsrfToken(me?.csrfToken ?? null);
    setState({ status: "ready", me });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `loads` is the trigger: reload() bumps it to ask again.
  useEffect(() => {
    const started = version.current;
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      (me) => {
        if (version.current !== started) return;
        setCsrfToken(me.csrfToken);
        setState({ status: "ready", me });
      },
      (error: unknown) => {
        if (controller.signal.aborted || version.current !== started) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: "ready", me: null });
        else setState({ status: "error", error: error instanceof ApiError ? error : new ApiError(0, "CLIENT", String(error)) });
      },
    );
    return () => controller.abort();
  }, [loads]);

  useEffect(
    () =>
      onAuthRequired(() => {
        setCsrfToken(null);
        setState({ status: "ready", me: null });
        const here = window.location.pathname + window.location.search;
        if (!window.location.pathname.startsWith(SIGN_IN_PATH)) navigate(signInHref(here), { replace: true });
      }),
    [],
  );

  const value = useMemo(() => ({ state, setMe, reload: () => setLoads((count) => count + 1) }), [state, setMe]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session context; throws outside SessionProvider. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside <SessionProvider>");
  return value;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== "ready" || !state.me) throw new Error("useMe needs a signed-in session");
  return state.me;
}

/** Whether the signed-in role holds a permission (the server's own table; the server still enforces it). */
export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  return (permission) => roleCan(me.principal.role, permission);
}
