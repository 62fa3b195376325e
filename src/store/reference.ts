import { sql } from "kysely";
import { fold } from "../catalog/fold.ts";
import { defaultCatalog } from "../catalog/load.ts";
import type { Catalog } from "../catalog/types.ts";
import type { ReferenceRecord, Rejected } from "../reference/sipri/parse.ts";
import type { Db } from "./db.ts";
import { insertRows } from "./insert-rows.ts";
import { lockReference, recomputePairs } from "./recompute.ts";
import { lockKeys, pairLock } from "./register.ts";

/** One export to store: where it came from, and what reading it gave. */
export interface ReferenceImport {
  /** Default `sipri`. */
  register?: string;
  /** The catalog the assertions are re-checked with; default the built-in one. */
  catalog?: Catalog;
  file: string;
  /**
   * The export as read: a whole `ParseResult`, or the stream of `readTradeRegister`, whose records are consumed
   * once, inside the import's transaction; `preamble`, `rows` and `rejected` are read only after that.
   */
  read: { preamble: { generated: string | null }; readonly rows: number; records: Iterable<ReferenceRecord> | AsyncIterable<ReferenceRecord>; rejected: Rejected[] };
}

/** What an import did, against the records the register held before it. */
export interface ImportSummary {
  import: string;
  register: string;
  rowsRead: number;
  stored: number;
  added: number;
  changed: number;
  dropped: number;
  unchanged: number;
  rejected: Rejected[];
  /** The assertions re-checked against the new records (those of the recipients, and suppliers, whose records changed, and those without a verdict yet: all of them on a first import): their pairs, and how many assertions changed. */
  assertions: { pairs: number; updated: number };
}

/** The identity of a deal across versions of the export: parties, order year and the designation's first name. */
export function dealKey(r: ReferenceRecord): string {
  const designation = fold(r.designation.split("/")[0]!).replace(/[\s-]+/g, " ").trim();
  return `${r.recipient.id ?? r.recipient.written}|${r.supplier.id ?? r.supplier.written}|${r.orderYear}|${designation}`;
}

const BATCH = 500;
/** Pairs re-checked per recomputation, as mergePending takes them. */
const RECHECK = 2000;

/**
 * Replaces a register's records with an export's, in one transaction: records with the same content stay, a
 * dropped and an added record with the same deal key count as one changed record, and a failure leaves the
 * previous import in place. Importing the same file again changes nothing. The records are written as they are
 * read, 500 at a time, keeping only their hashes and deal keys, never the whole export at once. Since a register
 * confirmation is an origin, the same transaction then recomputes the assertions the changed records bear on.
 */
export async function importReference(db: Db, input: ReferenceImport): Promise<ImportSummary> {
  const register = input.register ?? "sipri";
  const catalog = input.catalog ?? defaultCatalog();
  return db.kysely.transaction().execute(async (tx) => {
    await lockReference(tx, "exclusive", register);
    const old = await tx.selectFrom("reference_records").select(["hash", "deal_key", "supplier", "recipient"]).where("register", "=", register).execute();
    const oldHashes = new Set(old.map((o) => o.hash));
    // The counts are known once the export is read: the run's row gets them at the end.
    const run = await tx
      .insertInto("reference_imports")
      .values({ register, file: input.file, generated: null, rows_read: 0, stored: 0, added: 0, changed: 0, dropped: 0, rejected: "[]" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const fresh = new Set<string>();
    const addedKeys: string[] = [];
    // The parties whose records change: the assertions to re-check are those of these recipients (and, for an
    // assertion that names no recipient, of these suppliers), as the cross-check reads records by recipient.
    const recipients = new Set<string>();
    const suppliers = new Set<string>();
    const touch = (r: { supplier: string | null; recipient: string | null }) => {
      if (r.recipient) recipients.add(r.recipient);
      if (r.supplier) suppliers.add(r.supplier);
    };
    let batch: { r: ReferenceRecord; key: string }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch.map(({ r, key }) => ({
        hash: r.hash,
        register,
        deal_key: key,
        supplier: r.supplier.id,
        recipient: r.recipient.id,
        category: r.category,
        family: r.family,
        order_year: r.orderYear,
        first_import: run.id,
        data: r,
      }));
      batch = [];
      await insertRows(tx, "reference_records", rows);
    };
    for await (const r of input.read.records) {
      fresh.add(r.hash);
      if (oldHashes.has(r.hash)) continue;
      const key = dealKey(r);
      addedKeys.push(key);
      touch({ supplier: r.supplier.id, recipient: r.recipient.id });
      batch.push({ r, key });
      if (batch.length === BATCH) await flush();
    }
    await flush();
    const stored = fresh.size;
    const dropped = old.filter((o) => !fresh.has(o.hash));
    dropped.forEach(touch);
    const droppedKeys = new Map<string, number>();
    for (const d of dropped) droppedKeys.set(d.deal_key, (droppedKeys.get(d.deal_key) ?? 0) + 1);
    let changed = 0;
    for (const k of addedKeys) {
      const n = droppedKeys.get(k) ?? 0;
      if (n) {
        changed++;
        droppedKeys.set(k, n - 1);
      }
    }
    if (dropped.length) await tx.deleteFrom("reference_records").where(sql<boolean>`hash = any(${dropped.map((d) => d.hash)}::text[])`).execute();
    // Re-checked: the assertions these changes bear on, and any without a register verdict yet (all of them on a
    // first import; those stored before verdicts were kept).
    const pairs = (
      await tx
        .selectFrom("assertions")
        .select("pair")
        .distinct()
        .where(
          sql<boolean>`recipient = any(${[...recipients]}::text[]) or (recipient is null and supplier = any(${[...suppliers]}::text[])) or jsonb_typeof(data->'register') is distinct from 'object'`,
        )
        .execute()
    )
      .map((r) => r.pair)
      .sort();
    let updated = 0;
    for (let i = 0; i < pairs.length; i += RECHECK) {
      const chunk = pairs.slice(i, i + RECHECK);
      await lockKeys(tx, chunk.map(pairLock));
      const changes = await recomputePairs(tx, catalog, chunk);
      updated += changes.created.length + changes.updated.length + changes.removed.length;
    }
    const { rows, rejected } = input.read;
    const summary: ImportSummary = {
      import: String(run.id),
      register,
      rowsRead: rows,
      stored,
      added: addedKeys.length - changed,
      changed,
      dropped: dropped.length - changed,
      unchanged: stored - addedKeys.length,
      rejected,
      assertions: { pairs: pairs.length, updated },
    };
    await tx
      .updateTable("reference_imports")
      .set({ generated: input.read.preamble.generated, rows_read: rows, stored, added: summary.added, changed, dropped: summary.dropped, rejected: JSON.stringify(rejected) })
      .where("id", "=", run.id)
      .execute();
    await tx.insertInto("audit_log").values({ action: "reference-imported", subject: `reference:${register}`, detail: JSON.stringify({ ...summary, rejected: rejected.length, file: input.file }) }).execute();
    return summary;
  });
}

/** The records of a register that bear on an assertion: those with its recipient, or with its supplier when it names no recipient. */
export async function referenceRecordsFor(db: Db, parties: { supplier: string | null; recipient: string | null }, register = "sipri"): Promise<ReferenceRecord[]> {
  let q = db.kysely.selectFrom("reference_records").select("data").where("register", "=", register);
  if (parties.recipient) q = q.where("recipient", "=", parties.recipient);
  else if (parties.supplier) q = q.where("supplier", "=", parties.supplier);
  else return [];
  const rows = await q.orderBy("order_year").orderBy("hash").execute();
  return rows.map((r) => r.data as ReferenceRecord);
}

/** The latest import of a register, or null when none was made. */
export async function latestImport(db: Db, register = "sipri") {
  return (await db.kysely.selectFrom("reference_imports").selectAll().where("register", "=", register).orderBy("id", "desc").limit(1).executeTakeFirst()) ?? null;
}
