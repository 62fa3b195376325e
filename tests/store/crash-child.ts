// Bulk-registers synthetic documents 0..N-1 into the register named by its arguments, printing each committed
// id; the crash test SIGKILLs it at random moments and starts it again to resume.
//   node --import tsx tests/store/crash-child.ts N (--data DIR | --url URL)
import { defaultCatalog } from "../../src/catalog/load.ts";
import { openDb } from "../../src/store/db.ts";
import { registerDocument } from "../../src/store/register.ts";
import { syntheticDocument } from "./synthetic.ts";

const [n, how, where] = process.argv.slice(2);
const db = await openDb(how === "--url" ? { url: where! } : { url: null, dataDir: where! });
const catalog = defaultCatalog();
process.stdout.write("ready\n");
for (let i = 0; i < Number(n); i++) {
  const { document, claims } = syntheticDocument(i, { pairs: 6 });
  const r = await registerDocument(db, document, claims, { catalog });
  process.stdout.write(`${r.status} ${document.id}\n`);
}
await db.close();
process.stdout.write("finished\n");
