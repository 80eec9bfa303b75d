/**
 * The Code panel's layout check (issue 49): the exported frames' inferred layout laid out at the design width in the
 * panel's measuring iframe (score/layout-engine.ts) and compared with the drawing by codegen/layout-check — the
 * procedure the CLI runs in Chromium and Dev Mode with the simulator. Its decisions go with the code options to the
 * draft, the engine's files and the model's hint. Part of the draft part (draft-part.ts): it needs the design tree.
 */
import { checkLayout, type LayoutCheck } from "../../codegen/layout-check/index.js";
import { infers } from "../../codegen/layout/index.js";
import { loadDesign } from "../../codegen/load.js";
import type { ExportExtras } from "../../contract/messages.js";
import { asNodesReply, type ExportEntry } from "../engine/protocol/index.js";
import { previewEngine } from "./score/layout-engine.js";

/** The check of `exports` (undefined when no frame is inferred: nothing to check). Rejects with Cancelled on abort. */
export async function checkDraftLayout(
  exports: ExportEntry[],
  extras: ExportExtras = {},
  signal?: AbortSignal,
): Promise<LayoutCheck | undefined> {
  const design = loadDesign(asNodesReply(exports), [], extras);
  if (!design.document.frames.some(infers)) return undefined;
  return checkLayout(design.document, previewEngine(signal), signal ? { signal } : {});
}
