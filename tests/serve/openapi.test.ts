// The OpenAPI file against the router: every JSON route documented, nothing documented that is not served, and
// the register's documented query parameters are the ones the parser reads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { OPENAPI } from "../../src/serve/openapi.ts";
import { FILTER_PARAMS, REGISTER_PARAMS } from "../../src/serve/params.ts";
import { match, ROUTES } from "../../src/serve/routes.ts";
import { envelope, ERROR_CODES, HttpError } from "../../src/serve/errors.ts";

/** The JSON addresses the router serves, written as OpenAPI paths. */
const served = ROUTES.flatMap((r) => (r.twin ? [`${r.path === "/" ? "/" : r.path}.json`] : [r.path])).sort();

test("the OpenAPI paths are exactly the router's JSON routes and exports", () => {
  assert.equal(OPENAPI.openapi.split(".")[0], "3");
  assert.deepEqual(Object.keys(OPENAPI.paths).sort(), served);
});

test("each documented path reaches the route it names", () => {
  for (const path of Object.keys(OPENAPI.paths)) {
    const concrete = path.replace(/\{id\}/g, "abcd1234");
    const m = match(concrete);
    assert.ok(m, `${path} is routed`);
    assert.equal(m.json || /\.(csv|jsonl)$/.test(path), true, `${path} answers as data`);
  }
});

test("POST is documented exactly where a route takes it", () => {
  const paths = OPENAPI.paths as Record<string, { post?: unknown }>;
  for (const r of ROUTES) {
    const path = r.twin ? `${r.path === "/" ? "/" : r.path}.json` : r.path;
    assert.equal("post" in paths[path]!, !!r.post, path);
  }
});

const names = (params: { name: string }[] | undefined) => (params ?? []).map((p) => p.name).sort();

test("the register's documented parameters are the parser's", () => {
  const paths = OPENAPI.paths as Record<string, { get: { parameters?: { name: string }[] } }>;
  assert.deepEqual(names(paths["/.json"]!.get.parameters), [...REGISTER_PARAMS].sort());
  for (const p of ["/assertions.csv", "/assertions.jsonl"]) assert.deepEqual(names(paths[p]!.get.parameters), [...FILTER_PARAMS, "sort"].sort(), p);
  assert.deepEqual(names(paths["/assertions/{id}.json"]!.get.parameters), ["id"]);
});

test("the documented error schema is the envelope the app sends", () => {
  const schema = OPENAPI.components.schemas.Error;
  const sent = envelope(new HttpError(404, "not-found", "x"));
  assert.deepEqual([...schema.required].sort(), Object.keys(sent).sort());
  assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(sent).sort());
  assert.deepEqual(schema.properties.code.enum, [...ERROR_CODES], "every code the app can send is documented, in order");
});
