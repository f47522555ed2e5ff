import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runClearway as clearway, useTestSchema } from "../src/cli/test-cli.ts";
import { TEST_DATA_DIR, TEST_DB_KINDS } from "../src/db/test-db.ts";


describe.each(TEST_DB_KINDS)("clearway CLI on %s", (kind) => {
  const env: Record<string, string> = { CLEARWAY_HOME: fs.mkdtempSync(path.join(os.tmpdir(), "cw-cli-")), CLEARWAY_DATA_DIR: TEST_DATA_DIR };
  let dropSchema: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (kind === "postgres") dropSchema = await useTestSchema(env, "cw_cli");
    const imported = clearway(["import-reference", "--only", "hs2022,hts2026r4", "--json"], env);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout).outcomes.map((o: { status: string }) => o.status)).toEqual(["imported", "imported"]);
  });

  afterAll(async () => {
    await dropSchema?.();
  });

  it("prints only JSON with --json", () => {
    const result = clearway(["tariff", "lookup", "8467.21.00.10", "--json"], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ codeDotted: "8467.21.00.10", rates: { general: { effectiveRaw: "1.7%", inheritedFrom: "8467.21.00" } } });
  });

  it("prints a readable look-up and search", () => {
    const lookup = clearway(["tariff", "lookup", "846721"], env);
    expect(lookup.code).toBe(0);
    expect(lookup.stdout).toContain("8467.21.00  Drills of all kinds");
    const search = clearway(["tariff", "search", "电钻", "--limit", "3"], env);
    expect(search.code).toBe(0);
    expect(search.stdout).toMatch(/interpreted as: .*drills/);
    const json = JSON.parse(clearway(["tariff", "search", "lithium-ion", "batteries", "--json"], env).stdout);
    expect(json.results[0].codeDotted).toBe("8507.60.00");
  });

  it("administers tenants, users, API keys and the audit trail as the local operator", () => {
    const json = (args: string[]) => {
      const result = clearway([...args, "--json"], env);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout);
    };
    expect(json(["tenant", "create", "acme", "Acme", "Trading", "--kind", "seller"])).toMatchObject({ slug: "acme", name: "Acme Trading", kind: "seller" });
    const added = json(["user", "add", "ops@acme.test", "--role", "declarant", "--tenant", "acme"]);
    expect(added.initialPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const key = json(["apikey", "create", "ERP link", "--role", "viewer", "--tenant", "acme"]);
    expect(key.key).toMatch(/^cwk_key_[0-9a-z]+\.[A-Za-z0-9_-]{40,}$/);
    expect(clearway(["apikey", "revoke", key.id, "--tenant", "acme"], env).code).toBe(0);
    expect(json(["apikey", "list", "--tenant", "acme"])[0]).toMatchObject({ id: key.id, revokedAt: expect.any(String) });
    expect(json(["apikey", "list"])).toEqual([]);
    const actions = json(["audit", "list", "--tenant", "acme"]).map((e: { action: string; actorType: string }) => `${e.actorType}:${e.action}`);
    expect(actions).toEqual(["cli:apikey.revoke", "cli:apikey.create", "cli:member.add", "cli:tenant.create"]);
    const csv = clearway(["audit", "export", "--tenant", "acme", "--format", "csv"], env);
    expect(csv.stdout.split("\n")).toHaveLength(6);
    const refused = clearway(["user", "add", "x@acme.test", "--role", "boss", "--tenant", "acme"], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^clearway: "boss" is not a role; roles are admin, compliance, declarant, warehouse, viewer\. \[VALIDATION_FAILED\]\n$/);
    expect(clearway(["user", "list", "--tenant", "nope"], env).stderr).toMatch(/^clearway: No tenant "nope"/);
  });

  it("exits non-zero with a one-line reason", () => {
    for (const [args, reason] of [
      [["tariff", "lookup", "8467.2A"], /^clearway: "8467.2A" is not a valid tariff code: character "A" at position 7 is not a digit \[TARIFF_CODE_MALFORMED\]\n$/],
      [["tariff", "lookup", "84672999"], /^clearway: 84672999 is not a code in HTSUS 2026 Revision 4\. \[TARIFF_CODE_NOT_FOUND\]\n$/],
      [["tariff", "search", "drill", "--limit", "0"], /^clearway: --limit must be a whole number from 1 to 100/],
      [["tariff", "lookup", "8467", "--schedule", "eu"], /^clearway: --schedule must be us_hts or hs/],
    ] as const) {
      const result = clearway([...args], env);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(reason);
    }
  });
});

describe("clearway CLI without a database", () => {
  it("refuses to open an embedded database another live process holds", () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "cw-lock-"));
    fs.writeFileSync(path.join(home, "db.lock"), String(process.pid));
    const result = clearway(["tariff", "lookup", "8467"], { CLEARWAY_HOME: home });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`in use by process ${process.pid}`));
  });

  it("has --help on every command", () => {
    const root = clearway(["--help"], {});
    expect(root.code).toBe(0);
    expect(root.stdout).toMatch(/start[\s\S]*import-reference[\s\S]*tariff/);
    expect(clearway(["tariff", "lookup", "--help"], {}).stdout).toContain("--json");
    expect(clearway(["tariff", "search", "--help"], {}).stdout).toContain("--limit");
  });

  it("refuses a bad configuration value by name", () => {
    const result = clearway(["start"], { PORT: "abc", CLEARWAY_HOME: fs.mkdtempSync(path.join(os.tmpdir(), "cw-cfg-")) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT="abc" is invalid');
  });

  it("rejects unknown commands", () => {
    const result = clearway(["frobnicate"], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^clearway: unknown command 'frobnicate'/);
  });
});
