import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { openDb } from "../db/connection.ts";
import { TEST_POSTGRES_URL } from "../db/test-db.ts";

const BIN = path.resolve(import.meta.dirname, "../../bin/clearway.js");

/** Run the real clearway binary as a user would, with the given environment (DATABASE_URL cleared unless env sets it). */
export function runClearway(args: string[], env: Record<string, string>, options: { cwd?: string; timeout?: number } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: "", ...env }, encoding: "utf8", timeout: options.timeout ?? 300_000, cwd: options.cwd });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Give a CLI test its own schema on the PostgreSQL server and point env.DATABASE_URL at it; returns the function that drops it. */
export async function useTestSchema(env: Record<string, string>, prefix: string): Promise<() => Promise<void>> {
  const schema = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = await openDb({ url: TEST_POSTGRES_URL });
  await admin.exec(`create schema ${schema}`);
  await admin.close();
  env.DATABASE_URL = `${TEST_POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
  return async () => {
    const cleanup = await openDb({ url: TEST_POSTGRES_URL });
    await cleanup.exec(`drop schema ${schema} cascade`);
    await cleanup.close();
  };
}
