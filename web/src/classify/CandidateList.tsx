// The classifier's candidates, best first: code, confidence, description and why (path, matched words, rules, precedents).
import { Anchor, Badge, Group, Paper, Progress, Stack, Text, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";
import { tariffLinkFor } from "../catalog/format.ts";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import type { Market, ShownCandidate } from "./api.ts";

type Props = {
  market: Market;
  candidates: ShownCandidate[];
  /** Show each candidate's reasons (path, matched words, families, rules, precedents). */
  explain?: boolean;
  /** What a person can do with a candidate (confirm it), shown on its right. */
  actions?: (candidate: ShownCandidate, rank: number) => ReactNode;
};

/** One card per candidate. */
export function CandidateList({ market, candidates, explain = true, actions }: Props) {
  const { t } = useI18n();
  if (!candidates.length) {
    return (
      <Text size="sm" c="dimmed">
        {t("classifier.noCandidates")}
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="candidate-list">
      {candidates.map((candidate, rank) => (
        <CandidateCard key={candidate.code} market={market} candidate={candidate} rank={rank} explain={explain} action={actions?.(candidate, rank)} />
      ))}
    </Stack>
  );
}

function CandidateCard({ market, candidate, rank, explain, action }: { market: Market; candidate: ShownCandidate; rank: number; explain: boolean; action: ReactNode }) {
  const { t } = useI18n();
  const link = tariffLinkFor(market, candidate.code);
  const percent = Math.round(candidate.confidence * 100);
  return (
    <Paper withBorder p="sm" data-testid="classify-candidate" data-code={candidate.code} data-rank={rank + 1}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="nowrap">
            <Badge size="sm" variant={rank === 0 ? "filled" : "light"} color="blue" circle>
              {rank + 1}
            </Badge>
            {link ? (
              <Anchor component={Link} to={link} className="cw-code" fw={600} data-testid="candidate-code">
                {candidate.codeDotted}
              </Anchor>
            ) : (
              <Text className="cw-code" fw={600} data-testid="candidate-code">
                {candidate.codeDotted}
              </Text>
            )}
            <Tooltip label={t("classifier.confidenceHint")} withArrow openDelay={300}>
              <Badge size="sm" variant="light" color={percent >= 60 ? "green" : percent >= 30 ? "yellow" : "red"} data-testid="candidate-confidence">
                {t("classifier.confidence", { percent })}
              </Badge>
            </Tooltip>
          </Group>
          <Progress value={percent} size="xs" color={percent >= 60 ? "green" : percent >= 30 ? "yellow" : "red"} aria-label={t("classifier.confidence", { percent })} />
          <Text size="sm" data-testid="candidate-description">
            {candidate.description}
          </Text>
          {explain && candidate.explanation && <Reasons explanation={candidate.explanation} />}
        </Stack>
        {action}
      </Group>
    </Paper>
  );
}

/** The candidate's path down the schedule and the evidence that put it there. */
function Reasons({ explanation }: { explanation: NonNullable<ShownCandidate["explanation"]> }) {
  const { t } = useI18n();
  const rules = explanation.rules.filter((rule) => rule.effect > 0);
  return (
    <Stack gap={4} mt={4}>
      <Text size="xs" c="dimmed" className="cw-code" data-testid="candidate-path" aria-label={t("classifier.path")}>
        {explanation.path.map((step, index) => (
          <span key={step.code}>
            {index > 0 && " › "}
            <Tooltip label={`${step.description} (${Math.round(step.probability * 100)}%)`} withArrow openDelay={200} multiline maw={420}>
              <span>{step.code}</span>
            </Tooltip>
          </span>
        ))}
      </Text>
      {explanation.matchedTerms.length > 0 && (
        <Group gap={4} wrap="wrap" data-testid="candidate-terms">
          <Text size="xs" c="dimmed" span>
            {t("classifier.matched")}
          </Text>
          {explanation.matchedTerms.slice(0, 8).map((term) => (
            <Badge key={term} size="xs" variant="outline" color="gray" tt="none">
              {term}
            </Badge>
          ))}
        </Group>
      )}
      {explanation.families.slice(0, 2).map((family) => (
        <Text key={family.id} size="xs" c="dimmed" data-testid="candidate-family">
          {t("classifier.family", { family: family.id, matched: family.matched })}
        </Text>
      ))}
      {rules.slice(0, 3).map((rule) => (
        <Text key={rule.id} size="xs" data-testid="candidate-rule">
          {t("classifier.rule", { rule: rule.explain, source: rule.source })}
        </Text>
      ))}
      {explanation.precedents.slice(0, 3).map((precedent) => (
        <Text key={`${precedent.id}-${precedent.code}`} size="xs" data-testid="candidate-precedent">
          {t("classifier.precedent", { code: precedent.code, text: precedent.text, similarity: Math.round(precedent.similarity * 100) })}
        </Text>
      ))}
    </Stack>
  );
}
