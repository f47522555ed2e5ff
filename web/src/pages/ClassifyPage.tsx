// Classify (`/classify`): type a product, get the top HS/HTS codes with confidence and reasons, and send it to review.
import { Alert, Anchor, Button, Grid, Group, NumberInput, Paper, SegmentedControl, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { type FormEvent, useState } from "react";
import { PageHeader } from "../admin/PageHeader.tsx";
import { ApiError } from "../api.ts";
import { marketLongName } from "../catalog/ClassificationBadge.tsx";
import { type ClassifyAnswer, classifyItem, type Market, type ReviewItem, sendToReview } from "../classify/api.ts";
import { CandidateList } from "../classify/CandidateList.tsx";
import { ClassifyTabs } from "../classify/ClassifyTabs.tsx";
import { parseItemSpecifics } from "../classify/itemSpecifics.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";

const asApiError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", String(caught)));

/** Page for `/classify`. */
export function ClassifyPage() {
  const { t } = useI18n();
  const can = useCan();
  useDocumentTitle(`${t("classifier.title")} · Clearway`);
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [category, setCategory] = useState("");
  const [specifics, setSpecifics] = useState("");
  const [price, setPrice] = useState<number | "">("");
  const [currency, setCurrency] = useState("USD");
  const [market, setMarket] = useState<Market>("us");
  const [top, setTop] = useState(3);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [answer, setAnswer] = useState<{ market: Market; title: string; result: ClassifyAnswer } | null>(null);
  const [sent, setSent] = useState<{ item: ReviewItem; created: boolean } | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<ApiError | null>(null);
  const parsedSpecifics = parseItemSpecifics(specifics);
  const specificsError = "badLine" in parsedSpecifics ? t("classifier.input.specificsBadLine", { line: parsedSpecifics.badLine }) : undefined;
  const input = () => ({
    title: title.trim() || undefined,
    description: description.trim() || undefined,
    category: category.trim() || undefined,
    attributes: "attributes" in parsedSpecifics && Object.keys(parsedSpecifics.attributes).length ? parsedSpecifics.attributes : undefined,
    price: price === "" ? undefined : price,
    currency: price === "" ? undefined : currency.trim().toUpperCase() || undefined,
    market,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSent(null);
    setSendError(null);
    try {
      setAnswer({ market, title: title.trim(), result: await classifyItem({ ...input(), top }) });
    } catch (caught) {
      setAnswer(null);
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    setSending(true);
    setSendError(null);
    try {
      setSent(await sendToReview(input()));
    } catch (caught) {
      setSendError(asApiError(caught));
    } finally {
      setSending(false);
    }
  };

  return (
    <Stack gap="md" data-testid="classify-page">
      <ClassifyTabs pathname="/classify" />
      <PageHeader title={t("classifier.title")} intro={t("classifier.intro")} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Paper withBorder p="md">
            <form onSubmit={submit} data-testid="classify-form">
              <Stack gap="sm">
                <TextInput
                  label={t("classifier.input.title")}
                  placeholder={t("classifier.input.titlePlaceholder")}
                  value={title}
                  onChange={(e) => setTitle(e.currentTarget.value)}
                  data-testid="classify-title"
                />
                <Textarea
                  label={t("classifier.input.description")}
                  placeholder={t("classifier.input.descriptionPlaceholder")}
                  value={description}
                  onChange={(e) => setDescription(e.currentTarget.value)}
                  autosize
                  minRows={3}
                  maxRows={10}
                  data-testid="classify-description"
                />
                <TextInput
                  label={t("classifier.input.category")}
                  placeholder={t("classifier.input.categoryPlaceholder")}
                  value={category}
                  onChange={(e) => setCategory(e.currentTarget.value)}
                  data-testid="classify-category"
                />
                <Textarea
                  label={t("classifier.input.specifics")}
                  description={t("classifier.input.specificsHint")}
                  placeholder={"Material: Zinc Alloy\nItem Type: Earrings\n材质: 纯棉"}
                  value={specifics}
                  onChange={(e) => setSpecifics(e.currentTarget.value)}
                  error={specificsError}
                  autosize
                  minRows={2}
                  maxRows={8}
                  data-testid="classify-specifics"
                />
                <Group align="flex-end" gap="sm" wrap="wrap">
                  <NumberInput
                    label={t("classifier.input.price")}
                    description={t("classifier.input.priceHint")}
                    value={price}
                    onChange={(value) => setPrice(typeof value === "number" && value > 0 ? value : "")}
                    min={0}
                    decimalScale={2}
                    w={140}
                    data-testid="classify-price"
                  />
                  <TextInput
                    label={t("classifier.input.currency")}
                    value={currency}
                    onChange={(e) => setCurrency(e.currentTarget.value)}
                    maxLength={3}
                    w={90}
                    data-testid="classify-currency"
                  />
                </Group>
                <Group align="flex-end" gap="sm" wrap="wrap">
                  <Stack gap={4}>
                    <Text size="sm" fw={500}>
                      {t("classifier.input.market")}
                    </Text>
                    <SegmentedControl
                      value={market}
                      onChange={(value) => setMarket(value as Market)}
                      data={(["us", "hs"] as const).map((value) => ({ value, label: marketLongName(t, value) }))}
                      data-testid="classify-market"
                    />
                  </Stack>
                  <NumberInput label={t("classifier.input.top")} value={top} onChange={(value) => setTop(Number(value) || 3)} min={1} max={10} w={100} data-testid="classify-top" />
                </Group>
                <Group justify="flex-end">
                  <Button type="submit" loading={busy} disabled={(!title.trim() && !description.trim()) || Boolean(specificsError)} data-testid="classify-submit">
                    {t("classifier.submit")}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="sm">
            {error && <ErrorAlert error={error} />}
            {!answer && !error && (
              <Text size="sm" c="dimmed">
                {t("classifier.empty")}
              </Text>
            )}
            {answer && (
              <Stack gap="sm" data-testid="classify-result" data-title={answer.title} data-abstain={answer.result.abstain ? "true" : "false"}>
                <Alert color={answer.result.abstain ? "yellow" : "green"} variant="light" data-testid="classify-verdict">
                  <Text size="sm">
                    {answer.result.abstain
                      ? t("classifier.abstain", { percent: Math.round(answer.result.confidence * 100) })
                      : t("classifier.confident", { percent: Math.round(answer.result.confidence * 100) })}
                  </Text>
                </Alert>
                <CandidateList market={answer.market} candidates={answer.result.candidates} />
                {can("classify.run") && (
                  <Group justify="flex-end">
                    <Button variant={answer.result.abstain ? "filled" : "default"} onClick={send} loading={sending} disabled={Boolean(sent)} data-testid="classify-send-review">
                      {t("classifier.sendToReview")}
                    </Button>
                  </Group>
                )}
                {sendError && <ErrorAlert error={sendError} />}
                {sent && (
                  <Alert color="blue" variant="light" data-testid="classify-sent" data-review-id={sent.item.id}>
                    <Text size="sm">
                      {t(sent.created ? "classifier.sent" : "classifier.alreadySent", { id: sent.item.id })}{" "}
                      <Anchor component={Link} to="/classify/queue" size="sm" data-testid="classify-open-queue">
                        {t("classifier.openQueue")}
                      </Anchor>
                    </Text>
                  </Alert>
                )}
              </Stack>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
