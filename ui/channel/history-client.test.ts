/** The panels' history client: entries the contract accepts, and a full history reported as an outcome. */
import { describe, expect, it, vi } from "vitest";
import { analysisEntryField, codeEntryField } from "../../contract/history.js";
import type { MainRequests } from "./requests.js";
import { analysisEntry, codeEntry, keepInHistory, onHistoryFull, saveToHistory } from "./history-client.js";
import { nextTask } from "../../test/helpers/next-task.js";

const frame = { id: "1:2", name: "Login", width: 375, height: 667 };

/** A main thread that answers every save with `answer`, recording what was sent. */
function fakeRequests(answer: Record<string, unknown>): MainRequests & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    sent,
    call: ((type: string, payload: unknown) => (
      sent.push({ type, payload }), Promise.resolve({ requestId: "r", ...answer })
    )) as MainRequests["call"],
  };
}

describe("history client", () => {
  it("keeps a frame named with a paragraph: its name cut to the 500 characters an entry keeps, not refused", () => {
    const long = { ...frame, name: `Design tokens are the ${"very ".repeat(200)}heart of it` };
    const code = codeEntry(long, { target: "html", styling: "css-modules", nodeIds: false }, []);
    expect(codeEntryField.check(code, "entry")).toEqual(code);
    expect(Array.from(code.frame.name)).toHaveLength(500);
    expect(code.frame.name.endsWith("…")).toBe(true);
    const analysis = analysisEntry(long, []);
    expect(analysisEntryField.check(analysis, "entry")).toEqual(analysis);
  });

  it("makes code entries the contract accepts, without binary assets", () => {
    const entry = codeEntry(frame, { target: "react", styling: "tailwind", nodeIds: false }, [
      { path: "App.tsx", content: "export {}" },
      { path: "assets/photo.png", content: "", bytes: new Uint8Array([1, 2]) },
    ]);
    expect(codeEntryField.check(entry, "entry")).toEqual(entry);
    expect(entry).toMatchObject({
      mode: "offline",
      frame: { id: "1:2", name: "Login" },
      files: [{ path: "App.tsx", content: "export {}" }],
    });
    expect(entry.id).toMatch(/^code-[a-z0-9]+-[a-z0-9]+$/);
    const ai = codeEntry(frame, { target: "html", styling: "css-modules", nodeIds: false }, [], {
      model: "gpt-5",
      turns: [{ role: "user", text: "Darker" }],
    });
    expect(codeEntryField.check(ai, "entry")).toMatchObject({ mode: "ai", model: "gpt-5" });
    const analysis = analysisEntry(frame, [], { model: "gpt-5", markdown: "## Fine" });
    expect(analysisEntryField.check(analysis, "entry")).toEqual(analysis);
  });

  it("returns saved or full, as the main thread answered", async () => {
    const entry = analysisEntry(frame, []);
    const ok = fakeRequests({ usage: {}, saved: { id: entry.id } });
    expect(await saveToHistory(ok, entry)).toEqual({ saved: { id: entry.id } });
    expect(ok.sent).toEqual([{ type: "save-history-entry", payload: { entry } }]);
    const full = { message: "History is full", needed: 10, candidates: [] };
    expect(await saveToHistory(fakeRequests({ usage: {}, full }), entry)).toEqual({ full });
  });

  it("hands a refusal for room to whoever listens (the app's banner), and saves quietly otherwise", async () => {
    const entry = analysisEntry(frame, []);
    const heard: unknown[] = [];
    const off = onHistoryFull((refused, full) => heard.push({ refused, full }));
    const full = { message: "History is full", needed: 10, candidates: [] };
    keepInHistory(fakeRequests({ usage: {}, full }), entry);
    keepInHistory(fakeRequests({ usage: {}, saved: { id: entry.id } }), entry);
    await nextTask();
    expect(heard).toEqual([{ refused: entry, full }]);
    off();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    keepInHistory(fakeRequests({ usage: {}, full }), entry);
    await nextTask();
    expect(heard).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith("Figment: History is full");
    warn.mockRestore();
  });
});
