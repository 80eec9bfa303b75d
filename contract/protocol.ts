/**
 * What the worker protocols share (the engine's, ui/engine/protocol/, and the search worker's,
 * ui/search-worker/index-protocol.ts): messages declared as data — per name, each field with its check
 * (contract/fields.ts) — read with `readChecked`, whose one refusal, `ProtocolError`, is a short line that echoes
 * only an id the other end could have sent. Pure.
 */
import { FigmentError } from "../kernel/errors.js";
import { FieldError, isRecord } from "./fields.js";
import { isRequestId } from "./request-id.js";

/**
 * A worker message that failed its check: the id it carried (to fail that call) and why. An `input` failure (as a
 * field's, FieldError): what was sent cannot be used, and nothing was done with it.
 */
export class ProtocolError extends FigmentError {
  override name = "ProtocolError";
  constructor(
    readonly id: string | undefined,
    message: string,
  ) {
    super("input", message, { reason: "bad-message" });
  }
}

/** The id a refused message carried, when it is one the other end could have sent (a 100,000-character one is not). */
function idOf(data: unknown): string | undefined {
  try {
    const value = isRecord(data) ? data["id"] : undefined;
    return isRequestId(value) ? value : undefined;
  } catch {
    return undefined; // a getter that throws (only a message built in-process has one: structured clone reads them)
  }
}

/** Runs `read` over `data`; any refusal becomes a ProtocolError that starts with `what`. */
export function readChecked<T>(data: unknown, what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    // A FieldError names the field and quotes a short start of the value; anything else (a getter that threw) says
    // nothing useful.
    throw new ProtocolError(
      idOf(data),
      `${what}: ${error instanceof FieldError ? error.message : "a field could not be read"}`,
    );
  }
}
