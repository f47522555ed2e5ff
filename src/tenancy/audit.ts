import { createHash } from "node:crypto";
import type { Db, Queryable } from "../db/connection.ts";
import { appendRecord } from "../ledger/append-records.ts";
import { canonicalJson } from "../ledger/canonical-json.ts";
import { type LedgerSubject, MAX_RECORD_BYTES } from "../ledger/ledger-record.ts";
import { inTenantTransaction, isDb } from "../ledger/tenant-transaction.ts";
import type { Principal, RequestOrigin } from "./principal.ts";

/** One entry of the audit trail: who did what, when, from where, to which record, with before/after. */
export type AuditEvent = {
  tenantId: string;
  id: number;
  occurredAt: string;
  actorType: Principal["kind"];
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
};

/** What a caller records; the tenant and actor come from the principal. */
export type AuditInput = { action: string; targetType?: string; targetId?: string; before?: unknown; after?: unknown };

const SELECT = `select tenant_id as "tenantId", id, occurred_at as "occurredAt", actor_type as "actorType", actor_id as "actorId",
  actor_label as "actorLabel", action, target_type as "targetType", target_id as "targetId", ip, user_agent as "userAgent",
  request_id as "requestId", before, after from audit_events`;

/**
 * Append an event to the tenant's audit trail and log it in the evidence ledger (kind audit.event), inside the
 * caller's transaction so that both commit with the change; given the database itself, in a transaction of its own.
 * The ledger's sequencer lock is then held until that commit, so callers record the audit event after their other writes.
 */
export async function recordAudit(tx: Db | Queryable, principal: Principal, input: AuditInput, origin: RequestOrigin = {}): Promise<AuditEvent> {
  if (isDb(tx)) return inTenantTransaction(tx, principal.tenantId, (inner) => recordAudit(inner, principal, input, origin));
  const [row] = await tx.query<AuditEvent>(
    `insert into audit_events (tenant_id, actor_type, actor_id, actor_label, action, target_type, target_id, ip, user_agent, request_id, before, after)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     returning tenant_id as "tenantId", id, occurred_at as "occurredAt", actor_type as "actorType", actor_id as "actorId", actor_label as "actorLabel",
       action, target_type as "targetType", target_id as "targetId", ip, user_agent as "userAgent", request_id as "requestId", before, after`,
    [
      principal.tenantId, principal.kind, principal.id, principal.label, input.action, input.targetType ?? null, input.targetId ?? null,
      origin.ip ?? null, origin.userAgent?.slice(0, 400) ?? null, origin.requestId ?? null, jsonOrNull(input.before), jsonOrNull(input.after),
    ],
  );
  const event = row as AuditEvent;
  await appendRecord(tx, { tenantId: event.tenantId, kind: "audit.event", subject: auditSubject(event), data: auditLedgerData(event) });
  return event;
}

/** Filters for reading the audit trail, newest first; `before` pages by id. */
export type AuditQuery = { limit?: number; before?: number; action?: string; targetType?: string; targetId?: string; actorId?: string; from?: string; to?: string };

/** Read the tenant's audit trail, newest first. */
export async function listAudit(tx: Queryable, tenantId: string, query: AuditQuery = {}): Promise<AuditEvent[]> {
  const where = ["tenant_id = $1"];
  const params: unknown[] = [tenantId];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace("?", `$${params.length}`));
  };
  if (query.before) add("id < ?", query.before);
  if (query.action) add("action like ?", `${query.action}%`);
  if (query.targetType) add("target_type = ?", query.targetType);
  if (query.targetId) add("target_id = ?", query.targetId);
  if (query.actorId) add("actor_id = ?", query.actorId);
  if (query.from) add("occurred_at >= ?::timestamptz", query.from);
  if (query.to) add("occurred_at < ?::timestamptz", query.to);
  params.push(Math.min(Math.max(query.limit ?? 100, 1), 10_000));
  return tx.query<AuditEvent>(`${SELECT} where ${where.join(" and ")} order by id desc limit $${params.length}`, params);
}

/** One audit event of the tenant, or null. */
export async function getAuditEvent(tx: Queryable, tenantId: string, id: number): Promise<AuditEvent | null> {
  const [event] = await tx.query<AuditEvent>(`${SELECT} where tenant_id = $1 and id = $2`, [tenantId, id]);
  return event ?? null;
}

/** The event as a plain JSON record with a fixed key set, ready for canonical hashing (RFC 8785) by the evidence log. */
export function auditRecord(event: AuditEvent): Record<string, unknown> {
  return {
    kind: "audit",
    tenant: event.tenantId,
    id: event.id,
    time: new Date(event.occurredAt).toISOString(),
    actor: { type: event.actorType, id: event.actorId, label: event.actorLabel },
    action: event.action,
    target: { type: event.targetType, id: event.targetId },
    origin: { ip: event.ip, userAgent: event.userAgent, requestId: event.requestId },
    before: event.before ?? null,
    after: event.after ?? null,
  };
}

// The audit trail calls a screening run "screening" (and one of its lines "run#line"); the ledger's subject is the run.
const LEDGER_SUBJECT_TYPES: Record<string, string> = { screening: "screening_run" };

/** The ledger subject of an audit event: its target, the type made a lower-case word (screening → screening_run), else the tenant. */
export function auditSubject(event: Pick<AuditEvent, "tenantId" | "targetType" | "targetId">): LedgerSubject {
  const word = (event.targetType ?? "").toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^[^a-z]+|_+$/g, "").slice(0, 64);
  const type = LEDGER_SUBJECT_TYPES[word] ?? word;
  let id = (event.targetId ?? "").replace(/[\u0000-\u001f\u007f]/gu, "").slice(0, 200);
  if (type === "screening_run") id = id.split("#")[0] as string;
  return type && id ? { type, id } : { type: "tenant", id: event.tenantId };
}

// Room left in a ledger record for its envelope (kind, subject, tenant, time) beside the audit data.
const AUDIT_DATA_BYTES = MAX_RECORD_BYTES - 4096;

/**
 * The audit event as the data of its ledger record: auditRecord without the kind and tenant the record carries
 * itself. A before/after too large for one record is logged as the SHA-256 of its canonical JSON; the audit trail
 * keeps it whole, so it can be checked against the ledger.
 */
export function auditLedgerData(event: AuditEvent): Record<string, unknown> {
  const { kind: _kind, tenant: _tenant, ...data } = auditRecord(event);
  if (Buffer.byteLength(canonicalJson(data), "utf8") <= AUDIT_DATA_BYTES) return data;
  return { ...data, before: digestOf(data.before), after: digestOf(data.after) };
}

function digestOf(value: unknown): { sha256: string; bytes: number } | null {
  if (value === null || value === undefined) return null;
  const text = canonicalJson(value);
  return { sha256: createHash("sha256").update(text, "utf8").digest("hex"), bytes: Buffer.byteLength(text, "utf8") };
}

const CSV_COLUMNS = ["id", "occurredAt", "actorType", "actorId", "actorLabel", "action", "targetType", "targetId", "ip", "userAgent", "before", "after"] as const;

/** The events as CSV; cells that a spreadsheet would run as a formula are escaped. */
export function auditToCsv(events: AuditEvent[]): string {
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [CSV_COLUMNS.join(","), ...events.map((e) => CSV_COLUMNS.map((c) => cell(e[c])).join(","))].join("\n") + "\n";
}

function jsonOrNull(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(redact(value));
}

// Secrets never enter the audit trail, whatever a caller passes.
function redact(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, /password|secret|token|hash/i.test(k) ? "[redacted]" : redact(v)]));
  }
  return value;
}
