// @vitest-environment happy-dom
import { act, createElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Hit } from "../../web/src/api-types.ts";
import { DecisionHistoryList } from "../../web/src/components/decision-history.tsx";
import { type Decision, ReviewQueue } from "../../web/src/components/review-queue.tsx";

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function hit(n: number, subject: string, entity: string, details: Partial<Hit["entity"]> = {}): Hit {
  return {
    hit: `hit-${n}`,
    hitKey: `party:p${n}|uflpa-${n}`,
    subject: { kind: "party", id: `p${n}`, name: subject },
    entity: {
      id: `uflpa-${n}`,
      name: entity,
      list: "uflpa",
      section: "Section 2(d)(2)(B)(i)",
      aliases: [],
      formerNames: [],
      chineseNames: [],
      ...details,
    },
    score: 0.9 - n / 100,
    match: true,
    via: "name",
    explanations: [`Name agrees: ${subject} ~ ${entity}`],
    review: { state: "open" },
  };
}

const HITS = [
  hit(1, "新疆生产建设兵团", "Xinjiang Production and Construction Corps", {
    aliases: ["XPCC", "Bingtuan"],
    chineseNames: ["新疆兵团"],
    address: "Xinjiang",
  }),
  hit(2, "Aksu Huafu Textiles", "Aksu Huafu Textiles Co."),
  hit(3, "Hetian Taida Apparel", "Hetian Taida Apparel Co., Ltd"),
];

interface Call {
  readonly hit: string;
  readonly status: Decision;
  readonly reason: string;
}

let container: HTMLDivElement;
let root: Root;
let calls: Call[];
let failNext: string | undefined;

async function decide(h: Hit, status: Decision, reason: string): Promise<void> {
  if (failNext) {
    const message = failNext;
    failNext = undefined;
    throw new Error(message);
  }
  calls.push({ hit: h.hit, status, reason });
}

async function press(key: string, target: EventTarget = window): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
  });
}

function selected(): string | null {
  return container.querySelector("article.hit-detail")?.getAttribute("data-hit") ?? null;
}

function reasonBox(): HTMLTextAreaElement {
  const box = container.querySelector<HTMLTextAreaElement>("#reason");
  if (!box) throw new Error("no reason prompt");
  return box;
}

async function typeReason(text: string): Promise<void> {
  const box = reasonBox();
  await act(async () => {
    // React tracks the value through the native setter; set it that way, then fire input.
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
    setter?.call(box, text);
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

beforeEach(async () => {
  calls = [];
  failNext = undefined;
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root.render(createElement(ReviewQueue, { hits: HITS, onDecide: decide }));
  });
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

describe("ReviewQueue", () => {
  it("shows our record and the list entry side by side", () => {
    const panels = container.querySelectorAll(".side-by-side > section");
    expect(panels).toHaveLength(2);
    expect(panels[0]?.textContent).toContain("新疆生产建设兵团");
    expect(panels[1]?.textContent).toContain("Xinjiang Production and Construction Corps");
    expect(panels[1]?.textContent).toContain("UFLPA");
    expect(panels[1]?.textContent).toContain(
      "2(d)(2)(B)(i): entities in Xinjiang that mine, produce or manufacture",
    );
    expect(container.querySelector(".explanations")?.textContent).toContain("Name agrees");
  });

  it("shows the list entry's aliases, its Chinese names with pinyin, and where it is listed", async () => {
    const entry = container.querySelector(".list-entry");
    expect(entry?.querySelector("[aria-label='Also known as']")?.textContent).toBe("XPCCBingtuan");
    expect(entry?.querySelector(".entry-address")?.textContent).toBe("Listed at Xinjiang");
    const chinese = entry?.querySelector("[aria-label='In Chinese']");
    await vi.waitFor(() =>
      expect(chinese?.querySelector(".pinyin")?.textContent).toBe("xīn jiāng bīng tuán"),
    );
    expect(chinese?.querySelector("[lang=zh-Hans]")?.textContent).toBe("新疆兵团");
  });

  it("shows pinyin beside a Chinese name", async () => {
    await vi.waitFor(() =>
      expect(container.querySelector(".big-name .pinyin")?.textContent).toBe(
        "xīn jiāng shēng chǎn jiàn shè bīng tuán",
      ),
    );
    expect(container.querySelector(".big-name [lang=zh-Hans]")?.textContent).toBe("新疆生产建设兵团");
  });

  it("moves with j and k and stays within the list", async () => {
    expect(selected()).toBe("hit-1");
    await press("j");
    expect(selected()).toBe("hit-2");
    await press("j");
    await press("j");
    expect(selected()).toBe("hit-3");
    await press("k");
    expect(selected()).toBe("hit-2");
    await press("k");
    await press("k");
    expect(selected()).toBe("hit-1");
  });

  it("confirms with c and Enter, using the offered reason, and drops the hit", async () => {
    await press("c");
    expect(reasonBox().value).toMatch(/match the list entry/);
    await press("Enter", reasonBox());
    expect(calls).toEqual([
      { hit: "hit-1", status: "confirmed", reason: "Names and details match the list entry." },
    ]);
    expect(container.querySelectorAll(".hit-list li")).toHaveLength(2);
    expect(selected()).toBe("hit-2");
  });

  it("dismisses with d only once a reason is typed", async () => {
    await press("j");
    await press("d");
    expect(reasonBox().value).toBe("");
    await press("Enter", reasonBox());
    expect(calls).toEqual([]);
    expect(container.querySelector("[role=alert]")?.textContent).toMatch(/Give a reason/);
    await typeReason("Different company: Aksu Huafu is not the listed Huafu entity (address in Zhejiang).");
    await press("Enter", reasonBox());
    expect(calls).toEqual([
      {
        hit: "hit-2",
        status: "dismissed",
        reason: "Different company: Aksu Huafu is not the listed Huafu entity (address in Zhejiang).",
      },
    ]);
    expect(container.textContent).not.toContain("Aksu Huafu Textiles Co.");
  });

  it("ignores j, k, c and d typed into the reason, and Escape cancels", async () => {
    await press("d");
    await press("j", reasonBox());
    await press("c", reasonBox());
    expect(selected()).toBe("hit-1");
    await press("Escape", reasonBox());
    expect(container.querySelector("#reason")).toBeNull();
    expect(calls).toEqual([]);
  });

  it("keeps the hit and shows the server's message when saving fails", async () => {
    failNext = "hit-1: the list entry changed since it was screened; reload the queue";
    await press("c");
    await press("Enter", reasonBox());
    expect(calls).toEqual([]);
    expect(container.querySelector("[role=alert]")?.textContent).toContain("list entry changed");
    expect(container.querySelectorAll(".hit-list li")).toHaveLength(3);
  });

  it("says so when every hit is decided", async () => {
    for (let i = 0; i < HITS.length; i++) {
      await press("c");
      await press("Enter", reasonBox());
    }
    expect(calls.map((c) => c.hit)).toEqual(["hit-1", "hit-2", "hit-3"]);
    expect(container.textContent).toContain("No hits are waiting for a decision.");
  });
});

describe("DecisionHistoryList", () => {
  const decided = {
    hitKey: "party:p2|uflpa-2",
    subject: { kind: "party" as const, id: "p2" },
    subjectName: "Aksu Huafu Textiles",
    entryId: "uflpa-2",
    entryName: "Aksu Huafu Textiles Co.",
    fingerprint: "f",
    hit: "hit-2",
    user: "ann",
  };

  it("shows each decision with the names of our record and the list entry, the current one marked", async () => {
    const items = [
      {
        ...decided,
        status: "confirmed" as const,
        reason: "Same address",
        decidedAt: "2026-11-01T09:00:00.000Z",
        current: false,
        supersededAt: "2026-11-20T10:30:00.000Z",
      },
      {
        ...decided,
        status: "dismissed" as const,
        reason: "Registry shows another company",
        decidedAt: "2026-11-20T10:30:00.000Z",
        current: true,
        reopened: true as const,
        decidedOn: "pair" as const,
      },
    ];
    await act(async () => {
      root.render(
        createElement(ReviewQueue, {
          hits: HITS,
          onDecide: decide,
          history: (h) => createElement(DecisionHistoryList, { items: h.hit === "hit-1" ? items : [] }),
        }),
      );
    });
    const rows = [...container.querySelectorAll(".decision-history li")].map((li) => li.textContent);
    expect(rows).toEqual([
      "Confirmed by ann · 2026-11-01 09:00 · superseded 2026-11-20 10:30Aksu Huafu Textiles (party) vs Aksu Huafu Textiles Co.Same address",
      "Dismissed by ann · 2026-11-20 10:30 · current, re-opened: the list entry changed since · decided as a pairAksu Huafu Textiles (party) vs Aksu Huafu Textiles Co.Registry shows another company",
    ]);
    expect(container.querySelector(".decision-history li.current")?.textContent).toContain("Registry");
    await press("j");
    expect(container.querySelector(".decision-history")).toBeNull();
    expect(container.textContent).toContain("No decision on this hit yet.");
  });
});
