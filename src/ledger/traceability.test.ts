import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../api/app.ts";
import { importProducts } from "../catalog/import-products.ts";
import type { Db } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import { openTestDb, TEST_DATA_DIR, TEST_DB_KINDS, testHome } from "../db/test-db.ts";
import { importReference } from "../reference/import-reference.ts";
import { iterate, manifestFromJson } from "../screening/read-manifest.ts";
import { listFindings } from "../screening/reports.ts";
import { rerunScreening, screenFile } from "../screening/run-screening.ts";
import { screenManifest } from "../screening/screen-manifest.ts";
import { type AuditEvent, auditLedgerData, listAudit, recordAudit } from "../tenancy/audit.ts";
import { cliPrincipal } from "../tenancy/principal.ts";
import { createTestMember, type TestMember } from "../tenancy/test-principals.ts";
import { archiveDocument } from "./archive-document.ts";
import { canonicalJson } from "./canonical-json.ts";
import { sha256Hex } from "./document-store.ts";
import { exportBundle } from "./export-bundle.ts";
import { listTimeline, type TimelineEntry } from "./list-timeline.ts";
import { type LedgerContext, openLedger } from "./open-ledger.ts";
import { publishCheckpoint } from "./publish-checkpoint.ts";
import { readLogState } from "./read-tree.ts";
import { toVerifier } from "./signing-keys.ts";
import { verifyBundle } from "./verify-bundle.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const US_MANIFEST = path.join(ROOT, "examples/manifests/us-import.csv");

// Timeline data is JSON the test reads by path; any keeps the expectations short.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Data = Record<string, any>;
const dataOf = (entry: TimelineEntry | undefined) => entry?.data as Data;

describe.each(TEST_DB_KINDS)("evidence of audit events, classifications and screenings on %s", (kind) => {
  let db: Db;
  let app: App;
  let ledger: LedgerContext;
  let compliance: TestMember;
  let declarant: TestMember;
  let outsider: TestMember;
  const tenant = () => compliance.tenantId;
  const operator = () => cliPrincipal(tenant());
  const trustedKeys = () => ledger.ring.keys().map(toVerifier);

  beforeAll(async () => {
    db = await openTestDb(kind);
    await importReference({ db, dataDir: TEST_DATA_DIR, only: ["hs2022", "hts2026r4", "countries", "currencies", "locations"] });
    const home = testHome();
    ledger = openLedger(home);
    app = await buildApp({ db, home, logger: false });
    compliance = await createTestMember(db, { role: "compliance", tenant: "trace" });
    declarant = await createTestMember(db, { role: "declarant", tenant: "trace" });
    outsider = await createTestMember(db, { role: "admin", tenant: "trace-other" });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  describe("audit events", () => {
    it("logs each audit event in the transaction of the change, under its target, and its leaf verifies in a bundle", async () => {
      const event = await withTenant(db, tenant(), (tx) =>
        recordAudit(tx, operator(), { action: "supplier.create", targetType: "supplier", targetId: "sup_lanhai", after: { nameEn: "Shenzhen Lanhai" } }, { ip: "10.0.0.7" }),
      );
      const timeline = await listTimeline(db, { tenantId: tenant(), subjectType: "supplier", subjectId: "sup_lanhai" });
      expect(timeline.entries).toHaveLength(1);
      const entry = timeline.entries[0] as TimelineEntry;
      expect(entry).toMatchObject({ kind: "audit.event", proof: { status: "pending" } });
      expect(entry.data).toEqual(auditLedgerData(event));
      expect(dataOf(entry)).toMatchObject({
        id: event.id,
        action: "supplier.create",
        actor: { type: "cli" },
        target: { type: "supplier", id: "sup_lanhai" },
        origin: { ip: "10.0.0.7" },
        after: { nameEn: "Shenzhen Lanhai" },
      });

      const bundle = await exportBundle(db, { tenantId: tenant(), seq: entry.seq, ring: ledger.ring });
      expect(verifyBundle(JSON.parse(JSON.stringify(bundle)), { trustedKeys: trustedKeys() })).toMatchObject({
        valid: true,
        kind: "audit.event",
        subject: { type: "supplier", id: "sup_lanhai" },
        tenant: tenant(),
      });
      const altered = JSON.parse(JSON.stringify(bundle));
      altered.entry.record.data.after.nameEn = "Someone else";
      expect(verifyBundle(altered, { trustedKeys: trustedKeys() })).toMatchObject({ valid: false, failure: "leaf_hash_mismatch" });
    });

    it("opens a transaction of its own when given the database, and logs an event without a target under the tenant", async () => {
      const event = await recordAudit(db, operator(), { action: "tenant.settings_change", after: { locale: "zh" } });
      const timeline = await listTimeline(db, { tenantId: tenant(), subjectType: "tenant", subjectId: tenant() });
      expect(timeline.entries.map((e) => dataOf(e).id)).toContain(event.id);
    });

    it("logs the API's audit events too: a screening run and a line edit are logged under the run", async () => {
      const csv = fs.readFileSync(path.join(ROOT, "examples/manifests/cn-import.csv"));
      const posted = await app.inject({
        method: "POST",
        url: "/api/screenings?lane=cn-import&fileName=cn-import.csv&date=2026-11-21",
        headers: { ...declarant.headers, "content-type": "text/csv" },
        payload: csv,
      });
      expect(posted.statusCode).toBe(201);
      const runId = posted.json().run.id as string;
      expect((await app.inject({ method: "PATCH", url: `/api/screenings/${runId}/lines/2`, headers: declarant.headers, payload: { changes: { qty: "3" } } })).statusCode).toBe(200);
      const timeline = (await app.inject({ url: `/api/ledger/timeline?subjectType=screening_run&subjectId=${runId}`, headers: declarant.headers })).json();
      expect(timeline.entries.map((e: TimelineEntry) => [e.kind, dataOf(e).action ?? null])).toEqual([
        ["screening.reported", null],
        ["audit.event", "screening.run"],
        ["audit.event", "screening.line_edit"],
      ]);
      expect(timeline.entries[2].data.target).toEqual({ type: "screening", id: `${runId}#2` });
    });

    it("leaves neither the audit event nor its ledger entry when the transaction fails", async () => {
      const size = (await readLogState(db)).size;
      const count = async () => (await withTenant(db, tenant(), (tx) => listAudit(tx, tenant(), { action: "member.remove" }))).length;
      const before = await count();
      await expect(
        withTenant(db, tenant(), async (tx) => {
          await recordAudit(tx, operator(), { action: "member.remove", targetType: "user", targetId: "usr_gone" });
          throw new Error("the member could not be removed");
        }),
      ).rejects.toThrow("the member could not be removed");
      expect(await count()).toBe(before);
      expect((await readLogState(db)).size).toBe(size);
      expect((await listTimeline(db, { tenantId: tenant(), subjectType: "user", subjectId: "usr_gone" })).entries).toEqual([]);
    });

    it("logs a before/after too large for one record by its SHA-256, and keeps it whole in the audit trail", async () => {
      const after = { description: "长".repeat(100_000) };
      const event: AuditEvent = await withTenant(db, tenant(), (tx) =>
        recordAudit(tx, operator(), { action: "product.update", targetType: "product", targetId: "prd_big", after }),
      );
      expect(event.after).toEqual(after);
      const [entry] = (await listTimeline(db, { tenantId: tenant(), subjectType: "product", subjectId: "prd_big" })).entries;
      const text = canonicalJson(after);
      expect(dataOf(entry).after).toEqual({ sha256: sha256Hex(Buffer.from(text, "utf8")), bytes: Buffer.byteLength(text, "utf8") });
      expect(dataOf(entry).before).toBeNull();
    });
  });

  describe("classification decisions", () => {
    it("links a product's timeline to the one record of the import that gave it codes, and logs decisions made through the API", async () => {
      const bytes = fs.readFileSync(path.join(ROOT, "examples/catalog/products.csv"));
      const before = (await readLogState(db)).size;
      const imported = await importProducts(db, { principal: operator(), bytes, fileName: "products.csv", store: ledger.store });
      expect(imported).toMatchObject({ committed: true, created: 11, importId: expect.stringMatching(/^imp_/) });
      // One catalog.imported record and the import's audit event, however many codes the file carried.
      expect((await readLogState(db)).size).toBe(before + 2);
      const decided = await app.inject({
        method: "POST",
        url: "/api/catalog/products/EAR-BT-PRO/classifications",
        headers: compliance.headers,
        payload: { market: "us", code: "8518.30.20.00", status: "confirmed", rationale: "Earbuds are earphones: 8518.30.20.00." },
      });
      expect(decided.statusCode).toBe(201);
      const productId = decided.json().classification.productId as string;
      expect(productId).toMatch(/^prd_/);
      await publishCheckpoint(db, ledger.ring);

      const timeline = (await app.inject({ url: "/api/ledger/timeline?subjectType=product&subjectId=EAR-BT-PRO", headers: compliance.headers })).json();
      expect(timeline.subject).toEqual({ type: "product", id: productId });
      const entries = timeline.entries as TimelineEntry[];
      expect(entries.map((e) => [e.kind, dataOf(e).action ?? dataOf(e).market])).toEqual([
        ["catalog.imported", "us"],
        ["classification.decided", "us"],
        ["audit.event", "classification.confirmed"],
      ]);
      for (const entry of entries) expect(entry.proof).toMatchObject({ status: "verified" });
      const imports = await withTenant(db, tenant(), (tx) =>
        tx.query<{ id: number; market: string }>("select c.id, c.market from product_classifications c where c.product_id = $1 and c.import_id = $2 order by c.id", [productId, imported.importId]),
      );
      expect(entries[0]?.via).toEqual({
        subject: { type: "import", id: imported.importId },
        relation: "imported",
        detail: {
          classifications: ([["hs", "851830", null], ["us", "851830", "8518302000"], ["cn", "851830", "8518300000"]] as const).map(([market, hs6, nationalCode]) => ({
            classificationId: imports.find((c) => c.market === market)?.id,
            market,
            hs6,
            nationalCode,
            status: "confirmed",
            rationale: "Imported from products.csv, row 6",
          })),
        },
      });
      const sha256 = sha256Hex(bytes);
      expect(dataOf(entries[0])).toMatchObject({
        file: { name: "products.csv", kind: "csv", encoding: "utf-8", sha256, bytes: bytes.length },
        market: "us",
        editions: { hs: expect.any(String), us_hts: "HTS2026R4" },
        rows: 11,
        valid: 11,
        skipped: 0,
        created: 11,
        updated: 0,
        unchanged: 0,
        classifications: { total: expect.any(Number), byMarket: { hs: 11, us: expect.any(Number), cn: expect.any(Number) } },
        importedBy: operator().label,
        document: { sha256, size: bytes.length, mediaType: "text/csv", name: "products.csv", documentType: "catalog_import" },
      });
      // The import is its own subject: its record and its audit event, and the archived file checks against the record.
      const ofImport = await listTimeline(db, { tenantId: tenant(), subjectType: "import", subjectId: imported.importId as string });
      expect(ofImport.entries.map((e) => [e.kind, dataOf(e).action ?? null])).toEqual([
        ["catalog.imported", null],
        ["audit.event", "catalog.import"],
      ]);
      const bundle = await exportBundle(db, { tenantId: tenant(), seq: ofImport.entries[0]?.seq as number, ring: ledger.ring });
      expect(verifyBundle(JSON.parse(JSON.stringify(bundle)), { documentBytes: await ledger.store.get(sha256), trustedKeys: trustedKeys() })).toMatchObject({
        valid: true,
        kind: "catalog.imported",
        subject: { type: "import", id: imported.importId },
        documentSha256: sha256,
        documentChecked: true,
      });
      expect(dataOf(entries[1])).toEqual({
        classificationId: decided.json().classification.id,
        sku: "EAR-BT-PRO",
        market: "us",
        hs6: "851830",
        nationalCode: "8518302000",
        edition: "HTS2026R4",
        status: "confirmed",
        decidedBy: expect.any(String),
        rationale: "Earbuds are earphones: 8518.30.20.00.",
        productVersion: 1,
      });
      expect(dataOf(entries[2]).target).toEqual({ type: "product", id: productId });
      const byId = await listTimeline(db, { tenantId: tenant(), subjectType: "product", subjectId: productId });
      expect(byId.entries.map((e) => e.seq)).toEqual(entries.map((e) => e.seq));
      const foreign = (await app.inject({ url: "/api/ledger/timeline?subjectType=product&subjectId=EAR-BT-PRO", headers: outsider.headers })).json();
      expect(foreign.entries).toEqual([]);
      // Re-importing the same file records no new codes, so the product's timeline gains nothing.
      const again = await importProducts(db, { principal: operator(), bytes, fileName: "products.csv" });
      expect(again).toMatchObject({ committed: true, unchanged: 11 });
      expect((await listTimeline(db, { tenantId: tenant(), subjectType: "product", subjectId: productId })).entries.map((e) => e.seq)).toEqual(entries.map((e) => e.seq));
    });
  });

  describe("screening reports", () => {
    it("archives each run's report, logs it once per run, and lists it in the timeline of every order the run contained", async () => {
      const first = await screenFile(db, US_MANIFEST, "us-import.csv", { tenantId: tenant(), lane: "us-import", date: "2026-11-21", store: ledger.store });
      const [reported, ...others] = (await listTimeline(db, { tenantId: tenant(), subjectType: "screening_run", subjectId: first.runId })).entries;
      expect(others).toEqual([]);
      expect(reported?.kind).toBe("screening.reported");
      const data = dataOf(reported);
      expect(data).toMatchObject({
        lane: "us-import",
        pack: first.packId,
        date: "2026-11-21",
        manifest: { name: "us-import.csv", kind: "csv", sha256: sha256Hex(fs.readFileSync(US_MANIFEST)), bytes: fs.statSync(US_MANIFEST).size },
        rerunOf: null,
        lines: 21,
        orders: 17,
        blockedOrders: first.summary.blockedOrders,
        readyOrders: first.summary.readyOrders,
        findings: first.summary.findings,
        document: { mediaType: "text/csv", name: `screening-${first.runId}.csv`, documentType: "screening_report" },
      });

      // The archived report is the run's CSV export, byte for byte, and the bundle checks it.
      const stored = await ledger.store.get(data.document.sha256);
      expect(stored.length).toBe(data.document.size);
      const exported = await app.inject({ url: `/api/screenings/${first.runId}/report?format=csv`, headers: declarant.headers });
      expect(exported.rawPayload.equals(stored)).toBe(true);
      const downloaded = await app.inject({ url: `/api/documents/${data.document.sha256}`, headers: declarant.headers });
      expect(downloaded.statusCode).toBe(200);
      expect(downloaded.rawPayload.equals(stored)).toBe(true);
      const bundle = await exportBundle(db, { tenantId: tenant(), seq: reported?.seq as number, ring: ledger.ring });
      expect(bundle.document).toMatchObject({ sha256: data.document.sha256, documentType: "screening_report", mediaType: "text/csv" });
      expect(verifyBundle(bundle, { documentBytes: stored, trustedKeys: trustedKeys() })).toMatchObject({ valid: true, kind: "screening.reported", documentChecked: true });
      const edited = Buffer.from(stored.toString("utf8").replace("block", "info"), "utf8");
      expect(verifyBundle(bundle, { documentBytes: edited })).toMatchObject({ valid: false, failure: "document_hash_mismatch" });

      // Which orders the run contained, blocked or ready.
      const orders = await withTenant(db, tenant(), (tx) =>
        tx.query<{ order_no: string }>("select order_no from screening_run_orders where tenant_id = $1 and run_id = $2", [tenant(), first.runId]),
      );
      expect(orders).toHaveLength(17);
      const blocking = await withTenant(db, tenant(), (tx) => listFindings(tx, tenant(), first.runId, { severity: "block", limit: 1000 }));
      const blocked = new Set(blocking.findings.map((f) => f.orderNo));
      expect(blocked.size).toBe(first.summary.blockedOrders);
      const ready = orders.map((o) => o.order_no).find((no) => !blocked.has(no)) as string;
      expect(ready).toBeDefined();

      const second = await rerunScreening(db, first.runId, { tenantId: tenant(), date: "2026-11-21", store: ledger.store });
      const [rerun] = (await listTimeline(db, { tenantId: tenant(), subjectType: "screening_run", subjectId: second.runId })).entries;
      expect(dataOf(rerun)).toMatchObject({ rerunOf: first.runId, manifest: { sha256: null }, orders: 17 });
      await archiveDocument(db, ledger.store, {
        tenantId: tenant(),
        bytes: Buffer.from("Commercial invoice for US-24002"),
        documentType: "invoice",
        subject: { type: "order", id: "US-24002" },
      });

      const blockedTimeline = (await app.inject({ url: "/api/ledger/timeline?subjectType=order&subjectId=US-24002", headers: declarant.headers })).json();
      expect(blockedTimeline.subject).toEqual({ type: "order", id: "US-24002" });
      expect(blockedTimeline.entries.map((e: TimelineEntry) => [e.kind, e.via?.subject.id ?? null, (e.via?.detail as Data | undefined)?.verdict ?? null])).toEqual([
        ["screening.reported", first.runId, "blocked"],
        ["screening.reported", second.runId, "blocked"],
        ["document.archived", null, null],
      ]);
      expect(blockedTimeline.entries[0].via).toMatchObject({ subject: { type: "screening_run" }, relation: "screened", detail: { findings: { block: expect.any(Number) } } });
      expect(blockedTimeline.entries[0].via.detail.findings.block).toBeGreaterThan(0);

      const readyTimeline = await listTimeline(db, { tenantId: tenant(), subjectType: "order", subjectId: ready });
      const detailOf = (e: TimelineEntry) => (e.via?.detail ?? {}) as Data;
      expect(readyTimeline.entries.map((e) => [e.kind, e.via?.subject.id, detailOf(e).verdict, detailOf(e).findings.block])).toEqual([
        ["screening.reported", first.runId, "ready", 0],
        ["screening.reported", second.runId, "ready", 0],
      ]);
      expect((await listTimeline(db, { tenantId: tenant(), subjectType: "order", subjectId: "US-99999" })).entries).toEqual([]);

      // Order numbers are kept clipped as findings clip them, each once per run, even two long ones that clip alike.
      const long = "L".repeat(130);
      const lines = manifestFromJson({
        lines: [
          { order_no: `${long}-A`, sku: "X" },
          { order_no: `${long}-B`, sku: "Y" },
        ],
      }).lines;
      const clippedRun = await screenManifest(db, {
        tenantId: tenant(),
        lane: "eu-import",
        date: "2026-11-21",
        store: ledger.store,
        source: { kind: "json", name: "long.json", lines: iterate(lines) },
      });
      const kept = await withTenant(db, tenant(), (tx) =>
        tx.query<{ order_no: string }>("select order_no from screening_run_orders where tenant_id = $1 and run_id = $2", [tenant(), clippedRun.runId]),
      );
      expect(kept.map((o) => o.order_no)).toEqual([`${"L".repeat(119)}…`]);
      const foreign = (await app.inject({ url: "/api/ledger/timeline?subjectType=order&subjectId=US-24002", headers: outsider.headers })).json();
      expect(foreign.entries).toEqual([]);
    });
  });
});
