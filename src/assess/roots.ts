import type { Catalog } from "../catalog/types.ts";
import { dice, nameWords, sourceDescriber, type SourceRef } from "../resolve/names.ts";
import { pairKey } from "../resolve/merge.ts";
import type { RegisterClaim, RegisterDoc } from "../resolve/types.ts";

/** Everything root resolution may look at: the documents and claims of the (supplier, recipient) pairs at hand. */
export interface ProvenanceContext {
  catalog: Catalog;
  docs: Map<string, RegisterDoc>;
  /** Claims by document id. */
  claims: Map<string, RegisterClaim[]>;
  /** Analyst decisions that two written names are one source (compared after folding), besides the rules. */
  sameSource?: (a: string, b: string) => boolean;
}

/** Where a claim's chain leads after README rules 3, 5, 6 and 7. */
export interface Root {
  ref: SourceRef;
  /** Each rule that decided, in words. */
  resolution: string[];
  /** True when the chain is the document's own voice (empty, or only unnamed sources). */
  ownVoice: boolean;
  /** True when rule 6 led back to the claim's own outlet (rule 7). */
  circular: boolean;
  /** Outlets passed through by rule 6, in order. */
  via: string[];
  /** For circular claims: the outlets of the loop, starting with the claim's own. */
  loop: string[];
}

/** The display name of a reference. */
export function refName(catalog: Catalog, ref: SourceRef): string {
  if (ref.kind === "catalog") return ref.name;
  if (ref.kind === "government") {
    if (!ref.state) return ref.written;
    const st = catalog.states.get(ref.state);
    const demonym = st?.names.en?.find((n) => n.kind === "demonym")?.text;
    return demonym ? `${demonym} government` : `Government of ${st?.label ?? ref.state}`;
  }
  return ref.written;
}

/** Rule 4's comparison of two references, without the assertion-wide steps (institutions, speakers). */
export function sameParty(ctx: ProvenanceContext, a: SourceRef, b: SourceRef): boolean {
  if (ctx.sameSource?.(a.written, b.written)) return true;
  if (a.kind === "unnamed" || b.kind === "unnamed") return false;
  if (a.kind === "catalog" && b.kind === "catalog") return a.id === b.id;
  if (a.kind === "government" || b.kind === "government") return a.kind === "government" && b.kind === "government" && a.state === b.state;
  const words = (r: SourceRef): string[][] =>
    r.kind === "catalog" ? catalogNames(ctx.catalog, r.id).map(nameWords) : r.kind === "named" ? [r.words] : [];
  return words(a).some((x) => words(b).some((y) => dice(x, y) >= 0.5));
}

function catalogNames(catalog: Catalog, id: string): string[] {
  const [kind, key] = id.split(/:(.*)/s, 2) as [string, string];
  const e = kind === "source" ? catalog.sources.get(key) : catalog.makers.get(key);
  return e ? e.names.map((n) => n.text) : [];
}

/** The outlet of a document as a reference; an outlet is always a name, even one the word classes would call a description. */
export function outletRef(ctx: ProvenanceContext, doc: RegisterDoc): SourceRef {
  const written = doc.outlet ?? `document ${doc.id}`;
  const ref = sourceDescriber(ctx.catalog, doc.language)(written);
  return ref.kind === "catalog" ? ref : { kind: "named", words: nameWords(written), state: null, written };
}

const byDate = (a: RegisterDoc, b: RegisterDoc) => (a.published ?? "9999").localeCompare(b.published ?? "9999") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A root resolver over one context; results are memoised per claim. */
export function rootResolver(ctx: ProvenanceContext): (claim: RegisterClaim) => Root {
  const memo = new Map<string, Root>();
  // Indexes built once per context: each document's outlet, the documents telling each pair (oldest first), and
  // who copies whom in both directions.
  const outlets = new Map<string, SourceRef>();
  const outletOf = (d: RegisterDoc) => outlets.get(d.id) ?? (outlets.set(d.id, outletRef(ctx, d)), outlets.get(d.id)!);
  const byPair = new Map<string, RegisterDoc[]>();
  for (const [id, claims] of ctx.claims) {
    const d = ctx.docs.get(id);
    if (!d) continue;
    for (const pair of new Set(claims.filter((c) => !c.optional).map(pairKey))) byPair.get(pair)?.push(d) ?? byPair.set(pair, [d]);
  }
  for (const list of byPair.values()) list.sort(byDate);
  const copiedBy = new Map<string, string[]>();
  for (const d of ctx.docs.values()) for (const o of d.copyOf) copiedBy.get(o)?.push(d.id) ?? copiedBy.set(o, [d.id]);
  const resolve = (claim: RegisterClaim, visiting: Set<string>): Root => {
    const done = memo.get(claim.id);
    if (done) return done;
    const r = compute(claim, visiting);
    if (visiting.size === 0) memo.set(claim.id, r);
    return r;
  };

  function compute(claim: RegisterClaim, visiting: Set<string>): Root {
    const doc = ctx.docs.get(claim.document)!;
    const copy = copySource(claim, doc);
    if (copy) {
      const r = resolve(copy.claim, new Set([...visiting, doc.id]));
      return { ...r, resolution: [`near-identical copy of ${copy.doc.outlet ?? copy.doc.id} (${copy.doc.id}): takes its root`, ...r.resolution] };
    }
    const own = outletOf(doc);
    const describe = sourceDescriber(ctx.catalog, doc.language);
    const resolution: string[] = [];
    let root: SourceRef | null = null;
    for (const written of claim.sources) {
      const ref = describe(written);
      if (ref.kind !== "unnamed") {
        root = ref;
        break;
      }
      resolution.push(`unnamed "${written}" is no origin of its own: it belongs to the next named source that quoted it`);
    }
    if (root && resolution.length === 0) resolution.push(`the first element of the chain, ${root.written}, is the root`);
    if (!root) {
      resolution.push(claim.sources.length === 0 ? `own voice: the outlet ${own.written} is the root` : `nothing named follows, so the document's outlet ${own.written} is the root`);
      return { ref: own, resolution, ownVoice: true, circular: false, via: [], loop: [] };
    }
    if (root.kind === "government") resolution.push(`"${root.written}" speaks for a government`);
    if (sameParty(ctx, root, own)) return { ref: root, resolution: [...resolution, "that is this document's own outlet"], ownVoice: false, circular: false, via: [], loop: [] };
    return throughDocuments(claim, doc, own, root, resolution, new Set([...visiting, doc.id]));
  }

  /** Rule 6: a root that is an outlet with an earlier document of its own resolves through that document. */
  function throughDocuments(claim: RegisterClaim, doc: RegisterDoc, own: SourceRef, root: SourceRef, resolution: string[], visiting: Set<string>): Root {
    const plain: Root = { ref: root, resolution, ownVoice: false, circular: false, via: [], loop: [] };
    const pair = pairKey(claim);
    const page = (byPair.get(pair) ?? []).find(
      (d) => d.id !== doc.id && !visiting.has(d.id) && !!d.published && !!doc.published && d.published <= doc.published && sameParty(ctx, outletOf(d), root),
    );
    if (!page) return plain;
    const told = (ctx.claims.get(page.id) ?? []).filter((c) => !c.optional && pairKey(c) === pair);
    const roots = told.map((c) => resolve(c, visiting));
    const name = root.written;
    if (roots.some((r) => r.ownVoice && sameParty(ctx, r.ref, root))) {
      return { ...plain, resolution: [...resolution, `${name} has a page of its own (${page.id}) that states this pair's transfer in its own voice: it stays the origin`] };
    }
    const first = roots[0]!;
    if (!roots.every((r) => sameParty(ctx, r.ref, first.ref))) {
      return { ...plain, resolution: [...resolution, `${name}'s page (${page.id}) gives several roots: ${name} stays the root`] };
    }
    if (sameParty(ctx, first.ref, root)) {
      return { ...plain, resolution: [...resolution, `${name}'s page (${page.id}) names ${name} itself as the source: it stays the origin`] };
    }
    const through = `${name} resolved through its page ${page.id} to ${refName(ctx.catalog, first.ref)}`;
    if (sameParty(ctx, first.ref, own)) {
      const loop = [own.written, name, ...first.via].filter((x, i, a) => a.findIndex((y) => y === x) === i);
      return { ref: own, resolution: [...resolution, through, `circular: that leads back to this document's own outlet ${own.written}`], ownVoice: false, circular: true, via: [name, ...first.via], loop };
    }
    return { ...first, resolution: [...resolution, through, ...first.resolution], via: [name, ...first.via], circular: false, loop: [] };
  }

  /** Rule 5: a claim of a near-identical copy takes the root of the same claim in the earliest-published copy. */
  function copySource(claim: RegisterClaim, doc: RegisterDoc): { doc: RegisterDoc; claim: RegisterClaim } | null {
    const group = copyGroup(doc);
    const earliest = group.sort(byDate)[0];
    if (!earliest || earliest.id === doc.id) return null;
    const same = (ctx.claims.get(earliest.id) ?? []).filter((c) => c.supplier === claim.supplier && c.recipient === claim.recipient && c.item.category === claim.item.category);
    const match = same.find((c) => c.evidence === claim.evidence) ?? same.find((c) => c.stance === claim.stance) ?? same[0];
    return match ? { doc: earliest, claim: match } : null;
  }

  function copyGroup(doc: RegisterDoc): RegisterDoc[] {
    const seen = new Map<string, RegisterDoc>([[doc.id, doc]]);
    const queue = [doc];
    while (queue.length) {
      const d = queue.pop()!;
      const linked = [...d.copyOf, ...(copiedBy.get(d.id) ?? [])];
      for (const id of linked) {
        const o = ctx.docs.get(id);
        if (o && !seen.has(id)) {
          seen.set(id, o);
          queue.push(o);
        }
      }
    }
    return [...seen.values()];
  }

  return (claim) => resolve(claim, new Set());
}
