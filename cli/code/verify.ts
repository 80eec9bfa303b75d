/**
 * `figment code --ai --verify [--rounds N]`: the model's answer rendered in Chromium and scored against the design
 * (cli/measure/score.ts), then up to N correction rounds (ai/verify/): each sends the measured differences and two
 * pictures back in the same conversation, its estimate printed first, and keeps the answer only if it measures better.
 * The verdicts go to stderr; the caller writes the best files.
 */
import type { Target } from "../../codegen/targets.js";
import type { Browser } from "playwright-core";
import { loadTokenizer, type Estimate } from "../../ai/estimate/estimate.js";
import type { ModelCodeOptions, ModelCodeResult } from "../../ai/code/pipeline.js";
import type { ProgressEvent } from "../../ai/code/progress.js";
import { pngDataUrl, type PromptInput } from "../../ai/code/prompt.js";
import type { ProviderConfig } from "../../ai/client/providers.js";
import { askModel } from "../../ai/verify/ask.js";
import { answerText, estimateRound } from "../../ai/verify/estimate.js";
import type { RoundRequest } from "../../ai/verify/request.js";
import { verifyRounds, type Measured, type RoundReport, type VerifyResult } from "../../ai/verify/rounds.js";
import { designViewport, type RestNode } from "../../codegen/fidelity/design-nodes.js";
import { scoreSummary } from "../../codegen/fidelity/summary.js";
import type { DesignNode } from "../../codegen/design/types.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import { chromiumAvailable, chromiumPath, inOneContext, launchChromium, withPage } from "../measure/browser.js";
import type { Output } from "../common/design-files.js";
import { scoreFrame, shownPageFor } from "../measure/score.js";
import { FigmentError } from "../../kernel/errors.js";

/** The one frame --verify measures; refused before anything is sent when there are several or no Chromium. */
export function verifiedFrame(roots: readonly RestNode[], flag: "--verify" | "--score" = "--verify"): RestNode {
  if (roots.length !== 1)
    throw new FigmentError(
      "input",
      `${flag} measures one frame and the design has ${roots.length}: ` +
        `pick it with --node ID (figment frames lists them)`,
    );
  if (!chromiumAvailable())
    throw new FigmentError(
      "input",
      `${flag} renders the code in Chromium, which is not at ${chromiumPath()}: ` +
        `install it (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  return roots[0]!;
}

/**
 * Measures files as the panel shows them: the score at the design width, 390 and 768 px, and a PNG at the design width.
 */
export function measurer(
  browser: Browser,
  frame: RestNode,
  target: Target,
  design?: DesignNode,
): (files: SourceFile[]) => Promise<Measured> {
  const show = shownPageFor(target, design);
  return async (files) => {
    const page = await show(files);
    return inOneContext(browser, async (context) => {
      const score = await scoreFrame(context, { frame, files: page.files, entry: page.entry });
      const png = await withPage(context, page.files, page.entry, designViewport(frame), (p) =>
        p.screenshot({ type: "png" }),
      );
      return { score, png: pngDataUrl(png) };
    });
  };
}

export interface VerifyInput {
  config: ProviderConfig;
  /** The conversation's first request (its picture is the design's, sent beside the rendered page). */
  input: PromptInput;
  frame: RestNode;
  /** The frame as the emitters read it (React Native's page measures its stand-in fonts from it). */
  design?: DesignNode;
  first: ModelCodeResult;
  rounds: number;
  target: Target;
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  onStage?: (stage: "checking" | "repairing") => void;
  /**
   * The first answer's checks (the team's library types from --types, Angular's compiler, React Native's types): each
   * round's answer goes through them as the first answer did.
   */
  checks?: AnswerChecks;
}

/** The checks of a model's answer beyond the project pass, the same for the first answer and each round's. */
export type AnswerChecks = Pick<ModelCodeOptions, "libraryTypes" | "targetCheck" | "reactNativeTypes">;

/** What --json adds: the first answer's score, each round's, and the kept one's. */
export interface VerifyJson {
  first: number | null;
  final: number | null;
  rounds: {
    round: number;
    score: number | null;
    before: number;
    kept: boolean;
    outcome: RoundReport["outcome"];
    message: string;
  }[];
  stopped: VerifyResult["stopped"] | "unmeasured";
  error?: string;
}

export interface Verified {
  files: SourceFile[];
  problems: Problem[];
  notes: string;
  json: VerifyJson;
  cancelled: boolean;
}

const int = (n: number): string => n.toLocaleString("en-US");

/** "about 6,100 input tokens (1,530 for the pictures) · about 2,000 output · about $0.0310" */
export function roundEstimateWords(estimate: Estimate, model: string): string {
  const pictures = estimate.imageTokens > 0 ? ` (${int(estimate.imageTokens)} for the pictures)` : "";
  const cost =
    estimate.costUsd !== undefined ? `about $${estimate.costUsd.toFixed(4)}` : `no price known for model ${model}`;
  return (
    `about ${int(estimate.inputTokens)} input tokens${pictures} ` +
    `· about ${int(estimate.outputTokens)} output · ${cost}`
  );
}

/** Measures the first answer, then runs the rounds; never throws for a measurement or a round that fails. */
export async function verifyAnswer(v: VerifyInput, io: Output): Promise<Verified> {
  const firstFiles = { files: v.first.files, problems: v.first.problems, notes: v.first.notes };
  const browser = await launchChromium();
  try {
    const measure = measurer(browser, v.frame, v.target, v.design);
    io.err("verify: rendering the answer in Chromium and measuring it…");
    let measured: Measured;
    try {
      measured = await measure(v.first.files);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      io.err(`verify: could not measure the answer (${message}); it is written unverified`);
      return {
        ...firstFiles,
        json: { first: null, final: null, rounds: [], stopped: "unmeasured", error: message },
        cancelled: false,
      };
    }
    io.err(`verify: the answer: ${scoreSummary(measured.score)} (score ${measured.score.iouMatched})`);
    await loadTokenizer();
    const answers = [answerText(v.first)];
    const earlier: RoundRequest[] = [];
    const result = await verifyRounds({
      ...firstFiles,
      measured,
      conversation: v.first.conversation,
      ...(v.input.imageDataUrl ? { designPng: v.input.imageDataUrl } : {}),
      rounds: v.rounds,
      ask: askModel(v.config, v.input, {
        timeoutMs: v.timeoutMs,
        ...(v.onProgress ? { onProgress: v.onProgress } : {}),
        ...(v.onStage ? { onStage: v.onStage } : {}),
        ...v.checks,
        onAnswer: (r) => answers.push(answerText(r)),
      }),
      measure: (files) => {
        io.err("verify: measuring the fix…");
        return measure(files);
      },
      ...(v.signal ? { signal: v.signal } : {}),
      onSend: (round) => {
        const estimate = estimateRound({ model: v.config.model, prompt: v.input, answers, earlier, round });
        earlier.push(round);
        io.err(
          `verify round ${round.round} of ${v.rounds}: sending the measured ` +
            `differences (${roundEstimateWords(estimate, v.config.model)})…`,
        );
      },
      onRound: (report) => io.err(`verify round ${report.round}: ${report.message}`),
    });
    const json: VerifyJson = {
      first: measured.score.iouMatched,
      final: result.measured.score.iouMatched,
      rounds: result.rounds.map((r) => ({
        round: r.round,
        score: r.score?.iouMatched ?? null,
        before: r.before.iouMatched,
        kept: r.kept,
        outcome: r.outcome,
        message: r.message,
      })),
      stopped: result.stopped,
    };
    return {
      files: result.files,
      problems: result.problems,
      notes: result.notes,
      json,
      cancelled: result.stopped === "cancelled",
    };
  } finally {
    await browser.close();
  }
}
