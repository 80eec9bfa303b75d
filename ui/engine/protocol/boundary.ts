/**
 * The boundary's own messages, never sent by a panel: `ping` (answered as soon as the worker's script has
 * run: the host measures cold start with it), `abort` (stops a running request), `load-script` (the
 * tokenizer, which comes only when an estimate needs it), `load-packed` (a code part, unpacked in the
 * worker so the panel's thread stays free: ui/engine/code-parts/) and `part-failed` (a part the host promised a job
 * could not be sent).
 */
import { custom, number, oneOf, optional, string, type Shape } from "../../../contract/fields.js";
import { CODE_PARTS } from "../../../contract/messages.js";
import { requestId } from "./common.js";

/** Only scripts the UI unpacked itself (blob: URLs), never a network address. */
const blobUrl = custom<string>("a blob: URL", (v) => (typeof v === "string" && v.startsWith("blob:") ? v : undefined));

export const BOUNDARY_REQUESTS = {
  ping: {},
  /** Stops the request `target`; its job then fails as `cancelled`, which the host reads as `Cancelled`. */
  abort: { target: requestId },
  /** Runs a script inside the worker (importScripts). */
  "load-script": { url: blobUrl },
  /** Unpacks a gzip+base64 script the main thread sent (a worker part) and runs it inside the worker. */
  "load-packed": { packed: string({ nonEmpty: true }) },
  /**
   * The host could not send a code part it promised a posted job (`laterCodeParts`): the jobs waiting on it fail
   * (answered `aborted`).
   */
  "part-failed": { part: oneOf(CODE_PARTS), message: string() },
} satisfies Record<string, Shape>;

export const BOUNDARY_REPLIES = {
  /** `decodeMs`: the bootstrap's time unpacking the script in the worker (ui/engine/boot.ts), when it did. */
  pong: { decodeMs: optional(number({ min: 0 })) },
  aborted: {},
  loaded: {},
} satisfies Record<string, Shape>;
