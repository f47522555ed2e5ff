// Types and fetch helpers for the Clearway HTTP API (see src/api on the server).
// The response types are the server's own (type-only imports, erased from the bundle), so the contract has one source.
import type { Certificate, CertificateInput } from "../../src/catalog/certificates.ts";
import type { ClassificationInput } from "../../src/catalog/classify-product-code.ts";
import type { FieldSpec } from "../../src/catalog/fields.ts";
import type { ImportProductsOptions, ImportReport } from "../../src/catalog/import-products.ts";
import type { SavedMapping } from "../../src/catalog/mappings.ts";
import type { getProductDetail, Product, ProductChanges, ProductFilter, ProductListItem, ProductQuery } from "../../src/catalog/products.ts";
import type { createSupplier as serverCreateSupplier, Supplier } from "../../src/catalog/suppliers.ts";
import type { ImportRecord } from "../../src/reference/reference-status.ts";
import type { Edition } from "../../src/tariff/editions.ts";
import type { SectionTree } from "../../src/tariff/list-sections.ts";
import type { ParsedRate, ParsedSpecial } from "../../src/tariff/parse-rate.ts";
import type { Schedule } from "../../src/tariff/code.ts";
import type { RateCell as ServerRateCell, Suggestion, TariffNode as Lookup } from "../../src/tariff/lookup-code.ts";
import type { SearchResult as SearchResponse } from "../../src/tariff/search-tariff.ts";
import type { ApiKey } from "../../src/tenancy/api-keys.ts";
import type { AuditEvent, AuditQuery } from "../../src/tenancy/audit.ts";
import type { listMemberships, Member } from "../../src/tenancy/members.ts";
import type { Role } from "../../src/tenancy/permissions.ts";
import type { Principal } from "../../src/tenancy/principal.ts";
import type { Lane, ManifestFieldSpec } from "../../src/screening/manifest.ts";
import type { RulePack } from "../../src/screening/packs.ts";
import type { FindingQuery, LineView, RunRecord, StoredFinding } from "../../src/screening/reports.ts";
import type { CatalogueEntry } from "../../src/screening/rule-catalogue.ts";

export type { Schedule } from "../../src/tariff/code.ts";
export type { Certificate, CertificateInput, CertificateType } from "../../src/catalog/certificates.ts";
export type { ClassificationInput } from "../../src/catalog/classify-product-code.ts";
export type { ImportReport } from "../../src/catalog/import-products.ts";
export type { SavedMapping } from "../../src/catalog/mappings.ts";
export type { RowError } from "../../src/catalog/parse-product-row.ts";
export type { Classification, Product, ProductChanges, ProductFilter, ProductListItem, ProductQuery } from "../../src/catalog/products.ts";
export type { Supplier } from "../../src/catalog/suppliers.ts";
export type { ImportRecord } from "../../src/reference/reference-status.ts";
export type { Edition } from "../../src/tariff/editions.ts";
export type { ParsedRate, RateComponent } from "../../src/tariff/parse-rate.ts";
export type { PathStep as PathEntry, Suggestion, TariffNode as Lookup, TreeChild } from "../../src/tariff/lookup-code.ts";
export type { SearchHit as SearchResult, SearchResult as SearchResponse } from "../../src/tariff/search-tariff.ts";
export type { ApiKey } from "../../src/tenancy/api-keys.ts";
export type { AuditEvent } from "../../src/tenancy/audit.ts";
export type { Member } from "../../src/tenancy/members.ts";
export type { Role } from "../../src/tenancy/permissions.ts";
export type { Lane } from "../../src/screening/manifest.ts";
export type { Severity } from "../../src/screening/rules/types.ts";
export type { ScreenSummary } from "../../src/screening/screen-manifest.ts";

/** What GET /api/health answers. */
export type Health = {
  status: "ok";
  version: string;
  database: { kind: "pglite" | "postgres"; version: string; location: string };
  editions: Edition[];
  counts: Record<string, number>;
  imports: ImportRecord[];
};

/** One tenant the signed-in user belongs to, with their role there. */
export type Membership = Awaited<ReturnType<typeof listMemberships>>[number];

/** What GET /api/auth/me and sign-in answer: who is signed in, for which tenant, in which role. */
export type Me = {
  principal: { kind: Principal["kind"]; id: string | null; label: string; role: Role };
  tenant: { id: string; slug: string; name: string };
  tenants: Membership[];
  csrfToken: string | null;
};

/** Filters of the audit trail (what GET /api/audit and /api/audit/export take). */
export type AuditFilters = Pick<AuditQuery, "action" | "targetType" | "targetId" | "from" | "to">;

/** What GET /api/tariff/sections answers. */
export type SectionsResponse = { edition: Edition; sections: SectionTree[] };
/** A general or column-2 rate cell. */
export type RateCell = ServerRateCell<ParsedRate>;
/** The special-rate cell. */
export type SpecialCell = ServerRateCell<ParsedSpecial>;

/** A product field an import column can map to (what GET /api/catalog/fields lists). */
export type CatalogField = Pick<FieldSpec, "key" | "type" | "label" | "labelZh" | "aliases" | "choices">;
/** A certificate as the product page lists it (the server sends no status there; see certificateState). */
export type ProductCertificate = Pick<Certificate, "id" | "type" | "number" | "issuer" | "validFrom" | "validTo" | "documentSha256">;
/** What GET /api/catalog/products/:id answers. */
export type ProductDetail = Omit<Awaited<ReturnType<typeof getProductDetail>>, "certificates"> & { certificates: ProductCertificate[] };
/** One earlier (or the current) version of a product, as the product page lists them. */
export type ProductVersion = ProductDetail["versions"][number];
/** What creates a supplier. */
export type SupplierInput = Parameters<typeof serverCreateSupplier>[2];
/** How one import request runs: a dry run previews, validOnly skips bad rows, mapping overrides the automatic column mapping, market says whose a bare 10-digit HS code is. */
export type ImportOptions = { fileName: string; dryRun: boolean; validOnly?: boolean; mapping?: Record<string, string>; market?: ImportMarket };
/** The markets a bare 10-digit code of an import's HS code column can belong to (what the import API takes). */
export type ImportMarket = NonNullable<ImportProductsOptions["market"]>;

/** A screening run: status, progress while running, summary once done (what GET /api/screenings/:id answers under `run`). */
export type ScreeningRun = RunRecord;
/** One finding of a run. */
export type ScreeningFinding = StoredFinding;
/** Filters and page of a run's findings. */
export type ScreeningFindingQuery = Omit<FindingQuery, "field">;
/** One line of a run as screened, with its edits, product snapshot and findings. */
export type ScreeningLine = LineView;
/** One rule of the screening rule catalogue. */
export type ScreeningRule = CatalogueEntry;
/** A rule pack as GET /api/screening/rules lists it. */
export type ScreeningPack = Pick<RulePack, "id" | "lane" | "version" | "effectiveFrom" | "schedule" | "notes" | "data"> & { rules: string[] };
/** A canonical manifest column (what GET /api/screening/fields lists). */
export type ManifestField = Pick<ManifestFieldSpec, "key" | "level" | "kind" | "label" | "labelZh" | "aliases" | "max">;
/** How an upload is screened: the lane, a saved column mapping, and whether to force a background job. */
export type ScreeningUploadOptions = { lane: Lane; mappingName?: string; background?: boolean };

/** An error answered by the API (or a network failure, with status 0 and code NETWORK). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  /** Seconds to wait before retrying, from a 429's retry-after header. */
  readonly retryAfter: number | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>, retryAfter?: number) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
  }

  /** Suggested codes attached to a TARIFF_CODE_NOT_FOUND error, if any. */
  get suggestions(): Suggestion[] {
    const list = this.details?.suggestions;
    return Array.isArray(list) ? (list as Suggestion[]) : [];
  }
}

let csrfToken: string | null = null;
const authRequiredListeners = new Set<() => void>();

/** Sets the CSRF token (from `Me.csrfToken`) that every non-GET request sends; null when signed out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Calls `listener` whenever a request answers 401 AUTH_REQUIRED (not signed in, or the session expired). */
export function onAuthRequired(listener: () => void): () => void {
  authRequiredListeners.add(listener);
  return () => authRequiredListeners.delete(listener);
}

/** `body` is sent as JSON; `bytes` (a file's contents) as application/octet-stream. */
type RequestOptions = { body?: unknown; bytes?: ArrayBuffer; signal?: AbortSignal };

/** The one fetch helper: sends JSON or bytes and the CSRF token, answers JSON (or undefined for 204), throws ApiError on any failure. */
async function request<T>(method: string, path: string, { body, bytes, signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (bytes !== undefined) headers["content-type"] = "application/octet-stream";
  else if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const payload = bytes ?? (body === undefined ? undefined : JSON.stringify(body));
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, "NETWORK", error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)
      ?.error;
    const apiError = new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? response.statusText,
      error?.details,
      Number(response.headers.get("retry-after")) || undefined,
    );
    if (apiError.code === "AUTH_REQUIRED") for (const listener of authRequiredListeners) listener();
    throw apiError;
  }
  if (json === null) throw new ApiError(response.status, "BAD_RESPONSE", "The server did not answer with JSON");
  return json as T;
}

/** GET a JSON document from the API, throwing ApiError on any failure. */
export const getJson = <T>(path: string, signal?: AbortSignal) => request<T>("GET", path, { signal });

/** Send a JSON body (with the CSRF token) and read the JSON answer, throwing ApiError on any failure. */
export const sendJson = <T>(method: "POST" | "PUT" | "PATCH", path: string, body: unknown) => request<T>(method, path, { body });

/** Query string from the defined entries of a record. */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  return search.toString();
}

/** Fetches the server's health and data inventory. */
export const fetchHealth = (signal?: AbortSignal) => getJson<Health>("/api/health", signal);

/** Fetches the sections → chapters outline of a schedule. */
export const fetchSections = (schedule: Schedule, signal?: AbortSignal) =>
  getJson<SectionsResponse>(`/api/tariff/sections?${query({ schedule })}`, signal);

/** Fetches one tariff line with its path, rates and children. */
export const fetchLookup = (code: string, schedule: Schedule, signal?: AbortSignal) =>
  getJson<Lookup>(`/api/tariff/lookup/${encodeURIComponent(code)}?${query({ schedule })}`, signal);

/** Searches a schedule by text (English or Chinese) or by code prefix. */
export const fetchSearch = (q: string, schedule: Schedule, limit: number, signal?: AbortSignal) =>
  getJson<SearchResponse>(`/api/tariff/search?${query({ q, schedule, limit })}`, signal);

/** Fetches every imported tariff edition. */
export const fetchEditions = (signal?: AbortSignal) => getJson<{ editions: Edition[] }>("/api/tariff/editions", signal);

/** Fetches who is signed in; 401 AUTH_REQUIRED when nobody is. */
export const fetchMe = (signal?: AbortSignal) => getJson<Me>("/api/auth/me", signal);

/** Signs in with email and password; the server sets the session cookie. */
export const signIn = (email: string, password: string) => request<Me>("POST", "/api/auth/sign-in", { body: { email, password } });

/** Ends the session. */
export const signOut = () => request<void>("POST", "/api/auth/sign-out");

/** Moves the session to another tenant the user belongs to. */
export const switchTenant = (tenant: string) => request<Me>("POST", "/api/auth/switch-tenant", { body: { tenant } });

/** Fetches the members of the current tenant. */
export const fetchMembers = (signal?: AbortSignal) => getJson<{ members: Member[] }>("/api/tenant/members", signal);

/** Adds a member (creating the user when the email is new); `initialPassword` is the generated one, shown once. */
export const addMember = (input: { email: string; role: Role; displayName?: string; password?: string }) =>
  request<{ member: Member; initialPassword: string | null }>("POST", "/api/tenant/members", { body: input });

/** Changes a member's role. */
export const changeMemberRole = (userId: string, role: Role) =>
  request<{ member: Member }>("PATCH", `/api/tenant/members/${encodeURIComponent(userId)}`, { body: { role } });

/** Removes a member from the current tenant. */
export const removeMember = (userId: string) => request<void>("DELETE", `/api/tenant/members/${encodeURIComponent(userId)}`);

/** Fetches the tenant's API keys (never their secrets). */
export const fetchApiKeys = (signal?: AbortSignal) => getJson<{ apiKeys: ApiKey[] }>("/api/api-keys", signal);

/** Creates an API key; `key` is its secret, returned only this once. */
export const createApiKey = (name: string, role: Role) =>
  request<{ apiKey: ApiKey; key: string }>("POST", "/api/api-keys", { body: { name, role } });

/** Revokes an API key. */
export const revokeApiKey = (id: string) => request<{ apiKey: ApiKey }>("DELETE", `/api/api-keys/${encodeURIComponent(id)}`);

/** Fetches one page of the audit trail, newest first; `before` is the id of the last event already shown. */
export const fetchAudit = (filters: AuditFilters, limit: number, before: number | undefined, signal?: AbortSignal) =>
  getJson<{ events: AuditEvent[] }>(`/api/audit?${query({ ...filters, limit, before })}`, signal);

/** URL that downloads the filtered audit trail as CSV or JSON lines. */
export const auditExportUrl = (filters: AuditFilters, format: "csv" | "jsonl") => `/api/audit/export?${query({ ...filters, format })}`;

/** Fetches one page of the product list, filtered. */
export const fetchProducts = (filters: ProductQuery, signal?: AbortSignal) =>
  getJson<{ total: number; products: ProductListItem[] }>(`/api/catalog/products?${query(filters)}`, signal);

/** Fetches a product with its classifications, certificates and versions (by id or SKU). */
export const fetchProduct = (id: string, signal?: AbortSignal) =>
  getJson<ProductDetail>(`/api/catalog/products/${encodeURIComponent(id)}`, signal);

/** Fetches a product as it was at a version. */
export const fetchProductVersion = (id: string, version: number, signal?: AbortSignal) =>
  getJson<{ snapshot: Record<string, unknown> }>(`/api/catalog/products/${encodeURIComponent(id)}/versions/${version}`, signal);

/** Changes a product; the answer carries its new version number. */
export const updateProduct = (id: string, changes: ProductChanges) =>
  request<{ product: Product }>("PATCH", `/api/catalog/products/${encodeURIComponent(id)}`, { body: changes });

/** Records a classification decision for one market of a product. */
export const recordClassification = (id: string, input: ClassificationInput) =>
  request<{ classification: ProductDetail["classificationHistory"][number] }>(
    "POST",
    `/api/catalog/products/${encodeURIComponent(id)}/classifications`,
    { body: input },
  );

/** Fetches the tenant's suppliers. */
export const fetchSuppliers = (signal?: AbortSignal) => getJson<{ suppliers: Supplier[] }>("/api/catalog/suppliers", signal);

/** Creates a supplier. */
export const createSupplier = (input: SupplierInput) => request<{ supplier: Supplier }>("POST", "/api/catalog/suppliers", { body: input });

/** Fetches the tenant's certificates, soonest expiry first, each with its status today. */
export const fetchCertificates = (signal?: AbortSignal) =>
  getJson<{ certificates: Certificate[] }>("/api/catalog/certificates", signal);

/** Records a certificate, linked to products and suppliers. */
export const createCertificate = (input: CertificateInput) =>
  request<{ certificate: Certificate }>("POST", "/api/catalog/certificates", { body: input });

/** Fetches the product fields an import column can map to. */
export const fetchCatalogFields = (signal?: AbortSignal) => getJson<{ fields: CatalogField[] }>("/api/catalog/fields", signal);

/** Fetches the tenant's saved column mappings. */
export const fetchMappings = (signal?: AbortSignal) => getJson<{ mappings: SavedMapping[] }>("/api/catalog/mappings", signal);

/** Fetches the tenant's saved manifest column mappings (screening). */
export const fetchManifestMappings = (signal?: AbortSignal) => getJson<{ mappings: SavedMapping[] }>("/api/screening/mappings", signal);

/** Saves (or replaces) a column mapping under a name. */
export const saveMapping = (name: string, mapping: Record<string, string>) =>
  request<SavedMapping>("PUT", `/api/catalog/mappings/${encodeURIComponent(name)}`, { body: { mapping } });

/** Sends a CSV or XLSX file's bytes to the importer: a dry run previews, otherwise it imports. */
export const importProducts = (bytes: ArrayBuffer, options: ImportOptions, signal?: AbortSignal) =>
  request<ImportReport>(
    "POST",
    `/api/catalog/imports?${query({
      fileName: options.fileName,
      dryRun: String(options.dryRun),
      validOnly: options.validOnly ? "true" : undefined,
      market: options.market,
      mapping: options.mapping && Object.keys(options.mapping).length ? JSON.stringify(options.mapping) : undefined,
    })}`,
    { bytes, signal },
  );

/** URL that downloads, as CSV or XLSX under the import's own headers, the products the filters select (every product without filters). */
export const catalogExportUrl = (format: "csv" | "xlsx", filters: ProductFilter = {}) => `/api/catalog/export?${query({ ...filters, format })}`;

/** Fetches a page of the tenant's screening runs, newest first. */
export const fetchScreenings = (limit: number, offset: number, signal?: AbortSignal) =>
  getJson<{ total: number; runs: ScreeningRun[] }>(`/api/screenings?${query({ limit, offset })}`, signal);

/** Fetches one screening run (poll it while its status is running). */
export const fetchScreening = (id: string, signal?: AbortSignal) => getJson<{ run: ScreeningRun }>(`/api/screenings/${encodeURIComponent(id)}`, signal);

/** Fetches a page of a run's findings, filtered (blocking first, then by line). */
export const fetchScreeningFindings = (id: string, filters: ScreeningFindingQuery, signal?: AbortSignal) =>
  getJson<{ total: number; findings: ScreeningFinding[] }>(`/api/screenings/${encodeURIComponent(id)}/findings?${query(filters)}`, signal);

/** Fetches one line of a run. */
export const fetchScreeningLine = (id: string, line: number, signal?: AbortSignal) =>
  getJson<ScreeningLine>(`/api/screenings/${encodeURIComponent(id)}/lines/${line}`, signal);

/** Records edits of a line's values (an empty value clears the field); a re-run uses them. */
export const editScreeningLine = (id: string, line: number, changes: Record<string, string>) =>
  request<{ line: number; edits: Record<string, string> }>("PATCH", `/api/screenings/${encodeURIComponent(id)}/lines/${line}`, { body: { changes } });

/** Starts a new run of a finished run's lines with their edits; it runs in the background (poll the run answered). */
export const rerunScreening = (id: string) => request<{ run: ScreeningRun }>("POST", `/api/screenings/${encodeURIComponent(id)}/rerun`);

/** URL that downloads a run's report as JSON, CSV or XLSX. */
export const screeningReportUrl = (id: string, format: "json" | "csv" | "xlsx") => `/api/screenings/${encodeURIComponent(id)}/report?${query({ format })}`;

/** Fetches the screening rule catalogue and the rule packs, optionally for one lane. */
export const fetchScreeningRules = (lane: Lane | undefined, signal?: AbortSignal) =>
  getJson<{ rules: ScreeningRule[]; packs: ScreeningPack[] }>(`/api/screening/rules${lane ? `?${query({ lane })}` : ""}`, signal);

/** Fetches the canonical manifest columns with their labels. */
export const fetchManifestFields = (signal?: AbortSignal) => getJson<{ fields: ManifestField[] }>("/api/screening/fields", signal);

/** An upload in flight: its answer (201 when screened, 202 when it runs in the background), and a way to cancel it. */
export type ManifestUpload = { done: Promise<{ status: number; run: ScreeningRun }>; abort: () => void };

/**
 * Sends a manifest file to be screened through XMLHttpRequest, so the transfer reports its progress (fetch cannot).
 * `onProgress` receives the bytes sent and the total; the promise rejects with ApiError like every other call.
 */
export function uploadManifest(file: File, options: ScreeningUploadOptions, onProgress: (sent: number, total: number) => void): ManifestUpload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<{ status: number; run: ScreeningRun }>((resolve, reject) => {
    const params = query({ lane: options.lane, fileName: file.name, mappingName: options.mappingName || undefined, background: options.background ? "true" : undefined });
    xhr.open("POST", `/api/screenings?${params}`);
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("content-type", "application/octet-stream");
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", "The upload could not reach the server."));
    xhr.onabort = () => reject(new ApiError(0, "ABORTED", "The upload was cancelled."));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: handled below as a bad response or an HTTP error.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const run = (json as { run?: ScreeningRun } | null)?.run;
        if (run) resolve({ status: xhr.status, run });
        else reject(new ApiError(xhr.status, "BAD_RESPONSE", "The server did not answer with a run"));
        return;
      }
      const error = (json as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
      const apiError = new ApiError(
        xhr.status,
        error?.code ?? `HTTP_${xhr.status}`,
        error?.message ?? xhr.statusText,
        error?.details,
        Number(xhr.getResponseHeader("retry-after")) || undefined,
      );
      if (apiError.code === "AUTH_REQUIRED") for (const listener of authRequiredListeners) listener();
      reject(apiError);
    };
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

/** What POST /api/documents answers: the archived document, its ledger entry, and whether it was there already. */
export type ArchivedDocument = import("../../src/ledger/archive-document.ts").ArchivedDocument;
/** One archived document as GET /api/documents lists it. */
export type ListedDocument = import("../../src/ledger/list-documents.ts").ListedDocument;
/** The traceability timeline of a subject (GET /api/ledger/timeline). */
export type Timeline = import("../../src/ledger/list-timeline.ts").Timeline;
/** One entry of a timeline, with its proof status. */
export type TimelineEntry = import("../../src/ledger/list-timeline.ts").TimelineEntry;
/** Whether an entry is proven in the newest checkpoint, waiting for one, or failed. */
export type ProofStatus = import("../../src/ledger/list-timeline.ts").ProofStatus;
/** The newest signed checkpoint of the evidence log (GET /api/ledger/checkpoint). */
export type LedgerCheckpoint = import("../../src/ledger/publish-checkpoint.ts").Checkpoint;
/** A public key of the evidence log, with the verifier key string to pin. */
export type LedgerKey = import("../../src/ledger/signing-keys.ts").LedgerKey;
/** An evidence bundle: record, inclusion proof, signed checkpoint and public keys. */
export type EvidenceBundle = import("../../src/ledger/evidence-bundle.ts").EvidenceBundle;
/** What to archive with a document: its type, file name and, optionally, the subject it belongs to. */
export type ArchiveOptions = { type: string; name: string; subject?: { type: string; id: string } };

/** Archives a document's bytes; the answer says whether the tenant had archived the same bytes before. */
export const archiveDocument = (bytes: ArrayBuffer, options: ArchiveOptions) =>
  request<ArchivedDocument>(
    "POST",
    `/api/documents?${query({ type: options.type, name: options.name, subjectType: options.subject?.type, subjectId: options.subject?.id })}`,
    { bytes },
  );

/** Fetches a page of the tenant's archived documents, newest first, optionally of one type or one SHA-256. */
export const fetchDocuments = (filters: { type?: string; sha256?: string; limit: number; offset: number }, signal?: AbortSignal) =>
  getJson<{ total: number; documents: ListedDocument[] }>(`/api/documents?${query(filters)}`, signal);

/** URL that downloads an archived document's bytes. */
export const documentUrl = (sha256: string) => `/api/documents/${encodeURIComponent(sha256)}`;

/** Fetches the evidence bundle of an archived document. */
export const fetchDocumentBundle = (sha256: string, signal?: AbortSignal) =>
  getJson<EvidenceBundle>(`/api/documents/${encodeURIComponent(sha256)}/bundle`, signal);

/** Fetches the evidence bundle of a ledger entry. */
export const fetchEntryBundle = (seq: number, signal?: AbortSignal) => getJson<EvidenceBundle>(`/api/ledger/entries/${seq}/bundle`, signal);

/** Fetches the newest signed checkpoint of the evidence log. */
export const fetchCheckpoint = (signal?: AbortSignal) => getJson<LedgerCheckpoint>("/api/ledger/checkpoint", signal);

/** Fetches every public key that signs (or signed) the log's checkpoints, and which one is current. */
export const fetchLedgerKeys = (signal?: AbortSignal) =>
  getJson<{ origin: string; current: string; keys: LedgerKey[] }>("/api/ledger/public-keys", signal);

/** Fetches every record logged for a subject, oldest first, each with its proof status. */
export const fetchTimeline = (subjectType: string, subjectId: string, signal?: AbortSignal) =>
  getJson<Timeline>(`/api/ledger/timeline?${query({ subjectType, subjectId })}`, signal);
