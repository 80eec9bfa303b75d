/**
 * A refusal of the main thread (the plugin): the contract's code, its `reason`, with a message a designer can act
 * on. The one class on both sides: the plugin throws it, and the UI's request idiom makes it again from the failure
 * shape (contract/failure.ts; a class does not survive postMessage), with the kind the plugin said.
 */
import { FigmentError, type ErrorKind } from "../kernel/errors.js";
import { KIND_OF_CODE, type ErrorCode } from "./messages.js";

export class PluginError extends FigmentError {
  override name = "PluginError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    kind: ErrorKind = KIND_OF_CODE[code],
  ) {
    super(kind, message, { reason: code });
  }
}
