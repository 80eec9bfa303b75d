/**
 * The worker script reaches the panel promptly whatever else the main thread is doing: the panel asks for it in
 * idle time right after its first paint, and the user may press Generate at the same moment, so an export under
 * way must not hold it back (and it must not hold the export back). The payload is stubbed: this file runs
 * the session from source, where esbuild has not defined it.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { sendToMain, uiMessages, waitForUi } from "../../test/figma-sim/index.js";
import { simFromFixture } from "../../test/figma-sim/node.js";
import { installFigmaSim } from "../../test/figma-sim/sim.js";
import { start } from "../start.js";

const PAYLOAD = `H4sI${"A".repeat(64)}`;
const SEARCH_PAYLOAD = `H4sI${"B".repeat(32)}`;
vi.mock("./worker-payload.js", () => ({
  enginePayload: () => PAYLOAD,
  tokenizerPayload: () => undefined,
  searchWorkerPayload: () => SEARCH_PAYLOAD,
}));

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe("get-worker-source", () => {
  it("is answered while an export is under way, before the export ends, and the export still completes", async () => {
    const sim = simFromFixture("figmagic-design-system.file.json", {
      command: "code",
      selectIds: ["3214:739", "3214:734"],
    });
    restore = installFigmaSim(sim);
    await start();
    await waitForUi(sim, "init");
    // Every exportAsync waits until released: the export stays under way (a state), however slow the machine.
    const release = sim.holdExports();
    const exporting = sendToMain(sim, "export-selection", { requestId: "e1", png: false });
    await waitForUi(sim, "export-progress");
    void sendToMain(sim, "get-worker-source", { requestId: "w1" });
    // Queued behind the export, it would never come: the export cannot end before release().
    const source = await waitForUi(sim, "worker-source", { timeoutMs: 30_000 });
    expect(source).toEqual({ type: "worker-source", requestId: "w1", data: PAYLOAD });
    expect(uiMessages(sim, "export-result")).toEqual([]);
    release();
    await exporting;
    const result = await waitForUi(sim, "export-result");
    expect(result.frames.map((f) => f.id)).toEqual(["3214:739", "3214:734"]);
    // In order: the script went out before the export's result.
    const types = sim.ui.messages.map((m) => m["type"]);
    expect(types.indexOf("worker-source")).toBeLessThan(types.indexOf("export-result"));
  });

  it("is answered again after an export, as often as asked (a panel that restarted its worker)", async () => {
    const sim = simFromFixture("figmasharp-login.file.json", { command: "code", selectIds: ["101:3"] });
    restore = installFigmaSim(sim);
    await start();
    await sendToMain(sim, "export-selection", { requestId: "e1", png: false });
    await waitForUi(sim, "export-result");
    await sendToMain(sim, "get-worker-source", { requestId: "w1" });
    await sendToMain(sim, "get-worker-source", { requestId: "w2" });
    expect(uiMessages(sim, "worker-source").map((m) => m.requestId)).toEqual(["w1", "w2"]);
  });

  it('hands over the search worker for part "search", and says which part a build lacks', async () => {
    const sim = simFromFixture("figmasharp-login.file.json", { command: "search", selectIds: [] });
    restore = installFigmaSim(sim);
    await start();
    await sendToMain(sim, "get-worker-source", { requestId: "s1", part: "search" });
    expect(uiMessages(sim, "worker-source")).toEqual([
      { type: "worker-source", requestId: "s1", data: SEARCH_PAYLOAD },
    ]);
    await sendToMain(sim, "get-worker-source", { requestId: "t1", part: "tokenizer" });
    expect(uiMessages(sim, "error").at(-1)).toMatchObject({
      requestId: "t1",
      message: expect.stringContaining("no tokenizer"),
    });
  });
});
