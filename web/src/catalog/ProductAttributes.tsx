// Every attribute of a product, read-only: titles, descriptions, materials, origin, supplier, weights, value, regulated attributes.
import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import type { Product } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { href, Link } from "../router.tsx";
import { Fact, Facts } from "./Facts.tsx";
import { countryName, formatKg, trimDecimal } from "./format.ts";
import { RegulatedBadges } from "./RegulatedBadges.tsx";

/** The product's attributes as a label/value list. */
export function ProductAttributes({ product }: { product: Product }) {
  const { t, lang } = useI18n();
  const dimensions = product.dimensions;
  return (
    <Facts>
      <Fact label={t("product.field.titleEn")}>{product.titleEn}</Fact>
      <Fact label={t("product.field.titleZh")}>{product.titleZh}</Fact>
      <Fact label={t("product.field.descriptionEn")}>{product.descriptionEn && <Text size="sm" className="cw-prewrap">{product.descriptionEn}</Text>}</Fact>
      <Fact label={t("product.field.descriptionZh")}>{product.descriptionZh && <Text size="sm" className="cw-prewrap">{product.descriptionZh}</Text>}</Fact>
      <Fact label={t("product.field.brand")}>{product.brand}</Fact>
      <Fact label={t("product.field.model")}>{product.model}</Fact>
      <Fact label={t("product.field.materials")} testId="product-materials">
        {product.materials.length > 0 && <Materials materials={product.materials} />}
      </Fact>
      <Fact label={t("product.field.functionUse")}>{product.functionUse}</Fact>
      <Fact label={t("product.field.ingredients")}>{product.ingredients}</Fact>
      <Fact label={t("product.field.originCountry")} testId="product-origin">
        {product.originCountry && `${countryName(lang, product.originCountry)} (${product.originCountry})`}
      </Fact>
      <Fact label={t("product.field.supplier")}>
        {product.supplierName && product.supplierId && (
          <Anchor component={Link} to={href("/catalog", { supplier: product.supplierId })} size="sm">
            {product.supplierName}
          </Anchor>
        )}
      </Fact>
      <Fact label={t("product.field.netWeight")}>{product.netWeightKg && formatKg(product.netWeightKg)}</Fact>
      <Fact label={t("product.field.grossWeight")}>{product.grossWeightKg && formatKg(product.grossWeightKg)}</Fact>
      <Fact label={t("product.field.dimensions")}>
        {dimensions && `${dimensions.length} × ${dimensions.width} × ${dimensions.height} ${dimensions.unit}`}
      </Fact>
      <Fact label={t("product.field.declaredValue")} testId="product-value">
        {product.declaredUnitValue && `${trimDecimal(product.declaredUnitValue)} ${product.currency ?? ""}`}
      </Fact>
      <Fact label={t("product.field.tags")}>
        {product.tags.length > 0 && (
          <Group gap={4}>
            {product.tags.map((tag) => (
              <Badge key={tag} component={Link} to={href("/catalog", { tag })} variant="default" size="sm" tt="none" className="cw-pointer">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
      </Fact>
      <Fact label={t("product.field.images")}>
        {product.imageUrls.length > 0 && (
          <Stack gap={2}>
            {product.imageUrls.map((url) => (
              <Anchor key={url} href={url} target="_blank" rel="noreferrer" size="sm" className="cw-break">
                {url}
              </Anchor>
            ))}
          </Stack>
        )}
      </Fact>
      <Fact label={t("product.field.regulated")}>
        <RegulatedBadges regulated={product.regulated} />
      </Fact>
    </Facts>
  );
}

/** Materials with their share: "ABS plastic 60%", "steel 40%". */
function Materials({ materials }: { materials: Product["materials"] }) {
  return (
    <Group gap={6}>
      {materials.map((material, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a material may be listed twice; its position is its identity.
        <Badge key={`${material.material}-${index}`} variant="light" color="gray" size="md" radius="sm" tt="none" data-testid="material">
          {material.material}
          {material.percent !== null && <span className="cw-num"> {material.percent}%</span>}
        </Badge>
      ))}
    </Group>
  );
}
