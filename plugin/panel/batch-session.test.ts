/**
 * The batch messages through the panel session (plugin/start.ts on the simulator): place-in-grid answered with
 * image-placed [grid, layer] (new grid, then added by id, a retried item at its place), a deleted grid
 * answered `not-found` with nothing placed; read-brand-colours answered with the selection's colours, or
 * `empty-selection`. Every message checked against the contract.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkedUiMessages, sendToMain, uiMessages, waitForUi, type FigmaSim } from "../../test/figma-sim/index.js";
import { createFigmaSim, installFigmaSim, type FigmaSimOptions } from "../../test/figma-sim/sim.js";
import { CANVAS_FILE, imageRecord, png } from "../../test/helpers/canvas-file.js";
import { loginVariables, loginWithBindings } from "../../test/helpers/token-fixtures.js";
import { start } from "../start.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  vi.restoreAllMocks();
});

async function boot(options: Partial<FigmaSimOptions> = {}): Promise<FigmaSim> {
  const sim = createFigmaSim({
    file: CANVAS_FILE,
    command: "image",
    relaunchCommands: ["code", "refine-image", "regenerate-image"],
    ...options,
  });
  restore = installFigmaSim(sim);
  await start();
  await waitForUi(sim, "init");
  return sim;
}

const item = (n: number) => ({
  bytes: png(64, 48, n),
  width: 64,
  height: 48,
  name: `Variant ${n + 1}`,
  record: imageRecord({ versionId: `b-${n}` }),
  index: n,
});
const placed = (sim: FigmaSim, requestId: string) =>
  waitForUi(sim, "image-placed", { where: (m) => m.requestId === requestId });
const errorFor = (sim: FigmaSim, requestId: string) =>
  waitForUi(sim, "error", { where: (e) => e.requestId === requestId });

describe("place-in-grid through the session", () => {
  it("makes the grid, adds to it by id (a retried item at its place), one undo step each", async () => {
    const sim = await boot({ selectIds: ["2:1"] });
    const steps = sim.record.undo.steps.length;
    await sendToMain(sim, "place-in-grid", { requestId: "g0", grid: { name: "Hero A/B" }, ...item(0) });
    const first = await placed(sim, "g0");
    expect(first.nodeIds).toEqual([expect.stringMatching(/^sim:/), expect.stringMatching(/^sim:/)]);
    const gridId = first.nodeIds[0]!;
    for (const n of [2, 1])
      await sendToMain(sim, "place-in-grid", { requestId: `g${n}`, grid: { id: gridId }, ...item(n) });
    expect((await placed(sim, "g1")).nodeIds[0]).toBe(gridId);
    expect(sim.node(gridId).name).toBe("Hero A/B");
    expect(sim.node(gridId).children!.map((c) => c.name)).toEqual(["Variant 1", "Variant 2", "Variant 3"]);
    expect(sim.record.undo.steps.length).toBe(steps + 3);
    expect(() => checkedUiMessages(sim)).not.toThrow();
  });

  it(
    "answers not-found when the grid was deleted meanwhile, " + "and a malformed grid as bad-message; nothing placed",
    async () => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const sim = await boot();
      await sendToMain(sim, "place-in-grid", { requestId: "g0", grid: { name: "Batch" }, ...item(0) });
      const gridId = (await placed(sim, "g0")).nodeIds[0]!;
      sim.node(gridId).remove();
      const images = sim.record.images.length;
      await sendToMain(sim, "place-in-grid", { requestId: "g1", grid: { id: gridId }, ...item(1) });
      const gone = await errorFor(sim, "g1");
      expect(gone.reason).toBe("not-found");
      expect(gone.message).toContain("Place it again to start a new grid");
      await sim.ui.send({ type: "place-in-grid", requestId: "g2", grid: { id: gridId, name: "both" }, ...item(2) });
      expect((await errorFor(sim, "g2")).message).toContain(
        "grid must be { id } of the batch's grid frame or { name } for a new one",
      );
      expect(logged).toHaveBeenCalledTimes(1);
      expect(sim.record.images.length).toBe(images);
      expect(uiMessages(sim, "image-placed").map((m) => m.requestId)).toEqual(["g0"]);
    },
  );
});

describe("read-brand-colours through the session", () => {
  it("answers the selection's colours, named by their variables", async () => {
    const sim = await boot({ file: loginWithBindings(), selectIds: ["101:3"], variables: loginVariables() });
    await sendToMain(sim, "read-brand-colours", { requestId: "c1" });
    const { colours } = await waitForUi(sim, "brand-colours");
    expect(colours.slice(0, 2)).toEqual([
      { hex: "#FFFFFF", name: "color/text/on-brand", source: "variable", uses: 13 },
      { hex: "#FCFCFC", name: "color/text/inverse", source: "variable", uses: 8 },
    ]);
    expect(colours.filter((c) => c.source === "fill").map((c) => c.hex)).toEqual(["#DADADA"]);
  });

  it("answers empty-selection when nothing is selected", async () => {
    const sim = await boot();
    await sendToMain(sim, "read-brand-colours", { requestId: "c2" });
    expect((await errorFor(sim, "c2")).reason).toBe("empty-selection");
    expect(uiMessages(sim, "brand-colours")).toEqual([]);
  });
});
