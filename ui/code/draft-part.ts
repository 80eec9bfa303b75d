/**
 * The Code panel's draft emitters as a script of their own (esbuild.config.mjs `draftPart`): the main thread
 * keeps it packed and sends it on first use (`get-ui-part` "draft"), and running it here hands the
 * draft function to the panel (ui/code/draft-loader.ts). Kept out of ui.html, where codegen's design tree and
 * emitters would take ~25 KB gz of its 150 KB. The fidelity scorer (codegen/fidelity with the panel's measuring
 * pages, ~5 KB gz) comes with it: it runs on the results the draft starts; and so does the correction round of
 * "Fix differences" (fix-round.ts: ai/verify's request and loop), which runs on a measured result; and the DOM reader
 * of "Insert as layers" (layers/read-page.ts).
 */
import { draftCode } from "./draft.js";
import { DRAFT_GLOBAL, type DraftModule } from "./draft-global.js";
import { prepareFixRound, runFixRound } from "./fix-round.js";
import { checkDraftLayout } from "./layout-check.js";
import { measurePage, measureScore } from "./score/measure.js";
import { readPageLayers } from "./layers/read-page.js";

(globalThis as unknown as Record<typeof DRAFT_GLOBAL, DraftModule>)[DRAFT_GLOBAL] = {
  draftCode,
  checkDraftLayout,
  measureScore,
  measurePage,
  prepareFixRound,
  runFixRound,
  readPageLayers,
};
