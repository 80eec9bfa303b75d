/**
 * A Rows parameter grid on a local SD server through the run driver, with a scripted worker and main thread:
 * one `sd-generate` at a time, each cell's cfgScale and seed in its request, no API key asked for, the server's
 * credentials for its own URL, and the first placement making the grid with its headers.
 */
import { describe, expect, it } from "vitest";
import { parseSweep } from "../../../../ai/params/sweep.js";
import { DEFAULT_SETTINGS, type Settings } from "../../../../contract/settings.js";
import { encodePng } from "../../../../test/openai-server/png.js";
import type { MainRequests } from "../../../channel/requests.js";
import type { Engine } from "../../../engine/engine.js";
import type { SdRequestData } from "../../../engine/protocol/sd.js";
import type { ApiKeyVault } from "../../../model/api-key.js";
import { EMPTY_STYLE, type RowsPlan } from "../plan.js";
import { sweptItems } from "../sweep-items.js";
import { RunDriver } from "./run-driver.js";
import type { RunState } from "./run-state.js";

const PNG = new Uint8Array(encodePng(64, 64));
const settings: Settings = { ...DEFAULT_SETTINGS, imageSource: "sd", sdBaseUrl: "http://127.0.0.1:7860" };
const SD = { width: 512, height: 512, steps: 20, cfgScale: 6, sampler: "Euler a", batchSize: 1 };

function harness(cells: number, exported: { id: string; png?: Uint8Array }[] = []) {
  const exports: unknown[] = [];
  const sent: { connection: unknown; request: SdRequestData }[] = [];
  let inFlight = 0;
  let most = 0;
  const worker = {
    async call(kind: string, body: { connection: unknown; request: SdRequestData }) {
      if (kind !== "sd-generate") throw new Error(`unexpected ${kind}`);
      sent.push(body);
      most = Math.max(most, ++inFlight);
      await Promise.resolve();
      inFlight--;
      return {
        images: [{ bytes: PNG, format: "png", width: 64, height: 64, seed: body.request.seed ?? 1000 + sent.length }],
        interrupted: false,
        partials: 0,
      };
    },
  } as unknown as Engine;
  const placed: Record<string, unknown>[] = [];
  let allPlaced: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allPlaced = resolve));
  const requests: MainRequests = {
    call: (async (type: string, payload: Record<string, unknown>) => {
      if (type === "place-in-grid") {
        placed.push(payload);
        if (placed.length === cells) allPlaced();
        return { nodeIds: ["grid:1", `layer:${placed.length}`] };
      }
      if (type === "save-history-entry") return { saved: { kind: "image", id: "x" } };
      if (type === "export-selection") {
        exports.push(payload);
        return {
          frames: exported.map((f) => ({
            id: f.id,
            name: f.id,
            width: 10,
            height: 10,
            scale: 1,
            ...(f.png ? { png: f.png } : {}),
          })),
        };
      }
      return { usage: { bytes: 0, limit: 1, versions: 0 } };
    }) as MainRequests["call"],
  };
  const vault = {
    revealFor: () => undefined,
    revealForServer: (url: string) => (url === settings.sdBaseUrl ? "ada:pw" : undefined),
  } as unknown as ApiKeyVault;
  let last: RunState | undefined;
  const driver = new RunDriver(
    { requests, worker, vault, settings: () => settings, prices: () => undefined },
    (s) => (last = s),
  );
  return { driver, sent, placed, done, exports, most: () => most, last: () => last! };
}

describe("a parameter grid on a local SD server", () => {
  it("3×2: six sd-generate calls one at a time with each cell's values; the grid made with its headers", async () => {
    const { items, labels } = sweptItems(
      [{ row: 1, values: {}, prompt: "a lighthouse", stem: "1" }],
      [parseSweep("cfg=4,7,10"), parseSweep("seed=1,2")],
    );
    const plan: RowsPlan = {
      name: "Lighthouse grid",
      items,
      style: EMPTY_STYLE,
      size: { width: 512, height: 512 },
      quality: "auto",
      acceptFirst: false,
      reasonFirst: false,
      sd: SD,
      grid: labels,
    };
    const h = harness(6);
    h.driver.start(plan);
    await h.done;
    expect(h.most()).toBe(1);
    expect(h.sent.map((s) => [s.request.cfgScale, s.request.seed])).toEqual([
      [4, 1],
      [7, 1],
      [10, 1],
      [4, 2],
      [7, 2],
      [10, 2],
    ]);
    expect(h.sent[0]).toMatchObject({
      connection: { baseUrl: "http://127.0.0.1:7860", auth: "ada:pw" },
      request: { prompt: "a lighthouse", steps: 20, sampler: "Euler a", batchSize: 1, width: 512, height: 512 },
    });
    expect(h.placed.map((p) => [p["grid"], p["index"], p["name"], p["labels"]])).toEqual([
      [
        { name: "Lighthouse grid" },
        0,
        "cfg-4_seed-1",
        { columns: ["CFG 4", "CFG 7", "CFG 10"], rows: ["Seed 1", "Seed 2"] },
      ],
      ...[1, 2, 3, 4, 5].map((index) => [{ id: "grid:1" }, index, items[index]!.stem, undefined]),
    ]);
    expect(h.last().items.map((it) => it.version?.sd?.seed)).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it("accept first: the rest get the first image's seed (the consistent set SD users make)", async () => {
    const items = [1, 2, 3].map((row) => ({ row, values: {}, prompt: `animal ${row}`, stem: String(row) }));
    const plan: RowsPlan = {
      name: "Set",
      items,
      style: EMPTY_STYLE,
      size: { width: 512, height: 512 },
      quality: "auto",
      acceptFirst: true,
      reasonFirst: false,
      sd: SD,
    };
    const h = harness(3);
    h.driver.start(plan);
    await new Promise<void>((resolve) => {
      const poll = (): void => (h.last().items[0]?.status === "done" ? resolve() : void queueMicrotask(poll));
      poll();
    });
    h.driver.accept();
    await h.done;
    expect(h.sent.map((s) => s.request.seed)).toEqual([undefined, 1001, 1001]);
  });

  it(
    "a strength sweep starts every cell from the selection: exported " +
      "once when the run starts, sent as each cell's init image",
    async () => {
      const { items, labels } = sweptItems(
        [{ row: 1, values: {}, prompt: "a lighthouse", stem: "1" }],
        [parseSweep("strength=0.3,0.7")],
      );
      const plan: RowsPlan = {
        name: "Repaints",
        items,
        style: EMPTY_STYLE,
        size: { width: 512, height: 512 },
        quality: "auto",
        acceptFirst: false,
        reasonFirst: false,
        sd: SD,
        grid: labels,
        sdInit: { nodeId: "1:2", name: "Hero", strength: 0.6 },
      };
      const INIT = new Uint8Array(encodePng(32, 16));
      const h = harness(2, [{ id: "1:9" }, { id: "1:2", png: INIT }]);
      h.driver.start(plan);
      await h.done;
      expect(h.exports).toEqual([{ png: true, assets: false }]);
      expect(h.sent.map((s) => s.request.init)).toEqual([
        { bytes: INIT, strength: 0.3 },
        { bytes: INIT, strength: 0.7 },
      ]);
      expect(h.last().items.map((it) => it.version?.sd?.strength)).toEqual([0.3, 0.7]);
    },
  );

  it("a selection that gives no picture fails the items with why, and sends nothing", async () => {
    const items = [{ row: 1, values: {}, prompt: "a lighthouse", stem: "1" }];
    const plan: RowsPlan = {
      name: "Repaints",
      items,
      style: EMPTY_STYLE,
      size: { width: 512, height: 512 },
      quality: "auto",
      acceptFirst: false,
      reasonFirst: false,
      sd: SD,
      sdInit: { nodeId: "1:2", name: "Hero", strength: 0.6 },
    };
    const h = harness(1, [{ id: "1:2" }]);
    h.driver.start(plan);
    await new Promise<void>((resolve) => {
      const poll = (): void => (h.last().items[0]?.status === "failed" ? resolve() : void setTimeout(poll, 1));
      poll();
    });
    expect(h.last().items[0]!.failure).toEqual({
      kind: "check",
      message:
        "“Hero” gave no picture to start from: select it again, or untick " +
        "“Use selection as reference” and sweep something other than strength.",
    });
    expect(h.sent).toEqual([]);
  });
});
