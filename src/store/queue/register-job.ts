import type { Catalog } from "../../catalog/types.ts";
import { extractDocument } from "../../extract/pipeline.ts";
import type { Document } from "../../ingest/document.ts";
import type { IncomingClaims } from "../../resolve/claims.ts";
import { registerBatch, type Input } from "../bulk.ts";
import type { Db } from "../db.ts";
import { mergePending } from "../register-batch.ts";
import type { Handlers, WorkOptions } from "./work.ts";
import type { Job, JobSpec } from "./types.ts";

/** The payload of a `register` job: a document, and its claims when they are already extracted. */
export interface RegisterPayload {
  document: Document;
  claims?: IncomingClaims;
}

/** A `register` job for a document, keyed by its id (registering is idempotent, so a repeated job is harmless). */
export function registerJob(document: Document, claims?: IncomingClaims): JobSpec {
  return { key: `register:${document.id}`, kind: "register", payload: { document, claims } satisfies RegisterPayload };
}

/**
 * The handler of `register` jobs: extract the claims a job does not carry, then store the jobs' documents as one
 * batch (registerBatch: one transaction, or one per document when the batch is refused, so a bad document fails
 * alone), leaving their pairs to {@link mergeRegistered}.
 */
export function registerHandlers(db: Db, catalog: Catalog): Handlers {
  return {
    async register(jobs) {
      const failed = new Map<Job, Error>();
      const ready: (Input & { job: Job })[] = [];
      for (const job of jobs) {
        const { document, claims } = job.payload as RegisterPayload;
        try {
          ready.push({ job, document, claims: claims ?? extractDocument(document, catalog) });
        } catch (e) {
          failed.set(job, e instanceof Error ? e : new Error(String(e)));
        }
      }
      const { outcomes } = await registerBatch(db, ready, { catalog, merge: "later" });
      outcomes.forEach((o, i) => o instanceof Error && failed.set(ready[i]!.job, o));
      return failed;
    },
  };
}

/** The `settle` step of register workers: merge the pairs their batches left pending. */
export function mergeRegistered(db: Db, catalog: Catalog): NonNullable<WorkOptions["settle"]> {
  return async () => void (await mergePending(db, { catalog }));
}
