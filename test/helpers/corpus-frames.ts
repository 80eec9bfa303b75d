/**
 * The corpus of real absolute pages (test/fixtures/corpus/, made by `npm run corpus`): converted real sites
 * and flattened real files, each with its reference (reference.json: which texts the original shows at 390
 * and 768 px, and their reading order). Measured as `figment fidelity --widths` does it, with the page's
 * images supplied as `--images` would, plus the reading order against the reference (Kendall tau).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCode, loadDesign, type CodeOptions } from "../../codegen/index.js";
import type { RestNode } from "../../cli/measure/fidelity.js";
import { measureFrame, type FrameReport } from "../../cli/measure/responsive-page.js";
import { kendallTau } from "../../codegen/fidelity/responsive.js";
import type { PageReference } from "../corpus/reference.js";
import { designFontsPage } from "./google-fonts.js";
import { fixturesRoot } from "./responsive-frames.js";
import type { PageHost } from "../../cli/measure/browser.js";

export interface CorpusPage {
  /** File stem: `<name>.nodes.json`, `<name>.reference.json`. */
  name: string;
  kind: "converted site" | "flattened file";
}

export const CORPUS_DIR = "corpus";

export function corpusPages(): CorpusPage[] {
  const dir = join(fixturesRoot(), CORPUS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".nodes.json"))
    .map((f) => f.slice(0, -".nodes.json".length))
    .sort()
    .map((name) => ({ name, kind: name.startsWith("flat-") ? "flattened file" : "converted site" }));
}

export function corpusJson(page: CorpusPage): unknown {
  return JSON.parse(readFileSync(join(fixturesRoot(), CORPUS_DIR, `${page.name}.nodes.json`), "utf8")) as unknown;
}

export function corpusReference(page: CorpusPage): PageReference {
  return JSON.parse(
    readFileSync(join(fixturesRoot(), CORPUS_DIR, `${page.name}.reference.json`), "utf8"),
  ) as PageReference;
}

/** The bytes of the page's image fills, by imageRef, as `--images test/fixtures/corpus/images` reads them. */
export function corpusImages(json: unknown): Record<string, Uint8Array> {
  const dir = join(fixturesRoot(), CORPUS_DIR, "images");
  const out: Record<string, Uint8Array> = {};
  const text = JSON.stringify(json);
  for (const m of text.matchAll(/"imageRef":"([0-9a-f]{40})"/g)) {
    const ref = m[1]!;
    if (out[ref]) continue;
    for (const ext of ["jpg", "png"]) {
      const path = join(dir, `${ref}.${ext}`);
      if (existsSync(path)) out[ref] = new Uint8Array(readFileSync(path));
    }
  }
  return out;
}

export interface CorpusReport extends FrameReport {
  /** Per measured width other than the design width: Kendall tau of the reading order against the reference. */
  order: Record<number, { tau: number; shared: number }>;
}

/** The page's HTML (with node ids and its images) as the CLI writes it. */
export async function corpusCode(
  page: CorpusPage,
  options: Partial<CodeOptions> = {},
): Promise<{ frame: RestNode; files: Awaited<ReturnType<typeof generateCode>>["files"]; json: unknown }> {
  const json = corpusJson(page);
  const loaded = loadDesign(json, [], { images: corpusImages(json) });
  const frame = loaded.roots[0] as unknown as RestNode;
  const code = await generateCode(loaded.document, {
    target: "html",
    styling: "css-modules",
    nodeIds: true,
    ...options,
  });
  return { frame, files: code.files, json };
}

/** Measured as on a machine with the design's fonts installed (test/helpers/google-fonts.ts). */
export async function measureCorpusPage(
  browser: PageHost,
  page: CorpusPage,
  options: Partial<CodeOptions> = {},
): Promise<CorpusReport> {
  const { frame, files, json } = await corpusCode(page, options);
  const reference = corpusReference(page);
  const report = await measureFrame(browser, {
    frame,
    files,
    entry: "index.html",
    widths: [390, 768, 0],
    readingOrder: true,
    page: designFontsPage(json),
  });
  const order: CorpusReport["order"] = {};
  for (const [width, ref] of Object.entries(reference.widths)) {
    const ours = report.widths.find((w) => w.width === Number(width))?.order ?? [];
    order[Number(width)] = kendallTau(ref.order, ours);
  }
  return { ...report, order };
}
