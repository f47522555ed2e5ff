// Types and fetch helpers for the Clearway HTTP API (see src/api on the server).

export type Schedule = "us_hts" | "hs";

export type Edition = {
  id: number;
  schedule: Schedule;
  code: string;
  name: string;
  effectiveFrom: string;
  importedAt: string;
  lines: number;
};

export type ImportRecord = {
  source: string;
  fileName: string;
  sha256: string;
  rows: number;
  importedAt: string;
  durationMs: number;
};

export type Health = {
  status: "ok";
  version: string;
  database: { kind: "pglite" | "postgres"; version: string; location: string };
  editions: Edition[];
  counts: Record<string, number>;
  imports: ImportRecord[];
};

export type SectionsResponse = {
  edition: Edition;
  sections: { section: string; name: string; chapters: { code: string; description: string }[] }[];
};

export type RateComponent =
  | { type: "ad_valorem"; percent: string; qualifier?: string }
  | {
      type: "specific";
      amountUsd: string;
      per: string;
      perQuantity: string;
      unit: string;
      unitRaw: string;
      qualifier?: string;
      uoqIndex?: number | null;
    };

export type ParsedRate =
  | { status: "empty" | "free"; raw: string }
  | { status: "parsed"; raw: string; components: RateComponent[] }
  | { status: "unparsed"; raw: string; reason: string };

export type RateCell = {
  raw: string;
  effectiveRaw: string;
  inheritedFrom: string | null;
  parsed: ParsedRate;
};

export type SpecialCell = {
  raw: string;
  effectiveRaw: string;
  inheritedFrom: string | null;
  parsed: {
    status: "empty" | "parsed" | "unparsed";
    raw: string;
    reason?: string;
    groups: { rate: ParsedRate; programs: string[] }[];
  };
};

export type TreeChild = {
  code: string | null;
  codeDotted: string | null;
  level: number;
  description: string;
  hasChildren: boolean;
  units: string[];
  general: string | null;
  children?: TreeChild[];
};

export type PathEntry = { code: string | null; codeDotted: string | null; level: number; description: string };

export type Lookup = {
  edition: Edition;
  code: string;
  codeDotted: string;
  level: number;
  description: string;
  section: { section: string; name: string } | null;
  path: PathEntry[];
  units: string[];
  rates: { general: RateCell; special: SpecialCell; column2: RateCell } | null;
  children: TreeChild[];
};

export type SearchResult = {
  code: string;
  codeDotted: string;
  level: number;
  description: string;
  path: string;
  general: string | null;
  score: number;
};

export type SearchResponse = {
  query: string;
  interpretedAs: string[] | null;
  edition: Edition;
  results: SearchResult[];
};

export type Suggestion = { code: string; codeDotted: string; description: string };

/** An error answered by the API (or a network failure, with status 0 and code NETWORK). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Suggested codes attached to a TARIFF_CODE_NOT_FOUND error, if any. */
  get suggestions(): Suggestion[] {
    const list = this.details?.suggestions;
    return Array.isArray(list) ? (list as Suggestion[]) : [];
  }
}

/** GET a JSON document from the API, throwing ApiError on any failure. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: "application/json" }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, "NETWORK", error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? response.statusText,
      error?.details,
    );
  }
  if (body === null) throw new ApiError(response.status, "BAD_RESPONSE", "The server did not answer with JSON");
  return body as T;
}

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
