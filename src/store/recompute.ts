import { sql, type Kysely, type Transaction } from "kysely";
import { insertRows } from "./insert-rows.ts";
import type { Catalog } from "../catalog/types.ts";
import { fold } from "../catalog/fold.ts";
import { buildAssertions, type Assertion } from "../assess/assess.ts";
import type { Reliability } from "../assess/grade.ts";
import { SIPRI, type RegisterInput } from "../assess/register.ts";
import type { ReferenceRecord } from "../reference/sipri/parse.ts";
import type { ProvenanceContext } from "../assess/roots.ts";
import { familyOf } from "../resolve/merge.ts";
import type { RegisterClaim, RegisterDoc } from "../resolve/types.ts";
import { stableJson } from "./json.ts";
import type { Selectable } from "kysely";
import type { ClaimsTable, Schema } from "./schema.ts";

/** What a recomputation changed. */
export interface Changes {
  created: string[];
  updated: string[];
  removed: string[];
}

/** A stored claim row as the resolver takes it. */
export function claimFromRow(r: Selectable<ClaimsTable>): RegisterClaim {
  return {
    id: r.id,
    document: r.document_id,
    index: r.idx,
    supplier: r.supplier,
    recipient: r.recipient,
    intermediary: r.intermediary,
    item: { name: r.item_name, category: r.category as RegisterClaim["item"]["category"] },
    maker: r.maker,
    quantity: r.quantity,
    value: r.value_amount === null || r.value_currency === null ? null : { amount: Number(r.value_amount), currency: r.value_currency },
    time: r.time_from === null && r.time_to === null ? null : { from: (r.time_from ?? r.time_to)!, to: (r.time_to ?? r.time_from)! },
    status: r.status as RegisterClaim["status"],
    stance: r.stance as RegisterClaim["stance"],
    targets: r.targets,
    sources: r.chain,
    evidence: r.evidence,
    span: r.span_start === null || r.span_end === null ? null : { start: r.span_start, end: r.span_end },
    rules: r.rules,
    optional: r.optional,
  };
}

/** The subject under which an analyst rejects a claim: its document and evidence, which survive re-extraction. */
export function claimSubject(document: string, evidence: string): string {
  return `${document}#${fold(evidence).replace(/\s+/g, " ").trim()}`;
}

/** The analyst decisions that bear on assessment. */
export async function loadDecisions(db: Kysely<Schema>) {
  const rows = await db.selectFrom("decisions").select(["kind", "subject", "value"]).orderBy("id").execute();
  const reliability = new Map<string, Reliability>();
  const rejected = new Set<string>();
  const same: [string, string][] = [];
  for (const r of rows) {
    const v = r.value as Record<string, string>;
    if (r.kind === "source-reliability") reliability.set(r.subject.includes(":") ? r.subject : fold(r.subject), v.reliability as Reliability);
    else if (r.kind === "reject-claim") rejected.add(r.subject);
    else if (r.kind === "same-source") same.push([fold(r.subject), fold(v.as ?? "")]);
  }
  const sameSource = same.length ? (a: string, b: string) => same.some(([x, y]) => (fold(a) === x && fold(b) === y) || (fold(a) === y && fold(b) === x)) : undefined;
  return { reliability, rejected, sameSource };
}

/** What merging some pairs reads: their claims (less those an analyst rejected), their documents, and the decisions. */
export async function loadPairs(tx: Transaction<Schema> | Kysely<Schema>, catalog: Catalog, pairs: string[]) {
  const decisions = await loadDecisions(tx);
  // Arrays as one parameter (`= any`): a batch may touch more pairs than a statement takes parameters.
  const rows = await tx.selectFrom("claims").selectAll().where(sql<boolean>`pair = any(${pairs}::text[])`).execute();
  const claims = rows.map(claimFromRow).filter((c) => !decisions.rejected.has(claimSubject(c.document, c.evidence)));
  const docIds = [...new Set(rows.map((r) => r.document_id))];
  const docs = new Map<string, RegisterDoc>();
  if (docIds.length) {
    const docRows = await tx.selectFrom("documents").select(["id", "url", "outlet", "published", "language", "title"]).where(sql<boolean>`id = any(${docIds}::text[])`).execute();
    const links = await tx.selectFrom("document_copies").selectAll().where(sql<boolean>`document_id = any(${docIds}::text[]) or copy_of = any(${docIds}::text[])`).execute();
    const copyOf = new Map<string, string[]>();
    for (const l of links) copyOf.get(l.document_id)?.push(l.copy_of) ?? copyOf.set(l.document_id, [l.copy_of]);
    for (const d of docRows) docs.set(d.id, { ...d, copyOf: copyOf.get(d.id) ?? [] });
  }
  const byDoc = new Map<string, RegisterClaim[]>();
  for (const c of claims) byDoc.get(c.document)?.push(c) ?? byDoc.set(c.document, [c]);
  const ctx: ProvenanceContext = { catalog, docs, claims: byDoc, sameSource: decisions.sameSource };
  return { ctx, claims, reliability: decisions.reliability, register: await loadRegister(tx, claims) };
}

/**
 * The SIPRI register's records that can bear on these claims' assertions (those of their recipients, and of the
 * suppliers of claims that name no recipient), or undefined when no export was ever imported. Ordered as
 * `referenceRecordsFor` orders them, so the assessment's verdict is the one `dossier check` gives.
 */
async function loadRegister(tx: Transaction<Schema> | Kysely<Schema>, claims: RegisterClaim[]): Promise<RegisterInput | undefined> {
  const imported = await tx.selectFrom("reference_imports").select("id").where("register", "=", SIPRI.register).limit(1).executeTakeFirst();
  if (!imported) return undefined;
  const recipients = [...new Set(claims.flatMap((c) => (c.recipient ? [c.recipient] : [])))];
  const suppliers = [...new Set(claims.flatMap((c) => (!c.recipient && c.supplier ? [c.supplier] : [])))];
  const rows = await tx
    .selectFrom("reference_records")
    .select("data")
    .where("register", "=", SIPRI.register)
    .where(sql<boolean>`(recipient = any(${recipients}::text[]) or supplier = any(${suppliers}::text[]))`)
    .orderBy("order_year")
    .orderBy("hash")
    .execute();
  const byRecipient = new Map<string, ReferenceRecord[]>();
  const bySupplier = new Map<string, ReferenceRecord[]>();
  const wanted = new Set(suppliers);
  for (const { data } of rows) {
    const r = data as ReferenceRecord;
    if (r.recipient.id) byRecipient.get(r.recipient.id)?.push(r) ?? byRecipient.set(r.recipient.id, [r]);
    if (r.supplier.id && wanted.has(r.supplier.id)) bySupplier.get(r.supplier.id)?.push(r) ?? bySupplier.set(r.supplier.id, [r]);
  }
  return { ...SIPRI, recordsFor: (a) => (a.recipient ? (byRecipient.get(a.recipient) ?? []) : a.supplier ? (bySupplier.get(a.supplier) ?? []) : []) };
}

/**
 * Takes the reference register's transaction lock: `exclusive` for an import, `shared` for every writer that
 * recomputes assertions (and so reads the register). Every writer takes it before any pair lock, so an import and
 * a registration never wait on each other in a cycle, and a registration's assertions are computed either wholly
 * before an import, which then re-checks their pairs, or wholly after it, against the new records.
 */
export async function lockReference(tx: Transaction<Schema> | Kysely<Schema>, mode: "shared" | "exclusive", register: string = SIPRI.register): Promise<void> {
  const key = `reference:${register}`;
  if (mode === "shared") await sql`select pg_advisory_xact_lock_shared(hashtextextended(${key}, 0))`.execute(tx);
  else await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx);
}

/**
 * Rebuilds the assertions of some (supplier, recipient) pairs from the claims stored for them. No counting rule
 * looks past a pair, so this is the whole of an incremental update; the result depends only on the stored claims,
 * the decisions and the reference register's records for the pairs' recipients (whose confirmation is an origin).
 * Callers hold the reference register's shared lock ({@link lockReference}) and then the pairs' locks.
 */
export async function recomputePairs(tx: Transaction<Schema> | Kysely<Schema>, catalog: Catalog, pairs: string[]): Promise<Changes> {
  const changes: Changes = { created: [], updated: [], removed: [] };
  if (pairs.length === 0) return changes;
  const { ctx, claims, reliability, register } = await loadPairs(tx, catalog, pairs);
  const built = buildAssertions(ctx, claims, { reliability, register });
  const old = await tx.selectFrom("assertions").select(["id", "data"]).where(sql<boolean>`pair = any(${pairs}::text[])`).execute();
  const fresh = new Map(built.map((a) => [a.id, a] as const));
  for (const o of old) if (!fresh.has(o.id)) changes.removed.push(o.id);
  const before = new Map(old.map((o) => [o.id, stableJson(o.data)] as const));
  // Replacing a document's claims deletes their member rows (on delete cascade) even where the assertion comes out
  // the same: such an assertion is written again, silently, since nothing about it changed.
  const held = await tx
    .selectFrom("assertion_members")
    .select(["assertion_id", sql<number>`count(*)::int`.as("n")])
    .where(sql<boolean>`assertion_id = any(${old.map((o) => o.id)}::text[])`)
    .groupBy("assertion_id")
    .execute();
  const memberRows = new Map(held.map((h) => [h.assertion_id, Number(h.n)] as const));
  const write: Assertion[] = [];
  const repaired: string[] = [];
  for (const a of built) {
    const prior = before.get(a.id);
    if (prior === stableJson(a)) {
      if (memberRows.get(a.id) !== a.members.length) write.push(a), repaired.push(a.id);
      continue;
    }
    write.push(a);
    (prior === undefined ? changes.created : changes.updated).push(a.id);
  }
  // Members and conflicts go with their assertion (on delete cascade); all writes are batched, one statement each.
  const gone = [...changes.removed, ...changes.updated, ...repaired];
  if (gone.length) await tx.deleteFrom("assertions").where(sql<boolean>`id = any(${gone}::text[])`).execute();
  if (write.length) await insertAssertions(tx, catalog, write);
  const log = [...changes.created.map((id) => ["assertion-created", id]), ...changes.updated.map((id) => ["assertion-updated", id]), ...changes.removed.map((id) => ["assertion-removed", id])];
  const detail = (id: string) => (fresh.has(id) ? { independentOrigins: fresh.get(id)!.independentOrigins, members: fresh.get(id)!.members.length } : {});
  await insertRows(tx, "audit_log", log.map(([action, id]) => ({ action: action!, subject: `assertion:${id}`, detail: detail(id!) })));
  return changes;
}

async function insertAssertions(tx: Transaction<Schema> | Kysely<Schema>, catalog: Catalog, list: Assertion[]): Promise<void> {
  await insertRows(
    tx,
    "assertions",
    list.map((a) => ({
      id: a.id,
      pair: `${a.supplier ?? "-"}|${a.recipient ?? "-"}`,
      supplier: a.supplier,
      recipient: a.recipient,
      category: a.item.category,
      item_name: a.item.name,
      system: familyOf(catalog, a.item.name),
      time_from: a.time?.from ?? null,
      time_to: a.time?.to ?? null,
      independent_origins: a.independentOrigins,
      circular: a.circular,
      data: a,
    })),
  );
  const members = list.flatMap((a) => {
    const reasons = new Map(a.merged.map((r) => [r.claim, r] as const));
    return a.members.map((m) => ({ assertion_id: a.id, claim_id: m.claim, origin: m.origin, reason: { merged: reasons.get(m.claim) ?? null, resolution: m.resolution } }));
  });
  await insertRows(tx, "assertion_members", members);
  await insertRows(tx, "conflicts", list.flatMap((a) => a.conflictDetails.map((c) => ({ assertion_id: a.id, kind: c.kind, detail: c.values }))));
}
