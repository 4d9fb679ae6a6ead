import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The web UI: built into web/dist, which `threadproof serve` serves (src/server/static-web.ts).
 * `npm run dev:web` proxies /api to a server on THREADPROOF_API (default http://127.0.0.1:8080).
 */
export const config = defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Cytoscape alone is ~430 kB; one chunk per library keeps the first page light.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes("node_modules/cytoscape")) return "cytoscape";
          if (
            id.includes("node_modules/world-atlas") ||
            id.includes("node_modules/d3-") ||
            id.includes("topojson")
          )
            return "geo";
          if (id.includes("node_modules/react")) return "react";
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { "/api": process.env.THREADPROOF_API ?? "http://127.0.0.1:8080" },
  },
});

// biome-ignore lint/style/noDefaultExport: vite reads the default export
export default config;
