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
import { sql, type Selectable, type Transaction } from "kysely";
import type { Db } from "./db.ts";
import type { DocumentsTable, Schema } from "./schema.ts";
import { insertRows } from "./insert-rows.ts";
import { stableJson } from "./json.ts";
import { lockReference, recomputePairs, type Changes } from "./recompute.ts";

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

/** A document ready to store: its claims as the register keeps them and the row of the documents table. */
export interface Prepared {
  document: Document;
  rows: RegisterClaim[];
  version: string;
  contentHash: string;
  claimsHash: string;
  row: Omit<Selectable<DocumentsTable>, "id" | "registered_at">;
}

/** Checks a document and its claims file and computes what storing them writes; throws {@link RegisterError}. */
export function prepareDocument(document: Document, claims: IncomingClaims, options: RegisterOptions = {}): Prepared {
  if (!document.id || typeof document.text !== "string") throw new RegisterError("document-invalid", `document ${JSON.stringify(document.id)}: needs an id and a text`);
  if (claims.document?.id && claims.document.id !== document.id) {
    throw new RegisterError("claims-mismatch", `claims file is for document ${claims.document.id}, not ${document.id}`);
  }
  const version = options.extractorVersion ?? EXTRACTOR_VERSION;
  const contentHash = sha(document.text);
  const claimsHash = sha(stableJson({ version, transfers: claims.transfers }));
  const row = {
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
  return { document, rows: registerClaims(document.id, claims), version, contentHash, claimsHash, row };
}

/** Takes transaction-scoped advisory locks on keys, in sorted order (the order every writer takes them in). */
export async function lockKeys(tx: Tx, keys: string[]): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(${[...keys].sort()}::text[]) as k order by k`.execute(tx);
}

/** The lock keys of a document's headline and of the pairs its old and new claims touch. */
export const titleLock = (p: Prepared) => `title:${p.row.title_key ?? ""}`;
export const pairLock = (pair: string) => `pair:${pair}`;

/** The audit entry of a stored document. */
export function documentAudit(p: Prepared, updated: boolean, copies: string[]) {
  return { action: updated ? "document-updated" : "document-added", subject: `document:${p.document.id}`, detail: { claims: p.rows.length, extractorVersion: p.version, copies } };
}

/**
 * Stores one document with its claims and updates the assertions of the (supplier, recipient) pairs it touches,
 * in one transaction: after a crash either all of it is stored or none. Registering the same document with the
 * same claims again changes nothing; with other claims (a newer extractor), its claims are replaced.
 * For many documents at once, {@link registerDocuments} (register-batch.ts) stores them per batch.
 */
export async function registerDocument(db: Db, document: Document, claims: IncomingClaims, options: RegisterOptions = {}): Promise<RegisterResult> {
  const catalog = options.catalog ?? defaultCatalog();
  const p = prepareDocument(document, claims, options);
  const { rows } = p;
  return db.kysely.transaction().execute(async (tx) => {
    // Writers on one Postgres server serialise on what they share: the document first, the reference register
    // (shared: only an import excludes it), then its headline (copies) and every pair it touches in sorted order, so
    // each recomputation sees what the others committed, deadlock-free.
    await lockKeys(tx, [`document:${document.id}`]);
    const old = await tx.selectFrom("claims").select("pair").distinct().where("document_id", "=", document.id).execute();
    await lockReference(tx, "shared");
    await lockKeys(tx, [titleLock(p), ...new Set([...old.map((o) => o.pair), ...rows.map(pairKey)].map(pairLock))]);
    const existing = await tx.selectFrom("documents").select(["content_hash", "claims_hash"]).where("id", "=", document.id).executeTakeFirst();
    const links = await tx.selectFrom("document_copies").select("copy_of").where("document_id", "=", document.id).execute();
    if (existing && existing.content_hash === p.contentHash && existing.claims_hash === p.claimsHash) {
      return { document: document.id, status: "unchanged", claims: rows.length, copies: links.map((l) => l.copy_of), assertions: { created: [], updated: [], removed: [] } } satisfies RegisterResult;
    }
    if (existing) await tx.updateTable("documents").set(p.row).where("id", "=", document.id).execute();
    else await tx.insertInto("documents").values({ id: document.id, ...p.row }).execute();
    const copies = await linkCopies(tx, document);
    const before = await tx.selectFrom("claims").select("pair").distinct().where("document_id", "=", document.id).execute();
    await tx.deleteFrom("claims").where("document_id", "=", document.id).execute();
    await storeClaims(tx, [claimRecords(catalog, p)]);
    const pairs = [...new Set([...before.map((b) => b.pair), ...rows.map(pairKey)])].sort();
    const assertions = await recomputePairs(tx, catalog, pairs);
    await insertRows(tx, "audit_log", [documentAudit(p, !!existing, copies)]);
    return { document: document.id, status: existing ? "updated" : "added", claims: rows.length, copies, assertions } satisfies RegisterResult;
  });
}

type Tx = Transaction<Schema>;

/** The copies of a document among candidates with its headline: those ingest declared, and near-identical ones (README rule 5). */
export function findCopies(document: Document, candidates: Iterable<{ id: string; title: string | null; text: string }>): Map<string, string> {
  const found = new Map<string, string>();
  for (const id of document.copyOf ?? []) if (id !== document.id) found.set(id, "ingest");
  for (const d of candidates) if (d.id !== document.id && !found.has(d.id) && nearIdentical(d, document)) found.set(d.id, "register");
  return found;
}

/** The rows of document_copies for what {@link findCopies} found. */
export const copyRows = (document: string, found: Map<string, string>) => [...found].map(([copy_of, found_by]) => ({ document_id: document, copy_of, found_by }));

/** Records the copies ingest declared and those the register finds itself (same headline, README rule 5). */
async function linkCopies(tx: Tx, document: Document): Promise<string[]> {
  const key = titleKey(document.title);
  const same = key ? await tx.selectFrom("documents").select(["id", "title", "text"]).where("title_key", "=", key).where("id", "!=", document.id).execute() : [];
  const found = findCopies(document, same);
  await insertRows(tx, "document_copies", copyRows(document.id, found), sql`on conflict (document_id, copy_of) do nothing`);
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

/** What storing a document's claims writes: claims, the sources their chains name, and the citations between them. */
export interface ClaimRecords {
  claims: Record<string, unknown>[];
  sources: Map<string, ReturnType<typeof sourceKey>>;
  citations: { claim_id: string; position: number; source_id: string; written: string; cites: string | null }[];
}

/** The claims, sources and citations rows of a prepared document. */
export function claimRecords(catalog: Catalog, p: Prepared): ClaimRecords {
  const { document, rows, version } = p;
  const claims = rows.map((c) => ({
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
    targets: c.targets,
    chain: c.sources,
    evidence: c.evidence,
    span_start: c.span?.start ?? null,
    span_end: c.span?.end ?? null,
    rules: c.rules,
    optional: c.optional,
    extractor_version: version,
  }));
  const describe = sourceDescriber(catalog, document.language);
  const sources = new Map<string, ReturnType<typeof sourceKey>>();
  const citations: ClaimRecords["citations"] = [];
  for (const c of rows) {
    let previous: string | null = null;
    c.sources.forEach((written, position) => {
      const s = sourceKey(describe(written), document.id);
      if (!sources.has(s.id)) sources.set(s.id, s);
      citations.push({ claim_id: c.id, position, source_id: s.id, written, cites: previous });
      previous = s.id;
    });
  }
  return { claims, sources, citations };
}

/** Writes the records of one or more documents: one statement per table. A source already stored keeps its row. */
export async function storeClaims(tx: Tx, records: ClaimRecords[]): Promise<void> {
  await insertRows(tx, "claims", records.flatMap((r) => r.claims));
  const sources = new Map<string, ReturnType<typeof sourceKey>>();
  for (const r of records) for (const [id, s] of r.sources) if (!sources.has(id)) sources.set(id, s);
  await insertRows(tx, "sources", [...sources.values()], sql`on conflict (id) do nothing`);
  await insertRows(tx, "citations", records.flatMap((r) => r.citations));
}
