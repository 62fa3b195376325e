// Why Kysely: it is a query builder, not an ORM, so the schema stays in plain numbered SQL files that both
// backends run unchanged; its types come from one interface (schema.ts) with no code generation step; it has a
// Postgres dialect over `pg` and needs only a small driver for PGlite (pglite-dialect.ts); and it is small, with
// no runtime dependencies. Drizzle would have us describe the schema in TypeScript and generate the SQL from it,
// which is the other way round from what the design asks (hand-written SQL, one operation per query).
import { Kysely, PostgresDialect } from "kysely";
import { PGliteDialect } from "./pglite-dialect.ts";
import { migrate } from "./migrate.ts";
import type { Schema } from "./schema.ts";

/** A database error the user can act on, with a stable code. */
export class StoreError extends Error {
  constructor(
    readonly code: "store-unreachable" | "store-invalid" | "not-found",
    message: string,
  ) {
    super(message);
  }
}

/** An open register: the typed query layer and which backend it runs on. */
export interface Db {
  kysely: Kysely<Schema>;
  backend: "pglite" | "postgres";
  /** Where the data lives: a folder, `memory`, or the server URL without its password. */
  location: string;
  close(): Promise<void>;
}

/** Where to open the register. */
export interface OpenOptions {
  /** A Postgres server; default `DATABASE_URL`. When set, it wins over `dataDir`. */
  url?: string | null;
  /** PGlite data folder; default `DOSSIER_DATA`, else `./dossier-data`. `memory` keeps it in memory (tests). */
  dataDir?: string;
}

/** Opens the register and brings its schema up to date. */
export async function openDb(options: OpenOptions = {}): Promise<Db> {
  const url = options.url === undefined ? process.env.DATABASE_URL || null : options.url;
  const db = url ? await openPostgres(url) : await openPGlite(options.dataDir ?? process.env.DOSSIER_DATA ?? "./dossier-data");
  try {
    await migrate(db.kysely);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const location = url.replace(/:\/\/([^:@/]+):[^@/]*@/, "://$1:***@");
  try {
    (await pool.connect()).release();
  } catch (e) {
    await pool.end();
    throw new StoreError("store-unreachable", `cannot reach the Postgres server at ${location}: ${(e as Error).message}`);
  }
  const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, backend: "postgres", location, close: () => kysely.destroy() };
}

async function openPGlite(dataDir: string): Promise<Db> {
  const { PGlite } = await import("@electric-sql/pglite");
  const pg = dataDir === "memory" ? new PGlite() : new PGlite(dataDir);
  const kysely = new Kysely<Schema>({ dialect: new PGliteDialect(pg) });
  return { kysely, backend: "pglite", location: dataDir, close: () => kysely.destroy() };
}
