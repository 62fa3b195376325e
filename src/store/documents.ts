// Read-only queries for the document and assertion pages: a document with its claims, copies and assertions.
import type { Selectable } from "kysely";
import { StoreError, type Db } from "./db.ts";
import type { ClaimsTable, DocumentsTable } from "./schema.ts";

/** A stored document as its page shows it. */
export type StoredDocument = Selectable<DocumentsTable>;
/** A stored claim row. */
export type StoredClaim = Selectable<ClaimsTable>;

// Named, not `*`: the table also holds the stored search vector (migration 006), which is no part of a document.
const DOCUMENT_COLUMNS = ["id", "url", "canonical_url", "outlet", "published", "language", "title", "title_key", "author", "text", "content_hash", "claims_hash", "extractor_version", "registered_at"] as const satisfies readonly (keyof DocumentsTable)[];

/** One document by its exact id. */
export async function getDocument(db: Db, id: string): Promise<StoredDocument> {
  const row = await db.kysely.selectFrom("documents").select(DOCUMENT_COLUMNS).where("id", "=", id).executeTakeFirst();
  if (!row) throw new StoreError("not-found", `no document ${id}`);
  return row;
}

/** A document's claims in file order. */
export async function documentClaims(db: Db, id: string): Promise<StoredClaim[]> {
  return db.kysely.selectFrom("claims").selectAll().where("document_id", "=", id).orderBy("idx").execute();
}

/** Claims by id (an assertion's members). */
export async function claimsByIds(db: Db, ids: string[]): Promise<StoredClaim[]> {
  if (ids.length === 0) return [];
  return db.kysely.selectFrom("claims").selectAll().where("id", "in", ids).execute();
}

/** Near-identical copies in both directions: documents this one copies and documents that copy it. */
export async function documentCopies(db: Db, id: string): Promise<{ id: string; title: string | null; outlet: string | null; relation: "copy-of" | "copied-by"; foundBy: string }[]> {
  const rows = await db.kysely
    .selectFrom("document_copies as c")
    .innerJoin("documents as d", (j) => j.on((eb) => eb.or([eb.and([eb("c.document_id", "=", id), eb("d.id", "=", eb.ref("c.copy_of"))]), eb.and([eb("c.copy_of", "=", id), eb("d.id", "=", eb.ref("c.document_id"))])])))
    .select(["d.id", "d.title", "d.outlet", "c.document_id", "c.found_by"])
    .orderBy("d.id")
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, outlet: r.outlet, relation: r.document_id === id ? "copy-of" : "copied-by", foundBy: r.found_by }));
}

/** The assertions a document's claims belong to. */
export async function documentAssertions(db: Db, id: string): Promise<{ id: string; claimIdx: number }[]> {
  const rows = await db.kysely
    .selectFrom("assertion_members as m")
    .innerJoin("claims as c", "c.id", "m.claim_id")
    .select(["m.assertion_id", "c.idx"])
    .where("c.document_id", "=", id)
    .orderBy("c.idx")
    .execute();
  return rows.map((r) => ({ id: r.assertion_id, claimIdx: r.idx }));
}
