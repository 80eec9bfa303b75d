/** A code result reopened from History as the results view shows it. */
import { describe, expect, it } from "vitest";
import { codeEntry } from "../../test/helpers/history-entries.js";
import { savedOutput } from "./saved-result.js";

const entry = codeEntry({ styling: "tailwind" });

describe("saved code result", () => {
  it("shows the saved files for the saved frame and options, React preview to be run, the turns kept", () => {
    const output = savedOutput(entry);
    expect(output).toMatchObject({
      options: { target: "react", styling: "tailwind" },
      files: entry.files,
      problems: [],
      frames: [{ id: "1:2", name: "Login" }],
      preview: { status: "loading" },
    });
    expect(output.saved).toEqual({ createdAt: entry.createdAt, mode: "ai", model: "gpt-5", turns: entry.turns });
  });

  it("previews HTML as it is, and an offline result has no turns", () => {
    const { model: _model, turns: _turns, ...offline } = entry;
    const output = savedOutput({ ...offline, mode: "offline", target: "html" });
    expect(output.preview).toEqual({ status: "ready", files: entry.files, converted: false });
    expect(output.saved).toEqual({ createdAt: entry.createdAt, mode: "offline" });
    expect(output.score).toBeUndefined();
  });

  it("shows the fidelity score kept with it", () => {
    const score = {
      frameId: "1:2",
      frameName: "Login",
      iouMatched: 0.91,
      meanIoU: 0.93,
      matched: 0.98,
      designWidth: 375,
      widths: [{ width: 375, textVisible: 1, overflow: false, overflowPx: 0, hiddenTexts: [] }],
      worst: [],
    };
    expect(savedOutput({ ...entry, score }).score).toEqual({ status: "done", score });
  });

  it("reopens a designed page as a page: its HTML previewed as it is, designed again from its brief", () => {
    const page = savedOutput({
      ...entry,
      frame: { id: "page:mf3k2-1", name: "a pricing page for a notes app" },
      target: "html",
      files: [{ path: "index.html", content: "<main>Notely</main>" }],
      turns: [
        { role: "user", text: "a pricing page for a notes app" },
        { role: "assistant", text: "A calm page." },
      ],
    });
    expect(page.saved).toMatchObject({ page: true, mode: "ai" });
    expect(page.frames[0]).toMatchObject({ width: 1280, height: 900 });
    expect(page.preview).toMatchObject({ status: "ready" });
    expect(savedOutput(entry).saved?.page).toBeUndefined();
  });
});
