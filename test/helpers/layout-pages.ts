/**
 * Every page layout inference is held to (issue 49): each visible top-level frame of the real designers' files
 * (test/fixtures/real/) and of the sample files (test/fixtures/figma/) wider than a phone, and every corpus page
 * (test/fixtures/corpus/, with its images and fonts), with what their HTML is measured on.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PageOptions } from "../../cli/measure/browser.js";
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import { loadDesign } from "../../codegen/index.js";
import { isFigmentError } from "../../kernel/errors.js";
import { corpusImages, corpusJson, corpusPages } from "./corpus-frames.js";
import { designFontsPage, serveGoogleFonts } from "./google-fonts.js";
import { realFiles, topLevelFrames } from "./real-files.js";
import { fixturesRoot } from "./responsive-frames.js";

type Document = ReturnType<typeof loadDesign>["document"];

export interface LayoutPage {
  /** `file#id` (real and sample files) or `corpus/name`. */
  key: string;
  source: "real" | "sample" | "corpus";
  name: string;
  frame: RestNode;
  document: Document;
  page: PageOptions;
  /** The file's JSON and the frame's id in it (the document is this frame of it, loaded). */
  json: unknown;
  id: string;
}

/** Frames this narrow or narrower are not inferred (codegen/layout COMPACT_WIDTH): they are emitted as drawn. */
const INFERRED_FROM = 480;

function loaded(json: unknown, id: string): Document | undefined {
  try {
    return loadDesign(json, [id]).document;
  } catch (error) {
    if (isFigmentError(error, "input")) return undefined;
    throw error;
  }
}

/** The pages, real files first, then the sample files, then the corpus; `minWidth` 0 keeps the phone frames too. */
export function layoutPages(options: { minWidth?: number } = {}): LayoutPage[] {
  const minWidth = options.minWidth ?? INFERRED_FROM;
  const out: LayoutPage[] = [];
  for (const file of realFiles())
    for (const frame of topLevelFrames(file)) {
      if (frame.hidden || frame.width <= minWidth || frame.height < 100) continue;
      const document = loaded(file.json, frame.id);
      if (!document) continue;
      out.push({
        key: `${file.name}#${frame.id}`,
        source: "real",
        name: frame.name,
        frame: frame.node as unknown as RestNode,
        document,
        page: { serve: serveGoogleFonts },
        json: file.json,
        id: frame.id,
      });
    }
  const figma = join(fixturesRoot(), "figma");
  for (const name of readdirSync(figma)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const json = JSON.parse(readFileSync(join(figma, name), "utf8")) as unknown;
    for (const root of loadDesign(json).roots) {
      const box = (root as unknown as RestNode).absoluteBoundingBox;
      if (!box || box.width <= minWidth || (root as { visible?: boolean }).visible === false) continue;
      const document = loaded(json, root.id);
      if (!document) continue;
      out.push({
        key: `${name}#${root.id}`,
        source: "sample",
        name: String(root.name ?? ""),
        frame: root as unknown as RestNode,
        document,
        page: { serve: serveGoogleFonts },
        json,
        id: root.id,
      });
    }
  }
  for (const corpus of corpusPages()) {
    const json = corpusJson(corpus);
    const design = loadDesign(json, [], { images: corpusImages(json) });
    out.push({
      key: `corpus/${corpus.name}`,
      source: "corpus",
      name: corpus.name,
      frame: design.roots[0] as unknown as RestNode,
      document: design.document,
      page: designFontsPage(json),
      json,
      id: design.roots[0]!.id,
    });
  }
  return out;
}
