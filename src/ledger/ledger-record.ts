import { AppError } from "../core/errors.ts";
import { CanonicalJsonError, canonicalJson, type JsonValue } from "./canonical-json.ts";
import { hashLeaf } from "./merkle.ts";

/** What a subject of the ledger is: an order, product, declaration, document… and its id. */
export type LedgerSubject = { type: string; id: string };

/** What another module asks the ledger to record. */
export type RecordInput = {
  tenantId: string;
  /** Dotted lower-case kind, e.g. document.archived, classification.decided, screening.reported, declaration.message. */
  kind: string;
  subject: LedgerSubject;
  /** The evidence itself: any JSON (document hashes, decisions, report digests…). */
  data: { [key: string]: unknown } | JsonValue;
};

/** The record a leaf commits to; its canonical JSON (RFC 8785) is the leaf entry. */
export type LedgerRecord = { kind: string; subject: LedgerSubject; tenant: string; time: string; data: JsonValue };

/** Records larger than this belong in the document store, with their hash in the record. */
export const MAX_RECORD_BYTES = 256 * 1024;

const KIND = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const SUBJECT_TYPE = /^[a-z][a-z0-9_]*$/;
const NO_CONTROL = /^[^\u0000-\u001f\u007f]+$/u;

/** Build and check the record for an input, stamped with the log's time; returns its canonical JSON (the leaf entry). */
export function buildRecord(input: RecordInput, time: string): string {
  const where = `ledger record (${input.kind})`;
  if (typeof input.kind !== "string" || input.kind.length > 64 || !KIND.test(input.kind))
    throw new AppError("BAD_REQUEST", `${where}: kind must be dotted lower-case words like "document.archived"`);
  if (typeof input.tenantId !== "string" || input.tenantId.length > 128 || !NO_CONTROL.test(input.tenantId) || /\s/.test(input.tenantId)) {
    throw new AppError("BAD_REQUEST", `${where}: tenant id must be 1–128 characters without spaces`);
  }
  const subject = input.subject;
  if (!subject || typeof subject.type !== "string" || subject.type.length > 64 || !SUBJECT_TYPE.test(subject.type))
    throw new AppError("BAD_REQUEST", `${where}: subject type must be a lower-case word like "order"`);
  if (typeof subject.id !== "string" || subject.id.length > 200 || !NO_CONTROL.test(subject.id))
    throw new AppError("BAD_REQUEST", `${where}: subject id must be 1–200 characters without control characters`);
  const record = { kind: input.kind, subject: { type: subject.type, id: subject.id }, tenant: input.tenantId, time, data: input.data } as LedgerRecord;
  let canonical: string;
  try {
    canonical = canonicalJson(record);
  } catch (error) {
    if (error instanceof CanonicalJsonError) throw new AppError("BAD_REQUEST", `${where}: cannot be canonical JSON: ${error.path.replace(/^\$\./, "")}: ${error.reason}`);
    throw error;
  }
  // PostgreSQL jsonb cannot hold U+0000, and the stored record must re-hash to its leaf.
  if (canonical.includes("\\u0000")) throw new AppError("BAD_REQUEST", `${where}: records cannot contain the character U+0000`);
  if (Buffer.byteLength(canonical, "utf8") > MAX_RECORD_BYTES)
    throw new AppError("BAD_REQUEST", `${where}: the record is over ${MAX_RECORD_BYTES / 1024} KiB; archive large content as a document and log its hash`);
  return canonical;
}

/** The leaf hash of a record: SHA-256(0x00 ‖ canonical JSON as UTF-8). */
export function recordLeafHash(record: unknown): Buffer {
  return hashLeaf(Buffer.from(canonicalJson(record), "utf8"));
}
