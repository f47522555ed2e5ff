// The tenant's audit trail (`/admin/audit`): filters in the URL, newest first, "load more", CSV/JSONL export.
import { Button, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { type AuditSearch, AuditFilterBar } from "../admin/AuditFilterBar.tsx";
import { AuditTable } from "../admin/AuditTable.tsx";
import { PageHeader } from "../admin/PageHeader.tsx";
import { RequirePermission } from "../admin/RequirePermission.tsx";
import { useAuditTrail } from "../admin/useAuditTrail.ts";
import { type AuditFilters, auditExportUrl } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { href, navigate } from "../router.tsx";
import { useMe } from "../session.tsx";

const PAGE_SIZE = 50;

/** Page for `/admin/audit`. */
export function AuditPage({ search }: { search: URLSearchParams }) {
  const { t } = useI18n();
  useDocumentTitle(`${t("audit.title")} · Clearway`);
  return (
    <RequirePermission permission="audit.read" title={t("audit.title")}>
      <AuditTrail search={readSearch(search)} />
    </RequirePermission>
  );
}

/** Filters, export buttons, the table and "load more". */
function AuditTrail({ search }: { search: AuditSearch }) {
  const { t, formatNumber } = useI18n();
  const me = useMe();
  const filters = toApiFilters(search);
  const trail = useAuditTrail(filters, PAGE_SIZE);

  return (
    <Stack gap="md" data-testid="audit-page">
      <PageHeader title={t("audit.title")} intro={t("audit.intro", { tenant: me.tenant.name })}>
        <Text size="sm" c="dimmed">
          {t("audit.export")}
        </Text>
        <ExportButton filters={filters} format="csv" label={t("audit.exportCsv")} />
        <ExportButton filters={filters} format="jsonl" label={t("audit.exportJsonl")} />
      </PageHeader>
      <Paper withBorder p="sm">
        <AuditFilterBar value={search} onApply={(next) => navigate(href("/admin/audit", next))} />
      </Paper>
      {trail.error && <ErrorAlert error={trail.error} onRetry={trail.retry} />}
      {trail.events.length > 0 && (
        <Paper withBorder>
          <AuditTable events={trail.events} />
        </Paper>
      )}
      {!trail.loading && !trail.error && trail.events.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="audit-empty">
          {t("audit.empty")}
        </Text>
      )}
      <Group justify="space-between" gap="sm">
        <Text size="xs" c="dimmed">
          {trail.events.length > 0 && t("audit.shown", { count: formatNumber(trail.events.length) })}
          {trail.events.length > 0 && !trail.hasMore && !trail.loading && ` · ${t("audit.end")}`}
        </Text>
        {trail.loading ? (
          <Loader size="sm" />
        ) : (
          trail.hasMore && (
            <Button variant="default" onClick={trail.loadMore} data-testid="audit-load-more">
              {t("audit.loadMore")}
            </Button>
          )
        )}
      </Group>
    </Stack>
  );
}

/** A download link for the filtered trail (a plain GET: the session cookie goes with it). */
function ExportButton({ filters, format, label }: { filters: AuditFilters; format: "csv" | "jsonl"; label: string }) {
  return (
    <Button
      component="a"
      href={auditExportUrl(filters, format)}
      download
      variant="default"
      size="xs"
      leftSection={<Icon name="download" size={14} />}
      data-testid={`audit-export-${format}`}
    >
      {label}
    </Button>
  );
}

/** The filters from the URL's query string. */
function readSearch(search: URLSearchParams): AuditSearch {
  const get = (name: string) => search.get(name) ?? "";
  return { action: get("action"), targetType: get("targetType"), targetId: get("targetId"), from: get("from"), to: get("to") };
}

/** What the API takes: empty fields left out, local days turned into instants (`to` includes its whole day). */
function toApiFilters(search: AuditSearch): AuditFilters {
  return {
    action: search.action || undefined,
    targetType: search.targetType || undefined,
    targetId: search.targetId || undefined,
    from: localDayStart(search.from, 0),
    to: localDayStart(search.to, 1),
  };
}

/** Midnight in the user's time zone at the start of a YYYY-MM-DD day (plus some days), as an ISO instant. */
function localDayStart(day: string, plusDays: number): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).toISOString();
}
