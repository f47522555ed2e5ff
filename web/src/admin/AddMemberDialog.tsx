// Dialog that adds a member and shows a generated password once.
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { ApiError, addMember, type Member, type Role } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { RoleSelect, roleName } from "../components/Roles.tsx";
import { SecretReveal } from "../components/SecretReveal.tsx";
import { useI18n } from "../i18n.ts";

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const MIN_PASSWORD = 10;

type Added = { member: Member; initialPassword: string | null; passwordSet: boolean };

/** Email, display name, role and an optional password; then the result, with the one-time password. */
export function AddMemberDialog({ opened, onClose, onAdded }: { opened: boolean; onClose: () => void; onAdded: () => void }) {
  const { t } = useI18n();
  const [added, setAdded] = useState<Added | null>(null);
  const close = () => {
    setAdded(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("members.addTitle")}
      centered
      // Once the one-time password is on screen, only "Done" closes the dialog: a stray click would lose it.
      closeOnClickOutside={!added}
      closeOnEscape={!added}
      data-testid="member-add-dialog"
    >
      {added ? (
        <AddedResult added={added} onDone={close} />
      ) : (
        <AddMemberForm
          onCancel={close}
          onAdded={(result) => {
            setAdded(result);
            onAdded();
          }}
        />
      )}
    </Modal>
  );
}

/** The form of the add-member dialog. */
function AddMemberForm({ onCancel, onAdded }: { onCancel: () => void; onAdded: (added: Added) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("declarant");
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const emailError = checked && !EMAIL.test(email.trim()) ? t("members.invalidEmail") : undefined;
  const passwordError = checked && password && password.length < MIN_PASSWORD ? t("members.passwordShort") : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!EMAIL.test(email.trim()) || (password && password.length < MIN_PASSWORD)) return;
    setBusy(true);
    setError(null);
    try {
      const result = await addMember({
        email: email.trim(),
        role,
        displayName: displayName.trim() || undefined,
        password: password || undefined,
      });
      onAdded({ ...result, passwordSet: Boolean(password) });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", String(caught)));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t("members.email")}
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={emailError}
          data-autofocus
          data-testid="member-email"
        />
        <TextInput
          label={t("members.displayName")}
          description={t("members.optional")}
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          data-testid="member-display-name"
        />
        <RoleSelect label={t("members.col.role")} value={role} onChange={setRole} withHint data-testid="member-role" />
        <PasswordInput
          label={t("members.password")}
          description={t("members.passwordHint")}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={passwordError}
          data-testid="member-password-input"
        />
        {error && (
          <ErrorAlert
            error={error}
            message={error.code === "CONFLICT" ? t("members.alreadyMember", { email: email.trim() }) : undefined}
          />
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={busy} data-testid="member-add-submit">
            {t("members.submitAdd")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What happened, and the generated password when there is one. */
function AddedResult({ added, onDone }: { added: Added; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { member, initialPassword, passwordSet } = added;
  return (
    <Stack gap="sm">
      <Alert color="green" variant="light">
        <Text size="sm">{t("members.added", { email: member.email, role: roleName(i18n, member.role) })}</Text>
      </Alert>
      {initialPassword ? (
        <>
          <Text size="sm" fw={500}>
            {t("members.initialPassword")}
          </Text>
          <SecretReveal value={initialPassword} testId="member-initial-password" />
          <Text size="sm" c="orange.8">
            {t("members.initialPasswordHint", { email: member.email })}
          </Text>
        </>
      ) : (
        <Text size="sm">
          {passwordSet ? t("members.ownPassword") : t("members.existingUser", { email: member.email })}
        </Text>
      )}
      <Group justify="flex-end" mt="xs">
        <Button onClick={onDone} data-testid="member-add-done">
          {t("common.done")}
        </Button>
      </Group>
    </Stack>
  );
}
