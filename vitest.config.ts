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
  },
});

// biome-ignore lint/style/noDefaultExport: vitest reads the default export
export default config;
