import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { readServerConfig } from "../../src/server/index.ts";

describe("match workers config", () => {
  it("defaults to min(2, cores); the flag wins over the environment; 0 keeps match on the event loop", () => {
    expect(readServerConfig({}, {}).matchWorkers).toBe(Math.min(2, availableParallelism()));
    expect(readServerConfig({}, { THREADPROOF_MATCH_WORKERS: "3" }).matchWorkers).toBe(3);
    expect(readServerConfig({ matchWorkers: "0" }, { THREADPROOF_MATCH_WORKERS: "3" }).matchWorkers).toBe(0);
  });

  it("refuses a count that is not a whole number from 0 to 64, naming where it came from", () => {
    expect(() => readServerConfig({ matchWorkers: "two" }, {})).toThrow(/--match-workers: "two"/);
    expect(() => readServerConfig({}, { THREADPROOF_MATCH_WORKERS: "-1" })).toThrow(
      /THREADPROOF_MATCH_WORKERS/,
    );
  });
});
