// Full-process traceability (`/traceability?type=order&id=SO-1`): everything logged for a subject, with its proofs.
import { Loader, Paper, Stack, Text } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { PageHeader } from "../admin/PageHeader.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { SubjectForm } from "../evidence/SubjectForm.tsx";
import { TimelineView } from "../evidence/TimelineView.tsx";
import { useTimeline } from "../evidence/useTimeline.ts";
import { useI18n } from "../i18n.ts";
import { href, navigate } from "../router.tsx";
import { useMe } from "../session.tsx";

/** Page for `/traceability`; the subject lives in the URL (`type`, `id`). */
export function TraceabilityPage({ search }: { search: URLSearchParams }) {
  const { t } = useI18n();
  const me = useMe();
  useDocumentTitle(`${t("trace.title")} · Clearway`);
  const type = search.get("type") ?? "order";
  const id = (search.get("id") ?? "").trim();
  const subject = id ? { type, id } : null;
  const [reloads, setReloads] = useState(0);
  const { data, error, loading } = useTimeline(subject, reloads);
  const reload = () => setReloads((count) => count + 1);

  return (
    <Stack gap="md" data-testid="traceability-page">
      <PageHeader title={t("trace.title")} intro={t("trace.intro", { tenant: me.tenant.name })} />
      <Paper withBorder p="sm">
        <SubjectForm value={{ type, id }} onShow={(next) => navigate(href("/traceability", { type: next.type, id: next.id }))} />
      </Paper>
      {!subject && (
        <Text size="sm" c="dimmed" data-testid="trace-pick">
          {t("trace.pick")}
        </Text>
      )}
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {subject && !data && !error && <Loader size="sm" />}
      {data && <TimelineView timeline={data} stale={loading} onRefresh={reload} />}
    </Stack>
  );
}
