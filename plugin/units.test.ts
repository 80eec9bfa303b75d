/** Small pure helpers of the main thread. */
import { describe, expect, it, vi } from "vitest";
import { errorText, formatCount } from "./errors.js";
import { hashString } from "./devmode/hash.js";
import { Lru } from "./devmode/lru.js";
import { commandFrom, launchFrom } from "./start.js";
import { utf8Length } from "../kernel/utf8.js";
import { redact } from "./storage/client-storage.js";
import { forEachLimited } from "./tasks.js";

describe("Lru", () => {
  it("forgets the least recently used entry beyond its capacity", () => {
    const lru = new Lru<number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1);
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
    expect(lru.size).toBe(2);
  });
});

describe("hashString", () => {
  it("is stable and tells near-identical strings apart", () => {
    expect(hashString('{"a":1}')).toBe(hashString('{"a":1}'));
    expect(hashString('{"a":1}')).not.toBe(hashString('{"a":2}'));
    expect(hashString("")).not.toBe(hashString(" "));
  });
});

describe("commandFrom", () => {
  it("keeps menu commands and maps anything else to code", () => {
    expect(["code", "image", "analyze", "search", "settings"].map(commandFrom)).toEqual([
      "code",
      "image",
      "analyze",
      "search",
      "settings",
    ]);
    expect(commandFrom("")).toBe("code");
    expect(commandFrom(undefined)).toBe("code");
    expect(commandFrom("rm -rf")).toBe("code");
    expect(commandFrom("toString")).toBe("code");
  });

  it("opens the image panel for an image's relaunch buttons, saying what to do", () => {
    expect(launchFrom("refine-image")).toEqual({ command: "image", imageAction: "refine" });
    expect(launchFrom("regenerate-image")).toEqual({ command: "image", imageAction: "regenerate" });
    expect(launchFrom("code")).toEqual({ command: "code" });
    expect(commandFrom("refine-image")).toBe("image");
  });

  it("opens the Code panel with its prompt for the menu's Design from a prompt…", () => {
    expect(launchFrom("design-page")).toEqual({ command: "code", open: "prompt" });
    expect(commandFrom("design-page")).toBe("code");
    for (const command of ["code", "image", "analyze", "search", "settings"] as const)
      expect(launchFrom(command)).toEqual({ command });
    expect(launchFrom("constructor")).toEqual({ command: "code" });
  });
});

describe("utf8Length", () => {
  it("counts UTF-8 bytes as TextEncoder does", () => {
    for (const text of ["", "abc", "é", "€uro", "😀 ok", "\u0001", "日本語テキスト", "\ud800 lone"])
      expect(utf8Length(text), text).toBe(new TextEncoder().encode(text).length);
  });
});

describe("texts", () => {
  it("formats counts, reads any error, and redacts a secret", () => {
    expect(formatCount(5000)).toBe("5,000");
    expect(formatCount(12_345_678)).toBe("12,345,678");
    expect(errorText(new Error("x"))).toBe("x");
    expect(errorText("y")).toBe("y");
    expect(errorText({ code: 1 })).toBe('{"code":1}');
    expect(redact("a sk-1 b sk-1", ["sk-1"])).toBe("a ••• b •••");
    expect(redact("a sk-1 b sk-2", ["sk-1", null, "sk-2"])).toBe("a ••• b •••");
    expect(redact("text", [null])).toBe("text");
  });
});

describe("forEachLimited", () => {
  it("runs every item once, in order of start, at most `limit` at a time", async () => {
    const started: number[] = [];
    let inFlight = 0;
    let peak = 0;
    await forEachLimited([0, 1, 2, 3, 4, 5, 6], 3, async (item) => {
      started.push(item);
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 1 + (item % 3)));
      inFlight--;
    });
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(3);
  });

  it(
    "gives Figma a macrotask when items have held the thread " + "past the slice, and stops starting items on stop()",
    async () => {
      const timeouts = vi.spyOn(globalThis, "setTimeout");
      const busy = (ms: number): void => {
        const end = Date.now() + ms;
        while (Date.now() < end);
      };
      let done = 0;
      const run = async (): Promise<void> => {
        busy(6);
        done++;
      };
      await forEachLimited(
        Array.from({ length: 10 }, (_, i) => i),
        2,
        run,
        () => done >= 6,
        10,
      );
      expect(done).toBe(6);
      expect(timeouts.mock.calls.filter((c) => c[1] === 0).length).toBeGreaterThanOrEqual(2);
      vi.restoreAllMocks();
    },
  );
});
