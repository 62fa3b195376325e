// Bulk-registers synthetic documents 0..N-1 into the register named by its arguments, printing each committed
// id; the crash test SIGKILLs it at random moments and starts it again to resume. With --batch B it registers B
// documents per transaction (registerDocuments) and prints a batch's ids once it has committed.
//   node --import tsx tests/store/crash-child.ts N (--data DIR | --url URL) [--batch B]
import { defaultCatalog } from "../../src/catalog/load.ts";
import { openDb } from "../../src/store/db.ts";
import { registerDocument } from "../../src/store/register.ts";
import { registerDocuments } from "../../src/store/register-batch.ts";
import { syntheticDocument } from "./synthetic.ts";

const [n, how, where, , batchArg] = process.argv.slice(2);
const batch = Number(batchArg ?? 1);
const db = await openDb(how === "--url" ? { url: where! } : { url: null, dataDir: where! });
const catalog = defaultCatalog();
process.stdout.write("ready\n");
for (let i = 0; i < Number(n); i += batch) {
  const inputs = Array.from({ length: Math.min(batch, Number(n) - i) }, (_, k) => syntheticDocument(i + k, { pairs: 6 }));
  if (batch === 1) {
    const r = await registerDocument(db, inputs[0]!.document, inputs[0]!.claims, { catalog });
    process.stdout.write(`${r.status} ${r.document}\n`);
  } else {
    const r = await registerDocuments(db, inputs, { catalog });
    process.stdout.write(r.documents.map((d) => `${d.status} ${d.document}\n`).join(""));
  }
}
await db.close();
process.stdout.write("finished\n");
