// Routes the console's pages: the sign-in page on its own, everything else inside the application shell.
import { Box, Center, Loader } from "@mantine/core";
import { useEffect } from "react";
import type { ApiError } from "./api.ts";
import { ErrorAlert } from "./components/ErrorAlert.tsx";
import { useI18n } from "./i18n.ts";
import { ApiKeysPage } from "./pages/ApiKeysPage.tsx";
import { AuditPage } from "./pages/AuditPage.tsx";
import { CatalogImportPage } from "./pages/CatalogImportPage.tsx";
import { CatalogPage } from "./pages/CatalogPage.tsx";
import { CertificatesPage } from "./pages/CertificatesPage.tsx";
import { ClassifyPage } from "./pages/ClassifyPage.tsx";
import { EvidencePage } from "./pages/EvidencePage.tsx";
import { MembersPage } from "./pages/MembersPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { ProductPage } from "./pages/ProductPage.tsx";
import { ReviewQueuePage } from "./pages/ReviewQueuePage.tsx";
import { ScreeningRulesPage } from "./pages/ScreeningRulesPage.tsx";
import { ScreeningRunPage } from "./pages/ScreeningRunPage.tsx";
import { ScreeningsPage } from "./pages/ScreeningsPage.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { StatusPage } from "./pages/StatusPage.tsx";
import { SuppliersPage } from "./pages/SuppliersPage.tsx";
import { TariffPage } from "./pages/TariffPage.tsx";
import { TraceabilityPage } from "./pages/TraceabilityPage.tsx";
import { matchPath, navigate, useLocation } from "./router.tsx";
import { SIGN_IN_PATH, safeNext, signInHref, useSession } from "./session.tsx";
import { Shell } from "./Shell.tsx";

/** The whole console: sign-in, or the shell plus the page for the current URL. */
export function App() {
  const { pathname, search } = useLocation();
  const { state, reload } = useSession();
  const me = state.status === "ready" ? state.me : null;
  const onSignIn = pathname === SIGN_IN_PATH;

  useEffect(() => {
    if (state.status !== "ready") return;
    if (onSignIn && me) navigate(safeNext(search.get("next")), { replace: true });
    else if (!onSignIn && !me) navigate(signInHref(window.location.pathname + window.location.search), { replace: true });
    else if (pathname === "/" || pathname === "") navigate("/tariff", { replace: true });
  }, [state.status, me, onSignIn, pathname, search]);

  if (onSignIn) return me ? null : <SignInPage next={search.get("next")} />;
  if (state.status === "loading") return <Starting />;
  if (state.status === "error") return <StartFailed onRetry={reload} error={state.error} />;
  if (!me) return null;
  // Keyed by tenant so that switching tenant reloads the page's data.
  return (
    <Shell pathname={pathname}>
      <div key={me.tenant.id}>{routePage(pathname, search)}</div>
    </Shell>
  );
}

function routePage(pathname: string, search: URLSearchParams) {
  if (pathname === "/" || pathname === "") return null;
  if (matchPath("/status", pathname)) return <StatusPage />;
  if (matchPath("/tariff", pathname)) return <TariffPage code={null} search={search} />;
  const tariffLine = matchPath("/tariff/:code", pathname);
  if (tariffLine) return <TariffPage code={tariffLine.code ?? null} search={search} />;
  if (matchPath("/catalog", pathname)) return <CatalogPage search={search} />;
  if (matchPath("/catalog/import", pathname)) return <CatalogImportPage />;
  if (matchPath("/catalog/certificates", pathname)) return <CertificatesPage />;
  if (matchPath("/catalog/suppliers", pathname)) return <SuppliersPage />;
  const product = matchPath("/catalog/products/:id", pathname);
  if (product?.id) return <ProductPage key={product.id} id={product.id} />;
  if (matchPath("/classify", pathname)) return <ClassifyPage />;
  if (matchPath("/classify/queue", pathname)) return <ReviewQueuePage search={search} />;
  if (matchPath("/screenings", pathname)) return <ScreeningsPage search={search} />;
  if (matchPath("/screenings/rules", pathname)) return <ScreeningRulesPage search={search} />;
  const screening = matchPath("/screenings/:id", pathname);
  if (screening?.id) return <ScreeningRunPage key={screening.id} id={screening.id} search={search} />;
  if (matchPath("/evidence", pathname)) return <EvidencePage search={search} />;
  if (matchPath("/traceability", pathname)) return <TraceabilityPage search={search} />;
  if (matchPath("/admin/members", pathname)) return <MembersPage />;
  if (matchPath("/admin/api-keys", pathname)) return <ApiKeysPage />;
  if (matchPath("/admin/audit", pathname)) return <AuditPage search={search} />;
  return <NotFoundPage pathname={pathname} />;
}

/** Shown while the console asks who is signed in. */
function Starting() {
  const { t } = useI18n();
  return (
    <Center h="100vh" aria-label={t("common.loading")}>
      <Loader size="sm" />
    </Center>
  );
}

/** The server could not be asked who is signed in (it is down, or answered an error). */
function StartFailed({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <Center h="100vh" p="md">
      <Box maw={480}>
        <ErrorAlert error={error} onRetry={onRetry} />
      </Box>
    </Center>
  );
}
