// Dialog that creates an API key and shows its secret once.
import { Alert, Button, Code, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { ApiError, createApiKey, type Role } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { RoleSelect } from "../components/Roles.tsx";
import { SecretReveal } from "../components/SecretReveal.tsx";
import { useI18n } from "../i18n.ts";

/** Name and role; then the secret with a copy button and the warning that it is not shown again. */
export function CreateApiKeyDialog({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const [secret, setSecret] = useState<string | null>(null);
  const close = () => {
    setSecret(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={secret ? t("apikeys.secretTitle") : t("apikeys.createTitle")}
      centered
      size={secret ? "lg" : "md"}
      // Once the secret is on screen, only "Done" closes the dialog: a stray click would lose it.
      closeOnClickOutside={!secret}
      closeOnEscape={!secret}
      data-testid="apikey-dialog"
    >
      {secret ? (
        <SecretShown secret={secret} onDone={close} />
      ) : (
        <CreateApiKeyForm
          onCancel={close}
          onCreated={(key) => {
            setSecret(key);
            onCreated();
          }}
        />
      )}
    </Modal>
  );
}

/** The form of the create-key dialog. */
function CreateApiKeyForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (key: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const { key } = await createApiKey(name.trim(), role);
      onCreated(key);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", String(caught)));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t("apikeys.name")}
          placeholder={t("apikeys.namePlaceholder")}
          required
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={checked && !name.trim() ? t("apikeys.nameRequired") : undefined}
          data-autofocus
          data-testid="apikey-name"
        />
        <RoleSelect label={t("apikeys.col.role")} value={role} onChange={setRole} withHint data-testid="apikey-role" />
        {error && <ErrorAlert error={error} />}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={busy} data-testid="apikey-submit">
            {t("apikeys.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The new key's secret, once. */
function SecretShown({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm">
      <Alert color="orange" variant="light">
        <Text size="sm" fw={500}>
          {t("apikeys.secretWarning")}
        </Text>
      </Alert>
      <SecretReveal value={secret} testId="apikey-secret" />
      <Text size="sm" c="dimmed">
        {t("apikeys.secretUsage")}
      </Text>
      <Code block className="cw-secret-usage">
        Authorization: Bearer cwk_…
      </Code>
      <Group justify="flex-end" mt="xs">
        <Button onClick={onDone} data-testid="apikey-done">
          {t("common.done")}
        </Button>
      </Group>
    </Stack>
  );
}
