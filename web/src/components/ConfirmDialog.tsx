// A modal that asks before a destructive action and shows the action's error if it fails.
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { ApiError } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";

type Props = {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Runs the action; the dialog closes when it resolves and shows the error when it throws. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** Turns an error into the text to show, for errors this action explains better than the generic message. */
  describeError?: (error: ApiError) => string | undefined;
  testId?: string;
};

/** "Are you sure?" with a red confirm button. */
export function ConfirmDialog({ opened, title, children, confirmLabel, onConfirm, onClose, describeError, testId }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", String(caught)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={close} title={title} centered data-testid={testId}>
      <Stack gap="md">
        <Text size="sm">{children}</Text>
        {error && <ErrorAlert error={error} message={describeError?.(error)} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button color="red" onClick={confirm} loading={busy} data-testid={testId ? `${testId}-confirm` : undefined}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
