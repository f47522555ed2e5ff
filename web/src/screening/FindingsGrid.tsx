// A run's findings in a server-paged grid, filtered by rule, severity and order number; a row opens its line.
import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { DataTable, type DataTableColumn } from "mantine-datatable";
import { type FormEvent, useEffect, useState } from "react";
import { fetchScreeningFindings, type ManifestField, type ScreeningFinding, type ScreeningRule, type ScreenSummary, type Severity } from "../api.ts";
import { Panel } from "../catalog/Facts.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { useApi } from "../useApi.ts";
import { SeverityBadge } from "./Badges.tsx";
import { fieldLabel, findingText, isSeverity, ruleTitle, SEVERITIES } from "./format.ts";

/** Findings per page of the grid. */
export const FINDINGS_PAGE_SIZE = 50;

/** The grid's filters as the URL keeps them ('' for none). */
export type FindingFilters = { code: string; severity: Severity | ""; orderNo: string };

/** No filter at all. */
export const NO_FINDING_FILTERS: FindingFilters = { code: "", severity: "", orderNo: "" };

type Props = {
  runId: string;
  summary: ScreenSummary;
  rules: ReadonlyMap<string, ScreeningRule>;
  fields: ReadonlyMap<string, ManifestField>;
  filters: FindingFilters;
  page: number;
  onFilters: (filters: FindingFilters) => void;
  onPage: (page: number) => void;
  onOpenLine: (line: number) => void;
};

/** The filter bar and the grid. */
export function FindingsGrid({ runId, summary, rules, fields, filters, page, onFilters, onPage, onOpenLine }: Props) {
  const i18n = useI18n();
  const { t, lang, formatNumber } = i18n;
  const query = {
    code: filters.code || undefined,
    severity: filters.severity || undefined,
    orderNo: filters.orderNo || undefined,
    limit: FINDINGS_PAGE_SIZE,
    offset: (page - 1) * FINDINGS_PAGE_SIZE,
  };
  const { data, error, loading } = useApi(`screening-findings:${runId}:${JSON.stringify(query)}`, (signal) => fetchScreeningFindings(runId, query, signal));

  const columns: DataTableColumn<ScreeningFinding>[] = [
    { accessor: "severity", title: t("screening.col.severity"), width: 96, render: (finding) => <SeverityBadge severity={finding.severity} /> },
    {
      accessor: "code",
      title: t("screening.col.code"),
      width: 220,
      render: (finding) => {
        const rule = rules.get(finding.code);
        return (
          <Stack gap={0}>
            <Text size="sm" className="cw-code" data-testid="screening-finding-code">
              {finding.code}
            </Text>
            {rule && (
              <Text size="xs" c="dimmed">
                {ruleTitle(lang, rule)}
              </Text>
            )}
          </Stack>
        );
      },
    },
    { accessor: "orderNo", title: t("screening.col.order"), width: 130, render: (finding) => <span className="cw-code">{finding.orderNo || "—"}</span> },
    { accessor: "line", title: t("screening.col.line"), width: 64, textAlign: "right", render: (finding) => <span className="cw-num">{formatNumber(finding.line)}</span> },
    { accessor: "field", title: t("screening.col.field"), width: 150, render: (finding) => (finding.field ? fieldLabel(lang, fields, finding.field) : "—") },
    {
      accessor: "message",
      title: t("screening.col.message"),
      render: (finding) => {
        const text = findingText(lang, finding);
        return (
          <Stack gap={2}>
            <Text size="sm" data-testid="screening-finding-message">
              {text.message}
            </Text>
            {text.hint && (
              <Text size="xs" c="dimmed">
                {text.hint}
              </Text>
            )}
          </Stack>
        );
      },
    },
    {
      accessor: "open",
      title: "",
      width: 110,
      textAlign: "right",
      render: (finding) => (
        <Button
          variant="subtle"
          size="compact-xs"
          rightSection={<Icon name="chevron" size={13} />}
          onClick={(event) => {
            event.stopPropagation();
            onOpenLine(finding.line);
          }}
          aria-label={t("screening.findings.open", { line: finding.line })}
          data-testid="screening-finding-open"
        >
          {t("screening.col.line")} {formatNumber(finding.line)}
        </Button>
      ),
    },
  ];

  return (
    <Panel title={t("screening.findings.title")} testId="screening-findings">
      <Stack gap="sm">
        <FindingFilterBar summary={summary} rules={rules} value={filters} onApply={onFilters} />
        {error && <ErrorAlert error={error} />}
        <Text size="xs" c="dimmed" data-testid="screening-findings-total" data-total={data?.total ?? ""} data-loading={loading ? "true" : "false"}>
          {data && data.total > 0
            ? t("screening.findings.shown", {
                from: formatNumber((page - 1) * FINDINGS_PAGE_SIZE + 1),
                to: formatNumber((page - 1) * FINDINGS_PAGE_SIZE + data.findings.length),
                total: formatNumber(data.total),
              })
            : "\u00a0"}
        </Text>
        <DataTable<ScreeningFinding>
          withTableBorder
          borderRadius="sm"
          minHeight={data && data.findings.length > 0 ? undefined : 180}
          verticalAlign="top"
          fz="sm"
          highlightOnHover
          idAccessor="seq"
          records={data?.findings ?? []}
          columns={columns}
          totalRecords={data?.total ?? 0}
          recordsPerPage={FINDINGS_PAGE_SIZE}
          page={page}
          onPageChange={onPage}
          fetching={loading}
          onRowClick={({ record }) => onOpenLine(record.line)}
          customRowAttributes={(record) => ({
            "data-testid": "screening-finding-row",
            "data-code": record.code,
            "data-severity": record.severity,
            "data-line": record.line,
            "data-order": record.orderNo,
          })}
          noRecordsText={t("screening.findings.empty")}
          paginationText={({ from, to, totalRecords }) => t("screening.findings.shown", { from: formatNumber(from), to: formatNumber(to), total: formatNumber(totalRecords) })}
          data-testid="screening-findings-grid"
        />
      </Stack>
    </Panel>
  );
}

/** Rule (from the run's own codes), severity, order number; the rule and severity apply at once, the order number on Enter or Apply. */
function FindingFilterBar({
  summary,
  rules,
  value,
  onApply,
}: {
  summary: ScreenSummary;
  rules: ReadonlyMap<string, ScreeningRule>;
  value: FindingFilters;
  onApply: (filters: FindingFilters) => void;
}) {
  const { t, lang } = useI18n();
  const [orderNo, setOrderNo] = useState(value.orderNo);
  useEffect(() => setOrderNo(value.orderNo), [value.orderNo]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...value, orderNo: orderNo.trim() });
  };
  const filtered = Boolean(value.code || value.severity || value.orderNo);
  const codes = summary.byCode.map((entry) => {
    const rule = rules.get(entry.code);
    return { value: entry.code, label: rule ? `${entry.code} · ${ruleTitle(lang, rule)}` : entry.code };
  });
  return (
    <form onSubmit={submit} data-testid="screening-finding-filters">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("screening.filter.severity")}
          </Text>
          <SegmentedControl
            size="sm"
            value={value.severity || "all"}
            onChange={(next) => onApply({ ...value, severity: isSeverity(next) ? next : "" })}
            data={[
              { value: "all", label: <span data-testid="screening-filter-severity-all">{t("screening.filter.all")}</span> },
              ...SEVERITIES.map((severity) => ({ value: severity, label: <span data-testid={`screening-filter-severity-${severity}`}>{t(`severity.${severity}`)}</span> })),
            ]}
            data-testid="screening-filter-severity"
            data-value={value.severity}
          />
        </Stack>
        <Select
          label={t("screening.filter.code")}
          placeholder={t("screening.filter.any")}
          data={codes}
          value={value.code || null}
          onChange={(code) => onApply({ ...value, code: code ?? "" })}
          clearable
          searchable
          w={340}
          data-testid="screening-filter-code"
        />
        <TextInput
          label={t("screening.filter.order")}
          placeholder={t("screening.filter.any")}
          value={orderNo}
          onChange={(event) => setOrderNo(event.currentTarget.value)}
          w={180}
          data-testid="screening-filter-order"
        />
        <Button type="submit" variant="default" leftSection={<Icon name="search" size={15} />} data-testid="screening-filter-apply">
          {t("screening.filter.apply")}
        </Button>
        {filtered && (
          <Button variant="subtle" color="gray" onClick={() => onApply({ code: "", severity: "", orderNo: "" })} data-testid="screening-filter-clear">
            {t("screening.filter.clear")}
          </Button>
        )}
      </Group>
    </form>
  );
}
