/**
 * axe-core on a frame's code in every target, rendered as the panel shows it (cli/measure/score.ts shownPage): HTML as
 * written, React (CSS modules, Tailwind), Vue, Svelte, Angular and React Native (through react-native-web) in their
 * preview documents. The preview document around the code is ours too (codegen/preview/): its findings count.
 * One page of a context per call, reused (withPage); the page is measured at the design width once it has mounted.
 */
import type { BrowserContext } from "playwright-core";
import { withPage } from "../../cli/measure/browser.js";
import { settleLayout, shownPage } from "../../cli/measure/score.js";
import type { DesignDocument } from "../../codegen/design/types.js";
import { generateCode, type CodeOptions } from "../../codegen/index.js";
import { axeViolations, type AxeScope, type AxeViolation } from "./axe-check.js";
import { serveGoogleFonts } from "./google-fonts.js";

/** The targets as a user picks them. */
export const AXE_TARGETS = [
  { key: "html", options: { target: "html", styling: "css-modules", nodeIds: false } },
  { key: "react-css-modules", options: { target: "react", styling: "css-modules", nodeIds: false } },
  { key: "react-tailwind", options: { target: "react", styling: "tailwind", nodeIds: false } },
  { key: "vue", options: { target: "vue", styling: "css-modules", nodeIds: false } },
  { key: "svelte", options: { target: "svelte", styling: "css-modules", nodeIds: false } },
  { key: "angular", options: { target: "angular", styling: "css-modules", nodeIds: false } },
  { key: "react-native", options: { target: "react-native", styling: "css-modules", nodeIds: false } },
] as const satisfies readonly { key: string; options: CodeOptions }[];
export type AxeTarget = (typeof AXE_TARGETS)[number];

/** The frame's code in `target` (its only frame: `document` holds one), rendered and checked with axe (`scope`). */
export async function axeOfFrame(
  context: BrowserContext,
  document: DesignDocument,
  target: AxeTarget,
  scope: AxeScope = { contrast: true },
): Promise<AxeViolation[]> {
  const frame = document.frames[0];
  if (!frame) throw new Error("axeOfFrame: the document holds no frame");
  const code = await generateCode(document, target.options);
  const shown = await shownPage(code.files, target.options.target, frame);
  const viewport = { width: Math.round(frame.w), height: Math.max(1, Math.min(1200, Math.round(frame.h))) };
  return withPage(
    context,
    shown.files,
    shown.entry,
    viewport,
    async (page) => {
      // A framework's preview mounts its app after load: its root holds the page once it has.
      if (target.key !== "html") await page.waitForFunction(mountedRoot);
      await settleLayout(page);
      return axeViolations(page, scope);
    },
    { serve: serveGoogleFonts },
  );
}

/** In the page: the preview's #root holds what the app mounted (or an error box said why it did not). */
function mountedRoot(): boolean {
  const doc = (globalThis as unknown as { document: { getElementById(id: string): { childElementCount: number } } })
    .document;
  return (doc.getElementById("root")?.childElementCount ?? 0) > 0;
}
