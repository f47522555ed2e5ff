// Records a classification decision (market, code, status, rationale); the server checks the code against the edition in force.
import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { ApiError, type Classification, recordClassification } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { useCan } from "../session.tsx";
import { marketLongName, marketName } from "./ClassificationBadge.tsx";
import { classificationCode, MARKETS } from "./format.ts";

type Market = (typeof MARKETS)[number];
const STATUSES: Classification["status"][] = ["confirmed", "suggested", "disputed", "unclassified"];
const REVIEW_ONLY = new Set<Classification["status"]>(["confirmed", "disputed"]);

/** Market, code, status and rationale; a refusal shows the server's own words. */
export function ClassificationForm({ productId, onRecorded }: { productId: string; onRecorded: () => void }) {
  const { t } = useI18n();
  const review = useCan()("classify.review");
  const [market, setMarket] = useState<Market>("us");
  const [code, setCode] = useState("");
  const [status, setStatus] = useState<Classification["status"]>(review ? "confirmed" : "suggested");
  const [rationale, setRationale] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [recorded, setRecorded] = useState<Classification | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setRecorded(null);
    try {
      const { classification } = await recordClassification(productId, { market, code: code.trim() || null, status, rationale: rationale.trim() || null });
      setRecorded(classification);
      setCode("");
      setRationale("");
      onRecorded();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", String(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="cw-decision-form" data-testid="classification-form">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t("classify.record")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Select
            label={t("classify.market")}
            data={MARKETS.map((value) => ({ value, label: marketLongName(t, value) }))}
            value={market}
            onChange={(value) => value && setMarket(value as Market)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="classification-market"
          />
          <Select
            label={t("classify.status")}
            data={STATUSES.map((value) => ({ value, label: t(`classification.status.${value}`), disabled: !review && REVIEW_ONLY.has(value) }))}
            value={status}
            onChange={(value) => value && setStatus(value as Classification["status"])}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="classification-status-select"
          />
        </SimpleGrid>
        <TextInput
          label={t("classify.code")}
          placeholder={t(`classify.codePlaceholder.${market}`)}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          className="cw-code-input"
          data-testid="classification-code-input"
        />
        <Textarea
          label={t("classify.rationale")}
          description={status === "confirmed" ? t("classify.rationaleRequired") : undefined}
          placeholder={t("classify.rationalePlaceholder")}
          value={rationale}
          onChange={(event) => setRationale(event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={6}
          data-testid="classification-rationale-input"
        />
        {!review && (
          <Text size="xs" c="dimmed">
            {t("classify.reviewOnly")}
          </Text>
        )}
        {error && (
          <ErrorAlert error={error} message={error.code === "VALIDATION_FAILED" || error.code === "NOT_FOUND" ? t("classify.refused", { message: error.message }) : undefined} />
        )}
        {recorded && (
          <Alert color="green" variant="light" data-testid="classification-recorded">
            <Text size="sm">
              {t("classify.recorded", {
                market: marketName(t, recorded.market),
                code: classificationCode(recorded) ?? "—",
                status: t(`classification.status.${recorded.status}`),
              })}
            </Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="classification-submit">
            {t("classify.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
