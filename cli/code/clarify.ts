/**
 * `figment code --ai --clarify` (issue 74, "Clarify first"): before the code request(s), one small request lets the
 * model ask up to three questions the design leaves open. Without --answers FILE the questions and their defaults are
 * printed on stderr and the run goes on with the defaults; with it (JSON: question id → answer) the answers are used,
 * an id the model did not ask refused by name. Questions that cannot be read are said, and the run goes on without.
 * The decisions then go with every code request (one frame's, each section's).
 */
import { readFile } from "node:fs/promises";
import { askQuestions } from "../../ai/code/clarify/ask.js";
import { decisionsFor, readAnswers, type ClarifyQuestion } from "../../ai/code/clarify/questions.js";
import type { Decision } from "../../ai/code/decisions.js";
import type { PromptInput } from "../../ai/code/prompt.js";
import type { ProviderConfig } from "../../ai/client/providers.js";
import { estimateClarify } from "../../ai/estimate/clarify.js";
import type { Estimate } from "../../ai/estimate/estimate.js";
import { FigmentError } from "../../kernel/errors.js";
import { plural } from "../../kernel/plural.js";
import type { CliArgs } from "../common/args.js";
import type { Output } from "../common/design-files.js";

/** What --clarify asked and decided, for --json. */
export interface ClarifyJson {
  questions: ClarifyQuestion[];
  problem?: string;
  answers: "file" | "defaults";
  decisions: Decision[];
}

/** The --answers file's text, read before anything is sent (its ids are checked once the questions are known). */
export async function readAnswersText(args: CliArgs): Promise<string | undefined> {
  if (args.answers === undefined) return undefined;
  try {
    return await readFile(args.answers, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FigmentError(
      "input",
      code === "ENOENT"
        ? `--answers: no such file: ${args.answers}`
        : `--answers: cannot read ${args.answers}: ${(error as Error).message}`,
    );
  }
}

/** One question on stderr: its id, the question, its options and its default. */
export function questionLines(q: ClarifyQuestion): string[] {
  return [
    `  ${q.id}  ${q.question}${q.nodes.length > 0 ? ` (layers ${q.nodes.join(", ")})` : ""}`,
    `      ${q.options.length > 0 ? `options: ${q.options.join(" | ")}; ` : "free text; "}default: ${q.default}`,
  ];
}

/** Sends the clarify request and returns its questions and the decisions (none without questions), said on stderr. */
export async function clarifyFirst(
  config: ProviderConfig,
  input: PromptInput,
  answersText: string | undefined,
  options: { signal?: AbortSignal; timeoutMs: number },
  io: Pick<Output, "err">,
): Promise<ClarifyJson> {
  io.err("figment: asking the model what the design leaves open first (--clarify)…");
  const reading = await askQuestions(config, input, options);
  const { questions } = reading;
  if (reading.problem) io.err(`figment: ${reading.problem}; going on without questions`);
  else if (questions.length === 0) io.err("figment: the model has no questions");
  const answers = answersText !== undefined ? readAnswers(answersText, questions) : {};
  if (questions.length > 0) {
    io.err(
      answersText !== undefined
        ? `figment: the model asks ${plural(questions.length, "question")}; answered from --answers (the rest ` +
            "take their defaults):"
        : `figment: the model asks ${plural(questions.length, "question")}; going on with the defaults (answer ` +
            'them with --answers FILE, JSON such as {"q1": "…"}):',
    );
    for (const q of questions) io.err(questionLines(q).join("\n"));
  }
  return {
    questions,
    ...(reading.problem ? { problem: reading.problem } : {}),
    answers: answersText !== undefined ? "file" : "defaults",
    decisions: decisionsFor(questions, answers),
  };
}

/** The clarify request's estimate, for --dry-run --clarify. */
export function clarifyEstimate(
  input: PromptInput,
  image: { width: number; height: number } | undefined,
  model: string,
): Estimate {
  return estimateClarify(input, image, { model });
}

/** The --dry-run line of the clarify request. */
export function clarifyDryRunLine(estimate: Estimate): string {
  const n = (value: number): string => value.toLocaleString("en-US");
  return (
    `  clarify       a clarify request is sent first (--clarify): about ${n(estimate.inputTokens)} tokens ` +
    `(${n(estimate.textTokens)} text, ${n(estimate.imageTokens)} image)`
  );
}

/** The clarify request's figures in --dry-run --json. */
export function clarifyDryRunJson(estimate: Estimate): Record<string, unknown> {
  return {
    note: "a clarify request is sent first; its answers go with the code request(s)",
    textTokens: estimate.textTokens,
    imageTokens: estimate.imageTokens,
    inputTokens: estimate.inputTokens,
    costUsd: estimate.costUsd ?? null,
  };
}
