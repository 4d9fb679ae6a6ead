import { z } from "zod";

/** `GET /api/health`: for load balancers and uptime checks; says nothing about the data. */
export const HealthSchema = z
  .object({
    status: z.literal("ok"),
    store: z.enum(["sqlite", "postgres"]).describe("which adapter answered the check query"),
    checkedAt: z.string().describe("ISO 8601, when the store answered"),
    graph: z
      .enum(["building", "ready", "failed"])
      .describe(
        "the trace graph: `building` (at start and after an import; traces answer 503 `not-ready` with Retry-After meanwhile), `ready`, or `failed` (the last build failed; the next trace tries again)",
      ),
  })
  .meta({ id: "Health" });

export type HealthJson = z.infer<typeof HealthSchema>;
