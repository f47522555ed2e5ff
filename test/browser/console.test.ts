import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/db/connection.ts";
import { TEST_DATA_DIR, TEST_DB_KINDS, TEST_POSTGRES_URL } from "../../src/db/test-db.ts";
import { sha256Hex } from "../../src/ledger/document-store.ts";
import { parseVerifierKey } from "../../src/ledger/signed-note.ts";
import { verifyBundle } from "../../src/ledger/verify-bundle.ts";

const BIN = path.resolve(import.meta.dirname, "../../bin/clearway.js");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ADMIN_EMAIL = "admin@example.com";
const ADMIN_PASSWORD = "Clearway-Test-16";
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/catalog");
const MANIFESTS = path.resolve(import.meta.dirname, "../../examples/manifests");
const SCREENING_FIXTURES = path.resolve(import.meta.dirname, "../fixtures/screening");

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
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, child, log: () => output };
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not start: ${output}`);
}

/** Sign in through the page, the way a user does. */
async function signInThroughPage(page: Page, email: string, password: string): Promise<void> {
  await page.getByTestId("signin-email").fill(email);
  await page.getByTestId("signin-password").fill(password);
  await page.getByTestId("signin-submit").click();
}

describe.each(TEST_DB_KINDS)("console in Chromium on %s", (kind) => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let apiKeySecret = "";
  /** The screening run the screening tests upload, edit and re-run. */
  let screeningRunId = "";
  const schema = `cw_web_${randomBytes(4).toString("hex")}`;
  /** A fresh browser context: no cookies, no stored language. */
  const newContext = () => browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } });

  beforeAll(async () => {
    const env: Record<string, string> = {
      CLEARWAY_HOME: fs.mkdtempSync(path.join(os.tmpdir(), "cw-web-")),
      CLEARWAY_DATA_DIR: TEST_DATA_DIR,
      CLEARWAY_ADMIN_EMAIL: ADMIN_EMAIL,
      CLEARWAY_ADMIN_PASSWORD: ADMIN_PASSWORD,
    };
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
    context = await newContext();
    page = await context.newPage();
    await page.goto(`${server.url}/status`);
    await page.waitForURL(/\/sign-in\?next=%2Fstatus$/);
    await signInThroughPage(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL(/\/status$/);
    await page.getByTestId("user-menu").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("user-menu").textContent()).toContain(ADMIN_EMAIL);
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

  it("refuses a wrong password with a bilingual message and opens no session", async () => {
    const other = await newContext();
    const signIn = await other.newPage();
    await signIn.goto(`${server.url}/admin/members`);
    await signIn.waitForURL(/\/sign-in\?next=%2Fadmin%2Fmembers$/);
    await signInThroughPage(signIn, ADMIN_EMAIL, "not-the-password");
    const error = signIn.getByTestId("signin-error");
    await expect.poll(() => error.textContent(), { timeout: 15_000 }).toContain("Wrong email or password.");
    expect(await error.getAttribute("data-error-code")).toBe("AUTH_FAILED");
    await signIn.getByTestId("lang-switch").getByText("中文").click();
    await expect.poll(() => error.textContent()).toContain("邮箱或密码错误。");
    expect(signIn.url()).toContain("/sign-in");
    expect((await other.cookies()).some((cookie) => cookie.name === "cw_session")).toBe(false);
    expect(await signIn.evaluate(() => fetch("/api/auth/me").then((r) => r.status))).toBe(401);
    await other.close();
  });

  it("lets an admin create an API key, shows its secret once, and the key works", async () => {
    await page.goto(`${server.url}/admin/api-keys`);
    await page.getByTestId("apikey-create").click();
    await page.getByTestId("apikey-name").fill("ci-robot");
    await page.getByTestId("apikey-role").click();
    await page.getByRole("option", { name: /^(Declarant|申报员)/ }).click();
    await page.getByTestId("apikey-submit").click();
    const secret = page.getByTestId("apikey-secret");
    await expect.poll(() => secret.textContent(), { timeout: 15_000 }).toMatch(/^cwk_key_[0-9a-z]+\.\S{20,}$/);
    apiKeySecret = ((await secret.textContent()) ?? "").trim();

    const withKey = await fetch(`${server.url}/api/tariff/lookup/8467`, { headers: { authorization: `Bearer ${apiKeySecret}` } });
    expect(withKey.status).toBe(200);
    expect(JSON.stringify(await withKey.json())).toContain("8467");
    expect((await fetch(`${server.url}/api/tariff/lookup/8467`)).status).toBe(401);

    await page.getByTestId("apikey-done").click();
    await expect.poll(() => secret.count()).toBe(0);
    const row = page.locator('[data-testid="apikey-row"][data-name="ci-robot"]');
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId("apikeys-table").textContent()).not.toContain(apiKeySecret.split(".")[1]);
    expect(await row.textContent()).toMatch(/Declarant|申报员/);
    await page.reload();
    await expect.poll(() => row.getByTestId("apikey-last-used").textContent(), { timeout: 15_000 }).not.toMatch(/never|从未/);
  });

  it("revokes an API key after confirmation, and the key stops working", async () => {
    await page.goto(`${server.url}/admin/api-keys`);
    const row = page.locator('[data-testid="apikey-row"][data-name="ci-robot"]');
    await row.getByTestId("apikey-revoke").click();
    await page.getByTestId("apikey-revoke-dialog-confirm").click();
    await expect.poll(() => row.getAttribute("data-revoked"), { timeout: 15_000 }).toBe("true");
    const refused = await fetch(`${server.url}/api/tariff/lookup/8467`, { headers: { authorization: `Bearer ${apiKeySecret}` } });
    expect(refused.status).toBe(401);
  });

  it("lists sign-ins and key changes in the audit trail, with filters, details and export", async () => {
    await page.goto(`${server.url}/admin/audit`);
    const table = page.getByTestId("audit-table");
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain("apikey.create");
    const actions = await page.getByTestId("audit-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-action")));
    expect(actions).toContain("auth.sign_in");
    expect(actions).toContain("auth.sign_in_failed");
    expect(actions[0]).toBe("apikey.revoke");

    await page.locator('[data-testid="audit-row"][data-action="apikey.create"]').click();
    await expect.poll(() => page.getByTestId("audit-after").textContent()).toContain("ci-robot");

    await page.getByTestId("audit-filter-action").fill("auth.");
    await page.getByTestId("audit-filter-apply").click();
    await page.waitForURL(/action=auth\./);
    // While the filtered page loads the table is empty, which would pass a bare "no apikey.create" check: wait for rows, all auth.
    const actionsShown = () => page.getByTestId("audit-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-action") ?? ""));
    await expect
      .poll(
        async () => {
          const shown = await actionsShown();
          return shown.length > 0 && shown.every((action) => action.startsWith("auth."));
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const filtered = await actionsShown();
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((action) => action.startsWith("auth."))).toBe(true);

    const csvHref = await page.getByTestId("audit-export-csv").getAttribute("href");
    expect(csvHref).toContain("format=csv");
    const csv = await page.request.get(`${server.url}${csvHref}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.split("\n")[0]).toContain("action");
    expect(text).toContain("auth.sign_in");
    expect(text).not.toContain("apikey.create");
  });

  it("adds a member with a one-time password; that member signs in and sees no administration", async () => {
    await page.goto(`${server.url}/admin/members`);
    await expect.poll(() => page.getByTestId("members-table").textContent(), { timeout: 15_000 }).toContain(ADMIN_EMAIL);
    await page.getByTestId("member-add").click();
    await page.getByTestId("member-email").fill("declarant@example.com");
    await page.getByTestId("member-add-submit").click();
    const password = page.getByTestId("member-initial-password");
    await expect.poll(() => password.textContent(), { timeout: 15_000 }).toMatch(/\S{10,}/);
    const initialPassword = ((await password.textContent()) ?? "").trim();
    await page.getByTestId("member-add-done").click();
    await expect.poll(() => page.getByTestId("members-table").textContent(), { timeout: 15_000 }).toContain("declarant@example.com");

    const other = await newContext();
    const declarant = await other.newPage();
    await declarant.goto(`${server.url}/admin/members`);
    await signInThroughPage(declarant, "declarant@example.com", initialPassword);
    await declarant.waitForURL(/\/admin\/members$/);
    await expect.poll(() => declarant.getByTestId("page-forbidden").count(), { timeout: 15_000 }).toBe(1);
    expect(await declarant.getByTestId("nav-members").count()).toBe(0);
    expect(await declarant.getByTestId("nav-audit").count()).toBe(0);
    expect(await declarant.getByTestId("user-menu").textContent()).toContain("declarant@example.com");
    await other.close();
  });

  it("imports a catalogue through the wizard: a bad file's errors first, then a clean file", async () => {
    await page.goto(`${server.url}/catalog/import`);
    await page.getByTestId("lang-switch").getByText("EN").click();
    await page.getByTestId("import-file-input").setInputFiles(path.join(FIXTURES, "products-bad.csv"));
    const row3 = page.locator('[data-testid="import-error-row"][data-row="3"]');
    await expect.poll(() => row3.textContent(), { timeout: 30_000 }).toContain("net weight 2.5 kg exceeds gross weight 1 kg");
    expect(await row3.textContent()).toContain("Net weight (kg)");
    expect(await page.getByTestId("import-count-invalid").getAttribute("data-value")).toBe("8");
    expect(await page.getByTestId("import-commit").isDisabled()).toBe(true);
    expect(await page.getByTestId("import-commit-valid").isEnabled()).toBe(true);
    expect(await page.getByTestId("import-encoding").textContent()).toBe("UTF-8");

    await page.getByTestId("import-file-input").setInputFiles(path.join(FIXTURES, "products-en.csv"));
    await expect.poll(() => page.getByTestId("import-file-name").textContent(), { timeout: 30_000 }).toBe("products-en.csv");
    await expect.poll(() => page.getByTestId("import-count-valid").getAttribute("data-value"), { timeout: 30_000 }).toBe("4");
    expect(await page.getByTestId("import-count-create").getAttribute("data-value")).toBe("4");
    expect(await page.getByTestId("import-no-errors").count()).toBe(1);
    await page.getByTestId("import-commit").click();
    await expect.poll(() => page.getByTestId("import-result-counts").textContent(), { timeout: 30_000 }).toContain("4 products created");

    await page.getByTestId("import-open-list").click();
    await page.waitForURL(/\/catalog$/);
    await expect.poll(() => page.getByTestId("product-row").count(), { timeout: 15_000 }).toBe(4);
    expect(await page.getByTestId("catalog-total").getAttribute("data-total")).toBe("4");
    const drill = page.locator('[data-testid="product-row"][data-sku="CW-DR-002"]');
    expect(await drill.textContent()).toContain("US 8467.21.00.10");
  });

  it("opens a product with its codes and regulated attributes, and shows the server's refusal of a wrong code", async () => {
    await page.goto(`${server.url}/catalog`);
    await page.locator('[data-testid="product-row"][data-sku="CW-DR-002"]').getByTestId("product-link").click();
    await page.waitForURL(/\/catalog\/products\/prd_/);
    const us = page.locator('[data-testid="classification-current"][data-market="us"]');
    await expect.poll(() => us.getByTestId("classification-code").textContent(), { timeout: 15_000 }).toBe("8467.21.00.10");
    expect(await us.getByTestId("classification-code").getAttribute("href")).toBe("/tariff/8467.21.00.10");
    expect(await page.getByTestId("product-regulated").textContent()).toContain("contains lithium battery");

    const form = page.getByTestId("classification-form");
    await form.getByTestId("classification-market").click();
    await page.getByRole("option", { name: /^International/ }).click();
    await form.getByTestId("classification-code-input").fill("1234.56");
    await form.getByTestId("classification-rationale-input").fill("A test of a code that does not exist");
    await form.getByTestId("classification-submit").click();
    await expect.poll(() => form.getByTestId("api-error").textContent(), { timeout: 15_000 }).toContain("123456 is not a subheading of HS2022");
    expect(await page.getByTestId("classification-history-row").count()).toBe(2);
  });

  it("exports the catalogue as CSV", async () => {
    await page.goto(`${server.url}/catalog`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("catalog-export-csv").click()]);
    expect(download.suggestedFilename()).toBe("products.csv");
    const text = fs.readFileSync(await download.path(), "utf8");
    const [header, ...lines] = text.trim().split(/\r?\n/);
    expect(header).toContain("SKU");
    expect(lines.length).toBe(4);
    expect(text).toContain("CW-DR-002");
  });

  it("edits a product's regulated attributes — a 99 Wh lithium-ion pack packed with equipment — and keeps them after a reload", async () => {
    await page.goto(`${server.url}/catalog`);
    await page.locator('[data-testid="product-row"][data-sku="CW-MG-004"]').getByTestId("product-link").click();
    await page.waitForURL(/\/catalog\/products\/prd_/);
    await page.getByTestId("product-edit").click();
    const form = page.getByTestId("product-edit-form");
    await form.waitFor({ timeout: 15_000 });
    expect(await form.getByTestId("edit-reg-contains_battery").getAttribute("data-value")).toBe("no");
    expect(await form.getByTestId("edit-battery-details").count()).toBe(0);
    await form.getByTestId("edit-reg-contains_battery-yes").click();
    await form.getByTestId("edit-reg-battery_form-pack").click();
    await form.getByTestId("edit-reg-battery_chemistry-lithium_ion").click();
    await form.getByTestId("edit-reg-battery_packing-with_equipment").click();
    // Saying "no" hides the details (and would drop them); saying "yes" again brings back what was chosen.
    await form.getByTestId("edit-reg-contains_battery-no").click();
    await expect.poll(() => form.getByTestId("edit-battery-details").count()).toBe(0);
    await form.getByTestId("edit-reg-contains_battery-yes").click();
    expect(await form.getByTestId("edit-reg-battery_form").getAttribute("data-value")).toBe("pack");

    // The server checks the range and its refusal shows at the field.
    await form.getByTestId("edit-reg-battery_wh").fill("250000");
    await form.getByTestId("product-save").click();
    await expect.poll(() => form.getByTestId("edit-reg-battery_wh-error").textContent(), { timeout: 15_000 }).toBe("must be at most 100000 Wh");
    await form.getByTestId("edit-reg-battery_wh").fill("99");
    expect(await form.getByTestId("edit-reg-battery_wh-error").count()).toBe(0);
    await form.getByTestId("product-save").click();
    await page.getByTestId("product-saved").waitFor({ timeout: 15_000 });

    const badges = async () => Object.fromEntries(await page.getByTestId("regulated-badge").evaluateAll((all) => all.map((b) => [b.getAttribute("data-key"), b.textContent])));
    const expected = {
      contains_battery: "contains lithium battery · 99 Wh",
      battery_form: "battery pack",
      battery_chemistry: "lithium-ion",
      battery_packing: "packed with equipment",
    };
    await expect.poll(badges, { timeout: 15_000 }).toMatchObject(expected);
    await page.reload();
    await expect.poll(badges, { timeout: 15_000 }).toMatchObject(expected);
    await page.getByTestId("product-edit").click();
    expect(await form.getByTestId("edit-reg-battery_form").getAttribute("data-value")).toBe("pack");
    expect(await form.getByTestId("edit-reg-battery_chemistry").getAttribute("data-value")).toBe("lithium_ion");
    expect(await form.getByTestId("edit-reg-battery_packing").getAttribute("data-value")).toBe("with_equipment");
    expect(await form.getByTestId("edit-reg-battery_wh").inputValue()).toBe("99");
    const product = await page.evaluate(() => fetch("/api/catalog/products/CW-MG-004").then((r) => r.json()));
    expect(product.product.regulated).toEqual({
      contains_battery: true,
      battery_form: "pack",
      battery_chemistry: "lithium_ion",
      battery_packing: "with_equipment",
      battery_wh: 99,
    });
  });

  it("imports through the wizard with the market chosen for 10-digit HS codes, and the codes land under that market", async () => {
    await page.goto(`${server.url}/catalog/import`);
    await page.getByTestId("import-file-input").setInputFiles(path.join(FIXTURES, "products-cn-codes.csv"));
    await expect.poll(() => page.getByTestId("import-count-invalid").getAttribute("data-value"), { timeout: 30_000 }).toBe("2");
    expect(await page.getByTestId("import-market").getAttribute("data-value")).toBe("us");
    expect(await page.locator('[data-testid="import-error-row"][data-row="2"]').textContent()).toContain("8518300000 is not a line of the loaded US HTS edition");

    await page.getByTestId("import-market-cn").click();
    await expect.poll(() => page.getByTestId("import-market").getAttribute("data-value")).toBe("cn");
    await expect.poll(() => page.getByTestId("import-count-valid").getAttribute("data-value"), { timeout: 30_000 }).toBe("2");
    expect(await page.getByTestId("import-no-errors").count()).toBe(1);
    await page.getByTestId("import-commit").click();
    await expect.poll(() => page.getByTestId("import-result-counts").textContent(), { timeout: 30_000 }).toContain("2 products created");

    await page.goto(`${server.url}/catalog/products/CW-CN-102`);
    const cn = page.locator('[data-testid="classification-current"][data-market="cn"]');
    await expect.poll(() => cn.getByTestId("classification-code").textContent(), { timeout: 15_000 }).toBe("8467210000");
    expect(await page.locator('[data-testid="classification-current"][data-market="hs"]').getByTestId("classification-code").textContent()).toBe("8467.21");
    expect(await page.locator('[data-testid="classification-current"][data-market="us"]').getByTestId("classification-code").count()).toBe(0);
  });

  it("exports only the products the filters select", async () => {
    const exportedSkus = async (format: "csv") => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`catalog-export-${format}`).click()]);
      return fs
        .readFileSync(await download.path(), "utf8")
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(",")[0]);
    };
    const shownSkus = () => page.getByTestId("product-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-sku")));
    await page.goto(`${server.url}/catalog`);
    await expect.poll(() => page.getByTestId("catalog-total").getAttribute("data-total"), { timeout: 15_000 }).toBe("6");

    await page.getByTestId("product-filter-tag").fill("battery");
    await page.getByTestId("product-search-submit").click();
    await page.waitForURL(/tag=battery/);
    await expect.poll(shownSkus, { timeout: 15_000 }).toEqual(["CW-DR-002", "CW-EB-003"]);
    expect(await page.getByTestId("catalog-export-csv").getAttribute("data-filtered")).toBe("true");
    expect(await exportedSkus("csv")).toEqual(["CW-DR-002", "CW-EB-003"]);

    await page.getByTestId("product-search").fill("earbuds");
    await page.getByTestId("product-search-submit").click();
    await page.waitForURL(/q=earbuds/);
    await expect.poll(shownSkus, { timeout: 15_000 }).toEqual(["CW-EB-003"]);
    expect(await exportedSkus("csv")).toEqual(["CW-EB-003"]);

    await page.getByTestId("product-filter-clear").click();
    await page.waitForURL(/\/catalog$/);
    await expect.poll(() => page.getByTestId("product-search").inputValue()).toBe("");
    await page.getByTestId("product-filter-unclassified").check();
    await page.waitForURL(/unclassified=us/);
    await expect.poll(shownSkus, { timeout: 15_000 }).toEqual(["CW-CN-101", "CW-CN-102"]);
    expect(await exportedSkus("csv")).toEqual(["CW-CN-101", "CW-CN-102"]);
    const xlsx = await page.getByTestId("catalog-export-xlsx").getAttribute("href");
    expect(xlsx).toBe("/api/catalog/export?unclassified=us&format=xlsx");
    const workbook = await page.request.get(`${server.url}${xlsx}`);
    expect(workbook.headers()["content-type"]).toContain("spreadsheetml");
  });

  it("screens a manifest: a bad file's refusal first, then a lane's file in the background, to its summary and findings", async () => {
    await page.goto(`${server.url}/tariff`);
    await page.getByTestId("nav-screening").click();
    await page.waitForURL(/\/screenings$/);
    await page.getByTestId("screening-lane-us-import").click();
    await expect.poll(() => page.getByTestId("screening-lane").getAttribute("data-value")).toBe("us-import");

    await page.getByTestId("screening-file-input").setInputFiles(path.join(SCREENING_FIXTURES, "ceb-malformed.xml"));
    await page.getByTestId("screening-submit").click();
    const refusal = page.getByTestId("screening-file-error");
    await expect.poll(() => refusal.getAttribute("data-error-code"), { timeout: 30_000 }).toBe("IMPORT_UNREADABLE");
    expect(await refusal.textContent()).toContain("not well-formed XML");
    expect(page.url()).toMatch(/\/screenings$/);

    await page.getByTestId("screening-file-input").setInputFiles(path.join(MANIFESTS, "us-import.csv"));
    await expect.poll(() => page.getByTestId("screening-file-name").textContent()).toBe("us-import.csv");
    expect(await refusal.count()).toBe(0);
    await page.getByTestId("screening-background").check();
    await page.getByTestId("screening-submit").click();
    await page.waitForURL(/\/screenings\/scr_[0-9a-z]+$/, { timeout: 60_000 });
    screeningRunId = new URL(page.url()).pathname.split("/").pop() ?? "";
    const runPage = page.getByTestId("screening-run-page");
    await expect.poll(() => runPage.getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
    const blocked = Number(await page.getByTestId("screening-stat-blocked").getAttribute("data-value"));
    const orders = Number(await page.getByTestId("screening-stat-orders").getAttribute("data-value"));
    const ready = Number(await page.getByTestId("screening-stat-ready").getAttribute("data-value"));
    expect(blocked).toBeGreaterThan(0);
    expect(blocked + ready).toBe(orders);
    expect(Number(await page.getByTestId("screening-stat-lines").getAttribute("data-value"))).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="screening-bycode-row"][data-code="QTY.NOT_POSITIVE"]').count()).toBe(1);
    expect(await page.getByTestId("screening-report-csv").getAttribute("href")).toBe(`/api/screenings/${screeningRunId}/report?format=csv`);

    // The grid filtered to blocking findings: wait for rows that are all "block" (the unfiltered page shows warnings and notes too).
    await page.getByTestId("screening-filter-severity-block").click();
    await page.waitForURL(/severity=block/);
    const severities = () => page.getByTestId("screening-finding-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-severity") ?? ""));
    await expect
      .poll(
        async () => {
          const shown = await severities();
          return shown.length > 0 && shown.every((severity) => severity === "block");
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const total = Number(await page.getByTestId("screening-findings-total").getAttribute("data-total"));
    expect(total).toBe(Number(await page.getByTestId("screening-stat-block").getAttribute("data-value")));

    await page.goto(`${server.url}/screenings`);
    const row = page.locator(`[data-testid="screening-run-row"][data-id="${screeningRunId}"]`);
    await expect.poll(() => row.getAttribute("data-status"), { timeout: 15_000 }).toBe("done");
    expect(await row.textContent()).toContain("us-import.csv");
    expect(Number(await row.getByTestId("screening-run-blocked").textContent())).toBe(blocked);
  });

  it("opens a line from a finding and saves an edit of its quantity", async () => {
    await page.goto(`${server.url}/screenings/${screeningRunId}?severity=block`);
    const finding = page.locator('[data-testid="screening-finding-row"][data-code="QTY.NOT_POSITIVE"]');
    await finding.waitFor({ timeout: 15_000 });
    const line = await finding.getAttribute("data-line");
    await finding.click();
    await page.waitForURL(new RegExp(`line=${line}`));
    const drawer = page.locator(`[data-testid="screening-line"][data-line="${line}"][data-loaded="true"]`);
    await drawer.waitFor({ timeout: 15_000 });
    expect(await drawer.locator('[data-testid="screening-line-finding"][data-code="QTY.NOT_POSITIVE"]').count()).toBe(1);
    expect(await drawer.getByTestId("screening-line-hs-source").textContent()).toContain("the manifest line");
    const qty = drawer.getByTestId("screening-line-value-qty");
    expect(await qty.inputValue()).toBe("0");
    expect(await drawer.getByText("Quantity", { exact: true }).count()).toBeGreaterThan(0);

    await qty.fill("10");
    await drawer.getByTestId("screening-line-save").click();
    await drawer.getByTestId("screening-line-saved").waitFor({ timeout: 15_000 });
    await expect.poll(() => drawer.getByTestId("screening-line-value-qty").inputValue()).toBe("10");
    expect(await drawer.getByTestId("screening-line-edited").count()).toBe(1);
    await expect.poll(() => page.getByTestId("screening-rerun-note").getAttribute("data-edits"), { timeout: 15_000 }).toBe("1");
  });

  it("re-runs the edited screening and opens the new run when it is done", async () => {
    await page.goto(`${server.url}/screenings/${screeningRunId}`);
    await page.getByTestId("screening-rerun-note").waitFor({ timeout: 15_000 });
    await page.getByTestId("screening-rerun").click();
    // The page polls the new run and opens it once it is done; a failed re-run stays here and says why.
    const failed = page.getByTestId("screening-rerun-failed");
    await expect.poll(async () => (await failed.count()) > 0 || !page.url().includes(screeningRunId), { timeout: 60_000 }).toBe(true);
    expect((await failed.count()) ? await failed.textContent() : "").toBe("");
    expect(page.url()).toMatch(/\/screenings\/scr_[0-9a-z]+$/);
    const runPage = page.getByTestId("screening-run-page");
    await expect.poll(() => runPage.getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
    expect(await page.getByTestId("screening-run-rerun-of").getAttribute("href")).toBe(`/screenings/${screeningRunId}`);
    await page.getByTestId("screening-bycode-row").first().waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="screening-bycode-row"][data-code="QTY.NOT_POSITIVE"]').count()).toBe(0);
    expect(await page.getByTestId("screening-rerun-note").count()).toBe(0);
  });

  it("lists the screening rules by lane, with the rule packs", async () => {
    await page.goto(`${server.url}/screenings`);
    await page.getByTestId("screening-tab-rules").click();
    await page.waitForURL(/\/screenings\/rules$/);
    const required = page.locator('[data-testid="screening-rule-row"][data-code="FORMAT.REQUIRED_MISSING"]');
    await expect.poll(() => required.textContent(), { timeout: 15_000 }).toContain("Required field missing");
    expect(await required.getAttribute("data-severity")).toBe("block");
    const all = Number(await page.getByTestId("screening-rules-count").getAttribute("data-count"));

    await page.getByTestId("screening-rules-lane-cn-import").click();
    await page.waitForURL(/lane=cn-import/);
    await expect
      .poll(() => page.locator('[data-testid="screening-pack-row"]').evaluateAll((rows) => rows.map((row) => row.getAttribute("data-pack"))), { timeout: 15_000 })
      .toEqual(["cn-import@2019.1"]);
    expect(await page.locator('[data-testid="screening-rule-row"][data-code="CN_IMPORT.SINGLE_LIMIT"]').count()).toBe(1);
    expect(await required.count()).toBe(1);
    expect(Number(await page.getByTestId("screening-rules-count").getAttribute("data-count"))).toBeLessThan(all);
  });

  it("archives an invoice through the evidence page, shows its SHA-256, and downloads a bundle that verifies offline", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-web-evidence-"));
    const invoice = Buffer.from("%PDF-1.7\nCommercial invoice INV-7001, 120 cartons of ceramic mugs, USD 2,880.00\n");
    const invoiceFile = path.join(dir, "INV-7001.pdf");
    fs.writeFileSync(invoiceFile, invoice);
    await page.goto(`${server.url}/tariff`);
    await page.getByTestId("nav-evidence").click();
    await page.waitForURL(/\/evidence$/);
    await page.getByTestId("evidence-file-input").setInputFiles(invoiceFile);
    await expect.poll(() => page.getByTestId("evidence-file-name").textContent()).toBe("INV-7001.pdf");
    await page.getByTestId("evidence-type").click();
    await page.getByRole("option", { name: "Commercial invoice", exact: true }).click();
    await page.getByTestId("evidence-subject-type").click();
    await page.getByRole("option", { name: "Order", exact: true }).click();
    await page.getByTestId("evidence-subject-id").fill("SO-7001");
    await page.getByTestId("evidence-submit").click();

    const result = page.getByTestId("evidence-result");
    await expect.poll(() => result.getAttribute("data-sha256"), { timeout: 15_000 }).toBe(sha256Hex(invoice));
    expect(await page.getByTestId("evidence-result-sha256").textContent()).toBe(sha256Hex(invoice));
    expect(await result.getAttribute("data-duplicate")).toBe("false");
    const seq = Number(await result.getAttribute("data-seq"));
    expect(await page.getByTestId("evidence-result-timeline").getAttribute("href")).toBe("/traceability?type=order&id=SO-7001");
    const row = page.locator(`[data-testid="evidence-document-row"][data-sha256="${sha256Hex(invoice)}"]`);
    await expect.poll(() => row.getAttribute("data-type"), { timeout: 15_000 }).toBe("invoice");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("evidence-result-bundle").click()]);
    expect(download.suggestedFilename()).toBe(`evidence-${seq}.json`);
    const bundle = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
    const keys = (await (await fetch(`${server.url}/api/ledger/public-keys`)).json()) as { keys: { vkey: string }[] };
    const pinned = keys.keys.map((key) => parseVerifierKey(key.vkey));
    expect(verifyBundle(bundle, { documentBytes: invoice, trustedKeys: pinned })).toMatchObject({
      valid: true,
      seq,
      kind: "document.archived",
      documentChecked: true,
      keySource: "trusted",
    });
    expect(verifyBundle(bundle, { documentBytes: Buffer.from(invoice.toString().replace("2,880.00", "1,880.00")) })).toMatchObject({
      valid: false,
      failure: "document_hash_mismatch",
    });
    // The export signed a checkpoint covering the entry; the panel shows it after its refresh.
    await expect.poll(async () => Number(await page.getByTestId("evidence-checkpoint-body").getAttribute("data-size")), { timeout: 15_000 }).toBeGreaterThan(seq);
    expect(await page.getByTestId("evidence-key-vkey").textContent()).toMatch(/^clearway\.local\/ledger\/\w+\+[0-9a-f]{8}\+\S+$/);

    await page.getByTestId("evidence-file-input").setInputFiles(invoiceFile);
    await page.getByTestId("evidence-submit").click();
    await expect.poll(() => result.getAttribute("data-duplicate"), { timeout: 15_000 }).toBe("true");
    expect(await result.getAttribute("data-seq")).toBe(String(seq));
  });

  it("shows the order's timeline with each entry's proof: pending until a checkpoint covers it, then verified", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-web-evidence-"));
    const packingList = Buffer.from("Packing list PL-7001: 120 cartons, 960 kg gross\n");
    fs.writeFileSync(path.join(dir, "PL-7001.txt"), packingList);
    await page.goto(`${server.url}/evidence`);
    await page.getByTestId("evidence-file-input").setInputFiles(path.join(dir, "PL-7001.txt"));
    await page.getByTestId("evidence-type").click();
    await page.getByRole("option", { name: "Packing list", exact: true }).click();
    await page.getByTestId("evidence-subject-type").click();
    await page.getByRole("option", { name: "Order", exact: true }).click();
    await page.getByTestId("evidence-subject-id").fill("SO-7001");
    await page.getByTestId("evidence-submit").click();
    const result = page.getByTestId("evidence-result");
    await expect.poll(() => result.getAttribute("data-sha256"), { timeout: 15_000 }).toBe(sha256Hex(packingList));
    const packingSeq = Number(await result.getAttribute("data-seq"));

    // The previous test's export signed a checkpoint moments ago, and the server signs the next one a minute later: this entry waits.
    await page.getByTestId("evidence-result-timeline").click();
    await page.waitForURL(/\/traceability\?type=order&id=SO-7001$/);
    const entries = page.getByTestId("trace-entry");
    await expect.poll(() => entries.count(), { timeout: 15_000 }).toBe(2);
    const packing = page.locator(`[data-testid="trace-entry"][data-seq="${packingSeq}"]`);
    expect(await packing.getAttribute("data-status")).toBe("pending");
    expect(await packing.getByTestId("trace-proof").textContent()).toBe("pending");
    expect(await packing.getByTestId("trace-entry-kind").textContent()).toBe("Document archived");
    expect(await packing.getByTestId("trace-entry-sha256").getAttribute("data-sha256")).toBe(sha256Hex(packingList));
    const invoice = entries.first();
    expect(await invoice.getAttribute("data-kind")).toBe("document.archived");
    expect(await invoice.getAttribute("data-status")).toBe("verified");
    expect(await invoice.getByTestId("trace-proof").textContent()).toMatch(/^verified in checkpoint \d+$/);

    // Exporting the pending entry's bundle signs a checkpoint that covers it; the timeline asks again and shows it verified.
    const [download] = await Promise.all([page.waitForEvent("download"), packing.getByTestId("trace-entry-bundle").click()]);
    expect(download.suggestedFilename()).toBe(`evidence-${packingSeq}.json`);
    const bundle = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
    expect(verifyBundle(bundle, { documentBytes: packingList })).toMatchObject({ valid: true, seq: packingSeq });
    await expect.poll(() => packing.getAttribute("data-status"), { timeout: 15_000 }).toBe("verified");
    expect(Number(await packing.getByTestId("trace-proof").getAttribute("data-checkpoint"))).toBeGreaterThan(packingSeq);

    await page.getByTestId("lang-switch").getByText("中文").click();
    await expect.poll(() => packing.getByTestId("trace-entry-kind").textContent()).toBe("单证存档");
    expect(await packing.getByTestId("trace-proof").textContent()).toMatch(/^已由检查点 \d+ 证明$/);
    await page.getByTestId("lang-switch").getByText("EN").click();
  });

  it("opens a product's traceability from the product page, and an order's from a screening run's order filter", async () => {
    await page.goto(`${server.url}/catalog`);
    await page.locator('[data-testid="product-row"][data-sku="CW-DR-002"]').getByTestId("product-link").click();
    await page.waitForURL(/\/catalog\/products\/prd_/);
    await page.getByTestId("product-traceability").click();
    await page.waitForURL(/\/traceability\?type=product&id=CW-DR-002$/);
    await expect.poll(() => page.getByTestId("trace-subject").textContent(), { timeout: 15_000 }).toBe("Product CW-DR-002");
    expect(await page.getByTestId("trace-product-link").getAttribute("href")).toMatch(/^\/catalog\/products\/prd_/);

    // The product came from a catalogue import: its record links to the import's own timeline, which the form can ask for too.
    const viaImport = page.locator('[data-testid="trace-entry-via"]').filter({ hasText: "Catalogue import" }).first();
    await viaImport.getByRole("link").click();
    await page.waitForURL(/\/traceability\?type=import&id=imp_/);
    const importId = new URL(page.url()).searchParams.get("id") as string;
    await expect.poll(() => page.getByTestId("trace-entry").first().getAttribute("data-kind"), { timeout: 15_000 }).toBe("catalog.imported");
    await page.goto(`${server.url}/traceability`);
    await page.getByTestId("trace-subject-type").click();
    await page.getByRole("option", { name: "Catalogue import" }).click();
    await page.getByTestId("trace-subject-id").fill(importId);
    await page.getByTestId("trace-show").click();
    await page.waitForURL(new RegExp(`/traceability\\?type=import&id=${importId}$`));
    await expect.poll(() => page.getByTestId("trace-subject").textContent(), { timeout: 15_000 }).toBe(`Catalogue import ${importId}`);

    await page.goto(`${server.url}/screenings/${screeningRunId}?orderNo=SO-7001`);
    await page.getByTestId("screening-order-traceability").click();
    await page.waitForURL(/\/traceability\?type=order&id=SO-7001$/);
    await expect.poll(() => page.getByTestId("trace-entry").count(), { timeout: 15_000 }).toBe(2);
  });

  it("signs out to the sign-in page, and signing in again returns to the page asked for", async () => {
    await page.goto(`${server.url}/tariff`);
    await page.getByTestId("user-menu").click();
    await page.getByTestId("signout").click();
    await page.waitForURL(/\/sign-in$/);
    expect((await context.cookies()).some((cookie) => cookie.name === "cw_session" && cookie.value)).toBe(false);
    await page.goto(`${server.url}/tariff/8467`);
    await page.waitForURL(/\/sign-in\?next=%2Ftariff%2F8467$/);
    await signInThroughPage(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL(/\/tariff\/8467$/);
    await expect.poll(() => page.getByTestId("tariff-detail").textContent(), { timeout: 15_000 }).toContain("8467");
  });

  // Last, because it uses up the sign-in rate limit of this address (10 attempts a minute).
  it("says until when a locked account is locked, and when to retry after too many attempts", async () => {
    const attempt = () =>
      fetch(`${server.url}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "declarant@example.com", password: "wrong-password" }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    const other = await newContext();
    const signIn = await other.newPage();
    await signIn.goto(`${server.url}/sign-in`);
    await signInThroughPage(signIn, "declarant@example.com", "wrong-password");
    const error = signIn.getByTestId("signin-error");
    await expect.poll(() => error.getAttribute("data-error-code"), { timeout: 15_000 }).toBe("AUTH_LOCKED");
    expect(await error.textContent()).toMatch(/locked until \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M/);

    for (let i = 0; i < 12 && (await attempt()).status !== 429; i++);
    await signInThroughPage(signIn, "declarant@example.com", "wrong-password");
    await expect.poll(() => error.getAttribute("data-error-code"), { timeout: 15_000 }).toBe("RATE_LIMITED");
    expect(await error.textContent()).toMatch(/Wait \d+ s, then try again/);
    await signIn.getByTestId("lang-switch").getByText("中文").click();
    await expect.poll(() => error.textContent()).toMatch(/请等待 \d+ 秒后重试/);
    await other.close();
  });

  it("classifies on the standalone page, with confidence and reasons, and sends items to review", async () => {
    await page.goto(`${server.url}/classify`);
    await page.getByTestId("lang-switch").getByText("EN").click();
    const sendToReview = async (title: string): Promise<string> => {
      await page.getByTestId("classify-title").fill(title);
      await page.getByTestId("classify-submit").click();
      const result = page.getByTestId("classify-result");
      await expect.poll(() => result.getAttribute("data-title"), { timeout: 30_000 }).toBe(title);
      await page.getByTestId("classify-send-review").click();
      await expect.poll(() => page.getByTestId("classify-sent").textContent(), { timeout: 15_000 }).toMatch(/^Sent to review as rev_\w+\./);
      return (await page.getByTestId("classify-sent").getAttribute("data-review-id")) ?? "";
    };
    const spinner = await sendToReview("Fidget spinner toy");
    const result = page.getByTestId("classify-result");
    expect(await result.getAttribute("data-abstain")).toBe("false");
    const first = page.getByTestId("classify-candidate").first();
    expect(await first.getAttribute("data-code")).toBe("9503000090");
    expect(await first.getByTestId("candidate-confidence").textContent()).toMatch(/^\d+%$/);
    expect(await first.getByTestId("candidate-path").textContent()).toContain("95 › 9503 › 950300");
    expect(await first.getByTestId("candidate-terms").textContent()).toContain("toy");
    expect(await page.getByTestId("classify-candidate").count()).toBe(3);

    const guaSha = await sendToReview("Gua sha scraping tool");
    expect(await result.getAttribute("data-abstain")).toBe("true");
    expect(await page.getByTestId("classify-verdict").textContent()).toMatch(/^Low confidence \(\d+%\): the classifier abstains/);
    expect(spinner).not.toBe(guaSha);
    await page.getByTestId("classify-open-queue").click();
    await page.waitForURL(/\/classify\/queue$/);
    await expect.poll(() => page.locator(`[data-testid="review-item"][data-id="${guaSha}"]`).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator(`[data-testid="review-item"][data-id="${spinner}"]`).count()).toBe(1);
  });

  it("confirms and corrects from the review queue, showing the server's refusals, and the next similar item learns from it", async () => {
    await page.goto(`${server.url}/classify/queue`);
    const spinner = page.locator('[data-testid="review-item"]').filter({ hasText: "Fidget spinner toy" });
    await expect.poll(() => spinner.count(), { timeout: 15_000 }).toBe(1);
    await spinner.getByTestId("review-confirm").first().click();
    await expect.poll(() => spinner.getByTestId("review-error").textContent(), { timeout: 15_000 }).toContain("reason: say why you confirm this item.");
    await spinner.getByTestId("review-reason").fill("A fidget spinner is a toy of heading 9503, for children 3 to 12.");
    await spinner.getByTestId("review-confirm").first().click();
    await expect.poll(() => spinner.getAttribute("data-status"), { timeout: 15_000 }).toBe("confirmed");
    expect(await spinner.getByTestId("review-decision").textContent()).toContain("Confirmed: 9503.00.00.90");

    const guaSha = page.locator('[data-testid="review-item"]').filter({ hasText: "Gua sha scraping tool" });
    await guaSha.getByTestId("review-reason").fill("Jade gua sha: other articles of semiprecious stone, 7116.20.");
    await guaSha.getByTestId("review-code").fill("7116.20.99.99");
    await guaSha.getByTestId("review-correct").click();
    await expect.poll(() => guaSha.getByTestId("review-error").textContent(), { timeout: 15_000 }).toMatch(/code: 7116209999 is not a line of HTS/);
    expect(await guaSha.getAttribute("data-status")).toBe("open");
    await guaSha.getByTestId("review-code").fill("7116.20.40.00");
    await guaSha.getByTestId("review-correct").click();
    await expect.poll(() => guaSha.getAttribute("data-status"), { timeout: 15_000 }).toBe("corrected");
    expect(await guaSha.getByTestId("review-decision").textContent()).toContain("Corrected: 7116.20.40.00");
    await page.reload();
    await expect.poll(() => page.getByTestId("review-count").count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('[data-testid="review-item"]').filter({ hasText: "Gua sha scraping tool" }).count()).toBe(0);

    await page.goto(`${server.url}/classify`);
    await page.getByTestId("classify-title").fill("Gua sha scraping tool, 2 pack");
    await page.getByTestId("classify-submit").click();
    const first = page.getByTestId("classify-candidate").first();
    await expect.poll(() => first.getAttribute("data-code"), { timeout: 30_000 }).toBe("7116204000");
    expect(await first.getByTestId("candidate-precedent").first().textContent()).toMatch(/^Precedent: 7116204000 for "Gua sha scraping tool" \(\d+% similar\)$/);
    await page.getByTestId("lang-switch").getByText("中文").click();
    await expect.poll(() => page.getByTestId("classify-tab-queue").textContent()).toBe("复核队列");
    expect(await first.getByTestId("candidate-precedent").first().textContent()).toMatch(/^先例：7116204000/);
    await page.getByTestId("lang-switch").getByText("EN").click();
  });

  it('reads a listing\'s category, item specifics and price on the classify page, and points at a line that is not "Key: value"', async () => {
    await page.goto(`${server.url}/classify`);
    await page.getByTestId("lang-switch").getByText("EN").click();
    await page.getByTestId("classify-title").fill("2024 New Fashion Geometric Gift For Women");
    await page.getByTestId("classify-category").fill("Jewelry & Accessories > Fashion Jewelry");
    const specifics = page.getByTestId("classify-specifics");
    await specifics.fill("Brand Name: NoEnName_Null\nOrigin: Mainland China\nItem Type Earrings");
    await expect.poll(() => page.getByText('Line 3 is not "Key: value".').count()).toBe(1);
    expect(await page.getByTestId("classify-submit").isDisabled()).toBe(true);
    await specifics.fill("Brand Name: NoEnName_Null\nOrigin: Mainland China\nItem Type: Earrings\nMetals Type: Zinc Alloy");
    await page.getByTestId("classify-price").fill("2.99");
    await page.getByTestId("classify-submit").click();
    const first = page.getByTestId("classify-candidate").first();
    await expect.poll(() => first.getAttribute("data-code"), { timeout: 30_000 }).toBe("7117199000");
  });

  it("classifies a product on its page and confirms a candidate as its code", async () => {
    await page.goto(`${server.url}/catalog`);
    await page.locator('[data-testid="product-row"][data-sku="CW-MG-004"]').getByTestId("product-link").click();
    await page.waitForURL(/\/catalog\/products\/prd_/);
    const box = page.getByTestId("product-classify-box");
    await box.getByTestId("product-classify-market").getByText("HS").click();
    await box.getByTestId("product-classify-run").click();
    const first = box.getByTestId("classify-candidate").first();
    await expect.poll(() => first.getAttribute("data-code"), { timeout: 30_000 }).toBe("961700");
    await first.getByTestId("product-classify-pick").click();
    await box.getByTestId("product-classify-rationale").fill("Vacuum flask: heading 9617, complete with its case.");
    await box.getByTestId("product-classify-confirm").click();
    await expect.poll(() => box.getByTestId("product-classify-confirmed").textContent(), { timeout: 15_000 }).toContain("Confirmed 9617.00");
    const hs = page.locator('[data-testid="classification-current"][data-market="hs"]');
    await expect.poll(() => hs.getByTestId("classification-code").textContent(), { timeout: 15_000 }).toBe("9617.00");
    expect(await hs.getByTestId("classification-status").getAttribute("data-status")).toBe("confirmed");
  });
});
