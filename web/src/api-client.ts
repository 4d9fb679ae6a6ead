/**
 * Typed calls to the threadproof HTTP API. Every failure becomes an ApiError carrying the server's
 * stable error body `{ error: { code, message, issues? } }` and a sentence saying what to do next.
 */

export interface ApiIssue {
  readonly code?: string;
  /** Where in the uploaded file: `{ source: "movements.csv", locator: "line 14" }`. */
  readonly provenance?: { readonly source: string; readonly locator: string };
  readonly path?: string | readonly (string | number)[];
  readonly message: string;
  readonly line?: number;
  readonly field?: string;
  readonly file?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ApiIssue[];
  constructor(status: number, code: string, message: string, issues: readonly ApiIssue[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

/** What a user can do about an error, by its HTTP status and code. */
export function nextStep(error: unknown): string {
  if (!(error instanceof ApiError)) return "Check your connection and try again.";
  if (error.status === 401) return "Your session has ended: sign in again.";
  if (error.status === 403) return "Your role does not allow this. Ask an administrator for access.";
  if (error.status === 404)
    return "It does not exist or is not visible to you. Check the id or go back to the list.";
  if (error.status === 409)
    return "Another operation is running on the same data. Wait for it to finish, then retry.";
  if (error.status === 413) return "The file is larger than the server accepts. Split it into smaller files.";
  if (error.status === 429) return "Too many attempts. Wait a minute before trying again.";
  if (error.status === 503 && error.code === "not-ready")
    return "The server is still preparing the supply-chain graph (after a start or an import). Reload in a minute.";
  if (error.status === 400 || error.status === 422)
    return error.issues.length > 0
      ? "Fix the listed records in the file and upload it again; nothing was saved."
      : "Correct the input and try again.";
  return "Try again. If it keeps failing, the server log has the cause; tell your administrator.";
}

let csrfToken: string | undefined;

/** Set after sign-in (from /api/auth/me): sent as X-CSRF-Token on every unsafe request. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; issues?: ApiIssue[] } };
    if (body.error?.message)
      return new ApiError(
        response.status,
        body.error.code ?? "error",
        body.error.message,
        body.error.issues ?? [],
      );
  } catch {
    // Not JSON (a proxy's page, a crash): fall through and show the status.
  }
  return new ApiError(
    response.status,
    "http",
    `${response.status} ${response.statusText}: ${text.slice(0, 200)}`,
  );
}

export interface RequestOptions {
  readonly method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  readonly json?: unknown;
  readonly body?: BodyInit;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
}

/** How long a read waits, in all, for a server still building its trace graph (503 `not-ready`). */
const NOT_READY_WAIT_MS = 120_000;

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/**
 * A GET answered 503 `not-ready` (the server builds its trace graph at start and after an import)
 * is asked again after the server's Retry-After, so the page shows "Tracing…" rather than an error.
 */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const started = Date.now();
  for (;;) {
    const response = await requestOnce(path, options);
    const get = (options.method ?? "GET") === "GET" && options.json === undefined && !options.body;
    if (!get || response.status !== 503 || Date.now() - started > NOT_READY_WAIT_MS) return check(response);
    const error = await errorOf(response.clone());
    if (error.code !== "not-ready") throw error;
    const after = Number(response.headers.get("retry-after"));
    await pause(Math.min(2, Number.isFinite(after) && after > 0 ? after : 2) * 1000, options.signal);
  }
}

async function check(response: Response): Promise<Response> {
  if (!response.ok) throw await errorOf(response);
  return response;
}

async function requestOnce(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? (options.json !== undefined || options.body ? "POST" : "GET");
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let body = options.body;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    ...(body !== undefined ? { body } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return response;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await request(path, signal ? { signal } : {});
  return (await response.json()) as T;
}

export async function sendJson<T>(
  path: string,
  json: unknown,
  method: RequestOptions["method"] = "POST",
): Promise<T> {
  const response = await request(path, { method, json });
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A list endpoint's rows: the API pages lists as `{ items, … }`. */
export function itemsOf<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  const o = body as { items?: T[]; data?: T[] } | undefined;
  return o?.items ?? o?.data ?? [];
}

/** Total rows behind a paged list, when the API says. */
export function totalOf(body: unknown): number | undefined {
  const o = body as { total?: number; page?: { total?: number } } | undefined;
  return o?.total ?? o?.page?.total;
}

/**
 * Uploads with progress (fetch has no upload progress): XMLHttpRequest, same cookies and CSRF header.
 */
export function upload<T>(
  path: string,
  body: Blob | FormData,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "The upload was interrupted (network error)."));
    xhr.onload = () => {
      const response = new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText });
      if (xhr.status >= 200 && xhr.status < 300) {
        resolvePromise((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        return;
      }
      errorOf(response).then(reject, reject);
    };
    xhr.send(body);
  });
}
