/** Where the draft part (draft-part.ts) leaves its functions for the panel (draft-loader.ts); types only otherwise. */
import type { draftCode } from "./draft.js";
import type { prepareFixRound, runFixRound } from "./fix-round.js";
import type { checkDraftLayout } from "./layout-check.js";
import type { measurePage, measureScore } from "./score/measure.js";
import type { readPageLayers } from "./layers/read-page.js";

export const DRAFT_GLOBAL = "__figmentDraft";

export interface DraftModule {
  draftCode: typeof draftCode;
  /** The layout check in the panel's measuring iframe: which sections keep their drawing at the design width. */
  checkDraftLayout: typeof checkDraftLayout;
  /** The fidelity score of a result's preview (ui/code/score/measure.ts): codegen's scorer runs in the panel too. */
  measureScore: typeof measureScore;
  /** The same, with the page's picture when asked (a correction round sends it). */
  measurePage: typeof measurePage;
  /** "Fix differences": a correction round (ai/verify, as the CLI's --verify), its picture, estimate and verdict. */
  prepareFixRound: typeof prepareFixRound;
  runFixRound: typeof runFixRound;
  /** "Insert as layers": a page read into layers in its sandboxed iframe (the DOM reader comes with this part). */
  readPageLayers: typeof readPageLayers;
}
