/**
 * How closely a layout engine without a browser (codegen/layout/simulate.ts, yoga.ts) lays out what the emitters
 * write, against Chromium laying out the emitted HTML itself (issue 49). Per frame: the design tree inferred as the
 * emitters infer it (codegen/layout inferFrame), its HTML with layer ids (generateCode, HTML target), rendered at the
 * design width (viewport = the frame's width × height) with the design's fonts (its Google-served families answered
 * from the @fontsource devDependencies, the others linked as installed where a package has them:
 * designFontsPage), every layer's box read by id (codegen/fidelity/probe.ts probeBoxes, relative to the frame
 * root), and each engine's boxes of the same inferred tree compared with them layer by layer. Shared by
 * bench/engines.ts and the browser test of the fallback engine.
 */
import type { Page } from "playwright-core";
import { withPage, type PageHost, type PageOptions } from "../../cli/measure/browser.js";
import { resultPage } from "../../cli/measure/result-page.js";
import type { DesignDocument, DesignNode } from "../../codegen/design/types.js";
import { probeBoxes } from "../../codegen/fidelity/probe.js";
import { generateCode, loadDesign } from "../../codegen/index.js";
import { isFigmentError } from "../../kernel/errors.js";
import type { Box } from "../../codegen/layout/boxes.js";
import { inferFrame } from "../../codegen/layout/index.js";
import { corpusImages, corpusJson, corpusPages } from "./corpus-frames.js";
import { fixtureFiles, fixtureRoots } from "./fixture-fidelity.js";
import { designFontsPage } from "./google-fonts.js";
import { realFiles, topLevelFrames } from "./real-files.js";

/** A layout engine: every node of an inferred frame laid out at its design width, frame coordinates. */
export type LayoutEngine = (frame: DesignNode) => Map<DesignNode, Box>;

/** Px a layer may differ on a side (a rendering's rounding), as the self-check allows (check.ts TOLERANCE). */
export const NEAR = 2;
/** Px past which a difference is one a reader sees at once. */
export const FAR = 8;

/**
 * What a layer is, for what an engine mis-models: a text (its lines' height, its wrapping), a layer inside a rotated
 * one (the browser reports its turned bounding box), a layer placed absolutely (by constraints), a box hugging its
 * content, an item of a flow, or anything else (a layer of a container without layout, placed by its container).
 */
export type LayerKind = "text" | "rotated" | "absolute" | "hugging" | "flow" | "other";
export const LAYER_KINDS: readonly LayerKind[] = ["text", "rotated", "absolute", "hugging", "flow", "other"];

/** One frame to measure. */
export interface AgreementFrame {
  key: string;
  source: "real" | "fixture" | "corpus";
  file: string;
  name: string;
  document: DesignDocument;
  page: PageOptions;
}

export interface LayerDelta {
  id: string;
  name: string;
  kind: LayerKind;
  engine: Box;
  browser: Box;
  /** The largest difference of the four sides, px. */
  delta: number;
}

export interface EngineAgreement {
  compared: number;
  near: number;
  far: number;
  worst: number;
  byKind: Record<LayerKind, { compared: number; near: number; far: number }>;
  /** Every layer off by more than NEAR, worst first. */
  off: LayerDelta[];
}

export interface FrameAgreement {
  frame: AgreementFrame;
  width: number;
  height: number;
  /** Layers the engines placed that the page shows no element for (drawn inside a picture, or not rendered). */
  unseen: number;
  fonts: { loaded: string[]; missing: string[] };
  engines: Record<string, EngineAgreement>;
}

/** Every visible top-level frame of the real files, of the sample files and every corpus page, in that order. */
export function agreementFrames(): { frames: AgreementFrame[]; skipped: string[] } {
  const frames: AgreementFrame[] = [];
  const skipped: string[] = [];
  const add = (frame: Omit<AgreementFrame, "document" | "page">, json: unknown, load: () => DesignDocument): void => {
    try {
      frames.push({ ...frame, document: load(), page: designFontsPage(json) });
    } catch (error) {
      if (!isFigmentError(error, "input")) throw error;
      skipped.push(`${frame.file} ${frame.name}: ${(error as Error).message.split("\n")[0]}`);
    }
  };
  for (const file of realFiles())
    for (const frame of topLevelFrames(file).filter((f) => !f.hidden))
      add(
        { key: `${file.name}#${frame.id}`, source: "real", file: file.name, name: frame.name },
        file.json,
        () => loadDesign(file.json, [frame.id]).document,
      );
  for (const file of fixtureFiles())
    for (const root of fixtureRoots(file))
      add(
        { key: `${file}#${root.id}`, source: "fixture", file, name: String(root.name ?? "") },
        { document: root },
        () => loadDesign({ document: root }, []).document,
      );
  for (const page of corpusPages()) {
    const json = corpusJson(page);
    add(
      { key: `corpus/${page.name}`, source: "corpus", file: `corpus/${page.name}.nodes.json`, name: page.name },
      json,
      () => loadDesign(json, [], { images: corpusImages(json) }).document,
    );
  }
  return { frames, skipped };
}

/** Every visible node of `root` with its parent and the rotated layers it lies in (itself too), depth first. */
function* nodesOf(
  root: DesignNode,
  parent?: DesignNode,
  turned: readonly DesignNode[] = [],
): Generator<[DesignNode, DesignNode | undefined, readonly DesignNode[]]> {
  const chain = root.rotation ? [...turned, root] : turned;
  yield [root, parent, chain];
  for (const child of root.children ?? []) if (!child.hidden) yield* nodesOf(child, root, chain);
}

/**
 * `box` as the browser reports a layer inside rotated ones (`turned`, outermost first): the bounding box of its corners
 * turned about each one's centre (CSS `rotate()`, clockwise, about the box's middle), innermost first.
 */
function turnedBox(box: Box, turned: readonly DesignNode[], placed: ReadonlyMap<DesignNode, Box>): Box {
  let corners = [
    [box.x, box.y],
    [box.x + box.w, box.y],
    [box.x, box.y + box.h],
    [box.x + box.w, box.y + box.h],
  ];
  for (const node of [...turned].reverse()) {
    const at = placed.get(node);
    if (!at) continue;
    const a = ((node.rotation ?? 0) * Math.PI) / 180;
    const [cx, cy] = [at.x + at.w / 2, at.y + at.h / 2];
    corners = corners.map(([x, y]) => [
      cx + (x! - cx) * Math.cos(a) - (y! - cy) * Math.sin(a),
      cy + (x! - cx) * Math.sin(a) + (y! - cy) * Math.cos(a),
    ]);
  }
  const xs = corners.map((c) => c[0]!);
  const ys = corners.map((c) => c[1]!);
  return {
    x: Math.min(...xs),
    y: Math.min(...ys),
    w: Math.max(...xs) - Math.min(...xs),
    h: Math.max(...ys) - Math.min(...ys),
  };
}

export function layerKind(node: DesignNode, parent: DesignNode | undefined, rotated: boolean): LayerKind {
  if (rotated) return "rotated";
  if (node.text) return "text";
  if (node.absolute || (parent && !parent.layout && node.x !== undefined)) return "absolute";
  if (node.layout && (node.sizeH === "hug" || node.sizeV === "hug")) return "hugging";
  if (parent?.layout) return "flow";
  return "other";
}

const sides = (a: Box, b: Box): number =>
  Math.max(
    Math.abs(a.x - b.x),
    Math.abs(a.y - b.y),
    Math.abs(a.x + a.w - (b.x + b.w)),
    Math.abs(a.y + a.h - (b.y + b.h)),
  );

/** The families the frame's texts use. */
export function familiesOf(frame: DesignNode): string[] {
  const out = new Set<string>();
  for (const [node] of nodesOf(frame)) {
    if (!node.text) continue;
    out.add(node.text.style.family);
    for (const run of node.text.runs ?? []) if (run.style.family) out.add(run.style.family);
  }
  return [...out].filter((f) => f.trim() !== "").sort();
}

/**
 * In the page: which of `families` it has a font for: a face of the family that loaded, or a font the system has (it
 * renders unlike each generic family), as the text probe tells them (codegen/fidelity/text-probe.ts pageFacts).
 */
function probeFonts(families: readonly string[]): { loaded: string[]; missing: string[] } {
  interface Ctx {
    font: string;
    measureText(text: string): { width: number };
  }
  const g = globalThis as unknown as {
    document: {
      createElement(tag: "canvas"): { getContext(kind: "2d"): Ctx | null };
      fonts: Iterable<{ family: string; status: string }>;
    };
  };
  const faces = new Set<string>();
  for (const face of g.document.fonts)
    if (face.status === "loaded") faces.add(face.family.replace(/^["']|["']$/g, "").toLowerCase());
  const ctx = g.document.createElement("canvas").getContext("2d");
  const width = (font: string): number => {
    if (!ctx) return 0;
    ctx.font = font;
    return ctx.measureText("mmmmmmmmmmlli WQ@#0123456789").width;
  };
  const installed = (family: string): boolean => {
    const quoted = `"${family.replace(/["\\]/g, "")}"`;
    return ["monospace", "serif", "sans-serif"].some(
      (generic) => width(`72px ${quoted}, ${generic}`) !== width(`72px ${generic}`),
    );
  };
  const loaded: string[] = [];
  const missing: string[] = [];
  for (const family of families) (faces.has(family.toLowerCase()) || installed(family) ? loaded : missing).push(family);
  return { loaded, missing };
}

/** The frame inferred as the emitters infer it: the tree the engines lay out and the HTML is written from. */
export function inferredFrame(frame: AgreementFrame): DesignNode {
  const drawn = frame.document.frames[0];
  if (!drawn) throw new Error(`${frame.key}: no frame`);
  return inferFrame(drawn);
}

/** Chromium's boxes of every layer of `inferred` with an id, relative to the frame root (null: no element shown). */
export async function browserBoxes(
  host: PageHost,
  frame: AgreementFrame,
  inferred: DesignNode,
): Promise<{ boxes: Map<string, Box | null>; fonts: { loaded: string[]; missing: string[] } }> {
  const code = await generateCode(
    { ...frame.document, frames: [inferred] },
    { target: "html", styling: "css-modules", nodeIds: true },
  );
  const page = await resultPage(code.files, "html");
  const ids = [...new Set([...nodesOf(inferred)].map(([n]) => n.id).filter((id) => id !== "" && id !== inferred.id))];
  const viewport = { width: Math.max(1, Math.round(inferred.w)), height: Math.max(1, Math.round(inferred.h)) };
  return withPage(
    host,
    page.files,
    page.entry,
    viewport,
    async (p: Page) => {
      const probe = await p.evaluate(probeBoxes, { rootId: inferred.id, ids });
      const fonts = await p.evaluate(probeFonts, familiesOf(inferred));
      const root = probe.root;
      if (!root) throw new Error(`${frame.key}: no element carries the frame's id`);
      const boxes = new Map<string, Box | null>();
      probe.elements.forEach((el, i) => {
        boxes.set(ids[i]!, el?.rendered ? { x: el.x - root.x, y: el.y - root.y, w: el.width, h: el.height } : null);
      });
      return { boxes, fonts };
    },
    frame.page,
  );
}

/** An engine's boxes of `inferred` against the browser's, layer by layer. */
export function compareEngine(
  inferred: DesignNode,
  engine: LayoutEngine,
  browser: ReadonlyMap<string, Box | null>,
): EngineAgreement {
  const placed = engine(inferred);
  const byKind = Object.fromEntries(LAYER_KINDS.map((k) => [k, { compared: 0, near: 0, far: 0 }])) as Record<
    LayerKind,
    { compared: number; near: number; far: number }
  >;
  const off: LayerDelta[] = [];
  let compared = 0;
  let worst = 0;
  for (const [node, parent, turned] of nodesOf(inferred)) {
    if (node === inferred || !node.id) continue;
    const laid = placed.get(node);
    const theirs = browser.get(node.id);
    if (!laid || !theirs) continue;
    const mine = turned.length > 0 ? turnedBox(laid, turned, placed) : laid;
    const kind = layerKind(node, parent, turned.length > 0);
    const delta = sides(mine, theirs);
    compared++;
    byKind[kind].compared++;
    worst = Math.max(worst, delta);
    if (delta > NEAR) {
      byKind[kind].near++;
      off.push({ id: node.id, name: node.name, kind, engine: mine, browser: theirs, delta });
    }
    if (delta > FAR) byKind[kind].far++;
  }
  off.sort((a, b) => b.delta - a.delta);
  return {
    compared,
    near: off.length,
    far: off.filter((d) => d.delta > FAR).length,
    worst,
    byKind,
    off,
  };
}

/** One frame measured: the browser's boxes once, each engine's against them. */
export async function frameAgreement(
  host: PageHost,
  frame: AgreementFrame,
  engines: Readonly<Record<string, LayoutEngine>>,
): Promise<FrameAgreement> {
  const inferred = inferredFrame(frame);
  const { boxes, fonts } = await browserBoxes(host, frame, inferred);
  const out: Record<string, EngineAgreement> = {};
  for (const [name, engine] of Object.entries(engines)) out[name] = compareEngine(inferred, engine, boxes);
  let unseen = 0;
  for (const box of boxes.values()) if (!box) unseen++;
  return { frame, width: inferred.w, height: inferred.h, unseen, fonts, engines: out };
}
