// The result list of a tariff search.
import { Badge, Group, Loader, Paper, Text } from "@mantine/core";
import { fetchSearch, type SearchResult } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { type TariffContext, tariffHref } from "./links.ts";

const RESULT_LIMIT = 20;

/** Runs the search in the URL and lists the matching lines. */
export function SearchResults({ context, selectedCode }: { context: TariffContext; selectedCode: string | null }) {
  const { t } = useI18n();
  const { data, error, loading } = useApi(`search/${context.schedule}/${context.q}`, (signal) =>
    fetchSearch(context.q, context.schedule, RESULT_LIMIT, signal),
  );
  const selectedDigits = selectedCode?.replace(/\D/g, "") ?? null;

  return (
    <Paper withBorder data-testid="tariff-search-results" className="cw-results" aria-busy={loading}>
      <Group className="cw-results-head" justify="space-between" wrap="nowrap">
        <Text size="sm" fw={500}>
          {data
            ? data.results.length === 1
              ? t("tariff.resultsOne", { query: data.query })
              : t("tariff.results", { query: data.query, count: data.results.length })
            : t("common.loading")}
        </Text>
        {loading && <Loader size="xs" />}
      </Group>
      {data?.interpretedAs && data.interpretedAs.length > 0 && (
        <Group gap={6} className="cw-interpreted" data-testid="tariff-interpreted-as">
          <Text size="xs" c="dimmed">
            {t("tariff.interpretedAs")}
          </Text>
          {data.interpretedAs.map((term) => (
            <Badge key={term} size="sm" variant="light" color="grape" tt="none">
              {term}
            </Badge>
          ))}
        </Group>
      )}
      {error && (
        <div className="cw-results-pad">
          <ErrorAlert error={error} />
        </div>
      )}
      {data && data.results.length === 0 && (
        <Text size="sm" c="dimmed" className="cw-results-pad">
          {t("tariff.noResults", { query: data.query })}
        </Text>
      )}
      {data?.results.map((result) => (
        <ResultRow
          key={result.code}
          result={result}
          context={context}
          active={result.code.replace(/\D/g, "") === selectedDigits}
        />
      ))}
    </Paper>
  );
}

/** One result: code and rate, description, ancestor path. */
function ResultRow({ result, context, active }: { result: SearchResult; context: TariffContext; active: boolean }) {
  const { t } = useI18n();
  return (
    <Link
      to={tariffHref(result.codeDotted, context)}
      className={active ? "cw-result cw-result-active" : "cw-result"}
      data-testid="tariff-result-row"
      aria-current={active ? "true" : undefined}
    >
      <div className="cw-result-head">
        <span className="cw-code">{result.codeDotted}</span>
        {result.general && (
          <span className="cw-result-rate" title={t("tariff.generalShort")}>
            {result.general}
          </span>
        )}
      </div>
      <div className="cw-result-desc" title={result.description}>
        {result.description}
      </div>
      {result.path && <div className="cw-result-path">{result.path}</div>}
    </Link>
  );
}
