import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DecisionHistorySchema, HitPageSchema, PartyDetailSchema } from "../../src/api/index.ts";
import { createUser, type Principal } from "../../src/app/index.ts";
import { axeViolations } from "./axe-violations.ts";
import { PASSWORD, startWebFixture, type WebFixture } from "./web-fixture.ts";

/**
 * "Review a pair" in Debian's Chromium: an analyst finds one of our parties and a list entry the
 * screening never paired with it, dismisses the pair with a reason, and sees the decision in the
 * pair's history (and in the API); a viewer gets no form. Pages audited with axe-core like
 * browser.test.ts (serious and critical violations fail).
 */
const ROOT = resolve(import.meta.dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
const REQUIRED = process.env.THREADPROOF_REQUIRE_BROWSER === "1";
const skipReason = !existsSync(CHROMIUM)
  ? `no ${CHROMIUM} (apt-get install chromium; .ci/run does)`
  : !existsSync(join(ROOT, "web/dist/index.html"))
    ? "web/dist is not built (npm run build:web; npm test builds it)"
    : "";
if (REQUIRED && skipReason) throw new Error(`THREADPROOF_REQUIRE_BROWSER=1 but ${skipReason}`);

const SETUP: Principal = { userId: "setup", username: "setup", role: "admin", via: "cli" };
const HUAFU = "uflpa:huafu-fashion-co-ltd";

async function audit(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), `axe-core on ${name}`).toEqual([]);
}

function escaped(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

describe.skipIf(skipReason !== "")(
  `review a pair in Chromium${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  { timeout: 120_000 },
  () => {
    let fixture: WebFixture;
    let browser: Browser;

    beforeAll(async () => {
      [fixture, browser] = await Promise.all([
        startWebFixture(60),
        chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] }),
      ]);
      await createUser(fixture.store, SETUP, { username: "viewer", password: PASSWORD, role: "viewer" });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await fixture?.close();
    });

    async function signIn(username: string, path: string): Promise<Page> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      context.setDefaultTimeout(30_000);
      const page = await context.newPage();
      await page.goto(`${fixture.url}${path}`);
      await page.getByLabel("User name").fill(username);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("button", { name: "Sign out" }).waitFor();
      return page;
    }

    it("an analyst dismisses a pair screening never produced; the history and the API show it", async () => {
      const partyId = fixture.parties[0];
      const party = PartyDetailSchema.parse(
        await (
          await fetch(`${fixture.url}/api/parties/${encodeURIComponent(partyId)}`, { headers: fixture.staff })
        ).json(),
      ).party;
      const hitKey = `party:${partyId}|${HUAFU}`;
      const hits = HitPageSchema.parse(
        await (
          await fetch(`${fixture.url}/api/hits?status=all&limit=500`, { headers: fixture.staff })
        ).json(),
      );
      expect(hits.items.map((h) => h.hitKey)).not.toContain(hitKey);

      const page = await signIn("analyst", "/review");
      await page.getByRole("link", { name: "Review a pair" }).click();
      await page.getByRole("heading", { name: "Review a pair", level: 1 }).waitFor();
      await audit(page, "review-pair empty");

      // Keyboard: Enter in each search box searches.
      await page.getByLabel("Find a party by name").fill(party.name);
      await page.getByLabel("Find a party by name").press("Enter");
      await page.getByRole("radio", { name: escaped(partyId) }).check();
      await page.getByLabel("Find a list entry (name, alias or Chinese name)").fill("华孚");
      await page.getByLabel("Find a list entry (name, alias or Chinese name)").press("Enter");
      await page.getByRole("radio", { name: /Huafu Fashion Co/ }).check();
      await page.getByRole("radio", { name: /^Dismiss/ }).check();
      await page.getByRole("button", { name: "Save decision" }).click();
      await expect(page.getByRole("alert").textContent()).resolves.toMatch(/Give a reason/);
      const reason = "Different company: our party is not Huafu (registry extract on file).";
      await page.getByLabel(/^Reason/).fill(reason);
      await page.getByRole("button", { name: "Save decision" }).click();

      await page.getByRole("status").filter({ hasText: "Saved: dismissed by analyst" }).waitFor();
      const history = page.getByRole("list", { name: "Decisions on this hit" });
      await history.waitFor();
      const text = await history.textContent();
      expect(text).toContain("Dismissed by analyst");
      expect(text).toContain("decided as a pair");
      expect(text).toContain(reason);
      expect(text).toContain("Huafu Fashion");
      await audit(page, "review-pair saved");

      const api = await fetch(`${fixture.url}/api/hits/${encodeURIComponent(hitKey)}/decisions`, {
        headers: fixture.staff,
      });
      const items = DecisionHistorySchema.parse(await api.json()).items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        status: "dismissed",
        user: "analyst",
        reason,
        decidedOn: "pair",
        entryId: HUAFU,
        subject: { kind: "party", id: partyId },
        current: true,
      });

      // From a hit's "Decide against another list entry": the party is picked already.
      await page.goto(`${fixture.url}/review/pair?party=${encodeURIComponent(partyId)}`);
      const summary = page.locator("#pair-decide-title + p");
      await summary.filter({ hasText: party.name }).waitFor();
      await expect(summary.textContent()).resolves.toContain("(party)");
      await page.context().close();
    });

    it("a viewer sees no link to the form, and the page is refused", async () => {
      const page = await signIn("viewer", "/review");
      await page.getByRole("heading", { name: "Review queue" }).waitFor();
      await expect(page.getByRole("link", { name: "Review a pair" }).count()).resolves.toBe(0);
      await page.goto(`${fixture.url}/review/pair`);
      await page.getByRole("heading", { name: "Not available to your account" }).waitFor();
      await expect(page.getByRole("button", { name: "Save decision" }).count()).resolves.toBe(0);
      await page.context().close();
    });
  },
);
