// Many rows in one statement with one parameter: the rows travel as a JSON array that the server unpacks with
// json_populate_recordset, so a batch is never limited by the 65,535 bind parameters of the protocol and costs one
// round trip on both backends. jsonb columns take their values as JSON (arrays, objects), not as strings.
import { sql, type RawBuilder, type Transaction, type Kysely } from "kysely";
import type { Schema } from "./schema.ts";

type Writer = Transaction<Schema> | Kysely<Schema>;

/** Inserts rows (all with the same keys) into a table; `tail` is appended (an ON CONFLICT clause). */
export async function insertRows(db: Writer, table: keyof Schema, rows: readonly Record<string, unknown>[], tail: RawBuilder<unknown> = sql``): Promise<void> {
  if (rows.length === 0) return;
  const columns = sql.join(Object.keys(rows[0]!).map((c) => sql.ref(c)));
  await sql`insert into ${sql.table(table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json) ${tail}`.execute(db);
}
