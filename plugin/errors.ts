/** Errors the main thread reports to the UI: a code from the contract and a message a designer can act on. */
import { FigmentError, type ErrorKind } from "../kernel/errors.js";
import type { ErrorCode } from "../contract/messages.js";

/** Each code the UI hears as one of Figment's few kinds. */
const KIND_OF_CODE: Readonly<Record<ErrorCode, ErrorKind>> = {
  "empty-selection": "input",
  "unsupported-node": "input",
  "too-large": "input",
  "export-failed": "service",
  "not-found": "input",
  "bad-message": "internal",
  "bad-settings": "input",
  "bad-image": "input",
  "not-generated": "input",
  "read-only": "input",
  "storage-failed": "service",
  "storage-full": "limit",
  cancelled: "cancelled",
  internal: "internal",
};

/** A FigmentError with the contract's code, which travels to the UI (the class does not survive postMessage). */
export class PluginError extends FigmentError {
  override name = "PluginError";
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(KIND_OF_CODE[code], message);
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
