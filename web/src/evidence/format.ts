// Names, short forms and the file download of the evidence pages.
import { DOCUMENT_TYPES } from "../../../src/ledger/document-types.ts";
import type { EvidenceBundle } from "../api.ts";
import { type I18n, isMessageKey } from "../i18n.ts";

/** The document types the archive takes, in the order the upload form lists them. */
export const DOCUMENT_TYPE_LIST: readonly string[] = DOCUMENT_TYPES;

/** The types the archive list filters by: the upload types and those other modules archive (screening reports, imported catalogue files). */
export const LISTED_DOCUMENT_TYPES: readonly string[] = [...DOCUMENT_TYPES, "screening_report", "catalog_import"];

/** The subjects a timeline can be asked for. */
export const SUBJECT_TYPES = ["order", "product", "declaration", "document", "screening_run", "import"] as const;

/** One of SUBJECT_TYPES. */
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** Whether a string is one of SUBJECT_TYPES. */
export const isSubjectType = (value: string | null | undefined): value is SubjectType => (SUBJECT_TYPES as readonly string[]).includes(value ?? "");

/** A document type's name in the user's language (the code itself when unknown). */
export function documentTypeName({ t }: I18n, type: string): string {
  const key = `evidence.docType.${type}`;
  return isMessageKey(key) ? t(key) : type;
}

/** A subject type's name in the user's language (the code itself when unknown). */
export function subjectTypeName({ t }: I18n, type: string): string {
  const key = `trace.subject.${type}`;
  return isMessageKey(key) ? t(key) : type;
}

/** A ledger record kind's name in the user's language (the dotted kind itself when unknown). */
export function kindName({ t }: I18n, kind: string): string {
  const key = `trace.kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

/** "Order SO-1", with a SHA-256 id shortened. */
export function subjectLabel(i18n: I18n, subject: { type: string; id: string }): string {
  const id = /^[0-9a-f]{64}$/.test(subject.id) ? shortHash(subject.id) : subject.id;
  return `${subjectTypeName(i18n, subject.type)} ${id}`;
}

/** The first and last hex digits of a hash, for tables (the full hash goes in a title). */
export const shortHash = (hex: string): string => (hex.length > 16 ? `${hex.slice(0, 10)}…${hex.slice(-4)}` : hex);

/** The in-console URL of a subject's timeline. */
export function timelineHref(subject: { type: string; id: string }): string {
  return `/traceability?${new URLSearchParams({ type: subject.type, id: subject.id }).toString()}`;
}

/** The file name a bundle is saved under: evidence-<seq>.json. */
export const bundleFileName = (bundle: Pick<EvidenceBundle, "entry">): string => `evidence-${bundle.entry.seq}.json`;

/** Saves a bundle as a real JSON file through a Blob and a download link. */
export function saveBundle(bundle: EvidenceBundle): void {
  const blob = new Blob([`${JSON.stringify(bundle, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = bundleFileName(bundle);
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the Blob once the click is handled; release it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The fields worth showing first for the kinds Clearway logs (dotted paths into the record's data). */
const KEY_FIELDS: Record<string, string[]> = {
  "audit.event": ["action", "actor.label"],
  "classification.decided": ["market", "hs6", "nationalCode", "status", "decidedBy", "rationale"],
  "screening.reported": ["lane", "pack", "lines", "orders", "blockedOrders", "readyOrders"],
  "catalog.imported": ["file.name", "rows", "created", "updated", "classifications.total", "importedBy"],
};

/** A record's key data as label/value pairs: the known fields of its kind, else its first fields (nested values as short JSON). */
export function dataFacts(kind: string, data: unknown, max = 6): { key: string; value: string }[] {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return data === null || data === undefined ? [] : [{ key: "value", value: clip(JSON.stringify(data)) }];
  const record = data as Record<string, unknown>;
  const keys = KEY_FIELDS[kind] ?? Object.keys(record).filter((key) => key !== "document");
  return keys
    .map((key) => ({ key, value: key.split(".").reduce<unknown>((at, part) => (at && typeof at === "object" ? (at as Record<string, unknown>)[part] : undefined), record) }))
    .filter(({ value }) => value !== null && value !== undefined && value !== "")
    .slice(0, max)
    .map(({ key, value }) => ({ key, value: typeof value === "string" ? clip(value) : clip(JSON.stringify(value)) }));
}

/** The document a record logs: the record itself for document.archived, else its data.document (a screening report). */
export function recordDocument(kind: string, data: unknown): { sha256: string; name: string | null; documentType: string; size: number | null } | null {
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const record = data as Record<string, unknown>;
  const document = kind === "document.archived" ? record : (record.document as Record<string, unknown> | undefined);
  if (!document || typeof document !== "object" || typeof document.sha256 !== "string") return null;
  return {
    sha256: document.sha256,
    name: typeof document.name === "string" ? document.name : null,
    documentType: typeof document.documentType === "string" ? document.documentType : "other",
    size: typeof document.size === "number" ? document.size : null,
  };
}

function clip(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
