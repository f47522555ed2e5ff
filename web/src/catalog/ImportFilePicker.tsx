// Where the user picks (or drops) the CSV or XLSX file to import.
import { Group, Stack, Text } from "@mantine/core";
import { type DragEvent, useState } from "react";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { MAX_IMPORT_MB } from "./useImportWizard.ts";

const ACCEPT = ".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A drop zone around a native file input (so keyboards, screen readers and tests can use the input itself). */
export function ImportFilePicker({ onFile, disabled, compact }: { onFile: (file: File) => void; disabled?: boolean; compact?: boolean }) {
  const { t } = useI18n();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <label
      className={`cw-dropzone${over ? " cw-dropzone-over" : ""}${compact ? " cw-dropzone-compact" : ""}${disabled ? " cw-dropzone-disabled" : ""}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="import-dropzone"
    >
      <input
        type="file"
        accept={ACCEPT}
        className="cw-visually-hidden"
        disabled={disabled}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) onFile(file);
        }}
        data-testid="import-file-input"
      />
      {compact ? (
        <Group gap={6} justify="center">
          <Icon name="upload" size={15} />
          <Text size="sm" fw={500}>
            {t("import.otherFile")}
          </Text>
        </Group>
      ) : (
        <Stack gap={4} align="center">
          <Icon name="upload" size={28} className="cw-dropzone-icon" />
          <Text fw={600}>{t("import.choose")}</Text>
          <Text size="sm" c="dimmed" ta="center">
            {t("import.dropHint", { max: MAX_IMPORT_MB })}
          </Text>
        </Stack>
      )}
    </label>
  );
}
