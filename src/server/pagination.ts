import { AppError } from "../app/index.ts";

/**
 * Cursors are opaque to clients (base64url of the last row's sort key), so the ordering can
 * change without breaking them; a cursor that does not decode is a 400, not an empty page.
 */
export function encodeCursor(after: string | null): string | null {
  return after === null ? null : Buffer.from(JSON.stringify({ a: after }), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (parsed && typeof parsed === "object" && "a" in parsed && typeof parsed.a === "string")
      return parsed.a;
  } catch {
    // Not base64url JSON: reported below like any other malformed cursor.
  }
  throw new AppError("invalid-input", "the cursor is not one this API gave out (pass nextCursor unchanged)", {
    issues: [
      {
        code: "invalid-cursor",
        severity: "error",
        path: "cursor",
        provenance: { source: "request", locator: "query" },
        message: "pass the previous page's nextCursor unchanged",
      },
    ],
  });
}

/** A listing page as the API returns it. */
export function apiPage<T>(page: { readonly items: readonly T[]; readonly next: string | null }) {
  return { items: [...page.items], nextCursor: encodeCursor(page.next) };
}
