// A file-level refusal of an import (unreadable, required columns missing, too large) explained in the user's language.
import { Alert, Code, Stack, Text } from "@mantine/core";
import type { ApiError } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { MAX_IMPORT_MB } from "./useImportWizard.ts";

const FILE_ERRORS = new Set(["IMPORT_UNREADABLE", "IMPORT_REJECTED", "IMPORT_TOO_LARGE", "PAYLOAD_TOO_LARGE"]);

/** Whether an error is about the file itself (rather than the network, the session or a bad mapping). */
export function isFileError(error: ApiError): boolean {
  return FILE_ERRORS.has(error.code) || error.status === 413;
}

/** Missing required columns named by an IMPORT_REJECTED error, if any. */
export function missingColumns(error: ApiError): string[] {
  const missing = error.details?.missing;
  return Array.isArray(missing) ? missing.map(String) : [];
}

/** A headline and hint in the user's language, then the server's own message. */
export function ImportFileError({ error }: { error: ApiError }) {
  const { t } = useI18n();
  if (!isFileError(error)) return <ErrorAlert error={error} message={error.code === "VALIDATION_FAILED" ? error.message : undefined} />;
  const missing = missingColumns(error);
  const headline =
    error.code === "IMPORT_UNREADABLE"
      ? t("import.error.unreadable")
      : error.code === "IMPORT_REJECTED"
        ? missing.length
          ? t("import.error.missing", { columns: missing.join(", ") })
          : t("import.error.rejected")
        : t("import.error.tooLarge", { max: MAX_IMPORT_MB });
  const hint =
    error.code === "IMPORT_UNREADABLE"
      ? t("import.error.unreadableHint")
      : error.code === "IMPORT_REJECTED" && missing.length
        ? t("import.error.missingHint")
        : error.code === "IMPORT_REJECTED"
          ? null
          : t("import.error.tooLargeHint");
  return (
    <Alert color="red" variant="light" title={headline} data-testid="import-file-error" data-error-code={error.code}>
      <Stack gap={6}>
        {hint && <Text size="sm">{hint}</Text>}
        <Text size="xs" c="dimmed">
          {t("import.error.serverSaid")} <Code className="cw-break">{error.message}</Code>
        </Text>
      </Stack>
    </Alert>
  );
}
