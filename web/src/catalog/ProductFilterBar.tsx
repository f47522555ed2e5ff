// The product list's filters: text, not confirmed for the US, certificate expiring soon, supplier, tag.
import { Button, Checkbox, Group, Select, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { fetchSuppliers } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { useApi } from "../useApi.ts";
import { EXPIRY_WARN_DAYS } from "./format.ts";

/** The filters as the URL keeps them. */
export type ProductSearch = { q: string; unclassified: boolean; expiring: boolean; supplier: string; tag: string };

/** An empty filter set. */
export const NO_FILTERS: ProductSearch = { q: "", unclassified: false, expiring: false, supplier: "", tag: "" };

/** Text fields apply on submit; the check boxes and the supplier apply at once. */
export function ProductFilterBar({ value, onApply }: { value: ProductSearch; onApply: (search: ProductSearch) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value);
  const suppliers = useApi("suppliers", fetchSuppliers);

  // Back/forward changes the filters in the URL: mirror them in the fields.
  const applied = JSON.stringify(value);
  useEffect(() => setDraft(JSON.parse(applied) as ProductSearch), [applied]);

  const applyNow = (change: Partial<ProductSearch>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    onApply(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, q: draft.q.trim(), tag: draft.tag.trim() });
  };
  const filtered = Object.values(value).some(Boolean);

  return (
    <form onSubmit={submit} data-testid="product-filters">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("catalog.search")}
          placeholder={t("catalog.searchPlaceholder")}
          value={draft.q}
          onChange={(event) => setDraft({ ...draft, q: event.currentTarget.value })}
          leftSection={<Icon name="search" size={15} />}
          w={260}
          data-testid="product-search"
        />
        <Select
          label={t("catalog.filter.supplier")}
          placeholder={t("catalog.filter.any")}
          data={(suppliers.data?.suppliers ?? []).map((supplier) => ({ value: supplier.id, label: supplier.nameEn }))}
          value={draft.supplier || null}
          onChange={(supplier) => applyNow({ supplier: supplier ?? "" })}
          clearable
          searchable
          w={240}
          data-testid="product-filter-supplier"
        />
        <TextInput
          label={t("catalog.filter.tag")}
          placeholder={t("catalog.filter.any")}
          value={draft.tag}
          onChange={(event) => setDraft({ ...draft, tag: event.currentTarget.value })}
          w={140}
          data-testid="product-filter-tag"
        />
        <Button type="submit" leftSection={<Icon name="search" size={15} />} data-testid="product-search-submit">
          {t("catalog.apply")}
        </Button>
        <Group gap="md" pb={8} wrap="wrap">
          <Checkbox
            label={t("catalog.filter.unclassified")}
            checked={draft.unclassified}
            onChange={(event) => applyNow({ unclassified: event.currentTarget.checked })}
            data-testid="product-filter-unclassified"
          />
          <Checkbox
            label={t("catalog.filter.expiring", { days: EXPIRY_WARN_DAYS })}
            checked={draft.expiring}
            onChange={(event) => applyNow({ expiring: event.currentTarget.checked })}
            data-testid="product-filter-expiring"
          />
        </Group>
        {filtered && (
          <Button variant="subtle" color="gray" onClick={() => onApply(NO_FILTERS)} data-testid="product-filter-clear">
            {t("catalog.clear")}
          </Button>
        )}
      </Group>
    </form>
  );
}
