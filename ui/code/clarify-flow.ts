/**
 * "Ask me first" (issue 74) in the Code panel: before a first turn, the worker sends the clarify request
 * (`ai-clarify`); its questions are shown with their defaults preselected (clarify-questions.tsx) and the send waits
 * for the user's answers (or the defaults accepted), which go with the generation as its decisions. No questions, or
 * questions that cannot be read: the generation goes on at once (the reason said in the stream). A cancel at the
 * questions ends the wait as a cancel. Comes with the layers part (ui.html's budget).
 */
import { decisionsFor } from "../../ai/code/clarify/questions.js";
import type { PromptInput } from "../../ai/code/prompt.js";
import type { Engine } from "../engine/engine.js";
import type { SendIo } from "../model/model-job.js";
import type { AiJobEvent } from "./ai-state.js";
import { QuestionsGate } from "./clarify-gate.js";

/** Where a send waits for the questions form's answers: one per panel, one wait at a time. */
export const questionsGate = new QuestionsGate();

/** `input` with the decisions the user made (or accepted) about the model's questions. */
export async function clarified(
  worker: Engine,
  input: PromptInput,
  { settings, apiKey, onEvent, signal }: SendIo<AiJobEvent>,
): Promise<PromptInput> {
  const { reading } = await worker.call(
    "ai-clarify",
    { settings, apiKey, input, timeoutMs: settings.timeoutSec * 1000 },
    { signal },
  );
  if (reading.questions.length === 0) {
    // Said where the model's notes will show (they replace it once they come).
    const notes = reading.problem ? `${reading.problem}: generating without them.` : "The model had no questions.";
    onEvent({ type: "clarify", asking: false, notes });
    return input;
  }
  const waiting = questionsGate.wait(signal);
  onEvent({ type: "clarify", asking: true, questions: reading.questions });
  const answers = await waiting;
  onEvent({ type: "clarify", asking: false });
  return { ...input, decisions: decisionsFor(reading.questions, answers) };
}
