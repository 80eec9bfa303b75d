/**
 * The model side of a verify round where the model client runs (the CLI, the panel's engine worker): the round as
 * a refinement of the same conversation, its answer through the same project pass, formatter and repair round as
 * any model answer (ai/code/pipeline.ts). Kept apart from the loop (rounds.ts), which must not load ts-morph.
 */
import { generateModelCode, type ModelCodeOptions, type ModelCodeResult } from "../code/pipeline.js";
import type { PromptInput } from "../code/prompt.js";
import type { ProviderConfig } from "../client/providers.js";
import type { RoundAnswer, RoundInput } from "./rounds.js";

/**
 * `ask` for verifyRounds: `input` is the conversation's first request (its target, styling, assets and fonts
 * shape every answer). `onAnswer` sees each round's whole result (its attempts' raw text, for the next estimate).
 */
export function askModel(
  config: ProviderConfig,
  input: PromptInput,
  options: Omit<ModelCodeOptions, "refine" | "signal"> & { onAnswer?: (result: ModelCodeResult) => void } = {},
): (round: RoundInput, signal: AbortSignal | undefined) => Promise<RoundAnswer> {
  const { onAnswer, ...rest } = options;
  return async (round, signal) => {
    const result = await generateModelCode(config, input, {
      ...rest,
      ...(signal ? { signal } : {}),
      refine: { conversation: round.conversation, instructions: round.instructions, images: round.images },
    });
    onAnswer?.(result);
    return result;
  };
}
