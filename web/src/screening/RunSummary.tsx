// A finished run's numbers: lines, orders, blocked and ready orders, findings by severity, and the findings by rule.
import { Anchor, Grid, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import type { ScreeningRule, ScreenSummary, Severity } from "../api.ts";
import { Panel } from "../catalog/Facts.tsx";
import { Stat } from "../components/Stat.tsx";
import { useI18n } from "../i18n.ts";
import { SeverityBadge } from "./Badges.tsx";
import { ruleTitle } from "./format.ts";

type Props = {
  summary: ScreenSummary;
  rules: ReadonlyMap<string, ScreeningRule>;
  /** Filters the findings grid to one rule. */
  onCode: (code: string, severity: Severity) => void;
};

/** The summary panel and the by-rule table beside it. */
export function RunSummary({ summary, rules, onCode }: Props) {
  const { t, formatNumber, lang } = useI18n();
  const seconds = Math.round(summary.durationMs / 100) / 10;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Panel title={t("screening.summary.title")} testId="screening-summary">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              <Stat label={t("screening.stat.lines")} value={summary.lines} testId="screening-stat-lines" />
              <Stat label={t("screening.stat.orders")} value={summary.orders} testId="screening-stat-orders" />
              <Stat label={t("screening.stat.blocked")} value={summary.blockedOrders} color={summary.blockedOrders > 0 ? "red.7" : undefined} testId="screening-stat-blocked" />
              <Stat label={t("screening.stat.ready")} value={summary.readyOrders} color={summary.readyOrders > 0 ? "green.8" : undefined} testId="screening-stat-ready" />
              <Stat label={t("screening.stat.block")} value={summary.findings.block} color={summary.findings.block > 0 ? "red.7" : undefined} testId="screening-stat-block" />
              <Stat label={t("screening.stat.warn")} value={summary.findings.warn} color={summary.findings.warn > 0 ? "orange.7" : undefined} testId="screening-stat-warn" />
              <Stat label={t("screening.stat.info")} value={summary.findings.info} testId="screening-stat-info" />
              <Stat label={t("screening.stat.waybills")} value={summary.waybills} testId="screening-stat-waybills" />
            </SimpleGrid>
            <Text size="xs" c="dimmed" data-testid="screening-summary-hs">
              {t("screening.summary.hs", {
                line: formatNumber(summary.hsSources.line ?? 0),
                catalog: formatNumber(summary.hsSources.catalog ?? 0),
                classifier: formatNumber(summary.hsSources.classifier ?? 0),
                none: formatNumber(summary.hsSources.none ?? 0),
                matched: formatNumber(summary.catalogueMatched),
                seconds: formatNumber(seconds),
              })}
            </Text>
          </Stack>
        </Panel>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Panel title={t("screening.byCode.title")} testId="screening-bycode">
          {summary.byCode.length === 0 ? (
            <Text size="sm" c="green.8" data-testid="screening-bycode-none">
              {t("screening.byCode.none")}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={520} maxHeight={420} type="native">
              <Table verticalSpacing={5} fz="sm" highlightOnHover data-testid="screening-bycode-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("screening.col.severity")}</Table.Th>
                    <Table.Th>{t("screening.col.code")}</Table.Th>
                    <Table.Th ta="right">{t("screening.byCode.count")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {summary.byCode.map((entry) => {
                    const rule = rules.get(entry.code);
                    return (
                      <Table.Tr key={entry.code} data-testid="screening-bycode-row" data-code={entry.code} data-count={entry.count}>
                        <Table.Td>
                          <SeverityBadge severity={entry.severity} />
                        </Table.Td>
                        <Table.Td>
                          <Anchor
                            component="button"
                            type="button"
                            size="sm"
                            onClick={() => onCode(entry.code, entry.severity)}
                            title={t("screening.byCode.show")}
                            className="cw-code"
                            data-testid="screening-bycode-link"
                          >
                            {entry.code}
                          </Anchor>
                          {rule && (
                            <Text span size="sm" c="dimmed" ml={8}>
                              {ruleTitle(lang, rule)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right" className="cw-num">
                          {formatNumber(entry.count)}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Panel>
      </Grid.Col>
    </Grid>
  );
}
