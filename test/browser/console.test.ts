import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/db/connection.ts";
import { TEST_DATA_DIR, TEST_DB_KINDS, TEST_POSTGRES_URL } from "../../src/db/test-db.ts";

const BIN = path.resolve(import.meta.dirname, "../../bin/clearway.js");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Start the real server the way a user does, and wait until it answers. */
async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; log: () => string }> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, [BIN, "start"], { env: { ...process.env, DATABASE_URL: "", ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { url, child, log: () => output };
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not start: ${output}`);
}

describe.each(TEST_DB_KINDS)("console in Chromium on %s", (kind) => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  const schema = `cw_web_${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    const env: Record<string, string> = { CLEARWAY_HOME: fs.mkdtempSync(path.join(os.tmpdir(), "cw-web-")), CLEARWAY_DATA_DIR: TEST_DATA_DIR };
    if (kind === "postgres") {
      const admin = await openDb({ url: TEST_POSTGRES_URL });
      await admin.exec(`create schema ${schema}`);
      await admin.close();
      env.DATABASE_URL = `${TEST_POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
    }
    server = await startServer(env);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = await (await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    server?.child.kill("SIGTERM");
    if (kind === "postgres") {
      const admin = await openDb({ url: TEST_POSTGRES_URL });
      await admin.exec(`drop schema if exists ${schema} cascade`);
      await admin.close();
    }
  });

  it("searches the tariff browser and opens a result", async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/tariff/);
    await page.getByTestId("tariff-search-input").fill("lithium-ion batteries");
    await page.getByTestId("tariff-search-input").press("Enter");
    const first = page.getByTestId("tariff-result-row").first();
    await expect.poll(() => first.textContent(), { timeout: 15_000 }).toContain("8507.60.00");
    await first.click();
    const detail = page.getByTestId("tariff-detail");
    await expect.poll(() => detail.textContent(), { timeout: 15_000 }).toContain("Lithium-ion batteries");
    expect(await page.getByTestId("tariff-detail-code").textContent()).toContain("8507.60.00");
  });

  it("shows inherited rates and the children of a line", async () => {
    await page.goto(`${server.url}/tariff/8467.21.00.10`);
    const rates = page.getByTestId("tariff-rates");
    await expect.poll(() => rates.textContent(), { timeout: 15_000 }).toContain("1.7%");
    expect(await rates.textContent()).toContain("8467.21.00");
    await page.goto(`${server.url}/tariff/0101`);
    await expect.poll(() => page.getByTestId("tariff-children").textContent(), { timeout: 15_000 }).toContain("Horses:");
  });

  it("switches to Chinese, keeps it across pages, and searches in Chinese", async () => {
    await page.goto(`${server.url}/tariff`);
    await page.getByTestId("lang-switch").getByText("中文").click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toMatch(/^zh/);
    await page.goto(`${server.url}/status`);
    await expect.poll(() => page.getByTestId("status-page").textContent(), { timeout: 15_000 }).toContain("19,856");
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^zh/);
    await page.goto(`${server.url}/tariff?q=${encodeURIComponent("电钻")}`);
    await page.getByTestId("tariff-search-input").fill("电钻");
    await page.getByTestId("tariff-search-input").press("Enter");
    await expect.poll(() => page.getByTestId("tariff-interpreted-as").textContent(), { timeout: 15_000 }).toContain("drills");
    expect(await page.getByTestId("tariff-result-row").count()).toBeGreaterThan(0);
  });

  it("shows a malformed code's error and an unknown code's suggestions", async () => {
    await page.goto(`${server.url}/tariff/8467.29.99`);
    await expect.poll(() => page.getByTestId("error-suggestions").textContent(), { timeout: 15_000 }).toContain("8467.29.00");
  });
});
