// Where the user picks (or drops) the CSV or XLSX file to import.
import { FileDropZone } from "../components/FileDropZone.tsx";
import { useI18n } from "../i18n.ts";
import { MAX_IMPORT_MB } from "./useImportWizard.ts";

const ACCEPT = ".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The catalogue import's drop zone. */
export function ImportFilePicker({ onFile, disabled, compact }: { onFile: (file: File) => void; disabled?: boolean; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <FileDropZone
      onFile={onFile}
      disabled={disabled}
      compact={compact}
      accept={ACCEPT}
      testId="import"
      text={{ choose: t("import.choose"), hint: t("import.dropHint", { max: MAX_IMPORT_MB }), other: t("import.otherFile") }}
    />
  );
}
