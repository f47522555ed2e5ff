// The product page's classify box: classify the product for a market, confirm a candidate (reviewers), or send it to review.
import { Alert, Anchor, Button, Group, SegmentedControl, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { ApiError, recordClassification } from "../api.ts";
import { marketName } from "../catalog/ClassificationBadge.tsx";
import { Panel } from "../catalog/Facts.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { type ClassifyAnswer, classifyItem, type Market, type ReviewItem, type ShownCandidate, sendToReview } from "./api.ts";
import { CandidateList } from "./CandidateList.tsx";

const asApiError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", String(caught)));

/** Classifies the product with the tenant's precedents; a confirmation is recorded as the product's classification and teaches the classifier. */
export function ProductClassifyBox({ productId, onConfirmed }: { productId: string; onConfirmed: () => void }) {
  const { t } = useI18n();
  const can = useCan();
  const [market, setMarket] = useState<Market>("us");
  const [answer, setAnswer] = useState<{ market: Market; result: ClassifyAnswer } | null>(null);
  const [picked, setPicked] = useState<ShownCandidate | null>(null);
  const [rationale, setRationale] = useState("");
  const [busy, setBusy] = useState<"classify" | "confirm" | "send" | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<{ kind: "confirmed"; code: string } | { kind: "sent"; item: ReviewItem } | null>(null);
  if (!can("classify.run")) return null;

  const run = async <T,>(kind: "classify" | "confirm" | "send", action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(kind);
    setError(null);
    try {
      return await action();
    } catch (caught) {
      setError(asApiError(caught));
      return undefined;
    } finally {
      setBusy(null);
    }
  };
  const classify = async () => {
    setDone(null);
    setPicked(null);
    const result = await run("classify", () => classifyItem({ productId, market }));
    setAnswer(result ? { market, result } : null);
  };
  const confirm = async () => {
    if (!answer || !picked) return;
    const saved = await run("confirm", () =>
      recordClassification(productId, { market: answer.market, code: picked.code, status: "confirmed", rationale: rationale.trim() || null }),
    );
    if (!saved) return;
    setDone({ kind: "confirmed", code: picked.codeDotted });
    setPicked(null);
    setRationale("");
    onConfirmed();
  };
  const send = async () => {
    if (!answer) return;
    const sent = await run("send", () => sendToReview({ productId, market: answer.market }));
    if (sent) setDone({ kind: "sent", item: sent.item });
  };

  return (
    <Panel title={t("classifier.box.title")} testId="product-classify-box">
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            size="xs"
            value={market}
            onChange={(value) => setMarket(value as Market)}
            data={(["us", "hs"] as const).map((value) => ({ value, label: marketName(t, value) }))}
            data-testid="product-classify-market"
          />
          <Button size="compact-sm" onClick={classify} loading={busy === "classify"} data-testid="product-classify-run">
            {t("classifier.box.run")}
          </Button>
        </Group>
        {answer && (
          <Stack gap="xs" data-testid="product-classify-result" data-abstain={answer.result.abstain ? "true" : "false"}>
            <Text size="sm" c={answer.result.abstain ? "orange" : "dimmed"}>
              {answer.result.abstain
                ? t("classifier.abstain", { percent: Math.round(answer.result.confidence * 100) })
                : t("classifier.confident", { percent: Math.round(answer.result.confidence * 100) })}
            </Text>
            <CandidateList
              market={answer.market}
              candidates={answer.result.candidates}
              explain={false}
              actions={(candidate) =>
                can("classify.review") && (
                  <Button
                    size="compact-xs"
                    variant={picked?.code === candidate.code ? "filled" : "light"}
                    color="green"
                    onClick={() => setPicked(candidate)}
                    data-testid="product-classify-pick"
                  >
                    {t("review.confirm")}
                  </Button>
                )
              }
            />
            {picked && (
              <Stack gap="xs" data-testid="product-classify-confirm-form">
                <Textarea
                  label={t("classifier.box.rationale", { code: picked.codeDotted })}
                  placeholder={t("classify.rationalePlaceholder")}
                  value={rationale}
                  onChange={(event) => setRationale(event.currentTarget.value)}
                  autosize
                  minRows={2}
                  data-testid="product-classify-rationale"
                />
                <Group justify="flex-end" gap="xs">
                  <Button size="compact-sm" variant="default" onClick={() => setPicked(null)}>
                    {t("common.cancel")}
                  </Button>
                  <Button size="compact-sm" color="green" onClick={confirm} loading={busy === "confirm"} data-testid="product-classify-confirm">
                    {t("classifier.box.confirm")}
                  </Button>
                </Group>
              </Stack>
            )}
            <Group justify="flex-end">
              <Button size="compact-sm" variant="default" onClick={send} loading={busy === "send"} data-testid="product-classify-send">
                {t("classifier.sendToReview")}
              </Button>
            </Group>
          </Stack>
        )}
        {error && <ErrorAlert error={error} message={error.code === "VALIDATION_FAILED" ? t("classify.refused", { message: error.message }) : undefined} />}
        {done?.kind === "confirmed" && (
          <Alert color="green" variant="light" data-testid="product-classify-confirmed">
            <Text size="sm">{t("classifier.box.confirmed", { code: done.code })}</Text>
          </Alert>
        )}
        {done?.kind === "sent" && (
          <Alert color="blue" variant="light" data-testid="product-classify-sent">
            <Text size="sm">
              {t("classifier.sent", { id: done.item.id })}{" "}
              <Anchor component={Link} to="/classify/queue" size="sm">
                {t("classifier.openQueue")}
              </Anchor>
            </Text>
          </Alert>
        )}
      </Stack>
    </Panel>
  );
}
