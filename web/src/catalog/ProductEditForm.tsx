// Edits a product's fields and regulated attributes; only the changed fields are sent, the server keeps the previous state as a version,
// and the server's refusals are shown at the fields they concern.
import { ActionIcon, Button, Group, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { ApiError, fetchSuppliers, type Product, type ProductChanges, updateProduct } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { type I18n, useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { useApi } from "../useApi.ts";
import { fromRegulatedDraft, RegulatedEditor, type RegulatedDraft, regulatedProblems, sameRegulated, toRegulatedDraft } from "./RegulatedEditor.tsx";

type MaterialRow = { material: string; percent: string };

type Draft = {
  titleEn: string; titleZh: string; descriptionEn: string; descriptionZh: string; brand: string; model: string; functionUse: string; ingredients: string;
  originCountry: string; supplierId: string; netWeightKg: string; grossWeightKg: string; declaredUnitValue: string; currency: string; tags: string[]; materials: MaterialRow[];
  regulated: RegulatedDraft;
};

const TEXT_FIELDS = ["titleEn", "titleZh", "descriptionEn", "descriptionZh", "brand", "model", "functionUse", "ingredients", "originCountry", "supplierId", "netWeightKg", "grossWeightKg", "declaredUnitValue", "currency"] as const;
const DECIMAL = /^\d+(\.\d+)?$/;

/** The product's values as form text. */
function toDraft(product: Product): Draft {
  const text = (value: string | null) => value ?? "";
  return {
    titleEn: text(product.titleEn), titleZh: text(product.titleZh), descriptionEn: text(product.descriptionEn), descriptionZh: text(product.descriptionZh),
    brand: text(product.brand), model: text(product.model), functionUse: text(product.functionUse), ingredients: text(product.ingredients),
    originCountry: text(product.originCountry), supplierId: text(product.supplierId), netWeightKg: stripZeros(text(product.netWeightKg)),
    grossWeightKg: stripZeros(text(product.grossWeightKg)), declaredUnitValue: stripZeros(text(product.declaredUnitValue)), currency: text(product.currency),
    tags: product.tags, materials: product.materials.map((m) => ({ material: m.material, percent: m.percent === null ? "" : String(m.percent) })),
    regulated: toRegulatedDraft(product.regulated),
  };
}

/** "1.3500" → "1.35", so an untouched field compares equal to what the user sees. */
function stripZeros(value: string): string {
  return value.includes(".") ? value.replace(/\.?0+$/, "") : value;
}

/** The fields that differ from the product, in the shape PATCH takes (blank text becomes null). */
function changesOf(product: Product, draft: Draft): ProductChanges {
  const before = toDraft(product);
  const changes: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const value = draft[field].trim();
    if (value !== before[field]) changes[field] = value === "" ? null : field === "originCountry" || field === "currency" ? value.toUpperCase() : value;
  }
  if (JSON.stringify(draft.tags) !== JSON.stringify(before.tags)) changes.tags = draft.tags;
  const materials = draft.materials.filter((m) => m.material.trim()).map((m) => ({ material: m.material.trim(), percent: m.percent.trim() === "" ? null : Number(m.percent) }));
  if (JSON.stringify(materials) !== JSON.stringify(product.materials.map((m) => ({ material: m.material, percent: m.percent })))) changes.materials = materials;
  const regulated = fromRegulatedDraft(draft.regulated);
  if (!sameRegulated(regulated, product.regulated)) changes.regulated = regulated;
  return changes as ProductChanges;
}

/** Field problems the server would refuse, keyed by field (regulated attributes as `regulated.<key>`). */
function problemsOf(draft: Draft, t: I18n["t"]) {
  const problems: Partial<Record<string, string>> = {};
  for (const field of ["netWeightKg", "grossWeightKg", "declaredUnitValue"] as const) {
    if (draft[field].trim() && !DECIMAL.test(draft[field].trim())) problems[field] = t("product.decimalInvalid");
  }
  if (draft.originCountry.trim() && !/^[A-Za-z]{2}$/.test(draft.originCountry.trim())) problems.originCountry = t("product.countryInvalid");
  if (draft.currency.trim() && !/^[A-Za-z]{3}$/.test(draft.currency.trim())) problems.currency = t("product.currencyInvalid");
  if (!problems.netWeightKg && !problems.grossWeightKg && draft.netWeightKg.trim() && draft.grossWeightKg.trim() && Number(draft.netWeightKg) > Number(draft.grossWeightKg)) {
    problems.netWeightKg = t("product.weightsInvalid");
  }
  if (draft.materials.some((m) => m.percent.trim() !== "" && !(Number(m.percent) >= 0 && Number(m.percent) <= 100))) problems.materials = t("product.percentInvalid");
  for (const [key, problem] of Object.entries(regulatedProblems(draft.regulated, t))) problems[`regulated.${key}`] = problem;
  return problems;
}

/** The server's refusals by field, from its validation issues ("body/regulated/battery_wh" → "regulated.battery_wh"). */
function serverProblemsOf(error: ApiError | null): Partial<Record<string, string>> {
  const issues = error?.code === "VALIDATION_FAILED" && Array.isArray(error.details?.issues) ? (error.details.issues as { path?: unknown; message?: unknown }[]) : [];
  const problems: Partial<Record<string, string>> = {};
  for (const issue of issues) {
    const [head, sub] = String(issue.path ?? "").replace(/^body\/?/, "").split("/");
    const field = head === "regulated" && sub ? `regulated.${sub}` : head;
    if (field && !problems[field]) problems[field] = String(issue.message ?? "");
  }
  return problems;
}

/** The problems under one prefix ("regulated."), keyed without it. */
function problemsUnder(problems: Partial<Record<string, string>>, prefix: string): Partial<Record<string, string>> {
  return Object.fromEntries(Object.entries(problems).filter(([key]) => key.startsWith(prefix)).map(([key, problem]) => [key.slice(prefix.length), problem]));
}

type Props = { product: Product; onSaved: (product: Product) => void; onCancel: () => void };

/** The edit form; saving sends only what changed and reports the new version number through onSaved. */
export function ProductEditForm({ product, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => toDraft(product));
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  const suppliers = useApi("suppliers", fetchSuppliers);
  const [serverProblems, setServerProblems] = useState<Partial<Record<string, string>>>({});
  const problems = { ...serverProblems, ...(checked ? problemsOf(draft, t) : {}) };
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setUnchanged(false);
    setServerProblems((previous) => ({ ...previous, [field]: undefined }));
    setDraft((previous) => ({ ...previous, [field]: value }));
  };
  const setRegulated = (key: string, value: string) => {
    setUnchanged(false);
    setServerProblems((previous) => ({ ...previous, [`regulated.${key}`]: undefined }));
    setDraft((previous) => ({ ...previous, regulated: { ...previous.regulated, values: { ...previous.regulated.values, [key]: value } } }));
  };
  const input = (field: (typeof TEXT_FIELDS)[number]) => ({
    value: draft[field],
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value),
    error: problems[field],
    "data-testid": `edit-${field}`,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problemsOf(draft, t)).length) return;
    const changes = changesOf(product, draft);
    if (!Object.keys(changes).length) {
      setUnchanged(true);
      return;
    }
    setBusy(true);
    setError(null);
    setServerProblems({});
    try {
      const { product: saved } = await updateProduct(product.id, changes);
      onSaved(saved);
    } catch (caught) {
      const refusal = caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", String(caught));
      setError(refusal);
      setServerProblems(serverProblemsOf(refusal));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="product-edit-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          <TextInput label={t("product.field.titleEn")} {...input("titleEn")} />
          <TextInput label={t("product.field.titleZh")} {...input("titleZh")} />
          <Textarea label={t("product.field.descriptionEn")} autosize minRows={2} maxRows={6} {...input("descriptionEn")} />
          <Textarea label={t("product.field.descriptionZh")} autosize minRows={2} maxRows={6} {...input("descriptionZh")} />
          <TextInput label={t("product.field.brand")} {...input("brand")} />
          <TextInput label={t("product.field.model")} {...input("model")} />
          <TextInput label={t("product.field.functionUse")} {...input("functionUse")} />
          <TextInput label={t("product.field.ingredients")} {...input("ingredients")} />
          <TextInput label={t("product.field.originCountry")} description={t("product.countryHint")} maxLength={2} {...input("originCountry")} />
          <Select
            label={t("product.field.supplier")}
            description={t("product.supplierHint")}
            placeholder={t("common.none")}
            data={(suppliers.data?.suppliers ?? []).map((supplier) => ({ value: supplier.id, label: supplier.nameEn }))}
            value={draft.supplierId || null}
            onChange={(value) => set("supplierId", value ?? "")}
            clearable
            searchable
            data-testid="edit-supplierId"
          />
          <TextInput label={t("product.field.netWeight")} rightSection={<Text size="xs" c="dimmed">kg</Text>} inputMode="decimal" {...input("netWeightKg")} />
          <TextInput label={t("product.field.grossWeight")} rightSection={<Text size="xs" c="dimmed">kg</Text>} inputMode="decimal" {...input("grossWeightKg")} />
          <TextInput label={t("product.field.declaredValue")} inputMode="decimal" {...input("declaredUnitValue")} />
          <TextInput label={t("product.field.currency")} description={t("product.currencyHint")} maxLength={3} {...input("currency")} />
        </SimpleGrid>
        <TagsInput label={t("product.field.tags")} description={t("product.tagsHint")} value={draft.tags} onChange={(tags) => set("tags", tags)} data-testid="edit-tags" />
        <MaterialsEditor rows={draft.materials} onChange={(rows) => set("materials", rows)} error={problems.materials} />
        <Text size="sm" fw={500} mt="xs">
          {t("product.field.regulated")}
        </Text>
        <RegulatedEditor draft={draft.regulated} onChange={setRegulated} errors={problemsUnder(problems, "regulated.")} disabled={busy} />
        {unchanged && (
          <Text size="sm" c="dimmed" data-testid="product-unchanged">
            {t("product.nothingChanged")}
          </Text>
        )}
        {error && <ErrorAlert error={error} message={error.code === "VALIDATION_FAILED" ? t("product.refused", { message: error.message }) : undefined} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={busy} data-testid="product-save">
            {t("product.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Rows of material and percentage, with add and remove. */
function MaterialsEditor({ rows, onChange, error }: { rows: MaterialRow[]; onChange: (rows: MaterialRow[]) => void; error?: string }) {
  const { t } = useI18n();
  const change = (index: number, row: Partial<MaterialRow>) => onChange(rows.map((current, i) => (i === index ? { ...current, ...row } : current)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t("product.field.materials")}
      </Text>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; the index is their position in the list.
        <Group key={index} gap="xs" wrap="nowrap">
          <TextInput
            placeholder={t("product.materialName")}
            aria-label={t("product.materialName")}
            value={row.material}
            onChange={(event) => change(index, { material: event.currentTarget.value })}
            style={{ flex: 1 }}
            data-testid="edit-material"
          />
          <TextInput
            placeholder="%"
            aria-label={t("product.materialPercent")}
            value={row.percent}
            onChange={(event) => change(index, { percent: event.currentTarget.value })}
            inputMode="decimal"
            w={80}
            rightSection={<Text size="xs" c="dimmed">%</Text>}
            data-testid="edit-material-percent"
          />
          <ActionIcon variant="subtle" color="gray" aria-label={t("product.materialRemove")} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            <Icon name="trash" size={15} />
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
      <Group>
        <Button variant="subtle" size="compact-sm" leftSection={<Icon name="plus" size={14} />} onClick={() => onChange([...rows, { material: "", percent: "" }])}>
          {t("product.materialAdd")}
        </Button>
      </Group>
    </Stack>
  );
}
