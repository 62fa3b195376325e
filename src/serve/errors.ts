import { StoreError } from "../store/db.ts";

/** The stable error codes of the envelope. */
export const ERROR_CODES = ["not-found", "bad-request", "forbidden", "method-not-allowed", "too-large", "unsupported-media-type", "unprocessable", "bad-gateway", "internal"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error the app answers with its status; `code` is stable, `message` is safe to show. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The one error envelope of the JSON API. */
export interface ErrorEnvelope {
  ok: false;
  status: number;
  code: string;
  error: string;
}

/** Maps anything thrown by a handler to an HttpError; unknown errors keep their details out of the answer. */
export function toHttpError(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  if (e instanceof StoreError && e.code === "not-found") return new HttpError(404, "not-found", e.message);
  return new HttpError(500, "internal", "internal error: the server log has the details");
}

/** The envelope for an error. */
export function envelope(e: HttpError): ErrorEnvelope {
  return { ok: false, status: e.status, code: e.code, error: e.message };
}
