import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, startWebFixture, type WebFixture } from "./web-fixture.ts";

/**
 * The web UI end to end in Debian's Chromium: log in, import a file, confirm a hit, open a lot's
 * graph, build and download a package, and a supplier refused another supplier's lot. Every page
 * is screenshotted into test-artifacts/web/ (1280×800; a few at tablet size).
 */
const ROOT = resolve(import.meta.dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = join(ROOT, "test-artifacts/web");
const REQUIRED = process.env.THREADPROOF_REQUIRE_BROWSER === "1";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const HAVE_BUILD = existsSync(join(ROOT, "web/dist/index.html"));
const skipReason = !HAVE_CHROMIUM
  ? `no ${CHROMIUM} (apt-get install chromium; .ci/run does)`
  : !HAVE_BUILD
    ? "web/dist is not built (npm run build:web; npm test builds it)"
    : "";

if (REQUIRED && skipReason) throw new Error(`THREADPROOF_REQUIRE_BROWSER=1 but ${skipReason}`);

const LAUNCH_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let fixture: WebFixture;
let browser: Browser;

/** 1280×800, and patient: a loaded CI machine can take seconds per trace. */
async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  context.setDefaultTimeout(60_000);
  return context;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function signIn(context: BrowserContext, username: string, path = "/"): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${fixture.url}${path}`);
  await page.getByLabel("User name").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  return page;
}

/** Non-white pixels of a PNG, decoded and counted by the browser itself. */
async function inkedPixels(page: Page, png: Buffer): Promise<{ inked: number; total: number }> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2d context");
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4)
      if ((data[i] ?? 255) < 235 || (data[i + 1] ?? 255) < 235 || (data[i + 2] ?? 255) < 235) inked++;
    return { inked, total: data.length / 4 };
  }, png.toString("base64"));
}

const TITLE = `web UI in Chromium${skipReason ? ` (skipped: ${skipReason})` : ""}`;

describe.skipIf(skipReason !== "")(TITLE, { timeout: 120_000 }, () => {
  let analyst: BrowserContext;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [fixture, browser] = await Promise.all([
      startWebFixture(300),
      chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_FLAGS }),
    ]);
    analyst = await newContext();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  it("signs in, and the dashboard shows shipments at risk with counts that link to their lists", async () => {
    const page = await analyst.newPage();
    await page.goto(fixture.url);
    await page.getByLabel("User name").waitFor();
    await shot(page, "01-login");
    await page.getByLabel("User name").fill("analyst");
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toMatch(/sign in|password|invalid/i);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await page.locator("table.data tbody tr").first().waitFor();
    const rows = await page.locator("table.data tbody tr").count();
    expect(rows).toBeGreaterThan(0);
    await expect(page.locator(".count-card").nth(1).getAttribute("href")).resolves.toBe("/review");
    await shot(page, "02-dashboard");
    await page.close();
  });

  it("imports a file: a bad one is refused with its errors listed, a good one reports what it added", async () => {
    const page = await analyst.newPage();
    await page.goto(`${fixture.url}/imports`);
    await page.getByLabel("File", { exact: true }).setInputFiles(fixture.badMovementsCsv);
    await page.getByRole("button", { name: "Upload and import" }).click();
    const problems = page.getByRole("list", { name: "Problems found" });
    await problems.waitFor();
    await expect(problems.textContent()).resolves.toMatch(/event_time/);
    await expect(page.getByText("What to do:").first().isVisible()).resolves.toBe(true);
    await shot(page, "03-import-refused");
    await page.getByLabel("File", { exact: true }).setInputFiles(join(ROOT, "templates/facilities.csv"));
    await page.getByRole("button", { name: "Upload and import" }).click();
    await page.getByRole("status").filter({ hasText: "Imported facilities.csv" }).waitFor();
    await expect(page.getByRole("status").textContent()).resolves.toMatch(/\d+ locations/);
    await shot(page, "04-import-done");
    await page.close();
  });

  it("confirms a screening hit from the keyboard", async () => {
    const page = await analyst.newPage();
    await page.goto(`${fixture.url}/review`);
    await page.locator("article.hit-detail").waitFor();
    await shot(page, "05-review-queue");
    const first = await page.locator("article.hit-detail").getAttribute("data-hit");
    const before = await page.locator(".hit-list li").count();
    await page.keyboard.press("c");
    await page.getByRole("textbox", { name: /Reason to confirm/ }).waitFor();
    await shot(page, "06-review-reason");
    const saved = page.waitForResponse(
      (r) => r.url().includes("/decision") && r.request().method() === "POST",
    );
    await page.keyboard.press("Enter");
    expect((await saved).status()).toBe(200);
    await expect(page.locator(".hit-list li").count()).resolves.toBe(before - 1);
    expect(await page.locator("article.hit-detail").getAttribute("data-hit")).not.toBe(first);
    await page.close();
  });

  it("opens a shipment's supply-chain graph, with something drawn on the canvas", async () => {
    const page = await analyst.newPage();
    await page.goto(`${fixture.url}/packages`);
    const link = page.locator("table.data tbody th a").first();
    await link.waitFor();
    const shipment = (await link.textContent()) ?? "";
    await page.goto(`${fixture.url}/lots/${encodeURIComponent(shipment)}`);
    const graph = page.getByTestId("trace-graph");
    await graph.locator("canvas").first().waitFor();
    await page.waitForTimeout(500); // Cytoscape draws on the next animation frames
    const png = await graph.screenshot();
    const { inked, total } = await inkedPixels(page, png);
    expect(inked / total).toBeGreaterThan(0.01);
    await expect(page.locator("table.data tbody tr").count()).resolves.toBeGreaterThan(1);
    await shot(page, "07-lot-graph");
    await page.getByRole("button", { name: /Forward/ }).click();
    await page.getByRole("heading", { name: "Where it went" }).waitFor();
    await page.goto(`${fixture.url}/map`);
    await page.locator("svg.map path").first().waitFor();
    await page.locator("table.data tbody tr").first().waitFor();
    await shot(page, "08-map");
    await page.getByRole("button", { name: "China by province" }).click();
    await shot(page, "09-map-china");
    await page.close();
  });

  it("builds a shipment's package and downloads its PDF", async () => {
    const page = await analyst.newPage();
    await page.goto(`${fixture.url}/packages`);
    const build = page.getByRole("button", { name: /Build the evidence package/ }).first();
    await build.waitFor();
    await build.click();
    const pdfLink = page.getByRole("link", { name: "Download PDF" }).first();
    await pdfLink.waitFor({ timeout: 60_000 });
    await shot(page, "10-packages");
    const [download] = await Promise.all([page.waitForEvent("download"), pdfLink.click()]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  });

  it("screenshots the other staff pages at desktop and tablet sizes", async () => {
    const page = await analyst.newPage();
    for (const [path, name] of [
      ["/parties", "11-parties"],
      ["/locations", "12-locations"],
      ["/gaps", "13-gaps"],
      ["/admin/tokens", "14-tokens"],
    ] as const) {
      await page.goto(`${fixture.url}${path}`);
      await page.locator("main h1").waitFor();
      await page.waitForLoadState("networkidle");
      await shot(page, name);
    }
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(`${fixture.url}/review`);
    await page.locator("article.hit-detail, .empty").first().waitFor();
    await shot(page, "15-review-tablet");
    await page.goto(fixture.url);
    await page.locator("table.data tbody tr").first().waitFor();
    await shot(page, "16-dashboard-tablet");
    await page.close();
    const admin = await newContext();
    const adminPage = await signIn(admin, "admin", "/admin/users");
    await adminPage.locator("table.data tbody tr").first().waitFor();
    await shot(adminPage, "17-users");
    await adminPage.goto(`${fixture.url}/audit`);
    await adminPage.locator("table.data tbody tr").first().waitFor();
    await adminPage.getByRole("button", { name: "Verify the chain" }).click();
    await adminPage.getByRole("status").waitFor();
    await expect(adminPage.getByRole("status").textContent()).resolves.toMatch(/verifies/);
    await shot(adminPage, "18-audit");
    await admin.close();
  });

  it("shows a supplier its portal and refuses another supplier's lot", async () => {
    const other = (await (
      await fetch(`${fixture.url}/api/lots?limit=1`, { headers: fixture.supplierB })
    ).json()) as {
      items: { id: string }[];
    };
    const foreignLot = other.items[0]?.id;
    expect(foreignLot).toBeTruthy();
    const context = await newContext();
    const page = await signIn(context, "supplier-a");
    await page.getByRole("heading", { name: "Supplier portal" }).waitFor();
    await page.getByRole("heading", { name: /Your lots/ }).waitFor();
    await page.waitForLoadState("networkidle");
    await shot(page, "19-supplier-portal");
    await expect(page.getByRole("link", { name: "Dashboard" }).count()).resolves.toBe(0);
    await page.goto(`${fixture.url}/lots/${encodeURIComponent(foreignLot ?? "")}`);
    await page.getByRole("heading", { name: "Not available to your account" }).waitFor();
    const status = await page.evaluate(
      async (id) => (await fetch(`/api/lots/${encodeURIComponent(id)}`)).status,
      foreignLot ?? "",
    );
    expect(status).toBe(404);
    await shot(page, "20-supplier-denied");
    await context.close();
  });

  // Supplier portal records (helper P): a file touching another supplier's facility is refused with
  // its line and field listed; the supplier's own file is imported and its lot appears.
  it("lets a supplier upload its own records and refuses another supplier's facility", async () => {
    const header =
      "event_ref,event_type,event_time,facility_id,role,lot_id,product,quantity,unit,country_of_origin,doc_type,doc_id,to_facility_id,from_facility_id,to_party_id,from_party_id";
    const origin = (ref: string, at: string, lot: string) =>
      `${ref},origin,2025-10-01T08:00:00-05:00,${at},,${lot},seed cotton,5000,KGM,US,,,,,,`;
    const theirs = (await (
      await fetch(`${fixture.url}/api/locations?limit=1`, { headers: fixture.supplierB })
    ).json()) as { items: { location: { id: string } }[] };
    const context = await newContext();
    const page = await signIn(context, "supplier-a");
    await page.getByRole("heading", { name: "Supplier portal" }).waitFor();
    const mine = await page.evaluate(async () => {
      const body = (await (await fetch("/api/locations?limit=1")).json()) as {
        items: { location: { id: string } }[];
      };
      return body.items[0]?.location.id ?? "";
    });
    const foreign = theirs.items[0]?.location.id ?? "";
    expect(mine).not.toBe("");
    expect(foreign).not.toBe("");
    const csv = (rows: string[]) => Buffer.from(`${header}\n${rows.join("\n")}\n`);
    const file = page.getByLabel("Records file");
    await file.setInputFiles({
      name: "mixed.csv",
      mimeType: "text/csv",
      buffer: csv([origin("A-1", mine, "PORTAL-A-1"), origin("A-2", foreign, "PORTAL-A-2")]),
    });
    await page.getByRole("button", { name: "Upload records" }).click();
    const problems = page.getByRole("list", { name: "Problems found" });
    await problems.waitFor();
    await expect(problems.textContent()).resolves.toMatch(/line 3.*bizLocation/);
    await shot(page, "21-portal-records-refused");
    await file.setInputFiles({
      name: "harvest.csv",
      mimeType: "text/csv",
      buffer: csv([origin("A-1", mine, "PORTAL-A-1")]),
    });
    await page.getByRole("button", { name: "Upload records" }).click();
    await page.getByRole("status").filter({ hasText: "Imported harvest.csv" }).waitFor();
    await page.getByTitle("lot:PORTAL-A-1").waitFor();
    await shot(page, "22-portal-records-imported");
    await context.close();
  });
});
