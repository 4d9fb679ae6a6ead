/**
 * The package's root folder (where `assets/`, `sample/` and `web/dist` live) as a file URL,
 * resolved from this file two folders down; callers turn it into a path with `fileURLToPath`
 * (this layer imports nothing). Every file that reads a shipped resource goes through this one
 * constant, so the sources run in place (tsx) and a bundle emitted two folders down
 * (`.cache/cli-…/main.js`, which the tests spawn to skip tsx's start-up) resolve the same paths.
 */
export const PACKAGE_ROOT_URL: URL = new URL("../../", import.meta.url);
