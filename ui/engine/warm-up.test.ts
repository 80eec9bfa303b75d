import { describe, expect, it } from "vitest";
import {
  FALLBACK_DELAY_MS,
  IDLE_TIMEOUT_MS,
  PAINTED_MARK,
  scheduleWarmUp,
  WARM_UP_MARK,
  type WarmUpTimers,
} from "./warm-up.js";

/** Timers run by hand: each kind of callback waits until the test fires it. */
function fakeTimers(withIdle: boolean) {
  let next = 1;
  const frames = new Map<number, () => void>();
  const timeouts = new Map<number, { callback: () => void; ms: number }>();
  const idles = new Map<number, { callback: () => void; timeout: number }>();
  const log: string[] = [];
  const timers: WarmUpTimers = {
    requestAnimationFrame: (callback) => (frames.set(next, callback), next++),
    cancelAnimationFrame: (handle) => void frames.delete(handle),
    setTimeout: (callback, ms) => (timeouts.set(next, { callback, ms }), next++),
    clearTimeout: (handle) => void timeouts.delete(handle),
    ...(withIdle
      ? {
          requestIdleCallback: (callback: () => void, options: { timeout: number }) => (
            idles.set(next, { callback, timeout: options.timeout }), next++
          ),
          cancelIdleCallback: (handle: number) => void idles.delete(handle),
        }
      : {}),
    mark: (name) => log.push(name),
  };
  const fire = <T extends { callback: () => void } | (() => void)>(map: Map<number, T>): T | undefined => {
    const [handle, entry] = [...map.entries()][0] ?? [];
    if (handle === undefined || entry === undefined) return undefined;
    map.delete(handle);
    if (typeof entry === "function") entry();
    else entry.callback();
    return entry;
  };
  return {
    timers,
    log,
    pending: () => ({ frames: frames.size, timeouts: timeouts.size, idles: idles.size }),
    frame: () => fire(frames),
    timeout: () => fire(timeouts),
    idle: () => fire(idles),
  };
}

describe("scheduleWarmUp", () => {
  it("waits for a paint, then for an idle moment, then warms once", () => {
    const t = fakeTimers(true);
    let warmed = 0;
    scheduleWarmUp(() => warmed++, t.timers);
    // Nothing before the frame is painted: only an animation frame is asked for.
    expect(t.pending()).toEqual({ frames: 1, timeouts: 0, idles: 0 });
    t.frame();
    expect(warmed).toBe(0);
    // The timer queued from the frame runs after its paint.
    expect(t.timeout()).toMatchObject({ ms: 0 });
    expect(t.log).toEqual([PAINTED_MARK]);
    expect(warmed).toBe(0);
    expect(t.idle()).toMatchObject({ timeout: IDLE_TIMEOUT_MS });
    expect(warmed).toBe(1);
    expect(t.log).toEqual([PAINTED_MARK, WARM_UP_MARK]);
    expect(t.pending()).toEqual({ frames: 0, timeouts: 0, idles: 0 });
  });

  it("falls back to a short timer where requestIdleCallback is missing", () => {
    const t = fakeTimers(false);
    let warmed = 0;
    scheduleWarmUp(() => warmed++, t.timers);
    t.frame();
    t.timeout();
    expect(warmed).toBe(0);
    expect(t.timeout()).toMatchObject({ ms: FALLBACK_DELAY_MS });
    expect(warmed).toBe(1);
  });

  it.each(["before the paint", "after the paint", "while waiting for idle time"] as const)(
    "can be called off %s",
    (when) => {
      const t = fakeTimers(true);
      let warmed = 0;
      const cancel = scheduleWarmUp(() => warmed++, t.timers);
      if (when !== "before the paint") t.frame();
      if (when === "while waiting for idle time") t.timeout();
      cancel();
      expect(t.pending()).toEqual({ frames: 0, timeouts: 0, idles: 0 });
      expect(warmed).toBe(0);
    },
  );
});
