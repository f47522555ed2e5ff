import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileDocumentStore, sha256Hex } from "./document-store.ts";

describe("file document store", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cw-docs-"));
  const store = fileDocumentStore(root);
  const bytes = Buffer.from("%PDF-1.7 commercial invoice INV-1001");
  const sha256 = sha256Hex(bytes);

  it("stores bytes under ab/cd/<sha256> and returns them", async () => {
    expect(await store.has(sha256)).toBe(false);
    const stored = await store.put(bytes);
    expect(stored).toEqual({ sha256, size: bytes.length, path: path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256), created: true });
    expect(fs.readFileSync(stored.path)).toEqual(bytes);
    expect(await store.has(sha256)).toBe(true);
    expect(await store.get(sha256)).toEqual(bytes);
  });

  it("stores duplicates once and leaves no temporary files", async () => {
    const again = await store.put(Buffer.from(bytes));
    expect(again.created).toBe(false);
    const dir = path.dirname(again.path);
    expect(fs.readdirSync(dir)).toEqual([sha256]);
    await Promise.all(Array.from({ length: 5 }, () => store.put(Buffer.from("same bytes, concurrently"))));
    const other = sha256Hex(Buffer.from("same bytes, concurrently"));
    expect(fs.readdirSync(path.join(root, other.slice(0, 2), other.slice(2, 4)))).toEqual([other]);
  });

  it("stores a document written a piece at a time, hashed as it streams, once", async () => {
    async function* pieces() {
      yield "%PDF-1.7 commercial ";
      yield Buffer.from("invoice ");
      yield "INV-1001";
    }
    expect(await store.putStream(pieces())).toEqual({ sha256, size: bytes.length, path: path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256), created: false });
    async function* report() {
      for (let page = 0; page < 50; page++) yield `page ${page}: ${"报告 ".repeat(1000)}\n`;
    }
    const text = Array.from({ length: 50 }, (_, page) => `page ${page}: ${"报告 ".repeat(1000)}\n`).join("");
    const streamed = await store.putStream(report());
    expect(streamed).toMatchObject({ sha256: sha256Hex(Buffer.from(text, "utf8")), size: Buffer.byteLength(text, "utf8"), created: true });
    expect((await store.get(streamed.sha256)).toString("utf8")).toBe(text);
    expect(fs.readdirSync(path.join(root, ".incoming"))).toEqual([]);
    async function* failing() {
      yield "half a report";
      throw new Error("the database went away");
    }
    await expect(store.putStream(failing())).rejects.toThrow("the database went away");
    expect(fs.readdirSync(path.join(root, ".incoming"))).toEqual([]);
  });

  it("refuses to hand out bytes altered on disk, and says which", async () => {
    const tampered = Buffer.from("tampered document");
    const { path: file, sha256: sha } = await store.put(tampered);
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, "tampered documenT");
    await expect(store.get(sha)).rejects.toThrow(/has been altered on disk/);
  });

  it("answers NOT_FOUND for unknown hashes and BAD_REQUEST for malformed ones", async () => {
    await expect(store.get("0".repeat(64))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(store.get("../../etc/passwd")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(store.has("ABC")).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("stores an empty document", async () => {
    const stored = await store.put(new Uint8Array());
    expect(stored.sha256).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect((await store.get(stored.sha256)).length).toBe(0);
  });
});
