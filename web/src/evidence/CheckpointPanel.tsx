// The evidence log's newest signed checkpoint, and the public keys that sign its checkpoints.
import { Badge, Button, Code, Group, Loader, Stack, Text } from "@mantine/core";
import { fetchCheckpoint, fetchLedgerKeys } from "../api.ts";
import { Fact, Panel } from "../catalog/Facts.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { CopyableCode } from "../components/SecretReveal.tsx";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { useApi } from "../useApi.ts";

/** Origin, size, root and time of the newest checkpoint, with the signed note; `reloadKey` changes ask again. */
export function CheckpointPanel({ reloadKey, onRefresh }: { reloadKey: number; onRefresh: () => void }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const { data, error, loading } = useApi(`ledger-checkpoint#${reloadKey}`, fetchCheckpoint);
  return (
    <Panel
      title={t("evidence.checkpoint.title")}
      testId="evidence-checkpoint"
      actions={
        <Button size="compact-sm" variant="default" onClick={onRefresh} loading={loading} leftSection={<Icon name="refresh" size={13} />} data-testid="evidence-checkpoint-refresh">
          {t("evidence.checkpoint.refresh")}
        </Button>
      }
    >
      {error && <ErrorAlert error={error} onRetry={onRefresh} />}
      {!data && !error && <Loader size="sm" />}
      {data && (
        <Stack gap="sm" className={loading ? "cw-stale" : undefined} data-size={data.size} data-testid="evidence-checkpoint-body">
          <dl className="cw-facts">
            <Fact label={t("evidence.checkpoint.origin")}>
              <span className="cw-code cw-break">{data.origin}</span>
            </Fact>
            <Fact label={t("evidence.checkpoint.size")}>
              <span className="cw-num" data-testid="evidence-checkpoint-size">
                {formatNumber(data.size)}
              </span>
            </Fact>
            <Fact label={t("evidence.checkpoint.root")}>
              <span className="cw-code cw-break" data-testid="evidence-checkpoint-root">
                {data.root}
              </span>
            </Fact>
            <Fact label={t("evidence.checkpoint.time")}>{formatDateTime(data.createdAt)}</Fact>
          </dl>
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t("evidence.checkpoint.note")}
            </Text>
            <Code block className="cw-json" data-testid="evidence-checkpoint-note">
              {data.note}
            </Code>
          </Stack>
          <Text size="xs" c="dimmed">
            {t("evidence.checkpoint.hint")}
          </Text>
        </Stack>
      )}
    </Panel>
  );
}

/** Every key that signs (or signed) the log, the current one marked, each with its verifier string to pin. */
export function KeysPanel() {
  const { t, formatDateTime } = useI18n();
  const { data, error } = useApi("ledger-keys", fetchLedgerKeys);
  return (
    <Panel title={t("evidence.keys.title")} testId="evidence-keys">
      {error && <ErrorAlert error={error} />}
      {!data && !error && <Loader size="sm" />}
      {data && (
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {t("evidence.keys.hint")}
          </Text>
          {[...data.keys].reverse().map((key) => (
            <Stack key={`${key.name}/${key.keyId}`} gap={4} data-testid="evidence-key" data-key-id={key.keyId} data-current={String(key.keyId === data.current && !key.retiredAt)}>
              <Group gap="xs">
                <Text size="sm" className="cw-code">
                  {key.keyId}
                </Text>
                {key.keyId === data.current && !key.retiredAt && (
                  <Badge size="xs" color="green" variant="light">
                    {t("evidence.keys.current")}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {key.retiredAt ? t("evidence.keys.retired", { time: formatDateTime(key.retiredAt) }) : t("evidence.keys.created", { time: formatDateTime(key.createdAt) })}
                </Text>
              </Group>
              <CopyableCode value={key.vkey} testId={key.keyId === data.current ? "evidence-key-vkey" : undefined} codeClassName="cw-break cw-grow" />
            </Stack>
          ))}
        </Stack>
      )}
    </Panel>
  );
}
