// Types and fetch helpers for the Clearway HTTP API (see src/api on the server).
// The response types are the server's own (type-only imports, erased from the bundle), so the contract has one source.
import type { ImportRecord } from "../../src/reference/reference-status.ts";
import type { Edition } from "../../src/tariff/editions.ts";
import type { SectionTree } from "../../src/tariff/list-sections.ts";
import type { ParsedRate, ParsedSpecial } from "../../src/tariff/parse-rate.ts";
import type { Schedule } from "../../src/tariff/code.ts";
import type { RateCell as ServerRateCell, Suggestion, TariffNode as Lookup } from "../../src/tariff/lookup-code.ts";
import type { SearchResult as SearchResponse } from "../../src/tariff/search-tariff.ts";

export type { Schedule } from "../../src/tariff/code.ts";
export type { ImportRecord } from "../../src/reference/reference-status.ts";
export type { Edition } from "../../src/tariff/editions.ts";
export type { ParsedRate, RateComponent } from "../../src/tariff/parse-rate.ts";
export type { PathStep as PathEntry, Suggestion, TariffNode as Lookup, TreeChild } from "../../src/tariff/lookup-code.ts";
export type { SearchHit as SearchResult, SearchResult as SearchResponse } from "../../src/tariff/search-tariff.ts";

/** What GET /api/health answers. */
export type Health = {
  status: "ok";
  version: string;
  database: { kind: "pglite" | "postgres"; version: string; location: string };
  editions: Edition[];
  counts: Record<string, number>;
  imports: ImportRecord[];
};

/** What GET /api/tariff/sections answers. */
export type SectionsResponse = { edition: Edition; sections: SectionTree[] };
/** A general or column-2 rate cell. */
export type RateCell = ServerRateCell<ParsedRate>;
/** The special-rate cell. */
export type SpecialCell = ServerRateCell<ParsedSpecial>;

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
