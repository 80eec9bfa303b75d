/**
 * The panel session against the simulated figma global (test/figma-sim) built from real Figma files:
 * commands and init, selection summaries, thumbnails, settings and the API key, and refusal of bad messages.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  checkedUiMessages,
  readPngSize,
  sendToMain,
  uiMessages,
  waitForUi,
  type FigmaSim,
} from "../../test/figma-sim/index.js";
import { simFromFixture } from "../../test/figma-sim/node.js";
import { installFigmaSim, type FigmaSimOptions } from "../../test/figma-sim/sim.js";
import { PANEL } from "../../contract/limits.js";
import { THUMBNAIL_SIDE } from "../limits.js";
import { COMMANDS } from "../../contract/messages.js";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { start } from "../start.js";
import { API_KEYS_KEY, LEGACY_API_KEY_KEY } from "../storage/key-store.js";
import { PANEL_SIZE_KEY, PRICES_KEY } from "../storage/panel-store.js";
import { SETTINGS_KEY } from "../storage/settings-store.js";

const LOGIN = "figmasharp-login.file.json";
const KEY = "sk-test-Zq8sSECRETkey0123456789";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  vi.restoreAllMocks();
});

async function boot(file: string, options: Omit<FigmaSimOptions, "file"> = {}): Promise<FigmaSim> {
  const sim = simFromFixture(file, { command: "code", ...options });
  restore = installFigmaSim(sim);
  await start();
  return sim;
}

describe("commands and init", () => {
  it("opens the UI and sends init with the command, settings, key, selection and editor type", async () => {
    const sim = await boot(LOGIN, {
      selectIds: ["101:3"],
      storage: { [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, maxImageSize: 1024 }, [API_KEYS_KEY]: { openai: KEY } },
    });
    expect(sim.record.showUI).toHaveLength(1);
    expect(sim.record.showUI[0]!.html).toBe(sim.html);
    expect(sim.record.showUI[0]!.options).toMatchObject({
      themeColors: true,
      title: "Figment — Generate code",
      ...PANEL.default,
    });
    const init = await waitForUi(sim, "init");
    expect(init).toEqual({
      type: "init",
      command: "code",
      settings: { ...DEFAULT_SETTINGS, maxImageSize: 1024 },
      apiKeys: { openai: KEY },
      selection: {
        nodes: [{ id: "101:3", name: "Log-In Page", type: "FRAME", width: 375, height: 667, frameId: "101:3" }],
        unsupported: [],
      },
      editorType: "figma",
    });
  });

  it.each(COMMANDS)("command %s opens the panel for it", async (command) => {
    const sim = await boot(LOGIN, { command });
    expect(sim.record.showUI).toHaveLength(1);
    expect((await waitForUi(sim, "init")).command).toBe(command);
  });

  it("an empty command (e.g. run from quick actions) opens the code panel; no key means no apiKeys", async () => {
    const sim = await boot(LOGIN, { command: "" });
    const init = await waitForUi(sim, "init");
    expect(init.command).toBe("code");
    expect(init.apiKeys).toEqual({});
    expect(init.settings).toEqual(DEFAULT_SETTINGS);
  });

  it("damaged stored settings fall back to defaults per key", async () => {
    const sim = await boot(LOGIN, {
      storage: { [SETTINGS_KEY]: { maxImageSize: "huge", target: "html", provider: 7 } },
    });
    expect((await waitForUi(sim, "init")).settings).toEqual({ ...DEFAULT_SETTINGS, target: "html" });
  });

  it("sends init again when the UI says ready", async () => {
    const sim = await boot(LOGIN);
    await waitForUi(sim, "init");
    await sendToMain(sim, "ready", {});
    expect(uiMessages(sim, "init")).toHaveLength(2);
  });

  it("still sends init when clientStorage fails, followed by a storage-failed error", async () => {
    const sim = simFromFixture(LOGIN, { command: "code" });
    sim.failStorage("clientStorage is unavailable");
    restore = installFigmaSim(sim);
    await start();
    expect((await waitForUi(sim, "init")).settings).toEqual(DEFAULT_SETTINGS);
    const error = await waitForUi(sim, "error");
    expect(error.reason).toBe("storage-failed");
    expect(error.message).toContain("clientStorage is unavailable");
  });
});

describe("selection", () => {
  it("sends a summary on every selection change", async () => {
    const sim = await boot("figmasharp-bundler-dialog.file.json");
    expect((await waitForUi(sim, "init")).selection).toEqual({ nodes: [], unsupported: [] });
    const since = sim.ui.messages.length;
    sim.select(["25:0", "160:199"]);
    const { selection } = await waitForUi(sim, "selection", { since });
    expect(selection.nodes).toEqual([
      // A top-level frame is its own frameId; a text on the page is in no frame.
      { id: "25:0", name: "1.0. Bundle Figma Document", type: "FRAME", width: 514, height: 268, frameId: "25:0" },
      {
        id: "160:199",
        name: "Solution pad > Project > right-click > Add > Figma Document",
        type: "TEXT",
        width: 385,
        height: 89,
      },
    ]);
    expect(selection.unsupported).toEqual([]);
  });

  it("lists slices, hidden and oversized layers as unsupported, with the reason", async () => {
    const file = {
      document: {
        id: "0:0",
        type: "DOCUMENT",
        children: [
          {
            id: "0:1",
            type: "CANVAS",
            name: "Page",
            children: [
              {
                id: "1:1",
                type: "SLICE",
                name: "Slice 1",
                absoluteBoundingBox: { x: 0, y: 0, width: 100, height: 100 },
              },
              {
                id: "1:2",
                type: "FRAME",
                name: "Hidden",
                visible: false,
                absoluteBoundingBox: { x: 0, y: 0, width: 100, height: 100 },
                children: [],
              },
              {
                id: "1:3",
                type: "FRAME",
                name: "Poster",
                absoluteBoundingBox: { x: 0, y: 0, width: 12000, height: 800 },
                children: [],
              },
              {
                id: "1:4",
                type: "FRAME",
                name: "Card",
                absoluteBoundingBox: { x: 0, y: 0, width: 320, height: 200 },
                children: [],
              },
            ],
          },
        ],
      },
    };
    const sim = (await import("../../test/figma-sim/sim.js")).createFigmaSim({
      file,
      command: "code",
      selectIds: ["1:1", "1:2", "1:3", "1:4"],
    });
    restore = installFigmaSim(sim);
    await start();
    const { selection } = await waitForUi(sim, "init");
    expect(selection.nodes.map((n) => n.id)).toEqual(["1:4"]);
    expect(selection.unsupported.map((u) => [u.id, u.type])).toEqual([
      ["1:1", "SLICE"],
      ["1:2", "FRAME"],
      ["1:3", "FRAME"],
    ]);
    expect(selection.unsupported[0]!.reason).toMatch(/slice/);
    expect(selection.unsupported[1]!.reason).toMatch(/hidden/);
    expect(selection.unsupported[2]!.reason).toMatch(/12,000 × 800 px.*10,000 px.*smaller frame or a section/);
    // The panel titles its message by the problem and says how large the layer is.
    expect(selection.unsupported.map((u) => u.problem)).toEqual(["not-design", "hidden", "too-large"]);
    expect(selection.unsupported[2]).toMatchObject({ name: "Poster", width: 12000, height: 800 });
  });

  it(
    "sends a thumbnail no longer than 240 px on request, and nothing " +
      "for a layer deleted since (the selection changed with it)",
    async () => {
      const sim = await boot(LOGIN);
      await sendToMain(sim, "get-thumbnail", { nodeId: "101:3" });
      const thumb = await waitForUi(sim, "thumbnail");
      expect(thumb.nodeId).toBe("101:3");
      const size = readPngSize(thumb.png)!;
      expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(THUMBNAIL_SIDE);
      expect(Math.max(size.width, size.height)).toBeGreaterThan(THUMBNAIL_SIDE - 2);
      await sendToMain(sim, "get-thumbnail", { nodeId: "999:999" });
      await sendToMain(sim, "get-thumbnail", { nodeId: "101:3" });
      // Messages are handled in order: once the second thumbnail is out, the deleted layer's request was answered (by
      // nothing).
      await vi.waitFor(() => expect(uiMessages(sim, "thumbnail").map((m) => m.nodeId)).toEqual(["101:3", "101:3"]));
      expect(uiMessages(sim, "error")).toEqual([]);
    },
  );
});

describe("settings and the API keys", () => {
  it(
    "saves settings and a key in its provider's slot in " + "clientStorage only, and a new session gets them back",
    async () => {
      const sim = await boot(LOGIN);
      await sendToMain(sim, "save-settings", {
        requestId: "s1",
        settings: { maxImageSize: 1024, target: "html", provider: "openrouter" },
        key: { slot: "openrouter", value: ` ${KEY}\n` },
      });
      const saved = await waitForUi(sim, "settings-saved");
      expect(saved).toEqual({
        type: "settings-saved",
        requestId: "s1",
        settings: { ...DEFAULT_SETTINGS, maxImageSize: 1024, target: "html", provider: "openrouter" },
        keySlots: ["openrouter"],
      });
      expect(sim.storage.get(SETTINGS_KEY)).toEqual(saved.settings);
      expect(sim.storage.get(API_KEYS_KEY)).toEqual({ openrouter: KEY });
      expect([...sim.storage.keys()].sort()).toEqual([API_KEYS_KEY, SETTINGS_KEY]);

      const again = await boot(LOGIN, { storage: Object.fromEntries(sim.storage) });
      const init = await waitForUi(again, "init");
      expect(init.settings).toEqual(saved.settings);
      expect(init.apiKeys).toEqual({ openrouter: KEY });
    },
  );

  it("keeps one key per provider and per custom base URL, and removes only the slot asked for", async () => {
    const sim = await boot(LOGIN, { storage: { [API_KEYS_KEY]: { openai: KEY } } });
    await sendToMain(sim, "save-settings", {
      requestId: "a",
      settings: { provider: "custom", baseUrl: "http://localhost:1234/v1" },
      key: { slot: "custom http://localhost:1234/v1", value: "local-key" },
    });
    expect((await waitForUi(sim, "settings-saved")).keySlots).toEqual(["openai", "custom http://localhost:1234/v1"]);
    const since = sim.ui.messages.length;
    await sendToMain(sim, "save-settings", { requestId: "b", settings: {}, key: { slot: "openai", value: null } });
    const saved = await waitForUi(sim, "settings-saved", { since });
    expect(saved.keySlots).toEqual(["custom http://localhost:1234/v1"]);
    expect(saved.settings.provider).toBe("custom");
    expect(sim.storage.get(API_KEYS_KEY)).toEqual({ "custom http://localhost:1234/v1": "local-key" });
  });

  it("leaves the keys alone when no key is given", async () => {
    const sim = await boot(LOGIN, { storage: { [API_KEYS_KEY]: { openai: KEY } } });
    await sendToMain(sim, "save-settings", { requestId: "n", settings: { nodeIds: true } });
    expect((await waitForUi(sim, "settings-saved")).keySlots).toEqual(["openai"]);
    expect(sim.storage.get(API_KEYS_KEY)).toEqual({ openai: KEY });
  });

  it.each([
    [{ provider: "openai", baseUrl: "" }, "openai"],
    [{ provider: "openrouter", baseUrl: "" }, "openrouter"],
    [{ provider: "openai", baseUrl: "https://proxy.example.com/v1/" }, "openai https://proxy.example.com/v1"],
    [{ provider: "custom", baseUrl: "http://localhost:8080/v1" }, "custom http://localhost:8080/v1"],
  ])(
    "moves a key saved by an earlier version (one key for all) to the slot it was saved with: %j → %s",
    async (saved, slot) => {
      const sim = await boot(LOGIN, {
        storage: { [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, ...saved }, [LEGACY_API_KEY_KEY]: KEY },
      });
      expect((await waitForUi(sim, "init")).apiKeys).toEqual({ [slot]: KEY });
      expect(sim.storage.has(LEGACY_API_KEY_KEY)).toBe(false);
      expect(sim.storage.get(API_KEYS_KEY)).toEqual({ [slot]: KEY });
    },
  );

  it("a key saved since in the same slot wins over the legacy one", async () => {
    const sim = await boot(LOGIN, {
      storage: { [LEGACY_API_KEY_KEY]: "sk-old-0000000000", [API_KEYS_KEY]: { openai: KEY } },
    });
    expect((await waitForUi(sim, "init")).apiKeys).toEqual({ openai: KEY });
  });

  it("refuses a key slot that is not a provider or provider + endpoint", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const sim = await boot(LOGIN);
    await sim.ui.send({
      type: "save-settings",
      requestId: "x",
      settings: {},
      key: { slot: "evil.example.com", value: KEY },
    });
    const error = await waitForUi(sim, "error");
    expect(error).toMatchObject({ requestId: "x", reason: "bad-message" });
    expect(error.message).not.toContain(KEY);
    expect(sim.storage.size).toBe(0);
  });

  it.each([
    [{ maxImageSize: 99_999 }, "maxImageSize"],
    [{ model: "" }, "model"],
    [{ baseUrl: "ftp://example.com" }, "baseUrl"],
    [{ target: "flutter" }, "target"],
    [{ colour: "blue" }, "colour"],
  ])("rejects %j with bad-settings naming the key, and saves nothing", async (patch, key) => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const sim = await boot(LOGIN, { storage: { [API_KEYS_KEY]: { openai: KEY } } });
    await sim.ui.send({
      type: "save-settings",
      requestId: "p",
      settings: { ...patch, nodeIds: true },
      key: { slot: "openai", value: "sk-other" },
    });
    const error = await waitForUi(sim, "error");
    expect(error.reason).toBe("bad-message");
    expect(error.requestId).toBe("p");
    expect(error.message).toContain(key);
    expect(sim.storage.has(SETTINGS_KEY)).toBe(false);
    expect(sim.storage.get(API_KEYS_KEY)).toEqual({ openai: KEY });
    expect(uiMessages(sim, "settings-saved")).toEqual([]);
  });

  it("rejects a key with line breaks inside without quoting it", async () => {
    const sim = await boot(LOGIN);
    await sendToMain(sim, "save-settings", {
      requestId: "k",
      settings: {},
      key: { slot: "openai", value: "sk-abc\ndef-SECRET" },
    });
    const error = await waitForUi(sim, "error");
    expect(error.reason).toBe("bad-settings");
    expect(error.message).not.toContain("SECRET");
    expect(sim.storage.size).toBe(0);
  });

  it(
    "never lets the key out of clientStorage and init: " + "not pluginData, notify, logs, other messages or errors",
    async () => {
      const logged: string[] = [];
      for (const level of ["log", "info", "warn", "error", "debug"] as const) {
        vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
          logged.push(
            args
              .map((a) =>
                a instanceof Error ? `${a.message} ${a.stack ?? ""}` : typeof a === "string" ? a : JSON.stringify(a),
              )
              .join(" "),
          );
        });
      }
      const sim = await boot(LOGIN, { selectIds: ["101:3"], storage: { [API_KEYS_KEY]: { openai: KEY } } });
      await waitForUi(sim, "init");
      // Every flow the panel has, including failures whose payloads carry the key.
      await sendToMain(sim, "export-selection", { requestId: "e1" });
      await waitForUi(sim, "export-result");
      await sendToMain(sim, "get-thumbnail", { nodeId: "101:3" });
      await sendToMain(sim, "notify", { message: "Copied 3 files" });
      await sendToMain(sim, "save-settings", { requestId: "s1", settings: { maxImageSize: 1024 } });
      await sim.ui.send({
        type: "save-settings",
        requestId: "s2",
        settings: "not an object",
        key: { slot: "openai", value: KEY },
      });
      await sim.ui.send({
        type: "save-settings",
        requestId: "s3",
        settings: {},
        key: { slot: "openai", value: `sk bad ${KEY}` },
      });
      await sim.ui.send({ type: "set-key", apiKey: KEY });
      sim.failStorage(`quota exceeded while writing ${KEY}`);
      await sendToMain(sim, "save-settings", {
        requestId: "s4",
        settings: {},
        key: { slot: "openrouter", value: KEY },
      });
      sim.failStorage(null);
      await sendToMain(sim, "ready", {});
      sim.select([]);
      await new Promise((r) => setTimeout(r, 10));

      const errors = uiMessages(sim, "error");
      expect(errors.map((e) => e.reason)).toEqual(["bad-message", "bad-settings", "bad-message", "storage-failed"]);
      expect(errors[3]!.message).toContain("quota exceeded");
      const outside = sim.ui.messages.filter((m) => m["type"] !== "init");
      expect(JSON.stringify(outside)).not.toContain(KEY);
      expect(uiMessages(sim, "init").every((m) => m.apiKeys["openai"] === KEY)).toBe(true);
      expect(sim.record.pluginData).toEqual([]);
      expect(JSON.stringify(sim.record.relaunch)).not.toContain(KEY);
      expect(JSON.stringify(sim.record.notifications)).not.toContain(KEY);
      expect(JSON.stringify(sim.record.showUI)).not.toContain(KEY);
      expect(logged.length).toBeGreaterThan(0);
      expect(logged.join("\n")).not.toContain(KEY);
      expect([...sim.storage.entries()].filter(([, v]) => JSON.stringify(v).includes(KEY)).map(([k]) => k)).toEqual([
        API_KEYS_KEY,
      ]);
    },
  );
});

describe("messages from the UI", () => {
  it.each([
    [{ type: "launch-missiles" }, /unknown message "launch-missiles"/],
    [{ type: "resize", width: "wide", height: 300 }, /"resize" is malformed: width must be a finite number/],
    [{ type: "export-selection" }, /"export-selection" is malformed: requestId must be a non-empty string/],
    [{ type: "notify", message: "hi", colour: "red" }, /"notify" is malformed: colour must be absent/],
    [
      { type: "save-settings", requestId: "r", settings: { target: "flutter" } },
      /settings.target must be one of react, html, vue/,
    ],
    ["hello", /not an object/],
    [null, /not an object/],
    [{ kind: "ready" }, /unknown message undefined/],
  ])("refuses %j loudly: error bad-message and console.error", async (raw, reason) => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const sim = await boot(LOGIN);
    await sim.ui.send(raw);
    const error = await waitForUi(sim, "error");
    expect(error.reason).toBe("bad-message");
    expect(error.message).toMatch(reason);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(String(consoleError.mock.calls[0]![0])).toMatch(reason);
    expect(sim.record.handlerErrors).toEqual([]);
  });

  it("keeps the request id of a malformed request in its error", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const sim = await boot(LOGIN);
    await sim.ui.send({ type: "get-thumbnail", nodeId: 5, requestId: "r10" });
    const error = await waitForUi(sim, "error");
    expect(error).toMatchObject({ requestId: "r10", reason: "bad-message" });
  });

  it("notify shows a toast, resize is clamped, close closes the plugin", async () => {
    const sim = await boot(LOGIN);
    await sendToMain(sim, "notify", { message: "Copied", error: false });
    await sendToMain(sim, "notify", { message: "Model refused: 401", error: true });
    await sendToMain(sim, "notify", { message: "x".repeat(1000) });
    expect(sim.record.notifications.slice(0, 2)).toEqual([
      { message: "Copied", options: { error: false } },
      { message: "Model refused: 401", options: { error: true } },
    ]);
    expect(sim.record.notifications[2]!.message.length).toBeLessThanOrEqual(300);
    await sendToMain(sim, "resize", { width: 5000, height: 10 });
    await sendToMain(sim, "resize", { width: 640.4, height: 720 });
    expect(sim.record.resizes).toEqual([
      { width: PANEL.max.width, height: PANEL.min.height },
      { width: 640, height: 720 },
    ]);
    await sendToMain(sim, "close", {});
    expect(sim.record.closed).toEqual({});
    // After closing, selection changes post nothing (the UI is gone).
    sim.select(["101:3"]);
    await new Promise((r) => setTimeout(r, 5));
    expect(sim.record.handlerErrors).toEqual([]);
  });

  it("every message the plugin posts passes the contract check", async () => {
    const sim = await boot(LOGIN, { selectIds: ["101:3"] });
    await sendToMain(sim, "export-selection", { requestId: "a" });
    await waitForUi(sim, "export-result");
    await sendToMain(sim, "get-thumbnail", { nodeId: "101:3" });
    await sendToMain(sim, "save-settings", { requestId: "t", settings: { target: "html" } });
    sim.select([]);
    await waitForUi(sim, "selection");
    expect(() => checkedUiMessages(sim)).not.toThrow();
    expect(new Set(sim.ui.messages.map((m) => m["type"]))).toEqual(
      new Set(["init", "export-progress", "export-result", "thumbnail", "settings-saved", "selection"]),
    );
  });
});

describe("the engine worker's script", () => {
  it("is refused with a clear internal error when the build has no payload (source imported directly)", async () => {
    const sim = await boot(LOGIN, { selectIds: ["101:3"] });
    await waitForUi(sim, "init");
    const since = sim.ui.messages.length;
    await sendToMain(sim, "get-worker-source", { requestId: "w1" });
    const error = await waitForUi(sim, "error", { since });
    expect(error.requestId).toBe("w1");
    expect(error.reason).toBe("internal");
    expect(error.message).toMatch(/no code generator.*npm run build/);
    expect(uiMessages(sim, "worker-source")).toEqual([]);
  });
});

describe("layers, panel size and prices", () => {
  const FIGMAGIC = "figmagic-design-system.file.json";

  it("focus-node selects the layer and zooms to it, switching page when it is on another one", async () => {
    const sim = await boot(FIGMAGIC);
    const first = sim.currentPage().id;
    await sendToMain(sim, "focus-node", { requestId: "f1", nodeId: "3009:117" });
    expect(await waitForUi(sim, "done")).toEqual({ type: "done", requestId: "f1" });
    expect(sim.currentPage().id).toBe("2710:2");
    expect(sim.currentPage().id).not.toBe(first);
    expect(sim.currentPage().selection.map((n) => n.id)).toEqual(["3009:117"]);
    expect(sim.record.zooms).toEqual([{ nodeIds: ["3009:117"], pageId: "2710:2" }]);
  });

  it("focus-node on a layer that is gone says so, and changes nothing", async () => {
    const sim = await boot(FIGMAGIC);
    const page = sim.currentPage().id;
    await sendToMain(sim, "focus-node", { requestId: "f2", nodeId: "999:999" });
    const error = await waitForUi(sim, "error");
    expect(error).toMatchObject({ requestId: "f2", reason: "not-found" });
    expect(error.message).toMatch(/no longer in the file/);
    expect(sim.currentPage().id).toBe(page);
    expect(sim.record.zooms).toEqual([]);
  });

  it("remembers the size the user gave the panel and opens at it next time", async () => {
    const sim = await boot(LOGIN);
    await sendToMain(sim, "resize", { width: 700, height: 640 });
    expect(sim.storage.has(PANEL_SIZE_KEY)).toBe(false);
    await sendToMain(sim, "resize", { width: 720.2, height: 5000, remember: true });
    expect(sim.storage.get(PANEL_SIZE_KEY)).toEqual({ width: 720, height: PANEL.max.height });
    const again = await boot(LOGIN, { storage: Object.fromEntries(sim.storage) });
    expect(again.record.showUI[0]!.options).toMatchObject({ width: 720, height: PANEL.max.height });
    expect((await waitForUi(again, "init")).panelSize).toEqual({ width: 720, height: PANEL.max.height });
  });

  it("keeps fetched model prices for the estimate and sends them with init", async () => {
    const sim = await boot(LOGIN);
    const prices = {
      "openai/gpt-5.4-image-2": {
        input: 8,
        output: 15,
        source: "https://openrouter.ai/api/v1/models",
        asOf: "2026-11-23",
      },
    };
    await sendToMain(sim, "save-prices", { requestId: "p1", prices });
    expect((await waitForUi(sim, "done")).requestId).toBe("p1");
    expect(sim.storage.get(PRICES_KEY)).toEqual(prices);
    const again = await boot(LOGIN, { storage: Object.fromEntries(sim.storage) });
    expect((await waitForUi(again, "init")).prices).toEqual(prices);
  });
});
