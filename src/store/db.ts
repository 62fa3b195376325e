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
  /**
   * A one-shot command that should hold little memory (`import`): PGlite's Postgres is then run by V8's baseline
   * compiler only, for the rest of the process (see openPGlite). No effect on Postgres servers.
   */
  lowMemory?: boolean;
}

/** Opens the register and brings its schema up to date. */
export async function openDb(options: OpenOptions = {}): Promise<Db> {
  const url = options.url === undefined ? process.env.DATABASE_URL || null : options.url;
  const db = url ? await openPostgres(url) : await openPGlite(options.dataDir ?? process.env.DOSSIER_DATA ?? "./dossier-data", options.lowMemory ?? false);
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

/**
 * PGlite's Postgres settings, after its own defaults. Its initdb leaves Postgres's 128 MB of shared buffers, and in
 * WebAssembly the shared memory segment is ordinary linear memory, zero-filled when it is allocated: an opened
 * register was about 120 MB larger for it (400 MB resident with Node, tsx and the catalog). 16 MB holds the embedded
 * register's working pages (a 30,000-record import, the tests, `bench:register`'s default register), with the
 * operating system's file cache behind it; `DOSSIER_PGLITE_SHARED_BUFFERS` (`128MB`, say) raises it for a large
 * register served long. WAL buffers follow it (1/32).
 */
export function pgliteSettings(): string[] {
  return [`shared_buffers=${process.env.DOSSIER_PGLITE_SHARED_BUFFERS || "16MB"}`];
}

async function openPGlite(dataDir: string, lowMemory: boolean): Promise<Db> {
  // V8 compiles PGlite's 9 MB WebAssembly module lazily with its baseline compiler (Liftoff), then recompiles the
  // hot functions with its optimising one (TurboFan) in the background: for a one-shot command that costs about
  // 50 MB (code and compiler memory) and more CPU than the faster code saves. The flag is V8's, so process-wide.
  if (lowMemory) (await import("node:v8")).setFlagsFromString("--liftoff-only");
  const { PGlite } = await import("@electric-sql/pglite");
  // startParams replace PGlite's defaults (single-user mode, its search path...): keep them, then add ours.
  const options = { startParams: [...PGlite.defaultStartParams, ...pgliteSettings().flatMap((c) => ["-c", c])] };
  const pg = dataDir === "memory" ? new PGlite(options) : new PGlite(dataDir, options);
  const kysely = new Kysely<Schema>({ dialect: new PGliteDialect(pg) });
  return { kysely, backend: "pglite", location: dataDir, close: () => kysely.destroy() };
}
