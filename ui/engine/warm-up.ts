/**
 * Starts the engine worker in idle time after the panel's first paint, so that the first Generate finds it
 * booted (or booting) while the panel opens no slower: nothing happens before a frame with the panel in it has
 * been painted, and then only when the browser is idle (requestIdleCallback; a short timer where it is missing).
 * The worker script still comes from the main thread (get-worker-source), never inside ui.html.
 */
import { useEffect } from "preact/hooks";

export interface WarmUpTimers {
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(handle: number): void;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
  /** Where the steps are recorded for measurements (performance.mark in the panel). */
  mark?(name: string): void;
}

/** The longest the warm-up waits for an idle moment. */
export const IDLE_TIMEOUT_MS = 1500;
/** Without requestIdleCallback: how long after the first paint to start. */
export const FALLBACK_DELAY_MS = 200;

/** performance.mark names, read by the browser tests and the bench. */
export const PAINTED_MARK = "figment:panel-painted";
export const WARM_UP_MARK = "figment:worker-warm-up";

/**
 * Calls `warm` once, in idle time after the next paint. Returns a function that calls it off, if not yet done.
 * The animation frame runs just before the paint; the timer queued from it runs just after.
 */
export function scheduleWarmUp(warm: () => void, timers: WarmUpTimers): () => void {
  let cancel = (): void => undefined;
  const frame = timers.requestAnimationFrame(() => {
    const timer = timers.setTimeout(() => {
      timers.mark?.(PAINTED_MARK);
      const run = (): void => {
        cancel = () => undefined;
        timers.mark?.(WARM_UP_MARK);
        warm();
      };
      const { requestIdleCallback: idle, cancelIdleCallback: cancelIdle } = timers;
      if (idle) {
        const handle = idle(run, { timeout: IDLE_TIMEOUT_MS });
        cancel = () => cancelIdle?.(handle);
      } else {
        const handle = timers.setTimeout(run, FALLBACK_DELAY_MS);
        cancel = () => timers.clearTimeout(handle);
      }
    }, 0);
    cancel = () => timers.clearTimeout(timer);
  });
  cancel = () => timers.cancelAnimationFrame(frame);
  return () => cancel();
}

/** The panel's own timers (requestIdleCallback where the browser has it). */
export function browserTimers(): WarmUpTimers {
  const w = window as Window & Partial<Pick<Window, "requestIdleCallback" | "cancelIdleCallback">>;
  return {
    requestAnimationFrame: (callback) => w.requestAnimationFrame(callback),
    cancelAnimationFrame: (handle) => w.cancelAnimationFrame(handle),
    setTimeout: (callback, ms) => w.setTimeout(callback, ms),
    clearTimeout: (handle) => w.clearTimeout(handle),
    ...(typeof w.requestIdleCallback === "function"
      ? {
          requestIdleCallback: (callback: () => void, options: { timeout: number }) =>
            w.requestIdleCallback(callback, options),
          cancelIdleCallback: (handle: number) => w.cancelIdleCallback(handle),
        }
      : {}),
    mark: (name) => performance.mark(name),
  };
}

/** Warms the worker once the panel that mounts this has painted. */
export function useWorkerWarmUp(warm: () => void): void {
  useEffect(() => scheduleWarmUp(warm, browserTimers()), []);
}
