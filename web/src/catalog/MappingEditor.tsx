// The column mapping of an import: each source column and the product field it fills, with saved mappings to apply or save.
import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { REGULATED_KEYS } from "../../../src/catalog/fields.ts";
import { ApiError, type CatalogField, fetchMappings, type SavedMapping, saveMapping } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { type I18n, useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { useCan } from "../session.tsx";
import { useApi } from "../useApi.ts";

/** The select's value for "leave this column out" (a Select cannot hold an empty string). */
const IGNORE = "__ignore__";
const REGULATED = new Set<string>(REGULATED_KEYS);

/** One source column and the field it fills (null: not imported). */
export type MappingRow = { column: string; field: string | null };

/** The field picker's options, grouped (product, codes, regulated attributes), each named in both languages, the user's first. */
function fieldOptions(i18n: I18n, fields: CatalogField[]) {
  const label = (field: CatalogField) => (i18n.lang === "zh" ? `${field.labelZh} · ${field.label}` : `${field.label} · ${field.labelZh}`);
  const group = (name: string, items: CatalogField[]) => ({ group: name, items: items.map((field) => ({ value: field.key, label: label(field) })) });
  const isCode = (field: CatalogField) => field.type === "code";
  const isRegulated = (field: CatalogField) => REGULATED.has(field.key);
  return [
    { group: i18n.t("import.group.skip"), items: [{ value: IGNORE, label: i18n.t("import.ignore") }] },
    group(i18n.t("import.group.product"), fields.filter((field) => !isCode(field) && !isRegulated(field))),
    group(i18n.t("import.group.codes"), fields.filter(isCode)),
    group(i18n.t("import.group.regulated"), fields.filter(isRegulated)),
  ];
}

type Props = {
  rows: MappingRow[];
  fields: CatalogField[];
  overrides: Record<string, string>;
  onChange: (overrides: Record<string, string>) => void;
  disabled: boolean;
};

/** Column → field selects; a change re-runs the check. */
export function MappingEditor({ rows, fields, overrides, onChange, disabled }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const options = fieldOptions(i18n, fields);
  const chosen = (row: MappingRow) => (row.column in overrides ? overrides[row.column] || IGNORE : (row.field ?? IGNORE));
  return (
    <Stack gap="sm">
      <SavedMappings rows={rows} overrides={overrides} onApply={onChange} disabled={disabled} />
      <Table.ScrollContainer minWidth={420} type="native">
        <Table verticalSpacing={4} fz="sm" data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="34%">{t("import.col.column")}</Table.Th>
              <Table.Th>{t("import.col.field")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const value = chosen(row);
              // The server fills a field from the first column mapped to it; a later one stays out.
              const shadowed = value !== IGNORE && row.field === null && row.column in overrides;
              return (
                <Table.Tr key={row.column} data-testid="import-mapping-row" data-column={row.column} data-field={row.field ?? ""}>
                  <Table.Td>
                    <Text size="sm" fw={500} className="cw-break">
                      {row.column || t("common.blank")}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Select
                        size="xs"
                        data={options}
                        value={value}
                        onChange={(field) => field && onChange({ ...overrides, [row.column]: field === IGNORE ? "" : field })}
                        allowDeselect={false}
                        searchable
                        disabled={disabled}
                        aria-label={`${t("import.col.field")}: ${row.column}`}
                        className="cw-grow"
                        comboboxProps={{ withinPortal: true }}
                        data-testid="import-mapping-select"
                      />
                      {value === IGNORE && (
                        <Badge size="xs" variant="light" color="gray">
                          {t("import.unmapped")}
                        </Badge>
                      )}
                      {shadowed && (
                        <Text size="xs" c="orange.8">
                          {t("import.duplicateField")}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Apply a saved mapping, or save the current one under a name. */
function SavedMappings({ rows, overrides, onApply, disabled }: { rows: MappingRow[]; overrides: Record<string, string>; onApply: (mapping: Record<string, string>) => void; disabled: boolean }) {
  const { t } = useI18n();
  const write = useCan()("catalog.write");
  const [reloads, setReloads] = useState(0);
  const saved = useApi(`mappings/${reloads}`, fetchMappings);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<SavedMapping | null>(null);
  const mappings = saved.data?.mappings ?? [];

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      // The whole effective mapping, so applying it later gives the same result whatever the automatic rules become.
      const mapping = Object.fromEntries(rows.map((row) => [row.column, row.column in overrides ? (overrides[row.column] ?? "") : (row.field ?? "")]));
      setDone(await saveMapping(name.trim(), mapping));
      setReloads((count) => count + 1);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", String(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={6}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t("import.savedMappings")}
          placeholder={mappings.length ? t("import.savedPlaceholder") : t("import.noSaved")}
          data={mappings.map((mapping) => mapping.name)}
          value={null}
          onChange={(chosen) => {
            const mapping = mappings.find((m) => m.name === chosen);
            if (mapping) onApply({ ...mapping.mapping });
          }}
          disabled={disabled || !mappings.length}
          w={260}
          data-testid="import-saved-mapping"
        />
        {write && (
          <form onSubmit={save} className="cw-inline-form">
            <TextInput
              label={t("import.saveAs")}
              placeholder={t("import.saveName")}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={80}
              w={240}
              data-testid="import-mapping-name"
            />
            <Button type="submit" variant="default" loading={busy} disabled={!name.trim() || disabled} leftSection={<Icon name="check" size={14} />} data-testid="import-mapping-save">
              {t("import.save")}
            </Button>
          </form>
        )}
      </Group>
      {done && (
        <Text size="xs" c="green.8" data-testid="import-mapping-saved">
          {t("import.savedOk", { name: done.name })}
        </Text>
      )}
      {error && <ErrorAlert error={error} />}
    </Stack>
  );
}
