// The register's acceptance: every provenance case (../shared's, and this repository's own fictional ones) fed
// through resolve and assess with its gold claims reproduces its case.json, in any order of ingestion.
import { test } from "node:test";
import assert from "node:assert/strict";
import { basename } from "node:path";
import { caseDirs, FIXTURE_DIR, loadCase, PROVENANCE_DIR } from "./provenance/load.ts";
import { assertionsOf, caseCatalog, goldInputs } from "./provenance/run.ts";
import { compareCase } from "./provenance/compare.ts";

const shared = caseDirs(PROVENANCE_DIR);
const dirs = [...shared, ...caseDirs(FIXTURE_DIR)];
if (shared.length === 0) test("../shared provenance cases", { skip: `${PROVENANCE_DIR} not found: only this repository's fixtures run` }, () => {});

/** A seeded shuffle (mulberry32), so a failing order can be replayed. */
function shuffled<T>(xs: T[], seed: number): T[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

for (const dir of dirs) {
  const name = basename(dir);
  test(`${name}: gold claims give case.json's assertions`, () => {
    const c = loadCase(dir);
    const catalog = caseCatalog(c);
    const result = compareCase(catalog, c.spec.assertions, assertionsOf(catalog, goldInputs(c)));
    assert.deepEqual(result.problems, []);
    assert.equal(result.right, c.spec.assertions.length);
  });

  test(`${name}: near-identical copies are found from the pages themselves`, () => {
    const c = loadCase(dir);
    const found = [...c.documents]
      .filter(([, d]) => d.copyOf?.length)
      .map(([file, d]) => [...d.copyOf!.map((id) => `${id}.html`), file].sort())
      .sort();
    assert.deepEqual(found, c.spec.nearDuplicates.map((g) => [...g].sort()).sort());
  });

  test(`${name}: the order of ingestion does not change the assertions`, () => {
    const c = loadCase(dir);
    const catalog = caseCatalog(c);
    const inputs = goldInputs(c);
    const reference = JSON.stringify(assertionsOf(catalog, inputs).sort((a, b) => a.id.localeCompare(b.id)));
    for (let seed = 1; seed <= 6; seed++) {
      const order = shuffled(inputs, seed).map((i) => ({ ...i, claims: { ...i.claims, transfers: i.claims.transfers } }));
      const got = JSON.stringify(assertionsOf(catalog, order).sort((a, b) => a.id.localeCompare(b.id)));
      assert.equal(got, reference, `order ${order.map((i) => i.document.id).join(", ")} (seed ${seed})`);
    }
  });
}
