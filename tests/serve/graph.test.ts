// Which names of a member's chain the provenance graph draws as relays.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Member } from "../../src/assess/assess.ts";
import { relays } from "../../src/serve/graph.ts";

const member = (chain: string[], origin: string | null, resolution: string[]): Member => ({ claim: "c", document: "d", outlet: "O", published: null, stance: "asserted", optional: false, evidence: "e", chain, origin, resolution, circular: false });

test("the origin as written is not a relay; the names after it are", () => {
  assert.deepEqual(relays(member(["Ostmark's defence ministry"], "Ostmarker government", ["the first element of the chain, Ostmark's defence ministry, is the root"])), []);
  assert.deepEqual(relays(member(["Haaretz", "Middle East Monitor"], "Haaretz", ["the first element of the chain, Haaretz, is the root"])), ["Middle East Monitor"]);
});

test("unnamed sources ahead of the root belong to it", () => {
  const m = member(["sources in Morocco", "Defense News"], "Defense News", ['unnamed "sources in Morocco" is no origin of its own: it belongs to the next named source that quoted it']);
  assert.deepEqual(relays(m), []);
});

test("a name resolved through its own page relays the origin it led to", () => {
  const m = member(["Ostmark Wire"], "Ostmarker government", ["the first element of the chain, Ostmark Wire, is the root", "Ostmark Wire resolved through its page 01-ostmark-wire to Ostmarker government"]);
  assert.deepEqual(relays(m), ["Ostmark Wire"]);
});

test("a near-identical copy relays the document it copies", () => {
  const m = member([], "Northgate Monitor", ["near-identical copy of Northgate Monitor (03-northgate-monitor): takes its root", "own voice: the outlet Northgate Monitor is the root"]);
  assert.deepEqual(relays(m), ["copy of Northgate Monitor"]);
});
