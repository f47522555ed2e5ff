// The tariff browser: schedule switch, search, and either a line's detail or the sections outline.
import { Grid, Group, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { type Edition, fetchEditions, type Schedule } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { navigate } from "../router.tsx";
import { parseSchedule, type TariffContext, tariffHref, toHsCode } from "../tariff/links.ts";
import { SearchBar } from "../tariff/SearchBar.tsx";
import { SearchResults } from "../tariff/SearchResults.tsx";
import { SectionBrowser } from "../tariff/SectionBrowser.tsx";
import { TariffDetail } from "../tariff/TariffDetail.tsx";
import { useApi } from "../useApi.ts";

/** Page for `/tariff` and `/tariff/:code`. */
export function TariffPage({ code, search }: { code: string | null; search: URLSearchParams }) {
  const { t } = useI18n();
  const context: TariffContext = { schedule: parseSchedule(search.get("schedule")), q: search.get("q")?.trim() ?? "" };
  const editions = useApi("editions", fetchEditions);
  const edition = latestEdition(editions.data?.editions ?? [], context.schedule);
  useDocumentTitle([code, t("tariff.title"), "Clearway"].filter(Boolean).join(" · "));

  const changeSchedule = (schedule: Schedule) => {
    const nextCode = code && schedule === "hs" ? toHsCode(code) : code;
    navigate(tariffHref(nextCode, { ...context, schedule }));
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Title order={2} size="h3">
          {t("tariff.title")}
        </Title>
        {edition && <EditionLine edition={edition} />}
      </Group>
      <SearchBar
        context={context}
        onScheduleChange={changeSchedule}
        onSearch={(q) => navigate(tariffHref(code, { ...context, q }))}
      />
      <Grid gap="md">
        {context.q && (
          <Grid.Col span={{ base: 12, lg: 5, xl: 4 }}>
            <SearchResults context={context} selectedCode={code} />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, lg: context.q ? 7 : 12, xl: context.q ? 8 : 12 }}>
          {code ? (
            <TariffDetail code={code} context={context} editionName={edition?.name} />
          ) : (
            <SectionBrowser context={context} />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The most recent edition of a schedule. */
function latestEdition(editions: Edition[], schedule: Schedule): Edition | undefined {
  return editions
    .filter((edition) => edition.schedule === schedule)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

/** "HTSUS 2026 Revision 4 · effective 2026-… · 35,733 lines". */
function EditionLine({ edition }: { edition: Edition }) {
  const { t, formatNumber } = useI18n();
  return (
    <Text size="xs" c="dimmed" data-testid="tariff-edition">
      {t("tariff.edition", { name: edition.name, date: edition.effectiveFrom, lines: formatNumber(edition.lines) })}
    </Text>
  );
}
