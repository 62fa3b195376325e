import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import type { Schema } from "./schema.ts";

/** The folder of numbered SQL migrations (`NNN-name.sql`), applied in order, each once. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));

// Any constant works; it only has to be the same for every process migrating one database.
const LOCK = 0x646f7373;

/** Applies the migrations not yet applied, each in its own transaction; concurrent callers wait for one another. */
export async function migrate(db: Kysely<Schema>): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  await sql`create table if not exists dossier_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(db);
  for (const file of files) {
    const version = Number(file.slice(0, 3));
    await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${LOCK})`.execute(tx);
      const done = await tx.selectFrom("dossier_migrations").select("version").where("version", "=", version).executeTakeFirst();
      if (done) return;
      await sql.raw(readFileSync(join(MIGRATIONS_DIR, file), "utf8")).execute(tx);
      await tx.insertInto("dossier_migrations").values({ version, name: file }).execute();
      applied.push(file);
    });
  }
  return applied;
}
