// The audit trail's filters: action prefix, target, and a date range in the user's time zone.
import { Autocomplete, Button, Group, Select, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";

/** The filters as the URL keeps them (dates as YYYY-MM-DD, local days). */
export type AuditSearch = { action: string; targetType: string; targetId: string; from: string; to: string };

/** The actions the server records today, offered as suggestions; any prefix works. */
export const KNOWN_ACTIONS = [
  "auth.",
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.locked",
  "auth.sign_out",
  "member.",
  "member.add",
  "member.role_change",
  "member.remove",
  "apikey.",
  "apikey.create",
  "apikey.revoke",
  "user.create",
  "tenant.create",
  "catalog.",
  "catalog.import",
  "catalog.mapping_save",
  "product.update",
  "classification.",
  "supplier.create",
  "certificate.create",
];

const TARGET_TYPES = ["user", "api_key", "tenant", "product", "supplier", "certificate", "mapping", "import"] as const;

/** A row of filter fields; the URL changes only on Apply, so typing does not reload the trail. */
export function AuditFilterBar({ value, onApply }: { value: AuditSearch; onApply: (search: AuditSearch) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value);
  const set = (field: keyof AuditSearch) => (text: string | null) => setDraft((previous) => ({ ...previous, [field]: text ?? "" }));

  // Back/forward changes the filters in the URL: mirror them in the fields (compared by content, not identity).
  const applied = JSON.stringify(value);
  useEffect(() => setDraft(JSON.parse(applied) as AuditSearch), [applied]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, action: draft.action.trim(), targetId: draft.targetId.trim() });
  };
  const empty: AuditSearch = { action: "", targetType: "", targetId: "", from: "", to: "" };
  const filtered = Object.values(value).some(Boolean);

  return (
    <form onSubmit={submit} data-testid="audit-filters">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Autocomplete
          label={t("audit.action")}
          placeholder={t("audit.actionPlaceholder")}
          data={KNOWN_ACTIONS}
          value={draft.action}
          onChange={set("action")}
          w={240}
          data-testid="audit-filter-action"
        />
        <Select
          label={t("audit.targetType")}
          placeholder={t("audit.any")}
          data={TARGET_TYPES.map((type) => ({ value: type, label: t(`target.${type}`) }))}
          value={draft.targetType || null}
          onChange={set("targetType")}
          clearable
          w={150}
          data-testid="audit-filter-target-type"
        />
        <TextInput
          label={t("audit.targetId")}
          value={draft.targetId}
          onChange={(event) => set("targetId")(event.currentTarget.value)}
          w={200}
          data-testid="audit-filter-target-id"
        />
        <TextInput
          label={t("audit.from")}
          type="date"
          value={draft.from}
          onChange={(event) => set("from")(event.currentTarget.value)}
          w={150}
          data-testid="audit-filter-from"
        />
        <TextInput
          label={t("audit.to")}
          type="date"
          value={draft.to}
          onChange={(event) => set("to")(event.currentTarget.value)}
          w={150}
          data-testid="audit-filter-to"
        />
        <Button type="submit" leftSection={<Icon name="search" size={15} />} data-testid="audit-filter-apply">
          {t("audit.apply")}
        </Button>
        {filtered && (
          <Button variant="subtle" color="gray" onClick={() => onApply(empty)} data-testid="audit-filter-clear">
            {t("audit.clear")}
          </Button>
        )}
      </Group>
    </form>
  );
}
