// Find evidence by a document's SHA-256 or a ledger entry's number, and download its bundle.
import { Alert, Anchor, Button, Group, Loader, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { documentUrl, fetchDocumentBundle, fetchDocuments, fetchEntryBundle, type ListedDocument } from "../api.ts";
import { Fact, Panel } from "../catalog/Facts.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { Link } from "../router.tsx";
import { formatBytes } from "../screening/format.ts";
import { useApi } from "../useApi.ts";
import { BundleButton } from "./BundleButton.tsx";
import { documentTypeName, subjectLabel, timelineHref } from "./format.ts";

type Mode = "sha256" | "seq";
type Query = { mode: "sha256"; sha256: string } | { mode: "seq"; seq: number };

/** A SHA-256 or entry-number field; a document's facts and bundle, or an entry's bundle. */
export function LookupPanel({ onBundle }: { onBundle: () => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>("sha256");
  const [value, setValue] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [query, setQuery] = useState<Query | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = value.trim();
    if (mode === "sha256" ? !/^[0-9a-fA-F]{64}$/.test(text) : !/^\d{1,15}$/.test(text)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setQuery(mode === "sha256" ? { mode, sha256: text.toLowerCase() } : { mode, seq: Number(text) });
  };
  return (
    <Panel title={t("evidence.lookup.title")} testId="evidence-lookup">
      <Stack gap="sm">
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(next) => {
            setMode(next as Mode);
            setInvalid(false);
            setQuery(null);
          }}
          data={[
            { value: "sha256", label: <span data-testid="evidence-lookup-mode-sha256">{t("evidence.lookup.by.sha256")}</span> },
            { value: "seq", label: <span data-testid="evidence-lookup-mode-seq">{t("evidence.lookup.by.seq")}</span> },
          ]}
        />
        <form onSubmit={submit} className="cw-inline-form">
          <TextInput
            className="cw-grow cw-code-input"
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            placeholder={mode === "sha256" ? t("evidence.lookup.sha256Placeholder") : t("evidence.lookup.seqPlaceholder")}
            aria-label={mode === "sha256" ? t("evidence.lookup.by.sha256") : t("evidence.lookup.by.seq")}
            error={invalid ? (mode === "sha256" ? t("evidence.lookup.invalidSha256") : t("evidence.lookup.invalidSeq")) : undefined}
            data-testid="evidence-lookup-input"
          />
          <Button type="submit" variant="default" leftSection={<Icon name="search" size={14} />} data-testid="evidence-lookup-submit">
            {t("evidence.lookup.find")}
          </Button>
        </form>
        {query?.mode === "sha256" && <DocumentLookup key={query.sha256} sha256={query.sha256} onBundle={onBundle} />}
        {query?.mode === "seq" && (
          <Group gap="xs" data-testid="evidence-lookup-entry" data-seq={query.seq}>
            <Text size="sm" className="cw-code">
              #{query.seq}
            </Text>
            <BundleButton key={query.seq} load={() => fetchEntryBundle(query.seq)} label={t("evidence.downloadBundle")} testId="evidence-lookup-bundle" onSaved={onBundle} />
          </Group>
        )}
      </Stack>
    </Panel>
  );
}

/** The archived document with this SHA-256, or a note that the tenant has none. */
function DocumentLookup({ sha256, onBundle }: { sha256: string; onBundle: () => void }) {
  const { t } = useI18n();
  const { data, error } = useApi(`evidence-lookup:${sha256}`, (signal) => fetchDocuments({ sha256, limit: 1, offset: 0 }, signal));
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader size="sm" />;
  const document = data.documents[0];
  if (!document)
    return (
      <Alert color="orange" variant="light" data-testid="evidence-lookup-none">
        <Text size="sm">{t("evidence.lookup.notFound")}</Text>
      </Alert>
    );
  return <DocumentFacts document={document} onBundle={onBundle} />;
}

/** One archived document's facts and downloads. */
function DocumentFacts({ document, onBundle }: { document: ListedDocument; onBundle: () => void }) {
  const i18n = useI18n();
  const { t, formatNumber, formatDateTime } = i18n;
  return (
    <Stack gap="xs" data-testid="evidence-lookup-document" data-seq={document.seq}>
      <dl className="cw-facts">
        <Fact label={t("evidence.field.name")}>{document.name}</Fact>
        <Fact label={t("evidence.field.type")}>{documentTypeName(i18n, document.documentType)}</Fact>
        <Fact label={t("evidence.field.size")}>
          {formatBytes(document.size, formatNumber)} · {document.mediaType}
        </Fact>
        <Fact label={t("evidence.field.seq")}>
          <span className="cw-code">#{document.seq}</span>
        </Fact>
        <Fact label={t("evidence.field.archivedAt")}>{formatDateTime(document.archivedAt)}</Fact>
        <Fact label={t("evidence.field.subject")}>
          <Anchor component={Link} to={timelineHref(document.subject)} size="sm">
            {subjectLabel(i18n, document.subject)}
          </Anchor>
        </Fact>
      </dl>
      <Group gap="xs">
        <BundleButton load={() => fetchDocumentBundle(document.sha256)} label={t("evidence.downloadBundle")} testId="evidence-lookup-bundle" onSaved={onBundle} />
        <Button component="a" href={documentUrl(document.sha256)} download size="xs" variant="default" leftSection={<Icon name="download" size={14} />}>
          {t("evidence.downloadDocument")}
        </Button>
      </Group>
    </Stack>
  );
}
