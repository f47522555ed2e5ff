// Manifest screening (`/screenings`): upload a manifest for a lane, and the tenant's runs, newest first.
import { Alert, Group, Pagination, Paper, Stack, Text } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { PageHeader } from "../admin/PageHeader.tsx";
import { fetchScreenings } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { href, navigate } from "../router.tsx";
import { RunsTable } from "../screening/RunsTable.tsx";
import { ScreeningTabs } from "../screening/ScreeningTabs.tsx";
import { UploadPanel } from "../screening/UploadPanel.tsx";
import { useCan, useMe } from "../session.tsx";
import { useApi } from "../useApi.ts";

const PAGE_SIZE = 20;
/** While a run on the page is still screening, the list is asked again this often. */
const REFRESH_MS = 2000;

/** Page for `/screenings`. */
export function ScreeningsPage({ search }: { search: URLSearchParams }) {
  const { t, formatNumber } = useI18n();
  const me = useMe();
  const can = useCan();
  useDocumentTitle(`${t("screening.title")} · Clearway`);
  const page = Math.max(1, Number(search.get("page")) || 1);
  const [tick, setTick] = useState(0);
  const { data, error, loading } = useApi(`screenings?${page}#${tick}`, (signal) => fetchScreenings(PAGE_SIZE, (page - 1) * PAGE_SIZE, signal));
  const running = data?.runs.some((run) => run.status === "running") ?? false;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  // Runs still screening (background uploads, re-runs) change by the second: ask again until none is running.
  useEffect(() => {
    if (!running || loading) return;
    const timer = setTimeout(() => setTick((count) => count + 1), REFRESH_MS);
    return () => clearTimeout(timer);
  }, [running, loading]);

  return (
    <Stack gap="md" data-testid="screenings-page">
      <ScreeningTabs pathname="/screenings" />
      <PageHeader title={t("screening.title")} intro={t("screening.intro", { tenant: me.tenant.name })} />
      {can("screening.run") ? (
        <UploadPanel onDone={(run) => navigate(`/screenings/${encodeURIComponent(run.id)}`)} />
      ) : (
        <Alert color="gray" variant="light" data-testid="screening-upload-forbidden">
          <Text size="sm">{t("screening.upload.readOnly")}</Text>
        </Alert>
      )}
      {error && <ErrorAlert error={error} onRetry={() => setTick((count) => count + 1)} />}
      {data && data.runs.length > 0 && (
        <Paper withBorder>
          <RunsTable runs={data.runs} />
        </Paper>
      )}
      {data && data.total === 0 && (
        <Text size="sm" c="dimmed" data-testid="screening-runs-empty">
          {t("screening.runs.empty")}
        </Text>
      )}
      {data && data.total > 0 && (
        <Group justify="space-between" gap="sm">
          <Text size="xs" c="dimmed" data-testid="screening-runs-total" data-total={data.total}>
            {t("screening.runs.shown", {
              from: formatNumber((page - 1) * PAGE_SIZE + 1),
              to: formatNumber((page - 1) * PAGE_SIZE + data.runs.length),
              total: formatNumber(data.total),
            })}
          </Text>
          {pages > 1 && (
            <Pagination
              size="sm"
              total={pages}
              value={page}
              onChange={(next) => navigate(href("/screenings", { page: next > 1 ? String(next) : null }))}
              data-testid="screening-runs-pages"
            />
          )}
        </Group>
      )}
    </Stack>
  );
}
