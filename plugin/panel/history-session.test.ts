/**
 * The history messages through the panel session (plugin/start.ts on the simulator): each request answered
 * on its id with a message the contract accepts; a save that does not fit answered `full`, not as an error;
 * a damaged entry answered with a coded error on its request.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { CodeEntry } from "../../contract/history.js";
import { checkedUiMessages, sendToMain, waitForUi, type FigmaSim } from "../../test/figma-sim/index.js";
import { createFigmaSim, installFigmaSim, type FigmaSimOptions } from "../../test/figma-sim/sim.js";
import { CANVAS_FILE } from "../../test/helpers/canvas-file.js";
import { start } from "../start.js";
import { entryKey } from "../storage/history-index.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

async function boot(options: Partial<FigmaSimOptions> = {}): Promise<FigmaSim> {
  restore?.();
  const sim = createFigmaSim({ file: CANVAS_FILE, command: "code", fileKey: "FILE-A", ...options });
  restore = installFigmaSim(sim);
  await start();
  await waitForUi(sim, "init");
  return sim;
}

const entry = (id: string, content = "export const A = 1;\n"): CodeEntry => ({
  kind: "code",
  id,
  createdAt: "2026-05-01T12:00:00.000Z",
  mode: "offline",
  frame: { id: "1:2", name: "Card" },
  target: "html",
  styling: "css-modules",
  files: [{ path: "index.html", content }],
});

describe("history through the session", () => {
  it("saves, lists, reads, exports and deletes, each answered on its request", async () => {
    let sim = await boot();
    await sendToMain(sim, "save-history-entry", { requestId: "s1", entry: entry("c-1") });
    const saved = await waitForUi(sim, "history-saved", { where: (m) => m.requestId === "s1" });
    expect(saved.saved?.id).toBe("c-1");
    expect(saved.full).toBeUndefined();
    // A new plugin session on the same storage.
    sim = await boot({ storage: Object.fromEntries(sim.storage) });
    await sendToMain(sim, "load-history", { requestId: "l1", kind: "code" });
    expect(
      (await waitForUi(sim, "history", { where: (m) => m.requestId === "l1" })).entries.map((e) => e.title),
    ).toEqual(["Card · html"]);
    await sendToMain(sim, "load-history-entry", { requestId: "e1", kind: "code", id: "c-1" });
    expect((await waitForUi(sim, "history-entry", { where: (m) => m.requestId === "e1" })).entry).toEqual(entry("c-1"));
    await sendToMain(sim, "export-history", { requestId: "x1" });
    expect((await waitForUi(sim, "history-export", { where: (m) => m.requestId === "x1" })).entries).toEqual([
      entry("c-1"),
    ]);
    await sendToMain(sim, "delete-history-entries", { requestId: "d1", entries: [{ kind: "code", id: "c-1" }] });
    expect((await waitForUi(sim, "history-usage", { where: (m) => m.requestId === "d1" })).usage.fileBytes).toBe(0);
    expect(() => checkedUiMessages(sim)).not.toThrow();
  });

  it("answers a save that does not fit with `full`, and a damaged entry with a coded error", async () => {
    const sim = await boot({ storage: { "figment.cache": "x".repeat(4_800_000) } });
    await sendToMain(sim, "save-history-entry", {
      requestId: "s1",
      entry: entry(
        "c-1",
        Array.from({ length: 150_000 }, () => String.fromCharCode(33 + Math.floor(Math.random() * 90))).join(""),
      ),
    });
    const answer = await waitForUi(sim, "history-saved", { where: (m) => m.requestId === "s1" });
    expect(answer.saved).toBeUndefined();
    expect(answer.full?.message).toMatch(/^History is full: /);
    expect(answer.usage.other).toBeGreaterThan(4_800_000);
    await sendToMain(sim, "save-history-entry", { requestId: "s2", entry: entry("c-2") });
    await waitForUi(sim, "history-saved", { where: (m) => m.requestId === "s2" && m.saved !== undefined });
    sim.storage.set(entryKey({ kind: "code", id: "c-2" }), { v: 1 });
    await sendToMain(sim, "load-history-entry", { requestId: "e1", kind: "code", id: "c-2" });
    const error = await waitForUi(sim, "error", { where: (m) => m.requestId === "e1" });
    expect([error.reason, error.message]).toEqual([
      "storage-failed",
      expect.stringContaining('The stored code entry "Card · html"'),
    ]);
    await sendToMain(sim, "save-history-entry", {
      requestId: "bad",
      entry: { ...entry("c-3"), kind: "video" } as unknown as CodeEntry,
    });
    expect(
      (await waitForUi(sim, "error", { where: (m) => m.requestId === "bad" || m.requestId === undefined })).reason,
    ).toBe("bad-message");
  });
});
