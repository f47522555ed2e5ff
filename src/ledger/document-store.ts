import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "../core/errors.ts";

/** The outcome of storing bytes: their SHA-256 (hex), size, where they live, and whether this call wrote them. */
export type StoredDocument = { sha256: string; size: number; path: string; created: boolean };

/** A content-addressed store of document bytes; the same bytes are stored once. */
export interface DocumentStore {
  /** Store bytes (idempotent) and return their SHA-256. */
  put(bytes: Uint8Array): Promise<StoredDocument>;
  /** Store a document written a piece at a time (a large report), hashing as it goes; idempotent like put. */
  putStream(pieces: AsyncIterable<string | Uint8Array>): Promise<StoredDocument>;
  /** The bytes stored under a SHA-256; NOT_FOUND when absent, INTERNAL when the stored file no longer matches its hash. */
  get(sha256: string): Promise<Buffer>;
  /** Whether bytes with this SHA-256 are stored. */
  has(sha256: string): Promise<boolean>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Where a Clearway home keeps archived documents. */
export function documentsDir(home: string): string {
  return path.join(home, "documents");
}

/** SHA-256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The relative path of a document under the store root: ab/cd/<sha256>. */
export function documentPath(sha256: string): string {
  return path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** A document store on the local file system: root/ab/cd/<sha256>, written atomically (temp file, fsync, rename). */
export function fileDocumentStore(root: string): DocumentStore {
  const fileOf = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new AppError("BAD_REQUEST", `"${sha256}" is not a SHA-256 (64 lower-case hex digits)`);
    return path.join(root, documentPath(sha256));
  };
  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const file = fileOf(sha256);
      const stored = { sha256, size: bytes.byteLength, path: file };
      if (await exists(file)) return { ...stored, created: false };
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temp = path.join(path.dirname(file), `.${sha256}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
      const handle = await fs.open(temp, "wx", 0o444);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      // rename() replaces atomically; a concurrent writer of the same bytes produced an identical file.
      await fs.rename(temp, file);
      await syncDir(path.dirname(file));
      return { ...stored, created: true };
    },
    async putStream(pieces) {
      const incoming = path.join(root, ".incoming");
      await fs.mkdir(incoming, { recursive: true });
      const temp = path.join(incoming, `${process.pid}.${randomBytes(8).toString("hex")}.tmp`);
      const hash = createHash("sha256");
      let size = 0;
      const handle = await fs.open(temp, "wx", 0o444);
      try {
        for await (const piece of pieces) {
          const bytes = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
          hash.update(bytes);
          size += bytes.byteLength;
          for (let done = 0; done < bytes.byteLength; ) done += (await handle.write(bytes, done, bytes.byteLength - done)).bytesWritten;
        }
        await handle.sync();
      } catch (error) {
        await handle.close();
        await fs.rm(temp, { force: true });
        throw error;
      }
      await handle.close();
      const sha256 = hash.digest("hex");
      const file = fileOf(sha256);
      const stored = { sha256, size, path: file };
      if (await exists(file)) {
        await fs.rm(temp, { force: true });
        return { ...stored, created: false };
      }
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.rename(temp, file);
      await syncDir(path.dirname(file));
      return { ...stored, created: true };
    },
    async get(sha256) {
      const file = fileOf(sha256);
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("NOT_FOUND", `No stored document with SHA-256 ${sha256}`);
        throw error;
      }
      const actual = sha256Hex(bytes);
      if (actual !== sha256) throw new AppError("INTERNAL", `The stored document ${sha256} has been altered on disk (its bytes now hash to ${actual})`);
      return bytes;
    },
    has: async (sha256) => exists(fileOf(sha256)),
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, "r");
  try {
    await handle.sync();
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  } finally {
    await handle.close();
  }
}
