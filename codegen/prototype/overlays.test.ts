import { describe, expect, it } from "vitest";
import { loadDesign } from "../load.js";
import { emitFiles } from "../emit/index.js";
import { OVERLAYS_FILE } from "./overlay-design.js";
import { planOverlays } from "./overlays.js";
import { PROTOTYPE_FILE } from "./test-design.js";
import { typecheckReactProjects } from "../../test/compile.js";
import { generateCode } from "../index.js";

describe("the prototype's overlays", () => {
  const doc = loadDesign(OVERLAYS_FILE, [], {}, { topLevel: "frames" }).document;
  const plan = planOverlays(doc)!;

  it("finds each frame a click opens as an overlay, with its settings, transition and manual offset", () => {
    expect(plan.overlays.map((o) => [o.id, o.settings.position, o.transition?.type, o.offset])).toEqual([
      ["overlay-confirm", "CENTER", "DISSOLVE", undefined],
      ["overlay-filters", "BOTTOM_CENTER", "MOVE_IN", undefined],
      ["overlay-menu", "TOP_LEFT", "SLIDE_IN", undefined],
      ["overlay-tip", "MANUAL", undefined, [10, 48]],
    ]);
    // Shop's page draws the four; Confirm's draws Filters (its swap), never itself; Filters' draws none.
    expect(plan.dialogsOf(0).map((o) => o.id)).toEqual(plan.overlays.map((o) => o.id));
    expect(plan.dialogsOf(1).map((o) => o.id)).toEqual(["overlay-filters"]);
    expect(plan.dialogsOf(2)).toEqual([]);
  });

  it("opens from a page, swaps inside a dialog, closes only the dialog it is in", () => {
    const confirm = plan.overlays[0]!;
    expect(plan.links(undefined).linkFor("20:4")).toEqual({
      kind: "overlay",
      action: "open",
      dialog: "overlay-filters",
    });
    expect(plan.links(undefined, confirm).linkFor("20:4")).toEqual({
      kind: "overlay",
      action: "swap",
      dialog: "overlay-filters",
      from: "overlay-confirm",
    });
    expect(plan.links(undefined, confirm).linkFor("20:3")).toEqual({
      kind: "overlay",
      action: "close",
      dialog: "overlay-confirm",
    });
    // On Confirm's own page nothing is open: its Close button is no button.
    expect(plan.links(undefined).linkFor("20:3")).toBeUndefined();
  });

  it("leaves a design without overlays as it was", () => {
    expect(planOverlays(loadDesign(PROTOTYPE_FILE).document)).toBeUndefined();
  });

  it("names no overlay, swap or close in the notes: they are done", () => {
    const notes = emitFiles(doc, { target: "html", styling: "css-modules", nodeIds: false }).problems;
    expect(notes.filter((p) => p.code === "prototype")).toEqual([]);
  });

  it("React: each screen's dialogs are refs it declares; the project type-checks", async () => {
    const sets = [];
    for (const styling of ["css-modules", "tailwind"] as const) {
      const { files } = await generateCode(doc, { target: "react", styling, nodeIds: true });
      const shop = files.find((f) => f.path === "src/screens/Shop.tsx")!.content;
      expect(shop).toContain('import { useRef } from "react";');
      expect(shop).toContain('import "../overlays.css";');
      expect(shop).toContain("const overlayTip = useRef<HTMLDialogElement>(null);");
      expect(shop).toContain("onClick={() => overlayTip.current?.showModal()}");
      expect(files.some((f) => f.path === "src/overlays.css")).toBe(true);
      sets.push(files);
    }
    expect(typecheckReactProjects(sets).errors).toEqual([[], []]);
  });
});
