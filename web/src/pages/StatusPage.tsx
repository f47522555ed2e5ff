// Server status: database, loaded tariff editions, reference counts and import records.
import { Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { fetchHealth, type Health } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { isMessageKey, type MessageKey, useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { useApi } from "../useApi.ts";

/** Page for `/status`. */
export function StatusPage() {
  const { t } = useI18n();
  const [reloads, setReloads] = useState(0);
  const { data, error, loading } = useApi(`health/${reloads}`, fetchHealth);
  const reload = () => setReloads((count) => count + 1);
  useDocumentTitle(`${t("status.title")} · Clearway`);

  return (
    <Stack gap="md" data-testid="status-page">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t("status.title")}
        </Title>
        <Button
          variant="default"
          size="xs"
          leftSection={loading ? <Loader size={12} /> : <Icon name="refresh" size={14} />}
          onClick={reload}
          disabled={loading}
        >
          {t("status.refresh")}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {data && <HealthReport health={data} />}
    </Stack>
  );
}

/** Everything /api/health reports, grouped into panels. */
function HealthReport({ health }: { health: Health }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ServerPanel health={health} />
        <DatabasePanel database={health.database} />
      </SimpleGrid>
      <EditionsPanel editions={health.editions} />
      <CountsPanel counts={health.counts} />
      <ImportsPanel imports={health.imports} />
    </Stack>
  );
}

/** A titled bordered panel. */
function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A label/value list. */
function Facts({ children }: { children: ReactNode }) {
  return <dl className="cw-facts">{children}</dl>;
}

/** One label/value row of a Facts list. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="cw-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ServerPanel({ health }: { health: Health }) {
  const { t } = useI18n();
  return (
    <Panel title={t("status.server")} testId="status-server">
      <Facts>
        <Fact label={t("status.health")}>
          <Badge color={health.status === "ok" ? "green" : "red"} variant="light">
            {health.status === "ok" ? t("status.healthy") : health.status}
          </Badge>
        </Fact>
        <Fact label={t("status.serverVersion")}>
          <span className="cw-code">{health.version}</span>
        </Fact>
      </Facts>
    </Panel>
  );
}

function DatabasePanel({ database }: { database: Health["database"] }) {
  const { t } = useI18n();
  const kindKey = `status.dbKind.${database.kind}`;
  return (
    <Panel title={t("status.database")} testId="status-database">
      <Facts>
        <Fact label={t("status.dbKind")}>{isMessageKey(kindKey) ? t(kindKey) : database.kind}</Fact>
        <Fact label={t("status.dbVersion")}>{database.version}</Fact>
        <Fact label={t("status.dbLocation")}>
          <span className="cw-code cw-break">{database.location}</span>
        </Fact>
      </Facts>
    </Panel>
  );
}

function EditionsPanel({ editions }: { editions: Health["editions"] }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  return (
    <Panel title={t("status.editions")} testId="status-editions">
      {editions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("status.noEditions")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("status.col.schedule")}</Table.Th>
                <Table.Th>{t("status.col.code")}</Table.Th>
                <Table.Th>{t("status.col.name")}</Table.Th>
                <Table.Th>{t("status.col.effectiveFrom")}</Table.Th>
                <Table.Th ta="right">{t("status.col.lines")}</Table.Th>
                <Table.Th>{t("status.col.importedAt")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {editions.map((edition) => (
                <Table.Tr key={edition.id}>
                  <Table.Td>{t(`tariff.schedule.${edition.schedule}` as MessageKey)}</Table.Td>
                  <Table.Td className="cw-code">{edition.code}</Table.Td>
                  <Table.Td>{edition.name}</Table.Td>
                  <Table.Td className="cw-nowrap">{edition.effectiveFrom}</Table.Td>
                  <Table.Td ta="right" className="cw-num">
                    {formatNumber(edition.lines)}
                  </Table.Td>
                  <Table.Td className="cw-nowrap">{formatDateTime(edition.importedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Panel>
  );
}

function CountsPanel({ counts }: { counts: Health["counts"] }) {
  const { t, formatNumber } = useI18n();
  const entries = Object.entries(counts);
  return (
    <Panel title={t("status.counts")} testId="status-counts">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4, xl: 6 }} spacing="xs" verticalSpacing="xs">
        {entries.map(([name, value]) => {
          const key = `count.${name}`;
          return (
            <div key={name} className="cw-stat" data-testid={`count-${name}`}>
              <div className="cw-stat-value">{formatNumber(value)}</div>
              <div className="cw-stat-label">{isMessageKey(key) ? t(key) : name}</div>
            </div>
          );
        })}
      </SimpleGrid>
    </Panel>
  );
}

function ImportsPanel({ imports }: { imports: Health["imports"] }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  return (
    <Panel title={t("status.imports")} testId="status-imports">
      {imports.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("status.noImports")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing={5} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("status.col.source")}</Table.Th>
                <Table.Th>{t("status.col.file")}</Table.Th>
                <Table.Th>{t("status.col.sha256")}</Table.Th>
                <Table.Th ta="right">{t("status.col.rows")}</Table.Th>
                <Table.Th>{t("status.col.importedAt")}</Table.Th>
                <Table.Th ta="right">{t("status.col.duration")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imports.map((record) => (
                <Table.Tr key={`${record.source}-${record.fileName}-${record.importedAt}`}>
                  <Table.Td className="cw-nowrap">{record.source}</Table.Td>
                  <Table.Td className="cw-code cw-break">{record.fileName}</Table.Td>
                  <Table.Td className="cw-code" title={record.sha256}>
                    {shaPrefix(record.sha256)}
                  </Table.Td>
                  <Table.Td ta="right" className="cw-num">
                    {formatNumber(record.rows)}
                  </Table.Td>
                  <Table.Td className="cw-nowrap">{formatDateTime(record.importedAt)}</Table.Td>
                  <Table.Td ta="right" className="cw-num">
                    {formatDuration(record.durationMs)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Panel>
  );
}

/** First 12 hex digits of each hash (a record for several files lists one hash per file, ";"-separated). */
function shaPrefix(sha256: string): string {
  return sha256
    .split(/[;,\s]+/)
    .filter(Boolean)
    .map((hash) => hash.slice(0, 12))
    .join(" + ");
}

/** "850 ms" or "2.4 s". */
function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
