import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HitPageSchema } from "../../src/api/index.ts";
import { axeViolations } from "./axe-violations.ts";
import { PASSWORD, startWebFixture, type WebFixture } from "./web-fixture.ts";

/**
 * The web UI end to end in Debian's Chromium: log in, import a file, confirm a hit, open a lot's
 * graph, build and download a package, and a supplier refused another supplier's lot. Every page
 * is screenshotted into test-artifacts/web/ (1280×800; a few at tablet size) and audited with
 * axe-core (serious and critical violations fail the test).
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

/** Time spent in axe, reported at the end (the audit's share of the test's time). */
const axeTime = { ms: 0, pages: 0, each: [] as string[] };

/**
 * axe-core's WCAG 2.1 A/AA and best-practice rules on the page as it is: any serious or critical
 * violation (missing labels, contrast, focus order, ARIA misuse) fails, listed with its elements.
 */
async function audit(page: Page, name: string): Promise<void> {
  const started = performance.now();
  const violations = await axeViolations(page);
  const ms = performance.now() - started;
  axeTime.ms += ms;
  axeTime.pages += 1;
  axeTime.each.push(`${name} ${Math.round(ms)}`);
  expect(violations, `axe-core on ${name}`).toEqual([]);
}

/** A screenshot, and the axe audit unless this page was audited in another state already. */
async function shot(page: Page, name: string, options: { audit?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  if (options.audit !== false) await audit(page, name);
}

/** Nothing wider than the viewport: the page never scrolls sideways (tables scroll in their box). */
async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** The first cell's text of each row of the page's first data table. */
async function firstCells(page: Page, selector = "table.data tbody tr > :first-child"): Promise<string[]> {
  return page.locator(selector).allTextContents();
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
    if (axeTime.pages > 0)
      console.info(
        `axe-core: ${axeTime.pages} pages audited in ${(axeTime.ms / 1000).toFixed(1)} s (ms: ${axeTime.each.join(", ")})`,
      );
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
    await shot(page, "04-import-done", { audit: false });
    await page.close();
  });

  it("shows a hit's list entry with its aliases, address and Chinese names with pinyin", async () => {
    const api = await fetch(`${fixture.url}/api/hits?status=open&limit=500`, { headers: fixture.staff });
    const hits = HitPageSchema.parse(await api.json()).items;
    const detailed = hits.find(
      (h) => h.entity.aliases.length > 0 && h.entity.chineseNames.length > 0 && h.entity.address,
    );
    expect(detailed, "a hit whose list entry has aliases, Chinese names and an address").toBeDefined();
    const doc = (await (await fetch(`${fixture.url}/openapi.json`)).json()) as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(Object.keys(doc.components.schemas.ListEntryDetail?.properties ?? {})).toEqual(
      expect.arrayContaining(["aliases", "chineseNames", "formerNames", "address"]),
    );
    // Every schema reference in the document resolves.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(refs).toContain("ListEntryDetail");
    expect(refs.filter((r) => !(r && r in doc.components.schemas))).toEqual([]);
    const page = await analyst.newPage();
    await page.goto(`${fixture.url}/review`);
    await page.locator("article.hit-detail").waitFor();
    const index = detailed ? hits.indexOf(detailed) : -1;
    for (let i = 0; i < index; i++) await page.keyboard.press("j");
    const entity = detailed?.entity;
    await expect(page.locator("article.hit-detail").getAttribute("data-hit")).resolves.toBe(detailed?.hit);
    const entry = page.locator(".list-entry");
    await expect(entry.getByRole("list", { name: "Also known as" }).textContent()).resolves.toBe(
      entity?.aliases.join(""),
    );
    await expect(entry.locator(".entry-address").textContent()).resolves.toBe(`Listed at ${entity?.address}`);
    const chinese = entry.getByRole("list", { name: "In Chinese" }).locator("li");
    await expect(chinese.count()).resolves.toBe(entity?.chineseNames.length);
    await chinese.first().locator(".pinyin").waitFor();
    for (const [i, name] of (entity?.chineseNames ?? []).entries()) {
      await expect(chinese.nth(i).locator("[lang=zh-Hans]").textContent()).resolves.toBe(name);
      await expect(chinese.nth(i).locator(".pinyin").textContent()).resolves.toMatch(
        /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ·]+$/,
      );
    }
    await shot(page, "05-review-queue");
    await page.close();
  });

  it("confirms a screening hit from the keyboard", async () => {
    const page = await analyst.newPage();
    await page.goto(`${fixture.url}/review`);
    await page.locator("article.hit-detail").waitFor();
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
    // The confirmed view shows the hit again, with its decision: who, and on which names.
    const confirmed = HitPageSchema.parse(
      await (
        await fetch(`${fixture.url}/api/hits?status=confirmed&limit=500`, { headers: fixture.staff })
      ).json(),
    ).items;
    const decided = confirmed.find((h) => h.hit === first);
    expect(decided?.review.decision?.status).toBe("confirmed");
    await page
      .getByRole("navigation", { name: "Hits by decision" })
      .getByRole("link", { name: "Confirmed" })
      .click();
    await page.locator("article.hit-detail").waitFor();
    for (let i = 0; i < (decided ? confirmed.indexOf(decided) : 0); i++) await page.keyboard.press("j");
    await page.locator(`article.hit-detail[data-hit="${first}"]`).waitFor();
    const history = page.getByRole("list", { name: "Decisions on this hit" }).locator("li");
    await expect(history.count()).resolves.toBe(1);
    const text = (await history.first().textContent()) ?? "";
    expect(text).toContain(`Confirmed by ${decided?.review.decision?.user}`);
    expect(text).toContain("current");
    expect(text).toContain(`${decided?.subject.name} (${decided?.subject.kind}) vs ${decided?.entity.name}`);
    await shot(page, "06b-review-history");
    // A page of one hit: the next page holds the next hit, the previous page the first again.
    await page.goto(`${fixture.url}/review?limit=1`);
    const pager = page.getByRole("navigation", { name: "Hits: pages" });
    await pager.waitFor();
    await expect(page.locator(".hit-list li").count()).resolves.toBe(1);
    const one = await page.locator("article.hit-detail").getAttribute("data-hit");
    await pager.getByRole("button", { name: "Next page" }).click();
    await pager.getByText("Page 2").waitFor();
    await page.locator(`article.hit-detail:not([data-hit="${one}"])`).waitFor();
    await pager.getByRole("button", { name: "Previous page" }).click();
    await page.locator(`article.hit-detail[data-hit="${one}"]`).waitFor();
    await page.close();
  });

  it("opens a shipment's supply-chain graph, with something drawn on the canvas", async () => {
    const page = await analyst.newPage();
    await page.goto(`${fixture.url}/packages`);
    const link = page.locator("table.data tbody th a").first();
    await link.waitFor();
    const shipment = (await link.textContent()) ?? "";
    const asked: string[] = [];
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith("/api/locations")) asked.push(`${u.pathname}${u.search}`);
    });
    await page.goto(`${fixture.url}/lots/${encodeURIComponent(shipment)}`);
    const graph = page.getByTestId("trace-graph");
    await graph.locator("canvas").first().waitFor();
    await page.waitForTimeout(500); // Cytoscape draws on the next animation frames
    const png = await graph.screenshot();
    const { inked, total } = await inkedPixels(page, png);
    expect(inked / total).toBeGreaterThan(0.01);
    await expect(page.locator("table.data tbody tr").count()).resolves.toBeGreaterThan(1);
    // Facility labels come from the graph's own locations, fetched by id, not from a first page
    // of every facility.
    const all = (await (
      await fetch(`${fixture.url}/api/locations?limit=500`, { headers: fixture.staff })
    ).json()) as { items: { location: { name?: string } }[] };
    const known = all.items.flatMap((r) => (r.location.name ? [r.location.name] : []));
    const facilityCells = page.locator("table.data tbody tr td:nth-child(2)");
    await expect
      .poll(async () => {
        const cells = (await facilityCells.allTextContents()).filter((t) => t !== "–");
        return cells.length > 0 && cells.every((t) => known.some((n) => t.startsWith(n)));
      })
      .toBe(true);
    expect(asked.filter((u) => u.startsWith("/api/locations/")).length).toBeGreaterThan(0);
    expect(asked.filter((u) => u.startsWith("/api/locations?"))).toEqual([]);
    await shot(page, "07-lot-graph");
    await page.getByRole("button", { name: /Forward/ }).click();
    await page.getByRole("heading", { name: "Where it went" }).waitFor();
    await page.goto(`${fixture.url}/map`);
    await page.locator("svg.map path").first().waitFor();
    await page.locator("table.data tbody tr").first().waitFor();
    await shot(page, "08-map");
    await page.getByRole("button", { name: "China by province" }).click();
    await shot(page, "09-map-china", { audit: false });
    // The map pages through every facility: in pages of 10 it counts as many as in one page.
    const counted = async () =>
      (await page.locator("table.data tbody td.num").allTextContents()).reduce((s, t) => s + Number(t), 0);
    const whole = await counted();
    expect(whole).toBeGreaterThan(10);
    asked.length = 0;
    await page.goto(`${fixture.url}/map?limit=10`);
    await page.locator("table.data tbody tr").first().waitFor();
    await expect.poll(counted).toBe(whole);
    expect(asked.filter((u) => u.includes("cursor=")).length).toBeGreaterThanOrEqual(Math.floor(whole / 10));
    await page.close();
  });

  it("builds a shipment's package and downloads its PDF", async () => {
    const page = await analyst.newPage();
    await page.goto(`${fixture.url}/packages`);
    const build = page.getByRole("button", { name: /^Build package: the evidence package of/ }).first();
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

  it("screenshots the other staff pages, and pages through lots, imports and the audit log", async () => {
    const page = await analyst.newPage();
    for (const [path, name] of [
      // 25 a page: the page controls show, and the audit reads 25 rows, not 200 alike.
      ["/parties?limit=25", "11-parties"],
      ["/locations?limit=25", "12-locations"],
      ["/gaps", "13-gaps"],
      ["/admin/tokens", "14-tokens"],
    ] as const) {
      await page.goto(`${fixture.url}${path}`);
      await page.locator("main h1").waitFor();
      await page.waitForLoadState("networkidle");
      await shot(page, name);
    }
    // Lots 20 at a time: the second page starts after the first, "previous" comes back.
    await page.goto(`${fixture.url}/lots?limit=20`);
    const lotPager = page.getByRole("navigation", { name: "Lots: pages" });
    await lotPager.waitFor();
    const lots1 = await firstCells(page, "ul.lot-list > li > a");
    expect(lots1).toHaveLength(20);
    await audit(page, "lots");
    await lotPager.getByRole("button", { name: "Next page" }).click();
    await lotPager.getByText("Page 2").waitFor();
    await expect.poll(() => firstCells(page, "ul.lot-list > li > a").then((l) => l[0])).not.toBe(lots1[0]);
    const lots2 = await firstCells(page, "ul.lot-list > li > a");
    expect(lots2.filter((l) => lots1.includes(l))).toEqual([]);
    expect(lots2[0] && lots1[19] && lots2[0] > lots1[19]).toBe(true);
    await shot(page, "15-lots-page-2", { audit: false });
    await lotPager.getByRole("button", { name: "Previous page" }).click();
    await expect.poll(() => firstCells(page, "ul.lot-list > li > a")).toEqual(lots1);
    // The import log one file at a time, newest first.
    await page.goto(`${fixture.url}/imports?limit=1`);
    const importPager = page.getByRole("navigation", { name: "Imported files: pages" });
    await importPager.waitFor();
    const newest = await firstCells(page);
    expect(newest).toHaveLength(1);
    await importPager.getByRole("button", { name: "Next page" }).click();
    await importPager.getByText("Page 2").waitFor();
    const older = await firstCells(page);
    expect(older).toHaveLength(1);
    await importPager.getByRole("button", { name: "Next page" }).click();
    await importPager.getByText("Page 3").waitFor();
    // Oldest of the three: the fixture's EPCIS document, imported before its facilities.
    await expect(firstCells(page)).resolves.toEqual([expect.stringMatching(/\.jsonld$/)]);
    await expect(importPager.getByRole("button", { name: "Next page" }).isDisabled()).resolves.toBe(true);
    expect(newest).toEqual(["facilities.csv"]);
    expect(older).toEqual(["facilities.csv"]);
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
    // Audit records 3 at a time: the next page holds the 3 records before, in order.
    await adminPage.goto(`${fixture.url}/audit?limit=3`);
    const auditPager = adminPage.getByRole("navigation", { name: "Audit records: pages" });
    await auditPager.waitFor();
    const seqs = async () => (await firstCells(adminPage)).map(Number);
    const page1 = await seqs();
    expect(page1).toHaveLength(3);
    await auditPager.getByRole("button", { name: "Next page" }).click();
    await auditPager.getByText("Page 2").waitFor();
    await expect.poll(seqs).toEqual(page1.map((s) => s - 3));
    await admin.close();
  });

  it("fits a tablet (820×1180): no page scrolls sideways", async () => {
    const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
    context.setDefaultTimeout(60_000);
    await context.addCookies(await analyst.cookies());
    const page = await context.newPage();
    const shipments = (await (
      await fetch(`${fixture.url}/api/shipments?atRisk=true`, { headers: fixture.staff })
    ).json()) as { items: { shipment: { id: string } }[] };
    const shipment = shipments.items[0]?.shipment.id ?? "";
    expect(shipment).not.toBe("");
    const wide: string[] = [];
    for (const [path, ready, name] of [
      ["/", "table.data tbody tr", "16-dashboard-tablet"],
      ["/review", ".list-entry .pinyin", "23-review-tablet"],
      [`/lots/${encodeURIComponent(shipment)}`, "[data-testid=trace-graph] canvas", "24-lot-tablet"],
      ["/map", "table.data tbody tr", ""],
      ["/packages", "table.data tbody tr", ""],
      ["/imports", "table.data tbody tr", ""],
      ["/parties", "table.data tbody tr", ""],
      ["/locations", "table.data tbody tr", ""],
      ["/lots", "ul.lot-list li", ""],
      ["/gaps", "main h1", ""],
    ] as const) {
      await page.goto(`${fixture.url}${path}`);
      await page.locator(ready).first().waitFor();
      if (path.startsWith("/lots/")) await page.locator("table.data tbody tr td").first().waitFor();
      const { scrollWidth, innerWidth } = await overflow(page);
      if (scrollWidth > innerWidth) wide.push(`${path}: ${scrollWidth} px wide in ${innerWidth}`);
      // The pages were audited at 1280×800; the tablet's top navigation bar once, on the dashboard.
      if (name) await shot(page, name, { audit: path === "/" });
    }
    expect(wide).toEqual([]);
    await context.close();
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
    // What is missing is worked out over every page of the supplier's records: in pages of 5
    // it is the same list.
    const missing = async () => {
      const items = page.locator(".missing-list li");
      await items.first().waitFor();
      return {
        count: await page.locator(".missing-count").textContent(),
        first: await items.allTextContents(),
      };
    };
    const whole = await missing();
    expect(whole.count).toMatch(/^\d+ items? to supply$/);
    const cursors: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("cursor=")) cursors.push(r.url());
    });
    await page.goto(`${fixture.url}/portal?limit=5`);
    await page.getByRole("heading", { name: /Your lots/ }).waitFor();
    await page.waitForLoadState("networkidle");
    await expect(missing()).resolves.toEqual(whole);
    expect(cursors.length).toBeGreaterThan(0);
    if (Number.parseInt(whole.count ?? "0", 10) > 25) {
      const pager = page.getByRole("navigation", { name: "Still missing: pages" });
      await pager.getByRole("button", { name: "Next page" }).click();
      await pager.getByText("Page 2").waitFor();
      expect(await page.locator(".missing-list li").first().textContent()).not.toBe(whole.first[0]);
    }
    // Its lots are listed ?limit= at a time, every one reachable through the pager.
    const lotCount = Number(
      (await page.getByRole("heading", { name: /Your lots/ }).textContent())?.match(/\d+/)?.[0],
    );
    const lotItems = page.locator("ul.columns li");
    expect(await lotItems.count()).toBe(Math.min(5, lotCount));
    if (lotCount > 5) {
      const firstLot = await lotItems.first().getAttribute("title");
      const lotPager = page.getByRole("navigation", { name: "Your lots: pages" });
      await lotPager.getByRole("button", { name: "Next page" }).click();
      await lotPager.getByText("Page 2").waitFor();
      expect(await lotItems.first().getAttribute("title")).not.toBe(firstLot);
    }
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
    await shot(page, "22-portal-records-imported", { audit: false });
    await context.close();
  });
});
