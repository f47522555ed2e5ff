// The screening rule catalogue (`/screenings/rules`): every rule with its severity, scope and source, filtered by lane; and the rule packs.
import { Badge, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { PageHeader } from "../admin/PageHeader.tsx";
import { fetchScreeningRules, type ScreeningPack, type ScreeningRule } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { href, navigate } from "../router.tsx";
import { LaneBadge, SeverityBadge } from "../screening/Badges.tsx";
import { isLane, LANE_LIST, ruleTitle } from "../screening/format.ts";
import { ScreeningTabs } from "../screening/ScreeningTabs.tsx";
import { useApi } from "../useApi.ts";

/** Page for `/screenings/rules`; `?lane=` narrows it to one lane. */
export function ScreeningRulesPage({ search }: { search: URLSearchParams }) {
  const { t, formatNumber } = useI18n();
  useDocumentTitle(`${t("screening.rules.title")} · Clearway`);
  const laneParam = search.get("lane");
  const lane = isLane(laneParam) ? laneParam : undefined;
  const { data, error, loading } = useApi(`screening-rules:${lane ?? "all"}`, (signal) => fetchScreeningRules(lane, signal));

  return (
    <Stack gap="md" data-testid="screening-rules-page">
      <ScreeningTabs pathname="/screenings/rules" />
      <PageHeader title={t("screening.rules.title")} intro={t("screening.rules.intro")} />
      <Group gap="sm" align="center" wrap="wrap">
        <Text size="sm" fw={500}>
          {t("screening.rules.lane")}
        </Text>
        <SegmentedControl
          value={lane ?? "all"}
          onChange={(value) => navigate(href("/screenings/rules", { lane: isLane(value) ? value : null }))}
          data={[
            { value: "all", label: <span data-testid="screening-rules-lane-all">{t("screening.rules.allLanes")}</span> },
            ...LANE_LIST.map((value) => ({ value, label: <span data-testid={`screening-rules-lane-${value}`}>{t(`lane.${value}`)}</span> })),
          ]}
          data-testid="screening-rules-lane"
          data-value={lane ?? ""}
        />
        {data && (
          <Text size="xs" c="dimmed" data-testid="screening-rules-count" data-count={data.rules.length}>
            {t("screening.rules.count", { count: formatNumber(data.rules.length) })}
          </Text>
        )}
      </Group>
      {error && <ErrorAlert error={error} />}
      {data && (
        <div className={loading ? "cw-stale" : undefined}>
          <Stack gap="md">
            <Paper withBorder>
              <RulesTable rules={data.rules} />
            </Paper>
            <Title order={3} size="h5">
              {t("screening.packs.title")}
            </Title>
            <Paper withBorder>
              <PacksTable packs={data.packs} />
            </Paper>
          </Stack>
        </div>
      )}
    </Stack>
  );
}

/** One row per rule, in code order. */
function RulesTable({ rules }: { rules: ScreeningRule[] }) {
  const { t, lang } = useI18n();
  return (
    <Table.ScrollContainer minWidth={1100} type="native">
      <Table verticalSpacing={7} fz="sm" highlightOnHover data-testid="screening-rules-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("screening.rules.col.code")}</Table.Th>
            <Table.Th>{t("screening.rules.col.severity")}</Table.Th>
            <Table.Th>{t("screening.rules.col.scope")}</Table.Th>
            <Table.Th>{t("screening.rules.col.title")}</Table.Th>
            <Table.Th>{t("screening.rules.col.checks")}</Table.Th>
            <Table.Th>{t("screening.rules.col.source")}</Table.Th>
            <Table.Th>{t("screening.rules.col.lanes")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.code} data-testid="screening-rule-row" data-code={rule.code} data-severity={rule.severity} className="cw-top">
              <Table.Td className="cw-code" fz="xs">
                {rule.code}
              </Table.Td>
              <Table.Td className="cw-nowrap">
                <SeverityBadge severity={rule.severity} />
              </Table.Td>
              <Table.Td className="cw-nowrap">{t(`scope.${rule.scope}`)}</Table.Td>
              <Table.Td miw={150}>
                <Text size="sm" fw={500}>
                  {ruleTitle(lang, rule)}
                </Text>
              </Table.Td>
              <Table.Td miw={300} maw={460}>
                <Text size="sm">{lang === "zh" ? rule.checksZh || rule.checks : rule.checks}</Text>
              </Table.Td>
              <Table.Td miw={150} maw={240}>
                <Text size="xs" c="dimmed">
                  {rule.source}
                </Text>
              </Table.Td>
              <Table.Td data-lanes={rule.lanes.join(" ")}>
                <Stack gap={3} align="flex-start">
                  {rule.lanes.map((lane) => (
                    <LaneBadge key={lane} lane={lane} />
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One row per rule pack: id, lane, in force from, schedule, rule count and notes. */
function PacksTable({ packs }: { packs: ScreeningPack[] }) {
  const { t, formatNumber } = useI18n();
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table verticalSpacing={7} fz="sm" data-testid="screening-packs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("screening.packs.col.id")}</Table.Th>
            <Table.Th>{t("screening.rules.col.lanes")}</Table.Th>
            <Table.Th>{t("screening.packs.col.from")}</Table.Th>
            <Table.Th>{t("screening.packs.col.schedule")}</Table.Th>
            <Table.Th ta="right">{t("screening.packs.col.rules")}</Table.Th>
            <Table.Th>{t("screening.packs.col.notes")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {packs.map((pack) => (
            <Table.Tr key={pack.id} data-testid="screening-pack-row" data-pack={pack.id} className="cw-top">
              <Table.Td className="cw-code">{pack.id}</Table.Td>
              <Table.Td>
                <LaneBadge lane={pack.lane} />
              </Table.Td>
              <Table.Td className="cw-num">{pack.effectiveFrom}</Table.Td>
              <Table.Td className="cw-nowrap">
                <Badge variant="light" color="gray" size="sm" tt="none">
                  {pack.schedule === "hs" ? t("tariff.schedule.hs") : t("tariff.schedule.us_hts")}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" className="cw-num">
                {formatNumber(pack.rules.length)}
              </Table.Td>
              <Table.Td maw={560}>
                <Text size="sm">{pack.notes}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
