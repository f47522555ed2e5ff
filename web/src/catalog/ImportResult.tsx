// The report of a committed import: what was created, updated, unchanged and skipped.
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import type { ImportReport } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";

/** A green summary with the way on: to the product list, or another file. */
export function ImportResult({ report, onAgain }: { report: ImportReport; onAgain: () => void }) {
  const { t, formatNumber } = useI18n();
  return (
    <Stack gap="md" data-testid="import-result">
      <Alert color="green" variant="light" title={t("import.done", { file: report.fileName })}>
        <Stack gap={4}>
          <Text size="sm" data-testid="import-result-counts">
            {t("import.result", { created: formatNumber(report.created), updated: formatNumber(report.updated), unchanged: formatNumber(report.unchanged) })}
          </Text>
          {report.invalid > 0 && (
            <Text size="sm" c="orange.8">
              {t("import.skipped", { invalid: formatNumber(report.invalid) })}
            </Text>
          )}
        </Stack>
      </Alert>
      <Group gap="sm">
        <Button component={Link} to="/catalog" data-testid="import-open-list">
          {t("import.openList")}
        </Button>
        <Button variant="default" onClick={onAgain} data-testid="import-again">
          {t("import.again")}
        </Button>
      </Group>
    </Stack>
  );
}
