// The classification of a product in each market: the current decision with its reason, and a form to record a new one.
import { Anchor, Group, Stack, Text } from "@mantine/core";
import type { Classification, ProductDetail } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { marketLongName, StatusBadge } from "./ClassificationBadge.tsx";
import { ClassificationForm } from "./ClassificationForm.tsx";
import { Panel } from "./Facts.tsx";
import { classificationCode, MARKETS, tariffLinkFor } from "./format.ts";

/** One block per market (US, HS, China and any other market decided before), then the decision form. */
export function ClassificationPanel({ detail, onRecorded }: { detail: ProductDetail; onRecorded: () => void }) {
  const { t } = useI18n();
  const can = useCan();
  const current = new Map(detail.classifications.map((classification) => [classification.market, classification]));
  const markets = [...MARKETS, ...[...current.keys()].filter((market) => !(MARKETS as readonly string[]).includes(market))];
  return (
    <Panel title={t("classify.title")} testId="classification-panel">
      <Stack gap="sm">
        {markets.map((market) => (
          <CurrentDecision key={market} market={market} classification={current.get(market)} />
        ))}
        {can("catalog.write") && <ClassificationForm productId={detail.product.id} onRecorded={onRecorded} />}
      </Stack>
    </Panel>
  );
}

/** A market's current decision: code (linked to the tariff browser), status, rationale, who and when. */
function CurrentDecision({ market, classification }: { market: string; classification: Classification | undefined }) {
  const { t, formatDateTime } = useI18n();
  const code = classification ? classificationCode(classification) : null;
  const link = code ? tariffLinkFor(market, code) : null;
  return (
    <div className="cw-decision" data-testid="classification-current" data-market={market}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          {marketLongName(t, market)}
        </Text>
        {classification && <StatusBadge status={classification.status} />}
      </Group>
      {classification ? (
        <Stack gap={2} mt={4}>
          {code ? (
            link ? (
              <Anchor component={Link} to={link} className="cw-code cw-decision-code" data-testid="classification-code">
                {code}
              </Anchor>
            ) : (
              <Text className="cw-code cw-decision-code" data-testid="classification-code">
                {code}
              </Text>
            )
          ) : (
            <Text size="sm" c="dimmed">
              {t("classify.noCode")}
            </Text>
          )}
          {classification.rationale && (
            <Text size="sm" className="cw-prewrap" data-testid="classification-rationale">
              {classification.rationale}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t("classify.decided", { by: classification.decidedBy ?? "—", time: formatDateTime(classification.decidedAt) })}
            {classification.editionCode && ` · ${classification.editionCode}`}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mt={4}>
          {t("classify.none")}
        </Text>
      )}
    </div>
  );
}
