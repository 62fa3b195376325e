import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { defaultCatalog, ROOT } from "../catalog/load.ts";
import { fold } from "../catalog/fold.ts";
import type { Catalog } from "../catalog/types.ts";
import type { Document } from "../ingest/document.ts";
import { registerClaims, type IncomingClaims } from "../resolve/claims.ts";
import { nearIdentical } from "../resolve/copies.ts";
import { pairKey } from "../resolve/merge.ts";
import { sourceDescriber, type SourceRef } from "../resolve/names.ts";
import type { RegisterClaim } from "../resolve/types.ts";
import { sql, type Transaction } from "kysely";
import type { Db } from "./db.ts";
import type { Schema } from "./schema.ts";
import { stableJson } from "./json.ts";
import { recomputePairs, type Changes } from "./recompute.ts";

/** A document or claims file the register refuses, with a stable code. */
export class RegisterError extends Error {
  constructor(
    readonly code: "document-invalid" | "claims-mismatch",
    message: string,
  ) {
    super(message);
  }
}

/** The extractor version recorded with claims by default: the package's name and version. */
export const EXTRACTOR_VERSION = (() => {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { name: string; version: string };
  return `${pkg.name}-extract@${pkg.version}`;
})();

/** Options of {@link registerDocument}. */
export interface RegisterOptions {
  /** Default: the built-in catalog (`defaultCatalog()`). */
  catalog?: Catalog;
  /** Recorded with each claim; default {@link EXTRACTOR_VERSION}. */
  extractorVersion?: string;
}

/** What registering one document did. */
export interface RegisterResult {
  document: string;
  /** `unchanged` when the same document with the same claims was already stored. */
  status: "added" | "updated" | "unchanged";
  claims: number;
  /** Near-identical documents found or declared. */
  copies: string[];
  assertions: Changes;
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const titleKey = (t: string | null) => (t ? fold(t).replace(/\s+/g, " ").trim() : null);

/**
 * Stores one document with its claims and updates the assertions of the (supplier, recipient) pairs it touches,
 * in one transaction: after a crash either all of it is stored or none. Registering the same document with the
 * same claims again changes nothing; with other claims (a newer extractor), its claims are replaced.
 */
export async function registerDocument(db: Db, document: Document, claims: IncomingClaims, options: RegisterOptions = {}): Promise<RegisterResult> {
  if (!document.id || typeof document.text !== "string") throw new RegisterError("document-invalid", `document ${JSON.stringify(document.id)}: needs an id and a text`);
  if (claims.document?.id && claims.document.id !== document.id) {
    throw new RegisterError("claims-mismatch", `claims file is for document ${claims.document.id}, not ${document.id}`);
  }
  const catalog = options.catalog ?? defaultCatalog();
  const version = options.extractorVersion ?? EXTRACTOR_VERSION;
  const contentHash = sha(document.text);
  const claimsHash = sha(stableJson({ version, transfers: claims.transfers }));
  const rows = registerClaims(document.id, claims);
  return db.kysely.transaction().execute(async (tx) => {
    // Writers on one Postgres server serialise on what they share: the document first, then its headline (copies)
    // and every pair it touches in sorted order, so each recomputation sees what the others committed, deadlock-free.
    const lock = (key: string) => sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx);
    await lock(`document:${document.id}`);
    const old = await tx.selectFrom("claims").select("pair").distinct().where("document_id", "=", document.id).execute();
    const keys = [`title:${titleKey(document.title) ?? ""}`, ...new Set([...old.map((o) => o.pair), ...rows.map(pairKey)].map((p) => `pair:${p}`))].sort();
    await sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(${keys}::text[]) as k order by k`.execute(tx);
    const existing = await tx.selectFrom("documents").select(["content_hash", "claims_hash"]).where("id", "=", document.id).executeTakeFirst();
    const links = await tx.selectFrom("document_copies").select("copy_of").where("document_id", "=", document.id).execute();
    if (existing && existing.content_hash === contentHash && existing.claims_hash === claimsHash) {
      return { document: document.id, status: "unchanged", claims: rows.length, copies: links.map((l) => l.copy_of), assertions: { created: [], updated: [], removed: [] } } satisfies RegisterResult;
    }
    const doc = {
      url: document.url,
      canonical_url: document.canonicalUrl,
      outlet: document.outlet,
      published: document.published,
      language: document.language,
      title: document.title,
      title_key: titleKey(document.title),
      author: document.author,
      text: document.text,
      content_hash: contentHash,
      claims_hash: claimsHash,
      extractor_version: version,
    };
    if (existing) await tx.updateTable("documents").set(doc).where("id", "=", document.id).execute();
    else await tx.insertInto("documents").values({ id: document.id, ...doc }).execute();
    const copies = await linkCopies(tx, document);
    const before = await tx.selectFrom("claims").select("pair").distinct().where("document_id", "=", document.id).execute();
    await tx.deleteFrom("claims").where("document_id", "=", document.id).execute();
    await insertClaims(tx, catalog, document, rows, version);
    const pairs = [...new Set([...before.map((b) => b.pair), ...rows.map(pairKey)])].sort();
    const assertions = await recomputePairs(tx, catalog, pairs);
    await tx
      .insertInto("audit_log")
      .values({ action: existing ? "document-updated" : "document-added", subject: `document:${document.id}`, detail: JSON.stringify({ claims: rows.length, extractorVersion: version, copies }) })
      .execute();
    return { document: document.id, status: existing ? "updated" : "added", claims: rows.length, copies, assertions } satisfies RegisterResult;
  });
}

type Tx = Transaction<Schema>;

/** Records the copies ingest declared and those the register finds itself (same headline, README rule 5). */
async function linkCopies(tx: Tx, document: Document): Promise<string[]> {
  const found = new Map<string, string>();
  for (const id of document.copyOf ?? []) if (id !== document.id) found.set(id, "ingest");
  const key = titleKey(document.title);
  if (key) {
    const same = await tx.selectFrom("documents").select(["id", "title", "text"]).where("title_key", "=", key).where("id", "!=", document.id).execute();
    for (const d of same) if (!found.has(d.id) && nearIdentical(d, document)) found.set(d.id, "register");
  }
  if (found.size) {
    await tx
      .insertInto("document_copies")
      .values([...found].map(([copy_of, found_by]) => ({ document_id: document.id, copy_of, found_by })))
      .onConflict((oc) => oc.columns(["document_id", "copy_of"]).doNothing())
      .execute();
  }
  return [...found.keys()].sort();
}

/** The sources table's key for a chain name: its catalog entry, its government, or its name. */
export function sourceKey(ref: SourceRef, document: string): { id: string; name: string; kind: string; type: string | null; catalog_id: string | null; state: string | null } {
  switch (ref.kind) {
    case "catalog":
      return { id: ref.id, name: ref.name, kind: "catalog", type: ref.type, catalog_id: ref.id, state: ref.country };
    case "government":
      return { id: `government:${ref.state ?? fold(ref.written)}`, name: ref.written, kind: "government", type: "government", catalog_id: null, state: ref.state };
    case "named":
      return { id: `name:${ref.words.join(" ") || fold(ref.written)}`, name: ref.written, kind: "named", type: null, catalog_id: null, state: ref.state };
    case "unnamed":
      // Unnamed sources quoted by two documents are never assumed to be the same people.
      return { id: `unnamed:${document}:${fold(ref.written)}`, name: ref.written, kind: "unnamed", type: null, catalog_id: null, state: null };
  }
}

async function insertClaims(tx: Tx, catalog: Catalog, document: Document, rows: RegisterClaim[], version: string): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto("claims")
    .values(
      rows.map((c) => ({
        id: c.id,
        document_id: document.id,
        idx: c.index,
        pair: pairKey(c),
        supplier: c.supplier,
        recipient: c.recipient,
        intermediary: c.intermediary,
        item_name: c.item.name,
        category: c.item.category,
        maker: c.maker,
        quantity: c.quantity,
        value_amount: c.value?.amount ?? null,
        value_currency: c.value?.currency ?? null,
        time_from: c.time?.from ?? null,
        time_to: c.time?.to ?? null,
        status: c.status,
        stance: c.stance,
        targets: JSON.stringify(c.targets),
        chain: JSON.stringify(c.sources),
        evidence: c.evidence,
        span_start: c.span?.start ?? null,
        span_end: c.span?.end ?? null,
        rules: JSON.stringify(c.rules),
        optional: c.optional,
        extractor_version: version,
      })),
    )
    .execute();
  const describe = sourceDescriber(catalog, document.language);
  const sources = new Map<string, ReturnType<typeof sourceKey>>();
  const citations: { claim_id: string; position: number; source_id: string; written: string; cites: string | null }[] = [];
  for (const c of rows) {
    let previous: string | null = null;
    c.sources.forEach((written, position) => {
      const s = sourceKey(describe(written), document.id);
      if (!sources.has(s.id)) sources.set(s.id, s);
      citations.push({ claim_id: c.id, position, source_id: s.id, written, cites: previous });
      previous = s.id;
    });
  }
  if (sources.size) await tx.insertInto("sources").values([...sources.values()]).onConflict((oc) => oc.column("id").doNothing()).execute();
  if (citations.length) await tx.insertInto("citations").values(citations).execute();
}
