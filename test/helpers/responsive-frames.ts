/**
 * The frames whose per-width figures (`figment fidelity --widths`) the responsive eval test and the bench
 * report: real absolutely placed frames, real landing pages, the auto-layout screen, and the two controls.
 * Each is measured as `figment fidelity` does it: the frame alone, today's HTML with node ids.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadDesign } from "../../codegen/index.js";
import { cachedGenerateCode } from "./run-cache.js";
import type { RestNode } from "../../cli/measure/fidelity.js";
import { measureFrame, type FrameReport } from "../../cli/measure/responsive-page.js";
import { serveGoogleFonts } from "./google-fonts.js";
import type { PageHost } from "../../cli/measure/browser.js";

export interface ResponsiveFrame {
  /** Short name for tables and the JSON summary. */
  name: string;
  /** Path under test/fixtures/. */
  file: string;
  id: string;
  /** How the design places the frame's children: no auto layout at the root, or auto layout. */
  layout: "absolute" | "auto-layout";
}

export const RESPONSIVE_FRAMES: readonly ResponsiveFrame[] = [
  { name: "control absolute landing", file: "responsive/landing-absolute.file.json", id: "10:23", layout: "absolute" },
  {
    name: "figmagic MacBook Pro form",
    file: "figma/figmagic-design-system.file.json",
    id: "3022:700",
    layout: "absolute",
  },
  { name: "figmagic MacBook form", file: "figma/figmagic-design-system.file.json", id: "3022:699", layout: "absolute" },
  { name: "figmagic DemoForm", file: "figma/figmagic-design-system.file.json", id: "3022:701", layout: "absolute" },
  { name: "figmasharp Log-In Page", file: "figma/figmasharp-login.file.json", id: "101:3", layout: "absolute" },
  {
    name: "vincegx Homepage - Landing",
    file: "figma/vincegx-homepage-landing.nodes.json",
    id: "268:3339",
    layout: "auto-layout",
  },
  { name: "vincegx Vaya Home", file: "figma/vincegx-vaya-home.nodes.json", id: "423:57668", layout: "auto-layout" },
  { name: "vincegx Hero Header", file: "figma/vincegx-hero-header.nodes.json", id: "122:21049", layout: "auto-layout" },
  {
    name: "figma-differ Selfie",
    file: "figma/figma-differ-selfie.nodes.json",
    id: "33459:3746",
    layout: "auto-layout",
  },
  { name: "control flex landing", file: "responsive/landing-flex.file.json", id: "10:26", layout: "auto-layout" },
];

/**
 * test/fixtures, found by walking up from this module or the working directory: the bench imports this file
 * from a bundle in dist/, where a path relative to the module would miss.
 */
export function fixturesRoot(): string {
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      const candidate = join(dir, "test", "fixtures");
      if (existsSync(join(candidate, "responsive"))) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error("test/fixtures/responsive not found (run from the repository)");
}

const parsed = new Map<string, unknown>();
function readJson(file: string): unknown {
  let json = parsed.get(file);
  if (json === undefined) {
    json = JSON.parse(readFileSync(join(fixturesRoot(), file), "utf8")) as unknown;
    parsed.set(file, json);
  }
  return json;
}

/** The frame's REST node, alone. */
export function frameNode(frame: ResponsiveFrame): RestNode {
  const root = loadDesign(readJson(frame.file)).roots.find((r) => r.id === frame.id);
  if (!root) throw new Error(`${frame.file} has no top-level frame ${frame.id}`);
  return root as unknown as RestNode;
}

/**
 * Today's HTML for the frame (with node ids) and its figures at `widths` (default 390, 768, design), as users
 * see it: the Google Fonts the HTML links are answered from the @fontsource devDependencies (no network).
 */
export async function measureResponsiveFrame(
  browser: PageHost,
  frame: ResponsiveFrame,
  widths?: number[],
): Promise<FrameReport> {
  const node = frameNode(frame);
  const single = loadDesign({ document: node }, []);
  const code = await cachedGenerateCode(single.document, { target: "html", styling: "css-modules", nodeIds: true });
  return measureFrame(browser, {
    frame: node,
    files: code.files,
    entry: "index.html",
    ...(widths ? { widths } : {}),
    page: { serve: serveGoogleFonts },
  });
}
