import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCidr, parseIp, refusal } from "../../src/ingest/ip.ts";

test("IPv4 and IPv6 addresses parse to their values, embedded dotted quads included", () => {
  assert.equal(parseIp("10.0.0.1")!.value, 0x0a000001n);
  assert.equal(parseIp("::ffff:127.0.0.1")!.value, parseIp("::ffff:7f00:1")!.value);
  assert.equal(parseIp("[2001:db8::1]")!.value, (0x20010db8n << 96n) | 1n);
  assert.equal(parseIp("example.org"), null);
  assert.throws(() => parseCidr("10.0.0.0/33"), RangeError);
});

test("every refused range names its reason; public unicast addresses pass", () => {
  const cases: [string, RegExp | null][] = [
    ["127.0.0.1", /loopback/],
    ["10.255.0.1", /private.*RFC 1918/],
    ["172.16.0.1", /private/],
    ["172.32.0.1", null],
    ["192.168.10.10", /private/],
    ["100.64.0.1", /carrier-grade NAT/],
    ["100.128.0.1", null],
    ["169.254.169.254", /link-local/],
    ["0.0.0.0", /unspecified/],
    ["224.0.0.1", /multicast/],
    ["255.255.255.255", /reserved/],
    ["198.18.0.1", /benchmarking/],
    ["8.8.8.8", null],
    ["::", /unspecified/],
    ["::1", /loopback/],
    ["::ffff:10.0.0.1", /private/],
    ["::ffff:8.8.8.8", null],
    ["64:ff9b::808:808", /NAT64/],
    ["fc00::1", /unique-local/],
    ["fdff::1", /unique-local/],
    ["fe80::1", /link-local/],
    ["ff02::1", /multicast/],
    ["2001:db8::1", /documentation/],
    ["3fff::1", null],
    ["4000::1", /reserved IPv6/],
    ["2606:4700:4700::1111", null],
  ];
  for (const [addr, why] of cases) {
    const got = refusal(addr);
    if (why) assert.match(got ?? "(allowed)", why, addr);
    else assert.equal(got, null, addr);
  }
});

test("an allow list lets exactly its ranges through, mapped IPv4 included", () => {
  const loop = [parseCidr("127.0.0.0/8")];
  assert.equal(refusal("127.0.0.1", loop), null);
  assert.equal(refusal("::ffff:127.0.0.1", loop), null);
  assert.match(refusal("::1", loop)!, /loopback/);
  assert.match(refusal("10.0.0.1", loop)!, /private/);
});
