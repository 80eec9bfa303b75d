/**
 * The main thread → panel boundary in the one failure shape (contract/failure.ts): a FigmentError of each kind thrown
 * by a request's handler in the real session (the Figma simulator, on a real file) arrives at the panel's caller
 * (its own bridge and request idiom) as a FigmentError of that kind, with its reason and message; a refusal keeps
 * its code (PluginError); a stop is the one `Cancelled`. The other boundaries: test/failure-boundaries.test.ts.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { caught, expectArrived, thrown } from "../../test/helpers/failure-kinds.js";
import { ERROR_KINDS } from "../../kernel/errors.js";
import { waitForUi } from "../../test/figma-sim/index.js";
import { simFromFixture } from "../../test/figma-sim/node.js";
import { installFigmaSim } from "../../test/figma-sim/sim.js";
import { PluginBridge } from "../../ui/channel/bridge.js";
import { BridgeRequests } from "../../ui/channel/requests.js";
import { PluginError } from "../errors.js";
import { start } from "../start.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  vi.restoreAllMocks();
});

describe("main thread → panel", () => {
  /** The real session on a real file, its posts delivered to the panel's own bridge and request idiom. */
  async function connect() {
    const sim = simFromFixture("figmasharp-login.file.json", { command: "code" });
    restore = installFigmaSim(sim);
    await start();
    await waitForUi(sim, "init");
    const bridge = new PluginBridge(
      { postMessage: (message) => void sim.ui.send((message as { pluginMessage: unknown }).pluginMessage) },
      { addEventListener: () => undefined, removeEventListener: () => undefined },
    );
    sim.ui.listen((message) => bridge.receive({ pluginMessage: message }));
    return { sim, requests: new BridgeRequests(bridge) };
  }

  it("a FigmentError of each kind thrown by a request's handler arrives as that kind, reason and message", async () => {
    const { requests } = await connect();
    const lookUp = vi.spyOn(figma, "getNodeByIdAsync");
    for (const kind of ERROR_KINDS) {
      lookUp.mockRejectedValueOnce(thrown(kind));
      expectArrived(await caught(requests.call("focus-node", { nodeId: "101:3" })), kind);
    }
  });

  it("a refusal arrives as PluginError with its code and kind; the main thread's own bug as internal", async () => {
    const { requests } = await connect();
    const lookUp = vi.spyOn(figma, "getNodeByIdAsync");
    lookUp.mockRejectedValueOnce(new PluginError("storage-full", "Figma's storage for this file is full."));
    const full = await caught(requests.call("focus-node", { nodeId: "101:3" }));
    expect(full).toBeInstanceOf(PluginError);
    expect(full).toMatchObject({
      kind: "limit",
      code: "storage-full",
      message: "Figma's storage for this file is full.",
    });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    lookUp.mockRejectedValueOnce(new TypeError("node.parent is undefined"));
    const bug = await caught(requests.call("focus-node", { nodeId: "101:3" }));
    expect(bug).toMatchObject({ kind: "internal", code: "internal" });
    expect((bug as Error).message).toBe("Something went wrong (focus-node): node.parent is undefined");
  });
});
