import { AppError } from "../core/errors.ts";
import type { Db, Queryable } from "../db/connection.ts";
import type { JsonValue } from "./canonical-json.ts";
import { type LedgerRecord, recordLeafHash } from "./ledger-record.ts";
import { hashRanges, inclusionRanges, nodeId, nodesForRanges, type Range, verifyInclusionProof } from "./merkle.ts";
import { readPublicKeys } from "./public-keys.ts";
import { type Checkpoint, latestCheckpoint } from "./publish-checkpoint.ts";
import { readNodes, readRoot, toBuffer } from "./read-tree.ts";
import { openNote } from "./signed-note.ts";
import { toVerifier } from "./signing-keys.ts";
import { inTenantTransaction } from "./tenant-transaction.ts";
import { linkedSubjects, resolveSubject, type TimelineVia } from "./timeline-links.ts";

/** Whether an entry is proven in the newest signed checkpoint, waiting for one, or failed its check. */
export type ProofStatus = { status: "verified"; checkpointSize: number } | { status: "pending" } | { status: "failed"; reason: string };

/** One logged record of a subject, with its proof status; `via` says how a record logged under another subject concerns it. */
export type TimelineEntry = { seq: number; kind: string; time: string; data: JsonValue; leafHash: string; proof: ProofStatus; via?: TimelineVia };

/** Every record a tenant logged for a subject, oldest first, each checked against the newest checkpoint. */
export type Timeline = { subject: { type: string; id: string }; checkpoint: Omit<Checkpoint, "note"> | null; entries: TimelineEntry[] };

/**
 * The traceability timeline of an order, product, declaration or document: what was logged, when, and whether it is
 * proven. A product may be named by SKU; an order's timeline also holds the screening reports of the runs that contained it.
 */
export async function listTimeline(db: Db | Queryable, options: { tenantId: string; subjectType: string; subjectId: string; limit?: number }): Promise<Timeline> {
  return inTenantTransaction(db, options.tenantId, (tx) => timelineInTransaction(tx, options));
}

async function timelineInTransaction(q: Queryable, options: { tenantId: string; subjectType: string; subjectId: string; limit?: number }): Promise<Timeline> {
  const limit = options.limit ?? 500;
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw new AppError("BAD_REQUEST", "limit must be a whole number from 1 to 5000");
  const subject = await resolveSubject(q, options.tenantId, { type: options.subjectType, id: options.subjectId });
  const rows = await readEntries(q, options.tenantId, subject, limit);
  const checkpoint = await latestCheckpoint(q);
  const treeProblem = checkpoint ? await checkCheckpoint(q, checkpoint) : null;
  const proofs =
    checkpoint && !treeProblem
      ? await readProofs(
          q,
          rows.map((r) => Number(r.seq)).filter((seq) => seq < checkpoint.size),
          checkpoint.size,
        )
      : new Map<number, { leaf: Buffer | undefined; path: Buffer[] }>();
  const entries = rows.map((row): TimelineEntry => {
    const seq = Number(row.seq);
    const stored = toBuffer(row.leaf_hash);
    const base = { seq, kind: row.record.kind, time: row.record.time, data: row.record.data, leafHash: stored.toString("hex") };
    return { ...base, proof: proofStatus(seq, row.record, stored, checkpoint, treeProblem, proofs.get(seq)), ...(row.via ? { via: row.via } : {}) };
  });
  const summary = checkpoint ? { origin: checkpoint.origin, size: checkpoint.size, root: checkpoint.root, createdAt: checkpoint.createdAt } : null;
  return { subject, checkpoint: summary, entries };
}

type EntryRow = { seq: number; leaf_hash: Uint8Array; record: LedgerRecord; via?: TimelineVia };

/** The subject's own entries and those of the subjects linked to it, oldest first, at most limit. */
async function readEntries(q: Queryable, tenantId: string, subject: { type: string; id: string }, limit: number): Promise<EntryRow[]> {
  const rows = await q.query<EntryRow>("select seq, leaf_hash, record from ledger_entries where tenant_id = $1 and subject_type = $2 and subject_id = $3 order by seq limit $4", [
    tenantId,
    subject.type,
    subject.id,
    limit,
  ]);
  const links = await linkedSubjects(q, tenantId, subject);
  for (const type of new Set(links.map((link) => link.via.subject.type))) {
    const ofType = links.filter((link) => link.via.subject.type === type);
    const byId = new Map(ofType.map((link) => [link.via.subject.id, link]));
    const linked = await q.query<EntryRow>(
      "select seq, leaf_hash, record from ledger_entries where tenant_id = $1 and subject_type = $2 and subject_id = any($3::text[]) and kind = any($4::text[]) order by seq limit $5",
      [tenantId, type, [...byId.keys()], [...new Set(ofType.flatMap((link) => link.kinds))], limit],
    );
    for (const row of linked) {
      const link = byId.get(row.record.subject.id);
      if (link?.kinds.includes(row.record.kind)) rows.push({ ...row, via: link.via });
    }
  }
  return rows.sort((a, b) => Number(a.seq) - Number(b.seq)).slice(0, limit);
}

function proofStatus(
  seq: number,
  record: LedgerRecord,
  stored: Buffer,
  checkpoint: Checkpoint | null,
  treeProblem: string | null,
  proof: { leaf: Buffer | undefined; path: Buffer[] } | undefined,
): ProofStatus {
  if (!recordLeafHash(record).equals(stored)) return { status: "failed", reason: "the stored record no longer hashes to its leaf (it was altered)" };
  if (!checkpoint || seq >= checkpoint.size) return { status: "pending" };
  if (treeProblem) return { status: "failed", reason: treeProblem };
  if (!proof?.leaf?.equals(stored)) return { status: "failed", reason: "the log's tree holds a different leaf for this entry" };
  const check = verifyInclusionProof(seq, checkpoint.size, stored, proof.path, Buffer.from(checkpoint.root, "hex"));
  return check.ok ? { status: "verified", checkpointSize: checkpoint.size } : { status: "failed", reason: check.reason };
}

/** Why the stored tree or the checkpoint cannot be trusted, or null when the checkpoint verifies and matches the tree. */
async function checkCheckpoint(q: Queryable, checkpoint: Checkpoint): Promise<string | null> {
  const keys = (await readPublicKeys(q)).map(toVerifier);
  const opened = openNote(checkpoint.note, keys);
  if (!opened.ok) return `the newest checkpoint does not verify: ${opened.reason}`;
  const root = await readRoot(q, checkpoint.size);
  return root.toString("hex") === checkpoint.root ? null : "the stored tree no longer matches the signed checkpoint";
}

/** Each entry's leaf as the tree stores it and its inclusion path, fetched in one query. */
async function readProofs(q: Queryable, seqs: number[], size: number): Promise<Map<number, { leaf: Buffer | undefined; path: Buffer[] }>> {
  const plans = new Map<number, Range[]>(seqs.map((seq) => [seq, inclusionRanges(seq, size)]));
  const leafKeys = seqs.map((seq) => ({ level: 0, index: seq }));
  const nodes = await readNodes(q, [...nodesForRanges([...plans.values()].flat()), ...leafKeys]);
  const proofs = new Map<number, { leaf: Buffer | undefined; path: Buffer[] }>();
  for (const [seq, ranges] of plans) {
    const leaf = nodes.get(nodeId({ level: 0, index: seq }));
    try {
      proofs.set(seq, { leaf, path: hashRanges(ranges, (node) => nodes.get(nodeId(node))) });
    } catch {
      proofs.set(seq, { leaf, path: [] });
    }
  }
  return proofs;
}
