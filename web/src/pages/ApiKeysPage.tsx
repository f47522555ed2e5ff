// The tenant's API keys (`/admin/api-keys`): create (secret shown once), last use, revoke.
import { Badge, Button, Paper, Stack, Table, Text } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { CreateApiKeyDialog } from "../admin/CreateApiKeyDialog.tsx";
import { PageHeader } from "../admin/PageHeader.tsx";
import { RequirePermission } from "../admin/RequirePermission.tsx";
import { type ApiKey, fetchApiKeys, revokeApiKey } from "../api.ts";
import { ConfirmDialog } from "../components/ConfirmDialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { RoleBadge } from "../components/Roles.tsx";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { useMe } from "../session.tsx";
import { useApi } from "../useApi.ts";

/** Page for `/admin/api-keys`. */
export function ApiKeysPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t("apikeys.title")} · Clearway`);
  return (
    <RequirePermission permission="apikeys.manage" title={t("apikeys.title")}>
      <ApiKeys />
    </RequirePermission>
  );
}

/** The key list with its dialogs. */
function ApiKeys() {
  const { t } = useI18n();
  const me = useMe();
  const [reloads, setReloads] = useState(0);
  const { data, error, loading } = useApi(`api-keys/${reloads}`, fetchApiKeys);
  const reload = () => setReloads((count) => count + 1);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  return (
    <Stack gap="md" data-testid="apikeys-page">
      <PageHeader title={t("apikeys.title")} intro={t("apikeys.intro", { tenant: me.tenant.name })}>
        <Button leftSection={<Icon name="plus" size={15} />} onClick={() => setCreating(true)} data-testid="apikey-create">
          {t("apikeys.create")}
        </Button>
      </PageHeader>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {data && (
        <Paper withBorder className={loading ? "cw-stale" : undefined}>
          {data.apiKeys.length === 0 ? (
            <Text size="sm" c="dimmed" p="md" data-testid="apikeys-empty">
              {t("apikeys.empty")}
            </Text>
          ) : (
            <ApiKeysTable apiKeys={data.apiKeys} onRevoke={setRevoking} />
          )}
        </Paper>
      )}
      <CreateApiKeyDialog opened={creating} onClose={() => setCreating(false)} onCreated={reload} />
      <ConfirmDialog
        opened={revoking !== null}
        title={t("apikeys.revokeTitle")}
        confirmLabel={t("apikeys.revoke")}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          await revokeApiKey(revoking.id);
          reload();
        }}
        testId="apikey-revoke-dialog"
      >
        {revoking && t("apikeys.revokeConfirm", { name: revoking.name })}
      </ConfirmDialog>
    </Stack>
  );
}

/** One row per key: name, role, who created it and when, last use, active or revoked. */
function ApiKeysTable({ apiKeys, onRevoke }: { apiKeys: ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Table.ScrollContainer minWidth={860} type="native">
      <Table verticalSpacing={8} fz="sm" highlightOnHover data-testid="apikeys-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("apikeys.col.name")}</Table.Th>
            <Table.Th>{t("apikeys.col.role")}</Table.Th>
            <Table.Th>{t("apikeys.col.createdBy")}</Table.Th>
            <Table.Th>{t("apikeys.col.createdAt")}</Table.Th>
            <Table.Th>{t("apikeys.col.lastUsed")}</Table.Th>
            <Table.Th>{t("apikeys.col.status")}</Table.Th>
            <Table.Th w={90} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {apiKeys.map((key) => (
            <Table.Tr
              key={key.id}
              data-testid="apikey-row"
              data-name={key.name}
              data-revoked={key.revokedAt ? "true" : "false"}
              className={key.revokedAt ? "cw-revoked" : undefined}
            >
              <Table.Td>
                <Text size="sm" fw={500}>
                  {key.name}
                </Text>
                <Text size="xs" c="dimmed" className="cw-code">
                  {key.id}
                </Text>
              </Table.Td>
              <Table.Td>
                <RoleBadge role={key.role} />
              </Table.Td>
              <Table.Td>{key.createdBy ?? "—"}</Table.Td>
              <Table.Td className="cw-nowrap">{formatDateTime(key.createdAt)}</Table.Td>
              <Table.Td className="cw-nowrap" data-testid="apikey-last-used">
                {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : <Text span size="sm" c="dimmed">{t("common.never")}</Text>}
              </Table.Td>
              <Table.Td>
                {key.revokedAt ? (
                  <>
                    <Badge variant="light" color="gray" data-testid="apikey-status">
                      {t("apikeys.revoked")}
                    </Badge>
                    <Text size="xs" c="dimmed" className="cw-nowrap">
                      {formatDateTime(key.revokedAt)}
                    </Text>
                  </>
                ) : (
                  <Badge variant="light" color="green" data-testid="apikey-status">
                    {t("apikeys.active")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {!key.revokedAt && (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => onRevoke(key)} data-testid="apikey-revoke">
                    {t("apikeys.revoke")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
