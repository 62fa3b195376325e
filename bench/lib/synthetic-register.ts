// Fills a register with the synthetic, plainly fictional corpus of tests/store/synthetic.ts through the bulk path,
// generating it batch by batch so that a million claims never sit in memory at once.
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import type { Catalog } from "../../src/catalog/types.ts";
import type { Db } from "../../src/store/db.ts";
import { mergePending, registerDocuments } from "../../src/store/register-batch.ts";
import { registerDocument } from "../../src/store/register.ts";
import { syntheticDocument } from "../../tests/store/synthetic.ts";

/** The shape of a synthetic register. */
export interface SyntheticShape {
  docs: number;
  /** Claims per document; default the generator's 1–4 at random. */
  claims?: number;
  pairs: number;
  states: number;
  outlets: number;
}

/** What loading took. */
export interface LoadReport {
  documents: number;
  claims: number;
  seconds: number;
}

/** Reads `--name value` from the command line. */
export const numberArg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
export const stringArg = (name: string): string | null => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : null;
};

/** Empties every table of the register. */
export async function emptyRegister(db: Db): Promise<void> {
  await sql`truncate documents, document_copies, sources, claims, citations, assertions, assertion_members, conflicts, decisions, audit_log, pending_pairs cascade`.execute(db.kysely);
}

/**
 * Registers documents 0..docs-1, `batch` per transaction (1: the per-document path, registerDocument), merging
 * each batch or leaving the pairs pending (`later`, for mergePending), with progress on standard error.
 */
export async function loadSynthetic(db: Db, catalog: Catalog, shape: SyntheticShape, batch: number, merge: "now" | "later", every = 10_000): Promise<LoadReport> {
  const t0 = performance.now();
  let claims = 0;
  let tick = t0;
  let tickClaims = 0;
  for (let start = 0; start < shape.docs; start += batch) {
    const inputs = [];
    for (let i = start; i < Math.min(shape.docs, start + batch); i++) inputs.push(syntheticDocument(i, shape));
    for (const i of inputs) claims += i.claims.transfers.length;
    if (batch === 1) await registerDocument(db, inputs[0]!.document, inputs[0]!.claims, { catalog });
    else await registerDocuments(db, inputs, { catalog, merge });
    const done = Math.min(shape.docs, start + batch);
    if (Math.floor(done / every) !== Math.floor(start / every) || done === shape.docs) {
      const now = performance.now();
      const rate = ((claims - tickClaims) / (now - tick)) * 1000;
      process.stderr.write(`  ${done} documents, ${claims} claims, ${((now - t0) / 1000).toFixed(0)} s, ${rate.toFixed(0)} claims/s lately\n`);
      tick = now;
      tickClaims = claims;
    }
  }
  return { documents: shape.docs, claims, seconds: (performance.now() - t0) / 1000 };
}

/** Merges what a `later` load left pending, with progress on standard error; returns the seconds it took. */
export async function mergeLoaded(db: Db, catalog: Catalog): Promise<number> {
  const t0 = performance.now();
  let shown = 0;
  await mergePending(db, {
    catalog,
    progress: (pairs) => {
      if (pairs - shown < 10_000) return;
      shown = pairs;
      process.stderr.write(`  merged ${pairs} pairs, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    },
  });
  return (performance.now() - t0) / 1000;
}
