// A system's transfers as the system page shows them: every assertion of its family, oldest first.
import type { Assertion } from "../assess/assess.ts";
import type { Db } from "./db.ts";

/** The assertions of a system family, by time (undated last), then supplier and recipient; at most `limit` (default 1000). */
export async function systemAssertions(db: Db, family: string, limit = 1000): Promise<Assertion[]> {
  const rows = await db.kysely
    .selectFrom("assertions")
    .select("data")
    .where("system", "=", family)
    .orderBy("time_from", (o) => o.asc().nullsLast())
    .orderBy("supplier")
    .orderBy("recipient")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => r.data as Assertion);
}
