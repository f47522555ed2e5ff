// The import wizard (`/catalog/import`): choose a file, check it (dry run), adjust the column mapping and the market of bare HS codes, then import.
import { Grid, Group, Loader, Paper, Progress, Stack, Stepper, Text } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { PageHeader } from "../admin/PageHeader.tsx";
import { RequirePermission } from "../admin/RequirePermission.tsx";
import { fetchCatalogFields, type ImportReport } from "../api.ts";
import { CatalogTabs } from "../catalog/CatalogTabs.tsx";
import { Panel } from "../catalog/Facts.tsx";
import { guessField } from "../catalog/guessField.ts";
import { ImportFileError } from "../catalog/ImportFileError.tsx";
import { ImportFilePicker } from "../catalog/ImportFilePicker.tsx";
import { ImportMarketPicker } from "../catalog/ImportMarketPicker.tsx";
import { ImportActions, ImportCounts, ImportErrorsTable } from "../catalog/ImportPreview.tsx";
import { ImportResult } from "../catalog/ImportResult.tsx";
import { MappingEditor, type MappingRow } from "../catalog/MappingEditor.tsx";
import { type ChosenFile, type ImportWizard, useImportWizard } from "../catalog/useImportWizard.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { useApi } from "../useApi.ts";

/** Page for `/catalog/import`. */
export function CatalogImportPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t("import.title")} · Clearway`);
  return (
    <Stack gap="md">
      <CatalogTabs pathname="/catalog/import" />
      <RequirePermission permission="catalog.write" title={t("import.title")}>
        <ImportWizardView />
      </RequirePermission>
    </Stack>
  );
}

/** The wizard's steps on one page. */
function ImportWizardView() {
  const { t } = useI18n();
  const wizard = useImportWizard();
  const fields = useApi("catalog-fields", fetchCatalogFields);
  const { file, preview, error, result, stage } = wizard;
  const busy = stage !== "idle";
  const rows = mappingRows(wizard, fields.data?.fields ?? []);
  const step = result ? 2 : file ? 1 : 0;

  return (
    <Stack gap="md" data-testid="import-page">
      <PageHeader title={t("import.title")} intro={t("import.intro")} />
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t("import.step.file")} />
        <Stepper.Step label={t("import.step.check")} />
        <Stepper.Step label={t("import.step.done")} />
      </Stepper>
      {result ? (
        <ImportResult report={result} onAgain={wizard.reset} />
      ) : (
        <>
          {!file && stage !== "reading" && <ImportFilePicker onFile={wizard.choose} />}
          {file && <FileSummary file={file} report={preview} onFile={wizard.choose} busy={busy} />}
          {busy && <ProgressLine wizard={wizard} />}
          {error && <ImportFileError error={error} />}
          {fields.error && <ErrorAlert error={fields.error} />}
          {file && rows.length > 0 && (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, xl: 5 }}>
                <Panel title={t("import.mapping")} testId="import-mapping-panel">
                  <ImportMarketPicker value={wizard.market} onChange={wizard.setMarket} disabled={busy} />
                  <Text size="sm" c="dimmed" mb="sm">
                    {t("import.mappingIntro")}
                  </Text>
                  <MappingEditor rows={rows} fields={fields.data?.fields ?? []} overrides={wizard.overrides} onChange={wizard.setOverrides} disabled={busy} />
                </Panel>
              </Grid.Col>
              <Grid.Col span={{ base: 12, xl: 7 }}>
                {preview && (
                  <Panel title={t("import.preview")} testId="import-preview">
                    <Stack gap="md" className={busy ? "cw-stale" : undefined}>
                      <ImportCounts report={preview} />
                      <ImportActions report={preview} busy={busy} onCommit={wizard.commit} />
                      <ImportErrorsTable key={JSON.stringify([wizard.overrides, wizard.market])} report={preview} />
                    </Stack>
                  </Panel>
                )}
              </Grid.Col>
            </Grid>
          )}
        </>
      )}
    </Stack>
  );
}

/** The mapping to show: the dry run's, or for a file refused for missing columns, its headers with the automatic guess. */
function mappingRows(wizard: ImportWizard, fields: Parameters<typeof guessField>[1]): MappingRow[] {
  if (wizard.preview) return wizard.preview.mapping;
  const headers = wizard.error?.details?.headers;
  if (wizard.error?.code === "IMPORT_REJECTED" && Array.isArray(headers)) {
    return headers.map((header) => ({ column: String(header), field: guessField(String(header), fields) }));
  }
  return [];
}

/** File name, size, detected type and encoding, and a way to pick another file. */
function FileSummary({ file, report, onFile, busy }: { file: ChosenFile; report: ImportReport | null; onFile: (file: File) => void; busy: boolean }) {
  const { t, formatNumber } = useI18n();
  return (
    <Paper withBorder p="sm" data-testid="import-file">
      <Group justify="space-between" gap="md" wrap="wrap">
        <dl className="cw-inline-facts">
          <div>
            <dt>{t("import.file")}</dt>
            <dd className="cw-break" data-testid="import-file-name">
              {file.name}
            </dd>
          </div>
          <div>
            <dt>{t("import.size")}</dt>
            <dd className="cw-num">{formatSize(file.size, formatNumber)}</dd>
          </div>
          {report && (
            <>
              <div>
                <dt>{t("import.kind")}</dt>
                <dd data-testid="import-kind">{report.kind === "xlsx" ? t("import.kind.xlsx") : t("import.kind.csv")}</dd>
              </div>
              <div>
                <dt>{t("import.encoding")}</dt>
                <dd data-testid="import-encoding">{report.kind === "xlsx" ? "—" : encodingName(report.encoding)}</dd>
              </div>
            </>
          )}
        </dl>
        <ImportFilePicker onFile={onFile} disabled={busy} compact />
      </Group>
    </Paper>
  );
}

/** A progress bar with what is happening: reading the file (with its percentage), checking, importing. */
function ProgressLine({ wizard }: { wizard: ImportWizard }) {
  const { t } = useI18n();
  const reading = wizard.stage === "reading";
  const label = reading ? t("import.reading") : wizard.stage === "importing" ? t("import.importing") : t("import.checking");
  return (
    <Stack gap={6} data-testid="import-progress" data-stage={wizard.stage}>
      <Group gap="xs">
        <Loader size={14} />
        <Text size="sm">{label}</Text>
      </Group>
      <Progress value={reading ? wizard.readPercent : 100} animated={!reading} striped={!reading} size="sm" />
    </Stack>
  );
}

/** The encoding's usual name. */
function encodingName(encoding: string): string {
  const names: Record<string, string> = { "utf-8": "UTF-8", "utf-8-bom": "UTF-8 (BOM)", "utf-16le": "UTF-16 LE", "utf-16be": "UTF-16 BE", gb18030: "GBK / GB18030" };
  return names[encoding] ?? encoding;
}

/** Bytes as KB or MB. */
function formatSize(bytes: number, formatNumber: (value: number) => string): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / 104857.6) / 10)} MB`;
}
