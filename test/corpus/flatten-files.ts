/**
 * The flattened real files of the corpus: the real auto-layout fixtures (test/fixtures/figma/) with their auto
 * layout removed (flatten.ts), each with its reference (its own auto layout, rendered), written as
 * `flat-<fixture>.nodes.json` and `.reference.json`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { withPage } from "../../cli/measure/browser.js";
import type { RestNode } from "../../cli/measure/fidelity.js";
import { designTexts, sampleTexts } from "../../cli/measure/responsive-page.js";
import { generateCode, loadDesign } from "../../codegen/index.js";
import { designFontsPage } from "../helpers/google-fonts.js";
import { flattenAutoLayout, hasAutoLayout, type RestLike } from "./flatten.js";
import { referenceAt, type PageReference } from "./reference.js";

/** The real auto-layout frames: fixture file and top-level frame id. */
export const FLATTENED: readonly { fixture: string; id: string; what: string }[] = [
  { fixture: "figma-differ-selfie", id: "33459:3746", what: 'iOS screen "Selfie" 375×812' },
  { fixture: "vincegx-homepage-landing", id: "268:3339", what: 'landing page "Homepage - Landing" 1290×1069' },
  { fixture: "vincegx-vaya-home", id: "423:57668", what: 'marketing page "Home" 1440×880' },
  { fixture: "vincegx-hero-header", id: "122:21049", what: '"Hero Header" section 1440×624' },
  { fixture: "vincegx-home-slideshow", id: "124:21142", what: 'slideshow section "Home" 2051×734' },
];

type Reply = { name?: string; nodes: Record<string, { document: RestLike; [k: string]: unknown }> };

export interface FlatRow {
  file: string;
  origin: string;
  what: string;
}

/**
 * Writes each flattened frame and its reference: the original auto-layout frame rendered (as the CLI writes
 * it, with its fonts) at 390 and 768 px — which texts it shows there, and the order in which they read.
 */
export async function flattenCorpusFrames(browser: Browser, fixtures: string, out: string): Promise<FlatRow[]> {
  const rows: FlatRow[] = [];
  for (const f of FLATTENED) {
    const reply = JSON.parse(readFileSync(join(fixtures, `${f.fixture}.nodes.json`), "utf8")) as Reply;
    const entry = reply.nodes[f.id];
    if (!entry) throw new Error(`${f.fixture}.nodes.json has no node ${f.id}`);
    if (!hasAutoLayout(entry.document)) throw new Error(`${f.fixture} ${f.id} has no auto layout to remove`);
    const flat = flattenAutoLayout(entry.document);
    const name = `flat-${f.fixture}`;
    writeFileSync(
      join(out, `${name}.nodes.json`),
      `${JSON.stringify({ ...reply, nodes: { [f.id]: { ...entry, document: flat } } })}\n`,
    );
    const original = { document: entry.document };
    const code = await generateCode(loadDesign(original).document, {
      target: "html",
      styling: "css-modules",
      nodeIds: true,
    });
    const texts = designTexts(entry.document as unknown as RestNode);
    const reference: PageReference = { source: "auto layout", widths: {} };
    for (const width of [390, 768]) {
      reference.widths[width] = await withPage(
        browser,
        code.files,
        "index.html",
        { width, height: 844 },
        async (page) => referenceAt(await sampleTexts(page, texts)),
        designFontsPage(original),
      );
    }
    writeFileSync(join(out, `${name}.reference.json`), `${JSON.stringify(reference, null, 1)}\n`);
    rows.push({
      file: `${name}.nodes.json`,
      origin: `../figma/${f.fixture}.nodes.json, auto layout removed`,
      what: f.what,
    });
  }
  return rows;
}
