// A state's transfers as the country page shows them: by year and by partner, as supplier and as recipient.
import { sql } from "kysely";
import type { Db } from "./db.ts";

/** Assertions per year in which a state supplies (exports) or receives (imports); undated ones have year null. */
export interface CountryFlows {
  byYear: { year: string | null; exports: number; imports: number }[];
  /** Recipients of its exports, most assertions first. */
  recipients: { state: string; count: number }[];
  /** Suppliers of its imports, most assertions first. */
  suppliers: { state: string; count: number }[];
  total: { exports: number; imports: number };
}

/** The flows of one state (an ISO 3166-1 alpha-3 code). */
export async function countryFlows(db: Db, code: string, partners = 15): Promise<CountryFlows> {
  const year = sql<string | null>`substr(time_from, 1, 4)`;
  const years = await db.kysely
    .selectFrom("assertions")
    .select([year.as("year"), sql<number>`count(*) filter (where supplier = ${code})::int`.as("exports"), sql<number>`count(*) filter (where recipient = ${code})::int`.as("imports")])
    .where((eb) => eb.or([eb("supplier", "=", code), eb("recipient", "=", code)]))
    .groupBy(year)
    .orderBy(year)
    .execute();
  const partner = (side: "supplier" | "recipient", other: "supplier" | "recipient") =>
    db.kysely
      .selectFrom("assertions")
      .select([sql<string>`coalesce(${sql.ref(other)}, '?')`.as("state"), sql<number>`count(*)::int`.as("count")])
      .where(side, "=", code)
      .groupBy(other)
      .orderBy(sql`count(*) desc`)
      .orderBy(other)
      .limit(partners)
      .execute();
  const [recipients, suppliers] = await Promise.all([partner("supplier", "recipient"), partner("recipient", "supplier")]);
  const byYear = years.map((y) => ({ year: y.year, exports: Number(y.exports), imports: Number(y.imports) }));
  return {
    byYear,
    recipients: recipients.map((r) => ({ state: r.state, count: Number(r.count) })),
    suppliers: suppliers.map((r) => ({ state: r.state, count: Number(r.count) })),
    total: { exports: byYear.reduce((n, y) => n + y.exports, 0), imports: byYear.reduce((n, y) => n + y.imports, 0) },
  };
}
