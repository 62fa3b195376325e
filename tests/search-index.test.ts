// The stored search vector (migration 006) is computed with the configurations searchDocuments parses queries with:
// one per TS_CONFIGS language, so a language added to one and not the other is noticed here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MIGRATIONS_DIR } from "../src/store/migrate.ts";
import { TS_CONFIGS } from "../src/store/search.ts";

test("the stored search vector lists every text-search configuration searchDocuments uses, in its order", () => {
  const index = readFileSync(join(MIGRATIONS_DIR, "006-search-index.sql"), "utf8").replace(/\s+/g, " ");
  const whens = Object.entries(TS_CONFIGS).map(([code, cfg]) => `when '${code}' then '${cfg}'::regconfig`).join(" ");
  assert.ok(index.includes(`(case language ${whens} else 'simple'::regconfig end), coalesce(title, '') || ' ' || text)`), index);
});
