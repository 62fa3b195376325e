// The HTTP app on node:http: routing, the HTML/JSON choice, security headers, static files and the one error path.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Catalog } from "../catalog/types.ts";
import type { Db } from "../store/db.ts";
import { Fetcher, type FetchOptions } from "../ingest/fetch.ts";
import { parseBody } from "./body.ts";
import { crossSiteRefusal, isLoopback, rebindingRefusal, validFormToken } from "./csrf.ts";
import { envelope, HttpError, toHttpError } from "./errors.ts";
import { html } from "./html.ts";
import { layout } from "./layout.ts";
import { match } from "./routes.ts";

/** The Content-Security-Policy of every answer: no inline script or style, nothing from elsewhere. */
export const CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

const STATIC: Record<string, { file: string; type: string }> = {
  "/static/dossier.css": { file: "dossier.css", type: "text/css; charset=utf-8" },
};
const staticBody = new Map<string, Buffer>();
function staticFile(path: string): { body: Buffer; type: string } | null {
  const s = STATIC[path];
  if (!s) return null;
  let body = staticBody.get(path);
  if (!body) staticBody.set(path, (body = readFileSync(new URL(`./static/${s.file}`, import.meta.url))));
  return { body, type: s.type };
}

/** What the app serves from. */
export interface AppOptions {
  db: Db;
  catalog: Catalog;
  /** Where unexpected errors are written; default standard error. */
  log?: (message: string) => void;
  /** Refuse POSTs whose Host is not a loopback name (against DNS rebinding); {@link startServer} sets it when it listens on loopback. Default false. */
  loopbackOnly?: boolean;
  /** Fetch options of the ingest form, over {@link INGEST_FETCH} (tests let a loopback range through with `allow`). */
  fetch?: FetchOptions;
}

/** How the ingest form fetches: the CLI's SSRF guard (private addresses refused), a 5 MiB page, 20 s, one retry. */
export const INGEST_FETCH: FetchOptions = { maxBytes: 5 * 1024 * 1024, timeoutMs: 20_000, retries: 1 };

/** The request handler: a route's page as HTML or JSON, a stream, a static file, or an error in the requested form. */
export function createApp(options: AppOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const log = options.log ?? ((m: string) => process.stderr.write(m + "\n"));
  const fetcher = new Fetcher({ ...INGEST_FETCH, ...options.fetch });
  return (req, res) => {
    void handle(options, req, res).catch((e: unknown) => {
      log(`dossier serve: ${req.method} ${req.url}: ${(e as Error)?.stack ?? String(e)}`);
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "internal error");
      else res.destroy();
    });
  };
  async function handle({ db, catalog }: AppOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    // Machine-read addresses (twins, exports, the API) answer errors as the envelope; pages answer an HTML page.
    const wantsJson = /\.(json|csv|jsonl)$/.test(url.pathname) || url.pathname.startsWith("/api/");
    let allow = "GET, HEAD";
    try {
      const read = req.method === "GET" || req.method === "HEAD";
      const file = read ? staticFile(url.pathname) : null;
      if (file) return send(res, 200, file.type, file.body, { "cache-control": "public, max-age=3600" });
      let found;
      try {
        found = match(url.pathname);
      } catch {
        throw new HttpError(400, "bad-request", "the address is not valid percent-encoding");
      }
      if (!found) throw new HttpError(404, "not-found", `nothing at ${url.pathname}`);
      const { route, params, json } = found;
      if (route.post) allow = "GET, HEAD, POST";
      const ctx = { db, catalog, fetcher, params, query: url.searchParams, json };
      let answer;
      if (read) answer = await route.handle(ctx);
      else {
        if (req.method !== "POST" || !route.post) throw new HttpError(405, "method-not-allowed", `${req.method} is not allowed at ${url.pathname}${route.post ? "" : ": it is read-only"}`);
        const refused = crossSiteRefusal(req.headers) ?? (options.loopbackOnly ? rebindingRefusal(req.headers) : null);
        if (refused) throw new HttpError(403, "forbidden", refused);
        const body = await parseBody(req, json);
        if (!json && !validFormToken(body.csrf)) throw new HttpError(403, "forbidden", "the form has expired or did not come from this site: reload it and send it again");
        answer = await route.post({ ...ctx, body });
      }
      if (answer.kind === "stream") return await stream(res, answer.type, answer.filename, answer.lines, req.method === "HEAD");
      if (answer.kind === "json") return send(res, 200, "application/json; charset=utf-8", JSON.stringify(answer.data, null, 2));
      const status = answer.status ?? 200;
      if (json) return send(res, status, "application/json; charset=utf-8", JSON.stringify({ ok: true, ...answer.data }));
      const jsonHref = read ? `${url.pathname === "/" ? "/" : url.pathname}.json${url.search}` : null;
      return send(res, status, "text/html; charset=utf-8", layout(answer.title, answer.html(), jsonHref));
    } catch (e) {
      const err = toHttpError(e);
      if (err.status >= 500 && err.code === "internal") log(`dossier serve: ${req.method} ${req.url}: ${(e as Error)?.stack ?? String(e)}`);
      const headers: Record<string, string> = err.status === 405 ? { allow } : {};
      if (wantsJson) return send(res, err.status, "application/json; charset=utf-8", JSON.stringify(envelope(err)), headers);
      const page = html`<h1>${err.status === 404 ? "Not found" : "Error"} <span class="status">${err.status}</span></h1><p class="error">${err.message}</p><p><a href="/">Back to the register</a></p>`;
      return send(res, err.status, "text/html; charset=utf-8", layout(`Error ${err.status}`, page, null), headers);
    }
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  const buf = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(status, { ...SECURITY_HEADERS, "content-type": type, "content-length": String(buf.length), ...extra });
  res.end(res.req.method === "HEAD" ? undefined : buf);
}

/** Writes lines as they come, waiting when the client reads slowly; a failure midway breaks the connection rather than ending a file early. */
async function stream(res: ServerResponse, type: string, filename: string, lines: AsyncIterable<string>, head: boolean): Promise<void> {
  const it = lines[Symbol.asyncIterator]();
  // The first line is read before the headers go, so an error that comes at once still gets an error answer.
  const first = await it.next();
  res.writeHead(200, { ...SECURITY_HEADERS, "content-type": type, "content-disposition": `attachment; filename="${filename}"` });
  if (head) return void res.end();
  for (let r = first; !r.done; r = await it.next()) {
    if (!res.write(r.value)) await new Promise((ok) => res.once("drain", ok));
  }
  res.end();
}

/** Where a server listens. */
export interface ListenOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
}

/** Starts the app on a host and port; resolves once it listens. */
export async function startServer(app: AppOptions, listen: ListenOptions = {}): Promise<{ server: Server; url: string }> {
  const server = createServer(createApp({ loopbackOnly: isLoopback(listen.host ?? "127.0.0.1"), ...app }));
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(listen.port ?? 8080, listen.host ?? "127.0.0.1", () => ok());
  });
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : listen.port;
  const host = listen.host ?? "127.0.0.1";
  return { server, url: `http://${host.includes(":") ? `[${host}]` : host}:${port}` };
}
