import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../db/connection.ts";
import { migrate } from "../db/migrate.ts";
import { asSystem } from "../db/tenant-scope.ts";
import { runClearway as clearway, useTestSchema } from "../cli/test-cli.ts";
import { TEST_DB_KINDS } from "../db/test-db.ts";
import { createTenant } from "../tenancy/tenants.ts";
import { sha256Hex } from "./document-store.ts";

const INVOICE = path.resolve(import.meta.dirname, "../../test/fixtures/ledger/invoice-INV-2026-0042.pdf");

describe.each(TEST_DB_KINDS)("ledger CLI on %s", (kind) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cw-ledger-cli-"));
  const env: Record<string, string> = { CLEARWAY_HOME: path.join(work, "home") };
  let dropSchema: (() => Promise<void>) | undefined;
  const bundleFile = path.join(work, "bundle.json");
  const sha256 = sha256Hex(fs.readFileSync(INVOICE));

  beforeAll(async () => {
    if (kind === "postgres") dropSchema = await useTestSchema(env, "cw_ledger_cli");
    // A second tenant, made the way `clearway tenant create` makes one.
    const db = await openDb(kind === "postgres" ? { url: env.DATABASE_URL } : { dataDir: path.join(env.CLEARWAY_HOME as string, "db") });
    try {
      await migrate(db);
      await asSystem(db, (tx) => createTenant(tx, { slug: "tenant-b", name: "Tenant B" }));
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    await dropSchema?.();
  });

  it("archives an invoice once, exports its bundle, and verifies it offline", () => {
    const archived = clearway(["archive", INVOICE, "--kind", "invoice", "--subject", "order:SO-1001", "--json"], env);
    expect(archived.stderr).toBe("");
    expect(archived.code).toBe(0);
    expect(JSON.parse(archived.stdout)).toMatchObject({
      sha256,
      documentType: "invoice",
      mediaType: "application/pdf",
      name: "invoice-INV-2026-0042.pdf",
      seq: 0,
      duplicate: false,
    });
    const again = clearway(["archive", INVOICE, "--kind", "invoice"], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^= Already archived invoice-INV-2026-0042\.pdf \(invoice, \d+ bytes, application\/pdf\)/);

    const exported = clearway(["evidence", "export", "--sha256", sha256, "--out", bundleFile], env);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^✓ Evidence bundle for ledger entry #0 \(document\.archived\) written to /);
    expect(JSON.parse(fs.readFileSync(bundleFile, "utf8"))).toMatchObject({ format: "clearway-evidence-bundle/v1", entry: { seq: 0 }, document: { sha256 } });

    const verified = clearway(["verify", bundleFile, "--document", INVOICE], env);
    expect(verified.stderr).toBe("");
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^✓ Valid: ledger entry #0 \(document\.archived, order SO-1001, logged .*\) is in the log clearway\.local\/ledger\//);
    expect(verified.stdout).toContain(`✓ document SHA-256 ${sha256} matches the logged record`);
    expect(verified.stdout).toContain("keys: local key ring");
  });

  it("fails verification with one line saying what was tampered with", () => {
    const tamperedDocument = path.join(work, "tampered.pdf");
    fs.writeFileSync(tamperedDocument, fs.readFileSync(INVOICE, "utf8").replace("4,800.00", "1,800.00"));
    const document = clearway(["verify", bundleFile, "--document", tamperedDocument], env);
    expect(document.code).toBe(1);
    expect(document.stdout).toBe("");
    expect(document.stderr).toMatch(/^clearway: verification failed: document hash mismatch: the document hashes to [0-9a-f]{64}, but the logged record names [0-9a-f]{64}\n$/);

    const tamperedBundle = path.join(work, "tampered-bundle.json");
    fs.writeFileSync(tamperedBundle, fs.readFileSync(bundleFile, "utf8").replace('"documentType": "invoice"', '"documentType": "packing_list"'));
    const bundle = clearway(["verify", tamperedBundle, "--json"], env);
    expect(bundle.code).toBe(1);
    expect(JSON.parse(bundle.stdout)).toMatchObject({ valid: false, failure: "leaf_hash_mismatch" });
    expect(bundle.stderr).toMatch(
      /^clearway: verification failed: leaf hash mismatch: the record hashes to leaf [0-9a-f]{64}, but the bundle gives [0-9a-f]{64} \(the record was changed\)\n$/,
    );
  });

  it("verifies without any database, trusting pinned keys or the bundle's own", () => {
    const offline = { CLEARWAY_HOME: path.join(work, "elsewhere"), DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" };
    const bundleKeys = clearway(["verify", bundleFile], offline);
    expect(bundleKeys.code).toBe(0);
    expect(bundleKeys.stdout).toContain("keys: keys carried in the bundle (pin the log's key with --key");
    const vkey = JSON.parse(fs.readFileSync(bundleFile, "utf8")).publicKeys[0].vkey as string;
    const pinned = clearway(["verify", bundleFile, "--key", vkey, "--json"], offline);
    expect(pinned.code).toBe(0);
    expect(JSON.parse(pinned.stdout)).toMatchObject({ valid: true, keySource: "trusted", trust: "pinned with --key" });
    const wrongKey = clearway(["verify", bundleFile, "--key", vkey.replace(/^[^+]+/, "someone.else/log")], offline);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/^clearway: --key: verifier key id [0-9a-f]{8} does not match its key/);
    const missing = clearway(["verify", path.join(work, "nope.json")], offline);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^clearway: Cannot read the bundle .*nope\.json: no such file \[BAD_REQUEST\]\n$/);
  });

  it("publishes checkpoints, proves consistency with an old one, and keeps old bundles valid after key rotation", () => {
    const rotated = clearway(["ledger", "rotate-key", "--json"], env);
    expect(rotated.code).toBe(0);
    const key = JSON.parse(rotated.stdout);
    // Entries 0 and 1 are the default tenant's document.archived and its audit event; tenant B's document is #2, its audit event #3.
    const archived = clearway(["archive", INVOICE, "--kind", "invoice", "--tenant", "tenant-b", "--json"], env);
    expect(JSON.parse(archived.stdout)).toMatchObject({ seq: 2, duplicate: false });
    const checkpoint = clearway(["ledger", "checkpoint", "--json"], env);
    expect(checkpoint.code).toBe(0);
    expect(JSON.parse(checkpoint.stdout)).toMatchObject({ size: 4, published: true });
    expect(JSON.parse(checkpoint.stdout).note).toContain(` ${Buffer.from(key.keyId, "hex").toString("base64").slice(0, 4)}`);
    const consistency = clearway(["ledger", "consistency", bundleFile], env);
    expect(consistency.stderr).toBe("");
    expect(consistency.code).toBe(0);
    expect(consistency.stdout).toMatch(/^✓ Consistent: the log at size 4 \(root [0-9a-f]{64}\) extends the checkpoint at size 2/);
    expect(clearway(["verify", bundleFile, "--document", INVOICE], env).code).toBe(0);
    const keys = clearway(["ledger", "keys"], env);
    expect(keys.stdout.trim().split("\n")).toHaveLength(2);
  });

  it("keeps tenants apart and refuses bad arguments with one line", () => {
    const foreign = clearway(["evidence", "export", "--seq", "2"], env);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toBe("clearway: No ledger entry #2 for this tenant [NOT_FOUND]\n");
    expect(clearway(["evidence", "export", "--seq", "2", "--tenant", "tenant-b"], env).code).toBe(0);
    for (const [args, reason] of [
      [["evidence", "export"], /^clearway: Give exactly one of --seq N or --sha256 HASH \[BAD_REQUEST\]\n$/],
      [["evidence", "export", "--seq", "-1"], /^clearway: --seq must be a whole number ≥ 0, not "-1" \[BAD_REQUEST\]\n$/],
      [["archive", path.join(work, "missing.pdf")], /^clearway: Cannot read the document .*missing\.pdf: no such file \[BAD_REQUEST\]\n$/],
      [["archive", INVOICE, "--kind", "menu"], /^clearway: Unknown document type "menu"; use one of invoice, packing_list/],
      [["archive", INVOICE, "--subject", "SO-1001"], /^clearway: --subject must be TYPE:ID like order:SO-1001/],
      [["archive", INVOICE, "--tenant", "nobody"], /^clearway: No tenant "nobody"\. \[NOT_FOUND\]\n$/],
    ] as const) {
      const result = clearway([...args], env);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(reason);
    }
  });

  it("prints a subject's timeline with proof status, and refuses a bad choice of subject", () => {
    const timeline = clearway(["ledger", "timeline", "--order", "SO-1001"], env);
    expect(timeline.stderr).toBe("");
    expect(timeline.code).toBe(0);
    expect(timeline.stdout).toMatch(/^Timeline of order SO-1001: 1 record; newest signed checkpoint at size 4 /);
    expect(timeline.stdout).toMatch(/#0 +\S+ +document\.archived +invoice invoice-INV-2026-0042\.pdf \(sha256 [0-9a-f]{16}…\)/);
    expect(timeline.stdout).toContain("✓ proven in the signed checkpoint at size 4");
    // Archiving wrote an audit event, whose target (and so its ledger subject) is the document.
    const audit = JSON.parse(clearway(["ledger", "timeline", "--subject", `document:${sha256}`, "--json"], env).stdout);
    expect(audit.entries.map((e: { seq: number; kind: string; data: { action: string } }) => [e.seq, e.kind, e.data.action])).toEqual([[1, "audit.event", "document.archive"]]);
    expect(clearway(["ledger", "timeline", "--product", "NO-SUCH-SKU"], env).stdout).toContain("nothing has been logged for it");
    const both = clearway(["ledger", "timeline", "--order", "A", "--product", "B"], env);
    expect(both.code).toBe(1);
    expect(both.stderr).toBe("clearway: Give exactly one of --order NO, --product SKU or --subject TYPE:ID [BAD_REQUEST]\n");
  });
});
