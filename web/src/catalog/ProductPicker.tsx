// Picks products by SKU or title: a searchable multi-select that asks the server as the user types.
import { MultiSelect } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { fetchProducts, type ProductListItem } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { useApi } from "../useApi.ts";

type Props = { value: string[]; onChange: (ids: string[]) => void; label: string };

/** Selected product ids; the labels of chosen products are kept while the search moves on. */
export function ProductPicker({ value, onChange, label }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  const results = useApi(`product-picker/${debounced}`, (signal) => fetchProducts({ q: debounced || undefined, limit: 20 }, signal));
  const name = (product: ProductListItem) => `${product.sku} — ${product.titleEn ?? product.titleZh ?? ""}`;
  const found = results.data?.products ?? [];
  const options = new Map<string, string>(value.map((id) => [id, known.get(id) ?? id]));
  for (const product of found) options.set(product.id, name(product));

  return (
    <MultiSelect
      label={label}
      placeholder={value.length ? undefined : t("certs.productsPlaceholder")}
      data={[...options].map(([id, text]) => ({ value: id, label: text }))}
      value={value}
      onChange={(ids) => {
        setKnown((previous) => new Map([...previous, ...[...options].filter(([id]) => ids.includes(id))]));
        onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={results.loading ? t("common.loading") : t("certs.noProducts")}
      hidePickedOptions
      clearable
      comboboxProps={{ withinPortal: true }}
      data-testid="certificate-products"
    />
  );
}
