// What a dry run found: counts, the rows with errors, and the two ways to import.
import { Button, Group, Pagination, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { ImportReport, RowError } from "../api.ts";
import { Stat } from "../components/Stat.tsx";
import { useI18n } from "../i18n.ts";

const ERRORS_PER_PAGE = 100;

/** Counts in tiles. */
export function ImportCounts({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" data-testid="import-counts">
      <Stat label={t("import.stat.rows")} value={report.rows} testId="import-count-rows" />
      <Stat label={t("import.stat.valid")} value={report.valid} color="green.8" testId="import-count-valid" />
      <Stat label={t("import.stat.invalid")} value={report.invalid} color={report.invalid ? "red.7" : undefined} testId="import-count-invalid" />
      <Stat label={t("import.stat.create")} value={report.created} testId="import-count-create" />
      <Stat label={t("import.stat.update")} value={report.updated} testId="import-count-update" />
    </SimpleGrid>
  );
}

/** The import buttons: all-or-nothing (disabled while any row has errors), or the valid rows only. */
export function ImportActions({ report, busy, onCommit }: { report: ImportReport; busy: boolean; onCommit: (validOnly: boolean) => void }) {
  const { t, formatNumber } = useI18n();
  return (
    <Paper withBorder p="sm" className="cw-import-actions">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" c={report.invalid ? "red.8" : "green.8"} maw={640}>
          {report.invalid
            ? t("import.commitHint", { valid: formatNumber(report.valid), invalid: formatNumber(report.invalid) })
            : t("import.readyHint", { valid: formatNumber(report.valid) })}
        </Text>
        <Group gap="sm">
          {report.invalid > 0 && (
            <Button variant="default" disabled={busy || report.valid === 0} onClick={() => onCommit(true)} data-testid="import-commit-valid">
              {t("import.commitValid")}
            </Button>
          )}
          <Button disabled={busy || report.invalid > 0 || report.valid === 0} loading={busy} onClick={() => onCommit(false)} data-testid="import-commit">
            {t("import.commit")}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/** The errors, one row per bad cell, in pages of a hundred; the reason in the user's language. */
export function ImportErrorsTable({ report }: { report: ImportReport }) {
  const { t, lang, formatNumber } = useI18n();
  const [page, setPage] = useState(1);
  if (!report.errors.length) {
    return (
      <Text size="sm" c="green.8" data-testid="import-no-errors">
        {t("import.noErrors")}
      </Text>
    );
  }
  const pages = Math.ceil(report.errors.length / ERRORS_PER_PAGE);
  const shown = report.errors.slice((page - 1) * ERRORS_PER_PAGE, page * ERRORS_PER_PAGE);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t("import.errors", { count: formatNumber(report.errorCount) })}
        </Title>
        {pages > 1 && <Pagination size="sm" total={pages} value={Math.min(page, pages)} onChange={setPage} />}
      </Group>
      {report.invalid > 0 && report.errors.length >= 5000 && (
        <Text size="xs" c="dimmed">
          {t("import.errorsCapped", { count: formatNumber(report.errors.length) })}
        </Text>
      )}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing={5} fz="sm" striped data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70} ta="right">
                  {t("import.col.row")}
                </Table.Th>
                <Table.Th>{t("import.col.column")}</Table.Th>
                <Table.Th>{t("import.col.value")}</Table.Th>
                <Table.Th>{t("import.col.reason")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((error, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for a report; a row can name the same cell twice, so its position is the identity.
                <ErrorRow key={`${error.row}-${error.field}-${index}`} error={error} zh={lang === "zh"} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}

/** One bad cell. */
function ErrorRow({ error, zh }: { error: RowError; zh: boolean }) {
  const { t } = useI18n();
  return (
    <Table.Tr data-testid="import-error-row" data-row={error.row} data-field={error.field} className="cw-top">
      <Table.Td ta="right" className="cw-num">
        {error.row}
      </Table.Td>
      <Table.Td>{error.column}</Table.Td>
      <Table.Td className="cw-code cw-prewrap">
        {error.value === "" ? (
          <Text span size="sm" c="dimmed">
            {t("common.blank")}
          </Text>
        ) : (
          error.value
        )}
      </Table.Td>
      <Table.Td data-testid="import-error-reason">{zh ? error.reasonZh : error.reason}</Table.Td>
    </Table.Tr>
  );
}
