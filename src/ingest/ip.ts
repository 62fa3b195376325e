import { isIP } from "node:net";

/** An address range with the reason it is refused. */
interface Range {
  family: 4 | 6;
  base: bigint;
  bits: number;
  why: string;
}

/** Parses an IPv4 or IPv6 address (IPv6 with an embedded dotted quad too) to its integer value; null when it is not one. */
export function parseIp(address: string): { family: 4 | 6; value: bigint } | null {
  const a = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const kind = isIP(a);
  if (kind === 4) return { family: 4, value: a.split(".").reduce((v, part) => (v << 8n) | BigInt(+part), 0n) };
  if (kind !== 6) return null;
  let text = a.toLowerCase();
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const v4 = parseIp(quad[1]!)!.value;
    text = text.slice(0, -quad[1]!.length) + `${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t];
  return { family: 6, value: groups.reduce((v, g) => (v << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

/** Parses `A.B.C.D/N` or `X::/N`; throws on a malformed range, which is a configuration error. */
export function parseCidr(cidr: string, why = "allowed"): Range {
  const [addr, bitsText] = cidr.split("/") as [string, string | undefined];
  const ip = parseIp(addr);
  const max = ip?.family === 4 ? 32 : 128;
  const bits = bitsText === undefined ? max : Number(bitsText);
  if (!ip || !Number.isInteger(bits) || bits < 0 || bits > max) throw new RangeError(`not an address range: "${cidr}"`);
  return { family: ip.family, base: ip.value, bits, why };
}

function contains(r: Range, family: 4 | 6, value: bigint): boolean {
  if (r.family !== family) return false;
  const shift = BigInt((family === 4 ? 32 : 128) - r.bits);
  return value >> shift === r.base >> shift;
}

const V4: Range[] = [
  ["0.0.0.0/8", "an unspecified address (\"this network\", RFC 1122)"],
  ["10.0.0.0/8", "a private address (RFC 1918)"],
  ["100.64.0.0/10", "a carrier-grade NAT address (RFC 6598)"],
  ["127.0.0.0/8", "a loopback address"],
  ["169.254.0.0/16", "a link-local address (RFC 3927; cloud metadata services live here)"],
  ["172.16.0.0/12", "a private address (RFC 1918)"],
  ["192.0.0.0/24", "a reserved IETF protocol address (RFC 6890)"],
  ["192.0.2.0/24", "a documentation address (RFC 5737)"],
  ["192.88.99.0/24", "a reserved 6to4 relay address (RFC 7526)"],
  ["192.168.0.0/16", "a private address (RFC 1918)"],
  ["198.18.0.0/15", "a benchmarking address (RFC 2544)"],
  ["198.51.100.0/24", "a documentation address (RFC 5737)"],
  ["203.0.113.0/24", "a documentation address (RFC 5737)"],
  ["224.0.0.0/4", "a multicast address"],
  ["240.0.0.0/4", "a reserved address (RFC 1112; includes broadcast)"],
].map(([c, why]) => parseCidr(c!, why));

const V6: Range[] = [
  ["::/128", "the unspecified address"],
  ["::1/128", "a loopback address"],
  ["::/96", "a deprecated IPv4-compatible address"],
  ["64:ff9b::/96", "a NAT64 address (RFC 6052), which reaches IPv4 hosts by translation"],
  ["64:ff9b:1::/48", "a local-use NAT64 address (RFC 8215)"],
  ["100::/64", "a discard-only address (RFC 6666)"],
  ["2001::/23", "a reserved IETF protocol address (RFC 2928; includes Teredo)"],
  ["2001:db8::/32", "a documentation address (RFC 3849)"],
  ["2002::/16", "a 6to4 address (RFC 3056), which may embed any IPv4 address"],
  ["fc00::/7", "a unique-local address (RFC 4193)"],
  ["fe80::/10", "a link-local address"],
  ["fec0::/10", "a deprecated site-local address"],
  ["ff00::/8", "a multicast address"],
].map(([c, why]) => parseCidr(c!, why));

const GLOBAL_UNICAST = parseCidr("2000::/3");
const MAPPED = parseCidr("::ffff:0:0/96");

/**
 * Why an address must not be fetched from (in words, e.g. "a private address (RFC 1918)"), or null when it is a
 * public unicast address or falls in one of `allow`. IPv4-mapped IPv6 addresses are judged as their IPv4 address.
 */
export function refusal(address: string, allow: readonly Range[] = []): string | null {
  const ip = parseIp(address);
  if (!ip) return "not an IP address";
  let { family, value } = ip;
  if (family === 6 && contains(MAPPED, 6, value)) (family = 4), (value &= 0xffffffffn);
  if (allow.some((r) => contains(r, family, value))) return null;
  const hit = (family === 4 ? V4 : V6).find((r) => contains(r, family, value));
  if (hit) return hit.why;
  if (family === 6 && !contains(GLOBAL_UNICAST, 6, value)) return "a reserved IPv6 address (outside 2000::/3)";
  return null;
}
