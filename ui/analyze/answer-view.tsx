/**
 * An answer: while it streams (rendered as it comes, with Cancel), and when done (who answered, the usage,
 * Copy as Markdown). A stopped or failed answer shows what came, marked as not kept.
 */
import { useEffect, useRef } from "preact/hooks";
import { int, formatCost } from "../model/cost.js";
import { copyText } from "../lib/clipboard.js";
import { CopyIcon } from "../controls/icons.js";
import { TASK_LABEL, type AnalysisResult, type AnswerStream } from "./analyze-state.js";
import { MarkdownView } from "../controls/markdown-view.js";
import { plural } from "../../kernel/plural.js";

const framesText = (frames: { name: string }[]): string => frames.map((f) => `“${f.name}”`).join(" → ");

/** `seconds`: since the request went (the model job's clock). */
export function StreamingAnswer({
  state,
  seconds,
  onCancel,
}: {
  state: AnswerStream;
  seconds: number;
  onCancel(): void;
}) {
  return (
    <section class="answer answer--streaming" aria-label="Answer" aria-busy="true">
      <div class="answer__head">
        <span class="answer__title one-line">
          {TASK_LABEL[state.task]} · {framesText(state.frames)}
        </span>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p class="muted answer__meta" role="status">
        {state.text
          ? `${state.to.model} is answering… ${seconds} s`
          : `Waiting for ${state.to.model} at ${state.to.host}… ${seconds} s`}
      </p>
      {state.text ? (
        <MarkdownView text={state.text} class="answer__body" />
      ) : (
        <progress class="progress" aria-label="Waiting for the answer" />
      )}
    </section>
  );
}

export function DoneAnswer({
  result,
  notify,
}: {
  result: AnalysisResult;
  notify(text: string, tone?: "info" | "error"): void;
}) {
  const box = useRef<HTMLElement>(null);
  // A new answer (or one picked from the session's) is brought into view from its head.
  useEffect(() => box.current?.scrollIntoView?.({ block: "start" }), [result.id]);
  const usage = result.usage
    ? `${int(result.usage.inputTokens)} in · ${int(result.usage.outputTokens)} ` +
      `out${result.costUsd !== undefined ? ` · ${formatCost(result.costUsd)}` : ""}`
    : undefined;
  const copy = () =>
    copyText(result.markdown).then(
      () => notify("Answer copied as Markdown"),
      (error: unknown) => notify(error instanceof Error ? error.message : String(error), "error"),
    );
  return (
    <section ref={box} class="answer" aria-label="Answer">
      <div class="answer__head">
        <span class="answer__title one-line">
          {TASK_LABEL[result.task]} · {framesText(result.frames)}
        </span>
        <button type="button" class="button button--secondary" onClick={() => void copy()}>
          <CopyIcon /> Copy as Markdown
        </button>
      </div>
      <p class="muted answer__meta">
        {[
          result.model,
          usage,
          result.findings ? `${plural(result.findings, "finding")} sent as data` : undefined,
          new Date(result.finishedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }),
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {result.question ? <p class="answer__question">Asked: {result.question}</p> : null}
      <MarkdownView text={result.markdown} class="answer__body" />
      {result.cut ? (
        <p class="muted answer__cut">The answer stopped at the model's output limit; this is what came.</p>
      ) : null}
    </section>
  );
}

/** What streamed before a stop or failure: shown for reading, not kept. */
export function PartialAnswer({ text }: { text: string }) {
  if (!text.trim()) return null;
  return (
    <section class="answer answer--partial" aria-label="Partial answer">
      <p class="muted answer__meta">What came before it stopped (not kept):</p>
      <MarkdownView text={text} class="answer__body" />
    </section>
  );
}
