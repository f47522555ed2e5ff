// One screening run (`/screenings/:id`): its summary, report downloads, re-run, the findings grid and the line drawer.
import "mantine-datatable/styles.css";
import { Alert, Anchor, Button, Group, Loader, Progress, Stack, Text, Tooltip } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { PageHeader } from "../admin/PageHeader.tsx";
import { fetchManifestFields, fetchScreeningRules, type ScreeningRun, screeningReportUrl } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { href, Link, navigate } from "../router.tsx";
import { LaneBadge, RunStatusBadge } from "../screening/Badges.tsx";
import { type FindingFilters, FindingsGrid } from "../screening/FindingsGrid.tsx";
import { isSeverity, laneName, runProgress } from "../screening/format.ts";
import { LineDrawer } from "../screening/LineDrawer.tsx";
import { RunSummary } from "../screening/RunSummary.tsx";
import { ScreeningTabs } from "../screening/ScreeningTabs.tsx";
import { type Rerun, usePolledRun, useRerun } from "../screening/useRun.ts";
import { useCan } from "../session.tsx";
import { useApi } from "../useApi.ts";

/** What the URL keeps: the grid's filters and page, and the line open in the drawer. */
type RunSearch = { filters: FindingFilters; page: number; line: number | null };

/** Page for `/screenings/:id`. */
export function ScreeningRunPage({ id, search }: { id: string; search: URLSearchParams }) {
  const i18n = useI18n();
  const { t } = i18n;
  const can = useCan();
  const { run, error, reload } = usePolledRun(id);
  const rules = useApi("screening-rules:all", (signal) => fetchScreeningRules(undefined, signal));
  const fields = useApi("screening-fields", fetchManifestFields);
  const rerun = useRerun();
  useDocumentTitle(`${run ? t("screening.run.title", { source: run.sourceName }) : t("screening.title")} · Clearway`);

  const state = readSearch(search);
  const go = (next: RunSearch, replace = false) => navigate(href(`/screenings/${encodeURIComponent(id)}`, toUrl(next)), { replace });
  const startRerun = () => rerun.start(id, (done) => navigate(`/screenings/${encodeURIComponent(done.id)}`));
  const canRun = can("screening.run");
  const ruleMap = new Map((rules.data?.rules ?? []).map((rule) => [rule.code, rule]));
  const fieldList = fields.data?.fields ?? [];
  const fieldMap = new Map(fieldList.map((field) => [field.key, field]));

  return (
    <Stack gap="md" data-testid="screening-run-page" data-run={id} data-status={run?.status ?? "loading"}>
      <ScreeningTabs pathname={`/screenings/${id}`} />
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {!run && !error && <Loader size="sm" />}
      {run && (
        <>
          <PageHeader
            title={t("screening.run.title", { source: run.sourceName })}
            intro={t("screening.run.intro", { lane: laneName(i18n, run.lane), pack: run.packId, date: run.date, by: run.createdBy ?? "—", at: i18n.formatDateTime(run.createdAt) })}
          >
            <RunStatusBadge status={run.status} />
            <LaneBadge lane={run.lane} />
            {run.status === "done" && (
              <>
                <Text size="sm" c="dimmed">
                  {t("screening.run.report")}
                </Text>
                <ReportButton id={run.id} format="json" />
                <ReportButton id={run.id} format="csv" />
                <ReportButton id={run.id} format="xlsx" />
              </>
            )}
            {canRun && run.status === "done" && (
              <Tooltip label={t("screening.run.rerunHint")} withArrow openDelay={300}>
                <Button onClick={startRerun} loading={rerun.busy} leftSection={<Icon name="refresh" size={15} />} data-testid="screening-rerun">
                  {t("screening.run.rerun")}
                </Button>
              </Tooltip>
            )}
          </PageHeader>
          <Group gap="xs">
            <Text size="xs" c="dimmed" className="cw-code" data-testid="screening-run-id">
              {run.id}
            </Text>
            {run.rerunOf && (
              <Anchor component={Link} to={`/screenings/${encodeURIComponent(run.rerunOf)}`} size="xs" data-testid="screening-run-rerun-of">
                {t("screening.run.rerunOf", { id: run.rerunOf })}
              </Anchor>
            )}
            {state.filters.orderNo && (
              <Anchor component={Link} to={href("/traceability", { type: "order", id: state.filters.orderNo })} size="xs" data-testid="screening-order-traceability">
                {t("trace.linkOrder", { order: state.filters.orderNo })}
              </Anchor>
            )}
          </Group>
          <RerunStatus rerun={rerun} />
          {run.status === "done" && run.edits > 0 && !rerun.busy && (
            <Alert color="grape" variant="light" data-testid="screening-rerun-note" data-edits={run.edits}>
              <Group justify="space-between" gap="sm">
                <Text size="sm">{run.edits === 1 ? t("screening.run.editsNoteOne") : t("screening.run.editsNote", { count: run.edits })}</Text>
                {canRun && (
                  <Button size="xs" variant="light" color="grape" onClick={startRerun} leftSection={<Icon name="refresh" size={14} />} data-testid="screening-rerun-note-button">
                    {t("screening.run.rerun")}
                  </Button>
                )}
              </Group>
            </Alert>
          )}
          {run.status === "running" && <RunningProgress run={run} />}
          {run.status === "failed" && (
            <Alert color="red" variant="light" data-testid="screening-run-failed">
              <Text size="sm">{t("screening.run.failed", { error: run.error ?? "—" })}</Text>
            </Alert>
          )}
          {run.status === "done" && run.summary && (
            <>
              <RunSummary summary={run.summary} rules={ruleMap} onCode={(code) => go({ ...state, filters: { ...state.filters, code }, page: 1 })} />
              <FindingsGrid
                runId={run.id}
                summary={run.summary}
                rules={ruleMap}
                fields={fieldMap}
                filters={state.filters}
                page={state.page}
                onFilters={(filters) => go({ ...state, filters, page: 1 })}
                onPage={(page) => go({ ...state, page })}
                onOpenLine={(line) => go({ ...state, line })}
              />
              <LineDrawer
                runId={run.id}
                lane={run.lane}
                line={state.line}
                fields={fieldList}
                runFields={run.fields}
                canEdit={canRun}
                onClose={() => go({ ...state, line: null }, true)}
                onSaved={reload}
                onRerun={() => {
                  // Close the drawer so the re-run's progress (or failure) shows on the page.
                  go({ ...state, line: null }, true);
                  startRerun();
                }}
                rerunBusy={rerun.busy}
                canRerun={run.status === "done"}
              />
            </>
          )}
        </>
      )}
    </Stack>
  );
}

/** A download link for the run's report (a plain GET: the session cookie goes with it). */
function ReportButton({ id, format }: { id: string; format: "json" | "csv" | "xlsx" }) {
  return (
    <Button
      component="a"
      href={screeningReportUrl(id, format)}
      download
      variant="default"
      size="xs"
      leftSection={<Icon name="download" size={14} />}
      data-testid={`screening-report-${format}`}
    >
      {format.toUpperCase()}
    </Button>
  );
}

/** The progress of a run still screening (the page polls it every second). */
function RunningProgress({ run }: { run: ScreeningRun }) {
  const i18n = useI18n();
  const progress = runProgress(i18n, run);
  return (
    <Stack gap={6} data-testid="screening-run-progress">
      <Group gap="xs">
        <Loader size={14} />
        <Text size="sm">{i18n.t("screening.run.running")}</Text>
        <Text size="sm" c="dimmed" data-testid="screening-run-progress-text">
          {progress.text}
        </Text>
      </Group>
      <Progress value={progress.percent ?? 100} animated={progress.percent === null} striped={progress.percent === null} size="sm" />
    </Stack>
  );
}

/** A re-run in progress (with the new run's progress), or why it failed. */
function RerunStatus({ rerun }: { rerun: Rerun }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (rerun.error) return <ErrorAlert error={rerun.error} />;
  if (!rerun.run) return rerun.busy ? <Loader size="sm" /> : null;
  const link = (
    <Anchor component={Link} to={`/screenings/${encodeURIComponent(rerun.run.id)}`} size="sm" className="cw-code">
      {rerun.run.id}
    </Anchor>
  );
  if (rerun.run.status === "failed") {
    return (
      <Alert color="red" variant="light" data-testid="screening-rerun-failed" data-run={rerun.run.id}>
        <Stack gap={4}>
          <Text size="sm">{t("screening.run.rerunFailed", { error: rerun.run.error ?? "—" })}</Text>
          <Group gap={6}>
            <Text size="sm">{t("screening.run.openRun")}:</Text>
            {link}
          </Group>
        </Stack>
      </Alert>
    );
  }
  if (!rerun.busy) return null;
  const progress = runProgress(i18n, rerun.run);
  return (
    <Stack gap={6} data-testid="screening-rerun-progress" data-run={rerun.run.id}>
      <Group gap="xs">
        <Loader size={14} />
        <Text size="sm">{t("screening.run.rerunning")}</Text>
        <Text size="sm" c="dimmed">
          {progress.text}
        </Text>
        {link}
      </Group>
      <Progress value={progress.percent ?? 100} animated={progress.percent === null} striped={progress.percent === null} size="sm" />
    </Stack>
  );
}

/** The filters, page and open line from the URL's query string. */
function readSearch(search: URLSearchParams): RunSearch {
  const severity = search.get("severity");
  const line = Number(search.get("line"));
  return {
    filters: { code: search.get("code") ?? "", severity: isSeverity(severity) ? severity : "", orderNo: search.get("orderNo") ?? "" },
    page: Math.max(1, Number(search.get("page")) || 1),
    line: Number.isInteger(line) && line > 0 ? line : null,
  };
}

/** The query string for filters, page and line. */
function toUrl(state: RunSearch): Record<string, string | null> {
  return {
    severity: state.filters.severity || null,
    code: state.filters.code || null,
    orderNo: state.filters.orderNo || null,
    page: state.page > 1 ? String(state.page) : null,
    line: state.line === null ? null : String(state.line),
  };
}
