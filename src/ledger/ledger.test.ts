import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerAuth } from "../api/auth.ts";
import { handleError } from "../api/errors.ts";
import type { Db, Queryable } from "../db/connection.ts";
import { openTestDb, TEST_DB_KINDS } from "../db/test-db.ts";
import { listAudit } from "../tenancy/audit.ts";
import { createTestMember, type TestMember } from "../tenancy/test-principals.ts";
import { appendRecord, appendRecords } from "./append-records.ts";
import { archiveDocument, findDocument } from "./archive-document.ts";
import { sha256Hex } from "./document-store.ts";
import type { EvidenceBundle } from "./evidence-bundle.ts";
import { exportBundle } from "./export-bundle.ts";
import { recordLeafHash } from "./ledger-record.ts";
import { listTimeline } from "./list-timeline.ts";
import { memoryTree, rangeNodes } from "./merkle.ts";
import { type LedgerContext, openLedger, rotateSigningKey } from "./open-ledger.ts";
import { readPublicKeys } from "./public-keys.ts";
import { latestCheckpoint, maybePublishCheckpoint, publishCheckpoint } from "./publish-checkpoint.ts";
import { readConsistencyProof, readInclusionProof, readLogState, readRoot } from "./read-tree.ts";
import { ledgerRoutes } from "./routes.ts";
import { openNote, parseVerifierKey } from "./signed-note.ts";
import { openKeyRing, toVerifier } from "./signing-keys.ts";
import { inTenantTransaction } from "./tenant-transaction.ts";
import { verifyBundle } from "./verify-bundle.ts";
import { verifyConsistency } from "./verify-consistency.ts";

const record = (i: number, tenantId = "default") => ({ tenantId, kind: "audit.event", subject: { type: "order", id: `SO-${i % 7}` }, data: { i, note: `event ${i}` } });
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Leaf hashes in log order, read back from the entries (as the system scope sees them). */
async function leafHashes(db: Db): Promise<Buffer[]> {
  const rows = await inTenantTransaction(db, "*", (tx) => tx.query<{ leaf_hash: Uint8Array }>("select leaf_hash from ledger_entries order by seq"));
  return rows.map((row) => Buffer.from(row.leaf_hash));
}

/** Change stored rows as the database owner would, past the append-only triggers (what an attacker with DB access can do). */
async function tamper(db: Db, table: string, sql: string, params: unknown[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec("set local role none");
    await tx.exec(`alter table ${table} disable trigger ${table}_append_only`);
    await tx.query(sql, params);
    await tx.exec(`alter table ${table} enable trigger ${table}_append_only`);
  });
}

describe.each(TEST_DB_KINDS)("ledger on %s", (kind) => {
  let db: Db;
  let ledger: LedgerContext;
  let home: string;
  beforeAll(async () => {
    db = await openTestDb(kind);
    home = fs.mkdtempSync(path.join(os.tmpdir(), "cw-ledger-"));
    ledger = openLedger(home);
  });
  afterAll(async () => {
    await db?.close();
  });

  describe("the tree", () => {
    it("appends batches in order and stores every complete subtree, so roots and proofs match an in-memory tree", async () => {
      const sizes = [1, 2, 1, 5, 37, 100, 64, 3, 1, 42];
      let expectedSeq = 0;
      for (const [b, size] of sizes.entries()) {
        const entries = await appendRecords(
          db,
          Array.from({ length: size }, (_, i) => record(b * 1000 + i)),
        );
        expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: size }, (_, i) => expectedSeq + i));
        expectedSeq += size;
      }
      const leaves = await leafHashes(db);
      const total = sizes.reduce((a, b) => a + b, 0);
      expect(leaves).toHaveLength(total);
      expect((await readLogState(db)).size).toBe(total);
      const tree = memoryTree(leaves);
      for (let n = 0; n <= total; n++) expect((await readRoot(db, n)).toString("hex"), `root ${n}`).toBe(tree.root(n).toString("hex"));
      for (const [i, n] of [
        [0, 1],
        [0, total],
        [total - 1, total],
        [100, 200],
        [137, 255],
      ] as const) {
        expect((await readInclusionProof(db, i, n)).map((h) => h.toString("hex"))).toEqual(tree.inclusionProof(i, n).map((h) => h.toString("hex")));
      }
      for (const [m, n] of [
        [1, total],
        [64, 128],
        [100, total],
        [total, total],
        [0, 5],
      ] as const) {
        expect((await readConsistencyProof(db, m, n)).map((h) => h.toString("hex"))).toEqual(tree.consistencyProof(m, n).map((h) => h.toString("hex")));
      }
      await expect(readConsistencyProof(db, 3, total + 1)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    });

    it("stores records that re-hash to their leaves after the jsonb round trip", async () => {
      const data = { z: 1, a: [1e21, 0.1, -0, 1e-7, 123456789012345680000], é: "清关 😀 \u2028", nested: { b: null, a: true }, "10": "x", "2": "y" };
      const entry = await appendRecord(db, { tenantId: "default", kind: "classification.decided", subject: { type: "product", id: "SKU-1" }, data });
      const [row] = await inTenantTransaction(db, "default", (tx) =>
        tx.query<{ record: unknown; leaf_hash: Uint8Array }>("select record, leaf_hash from ledger_entries where tenant_id = 'default' and seq = $1", [entry.seq]),
      );
      expect(recordLeafHash(row?.record).toString("hex")).toBe(entry.leafHash);
      expect(Buffer.from(row?.leaf_hash as Uint8Array).toString("hex")).toBe(entry.leafHash);
      expect(entry.record).toMatchObject({ kind: "classification.decided", tenant: "default", subject: { type: "product", id: "SKU-1" } });
    });

    it("rejects bad records and writes nothing", async () => {
      const before = (await readLogState(db)).size;
      for (const bad of [
        { ...record(1), kind: "Not A Kind" },
        { ...record(1), subject: { type: "order", id: "" } },
        { ...record(1), data: { text: "nul \u0000 byte" } },
        { ...record(1), data: { text: "lone \ud800" } },
        { ...record(1), data: { n: Number.NaN } },
        { ...record(1), data: { big: "x".repeat(300 * 1024) } },
      ]) {
        await expect(appendRecords(db, [record(2), bad])).rejects.toMatchObject({ code: "BAD_REQUEST" });
      }
      expect((await readLogState(db)).size).toBe(before);
    });

    it("rolls an append back with the caller's transaction", async () => {
      const before = (await readLogState(db)).size;
      await expect(
        inTenantTransaction(db, "default", async (tx) => {
          await appendRecord(tx, record(5));
          throw new Error("the caller's own write failed");
        }),
      ).rejects.toThrow("the caller's own write failed");
      expect((await readLogState(db)).size).toBe(before);
      expect((await leafHashes(db)).length).toBe(before);
    });

    it("sequences concurrent appends without gaps or duplicates", async () => {
      const before = (await readLogState(db)).size;
      const entries = (await Promise.all(Array.from({ length: 12 }, (_, i) => appendRecords(db, [record(i), record(i + 100)])))).flat();
      expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => before + i));
      const leaves = await leafHashes(db);
      expect((await readRoot(db, leaves.length)).equals(memoryTree(leaves).root())).toBe(true);
    });

    it("refuses to change or delete logged rows", async () => {
      await expect(inTenantTransaction(db, "default", (tx) => tx.query("update ledger_entries set kind = 'x' where seq = 0"))).rejects.toThrow(/append-only/);
      await expect(inTenantTransaction(db, "default", (tx) => tx.query("delete from ledger_entries where seq = 0"))).rejects.toThrow(/append-only/);
      await expect(db.query("update ledger_nodes set hash = hash where level = 0 and idx = 0")).rejects.toThrow(/append-only/);
      await expect(db.query("delete from ledger_checkpoints")).rejects.toThrow(/append-only/);
    });
  });

  describe("checkpoints", () => {
    it("signs the current size and root, once per size", async () => {
      const { size, origin } = await readLogState(db);
      const first = await publishCheckpoint(db, ledger.ring);
      expect(first.published).toBe(true);
      expect(first.checkpoint).toMatchObject({ origin, size, root: (await readRoot(db, size)).toString("hex") });
      const keys = (await readPublicKeys(db)).map(toVerifier);
      expect(openNote(first.checkpoint.note, keys)).toMatchObject({ ok: true, text: `${origin}\n${size}\n${(await readRoot(db, size)).toString("base64")}\n` });
      expect(await publishCheckpoint(db, ledger.ring)).toMatchObject({ published: false, checkpoint: { size } });
    });

    it("publishes on the timer only after N entries or T seconds", async () => {
      const policy = { everyEntries: 5, everySeconds: 3600 };
      expect(await maybePublishCheckpoint(db, ledger.ring, policy)).toBeNull();
      await appendRecords(db, [record(1), record(2), record(3)]);
      expect(await maybePublishCheckpoint(db, ledger.ring, policy)).toBeNull();
      const later = new Date(Date.now() + 3601 * 1000);
      expect((await maybePublishCheckpoint(db, ledger.ring, policy, later))?.size).toBe((await readLogState(db)).size);
      await appendRecords(
        db,
        Array.from({ length: 5 }, (_, i) => record(i)),
      );
      expect((await maybePublishCheckpoint(db, ledger.ring, policy))?.size).toBe((await readLogState(db)).size);
    });
  });

  describe("documents and evidence bundles", () => {
    const invoice = Buffer.from("%PDF-1.7\nCommercial invoice INV-1001, 200 cartons of cotton T-shirts, USD 4,800.00\n");
    let bundle: EvidenceBundle;

    it("archives a document once per tenant and stores its bytes once", async () => {
      const archived = await archiveDocument(db, ledger.store, {
        tenantId: "default",
        bytes: invoice,
        documentType: "invoice",
        name: "/tmp/INV-1001.pdf",
        subject: { type: "order", id: "SO-1001" },
      });
      expect(archived).toMatchObject({
        sha256: sha256Hex(invoice),
        size: invoice.length,
        mediaType: "application/pdf",
        name: "INV-1001.pdf",
        documentType: "invoice",
        duplicate: false,
      });
      expect(fs.readFileSync(path.join(home, archived.storedPath))).toEqual(invoice);
      const again = await archiveDocument(db, ledger.store, { tenantId: "default", bytes: invoice, documentType: "invoice" });
      expect(again).toMatchObject({ duplicate: true, seq: archived.seq, leafHash: archived.leafHash });
      const other = await archiveDocument(db, ledger.store, { tenantId: "tenant-b", bytes: invoice, documentType: "invoice" });
      expect(other.duplicate).toBe(false);
      expect(other.seq).not.toBe(archived.seq);
      expect(fs.readdirSync(path.dirname(path.join(home, archived.storedPath)))).toEqual([archived.sha256]);
      await expect(archiveDocument(db, ledger.store, { tenantId: "default", bytes: invoice, documentType: "menu" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    });

    it("exports a bundle that verifies offline, with the document", async () => {
      bundle = await exportBundle(db, { tenantId: "default", sha256: sha256Hex(invoice), ring: ledger.ring });
      expect(bundle.document).toMatchObject({ sha256: sha256Hex(invoice), documentType: "invoice" });
      expect(bundle.inclusionProof.treeSize).toBeGreaterThan(bundle.entry.seq);
      const result = verifyBundle(JSON.parse(JSON.stringify(bundle)), { documentBytes: invoice });
      expect(result).toMatchObject({ valid: true, seq: bundle.entry.seq, kind: "document.archived", documentChecked: true, keySource: "bundle" });
      const pinned = verifyBundle(bundle, { trustedKeys: ledger.ring.keys().map(toVerifier) });
      expect(pinned).toMatchObject({ valid: true, keySource: "trusted", documentChecked: false });
      const bySeq = await exportBundle(db, { tenantId: "default", seq: bundle.entry.seq, ring: ledger.ring });
      expect(bySeq.entry).toEqual(bundle.entry);
    });

    it("says exactly what failed when the document or the bundle was tampered with", () => {
      const check = (b: unknown, documentBytes?: Buffer) => verifyBundle(b, { documentBytes });
      const changedDocument = Buffer.from(invoice.toString().replace("4,800.00", "1,800.00"));
      expect(check(bundle, changedDocument)).toMatchObject({
        valid: false,
        failure: "document_hash_mismatch",
        reason: expect.stringContaining(`the document hashes to ${sha256Hex(changedDocument)}`),
      });

      const record = clone(bundle);
      (record.entry.record.data as Record<string, unknown>).documentType = "packing_list";
      expect(check(record)).toMatchObject({ valid: false, failure: "leaf_hash_mismatch" });

      const docBlock = clone(bundle);
      (docBlock.document as { sha256: string }).sha256 = sha256Hex(changedDocument);
      expect(check(docBlock, changedDocument)).toMatchObject({ valid: false, failure: "document_hash_mismatch" });

      const proof = clone(bundle);
      proof.inclusionProof.hashes[0] = `${proof.inclusionProof.hashes[0]?.slice(0, 63)}${proof.inclusionProof.hashes[0]?.endsWith("0") ? "1" : "0"}`;
      expect(check(proof)).toMatchObject({ valid: false, failure: "inclusion_proof_invalid", reason: expect.stringMatching(/^inclusion proof does not reach the root/) });

      const sizeLine = clone(bundle);
      sizeLine.checkpoint = sizeLine.checkpoint.replace(`\n${bundle.inclusionProof.treeSize}\n`, `\n${bundle.inclusionProof.treeSize + 1}\n`);
      expect(check(sizeLine)).toMatchObject({ valid: false, failure: "checkpoint_signature_invalid" });

      const treeSize = clone(bundle);
      treeSize.inclusionProof.treeSize += 1;
      expect(check(treeSize)).toMatchObject({ valid: false, failure: "tree_size_mismatch" });

      const index = clone(bundle);
      index.inclusionProof.leafIndex = index.entry.seq = index.inclusionProof.treeSize;
      expect(check(index)).toMatchObject({ valid: false, failure: "leaf_index_out_of_range" });

      const otherLeaf = clone(bundle);
      otherLeaf.inclusionProof.leafIndex = otherLeaf.entry.seq = bundle.entry.seq === 0 ? 1 : bundle.entry.seq - 1;
      expect(check(otherLeaf)).toMatchObject({ valid: false, failure: "inclusion_proof_invalid" });

      const origin = bundle.checkpoint.slice(0, bundle.checkpoint.indexOf("\n"));
      const impostor = openKeyRing(fs.mkdtempSync(path.join(os.tmpdir(), "cw-impostor-"))).signerFor(origin);
      expect(verifyBundle(bundle, { trustedKeys: [impostor] })).toMatchObject({ valid: false, failure: "key_id_unknown" });
      const forgedKeys = clone(bundle);
      forgedKeys.publicKeys = [{ ...forgedKeys.publicKeys[0], publicKey: impostor.publicKey.toString("base64") } as EvidenceBundle["publicKeys"][number]];
      expect(check(forgedKeys)).toMatchObject({ valid: false, failure: "key_id_unknown" });

      expect(check({ ...bundle, format: "something/v0" })).toMatchObject({ valid: false, failure: "bundle_malformed" });
      expect(check({ ...bundle, checkpoint: "not a note" })).toMatchObject({ valid: false, failure: "checkpoint_malformed" });
    });

    it("keeps old bundles verifying after key rotation, and proves the log only grew", async () => {
      const oldCheckpoint = bundle.checkpoint;
      const rotated = await rotateSigningKey(db, ledger.ring);
      await appendRecords(db, [record(77), record(78)]);
      const { checkpoint } = await publishCheckpoint(db, ledger.ring);
      expect(checkpoint.note).toContain(` ${checkpoint.origin} `);
      const keys = (await readPublicKeys(db)).map(toVerifier);
      expect((await readPublicKeys(db)).filter((k) => !k.retiredAt).map((k) => k.keyId)).toEqual([rotated.keyId]);
      expect(verifyBundle(bundle, { trustedKeys: keys })).toMatchObject({ valid: true });
      const oldSize = Number(oldCheckpoint.split("\n")[1]);
      const proof = await readConsistencyProof(db, oldSize, checkpoint.size);
      expect(verifyConsistency(oldCheckpoint, checkpoint.note, proof, keys)).toMatchObject({ valid: true, from: { size: oldSize }, to: { size: checkpoint.size } });
      const bent = proof.map((hash, i) => (i === 0 ? Buffer.alloc(32, 1) : hash));
      expect(verifyConsistency(oldCheckpoint, checkpoint.note, bent, keys)).toMatchObject({ valid: false, failure: "consistency_proof_invalid" });
      expect(verifyConsistency(checkpoint.note, oldCheckpoint, proof, keys)).toMatchObject({ valid: false, failure: "log_shrank" });
      expect(verifyConsistency(oldCheckpoint, checkpoint.note, proof, keys.slice(-1))).toMatchObject({
        valid: false,
        failure: "checkpoint_invalid",
        reason: expect.stringMatching(/^old checkpoint: key id unknown/),
      });
    });
  });

  describe("tenants", () => {
    it("shows a tenant only its own entries and documents, even without a WHERE (row-level security)", async () => {
      const mine = await appendRecord(db, record(1, "tenant-b"));
      const theirs = (await latestCheckpoint(db)) ? await appendRecord(db, record(2, "default")) : mine;
      await publishCheckpoint(db, ledger.ring);
      await expect(exportBundle(db, { tenantId: "tenant-b", seq: theirs.seq, ring: ledger.ring })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(verifyBundle(await exportBundle(db, { tenantId: "tenant-b", seq: mine.seq, ring: ledger.ring })).valid).toBe(true);
      const invoiceSha = sha256Hex(Buffer.from("%PDF-1.7\nCommercial invoice INV-1001, 200 cartons of cotton T-shirts, USD 4,800.00\n"));
      expect(await findDocument(db, "tenant-c", invoiceSha)).toBeNull();
      const tenants = await inTenantTransaction(db, "tenant-b", (tx: Queryable) => tx.query<{ tenant_id: string }>("select distinct tenant_id from ledger_entries"));
      expect(tenants.map((t) => t.tenant_id)).toEqual(["tenant-b"]);
      await expect(inTenantTransaction(db, "tenant-b", (tx) => appendRecord(tx, record(3, "default")))).rejects.toThrow(/row-level security/);
      const timeline = await listTimeline(db, { tenantId: "tenant-b", subjectType: "order", subjectId: "SO-2" });
      expect(timeline.entries).toEqual([]);
    });
  });

  describe("timeline", () => {
    it("lists a subject's records with their proof status, and flags tampering", async () => {
      const subject = { type: "declaration", id: "DEC-2026-0001" };
      const logged = await appendRecords(db, [
        { tenantId: "default", kind: "declaration.created", subject, data: { lines: 3 } },
        { tenantId: "default", kind: "screening.reported", subject, data: { reportSha256: "ab".repeat(32), findings: 0 } },
      ]);
      const pending = await listTimeline(db, { tenantId: "default", subjectType: "declaration", subjectId: subject.id });
      expect(pending.entries.map((e) => [e.kind, e.proof.status])).toEqual([
        ["declaration.created", "pending"],
        ["screening.reported", "pending"],
      ]);
      const { checkpoint } = await publishCheckpoint(db, ledger.ring);
      const proven = await listTimeline(db, { tenantId: "default", subjectType: "declaration", subjectId: subject.id });
      expect(proven.entries.map((e) => e.proof)).toEqual([
        { status: "verified", checkpointSize: checkpoint.size },
        { status: "verified", checkpointSize: checkpoint.size },
      ]);

      await tamper(db, "ledger_entries", "update ledger_entries set record = jsonb_set(record, '{data,findings}', '3') where seq = $1", [logged[1]?.seq]);
      const altered = await listTimeline(db, { tenantId: "default", subjectType: "declaration", subjectId: subject.id });
      expect(altered.entries.map((e) => e.proof.status)).toEqual(["verified", "failed"]);
      await expect(exportBundle(db, { tenantId: "default", seq: logged[1]?.seq as number })).rejects.toThrow(/stored record was altered/);

      await tamper(db, "ledger_nodes", "update ledger_nodes set hash = sha256(hash) where level = 0 and idx = $1", [logged[0]?.seq]);
      const swapped = await listTimeline(db, { tenantId: "default", subjectType: "declaration", subjectId: subject.id });
      expect(swapped.entries[0]?.proof).toEqual({ status: "failed", reason: "the log's tree holds a different leaf for this entry" });

      const [top] = rangeNodes(0, checkpoint.size);
      await tamper(db, "ledger_nodes", "update ledger_nodes set hash = sha256(hash) where level = $1 and idx = $2", [top?.level, top?.index]);
      const broken = await listTimeline(db, { tenantId: "default", subjectType: "order", subjectId: "SO-1" });
      expect(broken.entries.length).toBeGreaterThan(0);
      for (const entry of broken.entries) expect(entry.proof).toEqual({ status: "failed", reason: "the stored tree no longer matches the signed checkpoint" });
    });
  });
});

describe.each(TEST_DB_KINDS)("ledger routes on %s", (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let declarant: TestMember;
  let viewer: TestMember;
  let otherTenant: TestMember;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "cw-ledger-api-"));
  beforeAll(async () => {
    db = await openTestDb(kind);
    declarant = await createTestMember(db, { role: "declarant" });
    viewer = await createTestMember(db, { role: "viewer" });
    otherTenant = await createTestMember(db, { role: "admin", tenant: "ledger-other" });
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler(handleError);
    registerAuth(app, db);
    await app.register(fastifySwagger, { openapi: { info: { title: "test", version: "0" } }, transform: jsonSchemaTransform });
    await app.register(ledgerRoutes(db, { home, checkpointPolicy: { everyEntries: 1, everySeconds: 0.05 } }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const packingList = Buffer.from("Packing list PL-77: 200 cartons, 1,840 kg gross");

  it("archives raw and base64 uploads with an audit event, and serves the bytes back to their tenant only", async () => {
    const raw = await app.inject({
      method: "POST",
      url: "/api/documents?type=packing_list&name=PL-77.txt&subjectType=order&subjectId=SO-1001",
      headers: { ...declarant.headers, "content-type": "text/plain" },
      payload: packingList,
    });
    expect(raw.statusCode).toBe(201);
    expect(raw.json()).toMatchObject({ sha256: sha256Hex(packingList), documentType: "packing_list", mediaType: "text/plain", name: "PL-77.txt", duplicate: false });
    const audit = await inTenantTransaction(db, declarant.tenantId, (tx) => listAudit(tx, declarant.tenantId, { action: "document.archive" }));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: declarant.apiKeyId, targetType: "document", targetId: sha256Hex(packingList) });
    const duplicate = await app.inject({
      method: "POST",
      url: "/api/documents",
      headers: { ...declarant.headers, "content-type": "application/octet-stream" },
      payload: packingList,
    });
    expect(duplicate.statusCode).toBe(200);
    expect(duplicate.json().duplicate).toBe(true);
    const certificate = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x10]);
    const json = await app.inject({
      method: "POST",
      url: "/api/documents",
      headers: declarant.headers,
      payload: { contentBase64: certificate.toString("base64"), name: "co.pdf", type: "certificate_of_origin" },
    });
    expect(json.statusCode).toBe(201);
    expect(json.json()).toMatchObject({ sha256: sha256Hex(certificate), mediaType: "application/pdf", documentType: "certificate_of_origin" });
    const bad = await app.inject({ method: "POST", url: "/api/documents", headers: declarant.headers, payload: { contentBase64: "not base64!" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/base64/);
    const empty = await app.inject({ method: "POST", url: "/api/documents", headers: { ...declarant.headers, "content-type": "application/pdf" }, payload: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);

    const download = await app.inject({ method: "GET", url: `/api/documents/${sha256Hex(packingList)}`, headers: viewer.headers });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(packingList);
    expect(download.headers["content-disposition"]).toBe('attachment; filename="PL-77.txt"');
    const foreign = await app.inject({ method: "GET", url: `/api/documents/${sha256Hex(packingList)}`, headers: otherTenant.headers });
    expect(foreign.statusCode).toBe(404);
  });

  it("checks who may do what: viewers read, anonymous callers only get the public keys", async () => {
    const viewerUpload = await app.inject({ method: "POST", url: "/api/documents", headers: { ...viewer.headers, "content-type": "application/pdf" }, payload: packingList });
    expect(viewerUpload.statusCode).toBe(403);
    expect((await app.inject({ method: "GET", url: "/api/ledger/checkpoint" })).statusCode).toBe(401);
    expect((await app.inject({ method: "GET", url: "/api/ledger/entries/0/bundle" })).statusCode).toBe(401);
    expect((await app.inject({ method: "GET", url: "/api/ledger/public-keys" })).statusCode).toBe(200);
    const docs = app.swagger() as { paths: Record<string, unknown> };
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(["/api/documents", "/api/ledger/checkpoint", "/api/ledger/timeline", "/api/ledger/entries/{seq}/bundle"]));
  });

  it("publishes checkpoints on its timer and serves the newest one, and the keys to check it", async () => {
    await vi.waitFor(async () => expect((await latestCheckpoint(db))?.size).toBe((await readLogState(db)).size), { timeout: 10_000, interval: 50 });
    const checkpoint = (await app.inject({ method: "GET", url: "/api/ledger/checkpoint", headers: viewer.headers })).json();
    const keys = (await app.inject({ method: "GET", url: "/api/ledger/public-keys" })).json();
    expect(keys.origin).toBe(checkpoint.origin);
    expect(keys.keys.map((k: { keyId: string }) => k.keyId)).toContain(keys.current);
    const pinned = keys.keys.map((k: { vkey: string }) => parseVerifierKey(k.vkey));
    expect(openNote(checkpoint.note, pinned)).toMatchObject({ ok: true });
  });

  it("serves bundles, consistency proofs and timelines", async () => {
    const first = (await app.inject({ method: "GET", url: "/api/ledger/checkpoint", headers: viewer.headers })).json();
    const bundleResponse = await app.inject({ method: "GET", url: "/api/ledger/entries/0/bundle", headers: viewer.headers });
    expect(bundleResponse.statusCode).toBe(200);
    const keys = (await readPublicKeys(db)).map(toVerifier);
    expect(verifyBundle(bundleResponse.json(), { documentBytes: packingList, trustedKeys: keys })).toMatchObject({ valid: true, seq: 0 });
    const bySha = await app.inject({ method: "GET", url: `/api/documents/${sha256Hex(packingList)}/bundle`, headers: viewer.headers });
    expect(bySha.json().entry.seq).toBe(0);
    expect((await app.inject({ method: "GET", url: "/api/ledger/entries/0/bundle", headers: otherTenant.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: "/api/ledger/entries/999/bundle", headers: viewer.headers })).statusCode).toBe(404);

    await appendRecord(db, { tenantId: declarant.tenantId, kind: "declaration.message", subject: { type: "order", id: "SO-1001" }, data: { message: "CUSRES accepted" } });
    await vi.waitFor(async () => expect((await latestCheckpoint(db))?.size).toBeGreaterThan(first.size), { timeout: 10_000, interval: 50 });
    const consistency = (await app.inject({ method: "GET", url: `/api/ledger/consistency?from=${first.size}`, headers: viewer.headers })).json();
    expect(consistency.fromCheckpoint).toBe(first.note);
    expect(verifyConsistency(consistency.fromCheckpoint, consistency.toCheckpoint, consistency.proof, keys)).toMatchObject({ valid: true });
    expect((await app.inject({ method: "GET", url: "/api/ledger/consistency?from=5&to=2", headers: viewer.headers })).statusCode).toBe(400);

    const timeline = (await app.inject({ method: "GET", url: "/api/ledger/timeline?subjectType=order&subjectId=SO-1001", headers: viewer.headers })).json();
    expect(timeline.entries.map((e: { kind: string; proof: { status: string } }) => [e.kind, e.proof.status])).toEqual([
      ["document.archived", "verified"],
      ["declaration.message", "verified"],
    ]);
    const foreignTimeline = (await app.inject({ method: "GET", url: "/api/ledger/timeline?subjectType=order&subjectId=SO-1001", headers: otherTenant.headers })).json();
    expect(foreignTimeline.entries).toEqual([]);
  });
});
