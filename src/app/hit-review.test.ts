import { describe, expect, it } from "vitest";
import { parseListFile } from "../ingest/index.ts";
import { entryFingerprint, hitIdOf, hitKeyOf, reviewOf } from "./hit-review.ts";
import type { ReviewDecision } from "./screening-records.ts";

const HEADER = "name,aliases,section,date,notes\n";

function entry(row: string, source = "v2.csv") {
  const parsed = parseListFile(HEADER + row, source, { format: "csv" }).entries[0];
  if (!parsed) throw new Error(`no entry in ${row}`);
  return parsed;
}

const subject = { kind: "party", id: "party:acme" } as const;

function decided(fingerprint: string): ReadonlyMap<string, ReviewDecision> {
  const hitKey = hitKeyOf(subject, "uflpa:acme-cotton-co-ltd");
  return new Map([
    [
      hitKey,
      {
        hitKey,
        subject,
        entryId: "uflpa:acme-cotton-co-ltd",
        fingerprint,
        status: "dismissed",
        reason: "another company",
        user: "alice",
        decidedAt: "2026-11-28T00:00:00.000Z",
      },
    ],
  ]);
}

describe("entryFingerprint", () => {
  it("ignores where and when the entry was read, and the order of aliases", () => {
    const a = entry('"Acme Cotton Co., Ltd.",A; B,(v),2024-01-01,first note', "v2.csv");
    const b = entry('"Acme Cotton Co., Ltd.",B; A,(v),2024-03-01,another note', "v3.csv");
    expect(entryFingerprint(a)).toBe(entryFingerprint(b));
  });

  it("changes with names and sections", () => {
    const a = entry('"Acme Cotton Co., Ltd.",A,(v),,');
    expect(entryFingerprint(entry('"Acme Cotton Co., Ltd.",A; C,(v),,'))).not.toBe(entryFingerprint(a));
    expect(entryFingerprint(entry('"Acme Cotton Co., Ltd.",A,(i),,'))).not.toBe(entryFingerprint(a));
  });
});

describe("reviewOf", () => {
  const listed = entry('"Acme Cotton Co., Ltd.",A,(v),,');

  it("is open without a decision, and names the hit by a short stable id", () => {
    const review = reviewOf(new Map(), subject, listed, listed.id);
    expect(review).toMatchObject({ state: "open", hit: hitIdOf(hitKeyOf(subject, listed.id)) });
    expect(review.hit).toMatch(/^hit-[0-9a-f]{12}$/);
  });

  it("applies a decision on the entry as it was, and re-opens it when the entry changed", () => {
    expect(reviewOf(decided(entryFingerprint(listed)), subject, listed, listed.id).state).toBe("dismissed");
    const moved = entry('"Acme Cotton Co., Ltd.",A,(ii),,');
    const review = reviewOf(decided(entryFingerprint(listed)), subject, moved, moved.id);
    expect(review.state).toBe("reopened");
    expect(review.decision?.reason).toBe("another company");
  });
});
