/**
 * A split page's refinement in the Code panel (issue 74), in the layers part (ui.html's budget): the page was written
 * one conversation per section and none holds it whole, so Refine starts a new conversation with the page as it is
 * (ai/code/sections/refine.ts: its files, its picture, the instructions), estimated first as a first turn is; the
 * answer's files replace the page's, the others stay. ai-request.ts sends it as any refinement, with its own input.
 */
import { wholePageInput } from "../../ai/code/sections/refine.js";
import type { FetchedPrice } from "../../contract/messages.js";
import { endpointFor, type Settings } from "../../contract/settings.js";
import type { Engine } from "../engine/engine.js";
import { hostOf } from "../model/job-state.js";
import type { PrepareIo } from "../model/model-job.js";
import { plural } from "../../kernel/plural.js";
import type { AiConfirm, AiRequest, AiSession } from "./ai-state.js";

/** Refine of a split page: turn `parent` of `session` changed as `instructions` say. */
export interface WholePageAsk {
  wholePage: { session: AiSession; parent: number; instructions: string };
}

/** What preparing it needs of the Code panel's model job (its AiRequestDeps, without importing them back). */
interface WholePageDeps {
  worker: Engine;
  settings(): Settings;
  prices(): Record<string, FetchedPrice> | undefined;
}

/** The card's line: what goes instead of a section's conversation. */
export function wholePageLine(files: number, turn: number): string {
  return (
    `The whole page goes in one new request: turn ${turn}'s ${plural(files, "file")}, the frame's picture and your ` +
    "instructions (no section's conversation is continued). Files the answer leaves out stay as they are."
  );
}

export async function prepareWholePage(
  { worker, settings, prices }: WholePageDeps,
  { wholePage }: WholePageAsk,
  io: PrepareIo,
): Promise<{ request: AiRequest; confirm: AiConfirm }> {
  const { session, parent, instructions } = wholePage;
  const turn = session.turns[parent];
  if (!turn) throw new Error("the result to refine is gone");
  const chosen = settings();
  const fetched = prices();
  io.preparing();
  const input = wholePageInput(session.input, turn.files, instructions);
  const files = input.wholePage?.files.length ?? 0;
  const body = { input, model: chosen.model, ...(fetched ? { prices: fetched } : {}) };
  const { estimate } = await worker.call("ai-estimate", body, { signal: io.signal });
  return {
    request: { session, refine: { parent, instructions }, input },
    confirm: {
      phase: "confirm",
      estimate,
      to: { model: chosen.model, host: hostOf(endpointFor(chosen)) },
      frame: session.frame,
      others: 0,
      hasImage: input.imageDataUrl !== undefined,
      instructions,
      draft: false,
      lines: [wholePageLine(files, turn.n)],
    },
  };
}
