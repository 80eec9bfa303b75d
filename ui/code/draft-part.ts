/**
 * The Code panel's draft emitters as a script of their own (esbuild.config.mjs `draftPart`): the main thread
 * keeps it packed and sends it on first use (`get-ui-part` "draft"), and running it here hands the
 * draft function to the panel (ui/code/draft-loader.ts). Kept out of ui.html, where codegen's design tree and
 * emitters would take ~25 KB gz of its 150 KB.
 */
import { draftCode } from "./draft.js";
import { DRAFT_GLOBAL, type DraftModule } from "./draft-global.js";

(globalThis as unknown as Record<typeof DRAFT_GLOBAL, DraftModule>)[DRAFT_GLOBAL] = { draftCode };
