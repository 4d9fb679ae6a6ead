/** The roles of src/app/principal.ts, as the API reports them. */
export type Role = "admin" | "analyst" | "viewer" | "supplier";

export function canWrite(role: Role): boolean {
  return role === "admin" || role === "analyst";
}
