import { createHash } from "node:crypto";
import type { Claim, ClaimsFile } from "../extract/types.ts";
import type { RegisterClaim } from "./types.ts";

/** A claim as a claims file may carry it: gold files add `optional` and lack offsets and rules. */
export type IncomingClaim = Omit<Claim, "span" | "rules"> & { span?: Claim["span"] | null; rules?: string[]; optional?: boolean };

/** A claims file as the register accepts it: extractor output or a gold file. */
export interface IncomingClaims extends Omit<ClaimsFile, "transfers"> {
  transfers: IncomingClaim[];
}

/** A claim's id: a hash of its document, position and content, so the same claims file gives the same ids. */
export function claimId(document: string, index: number, c: IncomingClaim): string {
  // Fields one by one, not objects: a claim read back from JSON storage may have its keys in another order.
  const content = JSON.stringify([c.supplier, c.recipient, c.intermediary, c.item.name, c.item.category, c.maker, c.quantity, c.value?.amount ?? null, c.value?.currency ?? null, c.time?.from ?? null, c.time?.to ?? null, c.status, c.stance, c.targets, c.sources, c.evidence, c.optional ?? false]);
  return createHash("sha256").update(`${document}\n${index}\n${content}`).digest("hex").slice(0, 20);
}

/** The claims of one document as the register stores them. */
export function registerClaims(document: string, file: IncomingClaims): RegisterClaim[] {
  return file.transfers.map((t, index) => ({
    id: claimId(document, index, t),
    document,
    index,
    supplier: t.supplier,
    recipient: t.recipient,
    intermediary: t.intermediary ?? null,
    item: { name: t.item.name ?? null, category: t.item.category },
    maker: t.maker ?? null,
    quantity: t.quantity ?? null,
    value: t.value ?? null,
    time: t.time ?? null,
    status: t.status,
    stance: t.stance,
    targets: t.targets ?? [],
    sources: t.sources ?? [],
    evidence: t.evidence ?? "",
    optional: t.optional ?? false,
    span: t.span ?? null,
    rules: t.rules ?? [],
  }));
}
