import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export const config = defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Starts (or finds) the PostgreSQL server the store contract runs against; see the file.
    // and bundles the CLI once for the tests that spawn it (test/setup/cli-bundle.ts).
    globalSetup: ["test/setup/postgres.ts", "test/setup/cli-bundle.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default (cores − 1) runs one file at a time on CI's 2 cores, but most of our slow
    // files wait on child processes, PostgreSQL or the browser: two at a time took the suite from
    // ≈ 600 s to ≈ 400 s there, with every test passing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

// biome-ignore lint/style/noDefaultExport: vitest reads the default export
export default config;
