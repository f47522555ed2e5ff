// Routes the console's pages inside the application shell.
import { useEffect } from "react";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { StatusPage } from "./pages/StatusPage.tsx";
import { TariffPage } from "./pages/TariffPage.tsx";
import { matchPath, navigate, useLocation } from "./router.tsx";
import { Shell } from "./Shell.tsx";

/** The whole console: shell plus the page for the current URL. */
export function App() {
  const { pathname, search } = useLocation();

  useEffect(() => {
    if (pathname === "/" || pathname === "") navigate("/tariff", { replace: true });
  }, [pathname]);

  return <Shell pathname={pathname}>{routePage(pathname, search)}</Shell>;
}

function routePage(pathname: string, search: URLSearchParams) {
  if (pathname === "/" || pathname === "") return null;
  if (matchPath("/status", pathname)) return <StatusPage />;
  if (matchPath("/tariff", pathname)) return <TariffPage code={null} search={search} />;
  const tariffLine = matchPath("/tariff/:code", pathname);
  if (tariffLine) return <TariffPage code={tariffLine.code ?? null} search={search} />;
  return <NotFoundPage pathname={pathname} />;
}
