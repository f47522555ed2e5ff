// Review queue (`/classify/queue`): items the classifier abstained on or that were sent to review, with the reviewer's actions.
import { Group, Pagination, Paper, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { PageHeader } from "../admin/PageHeader.tsx";
import { marketLongName } from "../catalog/ClassificationBadge.tsx";
import { fetchReviewQueue, type Market, type ReviewItem, type ReviewStatus } from "../classify/api.ts";
import { ClassifyTabs } from "../classify/ClassifyTabs.tsx";
import { ReviewCard } from "../classify/ReviewCard.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { href, navigate } from "../router.tsx";
import { useApi } from "../useApi.ts";

const PAGE = 20;
const STATUSES: (ReviewStatus | "all")[] = ["open", "confirmed", "corrected", "dismissed", "all"];

/** Page for `/classify/queue`; the filters live in the URL (?status=&market=&page=). */
export function ReviewQueuePage({ search }: { search: URLSearchParams }) {
  const { t } = useI18n();
  useDocumentTitle(`${t("review.title")} · Clearway`);
  const status = (STATUSES as string[]).includes(search.get("status") ?? "") ? (search.get("status") as ReviewStatus | "all") : "open";
  const market = search.get("market") === "us" || search.get("market") === "hs" ? (search.get("market") as Market) : undefined;
  const page = Math.max(1, Number(search.get("page")) || 1);
  const [reloads, setReloads] = useState(0);
  const [decided, setDecided] = useState<Record<string, ReviewItem>>({});
  const filters = { status, market, limit: PAGE, offset: (page - 1) * PAGE };
  const { data, error, loading } = useApi(`review-queue/${status}/${market ?? ""}/${page}/${reloads}`, (signal) => fetchReviewQueue(filters, signal));
  const go = (changes: Record<string, string | undefined>) => navigate(href("/classify/queue", { status, market, page: String(page), ...changes }));

  return (
    <Stack gap="md" data-testid="review-queue-page">
      <ClassifyTabs pathname="/classify/queue" />
      <PageHeader title={t("review.title")} intro={t("review.intro")} />
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          value={status}
          onChange={(value) => {
            setDecided({});
            go({ status: value, page: undefined });
          }}
          data={STATUSES.map((value) => ({ value, label: t(value === "all" ? "review.status.all" : `review.status.${value}`) }))}
          data-testid="review-filter-status"
        />
        <Select
          aria-label={t("classify.market")}
          placeholder={t("review.allMarkets")}
          value={market ?? null}
          onChange={(value) => go({ market: value ?? undefined, page: undefined })}
          data={(["us", "hs"] as const).map((value) => ({ value, label: marketLongName(t, value) }))}
          clearable
          w={240}
          comboboxProps={{ withinPortal: true }}
          data-testid="review-filter-market"
        />
      </Group>
      {error && <ErrorAlert error={error} onRetry={() => setReloads((n) => n + 1)} />}
      {data && (
        <Stack gap="sm" className={loading ? "cw-stale" : undefined}>
          <Text size="sm" c="dimmed" data-testid="review-count">
            {t("review.count", { total: data.total })}
          </Text>
          {data.items.length === 0 ? (
            <Paper withBorder p="md">
              <Text size="sm" c="dimmed" data-testid="review-empty">
                {t(status === "open" ? "review.emptyOpen" : "review.empty")}
              </Text>
            </Paper>
          ) : (
            data.items.map((item) => <ReviewCard key={item.id} item={decided[item.id] ?? item} onDecided={(next) => setDecided((all) => ({ ...all, [next.id]: next }))} />)
          )}
          {data.total > PAGE && <Pagination value={page} total={Math.ceil(data.total / PAGE)} onChange={(next) => go({ page: String(next) })} data-testid="review-pages" />}
        </Stack>
      )}
    </Stack>
  );
}
