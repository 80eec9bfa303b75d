import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types";
import { childBoxes } from "../design/placed";
import { analyzeDesign, type Finding } from "./index";
import { doc, frame, rect, solid, text } from "./test-tree";

const WHITE = [solid("#ffffff")];
const image = (name: string, extra: Partial<DesignNode> = {}): DesignNode =>
  rect({ name, fills: [{ kind: "image", asset: "a.png", fit: "cover" }], ...extra });
const summary = (findings: Finding[]): string[] => findings.map((f) => `${f.severity} ${f.kind} ${f.nodeName}`);

describe("target size", () => {
  const button = (name: string, w: number, h: number): DesignNode =>
    frame([text("OK", { color: "#ffffff" }, { content: { alignH: "center" } })], {
      name,
      w,
      h,
      fills: [solid("#000000")],
    });

  it("reports buttons, links, inputs, toggles and icon buttons under 24×24 px with their size", () => {
    const small = button("Button/Small", 60, 20);
    const found = analyzeDesign(
      doc(
        frame(
          [
            small,
            button("Button/Large", 80, 44),
            rect({ name: "Search field", w: 200, h: 22 }),
            frame([], { name: "Toggle", w: 20, h: 12 }),
            frame([], { name: "IconButton/Close", w: 16, h: 16 }),
            text("Terms link", {}, { h: 16 }),
          ],
          { fills: WHITE },
        ),
      ),
      { kinds: ["target-size"] },
    );
    expect(found.map((f) => f.kind === "target-size" && [f.nodeName, f.width, f.height, f.minimum])).toEqual([
      ["Button/Small", 60, 20, 24],
      ["Search field", 200, 22, 24],
      ["Toggle", 20, 12, 24],
      ["IconButton/Close", 16, 16, 24],
      ["Terms link", 100, 16, 24],
    ]);
    expect(found[0]!.message).toBe(
      "This button is 60×20 px; WCAG 2.2 (2.5.8) asks for at least 24×24 px, or enough space around it.",
    );
    expect(found[0]!.nodeId).toBe(small.id);
  });

  it(
    "uses the emitters' semantics: a filled box with one centred " +
      "label is a button, and nothing inside a control counts",
    () => {
      const unnamed = button("Pill", 50, 18);
      const inside = frame([frame([], { name: "Toggle", w: 10, h: 10 })], { name: "Button", w: 100, h: 40 });
      const found = analyzeDesign(doc(frame([unnamed, inside], { fills: WHITE })), { kinds: ["target-size"] });
      expect(found.map((f) => f.nodeName)).toEqual(["Pill"]);
    },
  );

  it("knows a switch by the names designers write and by its shape: a 20×11 pill with a round knob", () => {
    const knob = (x: number) => ({ ...rect({ name: "Knob", w: 9, h: 9 }), kind: "ellipse" as const, x, y: 1 });
    const drawn = frame([rect({ name: "Track", w: 20, h: 11, radius: 5.5 }), knob(10)], {
      name: "Frame 12",
      w: 20,
      h: 11,
    });
    const named = ["Switch=On", "toggle_off", "SwitchSmall", "iOS/Switch"].map((name) =>
      frame([], { name, w: 20, h: 11 }),
    );
    const notSwitches = [
      frame([], { name: "Switcher", w: 20, h: 11 }),
      frame([knob(0)], { name: "Avatar row", w: 20, h: 20 }),
    ];
    const found = analyzeDesign(doc(frame([drawn, ...named, ...notSwitches], { fills: WHITE })), {
      kinds: ["target-size"],
    });
    expect(found.map((f) => f.kind === "target-size" && [f.nodeName, f.width, f.height])).toEqual([
      ["Frame 12", 20, 11],
      ["Switch=On", 20, 11],
      ["toggle_off", 20, 11],
      ["SwitchSmall", 20, 11],
      ["iOS/Switch", 20, 11],
    ]);
    expect(found[0]!.message).toContain("This toggle is 20×11 px");
  });

  it("judges a control selected on its own, and never a screen", () => {
    const alone = analyzeDesign(doc(button("Button/Small", 60, 20)), { kinds: ["target-size"] });
    expect(alone.map((f) => f.nodeName)).toEqual(["Button/Small"]);
    expect(analyzeDesign(doc(frame([], { name: "Settings", w: 20, h: 20 })), { kinds: ["target-size"] })).toEqual([]);
  });
});

describe("text size", () => {
  it("reports text under 12 px, by its smallest run", () => {
    const note = text("Small print here", {}, { content: { runs: [{ start: 0, end: 5, style: { size: 9 } }] } });
    const found = analyzeDesign(doc(frame([note, text("Twelve", { size: 12 }, { y: 40 })], { fills: WHITE })), {
      kinds: ["text-size"],
    });
    expect(found).toEqual([
      {
        nodeId: note.id,
        nodeName: "Small print here",
        kind: "text-size",
        severity: "warning",
        message: 'Text "Small" is 9 px; body text should be at least 12 px.',
        fontSize: 9,
        minimum: 12,
      },
    ]);
  });
});

describe("names and text in images", () => {
  it("flags images whose alt text would be meaningless, and frames with generated names", () => {
    const found = analyzeDesign(
      doc(
        frame(
          [
            image(""),
            image("image 3", { y: 110 }),
            image("IMG_2041.jpg", { y: 220 }),
            image("Portrait of Ada", { y: 330 }),
            frame([], { name: "", y: 440 }),
            frame([], { name: "Pricing", y: 450 }),
          ],
          { name: "Home", fills: WHITE, h: 600 },
        ),
      ),
      { kinds: ["image-name", "frame-name"] },
    );
    expect(summary(found)).toEqual([
      "warning image-name unnamed rect",
      "warning image-name image 3",
      "warning image-name IMG_2041.jpg",
      "info frame-name unnamed frame",
    ]);
    expect(found[0]!.message).toContain('alt=""');
    expect(found[1]!.message).toContain('"image 3", which becomes its alt text');
  });

  it("only the image-name kind when only it is asked for", () => {
    const found = analyzeDesign(doc(frame([image(""), frame([], { name: "" })], { fills: WHITE })), {
      kinds: ["image-name"],
    });
    expect(summary(found)).toEqual(["warning image-name unnamed rect"]);
  });

  it("flags image-filled layers whose name suggests words, for the model to confirm", () => {
    const found = analyzeDesign(
      doc(
        frame(
          [
            image("Hero banner"),
            image("Sale_Title", { y: 110 }),
            image("Mountain", { y: 220 }),
            rect({ name: "Title box", fills: WHITE }),
          ],
          { fills: WHITE },
        ),
      ),
      { kinds: ["text-in-image"] },
    );
    expect(summary(found)).toEqual(["info text-in-image Hero banner", "info text-in-image Sale_Title"]);
    expect(found[0]!.message).toContain("to confirm");
  });
});

describe("order", () => {
  it("sorts by severity, then frame, then top to bottom and left to right", () => {
    const lowRight = text("b", { color: "#aaaaaa", size: 10 }, { x: 200, y: 100 });
    const lowLeft = text("a", { color: "#aaaaaa", size: 10 }, { x: 10, y: 100 });
    const top = text("c", { color: "#aaaaaa", size: 10 }, { x: 300, y: 10 });
    const second = text("d", { color: "#aaaaaa" });
    const found = analyzeDesign(
      doc(frame([lowRight, lowLeft, top], { fills: WHITE }), frame([second], { fills: WHITE })),
    );
    expect(found.map((f) => `${f.severity} ${f.kind} ${f.nodeName}`)).toEqual([
      "error contrast c",
      "error contrast a",
      "error contrast b",
      "error contrast d",
      "warning text-size c",
      "warning text-size a",
      "warning text-size b",
    ]);
  });
});

describe("auto layout boxes", () => {
  const kid = (w: number, h: number): DesignNode => rect({ x: undefined, y: undefined, w, h });
  const at = (parent: DesignNode): number[][] =>
    childBoxes(parent, { x: 0, y: 0, w: parent.w, h: parent.h }).map(({ box }) => [box.x, box.y]);

  it("places children along the flow with padding, gap, justify and align", () => {
    const base = { dir: "row" as const, gap: 10, padding: [5, 10, 5, 20] as [number, number, number, number] };
    expect(
      at(frame([kid(50, 20), kid(30, 10)], { w: 200, h: 40, layout: { ...base, justify: "start", align: "start" } })),
    ).toEqual([
      [20, 5],
      [80, 5],
    ]);
    expect(
      at(frame([kid(50, 20), kid(30, 10)], { w: 200, h: 40, layout: { ...base, justify: "end", align: "center" } })),
    ).toEqual([
      [100, 10],
      [160, 15],
    ]);
    expect(
      at(
        frame([kid(50, 20), kid(30, 10)], {
          w: 200,
          h: 40,
          layout: { ...base, justify: "space-between", align: "end" },
        }),
      ),
    ).toEqual([
      [20, 15],
      [160, 25],
    ]);
    expect(
      at(
        frame([kid(50, 20), kid(30, 10)], {
          w: 200,
          h: 100,
          layout: { ...base, dir: "column", justify: "center", align: "start" },
        }),
      ),
    ).toEqual([
      [20, 30],
      [20, 60],
    ]);
  });

  it("wraps rows, skips hidden children and keeps absolute children where they are", () => {
    const hidden = { ...kid(500, 500), hidden: true };
    const pinned = rect({ absolute: true, x: 7, y: 9, w: 5, h: 5 });
    const wrap = frame([kid(60, 20), hidden, kid(60, 30), pinned, kid(60, 20)], {
      w: 150,
      h: 100,
      layout: { dir: "row", gap: 10, crossGap: 4, padding: [0, 0, 0, 0], justify: "start", align: "start", wrap: true },
    });
    expect(at(wrap)).toEqual([
      [0, 0],
      [70, 0],
      [7, 9],
      [0, 34],
    ]);
  });
});
