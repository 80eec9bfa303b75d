/**
 * The panel's half of the fidelity score: a preview document laid out at the design width, 390 and 768 px (height:
 * the design's), each in an offscreen iframe of its own — `sandbox="allow-scripts"`, never same-origin, its CSP
 * allowing only the probe runner (probe-runner.ts) beside what the page already needs — whose probes answer by
 * postMessage. Each answer is taken only from that iframe and only once its every field checks
 * (contract/fidelity.ts); the score is then computed by codegen/fidelity, the one implementation the CLI uses too.
 */
import { probeIds, scoreBoxes } from "../../../codegen/fidelity/box-score.js";
import { designTexts, designViewport, type RestNode } from "../../../codegen/fidelity/design-nodes.js";
import type { BoxProbe, TextProbe } from "../../../codegen/fidelity/probe.js";
import { widthFigures, widthsFor } from "../../../codegen/fidelity/responsive.js";
import { fidelityScore } from "../../../codegen/fidelity/score.js";
import type { FidelityScore } from "../../../codegen/fidelity/types.js";
import { withPageScript } from "../../../codegen/preview/page-script.js";
import { probeReplyField } from "./probe-reply.js";
import { probeRunnerScript, type ProbeRequest } from "./probe-runner.js";

/** What to measure: a frame's REST JSON and the preview document its code makes (html-page.ts or react-preview.ts). */
export interface ScoreInput {
  frame: RestNode;
  /** The preview document, as the preview shows it (layers carry `data-node-id`). */
  html: string;
}

/** How long one width's page may take to load and answer. */
const ANSWER_TIMEOUT_MS = 30_000;

export class MeasureError extends Error {
  override name = "MeasureError";
}

const aborted = (): DOMException => new DOMException("The measurement was cancelled.", "AbortError");

/** A token a reply must carry back: the reply is for this request, not an earlier page's. */
const token = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/** Loads `page` at `width`×`height` offscreen, sends `request`, and returns the page's checked answer. */
function askPage(page: string, width: number, height: number, request: Omit<ProbeRequest, "type" | "token">, signal: AbortSignal | undefined): Promise<{ texts: TextProbe; boxes: BoxProbe | null }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("aria-hidden", "true");
    frame.setAttribute("referrerpolicy", "no-referrer");
    frame.tabIndex = -1;
    frame.title = "Measuring the preview";
    frame.className = "score-probe";
    // Offscreen at the page's real size: laid out as a viewport of that width, never seen or hit.
    frame.style.cssText = `position:fixed;left:${-width - 10_000}px;top:0;width:${width}px;height:${height}px;border:0;pointer-events:none`;
    const id = token();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (): void => {
      clearTimeout(timer);
      removeEventListener("message", onMessage);
      signal?.removeEventListener("abort", onAbort);
      frame.remove();
    };
    const fail = (error: Error): void => {
      finish();
      reject(error);
    };
    const onAbort = (): void => fail(aborted());
    const onMessage = (event: MessageEvent): void => {
      if (event.source !== frame.contentWindow || (event.data as { token?: unknown } | null)?.token !== id) return;
      let reply: ReturnType<typeof probeReplyField.check>;
      try {
        reply = probeReplyField.check(event.data, "reply");
      } catch (error) {
        return fail(new MeasureError(`the preview's measurement was not readable: ${error instanceof Error ? error.message : String(error)}`));
      }
      if (reply.error !== undefined || !reply.texts) return fail(new MeasureError(`the preview could not be measured at ${width} px: ${reply.error ?? "no figures"}`));
      finish();
      resolve({ texts: reply.texts, boxes: reply.boxes ?? null });
    };
    signal?.addEventListener("abort", onAbort);
    addEventListener("message", onMessage);
    frame.addEventListener("load", () => frame.contentWindow?.postMessage({ type: "figment-measure", token: id, ...request } satisfies ProbeRequest, "*"), { once: true });
    timer = setTimeout(() => fail(new MeasureError(`the preview did not answer the measurement at ${width} px within ${ANSWER_TIMEOUT_MS / 1000} s`)), ANSWER_TIMEOUT_MS);
    frame.srcdoc = page;
    document.body.append(frame);
  });
}

/** The answer is about the layers asked for, in that order (a page could answer for others). */
function checkAnswer(texts: TextProbe, boxes: BoxProbe | null, asked: { texts: { id: string }[]; ids?: string[] }): void {
  if (texts.samples.length !== asked.texts.length || texts.samples.some((s, i) => s.id !== asked.texts[i]!.id)) throw new MeasureError("the preview answered for other texts than those asked for");
  if (asked.ids && (!boxes || boxes.elements.length !== asked.ids.length)) throw new MeasureError("the preview answered for other layers than those asked for");
}

/**
 * The score of `input`: every width measured at once (each in its own iframe), then computed as the CLI does
 * (cli/score.ts). Rejects with an AbortError when `signal` aborts (the iframes are removed at once).
 */
export async function measureScore(input: ScoreInput, signal?: AbortSignal): Promise<FidelityScore> {
  const { frame } = input;
  const design = designViewport(frame);
  const texts = designTexts(frame);
  const { nodes, ids } = probeIds(frame);
  const page = withPageScript(input.html, probeRunnerScript());
  // One width failing ends the others (and the caller's abort ends all).
  const all = new AbortController();
  const stop = (): void => all.abort();
  signal?.addEventListener("abort", stop);
  if (signal?.aborted) stop();
  let answers;
  try {
    answers = await Promise.all(
      widthsFor(design.width).map(async (width) => {
        const atDesign = width === design.width;
        const answer = await askPage(page, width, design.height, { texts, ...(atDesign ? { boxes: { rootId: frame.id, ids } } : {}) }, all.signal);
        checkAnswer(answer.texts, answer.boxes, { texts, ...(atDesign ? { ids } : {}) });
        return { width, ...answer };
      }),
    );
  } finally {
    signal?.removeEventListener("abort", stop);
    stop();
  }
  const atDesign = answers.find((a) => a.width === design.width);
  if (!atDesign?.boxes) throw new MeasureError("the preview gave no boxes at the design width");
  const fidelity = scoreBoxes(frame, nodes, atDesign.boxes, false);
  return fidelityScore(
    frame,
    fidelity,
    answers.map((a) => ({ figures: widthFigures(a.width, a.texts.scrollWidth, a.texts.clientWidth, a.texts.samples), samples: a.texts.samples })),
  );
}
