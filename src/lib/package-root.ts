import { fileURLToPath } from "node:url";

/**
 * The package's root folder (where `assets/`, `sample/` and `web/dist` live), resolved from this
 * file two folders down. Every file that reads a shipped resource goes through this one constant, so
 * the sources run in place (tsx) and a bundle emitted two folders down (`.cache/cli-…/main.js`,
 * which the tests spawn to skip tsx's start-up) resolve the same paths.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
