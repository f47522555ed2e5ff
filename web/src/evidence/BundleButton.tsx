// A button that fetches an evidence bundle and saves it as evidence-<seq>.json.
import { Button, type ButtonProps, Stack } from "@mantine/core";
import { useState } from "react";
import { ApiError, type EvidenceBundle } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Icon } from "../icons.tsx";
import { saveBundle } from "./format.ts";

type Props = {
  /** Fetches the bundle (exporting one may sign a new checkpoint, so callers may want to refresh after). */
  load: () => Promise<EvidenceBundle>;
  label: string;
  testId: string;
  onSaved?: (bundle: EvidenceBundle) => void;
} & Pick<ButtonProps, "size" | "variant">;

/** Downloads an evidence bundle as a real file; a refusal shows under the button. */
export function BundleButton({ load, label, testId, onSaved, size = "xs", variant = "default" }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const bundle = await load();
      saveBundle(bundle);
      onSaved?.(bundle);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", caught instanceof Error ? caught.message : String(caught)));
    } finally {
      setBusy(false);
    }
  };
  const button = (
    <Button size={size} variant={variant} loading={busy} onClick={download} leftSection={<Icon name="download" size={14} />} data-testid={testId}>
      {label}
    </Button>
  );
  if (!error) return button;
  return (
    <Stack gap={6} align="flex-start">
      {button}
      <ErrorAlert error={error} />
    </Stack>
  );
}
