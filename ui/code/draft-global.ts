/** Where the draft part (draft-part.ts) leaves its functions for the panel (draft-loader.ts); types only otherwise. */
import type { draftCode } from "./draft.js";

export const DRAFT_GLOBAL = "__figmentDraft";

export interface DraftModule {
  draftCode: typeof draftCode;
}
