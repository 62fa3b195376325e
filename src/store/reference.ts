import { sql } from "kysely";
import { fold } from "../catalog/fold.ts";
import type { ReferenceRecord, Rejected } from "../reference/sipri/parse.ts";
import type { Db } from "./db.ts";

/** One export to store: its records, what was rejected, and where it came from. */
export interface ReferenceImport {
  /** Default `sipri`. */
  register?: string;
  file: string;
  generated: string | null;
  rows: number;
  records: ReferenceRecord[];
  rejected: Rejected[];
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
}

/** The identity of a deal across versions of the export: parties, order year and the designation's first name. */
export function dealKey(r: ReferenceRecord): string {
  const designation = fold(r.designation.split("/")[0]!).replace(/[\s-]+/g, " ").trim();
  return `${r.recipient.id ?? r.recipient.written}|${r.supplier.id ?? r.supplier.written}|${r.orderYear}|${designation}`;
}

const BATCH = 500;

/**
 * Replaces a register's records with an export's, in one transaction: records with the same content stay, a
 * dropped and an added record with the same deal key count as one changed record, and a failure leaves the
 * previous import in place. Importing the same file again changes nothing.
 */
export async function importReference(db: Db, input: ReferenceImport): Promise<ImportSummary> {
  const register = input.register ?? "sipri";
  return db.kysely.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`reference:${register}`}, 0))`.execute(tx);
    const old = await tx.selectFrom("reference_records").select(["hash", "deal_key"]).where("register", "=", register).execute();
    const oldHashes = new Set(old.map((o) => o.hash));
    const fresh = new Map(input.records.map((r) => [r.hash, r] as const));
    const added = input.records.filter((r) => !oldHashes.has(r.hash));
    const dropped = old.filter((o) => !fresh.has(o.hash));
    const droppedKeys = new Map<string, number>();
    for (const d of dropped) droppedKeys.set(d.deal_key, (droppedKeys.get(d.deal_key) ?? 0) + 1);
    let changed = 0;
    for (const a of added) {
      const k = dealKey(a);
      const n = droppedKeys.get(k) ?? 0;
      if (n) {
        changed++;
        droppedKeys.set(k, n - 1);
      }
    }
    const run = await tx
      .insertInto("reference_imports")
      .values({
        register,
        file: input.file,
        generated: input.generated,
        rows_read: input.rows,
        stored: input.records.length,
        added: added.length - changed,
        changed,
        dropped: dropped.length - changed,
        rejected: JSON.stringify(input.rejected),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let i = 0; i < dropped.length; i += BATCH) {
      await tx.deleteFrom("reference_records").where("hash", "in", dropped.slice(i, i + BATCH).map((d) => d.hash)).execute();
    }
    for (let i = 0; i < added.length; i += BATCH) {
      await tx
        .insertInto("reference_records")
        .values(
          added.slice(i, i + BATCH).map((r) => ({
            hash: r.hash,
            register,
            deal_key: dealKey(r),
            supplier: r.supplier.id,
            recipient: r.recipient.id,
            category: r.category,
            family: r.family,
            order_year: r.orderYear,
            first_import: run.id,
            data: JSON.stringify(r),
          })),
        )
        .execute();
    }
    const summary: ImportSummary = {
      import: String(run.id),
      register,
      rowsRead: input.rows,
      stored: input.records.length,
      added: added.length - changed,
      changed,
      dropped: dropped.length - changed,
      unchanged: input.records.length - added.length,
      rejected: input.rejected,
    };
    await tx.insertInto("audit_log").values({ action: "reference-imported", subject: `reference:${register}`, detail: JSON.stringify({ ...summary, rejected: input.rejected.length, file: input.file }) }).execute();
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
