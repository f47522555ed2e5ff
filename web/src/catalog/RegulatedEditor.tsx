// Edits a product's regulated attributes (lithium battery and its details, pressure vessel, radio, magnet, liquid, wood packaging, textile…):
// yes / no / not stated for each flag, the battery's details only while it contains one, the IPPC mark only with wood packaging.
import { Divider, Input, SegmentedControl, SimpleGrid, Stack, Text, TextInput, type TextInputProps } from "@mantine/core";
import { BATTERY_DETAIL_KEYS, REGULATED_CHOICES, REGULATED_KEYS, type RegulatedKey } from "../../../src/catalog/fields.ts";
import { type I18n, isMessageKey, type MessageKey, useI18n } from "../i18n.ts";

/** The attributes as form text: flags as yes/no/unset, choices as their value or "", numbers and text as typed; keys the form does not know ride along untouched. */
export type RegulatedDraft = { values: Record<RegulatedKey, string>; unknown: Record<string, unknown> };

type ChoiceKey = keyof typeof REGULATED_CHOICES;

const FLAGS = [
  "contains_battery",
  "powered",
  "pressure_vessel",
  "radio_transmitter",
  "magnet",
  "liquid",
  "aerosol",
  "powder",
  "food_contact",
  "for_children",
  "wood_packaging",
  "ippc_mark",
] as const;
const OTHER_FLAGS = ["powered", "pressure_vessel", "radio_transmitter", "magnet", "liquid", "aerosol", "powder", "food_contact", "for_children"] as const;
const DECIMAL = /^\d+(\.\d+)?$/;
const isFlag = (key: string): key is (typeof FLAGS)[number] => (FLAGS as readonly string[]).includes(key);

/** The product's attributes as form text. */
export function toRegulatedDraft(regulated: Record<string, unknown>): RegulatedDraft {
  const values = {} as Record<RegulatedKey, string>;
  for (const key of REGULATED_KEYS) {
    const value = regulated[key];
    if (isFlag(key)) values[key] = value === true ? "yes" : value === false ? "no" : "unset";
    else values[key] = value === undefined || value === null ? "" : String(value);
  }
  const unknown = Object.fromEntries(Object.entries(regulated).filter(([key]) => !(REGULATED_KEYS as readonly string[]).includes(key)));
  return { values, unknown };
}

/** Whether the battery's details apply: it contains a battery, or nobody said and details are there already. */
export function batteryDetailsApply(values: RegulatedDraft["values"]): boolean {
  return values.contains_battery === "yes" || (values.contains_battery === "unset" && BATTERY_DETAIL_KEYS.some((key) => values[key].trim() !== ""));
}

/** Whether the IPPC mark applies: there is wood packaging, or nobody said and the mark is stated already. */
function ippcApplies(values: RegulatedDraft["values"]): boolean {
  return values.wood_packaging === "yes" || (values.wood_packaging === "unset" && values.ippc_mark !== "unset");
}

/** The attributes in the shape PATCH takes: only what is stated; no battery details without a battery, no IPPC mark without wood packaging. */
export function fromRegulatedDraft(draft: RegulatedDraft): Record<string, unknown> {
  const { values } = draft;
  const regulated: Record<string, unknown> = { ...draft.unknown };
  for (const key of REGULATED_KEYS) {
    if ((BATTERY_DETAIL_KEYS as readonly string[]).includes(key) && !batteryDetailsApply(values)) continue;
    if (key === "ippc_mark" && !ippcApplies(values)) continue;
    const text = values[key].trim();
    if (isFlag(key)) {
      if (text !== "unset") regulated[key] = text === "yes";
    } else if (key === "battery_wh") {
      if (text) regulated[key] = DECIMAL.test(text) ? Number(text) : text;
    } else if (text) {
      regulated[key] = text;
    }
  }
  return regulated;
}

/** The same attributes, whatever order their keys come in. */
export function sameRegulated(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const sorted = (value: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(value)
        .sort()
        .map((key) => [key, value[key]]),
    );
  return sorted(a) === sorted(b);
}

/** What the form can tell is wrong before asking the server (which checks the ranges): watt-hours that are not a number. */
export function regulatedProblems(draft: RegulatedDraft, t: I18n["t"]): Partial<Record<RegulatedKey, string>> {
  const wh = draft.values.battery_wh.trim();
  return batteryDetailsApply(draft.values) && wh && !DECIMAL.test(wh) ? { battery_wh: t("reg.whInvalid") } : {};
}

type Props = {
  draft: RegulatedDraft;
  onChange: (key: RegulatedKey, value: string) => void;
  /** Problems by attribute key: the form's own and the server's. */
  errors: Partial<Record<string, string>>;
  disabled?: boolean;
};

/** The attributes, grouped: lithium battery, other regulated attributes, textile. */
export function RegulatedEditor({ draft, onChange, errors, disabled }: Props) {
  const { t } = useI18n();
  const { values } = draft;
  const field = { values, onChange, errors, disabled };
  return (
    <Stack gap="sm" data-testid="edit-regulated">
      <Divider label={t("reg.section.battery")} labelPosition="left" />
      <FlagControl {...field} attribute="contains_battery" />
      {batteryDetailsApply(values) ? (
        <Stack gap="xs" data-testid="edit-battery-details">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <ChoiceControl {...field} attribute="battery_form" />
            <ChoiceControl {...field} attribute="battery_chemistry" />
          </SimpleGrid>
          <ChoiceControl {...field} attribute="battery_packing" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <TextControl
              {...field}
              attribute="battery_wh"
              description={t("reg.whHint")}
              inputMode="decimal"
              rightSection={
                <Text size="xs" c="dimmed">
                  Wh
                </Text>
              }
            />
            <TextControl {...field} attribute="battery_type" maxLength={200} />
          </SimpleGrid>
        </Stack>
      ) : (
        <Text size="xs" c="dimmed">
          {t("reg.batteryHint")}
        </Text>
      )}
      <Divider label={t("reg.section.other")} labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        {OTHER_FLAGS.map((key) => (
          <FlagControl key={key} {...field} attribute={key} />
        ))}
        <FlagControl {...field} attribute="wood_packaging" />
        {ippcApplies(values) && <FlagControl {...field} attribute="ippc_mark" />}
      </SimpleGrid>
      <Divider label={t("reg.section.textile")} labelPosition="left" />
      <ChoiceControl {...field} attribute="textile_construction" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        <TextControl {...field} attribute="fibre" placeholder={t("reg.fibrePlaceholder")} maxLength={120} />
      </SimpleGrid>
    </Stack>
  );
}

type ControlProps = Omit<Props, "draft"> & { values: RegulatedDraft["values"] };

/** A free-text or number attribute with its server error under it. */
function TextControl({ attribute, values, onChange, errors, disabled, ...input }: ControlProps & { attribute: "battery_wh" | "battery_type" | "fibre" } & Omit<TextInputProps, "value" | "onChange" | "error" | "disabled">) {
  const { t } = useI18n();
  return (
    <TextInput
      label={t(`reg.field.${attribute}`)}
      {...input}
      value={values[attribute]}
      onChange={(event) => onChange(attribute, event.currentTarget.value)}
      error={errors[attribute] && <span data-testid={`edit-reg-${attribute}-error`}>{errors[attribute]}</span>}
      disabled={disabled}
      data-testid={`edit-reg-${attribute}`}
    />
  );
}

/** Not stated / yes / no for one flag. */
function FlagControl({ attribute, values, onChange, errors, disabled }: ControlProps & { attribute: (typeof FLAGS)[number] }) {
  const { t } = useI18n();
  const options = [
    { value: "unset", label: t("reg.unset") },
    { value: "yes", label: t("reg.yes") },
    { value: "no", label: t("reg.no") },
  ];
  return (
    <Segmented
      attribute={attribute}
      label={t(`reg.field.${attribute}`)}
      options={options}
      value={values[attribute]}
      onChange={onChange}
      error={errors[attribute]}
      disabled={disabled}
    />
  );
}

/** Not stated or one of a choice attribute's values. */
function ChoiceControl({ attribute, values, onChange, errors, disabled }: ControlProps & { attribute: ChoiceKey }) {
  const { t } = useI18n();
  const options = [{ value: "", label: t("reg.unset") }, ...REGULATED_CHOICES[attribute].map((value) => ({ value, label: t(choiceLabel(attribute, value)) }))];
  return (
    <Segmented
      attribute={attribute}
      label={t(`reg.field.${attribute}`)}
      options={options}
      value={values[attribute]}
      onChange={onChange}
      error={errors[attribute]}
      disabled={disabled}
    />
  );
}

/** The message naming a choice's value (textile constructions share the badges' words). */
function choiceLabel(attribute: ChoiceKey, value: string): MessageKey {
  const key = attribute === "textile_construction" ? `reg.textile.${value}` : `reg.${attribute}.${value}`;
  return isMessageKey(key) ? key : "reg.unset";
}

/** A labelled segmented control with its error under it; each option carries a test id of its value. */
function Segmented(props: {
  attribute: RegulatedKey;
  label: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (key: RegulatedKey, value: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const { attribute, label, options, value, onChange, error, disabled } = props;
  const labelId = `edit-reg-${attribute}-label`;
  return (
    <Input.Wrapper label={label} error={error && <span data-testid={`edit-reg-${attribute}-error`}>{error}</span>} labelProps={{ id: labelId }}>
      <SegmentedControl
        size="xs"
        fullWidth
        aria-labelledby={labelId}
        value={value}
        onChange={(next) => onChange(attribute, next)}
        disabled={disabled}
        data={options.map((option) => ({ value: option.value, label: <span data-testid={`edit-reg-${attribute}-${option.value || "unset"}`}>{option.label}</span> }))}
        data-testid={`edit-reg-${attribute}`}
        data-value={value}
      />
    </Input.Wrapper>
  );
}
