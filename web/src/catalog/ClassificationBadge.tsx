// A product's classification for one market as a coloured badge: "US 8467.21.00.10", green when confirmed.
import { Badge, Tooltip } from "@mantine/core";
import type { Classification } from "../api.ts";
import { type I18n, isMessageKey, useI18n } from "../i18n.ts";
import { classificationCode, STATUS_COLOR } from "./format.ts";

type Props = { classification: Pick<Classification, "market" | "hs6" | "nationalCode" | "status">; size?: "xs" | "sm" | "md" };

/** Market and code, coloured by status; the status in words on hover. */
export function ClassificationBadge({ classification, size = "sm" }: Props) {
  const { t } = useI18n();
  const code = classificationCode(classification);
  const status = t(`classification.status.${classification.status}`);
  return (
    <Tooltip label={status} withArrow openDelay={300}>
      <Badge
        size={size}
        variant={classification.status === "confirmed" ? "light" : "outline"}
        color={STATUS_COLOR[classification.status]}
        className="cw-code-badge"
        data-testid="classification-badge"
        data-market={classification.market}
        data-status={classification.status}
      >
        {marketName(t, classification.market)} {code ?? status}
      </Badge>
    </Tooltip>
  );
}

/** The short name of a market ("US", "HS", "CN" / "美国", "HS", "中国"), or its code in capitals. */
export function marketName(t: I18n["t"], market: string): string {
  const key = `market.${market}`;
  return isMessageKey(key) ? t(key) : market.toUpperCase();
}

/** The long name of a market ("United States (HTS)"), or its code in capitals. */
export function marketLongName(t: I18n["t"], market: string): string {
  const key = `market.${market}.long`;
  return isMessageKey(key) ? t(key) : market.toUpperCase();
}

/** A classification status in words, as a small badge. */
export function StatusBadge({ status }: { status: Classification["status"] }) {
  const { t } = useI18n();
  return (
    <Badge size="sm" variant="light" color={STATUS_COLOR[status]} data-testid="classification-status" data-status={status}>
      {t(`classification.status.${status}`)}
    </Badge>
  );
}
