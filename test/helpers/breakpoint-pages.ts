/**
 * Pages drawn at several widths in the real designers' files (issue 70), and how their one responsive page measures:
 * at each drawn width, IoU×matched against that frame (beside the frame's own `--exact-layout` output), what a reader
 * sees of its texts at 390, 768 and 1024 and whether the page scrolls sideways there, and the page's size beside the
 * larger frame's own output. The bench section breakpoints and test/breakpoints.browser.test.ts measure with it.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { withPage, type PageHost, type PageOptions } from "../../cli/measure/browser.js";
import { chromiumEngine } from "../../cli/measure/layout-engine.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { answerSteps } from "../../cli/measure/score.js";
import { pageDrawings, withDrawings } from "../../codegen/design/drawings.js";
import { layerClusters } from "../../codegen/design/layer-match.js";
import type { DesignDocument } from "../../codegen/design/types.js";
import { drawnFrame } from "../../codegen/layout/index.js";
import type { Target } from "../../codegen/targets.js";
import { pageFacts } from "../../codegen/emit/drawings/page.js";
import { scoreBoxes } from "../../codegen/fidelity/box-score.js";
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import { figuresOf, measurePlan } from "../../codegen/fidelity/measurement.js";
import { generateCode, loadDesign, type CodeOptions } from "../../codegen/index.js";
import { checkLayout } from "../../codegen/layout-check/index.js";
import type { SourceFile } from "../../codegen/types.js";
import { serveGoogleFonts } from "./google-fonts.js";
import { realFiles } from "./real-files.js";
import { fixturesRoot } from "./responsive-frames.js";
import { findPageGroups } from "../../codegen/design/page-groups.js";
import type { DesignNode } from "../../codegen/design/types.js";

export const BETWEEN = [390, 768, 1024] as const;

export interface BreakpointGroup {
  key: string;
  /** The file's name in test/fixtures/real without `.file.json` (`fitma-shop`), or a path under test/fixtures. */
  file: string;
  /** Frame ids, widest first. */
  ids: string[];
}

/**
 * Every page the grouping finds drawn at several widths (codegen/design/page-groups.ts) in the real designers' files
 * and the sample files, as the whole-file run makes them.
 */
export function foundBreakpointGroups(): BreakpointGroup[] {
  const out: BreakpointGroup[] = [];
  const figma = join(fixturesRoot(), "figma");
  const files: [name: string, json: unknown][] = [
    ...realFiles().map((f): [string, unknown] => [f.name.replace(/\.(file|nodes)\.json$/, ""), f.json]),
    ...readdirSync(figma)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f): [string, unknown] => [`figma/${f}`, JSON.parse(readFileSync(join(figma, f), "utf8"))]),
  ];
  for (const [name, json] of files) {
    let frames: DesignNode[];
    try {
      frames = loadDesign(json, [], {}, { topLevel: "frames" }).document.frames;
    } catch {
      continue;
    }
    for (const group of findPageGroups(frames))
      out.push({
        key: `${name.replace(/^figma\//, "").split(/[-.]/)[0]} ${group.frames[0]!.name}`,
        file: name,
        ids: group.frames.map((f) => f.id),
      });
  }
  return out;
}

/** The real pairs and triples (frames of one page at several widths) in test/fixtures/real. */
export const BREAKPOINT_GROUPS: readonly BreakpointGroup[] = [
  {
    key: "flora Home",
    file: "flora",
    ids: ["8203:59903", "8238:1241", "8238:18962"],
  },
  {
    key: "flora Order Modal",
    file: "flora",
    ids: ["8211:116360", "8238:18854", "8238:19230"],
  },
  {
    key: "flora Product Details",
    file: "flora",
    ids: ["8211:116592", "8238:18874", "8238:19250"],
  },
  { key: "fitma Home Page", file: "fitma-shop", ids: ["0:456", "0:710"] },
  { key: "fitma Cart", file: "fitma-shop", ids: ["0:267", "0:809"] },
  { key: "fitma Product Details", file: "fitma-shop", ids: ["0:268", "0:745"] },
];

export interface DrawnWidthRow {
  width: number;
  frame: string;
  /** IoU×matched at this drawn width against this frame: the page, and the frame's own exact-layout output. */
  page: number;
  exact: number;
}

export interface BreakpointRow {
  key: string;
  widths: number[];
  drawn: DrawnWidthRow[];
  /** By width (390, 768, 1024): share of text seen (of the drawing that applies there) and sideways scroll px. */
  seen: Record<number, number>;
  /** The same, of the applying frame's own page (generated alone). */
  ownSeen: Record<number, number>;
  overflow: Record<number, number>;
  /** Markup + CSS bytes: the page, the larger frame's own output. */
  bytes: number;
  largerBytes: number;
  perDrawing: number;
}

const HTML: CodeOptions = {
  target: "html",
  styling: "css-modules",
  nodeIds: true,
};
const PAGE: PageOptions = { serve: serveGoogleFonts };

function fileJson(name: string): unknown {
  if (name.startsWith("figma/")) return JSON.parse(readFileSync(join(fixturesRoot(), name), "utf8"));
  const file = realFiles().find((f) => f.name.startsWith(`${name}.`));
  if (!file) throw new Error(`no real file ${name}`);
  return file.json;
}

function restNode(json: unknown, id: string): RestNode {
  let found: RestNode | undefined;
  const walk = (node: { id?: string; children?: unknown[] }): void => {
    if (found) return;
    if (node.id === id) found = node as unknown as RestNode;
    else for (const child of node.children ?? []) walk(child as { id?: string; children?: unknown[] });
  };
  walk((json as { document: { children?: unknown[] } }).document);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

const MARKUP = /\.(html|tsx|vue|svelte)$/;

/**
 * Each element answers to drawing `ids`' layer: its `data-node-id` made the one of its `data-node-ids` there. With
 * the page's layer clusters (id → cluster, design/layer-match.ts), a component's use too, which carries one
 * `data-node-id` (Svelte's and Angular's `dataNodeId`: the widest drawing's instance) and derives its layers' ids
 * from it: made the drawing's instance of
 * that cluster, when no other element of the files answers to that one already (a use written per drawing).
 */
export function asDrawing(
  files: readonly SourceFile[],
  ids: ReadonlySet<string>,
  clusters?: ReadonlyMap<string, string>,
): SourceFile[] {
  const first = files.map((file) =>
    file.bytes || !MARKUP.test(file.path)
      ? file
      : {
          ...file,
          content: file.content.replace(
            /data-node-id="([^"]*)"([^>]*?)data-node-ids="([^"]*)"/g,
            (whole, _id: string, between: string, all: string) => {
              const mine = all.split(" ").find((id) => ids.has(id));
              return mine ? `data-node-id="${mine}"${between}data-node-ids="${all}"` : whole;
            },
          ),
        },
  );
  if (!clusters) return first;
  const mine = new Map<string, string>();
  for (const id of ids) {
    const cluster = clusters.get(id);
    if (cluster !== undefined) mine.set(cluster, id);
  }
  const present = new Set<string>();
  for (const file of first)
    if (!file.bytes && MARKUP.test(file.path))
      for (const m of file.content.matchAll(/(?:data-node-id|dataNodeId)="([^"]*)"/g)) present.add(m[1]!);
  return first.map((file) =>
    file.bytes || !MARKUP.test(file.path)
      ? file
      : {
          ...file,
          content: file.content.replace(
            /(<[A-Za-z][\w-]*\b[^<>]*?\s(?:data-node-id|dataNodeId)=")([^"]*)"/g,
            (whole, head: string, id: string) => {
              if (ids.has(id)) return whole;
              const cluster = clusters.get(id);
              const to = cluster === undefined ? undefined : mine.get(cluster);
              return to === undefined || present.has(to) ? whole : `${head}${to}"`;
            },
          ),
        },
  );
}

/** The page's layer clusters (as buildPage matches them). */
export function pageClusters(doc: DesignDocument): Map<string, string> {
  return layerClusters(pageDrawings(doc, doc.frames[0]!).map((d) => drawnFrame(d)));
}

const bytesOf = (files: readonly SourceFile[]): number =>
  files
    .filter((f) => !f.bytes && /\.(html|css)$/.test(f.path))
    .reduce((sum, f) => sum + Buffer.byteLength(f.content), 0);

function layerIds(node: RestNode, out = new Set<string>()): Set<string> {
  out.add(node.id);
  for (const child of (node as { children?: RestNode[] }).children ?? []) layerIds(child, out);
  return out;
}

async function iouAt(host: PageHost, files: SourceFile[], frame: RestNode, target: Target = "html"): Promise<number> {
  const result = await resultPage(files, target);
  const plan = measurePlan(frame, [0]);
  const answers = await withPage(host, result.files, result.entry, plan.steps[0]!, (p) => answerSteps(p, plan), PAGE);
  const design = answers.find((a) => a.boxes);
  if (!design?.boxes) throw new Error("no boxes at the design width");
  const fidelity = scoreBoxes(plan.frame, plan.nodes, design.boxes, false);
  if (process.env["BP_DEBUG"])
    console.log(
      target,
      fidelity.meanIoU,
      fidelity.matched,
      JSON.stringify(fidelity.unmatched.slice(0, 20)),
      JSON.stringify(fidelity.worst.slice(0, 8)),
    );
  return fidelity.meanIoU * fidelity.matched;
}

export interface TargetWidthRow {
  width: number;
  frame: string;
  /**
   * IoU×matched at this drawn width against this frame: the target's page, the target's output of the frame alone,
   * HTML's page of the same drawings.
   */
  page: number;
  own: number;
  html: number;
}

/**
 * A component target's page of a group's drawings (CSS modules, rendered as the panel's preview renders it) beside
 * HTML's, at each drawn width against that width's frame.
 */
export async function measureTargetWidths(
  host: PageHost,
  group: BreakpointGroup,
  target: Target,
): Promise<TargetWidthRow[]> {
  const json = fileJson(group.file);
  const doc = withDrawings(loadDesign(json, group.ids).document, [group.ids]);
  const check = await checkLayout(doc, chromiumEngine(host, PAGE));
  const html = (await generateCode(doc, { ...HTML, layoutDecisions: check.decisions })).files;
  const mine = (
    await generateCode(doc, { target, styling: "css-modules", nodeIds: true, layoutDecisions: check.decisions })
  ).files;
  const clusters = pageClusters(doc);
  const rows: TargetWidthRow[] = [];
  for (const id of group.ids) {
    const frame = restNode(json, id);
    const ids = layerIds(frame);
    rows.push({
      width: Math.round((frame as { absoluteBoundingBox: { width: number } }).absoluteBoundingBox.width),
      frame: String((frame as { name?: string }).name ?? ""),
      page: await iouAt(host, asDrawing(mine, ids, clusters), frame, target),
      own: await ownIou(host, json, frame, target),
      html: await iouAt(host, asDrawing(html, ids, clusters), frame),
    });
  }
  return rows;
}

/** The target's output of `frame` alone (its own layout check), at its width. */
async function ownIou(host: PageHost, json: unknown, frame: RestNode, target: Target): Promise<number> {
  const own = loadDesign(json, [frame.id]).document;
  const check = await checkLayout(own, chromiumEngine(host, PAGE));
  const files = (
    await generateCode(own, { target, styling: "css-modules", nodeIds: true, layoutDecisions: check.decisions })
  ).files;
  return iouAt(host, files, frame, target);
}

export async function measureBreakpoints(
  host: PageHost,
  group: BreakpointGroup,
  keep?: string,
): Promise<BreakpointRow> {
  const json = fileJson(group.file);
  const loaded = loadDesign(json, group.ids).document;
  const doc = withDrawings(loaded, [group.ids]);
  const check = await checkLayout(doc, chromiumEngine(host, PAGE));
  const code = await generateCode(doc, {
    ...HTML,
    layoutDecisions: check.decisions,
  });
  if (keep) writeFiles(join(keep, group.key.replace(/[^\w.-]+/g, "_")), code.files);
  const facts = pageFacts.get(doc.frames[0]!) ?? { widths: [], perDrawing: 0 };
  const frames = group.ids.map((id) => restNode(json, id));
  const widths = frames.map((f) =>
    Math.round((f as { absoluteBoundingBox: { width: number } }).absoluteBoundingBox.width),
  );
  const drawn: DrawnWidthRow[] = [];
  let largerBytes = 0;
  for (const [k, frame] of frames.entries()) {
    const mine = asDrawing(code.files, layerIds(frame));
    const page = await iouAt(host, mine, frame);
    const own = loadDesign(json, [frame.id]).document;
    const exactFiles = (await generateCode(own, { ...HTML, layout: "exact" })).files;
    const exact = await iouAt(host, exactFiles, frame);
    if (k === 0) {
      const ownCheck = await checkLayout(own, chromiumEngine(host, PAGE));
      largerBytes = bytesOf(
        (await generateCode(own, { ...HTML, nodeIds: false, layoutDecisions: ownCheck.decisions })).files,
      );
    }
    drawn.push({
      width: widths[k]!,
      frame: String((frame as { name?: string }).name ?? ""),
      page,
      exact,
    });
  }
  // Between the drawn widths: the drawing that applies at each width (the widest drawn at or below it, else the
  // narrowest) is the one its texts are read against.
  const seen: Record<number, number> = {};
  const ownSeen: Record<number, number> = {};
  const overflow: Record<number, number> = {};
  const ownFiles = new Map<number, SourceFile[]>();
  for (const w of BETWEEN) {
    const k = widths.findIndex((dw) => dw <= w);
    const index = k >= 0 ? k : widths.length - 1;
    const frame = frames[index]!;
    const at = async (files: SourceFile[]): Promise<{ seen: number; overflow: number }> => {
      const result = await resultPage(files, "html");
      const plan = measurePlan(frame, [w]);
      const step = plan.steps.find((s) => s.width === w) ?? plan.steps[0]!;
      const answers = await withPage(
        host,
        result.files,
        result.entry,
        step,
        (p) => answerSteps(p, { ...plan, steps: [step] }),
        PAGE,
      );
      const figures = figuresOf(plan, answers).find((f) => f.width === w);
      return { seen: figures?.textVisible ?? 0, overflow: figures?.overflowPx ?? 0 };
    };
    const mine = await at(asDrawing(code.files, layerIds(frame)));
    seen[w] = mine.seen;
    overflow[w] = mine.overflow;
    if (!ownFiles.has(index)) {
      const own = loadDesign(json, [frame.id]).document;
      const ownCheck = await checkLayout(own, chromiumEngine(host, PAGE));
      ownFiles.set(
        index,
        (
          await generateCode(own, {
            ...HTML,
            layoutDecisions: ownCheck.decisions,
          })
        ).files,
      );
    }
    ownSeen[w] = (await at(ownFiles.get(index)!)).seen;
  }
  const plainCode = await generateCode(doc, {
    ...HTML,
    nodeIds: false,
    layoutDecisions: check.decisions,
  });
  return {
    key: group.key,
    widths,
    drawn,
    seen,
    ownSeen,
    overflow,
    bytes: bytesOf(plainCode.files),
    largerBytes,
    perDrawing: facts.perDrawing,
  };
}

function writeFiles(dir: string, files: readonly SourceFile[]): void {
  for (const f of files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.bytes ?? f.content);
  }
}
