// The route table: one handler per page; the app answers it as HTML, or as JSON with `.json` appended.
import type { Catalog } from "../catalog/types.ts";
import type { Fetcher } from "../ingest/fetch.ts";
import type { Db } from "../store/db.ts";
import { exportLines } from "./exports.ts";
import type { Html } from "./html.ts";
import { OPENAPI } from "./openapi.ts";
import { ingestAnswer, ingestForm, ingestFormData } from "./pages/ingest.ts";
import { assertionData, assertionPage } from "./pages/assertion.ts";
import { countryData, countryPage } from "./pages/country.ts";
import { documentData, documentPage } from "./pages/document.ts";
import { registerData, registerPage } from "./pages/register.ts";
import { searchData, searchPage } from "./pages/search.ts";
import { sourceData, sourcePage } from "./pages/source.ts";
import { systemData, systemPage } from "./pages/system.ts";

/** What a handler gets. */
export interface Ctx {
  db: Db;
  catalog: Catalog;
  /** Fetches pages for the ingest form, behind the SSRF guard. */
  fetcher: Fetcher;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Whether the JSON twin was asked for. */
  json: boolean;
}

/** What a POST handler gets: the parsed body too (form fields, or the JSON object the twin was sent). */
export interface PostCtx extends Ctx {
  body: Record<string, unknown>;
}

/** What a handler answers: a page (HTML or its JSON twin), plain JSON, or a streamed file. */
export type Answer =
  | { kind: "page"; title: string; data: object; html: () => Html; /** Default 200. */ status?: number }
  | { kind: "json"; data: object }
  | { kind: "stream"; type: string; filename: string; lines: AsyncIterable<string> };

/** One route; `twin` routes answer HTML at their path and JSON at the path plus `.json`. */
export interface Route {
  /** OpenAPI-style template, e.g. `/assertions/{id}`. */
  path: string;
  twin: boolean;
  handle(ctx: Ctx): Promise<Answer>;
  /** Answers a POST (which changes or may change the register); routes without it answer POST with a 405. */
  post?(ctx: PostCtx): Promise<Answer>;
}

/** Every route the app serves (static files aside). */
export const ROUTES: Route[] = [
  {
    path: "/",
    twin: true,
    async handle({ db, catalog, query }) {
      const { data, rq } = await registerData(db, catalog, query);
      return { kind: "page", title: "Register", data, html: () => registerPage(catalog, data, rq) };
    },
  },
  {
    path: "/assertions.csv",
    twin: false,
    async handle({ db, catalog, query }) {
      return { kind: "stream", type: "text/csv; charset=utf-8", filename: "assertions.csv", lines: exportLines(db, catalog, query, "csv") };
    },
  },
  {
    path: "/assertions.jsonl",
    twin: false,
    async handle({ db, catalog, query }) {
      return { kind: "stream", type: "application/x-ndjson; charset=utf-8", filename: "assertions.jsonl", lines: exportLines(db, catalog, query, "jsonl") };
    },
  },
  {
    path: "/assertions/{id}",
    twin: true,
    async handle({ db, catalog, params }) {
      const data = await assertionData(db, params.id!);
      return { kind: "page", title: `Assertion ${data.assertion.id}`, data, html: () => assertionPage(catalog, data) };
    },
  },
  {
    path: "/documents/{id}",
    twin: true,
    async handle({ db, catalog, params }) {
      const data = await documentData(db, catalog, params.id!);
      return { kind: "page", title: data.document.title ?? data.document.id, data, html: () => documentPage(catalog, data) };
    },
  },
  {
    path: "/countries/{code}",
    twin: true,
    async handle({ db, catalog, params }) {
      const data = await countryData(db, catalog, params.code!);
      return { kind: "page", title: data.name, data, html: () => countryPage(catalog, data) };
    },
  },
  {
    path: "/systems/{id}",
    twin: true,
    async handle({ db, catalog, params }) {
      const { data, rows } = await systemData(db, catalog, params.id!);
      return { kind: "page", title: data.system.name, data, html: () => systemPage(catalog, data, rows) };
    },
  },
  {
    path: "/sources/{id}",
    twin: true,
    async handle({ db, catalog, params }) {
      const data = await sourceData(db, catalog, params.id!);
      return { kind: "page", title: data.source.name, data, html: () => sourcePage(catalog, data) };
    },
  },
  {
    path: "/search",
    twin: true,
    async handle({ db, query }) {
      const data = await searchData(db, query);
      return { kind: "page", title: data.q ? `Search: ${data.q}` : "Search", data, html: () => searchPage(data) };
    },
  },
  {
    path: "/ingest",
    twin: true,
    async handle() {
      return { kind: "page", title: "Add an article", data: ingestFormData(), html: () => ingestForm() };
    },
    post: ingestAnswer,
  },
  {
    path: "/api/openapi.json",
    twin: false,
    async handle() {
      return { kind: "json", data: OPENAPI };
    },
  },
];

interface Compiled {
  route: Route;
  re: RegExp;
  names: string[];
}

const compiled: Compiled[] = ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_m, n: string) => (names.push(n), "([^/]+)"));
  return { route, re: new RegExp(`^${source}$`), names };
});

/** The route for a request path, its parameters, and whether the JSON twin was asked for; null when none matches. */
export function match(pathname: string): { route: Route; params: Record<string, string>; json: boolean } | null {
  for (const json of [true, false]) {
    const path = json ? (pathname.endsWith(".json") ? pathname.slice(0, -5) : null) : pathname;
    if (path === null) continue;
    for (const c of compiled) {
      if (json && !c.route.twin) continue;
      const m = c.re.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      c.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
      return { route: c.route, params, json: json || (!c.route.twin && c.route.path.endsWith(".json")) };
    }
  }
  return null;
}
