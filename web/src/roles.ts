import type { Me } from "./api-types.ts";

/** The roles of the API (src/api RoleSchema). */
export type Role = Me["user"]["role"];

export function canWrite(role: Role): boolean {
  return role === "admin" || role === "analyst";
}
