import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { Cancelled } from "../../kernel/cancelled.js";
import { PluginBridge, type BridgeTarget } from "./bridge.js";
import { BridgeRequests, PluginError } from "./requests.js";

afterEach(() => vi.restoreAllMocks());

function make() {
  const sent: Record<string, unknown>[] = [];
  const target: BridgeTarget = {
    postMessage: (message) => void sent.push((message as { pluginMessage: Record<string, unknown> }).pluginMessage),
  };
  const bridge = new PluginBridge(target, { addEventListener: () => undefined, removeEventListener: () => undefined });
  const requests = new BridgeRequests(bridge);
  const answer = (message: Record<string, unknown>) => bridge.receive({ pluginMessage: message });
  return { sent, requests, answer, bridge };
}

const frame = { id: "1:2", name: "F", type: "FRAME", width: 10, height: 10, json: {}, scale: 0 };

describe("BridgeRequests", () => {
  it("sends the request with a fresh id, routes its progress and resolves with its reply", async () => {
    const { sent, requests, answer } = make();
    const progress: string[] = [];
    const pending = requests.call("export-selection", { png: false }, { onEvent: (p) => void progress.push(p.label) });
    const requestId = sent[0]!["requestId"] as string;
    expect(sent[0]).toEqual({ type: "export-selection", png: false, requestId });
    answer({ type: "export-progress", requestId, done: 0, total: 1, label: "Exporting “F”" });
    answer({ type: "export-progress", requestId: "someone-else", done: 0, total: 1, label: "not mine" });
    answer({ type: "export-result", requestId, frames: [frame] });
    await expect(pending).resolves.toMatchObject({ frames: [frame] });
    expect(progress).toEqual(["Exporting “F”"]);
  });

  it("rejects with the main thread's error, its kind and code, for that request", async () => {
    const { sent, requests, answer } = make();
    const pending = requests.call("focus-node", { nodeId: "9:9" });
    answer({
      type: "error",
      requestId: sent[0]!["requestId"],
      kind: "input",
      reason: "not-found",
      message: "That layer is no longer in the file.",
    });
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginError);
    expect(error).toMatchObject({ code: "not-found", reason: "not-found", kind: "input" });
  });

  it("cancelling an export tells the main thread and ignores what it still sends", async () => {
    const { sent, requests, answer } = make();
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    const controller = new AbortController();
    const pending = requests.call("export-selection", {}, { signal: controller.signal });
    const requestId = sent[0]!["requestId"] as string;
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(Cancelled);
    expect(sent[1]).toEqual({ type: "cancel", requestId });
    answer({ type: "error", requestId, kind: "cancelled", reason: "cancelled", message: "Export cancelled." });
    expect(info).toHaveBeenCalledWith(expect.stringContaining(`request ${requestId} (cancelled or timed out)`));
  });

  it(
    'the main thread\'s own stop (code "cancelled") is ' + "the one Cancelled; only stoppable calls send a cancel",
    async () => {
      const { sent, requests, answer } = make();
      const scan = requests.call("scan-frames", {});
      answer({
        type: "error",
        requestId: sent[0]!["requestId"],
        kind: "cancelled",
        reason: "cancelled",
        message: "Scan cancelled; the index stored before it is unchanged.",
      });
      const error = await scan.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Cancelled);
      expect((error as Error).message).toBe("Scan cancelled; the index stored before it is unchanged.");
      const controller = new AbortController();
      const focus = requests.call("focus-node", { nodeId: "1:2" }, { signal: controller.signal });
      controller.abort();
      await expect(focus).rejects.toBeInstanceOf(Cancelled);
      expect(sent.map((m) => m["type"])).toEqual(["scan-frames", "focus-node"]);
    },
  );

  it("settings-saved without a request id (another window) is not an unknown answer", () => {
    const { answer } = make();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    answer({ type: "settings-saved", settings: DEFAULT_SETTINGS, keySlots: [] });
    expect(warn).not.toHaveBeenCalledWith(expect.stringContaining("unknown request"));
  });
});
