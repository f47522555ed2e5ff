// Suppliers (`/catalog/suppliers`): names in both languages, country, products, compliance score.
import { Anchor, Button, Paper, Stack, Table, Text, Tooltip } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { PageHeader } from "../admin/PageHeader.tsx";
import { fetchSuppliers, type Supplier } from "../api.ts";
import { CatalogTabs } from "../catalog/CatalogTabs.tsx";
import { CreateSupplierDialog } from "../catalog/CreateSupplierDialog.tsx";
import { countryName } from "../catalog/format.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { href, Link } from "../router.tsx";
import { useCan, useMe } from "../session.tsx";
import { useApi } from "../useApi.ts";

/** Page for `/catalog/suppliers`. */
export function SuppliersPage() {
  const { t } = useI18n();
  const me = useMe();
  const can = useCan();
  useDocumentTitle(`${t("suppliers.title")} · Clearway`);
  const [reloads, setReloads] = useState(0);
  const { data, error, loading } = useApi(`suppliers/${reloads}`, fetchSuppliers);
  const reload = () => setReloads((count) => count + 1);
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="md" data-testid="suppliers-page">
      <CatalogTabs pathname="/catalog/suppliers" />
      <PageHeader title={t("suppliers.title")} intro={t("suppliers.intro", { tenant: me.tenant.name })}>
        {can("catalog.write") && (
          <Button leftSection={<Icon name="plus" size={15} />} onClick={() => setCreating(true)} data-testid="supplier-create">
            {t("suppliers.create")}
          </Button>
        )}
      </PageHeader>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {data && (
        <Paper withBorder className={loading ? "cw-stale" : undefined}>
          {data.suppliers.length === 0 ? (
            <Text size="sm" c="dimmed" p="md" data-testid="suppliers-empty">
              {t("suppliers.empty")}
            </Text>
          ) : (
            <SuppliersTable suppliers={data.suppliers} />
          )}
        </Paper>
      )}
      <CreateSupplierDialog opened={creating} onClose={() => setCreating(false)} onCreated={reload} />
    </Stack>
  );
}

/** One row per supplier; the product count opens the product list filtered to that supplier. */
function SuppliersTable({ suppliers }: { suppliers: Supplier[] }) {
  const { t, lang, formatNumber } = useI18n();
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table verticalSpacing={7} fz="sm" highlightOnHover data-testid="suppliers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("suppliers.col.name")}</Table.Th>
            <Table.Th>{t("suppliers.col.nameZh")}</Table.Th>
            <Table.Th>{t("suppliers.col.country")}</Table.Th>
            <Table.Th ta="right">{t("suppliers.col.products")}</Table.Th>
            <Table.Th ta="right">{t("suppliers.col.score")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {suppliers.map((supplier) => (
            <Table.Tr key={supplier.id} data-testid="supplier-row" data-name={supplier.nameEn} className="cw-top">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {supplier.nameEn}
                </Text>
                {supplier.address && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {supplier.address}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{supplier.nameZh ?? "—"}</Table.Td>
              <Table.Td>{supplier.country ? `${countryName(lang, supplier.country)} (${supplier.country})` : "—"}</Table.Td>
              <Table.Td ta="right" className="cw-num">
                {Number(supplier.productCount) > 0 ? (
                  <Anchor component={Link} to={href("/catalog", { supplier: supplier.id })} size="sm" title={t("suppliers.showProducts")}>
                    {formatNumber(Number(supplier.productCount))}
                  </Anchor>
                ) : (
                  "0"
                )}
              </Table.Td>
              <Table.Td ta="right" className="cw-num">
                {supplier.complianceScore === null ? (
                  <Tooltip label={t("suppliers.scoreHint")} withArrow openDelay={300}>
                    <Text span size="sm" c="dimmed" data-testid="supplier-score">
                      —
                    </Text>
                  </Tooltip>
                ) : (
                  <span data-testid="supplier-score">{supplier.complianceScore}</span>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
