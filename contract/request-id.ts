/**
 * A request id as a message may carry it, apart from contract/messages.ts so a worker checks one without the
 * panel's whole message catalogue in its script (the search worker: +5 KB gzipped).
 */
import { string } from "./fields.js";

export const requestIdField = string({ nonEmpty: true, max: 200 });

/** An id the other end could have sent: the refusal of a malformed message echoes only such an id. */
export function isRequestId(value: unknown): value is string {
  try {
    return requestIdField.check(value, "requestId") === value;
  } catch {
    return false;
  }
}
