// Protection of the state-changing POSTs against cross-site request forgery, in two layers. First, a browser names
// where a request comes from (Origin, Sec-Fetch-Site) on every cross-origin POST: anything but this site is
// refused. Second, each form carries a token signed with a secret made when the process starts, which a page on
// another site cannot read (same-origin policy). The same secret seals what a preview showed, so the store step
// takes exactly that document and not one a client made up.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

const SECRET = randomBytes(32);

/** How long a form token stays good, in ms (12 hours). */
export const TOKEN_LIFETIME_MS = 12 * 3600 * 1000;

const mac = (purpose: string, value: string) => createHmac("sha256", SECRET).update(`${purpose}\0${value}`).digest("base64url");

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A fresh form token: its issue time and a signature of it. */
export function formToken(now = Date.now()): string {
  return `${now}.${mac("form", String(now))}`;
}

/** Whether a form token was signed by this process and has not expired. */
export function validFormToken(token: unknown, now = Date.now()): boolean {
  if (typeof token !== "string") return false;
  const m = /^(\d{1,15})\.([\w-]{43})$/.exec(token);
  if (!m) return false;
  const age = now - Number(m[1]);
  return age >= 0 && age <= TOKEN_LIFETIME_MS && same(m[2]!, mac("form", m[1]!));
}

/** The seal of a value this process showed: a signature a client cannot forge. */
export function seal(value: string): string {
  return mac("seal", value);
}

/** Whether a value carries this process's seal. */
export function sealed(value: string, signature: unknown): boolean {
  return typeof signature === "string" && same(signature, seal(value));
}

/**
 * Why a POST is refused as coming from another site, or null. Browsers send Sec-Fetch-Site with every request
 * now, and Origin with cross-origin POSTs; clients that send neither (curl, scripts) are not browsers riding on
 * someone's session. Sec-Fetch-Site decides when present: under this site's `Referrer-Policy: no-referrer` a
 * browser's own same-origin form says `Origin: null`, which then tells nothing, and the form token decides.
 */
export function crossSiteRefusal(headers: IncomingHttpHeaders): string | null {
  const site = headers["sec-fetch-site"];
  if (site !== undefined) return site === "same-origin" || site === "none" ? null : `a ${site} request cannot change the register (Sec-Fetch-Site: ${site})`;
  const origin = headers.origin;
  if (origin === undefined || origin === "null") return null;
  let host: string | null;
  try {
    host = new URL(origin).host;
  } catch {
    host = null;
  }
  return host && host === headers.host ? null : `a request from ${origin} cannot change the register of ${headers.host ?? "this server"}`;
}

/** Whether an address the server listens on is loopback only (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Why a POST to a server that listens on loopback only is refused for naming another host, or null. A page whose
 * own name was re-pointed at 127.0.0.1 (DNS rebinding) is same-origin to itself, so only the Host it sends gives it away.
 */
export function rebindingRefusal(headers: IncomingHttpHeaders): string | null {
  const host = (headers.host ?? "").replace(/:\d+$/, "").replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return isLoopback(host) ? null : `this server listens on loopback only and takes changes for localhost, not for ${headers.host ?? "no host"}`;
}
