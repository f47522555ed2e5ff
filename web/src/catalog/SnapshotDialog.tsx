// A product as it was at one version, field by field beside its current values, with the changed fields marked.
import { Badge, Loader, Modal, Table, Text } from "@mantine/core";
import { fetchProductVersion, fetchSuppliers, type Product } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { type I18n, type MessageKey, useI18n } from "../i18n.ts";
import { useApi } from "../useApi.ts";
import { regulatedLabels } from "./RegulatedBadges.tsx";

/** The fields shown, in page order, with their labels. */
const FIELDS: [keyof Product, MessageKey][] = [
  ["titleEn", "product.field.titleEn"],
  ["titleZh", "product.field.titleZh"],
  ["descriptionEn", "product.field.descriptionEn"],
  ["descriptionZh", "product.field.descriptionZh"],
  ["brand", "product.field.brand"],
  ["model", "product.field.model"],
  ["materials", "product.field.materials"],
  ["functionUse", "product.field.functionUse"],
  ["ingredients", "product.field.ingredients"],
  ["originCountry", "product.field.originCountry"],
  ["supplierId", "product.field.supplier"],
  ["netWeightKg", "product.field.netWeight"],
  ["grossWeightKg", "product.field.grossWeight"],
  ["dimensions", "product.field.dimensions"],
  ["declaredUnitValue", "product.field.declaredValue"],
  ["currency", "product.field.currency"],
  ["tags", "product.field.tags"],
  ["imageUrls", "product.field.images"],
  ["regulated", "product.field.regulated"],
  ["updatedAt", "versions.savedAt"],
  ["updatedBy", "versions.savedBy"],
];

/** Fields about the save itself, which differ between any two versions. */
const META = new Set<keyof Product>(["updatedAt", "updatedBy"]);

/** A field's value as one line of text, so two versions compare by what a person sees. */
function display(i18n: I18n, key: keyof Product, value: unknown, supplierNames: Map<string, string>): string {
  if (value === null || value === undefined || value === "") return "—";
  if (key === "materials" && Array.isArray(value)) {
    return (value as Product["materials"]).map((m) => (m.percent === null ? m.material : `${m.material} ${m.percent}%`)).join(", ") || "—";
  }
  if (key === "dimensions" && typeof value === "object") {
    const d = value as NonNullable<Product["dimensions"]>;
    return `${d.length} × ${d.width} × ${d.height} ${d.unit}`;
  }
  if (key === "regulated" && typeof value === "object") return regulatedLabels(i18n, value as Record<string, unknown>).map((label) => label.text).join(", ") || "—";
  if (key === "supplierId") return supplierNames.get(String(value)) ?? String(value);
  if (key === "updatedAt") return i18n.formatDateTime(String(value));
  if (Array.isArray(value)) return value.join(", ") || "—";
  const text = String(value);
  const number = /^\d+\.\d+$/.test(text) ? text.replace(/\.?0+$/, "") : text;
  return key === "netWeightKg" || key === "grossWeightKg" ? `${number} kg` : number;
}

type Props = { product: Product; version: number | null; onClose: () => void };

/** The dialog; open while `version` is not null. */
export function SnapshotDialog({ product, version, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Modal opened={version !== null} onClose={onClose} title={t("versions.snapshotTitle", { sku: product.sku, version: version ?? "" })} size="xl" data-testid="snapshot-dialog">
      {version !== null && <SnapshotTable product={product} version={version} />}
    </Modal>
  );
}

/** Field, value at the version, value now. */
function SnapshotTable({ product, version }: { product: Product; version: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, loading } = useApi(`product-version/${product.id}/${version}`, (signal) => fetchProductVersion(product.id, version, signal));
  const suppliers = useApi("suppliers", fetchSuppliers);
  const names = new Map((suppliers.data?.suppliers ?? []).map((supplier) => [supplier.id, supplier.nameEn]));
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loader size="sm" />;
  const then = data.snapshot;
  const current = version === product.version;
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table verticalSpacing={5} fz="sm" data-testid="snapshot-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={180}>{t("versions.col.field")}</Table.Th>
            <Table.Th>{t("versions.col.then", { version })}</Table.Th>
            {!current && <Table.Th>{t("versions.col.now", { version: product.version })}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {FIELDS.map(([key, label]) => {
            const before = display(i18n, key, then[key], names);
            const now = display(i18n, key, product[key], names);
            const changed = !current && !META.has(key) && before !== now;
            return (
              <Table.Tr key={key} className={changed ? "cw-changed cw-top" : "cw-top"} data-testid="snapshot-row" data-field={key} data-changed={changed}>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {t(label)}
                  </Text>
                  {changed && (
                    <Badge size="xs" color="orange" variant="light">
                      {t("versions.changed")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td className="cw-prewrap">{before}</Table.Td>
                {!current && <Table.Td className="cw-prewrap">{now}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
