// Shown for URLs the console has no page for.
import { Stack, Text, Title } from "@mantine/core";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";

/** A plain "page not found" with a way back into the console. */
export function NotFoundPage({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs" maw={560} mt="xl">
      <Title order={2}>{t("notFound.title")}</Title>
      <Text c="dimmed">{t("notFound.body", { path: pathname })}</Text>
      <Link to="/tariff" className="cw-link">
        {t("notFound.link")}
      </Link>
    </Stack>
  );
}
