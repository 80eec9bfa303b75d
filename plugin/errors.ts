/** Errors the main thread reports to the UI: a code from the contract and a message a designer can act on. */

export { PluginError } from "../contract/plugin-error.js";

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
