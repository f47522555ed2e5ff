// A product's regulated attributes (battery and its details, pressure vessel, radio, magnet, liquid, textile construction…) as readable badges.
import { Badge, Group, Text } from "@mantine/core";
import { type I18n, isMessageKey, useI18n } from "../i18n.ts";

/** Yes/no attributes: a coloured badge when present, a grey one ("no magnet") when declared absent. */
const FLAGS = ["contains_battery", "powered", "pressure_vessel", "radio_transmitter", "magnet", "liquid", "aerosol", "powder", "wood_packaging", "ippc_mark", "food_contact", "for_children"];

/** The battery's cell/pack, chemistry and packing, each a badge of its own. */
const BATTERY_CHOICES = ["battery_form", "battery_chemistry", "battery_packing"];

type Label = { key: string; text: string; present: boolean };

/** The attributes in words, present ones first. */
export function regulatedLabels(i18n: I18n, regulated: Record<string, unknown>): Label[] {
  const { t } = i18n;
  const labels: Label[] = [];
  for (const key of FLAGS) {
    const value = regulated[key];
    if (typeof value !== "boolean") continue;
    if (key === "contains_battery" && value) {
      const wh = regulated.battery_wh;
      const text = typeof wh === "number" || typeof wh === "string" ? t("reg.containsBatteryWh", { wh: String(wh) }) : t("reg.contains_battery");
      labels.push({ key, text, present: true });
    } else {
      const name = value ? `reg.${key}` : `reg.${key}.no`;
      labels.push({ key, text: isMessageKey(name) ? t(name) : key, present: value });
    }
  }
  if (regulated.contains_battery === undefined && regulated.battery_wh !== undefined) {
    labels.push({ key: "battery_wh", text: t("reg.batteryWh", { wh: String(regulated.battery_wh) }), present: true });
  }
  for (const key of BATTERY_CHOICES) {
    const value = regulated[key];
    const name = `reg.${key}.${String(value)}`;
    if (typeof value === "string") labels.push({ key, text: isMessageKey(name) ? t(name) : value, present: true });
  }
  if (typeof regulated.battery_type === "string") labels.push({ key: "battery_type", text: t("reg.battery_type", { value: regulated.battery_type }), present: true });
  const construction = regulated.textile_construction;
  if (typeof construction === "string") {
    const key = `reg.textile.${construction}`;
    labels.push({ key: "textile_construction", text: isMessageKey(key) ? t(key) : construction, present: true });
  }
  if (typeof regulated.fibre === "string") labels.push({ key: "fibre", text: t("reg.fibre", { value: regulated.fibre }), present: true });
  const known = new Set([...FLAGS, ...BATTERY_CHOICES, "battery_wh", "battery_type", "textile_construction", "fibre"]);
  for (const [key, value] of Object.entries(regulated)) {
    if (!known.has(key) && value !== null && value !== undefined) labels.push({ key, text: `${key}: ${String(value)}`, present: true });
  }
  return labels.sort((a, b) => Number(b.present) - Number(a.present));
}

/** Badges for the attributes, or "none declared". */
export function RegulatedBadges({ regulated }: { regulated: Record<string, unknown> }) {
  const i18n = useI18n();
  const labels = regulatedLabels(i18n, regulated);
  if (!labels.length) {
    return (
      <Text span size="sm" c="dimmed">
        {i18n.t("product.noRegulated")}
      </Text>
    );
  }
  return (
    <Group gap={6} data-testid="product-regulated">
      {labels.map((label) => (
        <Badge
          key={label.key}
          size="md"
          radius="sm"
          variant={label.present ? "light" : "outline"}
          color={label.present ? "orange" : "gray"}
          tt="none"
          data-testid="regulated-badge"
          data-key={label.key}
        >
          {label.text}
        </Badge>
      ))}
    </Group>
  );
}
