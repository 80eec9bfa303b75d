/**
 * The panel's half of the fidelity score: a preview document laid out at the design width (in the design's height),
 * 1920, 768 and 390 px (in a device's height) in an offscreen iframe — `sandbox="allow-scripts"`, never same-origin,
 * its CSP allowing only the probe runner (probe-runner.ts) beside what the page already needs — whose probes answer by
 * postMessage. Each answer is taken only from that iframe, for a request it was sent, and only once its every field
 * checks (probe-reply.ts); the score is then computed by codegen/fidelity, the one implementation the CLI uses too.
 * Each question is a call of the one request idiom (contract/requests.ts: its id the token the answer carries back,
 * its timeout, its failure), as the engine's and the main thread's are.
 */
import { Cancelled } from "../../../kernel/cancelled.js";
import { PendingRequests } from "../../../contract/requests.js";
import type { RestNode } from "../../../codegen/fidelity/design-nodes.js";
import { boxesArg, measurePlan, scoreOf } from "../../../codegen/fidelity/measurement.js";
import { asDrawingMarkup, layerIdsOf, pageScore, widthsPerDrawing } from "../../../codegen/fidelity/drawings.js";
import type { BoxProbe } from "../../../codegen/fidelity/probe.js";
import type { TextProbe } from "../../../codegen/fidelity/text-probe.js";
import type { FidelityScore } from "../../../codegen/fidelity/types.js";
import { withPageScript } from "../../../codegen/preview/page-script.js";
import { offscreenFrame } from "../offscreen-frame.js";
import { probeReplyField } from "./probe-reply.js";
import { probeRunnerScript, type ProbeRequest } from "./probe-runner.js";
import { FigmentError } from "../../../kernel/errors.js";

/** What to measure: a frame's REST JSON and the preview document its code makes (html-page.ts or react-preview.ts). */
export interface ScoreInput {
  frame: RestNode;
  /** The preview document, as the preview shows it (layers carry `data-node-id`). */
  html: string;
  /**
   * A page drawn at several widths (issue 70): its other drawings' frames, widest first (`frame` is the widest). The
   * preview is measured at each drawn width against that drawing (codegen/fidelity/drawings.ts).
   */
  drawings?: RestNode[];
}

/** How long one width's page may take to load and answer. */
const ANSWER_TIMEOUT_MS = 30_000;

const aborted = (): Cancelled => new Cancelled("The measurement was cancelled.");

type Answer = { texts: TextProbe; boxes: BoxProbe | null; png?: string; pictureError?: string };

/**
 * One offscreen measuring page: loaded once at `width`×`height`, then asked at each width in turn (the iframe is
 * resized, and the page waits for its viewport to take the new width before it measures). Rejects what it is asked
 * with `Cancelled` once `signal` aborts; `close` removes the iframe.
 */
export class MeasuringPage {
  private readonly frame = offscreenFrame("Measuring the preview", "score-probe");
  /** The questions asked and not yet answered: each call's id is the token its answer must carry back. */
  private readonly waiting = new PendingRequests<Answer>({ prefix: "measure" });
  /** The width each waiting question asked at, for its failure's words. */
  private readonly widths = new Map<string, number>();
  private failure: Error | undefined;
  readonly loaded: Promise<void>;

  constructor(
    page: string,
    width: number,
    height: number,
    private readonly signal: AbortSignal,
  ) {
    const frame = this.frame;
    this.resize(width, height);
    this.loaded = new Promise<void>((resolve) => frame.addEventListener("load", () => resolve(), { once: true }));
    addEventListener("message", this.onMessage);
    signal.addEventListener("abort", this.onAbort);
    frame.srcdoc = page;
    document.body.append(frame);
  }

  /** Offscreen at the page's real size: laid out as a viewport of that width, never seen or hit. */
  private resize(width: number, height: number): void {
    this.frame.style.cssText =
      `position:fixed;left:${-width - 10_000}px;top:0;width:` +
      `${width}px;height:${height}px;border:0;pointer-events:none`;
  }

  /** Fails what waits, and every later question: the page is done. */
  private fail(error: Error): void {
    this.failure ??= error;
    this.waiting.failAll(error);
  }

  private readonly onAbort = (): void => this.fail(aborted());

  private readonly onMessage = (event: MessageEvent): void => {
    const id = (event.data as { token?: unknown } | null)?.token;
    if (event.source !== this.frame.contentWindow || typeof id !== "string" || !this.waiting.has(id)) return;
    let reply: ReturnType<typeof probeReplyField.check>;
    try {
      reply = probeReplyField.check(event.data, "reply");
    } catch (error) {
      this.waiting.fail(
        id,
        new FigmentError(
          "internal",
          `the preview's measurement was not readable: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      return;
    }
    if (reply.error !== undefined || !reply.texts) {
      this.waiting.fail(
        id,
        new FigmentError(
          "internal",
          `the preview could not be measured at ${this.widths.get(id)} px: ${reply.error ?? "no figures"}`,
        ),
      );
      return;
    }
    this.waiting.settle(id, {
      texts: reply.texts,
      boxes: reply.boxes ?? null,
      ...(reply.png ? { png: reply.png } : {}),
      ...(reply.pictureError ? { pictureError: reply.pictureError } : {}),
    });
  };

  /** The page's answer to `request` in a `width`×`height` viewport. */
  async ask(width: number, height: number, request: Omit<ProbeRequest, "type" | "token" | "width">): Promise<Answer> {
    await this.loaded;
    if (this.failure) throw this.failure;
    this.resize(width, height);
    const { id, reply } = this.waiting.open({
      send: (token) => {
        this.widths.set(token, width);
        this.frame.contentWindow?.postMessage(
          { type: "figment-measure", token, width, ...request } satisfies ProbeRequest,
          "*",
        );
      },
      timeoutMs: ANSWER_TIMEOUT_MS,
      timeoutMessage: `the preview did not answer the measurement at ${width} px within ${ANSWER_TIMEOUT_MS / 1000} s`,
      // A page that did not answer in time is done: what else it was asked fails the same way.
      onCancel: () => reply.catch((error: Error) => this.fail(error)),
    });
    try {
      return await reply;
    } finally {
      this.widths.delete(id);
    }
  }

  close(): void {
    removeEventListener("message", this.onMessage);
    this.signal.removeEventListener("abort", this.onAbort);
    this.fail(aborted());
    this.frame.remove();
  }
}

/** The answer is about the layers asked for, in that order (a page could answer for others). */
function checkAnswer(
  texts: TextProbe,
  boxes: BoxProbe | null,
  asked: { texts: { id: string }[]; ids?: string[] },
): void {
  if (texts.samples.length !== asked.texts.length || texts.samples.some((s, i) => s.id !== asked.texts[i]!.id))
    throw new FigmentError("internal", "the preview answered for other texts than those asked for");
  if (asked.ids && (!boxes || boxes.elements.length !== asked.ids.length))
    throw new FigmentError("internal", "the preview answered for other layers than those asked for");
}

/** A page's score, and when asked its picture at the design width (a PNG data URL) or why it could not be made. */
export interface PageMeasure {
  score: FidelityScore;
  png?: string;
  pictureError?: string;
}

/**
 * The score of `input`, measured as the CLI measures it (the steps of codegen/fidelity/measurement.ts, as
 * cli/measure/score.ts takes them): one page, loaded at the design width and measured there (the layers' boxes, then
 * the texts), then resized to each other width (1920, 768, 390) and measured again — a viewport's width laid out anew,
 * as a page loaded at that width is. Rejects with `Cancelled` when `signal` aborts (the iframe is removed at once).
 */
export async function measureScore(input: ScoreInput, signal?: AbortSignal): Promise<FidelityScore> {
  return (await measurePage(input, signal)).score;
}

/** measureScore, and with `picture` the page as rendered at the design width (drawn by the page: probe-runner.ts). */
export async function measurePage(
  input: ScoreInput,
  signal?: AbortSignal,
  options: { picture?: boolean } = {},
): Promise<PageMeasure> {
  if (!input.drawings?.length) return measureOne(input, undefined, signal, options);
  // One page per drawing: the preview, each element answering to that drawing's layer, loaded at its drawn width
  // and resized to the other widths it is the drawing that applies at.
  const frames = [input.frame, ...input.drawings];
  const widths = widthsPerDrawing(frames.map((f) => f.absoluteBoundingBox?.width ?? 0));
  const measured: PageMeasure[] = [];
  for (const [k, frame] of frames.entries())
    measured.push(
      await measureOne(
        { frame, html: asDrawingMarkup(input.html, layerIdsOf(frame)) },
        widths[k],
        signal,
        k === 0 ? options : {},
      ),
    );
  return { ...measured[0]!, score: pageScore(measured.map((m) => m.score)) };
}

/** One drawing's (or one frame's) measure at `widths` (default: the design width, 1920, 768, 390). */
async function measureOne(
  input: ScoreInput,
  widths: readonly number[] | undefined,
  signal: AbortSignal | undefined,
  options: { picture?: boolean },
): Promise<PageMeasure> {
  const plan = measurePlan(input.frame, widths);
  if (signal?.aborted) throw aborted();
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  signal?.addEventListener("abort", onAbort);
  const first = plan.steps[0]!;
  const page = new MeasuringPage(
    withPageScript(input.html, probeRunnerScript()),
    first.width,
    first.height,
    stop.signal,
  );
  try {
    const answers: ({ width: number } & Answer)[] = [];
    for (const step of plan.steps) {
      const answer = await page.ask(step.width, step.height, {
        texts: plan.texts,
        ...(step.boxes ? { boxes: boxesArg(plan), ...(options.picture ? { picture: true } : {}) } : {}),
      });
      checkAnswer(answer.texts, answer.boxes, { texts: plan.texts.texts, ...(step.boxes ? { ids: plan.ids } : {}) });
      answers.push({ width: step.width, ...answer });
    }
    const atDesign = answers[0]!;
    if (!atDesign.boxes) throw new FigmentError("internal", "the preview gave no boxes at the design width");
    const score = scoreOf(plan, answers);
    return {
      score,
      ...(atDesign.png ? { png: atDesign.png } : {}),
      ...(atDesign.pictureError ? { pictureError: atDesign.pictureError } : {}),
    };
  } finally {
    signal?.removeEventListener("abort", onAbort);
    page.close();
  }
}
