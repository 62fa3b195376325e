// Request bodies of the POST routes: read up to a limit, then parsed as a form or as JSON, as the route's form asks.
import type { IncomingMessage } from "node:http";
import { HttpError } from "./errors.ts";

/** Largest request body read, in bytes (5 MiB): a long article pasted as text, percent-encoded, fits. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

const tooLarge = (max: number) => new HttpError(413, "too-large", `the request body is over the ${max / 1048576} MiB limit`);

/**
 * The whole body, refused with a 413 as soon as it passes `max` bytes (a declared Content-Length is checked before
 * reading). The rest of a refused body is read and dropped, so the client still gets the answer.
 */
export function readBody(req: IncomingMessage, max = MAX_BODY_BYTES): Promise<Buffer> {
  if (Number(req.headers["content-length"]) > max) return Promise.reject(tooLarge(max));
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      req.off("data", onData).off("end", onEnd).resume();
      fail(tooLarge(max));
    };
    const onEnd = () => ok(Buffer.concat(chunks));
    req.on("data", onData).on("end", onEnd).once("error", fail);
  });
}

const mediaType = (req: IncomingMessage) => (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();

/**
 * The fields of a POST body: a JSON object for the JSON twin (which must say `application/json`, a type a
 * cross-site form cannot send), form fields for a page (`application/x-www-form-urlencoded`, what a plain form sends).
 */
export async function parseBody(req: IncomingMessage, json: boolean, max = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const type = mediaType(req);
  const wanted = json ? "application/json" : "application/x-www-form-urlencoded";
  if (type !== wanted) throw new HttpError(415, "unsupported-media-type", `send the body as ${wanted}${type ? ` (got ${type})` : ""}`);
  const body = (await readBody(req, max)).toString("utf8");
  if (!json) return Object.fromEntries(new URLSearchParams(body));
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new HttpError(400, "bad-request", "the body is not valid JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new HttpError(400, "bad-request", "the body must be a JSON object");
  return value as Record<string, unknown>;
}
