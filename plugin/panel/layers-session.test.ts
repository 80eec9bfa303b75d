/**
 * "Insert as layers" through the panel session (plugin/start.ts on the simulator, a real designer's file): the page's
 * layers built beside the frame the code came from, progress while building, one undo step; a cancel removes what
 * was built inside that step; a document that fails the contract's check is refused before anything is built.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LayerDocument, LayerNode } from "../../contract/layers.js";
import { readFigmaFixture } from "../../test/figma-sim/node.js";
import { checkedUiMessages, sendToMain, uiMessages, waitForUi, type FigmaSim } from "../../test/figma-sim/index.js";
import { createFigmaSim, installFigmaSim, type SimNode } from "../../test/figma-sim/sim.js";
import { start } from "../start.js";

const REAL = "../real/figma-gpt-header.file.json";
const HEADER = "1:423";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  vi.restoreAllMocks();
});

async function boot(): Promise<FigmaSim> {
  const sim = createFigmaSim({ file: readFigmaFixture(REAL), command: "code", selectIds: [HEADER] });
  restore = installFigmaSim(sim);
  await start();
  await waitForUi(sim, "init");
  return sim;
}

const run = { family: "Inter", weight: 400, italic: false, size: 14, letterSpacing: 0 } as const;
const textLayer = (characters: string, y: number): LayerNode => ({
  kind: "text",
  name: "p",
  box: { x: 16, y, w: 300, h: 20 },
  text: {
    characters,
    runs: [
      {
        ...run,
        start: 0,
        end: characters.length,
        decoration: "NONE",
        textCase: "ORIGINAL",
        fill: { r: 0, g: 0, b: 0, a: 1 },
      },
    ],
    align: "LEFT",
    alignVertical: "TOP",
    autoResize: "HEIGHT",
  },
});

/** A page of `rows` cards, each a frame holding one paragraph (a control: the e2e test reads real pages). */
function page(name: string, rows: number): LayerDocument {
  const children = Array.from(
    { length: rows },
    (_, i): LayerNode => ({
      kind: "frame",
      name: `card ${i}`,
      box: { x: 0, y: i * 40, w: 390, h: 40 },
      fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
      children: [textLayer(`Row ${i}`, 10)],
    }),
  );
  return {
    name,
    width: 390,
    root: { kind: "frame", name, box: { x: 0, y: 0, w: 390, h: rows * 40 }, children },
    notes: [],
    elements: rows * 2 + 1,
    truncated: false,
  };
}

const topLayers = (sim: FigmaSim): SimNode[] => [...(sim.currentPage().children ?? [])];
const named = (sim: FigmaSim, name: string): SimNode[] => topLayers(sim).filter((n) => n.name === name);

describe("insert-layers through the session", () => {
  it("builds the page beside its frame as one undo step, with progress, and answers what it built", async () => {
    const sim = await boot();
    const steps = sim.record.undo.steps.length;
    const since = sim.ui.messages.length;
    await sendToMain(sim, "insert-layers", { requestId: "l1", layers: page("Header · 390", 40), besideId: HEADER });
    const done = await waitForUi(sim, "layers-inserted", { since });
    expect(done).toMatchObject({ requestId: "l1", built: 81, total: 81, cancelled: false, notes: [] });
    const [root] = named(sim, "Header · 390");
    expect(root?.id).toBe(done.rootId);
    const header = sim.node(HEADER) as SimNode & { x: number; width: number };
    expect((root as SimNode & { x: number }).x).toBeGreaterThanOrEqual(header.x + header.width);
    // Every paragraph is a TEXT layer with its characters (editable, never outlines).
    const texts = (root as SimNode & { findAll(f: (n: SimNode) => boolean): SimNode[] }).findAll(
      (n) => n.type === "TEXT",
    );
    expect(texts.map((t) => (t as SimNode & { characters: string }).characters)).toContain("Row 39");
    expect(texts).toHaveLength(40);
    expect(sim.record.undo.steps.length).toBe(steps + 1);
    const progress = uiMessages(sim, "export-progress").filter((m) => m.requestId === "l1");
    expect(progress.at(-1)).toMatchObject({ done: 81, total: 81, label: "Header · 390" });
    expect(() => checkedUiMessages(sim)).not.toThrow();
  });

  it("removes what was built when cancelled, inside the same undo step", async () => {
    const sim = await boot();
    const before = topLayers(sim).length;
    const since = sim.ui.messages.length;
    // Not awaited: the sim's send settles once the handler has (the whole build).
    const sent = sendToMain(sim, "insert-layers", { requestId: "big", layers: page("Long page · 390", 3000) });
    await waitForUi(sim, "export-progress", { since, where: (m) => m.requestId === "big" });
    await sendToMain(sim, "cancel", { requestId: "big" });
    await sent;
    const done = await waitForUi(sim, "layers-inserted", { since });
    expect(done.cancelled).toBe(true);
    expect(done.built).toBeLessThan(done.total);
    expect(done.rootId).toBeUndefined();
    expect(done.notes.join(" ")).toMatch(/nothing was inserted/);
    expect(named(sim, "Long page · 390")).toEqual([]);
    expect(topLayers(sim).length).toBe(before);
    expect(sim.record.undo.pending).toEqual([]);
  });

  it("refuses a layer description that fails the contract's check, building nothing", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const sim = await boot();
    const before = topLayers(sim).length;
    const bad = page("Bad", 1) as unknown as { root: { children: { kind: string }[] } };
    bad.root.children[0]!.kind = "script";
    await sendToMain(sim, "insert-layers", { requestId: "bad", layers: bad as unknown as LayerDocument });
    const error = await waitForUi(sim, "error", {});
    expect(error.reason).toBe("bad-message");
    expect(error.message).toMatch(/layers\.root\.children\[0\]\.kind/);
    expect(topLayers(sim).length).toBe(before);
  });
});
