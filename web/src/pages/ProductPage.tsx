// One product (`/catalog/products/:id`): attributes with an edit form, classification per market, certificates, versions.
import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { fetchProduct, type Product, type ProductDetail } from "../api.ts";
import { CatalogTabs } from "../catalog/CatalogTabs.tsx";
import { ClassificationHistory } from "../catalog/ClassificationHistory.tsx";
import { ClassificationPanel } from "../catalog/ClassificationPanel.tsx";
import { Panel } from "../catalog/Facts.tsx";
import { ProductAttributes } from "../catalog/ProductAttributes.tsx";
import { ProductCertificates } from "../catalog/ProductCertificates.tsx";
import { ProductEditForm } from "../catalog/ProductEditForm.tsx";
import { VersionList } from "../catalog/VersionList.tsx";
import { ProductClassifyBox } from "../classify/ProductClassifyBox.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { useApi } from "../useApi.ts";

/** Page for `/catalog/products/:id`. */
export function ProductPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [reloads, setReloads] = useState(0);
  const { data, error, loading } = useApi(`product/${id}/${reloads}`, (signal) => fetchProduct(id, signal));
  const reload = () => setReloads((count) => count + 1);
  useDocumentTitle([data?.product.sku, t("catalog.title"), "Clearway"].filter(Boolean).join(" · "));

  return (
    <Stack gap="md" data-testid="product-page">
      <CatalogTabs pathname="/catalog/products" />
      <Anchor component={Link} to="/catalog" size="sm" className="cw-back">
        ← {t("product.back")}
      </Anchor>
      {error && <ErrorAlert error={error} onRetry={error.status === 404 ? undefined : reload} message={error.status === 404 ? t("product.notFound", { id }) : undefined} />}
      {data && <ProductView detail={data} stale={loading} onChanged={reload} />}
    </Stack>
  );
}

/** The loaded product. */
function ProductView({ detail, stale, onChanged }: { detail: ProductDetail; stale: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const can = useCan();
  const { product } = detail;
  const [editing, setEditing] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const saved = (next: Product) => {
    setEditing(false);
    setSavedVersion(next.version);
    onChanged();
  };

  return (
    <Stack gap="md" className={stale ? "cw-stale" : undefined}>
      <ProductHeading product={product} />
      {savedVersion !== null && (
        <Alert color="green" variant="light" withCloseButton onClose={() => setSavedVersion(null)} data-testid="product-saved">
          <Text size="sm">{t("product.saved", { version: savedVersion })}</Text>
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Panel
              title={t("product.attributes")}
              testId="product-attributes"
              actions={
                can("catalog.write") &&
                !editing && (
                  <Button size="compact-sm" variant="default" onClick={() => { setSavedVersion(null); setEditing(true); }} data-testid="product-edit">
                    {t("product.edit")}
                  </Button>
                )
              }
            >
              {editing ? <ProductEditForm product={product} onSaved={saved} onCancel={() => setEditing(false)} /> : <ProductAttributes product={product} />}
            </Panel>
            <Panel title={t("product.certificates")} testId="product-certificates-panel">
              <ProductCertificates certificates={detail.certificates} />
            </Panel>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <ClassificationPanel detail={detail} onRecorded={onChanged} />
            <ProductClassifyBox productId={product.id} onConfirmed={onChanged} />
            <Panel title={t("versions.title")}>
              <VersionList product={product} versions={detail.versions} />
            </Panel>
          </Stack>
        </Grid.Col>
      </Grid>
      <Panel title={t("classify.history")} testId="classification-history-panel">
        <ClassificationHistory history={detail.classificationHistory} />
      </Panel>
    </Stack>
  );
}

/** SKU, titles, version and last change. */
function ProductHeading({ product }: { product: Product }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Stack gap={2}>
      <Group gap="sm" align="center">
        <Title order={2} size="h3" className="cw-code" data-testid="product-sku">
          {product.sku}
        </Title>
        <Badge variant="light" color="blue" data-testid="product-version-badge" leftSection={<Icon name="refresh" size={11} />}>
          {t("product.version", { version: product.version })}
        </Badge>
        <Anchor component={Link} to={`/traceability?type=product&id=${encodeURIComponent(product.sku)}`} size="sm" data-testid="product-traceability">
          {t("trace.link")}
        </Anchor>
      </Group>
      <Text size="md" fw={500} data-testid="product-title">
        {product.titleEn ?? product.titleZh ?? "—"}
      </Text>
      {product.titleEn && product.titleZh && (
        <Text size="sm" c="dimmed">
          {product.titleZh}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t("product.updated", { time: formatDateTime(product.updatedAt), by: product.updatedBy ?? "—" })}
      </Text>
    </Stack>
  );
}
