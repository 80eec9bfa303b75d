/**
 * The one form of "cancelled", on every side of every boundary: a call whose signal aborted, a worker stopped
 * by the panel, a model request or a main-thread job that stopped because it was asked to. Each boundary turns
 * the other side's "it stopped" into this class once, where its answers arrive, so the panels check
 * `isCancelled(error)` and nothing else. A FigmentError of kind `cancelled` (kernel/errors.ts), so the CLI exits 130
 * with it. Pure.
 */
import { FigmentError } from "./errors.js";

export class Cancelled extends FigmentError {
  override readonly name = "Cancelled";
  constructor(message = "Cancelled.") {
    super("cancelled", message);
  }
}

/** Whether `error` says the work stopped because it was asked to (not a failure to explain). */
export function isCancelled(error: unknown): error is Cancelled {
  return error instanceof Cancelled;
}

/** Throws Cancelled when `signal` aborted: a long run's check between its steps, so its work stops there. */
export function stopIfAborted(signal: { readonly aborted: boolean } | undefined, message = "Cancelled."): void {
  if (signal?.aborted) throw new Cancelled(message);
}
