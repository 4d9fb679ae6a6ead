import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact-url.ts";

describe("redactUrl", () => {
  it("removes the password and keeps the rest", () => {
    expect(redactUrl("postgres://tp:hunter2@db.example:5433/threadproof?sslmode=require")).toBe(
      "postgres://tp@db.example:5433/threadproof?sslmode=require",
    );
  });

  it("removes a password given as a query parameter", () => {
    expect(redactUrl("postgresql://db/tp?password=hunter2&application_name=x")).not.toContain("hunter2");
  });

  it("never echoes a URL it cannot parse", () => {
    expect(redactUrl("postgres://tp:hunter2@[bad")).not.toContain("hunter2");
  });
});
