/**
 * Warms the panel parts so that a panel opened later is there at once: all fetched in idle time after the first
 * paint, then run one per idle moment, and only while the gate is open — the app keeps it shut while the codegen worker
 * boots (when the panel opened on Code, which warms it) and while a code job runs, so neither waits behind the parts
 * (measured: warming at once made the first Generate's draft ~100 ms, its formatted files ~250 ms and the worker's
 * start ~500 ms slower).
 */
import type { PanelPart } from "../../contract/messages.js";
import { browserTimers, scheduleWarmUp } from "../engine/warm-up.js";

/** When the warm-up may go on: `open()` now, and `onChange` to hear when that may have changed. */
export interface WarmGate {
  open(): boolean;
  onChange(listener: () => void): () => void;
}

/**
 * Fetches `parts` in idle time after the first paint (cheap), then runs them one by one in idle time while `gate`
 * is open; returns a function that stops what is not under way.
 */
export function warmParts(
  parts: readonly PanelPart[],
  steps: { prefetch(name: PanelPart): Promise<void>; load(name: PanelPart): Promise<void> },
  gate: WarmGate,
): () => void {
  let stopped = false;
  let cancelStep = (): void => undefined;
  // The panel's own timers, without the worker warm-up's performance marks (tests read those).
  const { mark: _unmarked, ...timers } = browserTimers();
  const idle = () => new Promise<void>((resolve) => (cancelStep = scheduleWarmUp(resolve, timers)));
  const opened = () =>
    new Promise<void>((resolve) => {
      if (gate.open()) return resolve();
      const off = gate.onChange(() => {
        if (!gate.open()) return;
        off();
        resolve();
      });
      cancelStep = off;
    });
  void (async () => {
    await idle();
    if (stopped) return;
    await Promise.all(parts.map((name) => steps.prefetch(name)));
    for (const name of parts) {
      if (stopped) return;
      await idle();
      if (stopped) return;
      await opened();
      if (stopped) return;
      await steps.load(name);
    }
  })();
  return () => {
    stopped = true;
    cancelStep();
  };
}
