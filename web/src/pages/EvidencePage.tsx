// The evidence archive (`/evidence`): archive a document, the archived documents, the signed checkpoint, look-up, keys.
import { Alert, Grid, Stack, Text } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { PageHeader } from "../admin/PageHeader.tsx";
import { ArchivePanel } from "../evidence/ArchivePanel.tsx";
import { CheckpointPanel, KeysPanel } from "../evidence/CheckpointPanel.tsx";
import { DocumentsPanel } from "../evidence/DocumentsPanel.tsx";
import { LookupPanel } from "../evidence/LookupPanel.tsx";
import { useI18n } from "../i18n.ts";
import { href, navigate } from "../router.tsx";
import { useCan, useMe } from "../session.tsx";

/** Page for `/evidence`; the list's type filter and page live in the URL. */
export function EvidencePage({ search }: { search: URLSearchParams }) {
  const { t } = useI18n();
  const me = useMe();
  const can = useCan();
  useDocumentTitle(`${t("evidence.title")} · Clearway`);
  // Bumped after an upload or a bundle export (which may sign a checkpoint), so the list and the checkpoint ask again.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((count) => count + 1);
  const type = search.get("type") ?? "";
  const page = Math.max(1, Number(search.get("page")) || 1);
  const go = (next: { type: string; page: number }) => navigate(href("/evidence", { type: next.type || null, page: next.page > 1 ? String(next.page) : null }));

  return (
    <Stack gap="md" data-testid="evidence-page">
      <PageHeader title={t("evidence.title")} intro={t("evidence.intro", { tenant: me.tenant.name })} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            {can("evidence.write") ? (
              <ArchivePanel onChanged={changed} />
            ) : (
              <Alert color="gray" variant="light" data-testid="evidence-upload-forbidden">
                <Text size="sm">{t("evidence.upload.readOnly")}</Text>
              </Alert>
            )}
            <LookupPanel onBundle={changed} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <CheckpointPanel reloadKey={changes} onRefresh={changed} />
            <KeysPanel />
          </Stack>
        </Grid.Col>
      </Grid>
      <DocumentsPanel type={type} page={page} reloadKey={changes} onType={(next) => go({ type: next, page: 1 })} onPage={(next) => go({ type, page: next })} onBundle={changed} />
    </Stack>
  );
}
