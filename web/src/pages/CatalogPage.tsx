// The product catalogue (`/catalog`): filters in the URL, one page of products, import and export.
import { Button, Group, Pagination, Paper, Stack, Text } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { PageHeader } from "../admin/PageHeader.tsx";
import { catalogExportUrl, fetchProducts, type ProductFilter, type ProductQuery } from "../api.ts";
import { CatalogTabs } from "../catalog/CatalogTabs.tsx";
import { EXPIRY_WARN_DAYS } from "../catalog/format.ts";
import { ProductFilterBar, type ProductSearch } from "../catalog/ProductFilterBar.tsx";
import { ProductsTable } from "../catalog/ProductsTable.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { href, Link, navigate } from "../router.tsx";
import { useCan, useMe } from "../session.tsx";
import { useApi } from "../useApi.ts";

const PAGE_SIZE = 50;

/** Page for `/catalog`. */
export function CatalogPage({ search }: { search: URLSearchParams }) {
  const { t, formatNumber } = useI18n();
  const me = useMe();
  const can = useCan();
  useDocumentTitle(`${t("catalog.title")} · Clearway`);
  const filters = readSearch(search);
  const page = Math.max(1, Number(search.get("page")) || 1);
  const apiQuery = toApiQuery(filters, page);
  const { data, error, loading } = useApi(`products?${JSON.stringify(apiQuery)}`, (signal) => fetchProducts(apiQuery, signal));
  const go = (next: ProductSearch, nextPage = 1) => navigate(href("/catalog", toUrl(next, nextPage)));
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const filtered = Object.values(filters).some(Boolean);

  return (
    <Stack gap="md" data-testid="catalog-page">
      <CatalogTabs pathname="/catalog" />
      <PageHeader title={t("catalog.title")} intro={t("catalog.intro", { tenant: me.tenant.name })}>
        {can("catalog.write") && (
          <Button component={Link} to="/catalog/import" leftSection={<Icon name="plus" size={15} />} data-testid="catalog-import">
            {t("catalog.import")}
          </Button>
        )}
        <ExportButton format="csv" label={t("catalog.exportCsv")} filters={toApiFilter(filters)} filtered={filtered} />
        <ExportButton format="xlsx" label={t("catalog.exportXlsx")} filters={toApiFilter(filters)} filtered={filtered} />
      </PageHeader>
      <Paper withBorder p="sm">
        <ProductFilterBar value={filters} onApply={(next) => go(next)} />
      </Paper>
      {error && <ErrorAlert error={error} />}
      {data && data.products.length > 0 && (
        <Paper withBorder className={loading ? "cw-stale" : undefined}>
          <ProductsTable products={data.products} />
        </Paper>
      )}
      {data && data.products.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="catalog-empty">
          {filtered ? t("catalog.empty") : t("catalog.emptyCatalogue")}
        </Text>
      )}
      {data && data.total > 0 && (
        <Group justify="space-between" gap="sm">
          <Text size="xs" c="dimmed" data-testid="catalog-total" data-total={data.total}>
            {t("catalog.shown", {
              from: formatNumber((page - 1) * PAGE_SIZE + 1),
              to: formatNumber((page - 1) * PAGE_SIZE + data.products.length),
              total: formatNumber(data.total),
            })}
          </Text>
          {pages > 1 && <Pagination size="sm" total={pages} value={page} onChange={(next) => go(filters, next)} data-testid="catalog-pages" />}
        </Group>
      )}
    </Stack>
  );
}

/** A download link for the products the filters select, every page of them (a plain GET: the session cookie goes with it). */
function ExportButton({ format, label, filters, filtered }: { format: "csv" | "xlsx"; label: string; filters: ProductFilter; filtered: boolean }) {
  const { t } = useI18n();
  return (
    <Button
      component="a"
      href={catalogExportUrl(format, filters)}
      title={filtered ? t("catalog.exportFilteredHint") : t("catalog.exportAllHint")}
      data-filtered={filtered}
      download
      variant="default"
      leftSection={<Icon name="download" size={15} />}
      data-testid={`catalog-export-${format}`}
    >
      {label}
    </Button>
  );
}

/** The filters from the URL's query string. */
function readSearch(search: URLSearchParams): ProductSearch {
  return {
    q: search.get("q") ?? "",
    unclassified: search.get("unclassified") === "us",
    expiring: search.has("expiring"),
    supplier: search.get("supplier") ?? "",
    tag: search.get("tag") ?? "",
  };
}

/** The query string for filters and a page. */
function toUrl(filters: ProductSearch, page: number): Record<string, string | null> {
  return {
    q: filters.q,
    unclassified: filters.unclassified ? "us" : null,
    expiring: filters.expiring ? String(EXPIRY_WARN_DAYS) : null,
    supplier: filters.supplier,
    tag: filters.tag,
    page: page > 1 ? String(page) : null,
  };
}

/** The filters as the list and the export take them. */
function toApiFilter(filters: ProductSearch): ProductFilter {
  return {
    q: filters.q || undefined,
    unclassified: filters.unclassified ? "us" : undefined,
    certificateExpiringDays: filters.expiring ? EXPIRY_WARN_DAYS : undefined,
    supplierId: filters.supplier || undefined,
    tag: filters.tag || undefined,
  };
}

/** What GET /api/catalog/products takes: the filters and a page. */
function toApiQuery(filters: ProductSearch, page: number): ProductQuery {
  return { ...toApiFilter(filters), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
}
