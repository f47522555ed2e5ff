// A headline number with its label, as the import preview and the screening summary show their counts.
import { Text } from "@mantine/core";
import { useI18n } from "../i18n.ts";

/** One number with its label. */
export function Stat({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  const { formatNumber } = useI18n();
  return (
    <div className="cw-stat" data-testid={testId} data-value={value}>
      <Text className="cw-stat-value" c={color}>
        {formatNumber(value)}
      </Text>
      <Text className="cw-stat-label">{label}</Text>
    </div>
  );
}
