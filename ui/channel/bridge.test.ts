import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { PluginBridge, type BridgeTarget } from "./bridge.js";
import { readIncoming } from "./incoming.js";

const selection = { nodes: [{ id: "1:2", name: "Frame", type: "FRAME", width: 375, height: 667 }], unsupported: [] };
const init = { type: "init", command: "code", settings: DEFAULT_SETTINGS, apiKeys: {}, selection, editorType: "figma" };

describe("readIncoming", () => {
  it("accepts a valid message inside pluginMessage", () => {
    const result = readIncoming({ pluginMessage: init });
    expect(result.kind).toBe("message");
    if (result.kind === "message") expect(result.message.type).toBe("init");
  });

  it("says foreign for events that are not plugin messages", () => {
    expect(readIncoming("hello").kind).toBe("foreign");
    expect(readIncoming({ source: "react-devtools" }).kind).toBe("foreign");
    expect(readIncoming(null).kind).toBe("foreign");
  });

  it("refuses unknown names and bad payloads with a reason", () => {
    const unknown = readIncoming({ pluginMessage: { type: "explode" } });
    expect(unknown).toEqual({ kind: "invalid", error: expect.stringContaining('unknown message "explode"') });
    expect(readIncoming({ pluginMessage: null })).toMatchObject({ kind: "invalid" });
    expect(
      readIncoming({ pluginMessage: { type: "export-progress", requestId: "r", done: "1", total: 2, label: "" } }),
    ).toMatchObject({
      kind: "invalid",
      error: expect.stringContaining("done must be a finite number"),
    });
    expect(readIncoming({ pluginMessage: { type: "thumbnail", nodeId: "1", png: [1, 2] } })).toMatchObject({
      kind: "invalid",
    });
  });

  it("checks nested data: command, selection nodes, frames", () => {
    expect(readIncoming({ pluginMessage: { ...init, command: "destroy" } })).toMatchObject({
      kind: "invalid",
      error: expect.stringContaining("command must be one of code, image"),
    });
    expect(
      readIncoming({ pluginMessage: { type: "selection", selection: { nodes: [{ id: 1 }], unsupported: [] } } }),
    ).toMatchObject({ kind: "invalid" });
    expect(readIncoming({ pluginMessage: { type: "selection", selection: { nodes: [] } } })).toMatchObject({
      kind: "invalid",
    });
    const frame = {
      id: "1:2",
      name: "F",
      type: "FRAME",
      width: 1,
      height: 1,
      json: {},
      png: new Uint8Array(1),
      scale: 1,
    };
    expect(readIncoming({ pluginMessage: { type: "export-result", requestId: "r", frames: [frame] } }).kind).toBe(
      "message",
    );
    expect(
      readIncoming({ pluginMessage: { type: "export-result", requestId: "r", frames: [{ ...frame, png: "x" }] } }),
    ).toMatchObject({ kind: "invalid" });
    expect(readIncoming({ pluginMessage: { type: "export-result", requestId: "r", frames: {} } })).toMatchObject({
      kind: "invalid",
    });
    // A frame without its PNG is fine (offline code exports the structure only); one without JSON is not.
    const { png: _png, ...structureOnly } = frame;
    expect(
      readIncoming({
        pluginMessage: { type: "export-result", requestId: "r", frames: [{ ...structureOnly, scale: 0 }] },
      }).kind,
    ).toBe("message");
    const { json: _json, ...noJson } = frame;
    expect(readIncoming({ pluginMessage: { type: "export-result", requestId: "r", frames: [noJson] } })).toMatchObject({
      kind: "invalid",
      error: expect.stringContaining("frames[0].json"),
    });
  });

  it("checks every field of settings and refuses fields the contract does not know", () => {
    expect(
      readIncoming({ pluginMessage: { ...init, settings: { ...DEFAULT_SETTINGS, provider: "nope" } } }),
    ).toMatchObject({
      kind: "invalid",
      error: expect.stringContaining("settings.provider must be one of openai, openrouter, custom"),
    });
    expect(readIncoming({ pluginMessage: { ...init, settings: { provider: "openai" } } })).toMatchObject({
      kind: "invalid",
      error: expect.stringContaining("settings.baseUrl"),
    });
    expect(readIncoming({ pluginMessage: { ...init, apiKey: "sk-old" } })).toMatchObject({
      kind: "invalid",
      error: expect.stringContaining("apiKey must be absent"),
    });
    expect(readIncoming({ pluginMessage: { ...init, apiKeys: { openai: 42 } } })).toMatchObject({
      kind: "invalid",
      error: expect.stringContaining("apiKeys.openai"),
    });
    expect(
      readIncoming({ pluginMessage: { type: "settings-saved", settings: DEFAULT_SETTINGS, keySlots: ["evil.com"] } }),
    ).toMatchObject({ kind: "invalid", error: expect.stringContaining("keySlots[0]") });
  });
});

describe("PluginBridge", () => {
  afterEach(() => vi.restoreAllMocks());

  const make = () => {
    const sent: unknown[] = [];
    const target: BridgeTarget = { postMessage: (message, origin) => void sent.push({ message, origin }) };
    const host = { addEventListener: vi.fn(), removeEventListener: vi.fn() };
    return { bridge: new PluginBridge(target, host), sent, target, host };
  };

  it("sends ToMain messages wrapped in pluginMessage to '*'", () => {
    const { bridge, sent } = make();
    bridge.send("export-selection", { requestId: "r1", png: false });
    bridge.send("ready", {});
    expect(sent).toEqual([
      { message: { pluginMessage: { type: "export-selection", requestId: "r1", png: false } }, origin: "*" },
      { message: { pluginMessage: { type: "ready" } }, origin: "*" },
    ]);
  });

  it("listens on the window from start() to stop()", () => {
    const { bridge, host } = make();
    bridge.start();
    expect(host.addEventListener).toHaveBeenCalledWith("message", expect.any(Function));
    bridge.stop();
    expect(host.removeEventListener).toHaveBeenCalledWith("message", host.addEventListener.mock.calls[0]![1]);
  });

  it("delivers checked messages to the handlers of their type only", () => {
    const { bridge } = make();
    const onInit = vi.fn();
    const onSelection = vi.fn();
    bridge.on("init", onInit);
    const off = bridge.on("selection", onSelection);
    bridge.receive({ pluginMessage: init });
    expect(onInit).toHaveBeenCalledWith(expect.objectContaining({ type: "init", command: "code" }));
    expect(onSelection).not.toHaveBeenCalled();
    off();
    bridge.receive({ pluginMessage: { type: "selection", selection } });
    expect(onSelection).not.toHaveBeenCalled();
  });

  it("reports malformed and unknown messages loudly (handler + console.error)", () => {
    const { bridge } = make();
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const invalid = vi.fn();
    const onInit = vi.fn();
    bridge.on("init", onInit);
    bridge.onInvalid(invalid);
    bridge.receive({ pluginMessage: { type: "init" } });
    bridge.receive({ pluginMessage: { type: "mystery", x: 1 } });
    expect(onInit).not.toHaveBeenCalled();
    expect(invalid).toHaveBeenCalledTimes(2);
    expect(invalid.mock.calls[1]![0]).toContain('unknown message "mystery"');
    expect(error).toHaveBeenCalledTimes(2);
  });

  it("warns, without a banner, about non-plugin messages from the host", () => {
    const { bridge, target } = make();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const invalid = vi.fn();
    bridge.onInvalid(invalid);
    bridge.receive({ something: "else" }, target);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(invalid).not.toHaveBeenCalled();
  });

  it("reports a handler that throws instead of losing the message", () => {
    const { bridge } = make();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const invalid = vi.fn();
    bridge.onInvalid(invalid);
    bridge.on("selection", () => {
      throw new Error("boom");
    });
    bridge.receive({ pluginMessage: { type: "selection", selection } });
    expect(invalid).toHaveBeenCalledWith(expect.stringContaining("boom"));
  });
});
