export { assertNever } from "./assert-never.ts";
export { PACKAGE_ROOT_URL } from "./package-root.ts";
