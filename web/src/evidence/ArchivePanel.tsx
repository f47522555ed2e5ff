// The upload form of /evidence: a document, its type and what it belongs to; then what was archived and its bundle.
import { Alert, Anchor, Badge, Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { type ApiError, type ArchivedDocument, archiveDocument, documentUrl, fetchDocumentBundle, fetchDocuments } from "../api.ts";
import { Fact, Panel } from "../catalog/Facts.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { FileDropZone } from "../components/FileDropZone.tsx";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { Link } from "../router.tsx";
import { formatBytes } from "../screening/format.ts";
import { BundleButton } from "./BundleButton.tsx";
import { DOCUMENT_TYPE_LIST, documentTypeName, SUBJECT_TYPES, shortHash, subjectLabel, subjectTypeName, timelineHref } from "./format.ts";

const MAX_BYTES = 50 * 1024 * 1024;
/** A document is its own subject by default; the upload form offers the others. */
const UPLOAD_SUBJECTS = SUBJECT_TYPES.filter((type) => type !== "document");

/** What was archived, and the subject it was logged for. */
type Archived = { document: ArchivedDocument; subject: { type: string; id: string } };

/** File, document type and optional subject, the archive button, and the result with its bundle; `onChanged` after an archive or a bundle export. */
export function ArchivePanel({ onChanged }: { onChanged: () => void }) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const [file, setFile] = useState<File | null>(null);
  const [type, setType] = useState("other");
  const [subjectType, setSubjectType] = useState<string | null>(null);
  const [subjectId, setSubjectId] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [archived, setArchived] = useState<Archived | null>(null);
  const tooLarge = file !== null && file.size > MAX_BYTES;
  const missingId = subjectType !== null && subjectId.trim() === "";

  const choose = (chosen: File) => {
    setFile(chosen);
    setError(null);
    setArchived(null);
  };
  const submit = async () => {
    if (!file || tooLarge || missingId) return;
    setBusy(true);
    setError(null);
    const subject = subjectType ? { type: subjectType, id: subjectId.trim() } : undefined;
    try {
      const document = await archiveDocument(await file.arrayBuffer(), { type, name: file.name, subject });
      // A duplicate keeps the subject it was first logged for: ask the archive which one that is.
      const listed = await fetchDocuments({ sha256: document.sha256, limit: 1, offset: 0 }).catch(() => null);
      setArchived({ document, subject: listed?.documents[0]?.subject ?? subject ?? { type: "document", id: document.sha256 } });
      onChanged();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title={t("evidence.upload.title")} testId="evidence-upload">
      <Stack gap="sm">
        <FileDropZone
          onFile={choose}
          disabled={busy}
          compact={file !== null}
          accept="*/*"
          testId="evidence"
          text={{ choose: t("evidence.upload.choose"), hint: t("evidence.upload.dropHint"), other: t("evidence.upload.otherFile") }}
        />
        {file && (
          <dl className="cw-inline-facts" data-testid="evidence-file">
            <div>
              <dt>{t("evidence.field.name")}</dt>
              <dd className="cw-break" data-testid="evidence-file-name">
                {file.name}
              </dd>
            </div>
            <div>
              <dt>{t("evidence.field.size")}</dt>
              <dd className="cw-num">{formatBytes(file.size, formatNumber)}</dd>
            </div>
          </dl>
        )}
        {tooLarge && (
          <Alert color="red" variant="light" data-testid="evidence-too-large">
            <Text size="sm">{t("evidence.upload.tooLarge")}</Text>
          </Alert>
        )}
        <Group gap="md" align="flex-start" wrap="wrap">
          <Select
            label={t("evidence.upload.type")}
            data={DOCUMENT_TYPE_LIST.map((value) => ({ value, label: documentTypeName(i18n, value) }))}
            value={type}
            onChange={(value) => value && setType(value)}
            allowDeselect={false}
            disabled={busy}
            w={240}
            data-testid="evidence-type"
          />
          <Select
            label={t("evidence.upload.subjectType")}
            placeholder={t("evidence.upload.subjectNone")}
            data={UPLOAD_SUBJECTS.map((value) => ({ value, label: subjectTypeName(i18n, value) }))}
            value={subjectType}
            onChange={setSubjectType}
            clearable
            disabled={busy}
            w={200}
            data-testid="evidence-subject-type"
          />
          <TextInput
            label={t("evidence.upload.subjectId")}
            placeholder={subjectType ? t(`trace.placeholder.${subjectType as (typeof UPLOAD_SUBJECTS)[number]}`) : undefined}
            value={subjectId}
            onChange={(event) => setSubjectId(event.currentTarget.value)}
            disabled={busy || subjectType === null}
            error={missingId && file ? t("evidence.upload.subjectIdRequired") : undefined}
            maxLength={200}
            w={220}
            data-testid="evidence-subject-id"
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t("evidence.upload.subjectHint")}
        </Text>
        <Group>
          <Button onClick={submit} disabled={!file || tooLarge || missingId} loading={busy} leftSection={<Icon name="upload" size={15} />} data-testid="evidence-submit">
            {t("evidence.upload.submit")}
          </Button>
        </Group>
        {error && <ErrorAlert error={error} />}
        {archived && <ArchiveResult archived={archived} onBundle={onChanged} />}
      </Stack>
    </Panel>
  );
}

/** The archived document: its hash, ledger entry, whether it was new, and its bundle. */
function ArchiveResult({ archived, onBundle }: { archived: Archived; onBundle: () => void }) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const { document, subject } = archived;
  return (
    <Alert
      color={document.duplicate ? "yellow" : "green"}
      variant="light"
      data-testid="evidence-result"
      data-sha256={document.sha256}
      data-seq={document.seq}
      data-duplicate={String(document.duplicate)}
    >
      <Stack gap="xs">
        <Group gap="xs">
          <Badge color={document.duplicate ? "yellow" : "green"} variant="filled" size="sm" data-testid="evidence-result-badge">
            {document.duplicate ? t("evidence.result.duplicateBadge") : t("evidence.result.new")}
          </Badge>
          <Text size="sm">{t(document.duplicate ? "evidence.result.duplicate" : "evidence.result.archived", { seq: document.seq })}</Text>
        </Group>
        <dl className="cw-facts">
          <Fact label={t("evidence.field.sha256")}>
            <span className="cw-code cw-break" data-testid="evidence-result-sha256">
              {document.sha256}
            </span>
          </Fact>
          <Fact label={t("evidence.field.seq")}>
            <span className="cw-code" data-testid="evidence-result-seq">
              #{document.seq}
            </span>
          </Fact>
          <Fact label={t("evidence.field.leafHash")}>
            <span className="cw-code" title={document.leafHash}>
              {shortHash(document.leafHash)}
            </span>
          </Fact>
          <Fact label={t("evidence.field.type")}>{documentTypeName(i18n, document.documentType)}</Fact>
          <Fact label={t("evidence.field.size")}>
            {formatBytes(document.size, formatNumber)} · {document.mediaType}
          </Fact>
          <Fact label={t("evidence.field.subject")}>
            <Anchor component={Link} to={timelineHref(subject)} size="sm" data-testid="evidence-result-timeline">
              {subjectLabel(i18n, subject)}
            </Anchor>
          </Fact>
        </dl>
        <Group gap="xs">
          <BundleButton
            load={() => fetchDocumentBundle(document.sha256)}
            label={t("evidence.downloadBundle")}
            variant="filled"
            testId="evidence-result-bundle"
            onSaved={onBundle}
          />
          <Button component="a" href={documentUrl(document.sha256)} download size="xs" variant="default" leftSection={<Icon name="download" size={14} />}>
            {t("evidence.downloadDocument")}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t("evidence.bundleHint")}
        </Text>
      </Stack>
    </Alert>
  );
}
