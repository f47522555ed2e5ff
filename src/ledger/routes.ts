import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { originOf, principalOf } from "../api/auth.ts";
import { AppError } from "../core/errors.ts";
import type { Db } from "../db/connection.ts";
import { archiveDocument, findDocument } from "./archive-document.ts";
import { DOCUMENT_TYPES } from "./document-types.ts";
import { exportBundle } from "./export-bundle.ts";
import { listDocuments } from "./list-documents.ts";
import { listTimeline } from "./list-timeline.ts";
import { ensureSigningKey, type LedgerContext, openLedger } from "./open-ledger.ts";
import { readPublicKeys } from "./public-keys.ts";
import { type CheckpointPolicy, checkpointAt, DEFAULT_CHECKPOINT_POLICY, latestCheckpoint, maybePublishCheckpoint, publishCheckpoint } from "./publish-checkpoint.ts";
import { readConsistencyProof, readLogState } from "./read-tree.ts";

/** Options of the ledger routes. */
export type LedgerRoutesOptions = {
  /** CLEARWAY_HOME: keys under keys/ledger, documents under documents/. */
  home: string;
  /** The tenant a request acts for (default: the authenticated principal's). */
  tenantOf?: (request: FastifyRequest) => string;
  /** When to publish checkpoints on a timer; false for no timer (tests, or a separate checkpointer). */
  checkpointPolicy?: CheckpointPolicy | false;
  /** Ready-made key ring and document store (tests); default opened from home. */
  ledger?: LedgerContext;
};

const ZError = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }) });
const ZSha256 = z.string().regex(/^[0-9a-fA-F]{64}$/, "must be a SHA-256: 64 hex digits");
const ZCheckpoint = z.object({ origin: z.string(), size: z.number(), root: z.string(), note: z.string(), createdAt: z.string() });
const ZArchived = z.object({
  sha256: z.string(),
  size: z.number(),
  mediaType: z.string(),
  name: z.string().nullable(),
  documentType: z.string(),
  seq: z.number(),
  leafHash: z.string(),
  storedPath: z.string(),
  duplicate: z.boolean(),
});
const ZListed = ZArchived.omit({ storedPath: true, duplicate: true }).extend({ subject: z.object({ type: z.string(), id: z.string() }), archivedAt: z.string() });
const ZBundle = z.looseObject({
  format: z.string(),
  entry: z.looseObject({ seq: z.number() }),
  inclusionProof: z.looseObject({}),
  checkpoint: z.string(),
  publicKeys: z.array(z.looseObject({})),
});
const ZUploadJson = z.object({
  contentBase64: z.string().min(1),
  name: z.string().max(255).optional(),
  mediaType: z.string().max(255).optional(),
  type: z.string().max(64).optional(),
  subject: z.object({ type: z.string(), id: z.string() }).optional(),
});
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const TICK_MS = 5000;
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Evidence archive routes: document upload and download, checkpoints, public keys, bundles, consistency proofs, timelines. */
export const ledgerRoutes =
  (db: Db, options: LedgerRoutesOptions): FastifyPluginAsyncZod =>
  async (app) => {
    const { ring, store } = options.ledger ?? openLedger(options.home);
    const tenantOf = options.tenantOf ?? ((request: FastifyRequest) => principalOf(request).tenantId);
    startCheckpointTimer(app, db, ring, options.checkpointPolicy ?? DEFAULT_CHECKPOINT_POLICY);

    // Uploads take the raw bytes of any media type; JSON bodies carry base64 instead.
    app.removeContentTypeParser(["text/plain"]);
    app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

    app.post(
      "/api/documents",
      {
        config: { permission: "evidence.write" },
        // Scanned certificates and bills of lading run to tens of megabytes; base64 adds a third.
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          tags: ["ledger"],
          summary: "Archive a document: raw bytes in the body (any media type), or JSON {contentBase64, name, mediaType, type, subject}",
          querystring: z.object({
            type: z.string().max(64).optional().describe("invoice, packing_list, certificate_of_origin, …"),
            name: z.string().max(255).optional().describe("original file name"),
            subjectType: z.string().max(64).optional(),
            subjectId: z.string().max(200).optional(),
          }),
          response: { 200: ZArchived, 201: ZArchived, 400: ZError },
        },
      },
      async (request, reply) => {
        const upload = readUpload(request.body, request.headers["content-type"], request.query);
        const audit = request.principal ? { principal: request.principal, origin: originOf(request) } : undefined;
        const archived = await archiveDocument(db, store, { tenantId: tenantOf(request), ...upload, audit });
        return reply.status(archived.duplicate ? 200 : 201).send(archived);
      },
    );

    app.get(
      "/api/documents",
      {
        config: { permission: "evidence.read" },
        schema: {
          tags: ["ledger"],
          summary: "The tenant's archived documents, newest first, with the ledger entry and subject each was logged for",
          querystring: z.object({
            type: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "must be a document type like invoice").optional().describe(`only this document type: ${DOCUMENT_TYPES.join(", ")}, or one another module archives (screening_report)`),
            sha256: ZSha256.optional().describe("only the document with this SHA-256"),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: z.object({ total: z.number(), documents: z.array(ZListed) }), 400: ZError },
        },
      },
      async (request) => listDocuments(db, { tenantId: tenantOf(request), ...request.query }),
    );

    app.get(
      "/api/documents/:sha256",
      {
        config: { permission: "evidence.read" },
        schema: { tags: ["ledger"], summary: "Download an archived document (checked against its hash)", params: z.object({ sha256: ZSha256 }) },
      },
      async (request, reply) => {
        const sha256 = request.params.sha256.toLowerCase();
        const document = await findDocument(db, tenantOf(request), sha256);
        if (!document) throw new AppError("NOT_FOUND", `No archived document with SHA-256 ${sha256}`);
        const bytes = await store.get(sha256);
        const fileName = (document.name ?? sha256).replace(/[^\w.-]+/g, "_");
        return reply.type(document.mediaType).header("content-disposition", `attachment; filename="${fileName}"`).send(bytes);
      },
    );

    app.get(
      "/api/documents/:sha256/bundle",
      {
        config: { permission: "evidence.read" },
        schema: { tags: ["ledger"], summary: "Evidence bundle of an archived document", params: z.object({ sha256: ZSha256 }), response: { 200: ZBundle, 404: ZError } },
      },
      async (request) => exportBundle(db, { tenantId: tenantOf(request), sha256: request.params.sha256, ring }),
    );

    app.get(
      "/api/ledger/checkpoint",
      {
        config: { permission: "evidence.read" },
        schema: { tags: ["ledger"], summary: "The newest signed checkpoint (C2SP signed note) of the evidence log", response: { 200: ZCheckpoint } },
      },
      async () => (await latestCheckpoint(db)) ?? (await publishCheckpoint(db, ring)).checkpoint,
    );

    app.get(
      "/api/ledger/public-keys",
      {
        // Verifiers anywhere need the log's public keys; they reveal nothing about any tenant.
        config: { public: true },
        schema: {
          tags: ["ledger"],
          summary: "Every public key that signs (or signed) this log's checkpoints; pin the vkey of the current one",
          response: {
            200: z.object({
              origin: z.string(),
              current: z.string(),
              keys: z.array(z.object({ name: z.string(), keyId: z.string(), publicKey: z.string(), vkey: z.string(), createdAt: z.string(), retiredAt: z.string().nullable() })),
            }),
          },
        },
      },
      async () => {
        const current = await ensureSigningKey(db, ring);
        return { origin: current.name, current: current.keyId, keys: await readPublicKeys(db) };
      },
    );

    app.get(
      "/api/ledger/entries/:seq/bundle",
      {
        config: { permission: "evidence.read" },
        schema: {
          tags: ["ledger"],
          summary: "Evidence bundle of a ledger entry: record, inclusion proof, signed checkpoint, public keys",
          params: z.object({ seq: z.coerce.number().int().min(0) }),
          response: { 200: ZBundle, 404: ZError },
        },
      },
      async (request) => exportBundle(db, { tenantId: tenantOf(request), seq: request.params.seq, ring }),
    );

    app.get(
      "/api/ledger/consistency",
      {
        config: { permission: "evidence.read" },
        schema: {
          tags: ["ledger"],
          summary: "Consistency proof between two tree sizes (hex hashes), with the checkpoints published at those sizes if any",
          querystring: z.object({ from: z.coerce.number().int().min(0), to: z.coerce.number().int().min(0).optional().describe("default: the newest checkpoint's size") }),
          response: {
            200: z.object({
              origin: z.string(),
              from: z.number(),
              to: z.number(),
              proof: z.array(z.string()),
              fromCheckpoint: z.string().nullable(),
              toCheckpoint: z.string().nullable(),
            }),
            400: ZError,
          },
        },
      },
      async (request) => {
        const { origin } = await readLogState(db);
        const to = request.query.to ?? (await latestCheckpoint(db))?.size ?? 0;
        const proof = await readConsistencyProof(db, request.query.from, to);
        return {
          origin,
          from: request.query.from,
          to,
          proof: proof.map((hash) => hash.toString("hex")),
          fromCheckpoint: (await checkpointAt(db, request.query.from))?.note ?? null,
          toCheckpoint: (await checkpointAt(db, to))?.note ?? null,
        };
      },
    );

    app.get(
      "/api/ledger/timeline",
      {
        config: { permission: "evidence.read" },
        schema: {
          tags: ["ledger"],
          summary: "Every record logged for a subject (order, product, declaration, document…) with its proof status",
          querystring: z.object({ subjectType: z.string().min(1).max(64), subjectId: z.string().min(1).max(200), limit: z.coerce.number().int().min(1).max(5000).default(500) }),
        },
      },
      async (request) => listTimeline(db, { tenantId: tenantOf(request), ...request.query }),
    );
  };

type Upload = { bytes: Buffer; name?: string; mediaType?: string; documentType?: string; subject?: { type: string; id: string } };

function readUpload(body: unknown, contentType: string | undefined, query: { type?: string; name?: string; subjectType?: string; subjectId?: string }): Upload {
  if ((query.subjectType === undefined) !== (query.subjectId === undefined)) throw new AppError("BAD_REQUEST", "Give subjectType and subjectId together");
  const fromQuery = { name: query.name, documentType: query.type, subject: query.subjectType ? { type: query.subjectType, id: query.subjectId as string } : undefined };
  if (Buffer.isBuffer(body)) {
    if (!body.length) throw new AppError("BAD_REQUEST", "The request body is empty; send the document's bytes");
    const mediaType = contentType?.split(";")[0]?.trim();
    return { bytes: body, ...fromQuery, mediaType: mediaType && mediaType !== "application/octet-stream" ? mediaType : undefined };
  }
  const parsed = ZUploadJson.safeParse(body);
  if (!parsed.success)
    throw new AppError(
      "BAD_REQUEST",
      `Send the document's bytes, or JSON {contentBase64, name?, mediaType?, type?, subject?}: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`,
    );
  const encoded = parsed.data.contentBase64.replace(/\s+/g, "");
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) throw new AppError("BAD_REQUEST", "contentBase64 is not valid base64");
  return {
    bytes: Buffer.from(encoded, "base64"),
    name: parsed.data.name ?? fromQuery.name,
    mediaType: parsed.data.mediaType,
    documentType: parsed.data.type ?? fromQuery.documentType,
    subject: parsed.data.subject ?? fromQuery.subject,
  };
}

/** Publish checkpoints while the server runs (every policy.everyEntries entries or policy.everySeconds seconds). */
function startCheckpointTimer(app: Parameters<FastifyPluginAsyncZod>[0], db: Db, ring: LedgerContext["ring"], policy: CheckpointPolicy | false): void {
  if (!policy) return;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | null = null;
  const tick = () => {
    inFlight ??= maybePublishCheckpoint(db, ring, policy)
      .then(() => undefined)
      .catch((error: unknown) => app.log.warn({ err: error }, "publishing a ledger checkpoint failed"))
      .finally(() => {
        inFlight = null;
      });
  };
  app.addHook("onReady", async () => {
    timer = setInterval(tick, Math.min(TICK_MS, policy.everySeconds * 1000));
    timer.unref();
  });
  // Wait for a tick in flight, so the database is not closed under it.
  app.addHook("onClose", async () => {
    if (timer) clearInterval(timer);
    await inFlight;
  });
}
