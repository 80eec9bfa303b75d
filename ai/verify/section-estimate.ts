/**
 * The estimate of a page's section repairs (--verify with sections, issue 74): each section's round continues that
 * section's own conversation, billed for the whole of it again (estimate.ts), so each conversation's answers and
 * rounds so far are kept by the conversation a round continues: a repair that was dropped leaves the next round on
 * the earlier conversation, and the estimate follows it.
 */
import type { Estimate } from "../estimate/estimate.js";
import type { ModelCodeResult } from "../code/pipeline.js";
import type { Conversation } from "../code/generate.js";
import type { PromptInput } from "../code/prompt.js";
import { answerText, estimateRound } from "./estimate.js";
import type { RoundRequest } from "./request.js";

interface History {
  answers: string[];
  earlier: RoundRequest[];
}

/** Each section conversation's answers and rounds, by the conversation a round continues. */
export class SectionConversations {
  private readonly byConversation = new Map<Conversation, History>();

  /** The sections' first answers. */
  constructor(first: readonly { result: Pick<ModelCodeResult, "attempts" | "kept" | "conversation"> }[]) {
    for (const { result } of first)
      this.byConversation.set(result.conversation, { answers: [answerText(result)], earlier: [] });
  }

  private history(conversation: Conversation): History {
    return this.byConversation.get(conversation) ?? { answers: [], earlier: [] };
  }

  /** The round's estimate: `prompt` is the section's first request. `loadTokenizer()` must have finished. */
  estimate(model: string, prompt: PromptInput, round: RoundRequest & { conversation: Conversation }): Estimate {
    const { answers, earlier } = this.history(round.conversation);
    return estimateRound({ model, prompt, answers, earlier, round });
  }

  /** A round's answer: its conversation is the one before it, this round and this answer. */
  answered(round: RoundRequest & { conversation: Conversation }, result: ModelCodeResult): void {
    const { answers, earlier } = this.history(round.conversation);
    this.byConversation.set(result.conversation, {
      answers: [...answers, answerText(result)],
      earlier: [...earlier, round],
    });
  }
}

/** Several requests' estimates as one: tokens added, the cost too when every one has a price. */
export function sumEstimates(estimates: readonly Estimate[]): Estimate {
  const add = (pick: (e: Estimate) => number): number => estimates.reduce((sum, e) => sum + pick(e), 0);
  const costs = estimates.map((e) => e.costUsd);
  return {
    estimate: true,
    textTokens: add((e) => e.textTokens),
    imageTokens: add((e) => e.imageTokens),
    inputTokens: add((e) => e.inputTokens),
    outputTokens: add((e) => e.outputTokens),
    costUsd: costs.every((c) => c !== undefined) ? costs.reduce((a, b) => a! + b!, 0) : undefined,
    price: estimates[0]?.price,
  };
}
