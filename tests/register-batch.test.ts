// The bulk path against the per-document one, on both backends: the same corpus (synthetic documents, a
// provenance case, near-identical copies, re-registrations unchanged and changed, a document twice in one batch)
// registered one document per transaction and N per transaction leaves the same tables, surrogate ids and
// timestamps aside.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import type { Catalog } from "../src/catalog/types.ts";
import type { Document } from "../src/ingest/document.ts";
import type { IncomingClaims } from "../src/resolve/claims.ts";
import type { Db } from "../src/store/db.ts";
import { stableJson } from "../src/store/json.ts";
import { registerDocument } from "../src/store/register.ts";
import { mergePending, registerDocuments } from "../src/store/register-batch.ts";
import { backends, reset } from "./store/backends.ts";
import { syntheticDocument } from "./store/synthetic.ts";
import { caseDirs, FIXTURE_DIR, loadCase } from "./provenance/load.ts";
import { caseCatalog, goldInputs } from "./provenance/run.ts";

type Input = { document: Document; claims: IncomingClaims };

const fixture = loadCase(caseDirs(FIXTURE_DIR)[0]!);
const catalog: Catalog = caseCatalog(fixture);

/** A near-identical copy of a document under another id (a republication the register finds by its headline). */
function copyOf(i: Input, id: string): Input {
  return { document: { ...i.document, id, url: `https://fictional.invalid/${id}`, outlet: "Fictional Wire" }, claims: { ...i.claims, document: { ...i.claims.document, id } } };
}

/** The same document with one claim fewer: what a newer extractor might read. */
const fewer = (i: Input): Input => ({ ...i, claims: { ...i.claims, transfers: i.claims.transfers.slice(0, -1) } });

function corpus(): Input[] {
  const syn = Array.from({ length: 60 }, (_, i) => syntheticDocument(i, { pairs: 6, outlets: 5 }));
  const gold = goldInputs(fixture);
  return [
    ...gold,
    ...syn.slice(0, 30),
    copyOf(syn[3]!, "copy-of-3"),
    ...syn.slice(30),
    copyOf(syn[40]!, "copy-of-40"),
    // registered again: unchanged, then changed, then a document twice in a row (changed, then the same again)
    ...syn.slice(0, 5),
    ...syn.slice(5, 10).map(fewer),
    fewer(syn[12]!),
    fewer(syn[12]!),
    fewer(fewer(syn[13]!)),
    syn[13]!,
    ...gold.slice(0, 2),
  ];
}

/** Every table of the register as sorted stable JSON, without surrogate ids and timestamps. */
async function tables(db: Db): Promise<Record<string, string>> {
  const q = async (text: string) => stableJson((await sql.raw(text).execute(db.kysely)).rows);
  return {
    documents: await q("select id, url, canonical_url, outlet, published, language, title, title_key, author, text, content_hash, claims_hash, extractor_version from documents order by id"),
    document_copies: await q("select * from document_copies order by document_id, copy_of"),
    sources: await q("select * from sources order by id"),
    claims: await q("select * from claims order by id"),
    citations: await q("select * from citations order by claim_id, position"),
    assertions: await q("select id, pair, supplier, recipient, category, item_name, system, time_from, time_to, independent_origins, circular, data from assertions order by id"),
    assertion_members: await q("select * from assertion_members order by assertion_id, claim_id"),
    conflicts: await q("select * from conflicts order by assertion_id, kind"),
    // The bulk path logs each assertion change once per batch; documents are logged one by one on both paths.
    document_log: await q("select action, subject, detail from audit_log where subject like 'document:%' order by id"),
  };
}

for (const backend of await backends()) {
  describe(`bulk registration on ${backend.name}`, { skip: backend.skip }, () => {
    let db: Db;
    let oneByOne: Record<string, string>;
    let statuses: string[];
    const inputs = corpus();
    before(async () => {
      db = await backend.open();
      await reset(db);
      statuses = [];
      for (const i of inputs) statuses.push((await registerDocument(db, i.document, i.claims, { catalog })).status);
      oneByOne = await tables(db);
    });
    after(async () => {
      await db?.close();
      await backend.cleanup();
    });

    for (const size of [1, 7, inputs.length]) {
      test(`batches of ${size} leave the tables one document per transaction leaves`, async () => {
        await reset(db);
        const got: string[] = [];
        for (let k = 0; k < inputs.length; k += size) got.push(...(await registerDocuments(db, inputs.slice(k, k + size), { catalog })).documents.map((d) => d.status));
        assert.deepEqual(got, statuses);
        const batched = await tables(db);
        for (const t of Object.keys(oneByOne)) assert.equal(batched[t], oneByOne[t], `table ${t}`);
      });
    }

    test("batches of 7 merged later, all at once, leave the same tables", async () => {
      await reset(db);
      for (let k = 0; k < inputs.length; k += 7) {
        const r = await registerDocuments(db, inputs.slice(k, k + 7), { catalog, merge: "later" });
        assert.deepEqual(r.assertions, { created: [], updated: [], removed: [] });
      }
      assert.equal((await db.kysely.selectFrom("assertions").select("id").execute()).length, 0);
      const merged = await mergePending(db, { catalog, chunk: 3 });
      assert.ok(merged.pairs > 0 && merged.created.length > 0);
      assert.equal((await db.kysely.selectFrom("pending_pairs").select("pair").execute()).length, 0);
      const batched = await tables(db);
      for (const t of Object.keys(oneByOne)) assert.equal(batched[t], oneByOne[t], `table ${t}`);
    });

    test("the corpus exercises copies, updates and unchanged documents", () => {
      assert.ok(JSON.parse(oneByOne.document_copies!).length >= 2);
      assert.ok(statuses.includes("updated") && statuses.includes("unchanged"));
    });

    test("a batch with an invalid document writes nothing", async () => {
      await reset(db);
      const good = inputs.slice(0, 3);
      const bad = { ...inputs[3]!, claims: { ...inputs[3]!.claims, document: { ...inputs[3]!.claims.document, id: "someone-else" } } };
      await assert.rejects(registerDocuments(db, [...good, bad], { catalog }), (e: Error & { code?: string }) => e.code === "claims-mismatch");
      const n = await db.kysely.selectFrom("documents").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 0);
    });

    test("registering a stored batch again changes nothing", async () => {
      await reset(db);
      const batch = inputs.slice(0, 20);
      await registerDocuments(db, batch, { catalog });
      const before = await tables(db);
      const again = await registerDocuments(db, batch, { catalog });
      assert.ok(again.documents.every((d) => d.status === "unchanged"));
      assert.deepEqual(again.assertions, { created: [], updated: [], removed: [] });
      assert.deepEqual(await tables(db), before);
    });
  });
}
