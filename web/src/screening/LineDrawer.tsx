// One line of a run in a drawer: its findings, where its HS code came from, its catalogue product, and its values (editable for screening.run).
import { Alert, Anchor, Badge, Button, Drawer, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { type ApiError, editScreeningLine, fetchScreeningLine, type ManifestField, type ScreeningLine } from "../api.ts";
import { Fact, Facts } from "../catalog/Facts.tsx";
import { RegulatedBadges } from "../catalog/RegulatedBadges.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { type MessageKey, useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { Link } from "../router.tsx";
import { tariffHref } from "../tariff/links.ts";
import { useApi } from "../useApi.ts";
import { SeverityBadge } from "./Badges.tsx";
import { dottedHs, fieldLabel, findingText } from "./format.ts";
import { asApiError } from "./useRun.ts";

/** The levels of the manifest model, in the order the drawer groups the values. */
const LEVELS: ManifestField["level"][] = ["item", "order", "payment", "waybill", "party", "transport"];

type Props = {
  runId: string;
  lane: string;
  /** The line open, or null when the drawer is closed. */
  line: number | null;
  /** The manifest fields, in canonical order. */
  fields: ManifestField[];
  /** The fields the run's source fills. */
  runFields: string[];
  canEdit: boolean;
  onClose: () => void;
  /** Called after an edit is saved (the run's edit count changed). */
  onSaved: () => void;
  /** Starts a re-run of the run (with its edits). */
  onRerun: () => void;
  rerunBusy: boolean;
  /** Whether the run can be re-run now (it is done). */
  canRerun: boolean;
};

/** The drawer; open while `line` is not null. */
export function LineDrawer(props: Props) {
  const { t } = useI18n();
  const { runId, line, onClose } = props;
  const [version, setVersion] = useState(0);
  const [savedLine, setSavedLine] = useState<number | null>(null);
  const state = useApi(line === null ? null : `screening-line:${runId}:${line}:${version}`, (signal) => fetchScreeningLine(runId, line ?? 0, signal));
  const view = state.data && state.data.line === line ? state.data : null;
  return (
    <Drawer
      opened={line !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        <Title order={3} size="h4">
          {line === null ? "" : t("screening.line.title", { line })}
          {view?.values.order_no && (
            <Text span c="dimmed" fw={400} ml={8} className="cw-code">
              {t("screening.line.order", { order: view.values.order_no })}
            </Text>
          )}
        </Title>
      }
      data-testid="screening-line-drawer"
    >
      <Stack gap="md" data-testid="screening-line" data-line={line ?? ""} data-loaded={view ? "true" : "false"}>
        {state.error && <ErrorAlert error={state.error} />}
        {!view && state.loading && <Loader size="sm" />}
        {view && (
          <LineContent
            // Remounted when the line or its edits change, so the form starts from the values as saved.
            key={`${view.line}:${JSON.stringify(view.edits)}`}
            {...props}
            view={view}
            justSaved={savedLine === view.line}
            onSaved={() => {
              setSavedLine(view.line);
              setVersion((count) => count + 1);
              props.onSaved();
            }}
          />
        )}
      </Stack>
    </Drawer>
  );
}

/** The loaded line. */
function LineContent({ view, lane, fields, runFields, canEdit, onSaved, onRerun, rerunBusy, canRerun, runId, justSaved }: Props & { view: ScreeningLine; justSaved: boolean }) {
  return (
    <>
      <LineFindings view={view} fields={fields} />
      <HsFacts view={view} lane={lane} />
      <ProductFacts view={view} />
      <LineValues
        runId={runId}
        view={view}
        fields={fields}
        runFields={runFields}
        canEdit={canEdit}
        justSaved={justSaved}
        onSaved={onSaved}
        onRerun={onRerun}
        rerunBusy={rerunBusy}
        canRerun={canRerun}
      />
    </>
  );
}

/** Every finding on the line, worst first. */
function LineFindings({ view, fields }: { view: ScreeningLine; fields: ManifestField[] }) {
  const { t, lang } = useI18n();
  const byKey = new Map(fields.map((field) => [field.key, field]));
  return (
    <Stack gap={6} data-testid="screening-line-findings" data-count={view.findings.length}>
      <Text fw={600} size="sm">
        {t("screening.line.findings", { count: view.findings.length })}
      </Text>
      {view.findings.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("screening.line.noFindings")}
        </Text>
      )}
      {view.findings.map((finding) => {
        const text = findingText(lang, finding);
        return (
          <Alert
            key={finding.seq}
            variant="light"
            color={finding.severity === "block" ? "red" : finding.severity === "warn" ? "orange" : "blue"}
            p="xs"
            data-testid="screening-line-finding"
            data-code={finding.code}
            data-severity={finding.severity}
          >
            <Group gap={6} mb={2}>
              <SeverityBadge severity={finding.severity} />
              <Text size="xs" className="cw-code">
                {finding.code}
              </Text>
              {finding.field && (
                <Text size="xs" c="dimmed">
                  · {fieldLabel(lang, byKey, finding.field)}
                </Text>
              )}
            </Group>
            <Text size="sm">{text.message}</Text>
            {text.hint && (
              <Text size="xs" c="dimmed">
                {text.hint}
              </Text>
            )}
          </Alert>
        );
      })}
    </Stack>
  );
}

/** The HS code the rules used, where it came from, and the classifier's suggestion if there was one. */
function HsFacts({ view, lane }: { view: ScreeningLine; lane: string }) {
  const { t, formatNumber } = useI18n();
  const schedule = lane === "us-import" ? "us_hts" : "hs";
  const link = (digits: string) => tariffHref(dottedHs(schedule === "hs" ? digits.slice(0, 6) : digits), { schedule, q: "" });
  const source = (["line", "catalog", "classifier", "none"] as const).includes(view.hsSource as never) ? view.hsSource : "none";
  return (
    <Facts>
      <Fact label={t("screening.line.hs")} testId="screening-line-hs">
        {view.hsCode ? (
          <Anchor component={Link} to={link(view.hsCode)} className="cw-code" size="sm">
            {dottedHs(view.hsCode)}
          </Anchor>
        ) : null}
      </Fact>
      <Fact label={t("screening.line.hsSource")} testId="screening-line-hs-source">
        <span data-source={view.hsSource}>{t(`screening.line.hsSource.${source}` as MessageKey)}</span>
      </Fact>
      {view.suggestion && (
        <Fact label={t("screening.line.suggestion")} testId="screening-line-suggestion">
          <span className="cw-code">{dottedHs(view.suggestion.code)}</span>{" "}
          <Text span size="xs" c="dimmed">
            {t("screening.line.confidence", { percent: formatNumber(Math.round(view.suggestion.confidence * 100)) })}
          </Text>
        </Fact>
      )}
    </Facts>
  );
}

/** The catalogue product the line's SKU matched, as it was when the line was screened. */
function ProductFacts({ view }: { view: ScreeningLine }) {
  const { t } = useI18n();
  const product = view.product;
  return (
    <Stack gap={6} data-testid="screening-line-product" data-sku={product?.sku ?? ""}>
      <Text fw={600} size="sm">
        {t("screening.line.product")}
      </Text>
      {!product ? (
        <Text size="sm" c="dimmed">
          {t("screening.line.noProduct")}
        </Text>
      ) : (
        <Facts>
          <Fact label={t("screening.line.product.sku")}>
            <Anchor component={Link} to={`/catalog/products/${encodeURIComponent(product.id)}`} className="cw-code" size="sm" title={t("screening.line.product.open")}>
              {product.sku}
            </Anchor>
          </Fact>
          <Fact label={t("screening.line.product.title")}>{product.title}</Fact>
          <Fact label={t("screening.line.product.version")}>{`v${product.version}`}</Fact>
          <Fact label={t("screening.line.product.origin")}>{product.originCountry}</Fact>
          <Fact label={t("screening.line.product.netWeight")}>{product.netWeightKg === null ? null : `${product.netWeightKg} kg`}</Fact>
          <Fact label={t("screening.line.product.code")}>{product.confirmedCode ? <span className="cw-code">{dottedHs(product.confirmedCode)}</span> : null}</Fact>
          <Fact label={t("screening.line.product.regulated")}>{Object.keys(product.regulated ?? {}).length ? <RegulatedBadges regulated={product.regulated} /> : null}</Fact>
        </Facts>
      )}
    </Stack>
  );
}

type ValuesProps = {
  runId: string;
  view: ScreeningLine;
  fields: ManifestField[];
  runFields: string[];
  canEdit: boolean;
  /** The edit just saved is this line's (the form says so, and offers the re-run). */
  justSaved: boolean;
  onSaved: () => void;
  onRerun: () => void;
  rerunBusy: boolean;
  canRerun: boolean;
};

/** The line's values with the edits applied, by level; editable (and saved with PATCH) for roles that may run screenings. */
function LineValues({ runId, view, fields, runFields, canEdit, justSaved, onSaved, onRerun, rerunBusy, canRerun }: ValuesProps) {
  const { t, lang } = useI18n();
  const current = (key: string) => view.edits[key] ?? view.values[key] ?? "";
  const initialKeys = () => {
    const present = new Set([...runFields, ...Object.keys(view.values), ...Object.keys(view.edits), ...view.findings.map((finding) => finding.field).filter(Boolean)]);
    return fields.filter((field) => present.has(field.key)).map((field) => field.key);
  };
  const [keys, setKeys] = useState<string[]>(initialKeys);
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(initialKeys().map((key) => [key, current(key)])));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const other = (key: string) => {
    const field = byKey.get(key);
    return field ? (lang === "zh" ? field.label : field.labelZh) : "";
  };
  const problems = new Map<string, string[]>();
  for (const finding of view.findings) {
    // Notes (info) are listed above; only what blocks or warns marks the field itself.
    if (!finding.field || finding.severity === "info") continue;
    const list = problems.get(finding.field) ?? [];
    list.push(findingText(lang, finding).message);
    problems.set(finding.field, list);
  }
  const changes = Object.fromEntries(keys.filter((key) => (draft[key] ?? "").trim() !== current(key)).map((key) => [key, (draft[key] ?? "").trim()]));
  const changed = Object.keys(changes).length > 0;
  const editedLines = Object.keys(view.edits).length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!changed || busy) return;
    setBusy(true);
    setError(null);
    try {
      await editScreeningLine(runId, view.line, changes);
      setBusy(false);
      onSaved();
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  const missing = fields.filter((field) => !keys.includes(field.key));

  return (
    <form onSubmit={submit} data-testid="screening-line-values">
      <Stack gap="sm">
        <div>
          <Text fw={600} size="sm">
            {t("screening.line.values")}
          </Text>
          <Text size="xs" c="dimmed">
            {canEdit ? t("screening.line.valuesHint") : t("screening.line.readOnly")}
          </Text>
        </div>
        {LEVELS.map((level) => {
          const inLevel = keys.filter((key) => byKey.get(key)?.level === level);
          if (!inLevel.length) return null;
          return (
            <Stack key={level} gap={6}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                {t(`screening.line.level.${level}`)}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing={6}>
                {inLevel.map((key) => {
                  const edited = key in view.edits;
                  const original = view.values[key] ?? "";
                  // A finding is about the value as screened: once the value is changed it no longer applies.
                  const fieldProblems = edited || (draft[key] ?? "") !== original ? undefined : problems.get(key);
                  return (
                    <TextInput
                      key={key}
                      size="xs"
                      label={
                        <Group gap={6} wrap="nowrap" component="span">
                          <span>{fieldLabel(lang, byKey, key)}</span>
                          <Text span size="xs" c="dimmed" fw={400}>
                            {other(key)}
                          </Text>
                          {edited && (
                            <Badge size="xs" variant="light" color="grape" data-testid="screening-line-edited">
                              {t("screening.line.edited")}
                            </Badge>
                          )}
                        </Group>
                      }
                      description={edited ? t("screening.line.was", { value: original || t("screening.line.blank") }) : undefined}
                      value={draft[key] ?? ""}
                      placeholder={canEdit ? undefined : t("screening.line.blank")}
                      onChange={(event) => {
                        const value = event.currentTarget.value;
                        setDraft((previous) => ({ ...previous, [key]: value }));
                      }}
                      readOnly={!canEdit}
                      maxLength={byKey.get(key)?.max}
                      error={fieldProblems ? fieldProblems.join(" ") : undefined}
                      data-testid={`screening-line-value-${key}`}
                      data-field={key}
                    />
                  );
                })}
              </SimpleGrid>
            </Stack>
          );
        })}
        {canEdit && missing.length > 0 && (
          <Select
            size="xs"
            label={t("screening.line.addField")}
            placeholder={t("screening.filter.any")}
            data={missing.map((field) => ({ value: field.key, label: `${lang === "zh" ? field.labelZh : field.label} (${field.key})` }))}
            value={null}
            onChange={(key) => {
              if (!key) return;
              setKeys((previous) => fields.map((field) => field.key).filter((candidate) => candidate === key || previous.includes(candidate)));
              setDraft((previous) => ({ ...previous, [key]: "" }));
            }}
            searchable
            w={320}
            data-testid="screening-line-add-field"
          />
        )}
        {error && <ErrorAlert error={error} message={error.code === "VALIDATION_FAILED" ? error.message : undefined} />}
        {justSaved && !changed && (
          <Alert color="green" variant="light" p="xs" data-testid="screening-line-saved">
            <Text size="sm">{t("screening.line.saved")}</Text>
          </Alert>
        )}
        {canEdit && (
          <Group gap="sm">
            <Button type="submit" disabled={!changed} loading={busy} data-testid="screening-line-save">
              {t("screening.line.save")}
            </Button>
            {changed && (
              <Button variant="default" onClick={() => setDraft(Object.fromEntries(keys.map((key) => [key, current(key)])))} data-testid="screening-line-undo">
                {t("screening.line.undo")}
              </Button>
            )}
            {editedLines && !changed && (
              <Button variant="light" onClick={onRerun} loading={rerunBusy} disabled={!canRerun} leftSection={<Icon name="refresh" size={14} />} data-testid="screening-line-rerun">
                {t("screening.run.rerun")}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </form>
  );
}
