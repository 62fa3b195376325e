import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Deduper, documentId, minhash, similarity } from "../../src/ingest/dedupe.ts";
import { readHtml } from "../../src/ingest/html.ts";

const story = [
  "The fictional Republic of Norvaria has ordered four Windlark patrol drones from the invented maker Halvern Aerosystems, the defence ministry said on Tuesday.",
  "The drones will watch over an imaginary coastline and fly from a base that does not exist, a ministry spokesperson told reporters at a briefing in the capital.",
  "Deliveries are to start next spring and the deal is worth about 12 million Norvarian crowns, according to the spokesperson, who gave no further details.",
  "Opposition members of the Norvarian parliament asked why the purchase had not been debated, and the ministry promised a report before the summer recess.",
].join("\n\n");

test("the id ignores case, spacing and Unicode form, and nothing else", () => {
  assert.equal(documentId("Café  au\nlait"), documentId("café au lait"));
  assert.equal(documentId("Cafe\u0301 au lait"), documentId("Café au lait"));
  assert.notEqual(documentId("café au lait"), documentId("café au lait!"));
});

test("a republication with a new headline and one changed sentence is a near-duplicate; a different story is not", () => {
  const copy = "Norvaria buys Windlark drones, ministry says\n\n" + story.replace("on Tuesday", "this week");
  const other = "The fictional Quelland navy retired its last patrol aircraft after forty years of service, the navy's chief of staff announced at a ceremony on the imaginary island of Vesk.";
  assert.ok(similarity(minhash(story), minhash(copy)) >= 0.5);
  assert.ok(similarity(minhash(story), minhash(other)) < 0.1);
  const d = new Deduper();
  assert.deepEqual(d.add("a", story), { duplicate: false, copyOf: [] });
  assert.deepEqual(d.add("b", other), { duplicate: false, copyOf: [] });
  assert.deepEqual(d.add("c", copy), { duplicate: false, copyOf: ["a"] });
  assert.deepEqual(d.add("a", story), { duplicate: true, copyOf: [] });
});

const PROVENANCE = join(import.meta.dirname, "../../../shared/corpus/provenance");
test("across the provenance cases, exactly the pairs listed in nearDuplicates are found", { skip: !existsSync(PROVENANCE) && "../shared/corpus/provenance is absent" }, () => {
  const expected = new Set<string>();
  const d = new Deduper();
  const found = new Set<string>();
  const names = new Map<string, string>();
  for (const c of readdirSync(PROVENANCE).filter((n) => !n.includes(".")).sort()) {
    const spec = JSON.parse(readFileSync(join(PROVENANCE, c, "case.json"), "utf8")) as { nearDuplicates: [string, string][] };
    for (const [a, b] of spec.nearDuplicates) expected.add([`${c}/${a}`, `${c}/${b}`].sort().join(" ~ "));
    for (const f of readdirSync(join(PROVENANCE, c)).filter((n) => n.endsWith(".html")).sort()) {
      const text = readHtml(readFileSync(join(PROVENANCE, c, f), "utf8"), null).text;
      const id = documentId(text);
      names.set(id, `${c}/${f}`);
      for (const other of d.add(id, text).copyOf) found.add([names.get(other)!, `${c}/${f}`].sort().join(" ~ "));
    }
  }
  assert.ok(expected.size >= 2);
  assert.deepEqual([...found].sort(), [...expected].sort());
});
