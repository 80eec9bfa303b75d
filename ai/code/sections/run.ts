/**
 * A split frame's requests (issue 74): a few at a time (default 3), each streamed, checked and repaired once as a
 * single frame's answer is (pipeline.ts generateModelCode), each sent with the sections answered before it started.
 * A cancel (the caller's AbortSignal) or a failed section stops what has not started and ends the running ones; the
 * sections answered by then are reported through `onAnswered` as they come, so nothing answered is lost.
 */
import { Cancelled } from "../../../kernel/cancelled.js";
import { generateModelCode, type ModelCodeOptions, type ModelCodeResult } from "../pipeline.js";
import type { PromptInput } from "../prompt.js";
import type { ProviderConfig } from "../../client/providers.js";
import type { AnsweredSection } from "../section-prompt.js";
import { sectionFiles } from "./targets.js";

export const DEFAULT_SECTION_CONCURRENCY = 3;

export interface SectionAnswer {
  index: number;
  component: string;
  result: ModelCodeResult;
}

export interface SectionRunOptions extends ModelCodeOptions {
  concurrency?: number;
  /** A section's request is about to be sent (with `input`, the sections answered then filled in). */
  onStart?: (index: number, input: PromptInput) => void;
  /** A section's answer, checked (and repaired), as soon as it is complete. */
  onAnswered?: (answer: SectionAnswer) => void;
  /** Each section's own progress events. */
  onSectionProgress?: (index: number, event: Parameters<NonNullable<ModelCodeOptions["onProgress"]>>[0]) => void;
}

/** The props a React section's component takes, as written in its file (empty: none, or another target's). */
export function propsOf(answer: Pick<SectionAnswer, "component" | "result">): string {
  const file = answer.result.files.find((f) => f.path === sectionFiles(answer.component).main);
  const match = file && new RegExp(`export\\s+function\\s+${answer.component}\\s*\\(([^)]*)\\)`).exec(file.content);
  return match?.[1]?.trim() ?? "";
}

/**
 * Sends every section's request (`inputs`, each with its `section`), at most `concurrency` at once, in drawn order.
 * Resolves with every answer in drawn order; rejects with the first failure (Cancelled on a cancel) after the running
 * requests have ended.
 */
export async function generateSections(
  config: ProviderConfig,
  inputs: readonly PromptInput[],
  options: SectionRunOptions = {},
): Promise<SectionAnswer[]> {
  const { concurrency = DEFAULT_SECTION_CONCURRENCY, onStart, onAnswered, onSectionProgress, ...model } = options;
  const stop = new AbortController();
  const outer = model.signal;
  const relay = (): void => stop.abort(outer?.reason);
  if (outer?.aborted) relay();
  outer?.addEventListener("abort", relay, { once: true });
  const answers: (SectionAnswer | undefined)[] = inputs.map(() => undefined);
  let next = 0;
  let failure: { error: unknown } | undefined;

  const answeredSoFar = (): AnsweredSection[] =>
    answers.flatMap((a) => (a ? [{ component: a.component, props: propsOf(a) }] : []));

  const worker = async (): Promise<void> => {
    while (!failure && !stop.signal.aborted && next < inputs.length) {
      const index = next++;
      const planned = inputs[index]!;
      const section = planned.section!;
      const input: PromptInput = { ...planned, section: { ...section, answered: answeredSoFar() } };
      onStart?.(index, input);
      try {
        const result = await generateModelCode(config, input, {
          ...model,
          signal: stop.signal,
          ...(onSectionProgress ? { onProgress: (event) => onSectionProgress(index, event) } : {}),
        });
        // Complete even when another section failed meanwhile: kept.
        const answer = { index, component: section.component, result };
        answers[index] = answer;
        onAnswered?.(answer);
      } catch (error) {
        failure ??= { error };
        stop.abort(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, inputs.length)) }, worker));
  } finally {
    outer?.removeEventListener("abort", relay);
  }
  if (failure) throw failure.error;
  if (outer?.aborted) throw new Cancelled();
  return answers.filter((a): a is SectionAnswer => a !== undefined);
}
