/**
 * The run driver with a scripted worker and main thread: what each item's request carries on the Responses
 * path (the first's response id once accepted), that a failure or refusal stays with its item, and the grid
 * placements in order (the first by name, the rest by id and index). The browser e2e covers the Images API.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "../../../../contract/settings.js";
import { encodePng } from "../../../../test/openai-server/png.js";
import { nextTask } from "../../../../test/helpers/next-task.js";
import { PluginError, type MainRequests } from "../../../channel/requests.js";
import type { ApiKeyVault } from "../../../model/api-key.js";
import type { ImageRequestData } from "../../../engine/protocol/image.js";
import { ModelFailure, type Engine } from "../../../engine/engine.js";
import { EMPTY_STYLE, type RowsPlan } from "../plan.js";
import { RunDriver } from "./run-driver.js";
import type { RunState } from "./run-state.js";

const PNG = new Uint8Array(encodePng(64, 32));
const settings: Settings = { ...DEFAULT_SETTINGS, provider: "openai" };
const plan = (n: number, options: Partial<RowsPlan> = {}): RowsPlan => ({
  name: "Set",
  items: Array.from({ length: n }, (_, i) => ({
    row: i + 1,
    values: {},
    prompt: `prompt ${i + 1}`,
    stem: `0${i + 1}-s`,
  })),
  style: EMPTY_STYLE,
  size: { width: 1024, height: 1024 },
  quality: "low",
  acceptFirst: false,
  reasonFirst: false,
  ...options,
});

interface Sent {
  reasonFirst: boolean;
  request: ImageRequestData;
}

/** A worker whose replies the test decides by prompt; a main thread that places (or refuses) and saves. */
function harness(answer: (sent: Sent) => "ok" | "fail" = () => "ok", refuse?: string) {
  const sent: Sent[] = [];
  const placed: {
    grid: unknown;
    index: number | undefined;
    name: string | undefined;
    width: number;
    height: number;
  }[] = [];
  let n = 0;
  const worker = {
    async call(kind: string, body: Sent) {
      if (kind !== "generate-image") throw new Error(`unexpected ${kind}`);
      sent.push(body);
      await Promise.resolve();
      if (answer(body) === "fail") throw new ModelFailure("Rate limit reached.", { kind: "rate-limited", status: 429 });
      const api = body.reasonFirst ? "responses" : "images";
      return {
        images: [{ bytes: PNG, format: "png", width: 64, height: 32 }],
        api,
        model: "gpt-image-2",
        imageModel: "gpt-image-2",
        reasoning: "",
        message: "",
        costUsd: 0.02,
        partials: 0,
        ...(api === "responses" ? { conversation: { previousResponseId: `resp_${++n}` } } : {}),
      };
    },
  } as unknown as Engine;
  const requests: MainRequests = {
    call: (async (type: string, payload: Record<string, unknown>) => {
      if (type === "place-in-grid") {
        if (refuse) throw new PluginError("read-only", refuse);
        placed.push({
          grid: payload["grid"],
          index: payload["index"] as number,
          name: payload["name"] as string,
          width: payload["width"] as number,
          height: payload["height"] as number,
        });
        return { nodeIds: ["grid:1", `layer:${placed.length}`] };
      }
      if (type === "save-history-entry") return { saved: { kind: "image", id: "x" } };
      return { usage: { bytes: 0, limit: 1, versions: 0 } };
    }) as MainRequests["call"],
  };
  const vault = { revealFor: () => "sk-test" } as unknown as ApiKeyVault;
  const states: RunState[] = [];
  const driver = new RunDriver(
    { requests, worker, vault, settings: () => settings, prices: () => undefined },
    (s) => s && states.push(s),
  );
  return { driver, sent, placed, last: () => states.at(-1)! };
}

describe("the Rows run driver", () => {
  it(
    "places each result in the grid in order: the first makes it " +
      "by name, the rest go by id at their index, at a browsable size",
    async () => {
      const h = harness();
      h.driver.start(plan(4));
      await nextTask();
      expect(h.sent).toHaveLength(4);
      expect(h.placed.map((p) => [p.grid, p.index, p.name])).toEqual([
        [{ name: "Set" }, 0, "01-s"],
        [{ id: "grid:1" }, 1, "02-s"],
        [{ id: "grid:1" }, 2, "03-s"],
        [{ id: "grid:1" }, 3, "04-s"],
      ]);
      // A 64×32 image is never scaled up.
      expect(h.placed[0]).toMatchObject({ width: 64, height: 32 });
      expect(h.last().costUsd).toBeCloseTo(0.08);
    },
  );

  it("Responses path, accept first: the rest build on the first's response id, not on its bytes", async () => {
    const h = harness();
    h.driver.start(plan(3, { acceptFirst: true, reasonFirst: true }));
    await nextTask();
    expect(h.sent).toHaveLength(1);
    expect(h.placed).toHaveLength(0);
    h.driver.accept();
    await nextTask();
    expect(h.sent.map((s) => s.reasonFirst)).toEqual([true, true, true]);
    expect(h.sent[0]!.request.refine).toBeUndefined();
    expect(h.sent.slice(1).map((s) => s.request.refine)).toEqual([
      { previousResponseId: "resp_1" },
      { previousResponseId: "resp_1" },
    ]);
    expect(h.sent[1]!.request.references).toEqual([]);
    expect(h.placed.map((p) => p.index)).toEqual([0, 1, 2]);
  });

  it("a failure stays with its item, explained; Retry sends that item alone", async () => {
    let fail = true;
    const h = harness((s) => (s.request.prompt === "prompt 2" && fail ? "fail" : "ok"));
    h.driver.start(plan(3));
    await nextTask();
    expect(h.last().items.map((it) => it.status)).toEqual(["done", "failed", "done"]);
    expect(h.last().items[1]!.failure).toMatchObject({ kind: "model", model: { kind: "rate-limited" } });
    fail = false;
    h.driver.retry(1);
    await nextTask();
    expect(h.sent.map((s) => s.request.prompt)).toEqual(["prompt 1", "prompt 2", "prompt 3", "prompt 2"]);
    expect(h.last().items.map((it) => it.status)).toEqual(["done", "done", "done"]);
    expect(h.placed.map((p) => p.index)).toEqual([0, 2, 1]);
  });

  it("a canvas that refuses (Dev Mode) keeps the images in the run, each saying why", async () => {
    const h = harness(undefined, "Dev Mode is read-only, so Figment cannot place images here.");
    h.driver.start(plan(2));
    await nextTask();
    expect(h.last().items.map((it) => it.status)).toEqual(["done", "done"]);
    expect(h.last().items.map((it) => it.placement)).toEqual([
      { state: "refused", code: "read-only", message: "Dev Mode is read-only, so Figment cannot place images here." },
      { state: "refused", code: "read-only", message: "Dev Mode is read-only, so Figment cannot place images here." },
    ]);
    expect(h.last().items.every((it) => it.version?.bytes)).toBe(true);
  });
});
