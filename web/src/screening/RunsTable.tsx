// The tenant's screening runs as a table: status, lane, source, lines, blocked and ready orders, when and by whom.
import { Table, Text } from "@mantine/core";
import type { ScreeningRun } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import { LaneBadge, RunStatusBadge } from "./Badges.tsx";
import { runProgress } from "./format.ts";

/** One row per run; the source opens the run. */
export function RunsTable({ runs }: { runs: ScreeningRun[] }) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table verticalSpacing={7} fz="sm" highlightOnHover data-testid="screening-runs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("screening.col.status")}</Table.Th>
            <Table.Th>{t("screening.col.lane")}</Table.Th>
            <Table.Th>{t("screening.col.source")}</Table.Th>
            <Table.Th ta="right">{t("screening.col.lines")}</Table.Th>
            <Table.Th ta="right">{t("screening.col.blocked")}</Table.Th>
            <Table.Th ta="right">{t("screening.col.ready")}</Table.Th>
            <Table.Th>{t("screening.col.created")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <RunRow key={run.id} run={run} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One run's row. */
function RunRow({ run }: { run: ScreeningRun }) {
  const i18n = useI18n();
  const { t, formatNumber, formatDateTime } = i18n;
  const summary = run.summary;
  const count = (value: number | undefined) => (value === undefined ? "—" : formatNumber(value));
  return (
    <Table.Tr data-testid="screening-run-row" data-id={run.id} data-status={run.status} data-rerun-of={run.rerunOf ?? undefined} className="cw-top">
      <Table.Td>
        <RunStatusBadge status={run.status} />
      </Table.Td>
      <Table.Td>
        <LaneBadge lane={run.lane} />
      </Table.Td>
      <Table.Td maw={360}>
        <Link to={`/screenings/${encodeURIComponent(run.id)}`} className="cw-link cw-break" data-testid="screening-run-link">
          {run.sourceName}
        </Link>
        <Text size="xs" c="dimmed">
          <span className="cw-code">{run.id}</span>
          {run.rerunOf && ` · ${t("screening.runs.rerun")}`}
        </Text>
        {run.status === "running" && (
          <Text size="xs" c="blue.7">
            {runProgress(i18n, run).text}
          </Text>
        )}
        {run.status === "failed" && run.error && (
          <Text size="xs" c="red.7" lineClamp={2}>
            {run.error}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" className="cw-num">
        {summary ? formatNumber(summary.lines) : run.status === "running" ? formatNumber(run.progress.lines) : "—"}
      </Table.Td>
      <Table.Td ta="right" className="cw-num">
        <Text
          span
          size="sm"
          c={summary && summary.blockedOrders > 0 ? "red.7" : undefined}
          fw={summary && summary.blockedOrders > 0 ? 600 : undefined}
          data-testid="screening-run-blocked"
        >
          {count(summary?.blockedOrders)}
        </Text>
      </Table.Td>
      <Table.Td ta="right" className="cw-num">
        <Text span size="sm" c={summary && summary.readyOrders > 0 ? "green.8" : undefined}>
          {count(summary?.readyOrders)}
        </Text>
      </Table.Td>
      <Table.Td className="cw-nowrap">
        <Text size="sm">{formatDateTime(run.createdAt)}</Text>
        {run.createdBy && (
          <Text size="xs" c="dimmed">
            {run.createdBy}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
