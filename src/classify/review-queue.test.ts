import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../api/app.ts";
import type { Db } from "../db/connection.ts";
import { openTestDb, TEST_DATA_DIR, TEST_DB_KINDS, testHome } from "../db/test-db.ts";
import { importReference } from "../reference/import-reference.ts";
import { createTestMember, type TestMember } from "../tenancy/test-principals.ts";

// A real marketplace title the engine abstains on (it leans to imitation jewellery, 7117), and the code CBP gives
// jade gua sha scrapers: 7116.20.40.00, other articles of semiprecious stone.
const GUA_SHA = "Gua sha scraping tool";
const SIMILAR = "Gua sha scraping tool, 2 pack";
const GUA_SHA_CODE = "7116204000";

describe.each(TEST_DB_KINDS)("classification review queue on %s", (kind) => {
  let db: Db;
  let app: App;
  let compliance: TestMember;
  let declarant: TestMember;
  let viewer: TestMember;
  let stranger: TestMember;
  let reviewId = "";
  const call = (member: TestMember, method: "GET" | "POST" | "PUT", url: string, payload?: object) => app.inject({ method, url, headers: member.headers, payload });
  const importCsv = (csv: string) =>
    app.inject({ method: "POST", url: "/api/catalog/imports?fileName=p.csv", headers: { ...compliance.headers, "content-type": "text/csv" }, payload: csv });

  beforeAll(async () => {
    db = await openTestDb(kind);
    await importReference({ db, dataDir: TEST_DATA_DIR, only: ["hs2022", "hts2026r4", "countries", "currencies"] });
    app = await buildApp({ db, home: testHome(), logger: false });
    compliance = await createTestMember(db, { role: "compliance", tenant: "acme" });
    declarant = await createTestMember(db, { role: "declarant", tenant: "acme" });
    viewer = await createTestMember(db, { role: "viewer", tenant: "acme" });
    stranger = await createTestMember(db, { role: "admin", tenant: "globex" });
    expect((await importCsv(`sku,title\nGUASHA-1,${GUA_SHA}\nDOCK-1,"Acme Flexi-Hub 7 port docking widget, aluminium housing"\n`)).json()).toMatchObject({
      committed: true,
      created: 2,
    });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("queues an item the engine abstains on, once, and not one it is confident about", async () => {
    const first = await call(declarant, "POST", "/api/classify", { productId: "GUASHA-1", market: "us", queue: true });
    expect(first.statusCode).toBe(200);
    const result = first.json();
    expect(result).toMatchObject({
      abstain: true,
      product: { sku: "GUASHA-1" },
      reviewCreated: true,
      review: { status: "open", market: "us", productSku: "GUASHA-1", source: "api", input: { title: GUA_SHA } },
    });
    expect(result.review.candidates).toHaveLength(3);
    expect(result.review.candidates[0]).toMatchObject({ code: result.candidates[0].code, confidence: result.confidence });
    expect(result.review.candidates[0].explanation.path.length).toBeGreaterThan(2);
    reviewId = result.review.id;
    const again = (await call(declarant, "POST", "/api/classify", { productId: "GUASHA-1", queue: true })).json();
    expect(again).toMatchObject({ reviewCreated: false, review: { id: reviewId } });
    const confident = (await call(declarant, "POST", "/api/classify", { title: "Fidget spinner toy", queue: true })).json();
    expect(confident.abstain).toBe(false);
    expect(confident.review).toBeUndefined();
    const queue = (await call(viewer, "GET", "/api/classify/queue")).json();
    expect(queue).toMatchObject({ total: 1, items: [{ id: reviewId, productSku: "GUASHA-1", status: "open" }] });
    expect((await call(viewer, "GET", `/api/classify/queue/${reviewId}`)).json().item).toMatchObject({ id: reviewId, confidence: result.confidence });
  });

  it("refuses a bad code or a missing reason with the field named, and changes nothing", async () => {
    const decide = (member: TestMember, body: object) => call(member, "POST", `/api/classify/queue/${reviewId}/decision`, body);
    const notALine = await decide(compliance, { action: "correct", code: "7116.20.99.99", reason: "gua sha" });
    expect(notALine.statusCode).toBe(400);
    expect(notALine.json().error).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringMatching(/^code: 7116209999 is not a line of HTS/) });
    expect((await decide(compliance, { action: "correct", code: "711620", reason: "gua sha" })).json().error.message).toBe(
      "code: US classifications are 10-digit HTS statistical lines.",
    );
    expect((await decide(compliance, { action: "correct", code: "abc", reason: "gua sha" })).json().error.message).toBe('code: "abc" is not a tariff code.');
    expect((await decide(compliance, { action: "correct", reason: "gua sha" })).json().error.message).toMatch(/^code: give the correct code/);
    expect((await decide(compliance, { action: "confirm", code: GUA_SHA_CODE, reason: "gua sha" })).json().error.message).toMatch(
      /^code: 7116204000 is not one of the candidates shown/,
    );
    expect((await decide(compliance, { action: "correct", code: GUA_SHA_CODE, reason: "  " })).json().error.message).toBe("reason: say why you correct this item.");
    const declarantTry = await decide(declarant, { action: "correct", code: GUA_SHA_CODE, reason: "gua sha" });
    expect(declarantTry.statusCode).toBe(403);

    expect((await call(viewer, "GET", `/api/classify/queue/${reviewId}`)).json().item).toMatchObject({ status: "open", finalCode: null, decidedBy: null });
    expect((await call(viewer, "GET", "/api/catalog/products/GUASHA-1")).json().classificationHistory).toEqual([]);
    const similar = (await call(declarant, "POST", "/api/classify", { title: SIMILAR })).json();
    expect(similar.candidates[0].explanation.precedents).toEqual([]);
  });

  it("writes a correction to the product and uses it at once for a similar item of the tenant", async () => {
    const before = (await call(declarant, "POST", "/api/classify", { title: SIMILAR })).json();
    expect(before.candidates[0].code).not.toBe(GUA_SHA_CODE);
    const reason = "Gua sha of jade, a semiprecious stone: other articles of heading 71.16, GRI 1 and 6.";
    const decided = await call(compliance, "POST", `/api/classify/queue/${reviewId}/decision`, { action: "correct", code: "7116.20.40.00", reason });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({
      item: { id: reviewId, status: "corrected", finalCode: GUA_SHA_CODE, reason, decidedBy: "key:compliance test key" },
      classificationId: expect.any(Number),
    });

    const product = (await call(viewer, "GET", "/api/catalog/products/GUASHA-1")).json();
    expect(product.classifications).toEqual([
      expect.objectContaining({ market: "us", nationalCode: GUA_SHA_CODE, hs6: "711620", status: "confirmed", rationale: reason, decidedBy: "key:compliance test key" }),
    ]);

    const after = (await call(declarant, "POST", "/api/classify", { title: SIMILAR })).json();
    expect(after.candidates[0].code).toBe(GUA_SHA_CODE);
    expect(after.candidates[0].explanation.precedents[0]).toMatchObject({ id: reviewId, code: GUA_SHA_CODE, text: GUA_SHA });
    const hs = (await call(declarant, "POST", "/api/classify", { title: SIMILAR, market: "hs" })).json();
    expect(hs.candidates[0]).toMatchObject({ code: "711620" });
    const batch = (await call(declarant, "POST", "/api/classify/batch", { items: [{ id: "b1", title: SIMILAR }] })).json();
    expect(batch.results[0].candidates[0].code).toBe(GUA_SHA_CODE);

    const again = await call(compliance, "POST", `/api/classify/queue/${reviewId}/decision`, { action: "dismiss", reason: "changed my mind" });
    expect(again.statusCode).toBe(409);
    const audit = (await call(compliance, "GET", `/api/audit?targetId=${reviewId}`)).json().events;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(["classification.review_corrected"]);
    expect((await call(viewer, "GET", "/api/classify/queue")).json().total).toBe(0);
    expect((await call(viewer, "GET", "/api/classify/queue?status=corrected")).json().items.map((i: { id: string }) => i.id)).toEqual([reviewId]);
  });

  it("keeps the queue and the precedents to the tenant", async () => {
    const theirs = (await call(stranger, "POST", "/api/classify", { title: SIMILAR })).json();
    expect(theirs.candidates[0].code).not.toBe(GUA_SHA_CODE);
    expect(theirs.candidates[0].explanation.precedents).toEqual([]);
    expect((await call(stranger, "GET", "/api/classify/queue?status=all")).json()).toEqual({ total: 0, items: [] });
    expect((await call(stranger, "GET", `/api/classify/queue/${reviewId}`)).statusCode).toBe(404);
    expect((await call(stranger, "POST", "/api/classify", { productId: "GUASHA-1" })).statusCode).toBe(404);
  });

  it("learns from a confirmation made on the product page", async () => {
    const similar = { title: "Acme Flexi-Hub 4 port docking widget with aluminium housing" };
    expect((await call(declarant, "POST", "/api/classify", similar)).json().candidates[0].code).not.toBe("8473305100");
    const confirmed = await call(compliance, "POST", "/api/catalog/products/DOCK-1/classifications", {
      market: "us",
      code: "8473.30.51.00",
      status: "confirmed",
      rationale: "Docking station: part of an ADP machine, 8473.30.",
    });
    expect(confirmed.statusCode).toBe(201);
    const dock = (await call(viewer, "GET", "/api/catalog/products/DOCK-1")).json().product;
    const after = (await call(declarant, "POST", "/api/classify", similar)).json();
    expect(after.candidates[0].code).toBe("8473305100");
    expect(after.candidates[0].explanation.precedents[0]).toMatchObject({ id: dock.id, code: "8473305100" });
  });

  it("sends an item to review on request, dismisses it, and follows the tenant's threshold", async () => {
    const sent = await call(declarant, "POST", "/api/classify/queue", { title: "Fidget spinner toy", source: "console" });
    expect(sent.statusCode).toBe(201);
    const item = sent.json().item;
    expect(item).toMatchObject({ status: "open", source: "console", createdBy: "key:declarant test key" });
    expect((await call(declarant, "POST", "/api/classify/queue", { title: "  fidget SPINNER toy " })).statusCode).toBe(200);
    const dismissed = await call(compliance, "POST", `/api/classify/queue/${item.id}/decision`, { action: "dismiss", reason: "Test entry." });
    expect(dismissed.json()).toMatchObject({ item: { status: "dismissed", finalCode: null, reason: "Test entry." }, classificationId: null });

    expect((await call(viewer, "GET", "/api/classify/settings")).json()).toEqual({ reviewBelow: 0.3 });
    expect((await call(declarant, "PUT", "/api/classify/settings", { reviewBelow: 0.5 })).statusCode).toBe(403);
    expect((await call(compliance, "PUT", "/api/classify/settings", { reviewBelow: 1.5 })).statusCode).toBe(400);
    // A threshold above any confidence the engine gives a listing title, so the confident answer goes to review.
    expect((await call(compliance, "PUT", "/api/classify/settings", { reviewBelow: 0.99 })).json()).toEqual({ reviewBelow: 0.99 });
    const strict = (await call(declarant, "POST", "/api/classify", { title: "Fidget spinner toy", queue: true })).json();
    expect(strict).toMatchObject({ abstain: true, review: { status: "open" } });
    expect(strict.confidence).toBeGreaterThan(0.3);
    expect((await call(compliance, "PUT", "/api/classify/settings", { reviewBelow: 0.3 })).statusCode).toBe(200);
    const confirmed = await call(compliance, "POST", `/api/classify/queue/${strict.review.id}/decision`, {
      action: "confirm",
      reason: "A fidget spinner is a toy (9503) for children 3 to 12.",
      code: strict.candidates[0].code,
    });
    expect(confirmed.json().item).toMatchObject({ status: "confirmed", finalCode: strict.candidates[0].code, classificationId: null });
  });

  it("classifies the catalogue's unclassified products: confident ones as suggestions, the rest to the queue", async () => {
    await importCsv("sku,title\nFS-1,Fidget spinner toy\nGAP-1,Mouth guard for teething puppies\n");
    const run = await call(declarant, "POST", "/api/classify/catalog", { market: "us" });
    expect(run.statusCode).toBe(200);
    const bySku = Object.fromEntries(run.json().results.map((r: { sku: string }) => [r.sku, r]));
    expect(Object.keys(bySku).sort()).toEqual(["FS-1", "GAP-1"]);
    expect(bySku["FS-1"]).toMatchObject({ outcome: "suggested", code: expect.stringMatching(/^9503/) });
    expect(bySku["GAP-1"]).toMatchObject({ outcome: "queued", abstain: true, reviewId: expect.stringMatching(/^rev_/) });
    expect((await call(viewer, "GET", "/api/catalog/products/FS-1")).json().classifications[0]).toMatchObject({ market: "us", status: "suggested" });
    const queued = (await call(viewer, "GET", "/api/classify/queue?market=us")).json();
    expect(queued.items.map((i: { productSku: string; source: string }) => `${i.productSku}:${i.source}`)).toEqual(["GAP-1:catalog"]);
    expect((await call(declarant, "POST", "/api/classify/catalog", { market: "us" })).json()).toMatchObject({ classified: 0 });
    expect((await call(viewer, "POST", "/api/classify/catalog", { market: "us" })).statusCode).toBe(403);
  });

  it("queues the titles screening's classifier abstains on, with the tenant's precedents applied", async () => {
    const docking = "Acme Flexi-Hub 4 port docking widget with aluminium housing";
    const screened = await call(declarant, "POST", "/api/screenings?lane=us-import", {
      lines: [
        { order_no: "SO-1", title: "Dog lick pad", qty: "1" },
        { order_no: "SO-2", title: docking, qty: "1" },
      ],
    });
    expect(screened.statusCode).toBe(201);
    const queued = (await call(viewer, "GET", "/api/classify/queue?limit=500")).json().items.filter((i: { source: string }) => i.source === "screening");
    expect(queued.map((i: { input: { title: string } }) => i.input.title)).toEqual(["Dog lick pad"]);
    const line = (await call(viewer, "GET", `/api/screenings/${screened.json().run.id}/lines/2`)).json();
    expect(JSON.stringify(line)).toContain("8473305100");
  });
});
