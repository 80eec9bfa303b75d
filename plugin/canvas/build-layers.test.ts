/**
 * Building layer descriptions on the simulator: auto layout, editable text with runs, paints and effects, a missing
 * font replaced and noted, one undo step, cancel and the limit leaving what was built whole, and a round trip of
 * real designers' frames (description → canvas → JSON_REST_V1 export → our REST reader) with the boxes compared.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type RestNode, readRestReply } from "../../codegen/rest/reply.js";
import { type AutoLayout, checkLayerDocument, type LayerDocument, type LayerNode } from "../../contract/layers.js";
import { bytesToBase64 } from "../../kernel/base64.js";
import { readFigmaFixture } from "../../test/figma-sim/node.js";
import {
  createFigmaSim,
  type FigmaSim,
  type FigmaSimOptions,
  installFigmaSim,
  type SimNode,
} from "../../test/figma-sim/sim.js";
import { png } from "../../test/helpers/canvas-file.js";
import { buildLayers, countLayers } from "./build-layers.js";
import { gradientTransform } from "./layer-paints.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

const REAL = "../real/figma-gpt-header.file.json";

function sim(options: Partial<FigmaSimOptions> = {}): FigmaSim {
  const s = createFigmaSim({ file: readFigmaFixture(REAL), ...options });
  restore = installFigmaSim(s);
  return s;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown, d = 0): number => (typeof v === "number" ? v : d);

/**
 * A description of a real REST frame, as the reader would give for the page our code makes of it: frames with their
 * auto layout, text with its style as one run, solid fills, radii, shadows; boxes relative to the parent. Other
 * layers (vectors, groups) become plain frames at their boxes.
 */
function describeRest(node: Json, parentBox = { x: 0, y: 0 }, inAuto = false): LayerNode {
  const b = isRecord(node["absoluteBoundingBox"]) ? node["absoluteBoundingBox"] : {};
  const abs = { x: num(b["x"]), y: num(b["y"]) };
  const box = { x: abs.x - parentBox.x, y: abs.y - parentBox.y, w: num(b["width"]), h: num(b["height"]) };
  const fills = (Array.isArray(node["fills"]) ? node["fills"] : [])
    .filter((p): p is Json => isRecord(p) && p["type"] === "SOLID" && p["visible"] !== false && isRecord(p["color"]))
    .map((p) => {
      const c = p["color"] as Json;
      return {
        type: "SOLID" as const,
        color: { r: num(c["r"]), g: num(c["g"]), b: num(c["b"]), a: num(c["a"], 1) },
        opacity: num(p["opacity"], 1),
      };
    });
  const name = String(node["name"] ?? "layer").slice(0, 200);
  const common = { name, box, ...(inAuto && node["layoutPositioning"] === "ABSOLUTE" ? { absolute: true } : {}) };
  if (node["type"] === "TEXT") {
    const style = isRecord(node["style"]) ? node["style"] : {};
    const characters = String(node["characters"] ?? "");
    const fill = fills[0]?.color ?? { r: 0, g: 0, b: 0, a: 1 };
    return {
      ...common,
      kind: "text",
      text: {
        characters,
        runs: [
          {
            start: 0,
            end: characters.length,
            family: String(style["fontFamily"] ?? "Inter"),
            weight: num(style["fontWeight"], 400),
            italic: style["italic"] === true,
            size: num(style["fontSize"], 12),
            letterSpacing: num(style["letterSpacing"]),
            decoration: "NONE",
            textCase: "ORIGINAL",
            fill,
          },
        ],
        align: "LEFT",
        alignVertical: "TOP",
        autoResize: "NONE",
      },
    };
  }
  const mode = node["layoutMode"];
  const auto = mode === "HORIZONTAL" || mode === "VERTICAL";
  const children = (Array.isArray(node["children"]) ? node["children"] : [])
    .filter((c): c is Json => isRecord(c) && c["visible"] !== false)
    .map((c) => describeRest(c, abs, auto && node["type"] !== "GROUP"));
  return {
    ...common,
    kind: "frame",
    fills,
    ...(node["clipsContent"] === true ? { clip: true } : {}),
    ...(auto
      ? {
          autoLayout: {
            mode,
            gap: Math.max(0, num(node["itemSpacing"])),
            padding: {
              top: num(node["paddingTop"]),
              right: num(node["paddingRight"]),
              bottom: num(node["paddingBottom"]),
              left: num(node["paddingLeft"]),
            },
            primaryAlign: String(node["primaryAxisAlignItems"] ?? "MIN") as AutoLayout["primaryAlign"],
            counterAlign: String(node["counterAxisAlignItems"] ?? "MIN") as AutoLayout["counterAlign"],
            wrap: false,
          },
        }
      : {}),
    ...(children.length > 0 ? { children } : {}),
  };
}

function realDocument(file: string, index = 0): { doc: LayerDocument; rest: Json } {
  const json = readFigmaFixture(file) as Json;
  const frames: Json[] = [];
  const visit = (n: unknown): void => {
    if (!isRecord(n)) return;
    if (["FRAME", "COMPONENT", "INSTANCE"].includes(String(n["type"])) && frames.length <= index) frames.push(n);
    else if (n["type"] === "DOCUMENT" || n["type"] === "CANVAS")
      for (const c of (n["children"] as unknown[]) ?? []) visit(c);
  };
  if (isRecord(json["nodes"]))
    for (const entry of Object.values(json["nodes"])) visit(isRecord(entry) ? entry["document"] : undefined);
  else visit(json["document"]);
  const rest = frames[index]!;
  const root = describeRest(rest);
  const doc = checkLayerDocument({
    name: root.name,
    width: root.box.w,
    root,
    notes: [],
    elements: countLayers(root),
    truncated: false,
  });
  return { doc, rest };
}

const run = (over: Partial<NonNullable<LayerNode["text"]>["runs"][number]> & { start: number; end: number }) => ({
  family: "Inter",
  weight: 400,
  italic: false,
  size: 16,
  letterSpacing: 0,
  decoration: "NONE" as const,
  textCase: "ORIGINAL" as const,
  fill: { r: 0, g: 0, b: 0, a: 1 },
  ...over,
});

const card = (): LayerNode => ({
  kind: "frame",
  name: "card",
  box: { x: 0, y: 0, w: 320, h: 200 },
  fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
  radii: { topLeft: 8, topRight: 8, bottomRight: 0, bottomLeft: 0 },
  stroke: {
    paint: { type: "SOLID", color: { r: 0.8, g: 0.8, b: 0.8, a: 1 } },
    weights: { top: 0, right: 0, bottom: 2, left: 0 },
  },
  effects: [
    { type: "DROP_SHADOW", color: { r: 0, g: 0, b: 0, a: 0.2 }, offset: { x: 0, y: 4 }, radius: 12, spread: 0 },
    { type: "BACKGROUND_BLUR", radius: 8 },
  ],
  clip: true,
  autoLayout: {
    mode: "VERTICAL",
    gap: 12,
    padding: { top: 16, right: 24, bottom: 16, left: 24 },
    primaryAlign: "CENTER",
    counterAlign: "MIN",
    wrap: false,
  },
  children: [
    {
      kind: "text",
      name: "title",
      box: { x: 24, y: 16, w: 272, h: 40 },
      sizing: { horizontal: { mode: "FILL" }, vertical: { mode: "HUG" } },
      text: {
        characters: "Hello bold world",
        runs: [
          run({ start: 0, end: 6 }),
          run({ start: 6, end: 10, weight: 700, decoration: "UNDERLINE", fill: { r: 1, g: 0, b: 0, a: 1 } }),
          run({ start: 10, end: 16, textCase: "UPPER", letterSpacing: 1.5, lineHeight: 24 }),
        ],
        align: "LEFT",
        alignVertical: "TOP",
        autoResize: "HEIGHT",
      },
    },
    {
      kind: "frame",
      name: "badge",
      tag: "span",
      absolute: true,
      constraints: { horizontal: "MAX", vertical: "MIN" },
      box: { x: 280, y: 8, w: 32, h: 16 },
      fills: [
        {
          type: "GRADIENT_LINEAR",
          handles: [
            { x: 0, y: 0.5 },
            { x: 1, y: 0.5 },
          ],
          stops: [
            { position: 0, color: { r: 1, g: 0, b: 0, a: 1 } },
            { position: 1, color: { r: 0, g: 0, b: 1, a: 1 } },
          ],
        },
      ],
      opacity: 0.5,
      blendMode: "MULTIPLY",
    },
    {
      kind: "image",
      name: "photo",
      box: { x: 24, y: 68, w: 96, h: 64 },
      image: { src: `data:image/png;base64,${bytesToBase64(png(96, 64))}`, scaleMode: "FILL" },
    },
    {
      kind: "vector",
      name: "icon",
      box: { x: 24, y: 144, w: 24, h: 24 },
      svg: '<svg width="24" height="24"><path d="M0 0L24 24"/></svg>',
    },
  ],
});

const docOf = (root: LayerNode, notes: LayerDocument["notes"] = []): LayerDocument =>
  checkLayerDocument({
    name: root.name,
    width: root.box.w,
    root,
    notes,
    elements: countLayers(root),
    truncated: false,
  });

const child = (node: SimNode, name: string): SimNode & Json => {
  const found = node.findOne((n) => n.name === name);
  if (!found) throw new Error(`no layer ${name}`);
  return found as SimNode & Json;
};

describe("buildLayers on the simulator", () => {
  it("builds auto layout, editable text with its runs, paints, strokes, radii, effects beside the frame", async () => {
    const s = sim();
    const beside = s.topLevel()[0]!;
    const result = await buildLayers(docOf(card()), { beside: beside as unknown as SceneNode });
    const root = s.node(result.rootId!) as SimNode & Json;
    expect(result).toMatchObject({ built: 5, total: 5, cancelled: false, notes: [] });
    expect(root.x).toBe(Math.round(beside.absoluteBoundingBox.x + beside.width + 40));
    expect(root).toMatchObject({
      name: "card",
      layoutMode: "VERTICAL",
      itemSpacing: 12,
      paddingLeft: 24,
      paddingTop: 16,
      primaryAxisAlignItems: "CENTER",
      clipsContent: true,
      topLeftRadius: 8,
      bottomLeftRadius: 0,
      strokeBottomWeight: 2,
      strokeTopWeight: 0,
      strokeAlign: "INSIDE",
    });
    expect((root["effects"] as Json[]).map((e) => e["type"])).toEqual(["DROP_SHADOW", "BACKGROUND_BLUR"]);
    const title = child(root, "title") as unknown as TextNode;
    expect(title.type).toBe("TEXT");
    expect(title.characters).toBe("Hello bold world");
    expect(title.getRangeFontName(6, 10)).toEqual({ family: "Inter", style: "Bold" });
    expect(title.getRangeFontName(0, 6)).toEqual({ family: "Inter", style: "Regular" });
    expect(title.getRangeTextDecoration(6, 10)).toBe("UNDERLINE");
    expect(title.getRangeTextCase(10, 16)).toBe("UPPER");
    expect(title.getRangeLetterSpacing(10, 16)).toEqual({ unit: "PIXELS", value: 1.5 });
    expect(title.getRangeLineHeight(10, 16)).toEqual({ unit: "PIXELS", value: 24 });
    expect(title.getRangeFills(6, 10)).toEqual([{ type: "SOLID", color: { r: 1, g: 0, b: 0 }, opacity: 1 }]);
    expect(title.getRangeFontName(0, 16)).toBe(s.figma["mixed"]);
    expect(title.textAutoResize).toBe("HEIGHT");
    expect(title.width).toBe(272);
    const badge = child(root, "badge");
    expect(badge).toMatchObject({
      layoutPositioning: "ABSOLUTE",
      constraints: { horizontal: "MAX", vertical: "MIN" },
      opacity: 0.5,
      blendMode: "MULTIPLY",
    });
    expect([badge.x, badge.y]).toEqual([280, 8]);
    expect((badge["fills"] as Json[])[0]).toMatchObject({ type: "GRADIENT_LINEAR" });
    const photo = child(root, "photo");
    const hash = s.record.images[0]!.hash;
    expect((photo["fills"] as Json[])[0]).toMatchObject({ type: "IMAGE", imageHash: hash, scaleMode: "FILL" });
    const icon = child(root, "icon");
    expect([icon.type, icon.width, icon.children?.[0]?.type]).toEqual(["FRAME", 24, "VECTOR"]);
    // One undo step for the whole insertion, and the new layers selected.
    expect(s.record.undo.steps).toHaveLength(1);
    expect(s.record.undo.pending).toEqual([]);
    expect(s.currentPage().selection.map((n) => n.id)).toEqual([root.id]);
  });

  it("replaces a missing font by the closest available one and names it in a note", async () => {
    const s = sim({
      fonts: [
        { family: "Inter", style: "Regular" },
        { family: "Inter", style: "Bold" },
        { family: "Roboto", style: "Regular" },
        { family: "Roboto", style: "Medium" },
      ],
    });
    const root = card();
    root.children![0]!.text!.runs = [
      run({ start: 0, end: 6, family: "Roboto", weight: 700 }),
      run({ start: 6, end: 16, family: "Fancy Sans", weight: 400 }),
    ];
    const result = await buildLayers(docOf(root));
    expect(result.notes).toEqual([
      "Font replaced: Roboto Bold → Roboto Medium.",
      "Font replaced: Fancy Sans Regular → Inter Regular.",
    ]);
    const title = child(s.node(result.rootId!), "title") as unknown as TextNode;
    expect(title.getRangeFontName(0, 6)).toEqual({ family: "Roboto", style: "Medium" });
    expect(title.characters).toBe("Hello bold world");
  });

  it("notes an image that is not inline and places a placeholder", async () => {
    sim();
    const root = card();
    root.children![2]!.image = { src: "https://example.com/a.png", scaleMode: "FIT" };
    const result = await buildLayers(docOf(root));
    expect(result.notes).toEqual([
      "The image https://example.com/a.png did not load; a grey placeholder stands in for it.",
    ]);
  });

  it("hides the placeholder of an image over a colour (a CSS background that did not load: its colour)", async () => {
    const s = sim();
    const root = card();
    root.fills = [
      { type: "SOLID", color: { r: 1, g: 0.8, b: 0.2, a: 1 } },
      { type: "IMAGE", src: "https://example.com/bg.png", scaleMode: "TILE" },
    ];
    const result = await buildLayers(docOf(root));
    const fills = s.node(result.rootId!)["fills"] as Json[];
    expect(fills.map((f) => [f["type"], f["visible"]])).toEqual([
      ["SOLID", undefined],
      ["SOLID", false],
    ]);
    // An image layer's own placeholder (nothing under it) stays visible.
    const photo = child(s.node(result.rootId!), "photo");
    expect((photo["fills"] as Json[])[0]).toMatchObject({ type: "IMAGE" });
  });

  it("stops between layers when cancelled, keeping what it built whole, in one undo step", async () => {
    const s = sim();
    let calls = 0;
    const result = await buildLayers(docOf(card()), { cancelled: () => ++calls > 3 });
    expect(result).toMatchObject({ built: 3, total: 5, cancelled: true });
    expect(result.notes).toEqual(["Cancelled: 3 of 5 layers were built and kept."]);
    const root = s.node(result.rootId!);
    expect(root.children!.map((c) => c.name)).toEqual(["title", "badge"]);
    expect((child(root, "title") as unknown as TextNode).characters).toBe("Hello bold world");
    expect(s.record.undo.steps).toHaveLength(1);
  });

  it("builds at most `limit` layers and says so; reports progress per layer", async () => {
    const s = sim();
    const progress: number[] = [];
    const result = await buildLayers(docOf(card()), { limit: 2, onProgress: (n, total) => progress.push(n / total) });
    expect(result).toMatchObject({ built: 2, total: 5, cancelled: false });
    expect(result.notes).toEqual(["Built 2 of 5 layers: at most 2 are inserted at once."]);
    expect(progress).toEqual([0.2, 0.4]);
    expect(s.node(result.rootId!).children!.map((c) => c.name)).toEqual(["title"]);
  });

  it("maps gradient handles to Figma's gradientTransform (a left-to-right gradient is the identity)", () => {
    const t = gradientTransform(false, [
      { x: 0, y: 0.5 },
      { x: 1, y: 0.5 },
      { x: 0, y: 1 },
    ]);
    expect(t.flat().map((n) => Math.round(n * 1e9) / 1e9 + 0)).toEqual([1, 0, 0, 0, 1, 0]);
  });
});

describe("round trip of real frames: description → canvas → JSON_REST_V1 → our REST reader", () => {
  type Box = { x: number; y: number; width: number; height: number };
  const boxOf = (node: RestNode): Box => node["absoluteBoundingBox"] as Box;
  const boxes = (node: RestNode, origin = boxOf(node), out: Map<string, number[]> = new Map()) => {
    const b = boxOf(node);
    out.set(`${out.size}:${node.name.slice(0, 200)}`, [b.x - origin.x, b.y - origin.y, b.width, b.height]);
    for (const c of node.children ?? []) if (c.visible !== false) boxes(c, origin, out);
    return out;
  };
  const iou = (a: number[], b: number[]): number => {
    // A line's box has no area (Figma's thinnest layer is 0.01 px): it matches when every edge is within half a px.
    if (Math.min(a[2]!, a[3]!, b[2]!, b[3]!) < 0.5) return a.every((v, i) => Math.abs(v - b[i]!) < 0.5) ? 1 : 0;
    const w = Math.max(0, Math.min(a[0]! + a[2]!, b[0]! + b[2]!) - Math.max(a[0]!, b[0]!));
    const h = Math.max(0, Math.min(a[1]! + a[3]!, b[1]! + b[3]!) - Math.max(a[1]!, b[1]!));
    return (w * h) / (a[2]! * a[3]! + b[2]! * b[3]! - w * h);
  };

  it.each([REAL, "../real/template-microsite.nodes.json"])("%s: same layers, names, text and boxes", async (file) => {
    const s = sim({ file: readFigmaFixture(file) });
    const { doc, rest } = realDocument(file);
    const result = await buildLayers(doc);
    const exported = await (s.node(result.rootId!) as unknown as FrameNode).exportAsync({ format: "JSON_REST_V1" });
    const back = readRestReply(exported).roots[0]!;
    const original = readRestReply({ document: rest }).roots[0]!;
    const want = boxes(original);
    const got = boxes(back);
    expect([...got.keys()]).toEqual([...want.keys()]);
    const scores = [...want].map(([k, box]) => iou(box, got.get(k)!));
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    console.log(`${file}: ${scores.length} layers, mean IoU ${mean.toFixed(4)}`);
    // Measured: figma-gpt-header 41 layers, template-microsite 177 layers (see the commit message).
    expect(mean).toBeGreaterThanOrEqual(0.97);
  });
});
