// A source's record as the source page shows it: the claims it stands behind, as the first link of a chain (it
// originated them) or further along (it relayed someone), and the documents it published itself.
import { sql, type Selectable } from "kysely";
import { StoreError, type Db } from "./db.ts";
import type { SourcesTable } from "./schema.ts";

/** One stored source (a chain's name resolved: a catalog entry, a government, a named or unnamed source). */
export type StoredSource = Selectable<SourcesTable>;

/** One claim a source stands behind, and where it stands in it. */
export interface SourceClaim {
  claim: string;
  idx: number;
  document: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  evidence: string;
  stance: string;
  /** How the claim reaches the source: `cited` in the claim's chain, or `published` in a document of its own. */
  via: "cited" | "published";
  /** Its place in the chain, 0 for the first link; for a published claim, the chain's length (0: its own voice). */
  position: number;
  /** The name as the text wrote it (the outlet's name for a published claim). */
  written: string;
  assertion: string | null;
}

/** A source by its id; unknown ids are a not-found error. */
export async function getSource(db: Db, id: string): Promise<StoredSource> {
  const row = await db.kysely.selectFrom("sources").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new StoreError("not-found", `no source ${id}`);
  return row;
}

/**
 * The claims a source stands behind: where it is cited in a chain, and, for an outlet, the claims of documents it
 * published (matched by outlet name, folded to lower case), at most `limit` of each (default 1000).
 */
export async function sourceClaims(db: Db, id: string, outletNames: string[], limit = 1000): Promise<SourceClaim[]> {
  const cited = await db.kysely
    .selectFrom("citations as ct")
    .innerJoin("claims as c", "c.id", "ct.claim_id")
    .innerJoin("documents as d", "d.id", "c.document_id")
    .leftJoin("assertion_members as m", "m.claim_id", "c.id")
    .select(["c.id as claim", "c.idx", "c.document_id as document", "d.title", "d.outlet", "d.published", "c.evidence", "c.stance", "ct.position", "ct.written", "m.assertion_id as assertion"])
    .where("ct.source_id", "=", id)
    .orderBy("d.published", (o) => o.desc().nullsLast())
    .orderBy("c.document_id")
    .orderBy("c.idx")
    .limit(limit)
    .execute();
  const folded = [...new Set(outletNames.map((n) => n.toLowerCase()))];
  const published = folded.length
    ? await db.kysely
        .selectFrom("claims as c")
        .innerJoin("documents as d", "d.id", "c.document_id")
        .leftJoin("assertion_members as m", "m.claim_id", "c.id")
        .select(["c.id as claim", "c.idx", "c.document_id as document", "d.title", "d.outlet", "d.published", "c.evidence", "c.stance", sql<number>`jsonb_array_length(c.chain)`.as("position"), "m.assertion_id as assertion"])
        .where(sql<string>`lower(d.outlet)`, "in", folded)
        .orderBy("d.published", (o) => o.desc().nullsLast())
        .orderBy("c.document_id")
        .orderBy("c.idx")
        .limit(limit)
        .execute()
    : [];
  // A chain that names the publishing outlet itself lists the claim once, as cited.
  const seen = new Set(cited.map((c) => c.claim));
  return [
    ...cited.map((c) => ({ ...c, via: "cited" }) as const),
    ...published.filter((c) => !seen.has(c.claim)).map((c) => ({ ...c, position: Number(c.position), via: "published", written: c.outlet ?? "" }) as const),
  ];
}

/** The sources cited by each of some claims, in chain order (origin first). */
export async function claimSources(db: Db, claims: string[]): Promise<Map<string, { id: string; written: string }[]>> {
  const out = new Map<string, { id: string; written: string }[]>();
  if (claims.length === 0) return out;
  const rows = await db.kysely.selectFrom("citations").select(["claim_id", "source_id", "written"]).where("claim_id", "in", claims).orderBy("claim_id").orderBy("position").execute();
  for (const r of rows) out.get(r.claim_id)?.push({ id: r.source_id, written: r.written }) ?? out.set(r.claim_id, [{ id: r.source_id, written: r.written }]);
  return out;
}
