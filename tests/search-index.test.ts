// The search index (migration 006) is on the expression searchDocuments matches on: one configuration per
// TS_CONFIGS language, so adding a language without the index would be noticed here rather than as a slow search.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MIGRATIONS_DIR } from "../src/store/migrate.ts";
import { TS_CONFIGS } from "../src/store/search.ts";

test("the search index lists every text-search configuration searchDocuments uses, in its order", () => {
  const index = readFileSync(join(MIGRATIONS_DIR, "006-search-index.sql"), "utf8").replace(/\s+/g, " ");
  const whens = Object.entries(TS_CONFIGS).map(([code, cfg]) => `when '${code}' then '${cfg}'::regconfig`).join(" ");
  assert.ok(index.includes(`(case language ${whens} else 'simple'::regconfig end), coalesce(title, '') || ' ' || text)`), index);
});
