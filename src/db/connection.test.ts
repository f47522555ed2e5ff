import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./connection.ts";
import { csvChunks } from "./csv.ts";
import { listMigrations, migrate } from "./migrate.ts";
import { openTestDb, TEST_DB_KINDS } from "./test-db.ts";

describe.each(TEST_DB_KINDS)("database port on %s", (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(kind, { rowSecurity: false });
    await db.exec("create table t (id int primary key, name text, tags text[], data jsonb, n bigint)");
  });
  afterAll(() => db.close());

  it("reports its kind", () => {
    expect(db.kind).toBe(kind);
  });

  it("loads quoted text, NULLs, arrays and JSON through COPY", async () => {
    const rows = [
      [1, 'say "hi", then\nleave', ["No.", 'a "b"', "c\\d"], { x: [1, 2] }, 9007199254740991],
      [2, "", [], null, null],
      [3, null, ["kg"], { y: "中文" }, 0],
    ];
    expect(await db.copyCsv("t", ["id", "name", "tags", "data", "n"], csvChunks(rows, 10))).toBe(3);
    const back = await db.query("select id, name, tags, data, n from t order by id");
    expect(back).toEqual([
      { id: 1, name: 'say "hi", then\nleave', tags: ["No.", 'a "b"', "c\\d"], data: { x: [1, 2] }, n: 9007199254740991 },
      { id: 2, name: "", tags: [], data: null, n: null },
      { id: 3, name: null, tags: ["kg"], data: { y: "中文" }, n: 0 },
    ]);
  });

  it("rolls a failed transaction back completely", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("insert into t (id, name) values (10, 'kept?')");
        await tx.copyCsv("t", ["id", "name"], "11,eleven\n");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.query("select id from t where id >= 10")).toEqual([]);
  });

  it("applies migrations once and refuses an edited one", async () => {
    expect(await migrate(db)).toEqual([]);
    const [first, ...rest] = listMigrations();
    await expect(migrate(db, [{ ...(first as (typeof rest)[number]), checksum: "edited" }, ...rest])).rejects.toThrow(/was changed after it was applied/);
  });
});
