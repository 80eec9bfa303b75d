import { describe, expect, it } from "vitest";
import { analyzeDesign, type ContrastFinding } from "./index";
import { doc, frame, rect, solid, text } from "./test-tree";

const WHITE = [solid("#ffffff")];

function contrast(...frames: Parameters<typeof doc>): ContrastFinding[] {
  return analyzeDesign(doc(...frames), { kinds: ["contrast"] }) as ContrastFinding[];
}

describe("contrast", () => {
  it("reports text under 4.5:1 with its ratio cut to two decimals (never up), the threshold and both colours", () => {
    const grey = text("Fine print", { color: "#777777" });
    const [finding, ...rest] = contrast(
      frame([grey, text("Passes", { color: "#767676" }, { y: 40 })], { fills: WHITE }),
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      nodeId: grey.id,
      kind: "contrast",
      severity: "error",
      ratio: 4.47,
      required: 4.5,
      foreground: "#777777",
      background: "#ffffff",
      large: false,
    });
    expect(finding!.message).toBe(
      'Text "Fine print" has contrast 4.47:1 (#777777 on #ffffff); WCAG 2.2 AA needs 4.5:1 for normal text.',
    );
  });

  it("asks 3:1 of large text: 24 px, or 18.66 px bold", () => {
    const grey = "#949494"; // 3.03:1 on white: passes large, fails normal
    const found = contrast(
      frame(
        [
          text("24 regular", { color: grey, size: 24 }),
          text("18.66 bold", { color: grey, size: 18.66, weight: 700 }, { y: 40 }),
          text("18.66 semibold", { color: grey, size: 18.66, weight: 600 }, { y: 70 }),
          text("23 regular", { color: grey, size: 23 }, { y: 100 }),
        ],
        { fills: WHITE },
      ),
    );
    expect(found.map((f) => [f.nodeName, f.ratio, f.required, f.large])).toEqual([
      ["18.66 semibold", 3.03, 4.5, false],
      ["23 regular", 3.03, 4.5, false],
    ]);
  });

  it("checks each run's colour in mixed text, and the base style between runs", () => {
    const mixed = text(
      "Read the terms now",
      { color: "#000000" },
      { content: { runs: [{ start: 9, end: 14, style: { color: "#aaaaaa" } }] } },
    );
    const found = contrast(frame([mixed], { fills: WHITE }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ nodeId: mixed.id, foreground: "#aaaaaa", ratio: 2.32 });
    expect(found[0]!.message).toContain('"terms"');
    // A large run is held to 3:1 while the rest of the line is held to 4.5:1.
    const sized = text(
      "Big and small",
      { color: "#949494" },
      { content: { runs: [{ start: 0, end: 3, style: { size: 32 } }] } },
    );
    expect(
      contrast(frame([sized], { fills: WHITE })).map((f) => [f.large, f.required, f.message.includes('"and small"')]),
    ).toEqual([[false, 4.5, true]]);
  });

  it("applies paint opacity, layer opacity and ancestor opacity by compositing", () => {
    // Black at 50% over white is #808080: 3.949…:1, cut to 3.94.
    const byPaint = contrast(frame([text("Half", { color: "rgba(0, 0, 0, 0.5)" })], { fills: WHITE }));
    expect(byPaint[0]).toMatchObject({ foreground: "#808080", background: "#ffffff", ratio: 3.94 });
    const byLayer = contrast(frame([text("Half", {}, { opacity: 0.5 })], { fills: WHITE }));
    expect(byLayer[0]).toMatchObject({ foreground: "#808080", ratio: 3.94 });
    // A group at 50% holding a black card and white text: the card shows as #808080 over the white page.
    const group = frame([rect({ fills: [solid("#000000")] }), text("On card", { color: "#ffffff" })], {
      name: "Group",
      x: 0,
      y: 0,
      w: 200,
      h: 100,
      opacity: 0.5,
    });
    const byGroup = contrast(frame([group], { fills: WHITE }));
    expect(byGroup[0]).toMatchObject({ foreground: "#ffffff", background: "#808080", ratio: 3.94 });
    // Fully opaque text on an opaque card passes.
    expect(
      contrast(frame([rect({ fills: [solid("#000000")] }), text("On card", { color: "#ffffff" })], { fills: WHITE })),
    ).toEqual([]);
  });

  it("composites semi-transparent fills over what lies beneath", () => {
    const scrim = rect({ fills: [solid("rgba(0, 0, 0, 0.25)")] });
    const found = contrast(frame([scrim, text("On scrim", { color: "#777777" })], { fills: WHITE }));
    expect(found[0]).toMatchObject({ background: "#bfbfbf", foreground: "#777777" });
    expect(found[0]!.ratio).toBe(2.43);
  });

  it("uses an earlier sibling only when its box contains the text's box", () => {
    const dark = [solid("#000000")];
    const inside = contrast(
      frame([rect({ fills: dark }), text("On dark", { color: "#333333" }, { x: 10, y: 10 })], { fills: WHITE }),
    );
    expect(inside[0]).toMatchObject({ background: "#000000" });
    const overflowing = contrast(
      frame([rect({ fills: dark }), text("Half off", { color: "#333333" }, { x: 150, y: 10 })], { fills: WHITE }),
    );
    expect(overflowing).toEqual([]); // judged on the white frame, where #333 passes
    // Layers painted after the text do not count as its background.
    const above = contrast(frame([text("Under", { color: "#333333" }), rect({ fills: dark })], { fills: WHITE }));
    expect(above).toEqual([]);
  });

  it("places auto layout children from the layout to find what is behind them", () => {
    const badge = rect({ name: "Badge", absolute: true, x: 100, y: 0, w: 100, h: 40, fills: [solid("#000000")] });
    // Flow: padding 10, gap 10 → first text at x 10, second at x 120 (inside the badge).
    const a = text("Left", { color: "#333333" }, { x: undefined, y: undefined, w: 100, h: 20 });
    const b = text("Right", { color: "#333333" }, { x: undefined, y: undefined, w: 60, h: 20 });
    const row = frame([badge, a, b], {
      fills: WHITE,
      w: 300,
      h: 40,
      layout: { dir: "row", gap: 10, padding: [10, 10, 10, 10], justify: "start", align: "start" },
    });
    expect(contrast(row).map((f) => [f.nodeId, f.background])).toEqual([[b.id, "#000000"]]);
  });

  it("reports gradients, images, vector shapes and missing fills behind the text as not computable", () => {
    const cases: [string, ReturnType<typeof rect>][] = [
      [
        "a gradient",
        rect({ name: "Hero", fills: [{ kind: "gradient", css: "linear-gradient(90deg, #fff 0%, #000 100%)" }] }),
      ],
      ["an image", rect({ name: "Photo", fills: [{ kind: "image", asset: "photo.png", fit: "cover" }] })],
      ["a vector shape", rect({ name: "Blob", kind: "vector", fills: WHITE })],
      ["a multiply blend", rect({ name: "Tint", fills: WHITE, blend: "multiply" })],
      ["a screen blend", rect({ name: "Glow", fills: [{ kind: "solid", color: "#ffffff", blend: "screen" }] })],
    ];
    for (const [what, behind] of cases) {
      const found = contrast(frame([behind, text("Caption")], { fills: WHITE }));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: "info", required: 4.5, foreground: "#000000" });
      expect(found[0]).not.toHaveProperty("ratio");
      expect(found[0]).not.toHaveProperty("background");
      expect(found[0]!.message).toContain(`cannot be computed: it sits on ${what}`);
    }
    // A semi-transparent fill over an image stays unknown; an opaque one hides it again.
    const photo = rect({ fills: [{ kind: "image", asset: "photo.png", fit: "cover" }] });
    expect(
      contrast(
        frame([photo, rect({ fills: [solid("rgba(0, 0, 0, 0.6)")] }), text("Over scrim", { color: "#ffffff" })]),
      )[0]?.severity,
    ).toBe("info");
    expect(
      contrast(frame([photo, rect({ fills: [solid("#000000")] }), text("Over card", { color: "#ffffff" })])),
    ).toEqual([]);
    // No fill at all under the text.
    expect(contrast(frame([text("Floating")]))[0]!.message).toContain("there is no opaque fill behind it");
    // Gradient text.
    expect(
      contrast(frame([text("Shiny", { color: "linear-gradient(90deg, #fff 0%, #000 100%)" })], { fills: WHITE }))[0]!
        .message,
    ).toContain("its colour is not a plain colour");
  });

  it("skips hidden layers, invisible layers and whitespace", () => {
    expect(
      contrast(
        frame(
          [
            text("Hidden", { color: "#eeeeee" }, { hidden: true }),
            text("Gone", { color: "#eeeeee" }, { opacity: 0 }),
            text("   ", { color: "#eeeeee" }),
          ],
          { fills: WHITE },
        ),
      ),
    ).toEqual([]);
    // A hidden card is not a background.
    expect(
      contrast(
        frame([rect({ fills: [solid("#000000")], hidden: true }), text("On white", { color: "#333333" })], {
          fills: WHITE,
        }),
      ),
    ).toEqual([]);
  });

  it("judges only the layers asked for with `within`, on the whole frame's background", () => {
    const card = frame([rect({ fills: [solid("#000000")] }), text("On card", { color: "#333333" })], {
      name: "Card",
      w: 200,
      h: 100,
    });
    const outside = text("Outside", { color: "#eeeeee" }, { y: 200 });
    const screen = frame([card, outside], { fills: WHITE });
    const onCard = card.children![1]!;
    expect(
      analyzeDesign(doc(screen), { within: [card.id] }).map((f) => [f.nodeId, f.kind === "contrast" && f.background]),
    ).toEqual([[onCard.id, "#000000"]]);
    expect(analyzeDesign(doc(screen)).map((f) => f.nodeId)).toEqual([onCard.id, outside.id]);
  });
});
