// The product list as a table: SKU, titles, brand, origin, supplier, value, classifications, next certificate expiry.
import { Group, Table, Text, Tooltip } from "@mantine/core";
import type { ProductListItem } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import { ClassificationBadge } from "./ClassificationBadge.tsx";
import { byMarket, countryName, daysBetween, EXPIRY_WARN_DAYS, today, trimDecimal } from "./format.ts";

/** One row per product; the SKU opens the product page. */
export function ProductsTable({ products }: { products: ProductListItem[] }) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={1100} type="native">
      <Table verticalSpacing={7} fz="sm" highlightOnHover data-testid="products-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("catalog.col.sku")}</Table.Th>
            <Table.Th>{t("catalog.col.title")}</Table.Th>
            <Table.Th>{t("catalog.col.brand")}</Table.Th>
            <Table.Th>{t("catalog.col.origin")}</Table.Th>
            <Table.Th>{t("catalog.col.supplier")}</Table.Th>
            <Table.Th ta="right">{t("catalog.col.value")}</Table.Th>
            <Table.Th>{t("catalog.col.codes")}</Table.Th>
            <Table.Th>{t("catalog.col.expiry")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.map((product) => (
            <ProductRow key={product.id} product={product} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One product's row. */
function ProductRow({ product }: { product: ProductListItem }) {
  const { t, lang } = useI18n();
  return (
    <Table.Tr data-testid="product-row" data-sku={product.sku} className="cw-top">
      <Table.Td>
        <Link to={`/catalog/products/${encodeURIComponent(product.id)}`} className="cw-link cw-code" data-testid="product-link">
          {product.sku}
        </Link>
      </Table.Td>
      <Table.Td maw={340}>
        <Text size="sm" lineClamp={2}>
          {product.titleEn ?? "—"}
        </Text>
        {product.titleZh && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {product.titleZh}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{product.brand ?? "—"}</Table.Td>
      <Table.Td className="cw-nowrap">
        {product.originCountry ? (
          <Tooltip label={countryName(lang, product.originCountry)} withArrow openDelay={300}>
            <span className="cw-code">{product.originCountry}</span>
          </Tooltip>
        ) : (
          "—"
        )}
      </Table.Td>
      <Table.Td>{product.supplierName ?? "—"}</Table.Td>
      <Table.Td ta="right" className="cw-num">
        {product.declaredUnitValue ? `${trimDecimal(product.declaredUnitValue)} ${product.currency ?? ""}` : "—"}
      </Table.Td>
      <Table.Td>
        {product.classifications.length ? (
          <Group gap={4}>
            {byMarket(product.classifications).map((classification) => (
              <ClassificationBadge key={classification.market} classification={classification} />
            ))}
          </Group>
        ) : (
          <Text span size="xs" c="dimmed">
            {t("catalog.noCodes")}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <ExpiryDate date={product.nextCertificateExpiry} />
      </Table.Td>
    </Table.Tr>
  );
}

/** A certificate expiry date: red when past, orange within 30 days, a dash when there is none. */
export function ExpiryDate({ date }: { date: string | null }) {
  const { t } = useI18n();
  if (!date) return <Text span size="sm" c="dimmed">—</Text>;
  const days = daysBetween(today(), date);
  const color = days < 0 ? "red.7" : days <= EXPIRY_WARN_DAYS ? "orange.7" : undefined;
  const hint = days < 0 ? t("certs.status.expiredDays", { days: -days }) : t("certs.status.expiring", { days });
  return (
    <Tooltip label={hint} withArrow openDelay={300}>
      <Text span size="sm" c={color} fw={color ? 600 : undefined} className="cw-num" data-testid="product-expiry" data-days={days}>
        {date}
      </Text>
    </Tooltip>
  );
}
