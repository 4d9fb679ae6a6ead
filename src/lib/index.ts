export { assertNever } from "./assert-never.ts";
export { PACKAGE_ROOT } from "./package-root.ts";
