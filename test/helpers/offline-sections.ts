/**
 * A tall real page planned into sections as `figment code --ai --sections auto` plans it (its laid document, a
 * picture of the frame's size at detail high, after `figment code`'s layout check), and each section's offline code
 * (ai/code/sections/offline.ts). The test server's script that answers with it: section-script.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { imageLimits } from "../../ai/code/sections/limits.js";
import { offlineSectionAnswers, type OfflineSection } from "../../ai/code/sections/offline.js";
import { planSections, type SectionPlan } from "../../ai/code/sections/plan.js";
import { countTextTokens, loadTokenizer } from "../../ai/estimate/estimate.js";
import { encodePng } from "../../ai/mask/png.js";
import { laidDocument } from "../../codegen/hint/model.js";
import { printHint } from "../../codegen/hint/print.js";
import { loadDesign, type CodeOptions, type LoadedDesign } from "../../codegen/index.js";
import { checkedOptions, LayoutBrowser } from "../../cli/measure/layout-check.js";

/** The tall real pages the sections bench splits (bench/sections.ts). */
export const TALL_PAGES = [
  { file: "psykolog-jenny.file.json", id: "35:34", label: "psykolog-jenny MacBook Pro 2.2" },
  { file: "flora.file.json", id: "8203:59903", label: "flora Home • Desktop" },
] as const;

export interface OfflineSectionsPage {
  loaded: LoadedDesign;
  plan: SectionPlan;
  answers: OfflineSection[];
  /** A blank picture of the frame's size (what splits the page, as a picture the user gives would). */
  png: Uint8Array;
  /** The page's code options after its layout check (`figment code --score` scores the offline page with them). */
  options: CodeOptions;
}

export async function offlineSectionsPage(root: string, file: string, id: string): Promise<OfflineSectionsPage> {
  await loadTokenizer();
  const json = JSON.parse(readFileSync(join(root, "test/fixtures/real", file), "utf8")) as unknown;
  const loaded = loadDesign(json, [id]);
  const frame = loaded.document.frames[0]!;
  const [width, height] = [Math.round(frame.w), Math.round(frame.h)];
  // Laid out, and each section's code written, as `figment code` does: after its layout check in Chromium.
  const browser = new LayoutBrowser();
  const quiet = { err: () => undefined };
  const options = { target: "react", styling: "css-modules", nodeIds: true } as const;
  try {
    const checked = await checkedOptions(loaded.document, options, browser, quiet);
    const laid = laidDocument(loaded.document, "responsive", checked.options.layoutDecisions);
    const plan = planSections(laid, laid.frames[0]!, printHint(laid), {
      mode: "auto",
      limits: imageLimits("high"),
      image: { width, height },
      countTokens: countTextTokens,
    });
    const answers = await offlineSectionAnswers(
      loaded.document,
      frame,
      plan.sections,
      async (band) => (await checkedOptions(band, options, browser, quiet)).options,
    );
    const png = encodePng(width, height, 3, new Uint8Array(width * height * 3).fill(255), "up");
    return { loaded, plan, answers, png, options: checked.options };
  } finally {
    await browser.close();
  }
}
