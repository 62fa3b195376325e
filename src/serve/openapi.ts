// The API's description, written by hand (not derived from the route table) so that tests/serve/openapi.test.ts
// can hold the two against each other.
import { SEARCH_CANDIDATES } from "../store/search.ts";

const CANDIDATES = SEARCH_CANDIDATES.toLocaleString("en");

const filterParams = [
  { name: "supplier", in: "query", description: "Supplier state, ISO 3166-1 alpha-3.", schema: { type: "string", pattern: "^[A-Za-z]{3}$" } },
  { name: "recipient", in: "query", description: "Recipient state, ISO 3166-1 alpha-3.", schema: { type: "string", pattern: "^[A-Za-z]{3}$" } },
  { name: "category", in: "query", description: "A SCHEMA.md item category (uav, spyware, …).", schema: { type: "string" } },
  { name: "since", in: "query", description: "Assertions whose time reaches this year or later.", schema: { type: "string", pattern: "^\\d{4}$" } },
  { name: "until", in: "query", description: "Assertions whose time starts in this year or earlier.", schema: { type: "string", pattern: "^\\d{4}$" } },
  { name: "item", in: "query", description: "A system name; matches its whole family.", schema: { type: "string" } },
  { name: "stage", in: "query", description: "Furthest stage reported (offered, ordered, delivered, cancelled…).", schema: { type: "string" } },
  { name: "stance", in: "query", description: "asserted, alleged or denied.", schema: { type: "string" } },
  { name: "grade", in: "query", description: "Admiralty grade, e.g. B2.", schema: { type: "string", pattern: "^[A-F][1-6]$" } },
];
const pagingParams = [
  { name: "sort", in: "query", description: "Column to sort by, - in front for descending; default supplier.", schema: { type: "string", enum: ["supplier", "recipient", "item", "category", "quantity", "value", "time", "stage", "stance", "origins", "grade"].flatMap((k) => [k, `-${k}`]) } },
  { name: "page", in: "query", description: "Page number; default 1.", schema: { type: "integer", minimum: 1 } },
  { name: "per_page", in: "query", description: "Rows per page; default 50, at most 500.", schema: { type: "integer", minimum: 1, maximum: 500 } },
];
const idParam = (what: string) => ({ name: "id", in: "path", required: true, description: what, schema: { type: "string" } });

const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const ok = (description: string, schema: object) => ({ description, content: { "application/json": { schema } } });

/** The OpenAPI 3 document served at /api/openapi.json. */
export const OPENAPI = {
  openapi: "3.0.3",
  info: {
    title: "Dossier register API",
    version: "0.1.0",
    description: "Every HTML page of `dossier serve` answers as JSON at the same path with .json appended. Errors share one envelope.",
  },
  paths: {
    "/.json": {
      get: {
        summary: "The register: one page of assertions, with facet counts and export links.",
        parameters: [...filterParams, ...pagingParams],
        responses: { "200": ok("A page of the register.", { $ref: "#/components/schemas/RegisterPage" }), "400": error("A bad filter, sort or page.") },
      },
    },
    "/assertions.csv": {
      get: {
        summary: "Every assertion matching the filters, as CSV (streamed, never truncated).",
        parameters: [...filterParams, pagingParams[0]],
        responses: { "200": { description: "CSV with a header row.", content: { "text/csv": { schema: { type: "string" } } } }, "400": error("A bad filter.") },
      },
    },
    "/assertions.jsonl": {
      get: {
        summary: "Every assertion matching the filters, as JSON Lines (streamed, never truncated).",
        parameters: [...filterParams, pagingParams[0]],
        responses: { "200": { description: "One assertion summary per line.", content: { "application/x-ndjson": { schema: { type: "string" } } } }, "400": error("A bad filter.") },
      },
    },
    "/assertions/{id}.json": {
      get: {
        summary: "One assertion with every field, its members, conflicts, grade and where each member's evidence sits.",
        parameters: [idParam("Assertion id, or a unique prefix of at least four hex digits.")],
        responses: { "200": ok("The assertion.", { type: "object", required: ["ok", "assertion", "evidence"] }), "404": error("No such assertion.") },
      },
    },
    "/documents/{id}.json": {
      get: {
        summary: "One document: metadata, text, its claims located in the text, near-duplicates and assertions.",
        parameters: [idParam("Document id.")],
        responses: { "200": ok("The document.", { type: "object", required: ["ok", "document", "claims", "copies", "assertions"] }), "404": error("No such document.") },
      },
    },
    "/countries/{code}.json": {
      get: {
        summary: "One state: its assertions as supplier and as recipient by year, and its top partners each way.",
        parameters: [{ name: "code", in: "path", required: true, description: "ISO 3166-1 alpha-3 code.", schema: { type: "string", pattern: "^[A-Za-z]{3}$" } }],
        responses: { "200": ok("The state's flows.", { type: "object", required: ["ok", "code", "name", "byYear", "recipients", "suppliers", "total"] }), "404": error("A code neither the catalog nor the register knows.") },
      },
    },
    "/systems/{id}.json": {
      get: {
        summary: "One catalog system: its entry, its family's variants, and every assertion the register counts in its family, oldest first.",
        parameters: [idParam("Catalog system id, e.g. heron.")],
        responses: { "200": ok("The system and its assertions.", { type: "object", required: ["ok", "system", "rows"] }), "404": error("No such system in the catalog.") },
      },
    },
    "/sources/{id}.json": {
      get: {
        summary: "One source (outlet, agency, NGO, government, person, unnamed source): the claims it originated and relayed, their assertions (with how many it originated were corroborated by another independent origin) and documents.",
        parameters: [idParam("Register source id, e.g. source:haaretz or government:MAR (percent-encoded).")],
        responses: { "200": ok("The source's record.", { type: "object", required: ["ok", "source", "summary", "claims", "assertions", "documents"] }), "404": error("No such source.") },
      },
    },
    "/search.json": {
      get: {
        summary: "Full-text search over documents and their claims, each document stemmed in its own language.",
        parameters: [{ name: "q", in: "query", description: "Words, \"a phrase\", -excluded, or (websearch syntax); at most 200 characters.", schema: { type: "string", maxLength: 200 } }],
        responses: {
          "200": ok(
            `The 50 most relevant matching documents with their matching claims, ranked among the ${CANDIDATES} most recently published matches; total counts the matches up to ${CANDIDATES}, and capped is true when the count stopped there (at least that many match).`,
            { type: "object", required: ["ok", "q", "total", "capped", "hits"] },
          ),
          "400": error("A query too long."),
        },
      },
    },
    "/ingest.json": {
      get: {
        summary: "What the ingest form takes: its fields, the languages extraction reads, and its limits.",
        responses: { "200": ok("The form's description.", { type: "object", required: ["ok", "fields", "languages", "limits"] }) },
      },
      post: {
        summary:
          "Reads an article (a URL fetched behind the SSRF guard, or a text) and answers the claims extracted; with store: true, also stores it as `bin/dossier ingest` does. " +
          "No form token is needed: the body must be application/json, which a cross-site form cannot send and a cross-site script cannot send without a CORS preflight this server never grants; " +
          "a request whose Origin or Sec-Fetch-Site names another site is refused with a 403.",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  url: { type: "string", description: "An http(s) address of one article (not a feed); private and loopback addresses are refused." },
                  text: { type: "string", description: "The article's text, when no URL is given; at most 500,000 characters." },
                  language: { type: "string", description: "ISO 639-1; detected when absent. One of the languages GET /ingest.json lists." },
                  published: { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$", description: "Publication date; the page's own when absent." },
                  title: { type: "string", description: "Headline; the page's own when absent." },
                  store: { type: "boolean", description: "Store the document and its claims in the register; default false (a preview)." },
                },
              },
            },
          },
        },
        responses: {
          "200": ok("The document as read, its claims, warnings, and what storing did (null for a preview).", { type: "object", required: ["ok", "document", "claims", "warnings", "stored"] }),
          "400": error("A field of the wrong type, or a body that is not a JSON object."),
          "403": error("A request from another site."),
          "413": error("A body over 5 MiB."),
          "415": error("A body that is not application/json."),
          "422": error("Nothing to read: both or neither of url and text, an empty or too long text, a refused (private) address, a page too large, a feed, an unsupported or undetected language, a bad date."),
          "502": error("The page could not be fetched (network, timeout, HTTP error)."),
        },
      },
    },
    "/api/openapi.json": {
      get: { summary: "This document.", responses: { "200": ok("OpenAPI 3 document.", { type: "object" }) } },
    },
  },
  components: {
    schemas: {
      Error: {
        type: "object",
        required: ["ok", "status", "code", "error"],
        additionalProperties: false,
        properties: {
          ok: { type: "boolean", enum: [false] },
          status: { type: "integer", description: "The HTTP status, repeated." },
          code: { type: "string", enum: ["not-found", "bad-request", "forbidden", "method-not-allowed", "too-large", "unsupported-media-type", "unprocessable", "bad-gateway", "internal"] },
          error: { type: "string", description: "What went wrong, in words." },
        },
      },
      RegisterPage: {
        type: "object",
        required: ["ok", "total", "page", "perPage", "pages", "sort", "filter", "rows", "facets", "links"],
        properties: {
          ok: { type: "boolean", enum: [true] },
          total: { type: "integer" },
          page: { type: "integer" },
          perPage: { type: "integer" },
          pages: { type: "integer" },
          sort: { type: "string" },
          filter: { type: "object" },
          rows: { type: "array", items: { type: "object" } },
          facets: { type: "object", additionalProperties: { type: "array", items: { type: "object", properties: { value: { type: "string" }, count: { type: "integer" } } } } },
          links: { type: "object", properties: { csv: { type: "string" }, jsonl: { type: "string" }, next: { type: "string", nullable: true }, prev: { type: "string", nullable: true } } },
        },
      },
    },
  },
};
