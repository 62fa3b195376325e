// Registers synthetic documents 0..N-1 into the register named by its arguments, printing each committed id; the
// crash test SIGKILLs it at random moments and starts it again to resume. By default it stores them as
// `dossier ingest` does (BulkRegister: B documents per transaction, merging deferred), printing a batch's ids once
// it has committed, then "merging" before the merge; with --one-by-one, one document per transaction
// (registerDocument, as the web form stores). "finished" when all is done.
//   node --import tsx tests/store/crash-child.ts N (--data DIR | --url URL) (--batch B | --one-by-one)
import { defaultCatalog } from "../../src/catalog/load.ts";
import { BulkRegister } from "../../src/store/bulk.ts";
import { openDb } from "../../src/store/db.ts";
import { registerDocument } from "../../src/store/register.ts";
import { syntheticDocument } from "./synthetic.ts";

const [n, how, where, mode, batchArg] = process.argv.slice(2);
const db = await openDb(how === "--url" ? { url: where! } : { url: null, dataDir: where! });
const catalog = defaultCatalog();
const inputs = Array.from({ length: Number(n) }, (_, i) => syntheticDocument(i, { pairs: 6 }));
const say = (line: string) => process.stdout.write(`${line}\n`);
say("ready");
if (mode === "--one-by-one") {
  for (const i of inputs) {
    const r = await registerDocument(db, i.document, i.claims, { catalog });
    say(`${r.status} ${r.document}`);
  }
} else {
  const bulk = new BulkRegister<void>(db, {
    catalog,
    batch: Number(batchArg),
    // Two pairs per merge transaction, so that a kill can land between two of them.
    mergeChunk: 2,
    stored: (_, o) => {
      if (o instanceof Error) throw o;
      say(`${o.status} ${o.document}`);
    },
  });
  for (const i of inputs) await bulk.add(i);
  await bulk.drain();
  say("merging");
  await bulk.finish();
}
await db.close();
say("finished");
