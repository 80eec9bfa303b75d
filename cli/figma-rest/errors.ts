/**
 * What can go wrong talking to Figma's REST API, as one error the CLI can explain: the kind (kernel/errors.ts:
 * `auth` and `input` exit 2, the rest 1), the status, the Retry-After when Figma sent one, and a message in the
 * user's terms. The token never appears in it: Figma's own text is redacted before it is kept.
 */
import type { ErrorResponsePayloadWithErrMessage, ErrorResponsePayloadWithErrorBoolean } from "@figma/rest-api-spec";
import { FigmentError, type ErrorKind } from "../../kernel/errors.js";

/** A FigmentError with what the retries read: the status (a 5xx is retried) and Figma's Retry-After. */
export class FigmaRestError extends FigmentError {
  override name = "FigmaRestError";
  constructor(
    kind: ErrorKind,
    message: string,
    readonly status?: number,
    /** Seconds Figma asked to wait (429), when it said. */
    readonly retryAfterSec?: number,
  ) {
    super(kind, message);
  }
}

/** Figma failed on its side (a 5xx): worth another try, unlike an answer that cannot be read. */
export const isServerError = (error: FigmaRestError): boolean => error.kind === "service" && (error.status ?? 0) >= 500;

/** Figma's error text from either of its two error bodies (`{ status, err }` or `{ error: true, status, message }`). */
export function figmaErrorText(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const withErr = body as Partial<ErrorResponsePayloadWithErrMessage>;
  if (typeof withErr.err === "string" && withErr.err) return withErr.err;
  const withMessage = body as Partial<ErrorResponsePayloadWithErrorBoolean>;
  if (typeof withMessage.message === "string" && withMessage.message) return withMessage.message;
  return undefined;
}

/** Replaces every occurrence of the token (should a server echo it) with `***`. */
export function redact(text: string, token: string): string {
  return token.length >= 4 ? text.split(token).join("***") : text;
}

/** The error for a non-2xx answer of the API (`what` says which request, e.g. "image fills of file K"). */
export function statusError(
  status: number,
  figmaText: string | undefined,
  what: string,
  retryAfterSec?: number,
): FigmaRestError {
  const said = figmaText ? `: "${figmaText.slice(0, 200)}"` : "";
  if (status === 401 || status === 403) {
    return new FigmaRestError(
      "auth",
      `Figma refused the request for ${what} (${status}${said}): the token is invalid or expired, ` +
        `or its account has no access to this file. Check FIGMA_TOKEN (or --figma-token) and that the ` +
        `file is shared with that account; a personal access token needs the file_content:read scope.`,
      status,
    );
  }
  if (status === 404) {
    return new FigmaRestError(
      "input",
      `Figma has no file for ${what} (404${said}): check --file-key ` +
        `(the part after /design/ or /file/ in the file's URL).`,
      status,
    );
  }
  if (status === 429) {
    return new FigmaRestError(
      "limit",
      `Figma rate-limited the request for ${what} (429${said})`,
      status,
      retryAfterSec,
    );
  }
  if (status >= 500) {
    return new FigmaRestError(
      "service",
      `Figma failed on ${what} (${status}${said}); this is on Figma's side, try again later ` +
        `(a file with very many icons may need fewer at once: select fewer frames with --node).`,
      status,
    );
  }
  return new FigmaRestError("input", `Figma rejected the request for ${what} (${status}${said}).`, status);
}

/** "45 s", "3 min", "2 h 5 min": a wait in words, rounded up. */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 120) return `${s} s`;
  const min = Math.ceil(s / 60);
  if (min < 120) return `${min} min`;
  const h = Math.floor(min / 60);
  return `${h} h${min % 60 ? ` ${min % 60} min` : ""}`;
}
