// A subject's timeline: what was logged, when, its key data, leaf hash, proof status and bundle.
import { Anchor, Button, Group, Paper, Stack, Text, Timeline, Title } from "@mantine/core";
import { documentUrl, fetchEntryBundle, type TimelineEntry } from "../api.ts";
import { type I18n, useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { Link } from "../router.tsx";
import { formatBytes } from "../screening/format.ts";
import { BundleButton } from "./BundleButton.tsx";
import { dataFacts, documentTypeName, kindName, recordDocument, shortHash, subjectLabel, timelineHref } from "./format.ts";
import { PROOF_COLOR, ProofBadge } from "./ProofBadge.tsx";
import type { SubjectTimeline } from "./useTimeline.ts";

/** The subject's heading with the checkpoint it was checked against, then one item per entry, oldest first. */
export function TimelineView({ timeline, stale, onRefresh }: { timeline: SubjectTimeline; stale: boolean; onRefresh: () => void }) {
  const i18n = useI18n();
  const { t, formatNumber, formatDateTime } = i18n;
  const { product, checkpoint, entries } = timeline;
  const title = product ? `${subjectLabel(i18n, { type: "product", id: product.sku })}` : subjectLabel(i18n, timeline.subject);
  return (
    <Paper withBorder p="md" className={stale ? "cw-stale" : undefined} data-testid="trace-timeline" data-count={entries.length}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="md">
        <Stack gap={2}>
          <Title order={3} size="h4" className="cw-break" data-testid="trace-subject">
            {title}
          </Title>
          {product && (
            <Text size="sm">
              {(i18n.lang === "zh" ? product.titleZh || product.titleEn : product.titleEn || product.titleZh) ?? ""}{" "}
              <Anchor component={Link} to={`/catalog/products/${encodeURIComponent(product.id)}`} size="sm" data-testid="trace-product-link">
                {t("trace.openProduct")}
              </Anchor>
            </Text>
          )}
          {timeline.subject.type === "product" && !product && (
            <Text size="sm" c="orange.8" data-testid="trace-product-missing">
              {t("trace.productNotFound", { id: timeline.subject.id })}
            </Text>
          )}
          <Text size="xs" c="dimmed" data-testid="trace-checkpoint" data-size={checkpoint?.size ?? ""}>
            {entries.length === 1 ? t("trace.countOne") : t("trace.count", { count: formatNumber(entries.length) })} ·{" "}
            {checkpoint ? t("trace.checkpoint", { size: formatNumber(checkpoint.size), time: formatDateTime(checkpoint.createdAt) }) : t("trace.noCheckpoint")}
          </Text>
        </Stack>
        <Button size="compact-sm" variant="default" onClick={onRefresh} leftSection={<Icon name="refresh" size={13} />} data-testid="trace-refresh">
          {t("trace.refresh")}
        </Button>
      </Group>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="trace-empty">
          {t("trace.empty", { subject: title })}
        </Text>
      ) : (
        <Timeline active={entries.length} bulletSize={20} lineWidth={2}>
          {entries.map((entry) => (
            <Timeline.Item
              key={entry.seq}
              color={PROOF_COLOR[entry.proof.status]}
              bullet={entry.proof.status === "verified" ? <Icon name="check" size={12} /> : entry.proof.status === "failed" ? <Icon name="close" size={12} /> : undefined}
              title={<EntryTitle entry={entry} />}
              data-testid="trace-entry"
              data-seq={entry.seq}
              data-kind={entry.kind}
              data-status={entry.proof.status}
            >
              <EntryBody entry={entry} i18n={i18n} onBundle={onRefresh} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}

/** Kind, entry number and time. */
function EntryTitle({ entry }: { entry: TimelineEntry }) {
  const i18n = useI18n();
  return (
    <Group gap="xs" wrap="wrap">
      <Text fw={600} size="sm" data-testid="trace-entry-kind">
        {kindName(i18n, entry.kind)}
      </Text>
      <Text size="xs" c="dimmed" className="cw-code">
        #{entry.seq} · {entry.kind}
      </Text>
      <Text size="xs" c="dimmed" data-testid="trace-entry-time">
        {i18n.formatDateTime(entry.time)}
      </Text>
    </Group>
  );
}

/** Key data, leaf hash, proof status and the bundle download. */
function EntryBody({ entry, i18n, onBundle }: { entry: TimelineEntry; i18n: I18n; onBundle: () => void }) {
  const { t } = i18n;
  return (
    <Stack gap={6} mt={4} mb="sm">
      <EntryVia entry={entry} />
      <EntryData entry={entry} i18n={i18n} />
      <Group gap="sm" wrap="wrap">
        <ProofBadge proof={entry.proof} />
        <Text size="xs" c="dimmed">
          {t("trace.entry.leaf")}{" "}
          <span className="cw-code" title={entry.leafHash} data-testid="trace-entry-leaf">
            {shortHash(entry.leafHash)}
          </span>
        </Text>
        <BundleButton load={() => fetchEntryBundle(entry.seq)} label={t("trace.entry.bundle")} testId="trace-entry-bundle" size="compact-xs" onSaved={onBundle} />
      </Group>
    </Stack>
  );
}

/** What the record says: the document it logs (type, file, hash, size), then its key fields. */
function EntryData({ entry, i18n }: { entry: TimelineEntry; i18n: I18n }) {
  const { t, formatNumber } = i18n;
  const document = recordDocument(entry.kind, entry.data);
  const facts = entry.kind === "document.archived" ? [] : dataFacts(entry.kind, entry.data);
  if (!document && facts.length === 0) return null;
  return (
    <dl className="cw-inline-facts" data-testid="trace-entry-data">
      {document && (
        <>
          <div>
            <dt>{t("evidence.field.type")}</dt>
            <dd>{documentTypeName(i18n, document.documentType)}</dd>
          </div>
          <div>
            <dt>{t("evidence.field.name")}</dt>
            <dd className="cw-break">
              <Anchor href={documentUrl(document.sha256)} download size="sm">
                {document.name ?? shortHash(document.sha256)}
              </Anchor>
            </dd>
          </div>
          <div>
            <dt>{t("evidence.field.sha256")}</dt>
            <dd className="cw-code" title={document.sha256} data-testid="trace-entry-sha256" data-sha256={document.sha256}>
              {shortHash(document.sha256)}
            </dd>
          </div>
          {document.size !== null && (
            <div>
              <dt>{t("evidence.field.size")}</dt>
              <dd className="cw-num">{formatBytes(document.size, formatNumber)}</dd>
            </div>
          )}
        </>
      )}
      {facts.map((fact) => (
        <div key={fact.key}>
          <dt className="cw-code">{fact.key}</dt>
          <dd className="cw-break">{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Why a record logged under another subject is in this timeline: e.g. the screening run that contained the order. */
function EntryVia({ entry }: { entry: TimelineEntry }) {
  const i18n = useI18n();
  // Timelines may join records of linked subjects; older servers send no `via`.
  const via = (entry as { via?: { subject: { type: string; id: string }; relation: string } }).via;
  if (!via) return null;
  const to = via.subject.type === "screening_run" ? `/screenings/${encodeURIComponent(via.subject.id)}` : timelineHref(via.subject);
  return (
    <Text size="xs" c="dimmed" data-testid="trace-entry-via" data-relation={via.relation}>
      {i18n.t("trace.via")}{" "}
      <Anchor component={Link} to={to} size="xs" className="cw-break">
        {subjectLabel(i18n, via.subject)}
      </Anchor>
    </Text>
  );
}
