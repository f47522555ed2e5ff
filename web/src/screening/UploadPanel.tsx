// The upload area of /screenings: lane, file, options, then a progress bar for the transfer and for the screening itself.
import { Alert, Anchor, Button, Checkbox, Code, Group, Loader, Progress, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { type ApiError, fetchManifestMappings, type ScreeningRun } from "../api.ts";
import { Panel } from "../catalog/Facts.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { FileDropZone } from "../components/FileDropZone.tsx";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { formatBytes, isLane, LANE_LIST, runProgress } from "./format.ts";
import { type ManifestUploadState, useManifestUpload } from "./useManifestUpload.ts";

const ACCEPT = ".csv,.txt,.tsv,.xlsx,.xml,text/csv,text/xml,application/xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Lane, file and options, the upload button, and the progress; `onDone` opens the finished run. */
export function UploadPanel({ onDone }: { onDone: (run: ScreeningRun) => void }) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const upload = useManifestUpload(onDone);
  const mappings = useApi("manifest-mappings", fetchManifestMappings);
  const busy = upload.stage !== "idle";

  return (
    <Panel title={t("screening.upload.title")} testId="screening-upload">
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("screening.upload.lane")}
          </Text>
          <SegmentedControl
            value={upload.lane}
            onChange={(value) => isLane(value) && upload.setLane(value)}
            disabled={busy}
            data={LANE_LIST.map((lane) => ({ value: lane, label: <span data-testid={`screening-lane-${lane}`}>{t(`lane.${lane}`)}</span> }))}
            data-testid="screening-lane"
            data-value={upload.lane}
          />
          <Text size="xs" c="dimmed">
            {t("screening.upload.laneHint")}
          </Text>
        </Stack>
        <ManifestFilePicker onFile={upload.choose} disabled={busy} compact={upload.file !== null} />
        {upload.file && (
          <dl className="cw-inline-facts" data-testid="screening-file">
            <div>
              <dt>{t("screening.upload.file")}</dt>
              <dd className="cw-break" data-testid="screening-file-name">
                {upload.file.name}
              </dd>
            </div>
            <div>
              <dt>{t("screening.upload.size")}</dt>
              <dd className="cw-num">{formatBytes(upload.file.size, formatNumber)}</dd>
            </div>
          </dl>
        )}
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t("screening.upload.mapping")}
            placeholder={t("screening.upload.mappingNone")}
            data={(mappings.data?.mappings ?? []).map((mapping) => mapping.name)}
            value={upload.mappingName || null}
            onChange={(name) => upload.setMappingName(name ?? "")}
            clearable
            disabled={busy}
            w={260}
            data-testid="screening-mapping"
          />
          <Checkbox
            label={t("screening.upload.background")}
            description={t("screening.upload.backgroundHint")}
            checked={upload.background}
            onChange={(event) => upload.setBackground(event.currentTarget.checked)}
            disabled={busy}
            maw={360}
            data-testid="screening-background"
          />
        </Group>
        <Group gap="sm">
          <Button
            onClick={upload.submit}
            disabled={!upload.file || busy || upload.error?.code === "IMPORT_TOO_LARGE"}
            loading={busy}
            leftSection={<Icon name="upload" size={15} />}
            data-testid="screening-submit"
          >
            {t("screening.upload.submit")}
          </Button>
          {(upload.stage === "sending" || upload.stage === "screening") && (
            <Button variant="default" onClick={upload.cancel} data-testid="screening-cancel">
              {t("screening.upload.cancel")}
            </Button>
          )}
        </Group>
        {busy && <UploadProgress upload={upload} />}
        {upload.error && <UploadError error={upload.error} failedRun={upload.failedRun} />}
      </Stack>
    </Panel>
  );
}

/** The transfer's percentage, then an indeterminate bar while the server screens, or the background run's own progress. */
function UploadProgress({ upload }: { upload: ManifestUploadState }) {
  const i18n = useI18n();
  const { t } = i18n;
  let label = t("screening.upload.sending", { percent: upload.sentPercent });
  let percent: number | null = upload.sentPercent;
  if (upload.stage === "screening") {
    label = t("screening.upload.screening");
    percent = null;
  } else if (upload.stage === "following" && upload.run) {
    const progress = runProgress(i18n, upload.run);
    label = progress.text;
    percent = progress.percent;
  }
  return (
    <Stack gap={6} data-testid="screening-upload-progress" data-stage={upload.stage}>
      <Group gap="xs">
        <Loader size={14} />
        <Text size="sm" data-testid="screening-upload-progress-text">
          {label}
        </Text>
        {upload.stage === "following" && upload.run && (
          <Anchor component={Link} to={`/screenings/${encodeURIComponent(upload.run.id)}`} size="sm" className="cw-code">
            {upload.run.id}
          </Anchor>
        )}
      </Group>
      <Progress value={percent ?? 100} animated={percent === null} striped={percent === null} size="sm" />
    </Stack>
  );
}

const FILE_ERRORS = new Set(["IMPORT_UNREADABLE", "IMPORT_TOO_LARGE", "PAYLOAD_TOO_LARGE", "BAD_REQUEST", "SCREENING_FAILED"]);

/** A refusal of the file (or a failed background run) with a headline in the user's language and the server's own message. */
function UploadError({ error, failedRun }: { error: ApiError; failedRun: ScreeningRun | null }) {
  const { t } = useI18n();
  if (!FILE_ERRORS.has(error.code) && error.status !== 413) return <ErrorAlert error={error} />;
  const tooLarge = error.code === "IMPORT_TOO_LARGE" || error.code === "PAYLOAD_TOO_LARGE" || error.status === 413;
  const headline = tooLarge ? t("screening.error.tooLarge") : error.code === "IMPORT_UNREADABLE" ? t("screening.error.unreadable") : t("screening.error.refused");
  const hint = tooLarge ? t("screening.error.tooLargeHint") : error.code === "IMPORT_UNREADABLE" ? t("screening.error.unreadableHint") : null;
  return (
    <Alert color="red" variant="light" title={headline} data-testid="screening-file-error" data-error-code={error.code}>
      <Stack gap={6}>
        {hint && <Text size="sm">{hint}</Text>}
        <Text size="xs" c="dimmed">
          {t("import.error.serverSaid")} <Code className="cw-break">{error.message}</Code>
        </Text>
        {failedRun && (
          <Anchor component={Link} to={`/screenings/${encodeURIComponent(failedRun.id)}`} size="sm">
            {t("screening.run.openRun")}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}

/** The screening upload's drop zone. */
function ManifestFilePicker({ onFile, disabled, compact }: { onFile: (file: File) => void; disabled: boolean; compact: boolean }) {
  const { t } = useI18n();
  return (
    <FileDropZone
      onFile={onFile}
      disabled={disabled}
      compact={compact}
      accept={ACCEPT}
      testId="screening"
      text={{ choose: t("screening.upload.choose"), hint: t("screening.upload.dropHint"), other: t("screening.upload.otherFile") }}
    />
  );
}
