// The backends every store test runs on: embedded PGlite always, and a real Postgres server when DATABASE_URL
// reaches one (each test file gets a database of its own, dropped at the end).
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { openDb, type Db } from "../../src/store/db.ts";

export interface Backend {
  name: "pglite" | "postgres";
  /** Why it is skipped, when it is. */
  skip: string | false;
  /** For Postgres: the URL of this file's own database (created by the first open()). */
  url: string | null;
  open(): Promise<Db>;
  /** Drops what open() created. */
  cleanup(): Promise<void>;
}

async function reachable(url: string): Promise<string | false> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return false;
  } catch (e) {
    return `no Postgres server at DATABASE_URL (${(e as Error).message}); run: eval "$(scripts/pg-test-server.sh start)"`;
  }
}

/** PGlite in memory, and Postgres when DATABASE_URL is set and answers. */
export async function backends(): Promise<Backend[]> {
  const url = process.env.DATABASE_URL;
  const pgSkip = url ? await reachable(url) : "DATABASE_URL is not set; run: eval \"$(scripts/pg-test-server.sh start)\"";
  const name = `dossier_test_${randomBytes(4).toString("hex")}`;
  let created = false;
  let own: string | null = null;
  if (url) {
    const u = new URL(url);
    u.pathname = `/${name}`;
    own = u.toString();
  }
  return [
    { name: "pglite", skip: false, url: null, open: () => openDb({ url: null, dataDir: "memory" }), cleanup: async () => {} },
    {
      name: "postgres",
      skip: pgSkip,
      url: own,
      async open() {
        const admin = await adminClient(url!);
        if (!created) await admin.query(`create database ${name}`);
        created = true;
        await admin.end();
        return openDb({ url: own! });
      },
      async cleanup() {
        if (!created) return;
        const admin = await adminClient(url!);
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    },
  ];
}

async function adminClient(url: string) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Empties every table of the register (TRUNCATE, which the audit log's row trigger does not see). */
export async function reset(db: Db): Promise<void> {
  await sql`truncate documents, document_copies, sources, claims, citations, assertions, assertion_members, conflicts, decisions, audit_log, pending_pairs restart identity cascade`.execute(db.kysely);
}
