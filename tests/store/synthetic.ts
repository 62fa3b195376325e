// Plainly fictional documents and claims, generated from a seed: invented states (ISO 3166-1 user-assigned codes QMA…),
// invented outlets and speakers. For the crash test and the register benchmark.
import type { Document } from "../../src/ingest/document.ts";
import { registerClaims, type IncomingClaims } from "../../src/resolve/claims.ts";
import type { RegisterClaim, RegisterDoc } from "../../src/resolve/types.ts";
import { buildAssertions } from "../../src/assess/assess.ts";
import { defaultCatalog } from "../../src/catalog/load.ts";
import { stableJson } from "../../src/store/json.ts";

/** The k-th fictional state code, from the user-assigned range QMA–QZZ that no real state uses. */
export const state = (k: number) => `Q${String.fromCharCode(77 + Math.floor(k / 26))}${String.fromCharCode(65 + (k % 26))}`;
const CATEGORIES = ["uav", "armoured-vehicle", "artillery", "missile", "air-defence", "ship"] as const;
const SYSTEMS = ["Fictional Falcon", "Fictional Lynx", "Fictional Osprey", null];
const SPEAKERS = ["Minister Arlo Fenwick", "officials familiar with the deal", "Tamsin Qorell", "the defence ministry"];

/** A small deterministic random generator (mulberry32). */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Document number `i` of a synthetic register with `outlets` outlets and `pairs` supplier-recipient pairs. */
export function syntheticDocument(i: number, options: { outlets?: number; pairs?: number; states?: number; claims?: number } = {}): { document: Document; claims: IncomingClaims } {
  const rnd = random(i * 7919 + 17);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const outlets = options.outlets ?? 40;
  const states = Math.min(364, options.states ?? 8);
  const pairs = Math.min(options.pairs ?? 12, states * (states - 1));
  const outlet = `Fictional Outlet ${Math.floor(rnd() * outlets)}`;
  const year = 2000 + Math.floor(rnd() * 24);
  const published = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;
  const id = `syn-${String(i).padStart(7, "0")}`;
  const count = options.claims ?? 1 + Math.floor(rnd() * 4);
  const sentences: string[] = [];
  const transfers: IncomingClaims["transfers"] = [];
  for (let k = 0; k < count; k++) {
    const p = Math.floor(rnd() * pairs);
    const supplier = state(p % states);
    const recipient = state(((p % states) + 1 + Math.floor(p / states)) % states);
    const name = pick(SYSTEMS);
    const sentence = `In this invented story, ${supplier} supplied ${name ?? "equipment"} to ${recipient} (${id}, claim ${k}).`;
    sentences.push(sentence);
    const chain = rnd() < 0.3 ? [] : rnd() < 0.5 ? [pick(SPEAKERS)] : [pick(SPEAKERS), `Fictional Outlet ${Math.floor(rnd() * outlets)}`];
    transfers.push({
      supplier,
      recipient,
      intermediary: null,
      item: { name, category: pick(CATEGORIES) },
      maker: null,
      quantity: rnd() < 0.5 ? 1 + Math.floor(rnd() * 30) : null,
      value: rnd() < 0.3 ? { amount: 1e6 * (1 + Math.floor(rnd() * 90)), currency: "USD" } : null,
      time: rnd() < 0.7 ? { from: String(year - Math.floor(rnd() * 3)), to: String(year) } : null,
      status: pick(["ordered", "delivered", "negotiating"] as const),
      stance: rnd() < 0.1 ? "denied" : rnd() < 0.3 ? "alleged" : "asserted",
      targets: [],
      sources: chain,
      evidence: sentence,
    });
  }
  const text = `Fictional report ${i}\n\n${sentences.join("\n\n")}`;
  return {
    document: { id, url: `https://fictional.invalid/${id}`, canonicalUrl: null, outlet, published, language: "en", title: `Fictional report ${i}`, author: null, text },
    claims: { document: { id, language: "en", published, outlet }, transfers },
  };
}

/** The assertions of some documents computed without a database, sorted by id, as stable JSON. */
export function pureAssertions(inputs: { document: Document; claims: IncomingClaims }[]): string {
  const docs = new Map<string, RegisterDoc>();
  const claims = new Map<string, RegisterClaim[]>();
  for (const { document, claims: file } of inputs) {
    docs.set(document.id, { id: document.id, url: document.url, outlet: document.outlet, published: document.published, language: document.language, title: document.title, copyOf: [] });
    claims.set(document.id, registerClaims(document.id, file));
  }
  const all = buildAssertions({ catalog: defaultCatalog(), docs, claims }, [...claims.values()].flat());
  return stableJson(all.sort((a, b) => a.id.localeCompare(b.id)));
}
