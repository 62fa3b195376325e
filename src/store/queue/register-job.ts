import type { Catalog } from "../../catalog/types.ts";
import { extractDocument } from "../../extract/pipeline.ts";
import type { Document } from "../../ingest/document.ts";
import type { IncomingClaims } from "../../resolve/claims.ts";
import type { Db } from "../db.ts";
import { registerDocument } from "../register.ts";
import type { Handlers } from "./work.ts";
import type { JobSpec } from "./types.ts";

/** The payload of a `register` job: a document, and its claims when they are already extracted. */
export interface RegisterPayload {
  document: Document;
  claims?: IncomingClaims;
}

/** A `register` job for a document, keyed by its id (registering is idempotent, so a repeated job is harmless). */
export function registerJob(document: Document, claims?: IncomingClaims): JobSpec {
  return { key: `register:${document.id}`, kind: "register", payload: { document, claims } satisfies RegisterPayload };
}

/** The handler of `register` jobs: extract when the claims are not given, then register. */
export function registerHandlers(db: Db, catalog: Catalog): Handlers {
  return {
    async register(payload) {
      const { document, claims } = payload as RegisterPayload;
      const file = claims ?? extractDocument(document, catalog);
      await registerDocument(db, document, file, { catalog });
    },
  };
}
