import type { ServerApp } from "./server-app.ts";

/** The document's header; paths and schemas come from the routes' `createRoute` definitions. */
const INFO = {
  openapi: "3.1.0",
  info: {
    title: "threadproof API",
    version: "0.1.0",
    description:
      "Traces cotton supply chains, screens parties against the UFLPA Entity List and CBP WRO list, and proves or disproves Xinjiang exposure. Sign in with POST /api/auth/login (session cookie + X-CSRF-Token for writes) or send `Authorization: Bearer <API token>`. Errors: `{ error: { code, message, issues? } }`. Listings page with `limit` and the opaque `cursor` (the previous page's `nextCursor`).",
  },
  servers: [{ url: "/" }],
};

type Json = Record<string, unknown>;

function esc(value: unknown): string {
  return String(value ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

function typeOf(schema: Json | undefined): string {
  if (!schema) return "";
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.split("/").at(-1) ?? "";
    return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
  }
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => `<code>${esc(v)}</code>`).join(" | ");
  if (schema.type === "array") return `${typeOf(schema.items as Json)}[]`;
  const union = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (union) return union.map(typeOf).join(" | ");
  return esc(Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "object"));
}

function bodySchema(content: unknown): Json | undefined {
  const media = content as Record<string, { schema?: Json }> | undefined;
  return media ? Object.values(media)[0]?.schema : undefined;
}

function operationHtml(method: string, path: string, op: Json): string {
  const params = ((op.parameters as Json[] | undefined) ?? [])
    .map(
      (p) =>
        `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}${p.required ? ", required" : ""}</td><td>${typeOf(p.schema as Json)}</td><td>${esc((p.schema as Json | undefined)?.description ?? p.description)}</td></tr>`,
    )
    .join("");
  const body = bodySchema((op.requestBody as Json | undefined)?.content);
  const responses = Object.entries((op.responses as Record<string, Json>) ?? {})
    .map(([s, r]) => `<li><b>${esc(s)}</b> ${esc(r.description)} ${typeOf(bodySchema(r.content))}</li>`)
    .join("");
  const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-");
  return `<section id="${esc(id)}"><h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary)}</p>${op.description ? `<p class="d">${esc(op.description)}</p>` : ""}
${params ? `<table><tr><th>parameter</th><th>in</th><th>type</th><th></th></tr>${params}</table>` : ""}
${body ? `<p>Body: ${typeOf(body)}</p>` : ""}<ul>${responses}</ul></section>`;
}

function schemaHtml(name: string, schema: Json): string {
  const props = Object.entries((schema.properties as Record<string, Json>) ?? {});
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = props
    .map(
      ([k, v]) =>
        `<tr><td><code>${esc(k)}</code>${required.has(k) ? "" : "?"}</td><td>${typeOf(v)}</td><td>${esc(v.description)}</td></tr>`,
    )
    .join("");
  return `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3>${schema.description ? `<p>${esc(schema.description)}</p>` : ""}${rows ? `<table>${rows}</table>` : `<p>${typeOf(schema)}</p>`}</section>`;
}

/** A readable reference rendered from the OpenAPI document itself, so the two never disagree. */
export function renderReference(doc: Json): string {
  const info = doc.info as Json;
  const paths = Object.entries((doc.paths as Record<string, Record<string, Json>>) ?? {});
  const ops = paths.flatMap(([path, methods]) =>
    Object.entries(methods).map(([m, op]) => operationHtml(m, path, op)),
  );
  const schemas = Object.entries(
    ((doc.components as Json | undefined)?.schemas as Record<string, Json>) ?? {},
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code{background:#f3f3f3;padding:0 .2em}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
.m{font-family:monospace;padding:.1em .4em;border-radius:3px;color:#fff;background:#555}.get{background:#2a7}.post{background:#27a}.delete{background:#a33}
section{border-top:1px solid #eee;padding:.5rem 0}.d{color:#555}</style></head><body>
<h1>${esc(info.title)} ${esc(info.version)}</h1><p>${esc(info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${esc(doc.openapi)}).</p>
<h2>Operations</h2>${ops.join("\n")}<h2>Schemas</h2>${schemas.map(([n, s]) => schemaHtml(n, s)).join("\n")}</body></html>`;
}

/** GET /openapi.json (also under /api) and the reference page GET /api/docs; both public. */
export function openApiRoutes(app: ServerApp): void {
  // Built on first request, when every module has registered its routes; routes never change after.
  let built: { json: Json; html: string } | undefined;
  const document = () => {
    if (!built) {
      const json = app.getOpenAPI31Document(INFO) as unknown as Json;
      built = { json, html: renderReference(json) };
    }
    return built;
  };
  app.get("/openapi.json", (c) => c.json(document().json));
  app.get("/api/openapi.json", (c) => c.json(document().json));
  app.get("/api/docs", (c) => c.html(document().html));
}
