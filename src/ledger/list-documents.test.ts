import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAuth } from "../api/auth.ts";
import { handleError } from "../api/errors.ts";
import type { Db } from "../db/connection.ts";
import { openTestDb, TEST_DB_KINDS } from "../db/test-db.ts";
import { createTestMember, type TestMember } from "../tenancy/test-principals.ts";
import { archiveDocument } from "./archive-document.ts";
import { sha256Hex } from "./document-store.ts";
import { listDocuments } from "./list-documents.ts";
import { type LedgerContext, openLedger } from "./open-ledger.ts";
import { ledgerRoutes } from "./routes.ts";

const invoice = Buffer.from("%PDF-1.7\nCommercial invoice INV-2001, 40 cartons of ceramic mugs, USD 960.00\n");
const packingList = Buffer.from("Packing list PL-2001: 40 cartons, 412 kg gross");
const tally = Buffer.from("Tally sheet T-9: 40 cartons counted at bay 3, 1 carton crushed");

describe.each(TEST_DB_KINDS)("listing archived documents on %s", (kind) => {
  let db: Db;
  let ledger: LedgerContext;
  beforeAll(async () => {
    db = await openTestDb(kind);
    ledger = openLedger(fs.mkdtempSync(path.join(os.tmpdir(), "cw-ledger-list-")));
    await archiveDocument(db, ledger.store, { tenantId: "default", bytes: invoice, documentType: "invoice", name: "INV-2001.pdf", subject: { type: "order", id: "SO-2001" } });
    await archiveDocument(db, ledger.store, {
      tenantId: "default",
      bytes: packingList,
      documentType: "packing_list",
      name: "PL-2001.txt",
      subject: { type: "order", id: "SO-2001" },
    });
    await archiveDocument(db, ledger.store, { tenantId: "default", bytes: tally, documentType: "tally_sheet" });
    await archiveDocument(db, ledger.store, { tenantId: "tenant-b", bytes: Buffer.from("tenant b's own invoice"), documentType: "invoice" });
  });
  afterAll(async () => {
    await db?.close();
  });

  it("lists a tenant's documents newest first, with the entry and subject each was logged for", async () => {
    const { total, documents } = await listDocuments(db, { tenantId: "default" });
    expect(total).toBe(3);
    expect(documents.map((d) => d.sha256)).toEqual([sha256Hex(tally), sha256Hex(packingList), sha256Hex(invoice)]);
    expect(documents[2]).toMatchObject({
      name: "INV-2001.pdf",
      documentType: "invoice",
      mediaType: "application/pdf",
      size: invoice.length,
      subject: { type: "order", id: "SO-2001" },
      leafHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(documents[0]?.subject).toEqual({ type: "document", id: sha256Hex(tally) });
    expect(Date.parse(documents[0]?.archivedAt ?? "")).not.toBeNaN();
    expect(documents[0]?.seq).toBeGreaterThan(documents[2]?.seq ?? Number.POSITIVE_INFINITY);
  });

  it("filters by type and SHA-256, pages, and never shows another tenant's documents", async () => {
    expect((await listDocuments(db, { tenantId: "default", type: "invoice" })).documents.map((d) => d.name)).toEqual(["INV-2001.pdf"]);
    expect(await listDocuments(db, { tenantId: "default", type: "bill_of_lading" })).toEqual({ total: 0, documents: [] });
    const bySha = await listDocuments(db, { tenantId: "default", sha256: sha256Hex(packingList).toUpperCase() });
    expect(bySha.documents.map((d) => d.name)).toEqual(["PL-2001.txt"]);
    const page = await listDocuments(db, { tenantId: "default", limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 3, documents: [{ sha256: sha256Hex(invoice) }] });
    const theirs = await listDocuments(db, { tenantId: "tenant-b" });
    expect(theirs.total).toBe(1);
    expect(await listDocuments(db, { tenantId: "tenant-b", sha256: sha256Hex(invoice) })).toEqual({ total: 0, documents: [] });
    expect(await listDocuments(db, { tenantId: "tenant-c" })).toEqual({ total: 0, documents: [] });
  });

  it("refuses a malformed type or SHA-256 and a bad page", async () => {
    await expect(listDocuments(db, { tenantId: "default", type: "Menu; drop table" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await listDocuments(db, { tenantId: "default", type: "menu" })).toEqual({ total: 0, documents: [] });
    await expect(listDocuments(db, { tenantId: "default", sha256: "abc" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(listDocuments(db, { tenantId: "default", limit: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(listDocuments(db, { tenantId: "default", offset: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe.each(TEST_DB_KINDS)("GET /api/documents on %s", (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let declarant: TestMember;
  let viewer: TestMember;
  let otherTenant: TestMember;
  beforeAll(async () => {
    db = await openTestDb(kind);
    declarant = await createTestMember(db, { role: "declarant" });
    viewer = await createTestMember(db, { role: "viewer" });
    otherTenant = await createTestMember(db, { role: "admin", tenant: "list-other" });
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler(handleError);
    registerAuth(app, db);
    await app.register(ledgerRoutes(db, { home: fs.mkdtempSync(path.join(os.tmpdir(), "cw-ledger-list-api-")), checkpointPolicy: false }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("lists what the tenant archived through the API, filtered and paged, to any role of that tenant only", async () => {
    const upload = (bytes: Buffer, url: string) =>
      app.inject({ method: "POST", url, headers: { ...declarant.headers, "content-type": "application/octet-stream" }, payload: bytes });
    expect((await upload(invoice, "/api/documents?type=invoice&name=INV-2001.pdf&subjectType=order&subjectId=SO-2001")).statusCode).toBe(201);
    expect((await upload(tally, "/api/documents?type=tally_sheet&name=tally.txt")).statusCode).toBe(201);

    const all = await app.inject({ url: "/api/documents", headers: viewer.headers });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({
      total: 2,
      documents: [
        { name: "tally.txt", documentType: "tally_sheet", mediaType: "text/plain" },
        { name: "INV-2001.pdf", subject: { type: "order", id: "SO-2001" } },
      ],
    });
    expect(all.json().documents[0].storedPath).toBeUndefined();
    const invoices = (await app.inject({ url: "/api/documents?type=invoice&limit=1", headers: viewer.headers })).json();
    expect(invoices).toMatchObject({ total: 1, documents: [{ sha256: sha256Hex(invoice) }] });
    expect((await app.inject({ url: "/api/documents?offset=1", headers: viewer.headers })).json().documents.map((d: { name: string }) => d.name)).toEqual(["INV-2001.pdf"]);
    expect((await app.inject({ url: "/api/documents?type=Menu%21", headers: viewer.headers })).statusCode).toBe(400);
    expect((await app.inject({ url: "/api/documents?limit=0", headers: viewer.headers })).statusCode).toBe(400);
    expect((await app.inject({ url: "/api/documents" })).statusCode).toBe(401);
    expect((await app.inject({ url: "/api/documents", headers: otherTenant.headers })).json()).toEqual({ total: 0, documents: [] });
  });
});
