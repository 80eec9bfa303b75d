import { describe, expect, it } from "vitest";
import type { SelectionSummary } from "../../contract/messages.js";
import { FOLLOW_DELAY_MS, framesKey, SelectionFollower, selectionKey, type FollowTimers } from "./follow-selection.js";

const node = (id: string) => ({ id, name: `Frame ${id}`, type: "FRAME", width: 100, height: 100 });
const selection = (ids: string[], unsupported: string[] = []): SelectionSummary => ({
  nodes: ids.map(node),
  unsupported: unsupported.map((id) => ({
    id,
    name: id,
    type: "SLICE",
    width: 10,
    height: 10,
    problem: "not-design" as const,
    reason: "a slice",
  })),
});

function manualTimers() {
  const waiting = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: FollowTimers = {
    setTimeout: (fn, ms) => (waiting.set(next, { fn, ms }), next++),
    clearTimeout: (handle) => void waiting.delete(handle as number),
  };
  return {
    timers,
    waiting: () => [...waiting.values()].map((w) => w.ms),
    elapse: () => {
      for (const [handle, { fn }] of [...waiting]) {
        waiting.delete(handle);
        fn();
      }
    },
  };
}

describe("the selection key", () => {
  it("names the exportable nodes in order; nothing for an empty or partly unsupported selection", () => {
    expect(selectionKey(selection(["1:2", "3:4"]))).toBe("1:2,3:4");
    expect(selectionKey(selection([]))).toBeUndefined();
    expect(selectionKey(selection(["1:2"], ["5:6"]))).toBeUndefined();
    expect(framesKey([{ id: "1:2" }, { id: "3:4" }])).toBe(selectionKey(selection(["1:2", "3:4"])));
    expect(framesKey([])).toBeUndefined();
  });
});

describe("SelectionFollower", () => {
  it("generates once the selection rests, and only for a selection not generated yet", () => {
    const t = manualTimers();
    let runs = 0;
    const follower = new SelectionFollower(() => runs++, t.timers, "1:2");
    follower.update("1:2", true);
    expect(t.waiting()).toEqual([]);
    follower.update("3:4", true);
    expect(t.waiting()).toEqual([FOLLOW_DELAY_MS]);
    expect(runs).toBe(0);
    t.elapse();
    expect(runs).toBe(1);
    // The same selection again (a re-render, a page switch back) does not regenerate.
    follower.update("3:4", true);
    expect(t.waiting()).toEqual([]);
  });

  it("clicking through layers generates once, for the last one", () => {
    const t = manualTimers();
    const generated: string[] = [];
    let current = "";
    const follower = new SelectionFollower(() => generated.push(current), t.timers, undefined);
    for (const key of ["a", "b", "c"]) {
      current = key;
      follower.update(key, true);
    }
    expect(t.waiting()).toHaveLength(1);
    t.elapse();
    expect(generated).toEqual(["c"]);
  });

  it("does nothing while off, for nothing selected, or for what the Generate button just made", () => {
    const t = manualTimers();
    let runs = 0;
    const follower = new SelectionFollower(() => runs++, t.timers, undefined);
    follower.update("1:2", false);
    follower.update(undefined, true);
    follower.generated("5:6");
    follower.update("5:6", true);
    t.elapse();
    expect(runs).toBe(0);
    // Turned on with a selection whose code is not on screen: it follows to it.
    follower.update("7:8", false);
    follower.update("7:8", true);
    t.elapse();
    expect(runs).toBe(1);
  });

  it("turning it off or leaving the panel drops a pending regeneration", () => {
    const t = manualTimers();
    let runs = 0;
    const follower = new SelectionFollower(() => runs++, t.timers, undefined);
    follower.update("1:2", true);
    follower.update("1:2", false);
    expect(t.waiting()).toEqual([]);
    follower.update("3:4", true);
    follower.stop();
    t.elapse();
    expect(runs).toBe(0);
  });
});
