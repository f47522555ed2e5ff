// The sign-in page (`/sign-in`), outside the application shell.
import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { type FormEvent, useState } from "react";
import { ApiError, signIn } from "../api.ts";
import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { LogoMark } from "../components/LogoMark.tsx";
import { type I18n, useI18n } from "../i18n.ts";
import { navigate } from "../router.tsx";
import { safeNext, useSession } from "../session.tsx";

/** Email and password; on success, back to the page the user wanted (`?next=`). */
export function SignInPage({ next }: { next: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { setMe } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState({ email: false, password: false });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(`${t("signin.title")} · Clearway`);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const blank = { email: !email.trim(), password: !password };
    setMissing(blank);
    if (blank.email || blank.password) return;
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(email.trim(), password);
      setMe(me);
      navigate(safeNext(next), { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", String(caught)));
      setPassword("");
      setBusy(false);
    }
  };

  return (
    <div className="cw-signin">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Stack align="center" px="md" className="cw-signin-body">
        <Group gap={10} wrap="nowrap">
          <LogoMark size={34} />
          <span className="cw-signin-brand">
            {t("app.name")} <span className="cw-brand-local">{t("app.nameLocal")}</span>
          </span>
        </Group>
        <Text size="sm" c="dimmed" ta="center">
          {t("app.tagline")}
        </Text>
        <Paper withBorder shadow="xs" p="xl" w="100%" maw={400} mt="xs">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <div>
                <Title order={1} size="h3">
                  {t("signin.title")}
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  {t("signin.subtitle")}
                </Text>
              </div>
              {error && (
                <Alert color="red" variant="light" data-testid="signin-error" data-error-code={error.code}>
                  <Text size="sm">{signInMessage(error, i18n)}</Text>
                </Alert>
              )}
              <TextInput
                label={t("signin.email")}
                type="email"
                autoComplete="username"
                autoFocus
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={missing.email ? t("signin.emailRequired") : undefined}
                data-testid="signin-email"
              />
              <PasswordInput
                label={t("signin.password")}
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={missing.password ? t("signin.passwordRequired") : undefined}
                data-testid="signin-password"
              />
              <Button type="submit" fullWidth loading={busy} data-testid="signin-submit">
                {t("signin.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </div>
  );
}

/** Why sign-in failed, in the user's language; the lock-out time in local time. */
function signInMessage(error: ApiError, { t, formatDateTime }: I18n): string {
  switch (error.code) {
    case "AUTH_FAILED":
      return t("signin.failed");
    case "AUTH_LOCKED": {
      const until = error.details?.lockedUntil;
      return t("signin.locked", { time: typeof until === "string" ? formatDateTime(until) : "—" });
    }
    case "RATE_LIMITED":
      return t("signin.rateLimited", { seconds: error.retryAfter ?? 60 });
    case "FORBIDDEN":
      return t("signin.noTenant");
    case "NETWORK":
      return t("error.network");
    default:
      return t("error.generic", { code: error.code, message: error.message });
  }
}
