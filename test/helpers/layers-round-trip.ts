/**
 * The layers round trip (issue 51) on every fixture and real frame: design → `figment code` (HTML, node ids, the
 * layout checked in Chromium for frames wide enough to be inferred) → the page read into layers in Chromium at the
 * design width (cli/layers/read-page.ts) → scored against the design (cli/layers/round-trip.ts). Shared by
 * cli/layers/round-trip-fixtures.test.ts and bench/layers.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Browser } from "playwright-core";
import type { LayerDocument } from "../../contract/layers.js";
import { readPage } from "../../cli/layers/read-page.js";
import { scoreRoundTrip, type RoundTrip } from "../../cli/layers/round-trip.js";
import { chromiumEngine } from "../../cli/measure/layout-engine.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { generateCode, type CodeOptions } from "../../codegen/index.js";
import { checkLayout } from "../../codegen/layout-check/index.js";
import type { SourceFile } from "../../codegen/types.js";
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import { layoutPages, type LayoutPage } from "./layout-pages.js";

const HTML: CodeOptions = { target: "html", styling: "css-modules", nodeIds: true };
/** Frames this narrow are emitted as drawn (codegen/layout COMPACT_WIDTH): no layout check. */
const INFERRED_FROM = 480;

export interface LayersTripRow {
  key: string;
  name: string;
  width: number;
  trip: RoundTrip;
  document: LayerDocument;
  files: SourceFile[];
  readMs: number;
}

/** Every fixture and real frame (phone frames too) and every corpus page. */
export const layersTripPages = (): LayoutPage[] => layoutPages({ minWidth: 0 });

export const designWidth = (frame: RestNode): number =>
  Math.round((frame as { absoluteBoundingBox?: { width: number } }).absoluteBoundingBox?.width ?? 0);

/** The viewport's height the panel reads a result in at the design width: the frame's (a fixed layer where drawn). */
const designHeight = (frame: unknown): number =>
  Math.max(1, Math.round((frame as { absoluteBoundingBox?: { height: number } }).absoluteBoundingBox?.height ?? 900));

/** The code `figment code` writes for the page. */
export async function pageCode(browser: Browser, page: LayoutPage): Promise<SourceFile[]> {
  if (designWidth(page.frame) <= INFERRED_FROM) return (await generateCode(page.document, HTML)).files;
  const check = await checkLayout(page.document, chromiumEngine(browser, page.page));
  return (await generateCode(page.document, { ...HTML, layoutDecisions: check.decisions })).files;
}

export async function layersRoundTrip(browser: Browser, page: LayoutPage): Promise<LayersTripRow> {
  const files = await pageCode(browser, page);
  const result = await resultPage(files, "html");
  const dir = mkdtempSync(join(tmpdir(), "figment-layers-trip-"));
  try {
    for (const f of result.files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.bytes ?? f.content);
    }
    const width = designWidth(page.frame);
    // Read as the plugin's panel reads it: the design's fonts loaded (Google Fonts through the manifest's
    // networkAccess, here from @fontsource; a corpus page's families as if installed), as `contract` renders it.
    const [read] = await readPage(browser, join(dir, result.entry), [width], {
      name: page.name,
      height: designHeight(page.frame),
      serve: page.page.serve,
      stylesheets: page.page.stylesheets,
      // The panel's read: a design's family is kept where the page draws its stand-in (Figma has the designer's).
      drawnFonts: false,
    });
    if (!read) throw new Error(`${page.key}: nothing read`);
    return {
      key: page.key,
      name: page.name,
      width,
      trip: scoreRoundTrip(page.frame, read.document),
      document: read.document,
      files,
      readMs: read.readMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
