// A drop zone around a native file input, shared by the catalogue import and the screening upload.
import { Group, Stack, Text } from "@mantine/core";
import { type DragEvent, useState } from "react";
import { Icon } from "../icons.tsx";

/** What the zone says: the call to action, the hint under it, and the compact label once a file is chosen. */
export type DropZoneText = { choose: string; hint: string; other: string };

/** A drop zone around a native file input (so keyboards, screen readers and tests can use the input itself). */
export function FileDropZone({
  onFile,
  disabled,
  compact,
  accept,
  text,
  testId,
}: {
  onFile: (file: File) => void;
  disabled?: boolean;
  compact?: boolean;
  accept: string;
  text: DropZoneText;
  testId: string;
}) {
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
      data-testid={`${testId}-dropzone`}
    >
      <input
        type="file"
        accept={accept}
        className="cw-visually-hidden"
        disabled={disabled}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) onFile(file);
        }}
        data-testid={`${testId}-file-input`}
      />
      {compact ? (
        <Group gap={6} justify="center">
          <Icon name="upload" size={15} />
          <Text size="sm" fw={500}>
            {text.other}
          </Text>
        </Group>
      ) : (
        <Stack gap={4} align="center">
          <Icon name="upload" size={28} className="cw-dropzone-icon" />
          <Text fw={600}>{text.choose}</Text>
          <Text size="sm" c="dimmed" ta="center">
            {text.hint}
          </Text>
        </Stack>
      )}
    </label>
  );
}
