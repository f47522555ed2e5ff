// The tenant's archived documents, newest first: type filter, table with downloads, pages.
import { Anchor, Group, Loader, Pagination, Select, Stack, Table, Text } from "@mantine/core";
import { documentUrl, fetchDocumentBundle, fetchDocuments, type ListedDocument } from "../api.ts";
import { Panel } from "../catalog/Facts.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import { formatBytes } from "../screening/format.ts";
import { useApi } from "../useApi.ts";
import { BundleButton } from "./BundleButton.tsx";
import { documentTypeName, LISTED_DOCUMENT_TYPES, shortHash, subjectLabel, timelineHref } from "./format.ts";

const PAGE_SIZE = 20;

type Props = {
  /** Only this document type ("" for all). */
  type: string;
  page: number;
  /** Changes when the archive changed (an upload), to ask again. */
  reloadKey: number;
  onType: (type: string) => void;
  onPage: (page: number) => void;
  onBundle: () => void;
};

/** A type filter, a page of documents, and the pager. */
export function DocumentsPanel({ type, page, reloadKey, onType, onPage, onBundle }: Props) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const { data, error, loading } = useApi(`evidence-documents?${type}&${page}#${reloadKey}`, (signal) =>
    fetchDocuments({ type: type || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
  );
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <Panel
      title={t("evidence.list.title")}
      testId="evidence-documents"
      actions={
        <Select
          size="xs"
          placeholder={t("evidence.list.allTypes")}
          data={LISTED_DOCUMENT_TYPES.map((value) => ({ value, label: documentTypeName(i18n, value) }))}
          value={type || null}
          onChange={(value) => onType(value ?? "")}
          clearable
          w={220}
          aria-label={t("evidence.field.type")}
          data-testid="evidence-documents-type"
        />
      }
    >
      {error && <ErrorAlert error={error} />}
      {!data && !error && <Loader size="sm" />}
      {data && data.total === 0 && (
        <Text size="sm" c="dimmed" data-testid="evidence-documents-empty">
          {type ? t("evidence.list.emptyType") : t("evidence.list.empty")}
        </Text>
      )}
      {data && data.documents.length > 0 && (
        <Stack gap="sm" className={loading ? "cw-stale" : undefined}>
          <Table.ScrollContainer minWidth={760} type="native">
            <Table verticalSpacing={6} fz="sm" highlightOnHover data-testid="evidence-documents-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("evidence.field.name")}</Table.Th>
                  <Table.Th>{t("evidence.field.type")}</Table.Th>
                  <Table.Th>{t("evidence.field.subject")}</Table.Th>
                  <Table.Th ta="right">{t("evidence.field.seq")}</Table.Th>
                  <Table.Th>{t("evidence.field.archivedAt")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.documents.map((document) => (
                  <DocumentRow key={document.sha256} document={document} onBundle={onBundle} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" gap="sm">
            <Text size="xs" c="dimmed" data-testid="evidence-documents-total" data-total={data.total}>
              {t("evidence.list.shown", {
                from: formatNumber((page - 1) * PAGE_SIZE + 1),
                to: formatNumber((page - 1) * PAGE_SIZE + data.documents.length),
                total: formatNumber(data.total),
              })}
            </Text>
            {pages > 1 && <Pagination size="sm" total={pages} value={page} onChange={onPage} data-testid="evidence-documents-pages" />}
          </Group>
        </Stack>
      )}
    </Panel>
  );
}

/** One archived document: its file (a download), type, subject (its timeline), entry and bundle. */
function DocumentRow({ document, onBundle }: { document: ListedDocument; onBundle: () => void }) {
  const i18n = useI18n();
  const { t, formatNumber, formatDateTime } = i18n;
  return (
    <Table.Tr data-testid="evidence-document-row" data-sha256={document.sha256} data-seq={document.seq} data-type={document.documentType} className="cw-top">
      <Table.Td maw={260}>
        <Anchor href={documentUrl(document.sha256)} download size="sm" className="cw-break">
          {document.name ?? shortHash(document.sha256)}
        </Anchor>
        <Text size="xs" c="dimmed">
          <span className="cw-code" title={document.sha256}>
            {shortHash(document.sha256)}
          </span>{" "}
          · {formatBytes(document.size, formatNumber)}
        </Text>
      </Table.Td>
      <Table.Td>{documentTypeName(i18n, document.documentType)}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={timelineHref(document.subject)} size="sm" className="cw-break" data-testid="evidence-document-subject">
          {subjectLabel(i18n, document.subject)}
        </Anchor>
      </Table.Td>
      <Table.Td ta="right" className="cw-code">
        #{document.seq}
      </Table.Td>
      <Table.Td className="cw-nowrap">{formatDateTime(document.archivedAt)}</Table.Td>
      <Table.Td>
        <BundleButton load={() => fetchDocumentBundle(document.sha256)} label={t("evidence.list.bundle")} testId="evidence-document-bundle" onSaved={onBundle} />
      </Table.Td>
    </Table.Tr>
  );
}
