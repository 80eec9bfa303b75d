/** Errors the main thread reports to the UI: a code from the contract and a message a designer can act on. */
import { FigmentError } from "../kernel/errors.js";
import { KIND_OF_CODE, type ErrorCode } from "../contract/messages.js";

/**
 * A FigmentError with the contract's code, its `reason`: the two travel to the UI in the one failure shape
 * (contract/failure.ts; the class does not survive postMessage).
 */
export class PluginError extends FigmentError {
  override name = "PluginError";
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(KIND_OF_CODE[code], message, { reason: code });
  }
}

/** Figma rejects with Error objects or plain strings; either way we want its text. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** "1,234" — numbers in messages read like Figma's own. */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
