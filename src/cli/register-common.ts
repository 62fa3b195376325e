import { defaultCatalog, loadCatalog } from "../catalog/load.ts";
import type { Catalog } from "../catalog/types.ts";
import { openDb, type Db, type OpenOptions } from "../store/db.ts";

/** Help text shared by the register's commands: where the register is. */
export const STORE_OPTIONS = `  --data DIR         the embedded register's folder (default: $DOSSIER_DATA, else
                     ./dossier-data); ignored when $DATABASE_URL names a Postgres server
  --catalog DIR      a catalog folder merged over the built-in one
                     (default: $DOSSIER_CATALOG when set)`;

/** Opens the register and the catalog a command works with, runs it, and closes the register. */
export async function withRegister<T>(flags: Map<string, string | true>, run: (db: Db, catalog: Catalog) => Promise<T>, open: Pick<OpenOptions, "lowMemory"> = {}): Promise<T> {
  const dir = flags.get("catalog") as string | undefined;
  const catalog = dir ? loadCatalog({ overlays: [dir] }) : defaultCatalog();
  const db = await openDb({ dataDir: (flags.get("data") as string | undefined) ?? undefined, ...open });
  try {
    return await run(db, catalog);
  } finally {
    await db.close();
  }
}
