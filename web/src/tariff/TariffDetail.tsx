// Detail of one tariff line: where it sits, its units, rates and subdivisions.
import { Anchor, Badge, Breadcrumbs, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { fetchLookup, type Lookup } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { isMessageKey, type MessageKey, useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { ChildrenTree } from "./ChildrenTree.tsx";
import { type TariffContext, tariffHref } from "./links.ts";
import { RatesTable } from "./RatesTable.tsx";

type Props = { code: string; context: TariffContext; editionName: string | undefined };

/** Loads a line by code and shows it, or the API's error with its suggestions. */
export function TariffDetail({ code, context, editionName }: Props) {
  const { t } = useI18n();
  const { data, error, loading } = useApi(`lookup/${context.schedule}/${code}`, (signal) =>
    fetchLookup(code, context.schedule, signal),
  );

  if (error) {
    return (
      <div data-testid="tariff-detail-error">
        <ErrorAlert
          error={error}
          code={code}
          editionName={editionName}
          suggestionHref={(suggestion) => tariffHref(suggestion.codeDotted, context)}
        />
      </div>
    );
  }
  if (!data) {
    return (
      <Group gap="xs" c="dimmed">
        <Loader size="xs" />
        <Text size="sm">{t("common.loading")}</Text>
      </Group>
    );
  }
  return (
    <Stack
      gap="md"
      data-testid="tariff-detail"
      data-code={data.code}
      aria-busy={loading}
      className={loading ? "cw-stale" : undefined}
    >
      <Paper withBorder p="md">
        <LineHeader line={data} context={context} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          {t("detail.rates")}
        </Title>
        {data.rates && hasAnyRate(data.rates) ? (
          <RatesTable rates={data.rates} context={context} />
        ) : (
          <Text size="sm" c="dimmed" data-testid="tariff-no-rates">
            {context.schedule === "hs" ? t("detail.hsNoRates") : t("detail.noRatesAtLevel")}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          {t("detail.children")}
        </Title>
        {data.children.length > 0 ? (
          <ChildrenTree nodes={data.children} context={context} />
        ) : (
          <Text size="sm" c="dimmed">
            {t("detail.noChildren")}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

/** Whether any duty column has text, printed here or inherited (headings usually have none). */
function hasAnyRate(rates: NonNullable<Lookup["rates"]>): boolean {
  return [rates.general, rates.special, rates.column2].some((cell) => cell.raw !== "" || cell.effectiveRaw !== "");
}

/** Breadcrumb, code, description, the full indented description and the units. */
function LineHeader({ line, context }: { line: Lookup; context: TariffContext }) {
  const { t } = useI18n();
  const levelKey = `level.${line.level}`;
  return (
    <Stack gap="sm">
      <PathBreadcrumbs line={line} context={context} />
      <div>
        <Group gap="sm" align="baseline">
          <Title order={2} size="h2" className="cw-code" data-testid="tariff-detail-code">
            {line.codeDotted}
          </Title>
          {isMessageKey(levelKey) && (
            <Badge variant="light" color="blue" size="sm">
              {t(levelKey as MessageKey)}
            </Badge>
          )}
        </Group>
        <Text size="md" mt={4} data-testid="tariff-detail-description">
          {line.description}
        </Text>
      </div>
      {line.path.length > 0 && <Hierarchy line={line} context={context} />}
      {(line.units.length > 0 || (context.schedule === "us_hts" && line.level >= 8)) && <Units units={line.units} />}
    </Stack>
  );
}

/** Section › chapter › heading › … › this line, each numbered ancestor a link. */
function PathBreadcrumbs({ line, context }: { line: Lookup; context: TariffContext }) {
  const { t } = useI18n();
  const numbered = line.path.filter((entry) => entry.code !== null);
  return (
    <Breadcrumbs separator="›" separatorMargin={6} className="cw-breadcrumbs" data-testid="tariff-breadcrumbs">
      {line.section && (
        <Anchor component={Link} to={tariffHref(null, context)} size="xs" c="dimmed" title={line.section.name}>
          {t("tariff.section", { section: line.section.section })}
        </Anchor>
      )}
      {numbered.map((entry) => (
        <Anchor
          key={entry.code}
          component={Link}
          to={tariffHref(entry.codeDotted ?? entry.code, context)}
          size="xs"
          className={entry.level === 2 ? undefined : "cw-code"}
          title={entry.description}
        >
          {entry.level === 2 ? t("tariff.chapter", { code: entry.codeDotted ?? "" }) : entry.codeDotted}
        </Anchor>
      ))}
      <Text size="xs" className="cw-code" fw={600}>
        {line.codeDotted}
      </Text>
    </Breadcrumbs>
  );
}

/** The legal reading of a line: every ancestor's description, indented, down to this one. */
function Hierarchy({ line, context }: { line: Lookup; context: TariffContext }) {
  const rows = [
    ...line.path,
    { code: line.code, codeDotted: line.codeDotted, level: line.level, description: line.description },
  ];
  return (
    <div className="cw-hierarchy" data-testid="tariff-hierarchy">
      {rows.map((entry, depth) => {
        const current = depth === rows.length - 1;
        const descriptionClass = entry.code ? (current ? "cw-hierarchy-current" : undefined) : "cw-group-label";
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a path's rows are fixed by position; group rows have no code
          <div key={depth} className="cw-hierarchy-row">
            <span className="cw-hierarchy-code">
              {entry.code && !current ? (
                <Link to={tariffHref(entry.codeDotted ?? entry.code, context)} className="cw-code cw-link">
                  {entry.codeDotted}
                </Link>
              ) : (
                <span className="cw-code">{entry.codeDotted}</span>
              )}
            </span>
            <span className={descriptionClass} style={{ paddingLeft: depth * 16 }}>
              {entry.description}
            </span>
          </div>
        );
      })}
    </div>
  );
}

/** The line's units of quantity, numbered as the specific rates refer to them. */
function Units({ units }: { units: string[] }) {
  const { t } = useI18n();
  return (
    <Group gap={6} data-testid="tariff-units">
      <Text size="xs" c="dimmed" fw={500}>
        {t("detail.units")}
      </Text>
      {units.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t("common.none")}
        </Text>
      ) : (
        units.map((unit, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the position is the unit's number (UoQ #1, #2)
          <Badge key={index} variant="outline" color="gray" size="sm" tt="none">
            {units.length > 1 ? `${index + 1} · ${unit}` : unit}
          </Badge>
        ))
      )}
    </Group>
  );
}
