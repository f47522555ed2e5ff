// One item of the review queue: what was classified, the candidates shown, and the reviewer's decision (or the form to make it).
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { ApiError } from "../api.ts";
import { marketName } from "../catalog/ClassificationBadge.tsx";
import { dottedCode } from "../catalog/format.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { decideReviewItem, type ReviewDecision, type ReviewItem } from "./api.ts";
import { CandidateList } from "./CandidateList.tsx";

const STATUS_COLOR: Record<ReviewItem["status"], string> = { open: "yellow", confirmed: "green", corrected: "blue", dismissed: "gray" };

/** The item, and for a reviewer of an open item: confirm a candidate, correct to another code, or dismiss, always with a reason. */
export function ReviewCard({ item, onDecided }: { item: ReviewItem; onDecided: (item: ReviewItem) => void }) {
  const { t, formatDateTime } = useI18n();
  const review = useCan()("classify.review");
  const open = item.status === "open";
  return (
    <Paper withBorder p="md" data-testid="review-item" data-id={item.id} data-status={item.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} data-testid="review-title">
              {item.input.title ?? item.input.description?.slice(0, 160) ?? "—"}
            </Text>
            {item.input.title && item.input.description && (
              <Text size="sm" c="dimmed" lineClamp={2}>
                {item.input.description}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t("review.meta", {
                market: marketName(t, item.market),
                source: t(`review.source.${item.source}`),
                by: item.createdBy ?? "—",
                time: formatDateTime(item.createdAt),
                percent: Math.round(item.confidence * 100),
              })}
              {item.productSku && (
                <>
                  {" · "}
                  <Anchor component={Link} to={`/catalog/products/${encodeURIComponent(item.productId ?? item.productSku)}`} size="xs" data-testid="review-product">
                    {t("review.product", { sku: item.productSku })}
                  </Anchor>
                </>
              )}
            </Text>
          </Stack>
          <Badge color={STATUS_COLOR[item.status]} variant="light" data-testid="review-status">
            {t(`review.status.${item.status}`)}
          </Badge>
        </Group>
        {open && review ? <DecisionForm item={item} onDecided={onDecided} /> : <CandidateList market={item.market} candidates={item.candidates} />}
        {open && !review && (
          <Text size="xs" c="dimmed">
            {t("review.reviewOnly")}
          </Text>
        )}
        {!open && (
          <Alert color={STATUS_COLOR[item.status]} variant="light" data-testid="review-decision">
            <Text size="sm">
              {t("review.decided", {
                status: t(`review.status.${item.status}`),
                code: item.finalCode ? dottedCode(item.market, item.finalCode) : "—",
                by: item.decidedBy ?? "—",
                time: item.decidedAt ? formatDateTime(item.decidedAt) : "—",
              })}
            </Text>
            <Text size="sm" c="dimmed" className="cw-prewrap">
              {item.reason}
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** Candidates with a confirm button each, then the reason, a code to correct to, and dismiss; the server's refusal is shown as it says it. */
function DecisionForm({ item, onDecided }: { item: ReviewItem; onDecided: (item: ReviewItem) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const decide = async (key: string, decision: Omit<ReviewDecision, "reason">) => {
    setBusy(key);
    setError(null);
    try {
      onDecided((await decideReviewItem(item.id, { ...decision, reason })).item);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", String(caught)));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="sm">
      <CandidateList
        market={item.market}
        candidates={item.candidates}
        actions={(candidate) => (
          <Button
            size="compact-sm"
            variant="light"
            color="green"
            loading={busy === candidate.code}
            disabled={busy !== null}
            onClick={() => decide(candidate.code, { action: "confirm", code: candidate.code })}
            data-testid="review-confirm"
          >
            {t("review.confirm")}
          </Button>
        )}
      />
      <Textarea
        label={t("review.reason")}
        description={t("review.reasonHint")}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        autosize
        minRows={2}
        maxRows={6}
        data-testid="review-reason"
      />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t("review.correctCode")}
          placeholder={t(`classify.codePlaceholder.${item.market}`)}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          className="cw-code-input"
          w={220}
          data-testid="review-code"
        />
        <Button
          variant="default"
          loading={busy === "correct"}
          disabled={busy !== null || !code.trim()}
          onClick={() => decide("correct", { action: "correct", code: code.trim() })}
          data-testid="review-correct"
        >
          {t("review.correct")}
        </Button>
        <Button
          variant="subtle"
          color="gray"
          loading={busy === "dismiss"}
          disabled={busy !== null}
          onClick={() => decide("dismiss", { action: "dismiss" })}
          data-testid="review-dismiss"
        >
          {t("review.dismiss")}
        </Button>
      </Group>
      {error && (
        <div data-testid="review-error" data-error-code={error.code}>
          <ErrorAlert error={error} message={error.code === "VALIDATION_FAILED" || error.code === "CONFLICT" ? t("review.refused", { message: error.message }) : undefined} />
        </div>
      )}
    </Stack>
  );
}
