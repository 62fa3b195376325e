// Runs a loaded case through resolve and assess without a database: the pure path the spec test checks.
import { loadCatalog } from "../../src/catalog/load.ts";
import type { Catalog } from "../../src/catalog/types.ts";
import { buildAssertions, type Assertion } from "../../src/assess/assess.ts";
import type { ProvenanceContext } from "../../src/assess/roots.ts";
import { registerClaims, type IncomingClaims } from "../../src/resolve/claims.ts";
import type { RegisterClaim, RegisterDoc } from "../../src/resolve/types.ts";
import type { Document } from "../../src/ingest/document.ts";
import type { LoadedCase } from "./load.ts";

const catalogs = new Map<string, Catalog>();
/** The catalog for a case: the built-in one, with the case's fictional overlay when it has one. */
export function caseCatalog(c: LoadedCase): Catalog {
  const key = c.overlay ?? "";
  let cat = catalogs.get(key);
  if (!cat) catalogs.set(key, (cat = loadCatalog({ overlays: c.overlay ? [c.overlay] : [] })));
  return cat;
}

/** A Document as the register keeps it for assessment. */
export function registerDoc(d: Document): RegisterDoc {
  return { id: d.id, url: d.url, outlet: d.outlet, published: d.published, language: d.language, title: d.title, copyOf: d.copyOf ?? [] };
}

/** Assertions from documents and claims files taken in the given order. */
export function assertionsOf(catalog: Catalog, inputs: { document: Document; claims: IncomingClaims }[]): Assertion[] {
  const docs = new Map<string, RegisterDoc>();
  const claims = new Map<string, RegisterClaim[]>();
  for (const { document, claims: file } of inputs) {
    docs.set(document.id, registerDoc(document));
    claims.set(document.id, registerClaims(document.id, file));
  }
  const ctx: ProvenanceContext = { catalog, docs, claims };
  return buildAssertions(ctx, [...claims.values()].flat());
}

/** The case's pages with their gold claims, in file order. */
export function goldInputs(c: LoadedCase): { document: Document; claims: IncomingClaims }[] {
  return [...c.documents].filter(([f]) => c.claims.has(f)).map(([f, document]) => ({ document, claims: c.claims.get(f)! }));
}
