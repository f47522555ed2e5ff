// The schedule's outline: sections with their chapters, each chapter a link.
import { Group, Loader, Paper, Text, Title } from "@mantine/core";
import { fetchSections } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { type TariffContext, tariffHref } from "./links.ts";

/** Sections → chapters of the selected schedule. */
export function SectionBrowser({ context }: { context: TariffContext }) {
  const { t } = useI18n();
  const { data, error, loading } = useApi(`sections/${context.schedule}`, (signal) =>
    fetchSections(context.schedule, signal),
  );

  return (
    <Paper withBorder p="md" data-testid="tariff-sections" aria-busy={loading}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t("tariff.browseTitle")}
        </Title>
        {loading && <Loader size="xs" />}
      </Group>
      {error && <ErrorAlert error={error} />}
      <div className="cw-sections">
        {data?.sections.map((section) => (
          <section key={section.section} className="cw-section" id={`section-${section.section}`}>
            <div className="cw-section-head">
              <span className="cw-section-numeral">{t("tariff.section", { section: section.section })}</span>
              <span className="cw-section-name">{section.name}</span>
            </div>
            {section.chapters.map((chapter) => (
              <Link
                key={chapter.code}
                to={tariffHref(chapter.code, context)}
                className="cw-chapter"
                data-testid="tariff-chapter-link"
              >
                <span className="cw-code">{chapter.code}</span>
                <Text span size="sm" className="cw-chapter-desc">
                  {chapter.description}
                </Text>
              </Link>
            ))}
          </section>
        ))}
      </div>
    </Paper>
  );
}
