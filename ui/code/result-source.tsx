/**
 * The head of a result: the frame it came from (thumbnail, name) with its counts; once the selection has
 * moved on, it says the result is from an earlier selection and offers to regenerate for the current one.
 */
import type { CodeOptions } from "../../codegen/load.js";
import { targetLabel as targetName } from "../../contract/targets.js";
import { FrameIcon, WarningIcon } from "../controls/icons.js";
import type { CodeOutput } from "./code-job.js";
import { relativeTime } from "../lib/time-ago.js";
import { plural } from "../../kernel/plural.js";

export const formatMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

/** The target and its styling ("Vue · Tailwind"); React Native's alone: its StyleSheet is its only styling. */
export function targetLabel({ target, styling }: CodeOptions): string {
  return target === "html"
    ? "HTML · CSS"
    : target === "react-native"
      ? targetName(target)
      : `${targetName(target)} · ${styling === "tailwind" ? "Tailwind" : "CSS modules"}`;
}

export interface Regenerate {
  /** What the button does, for its tooltip. */
  title: string;
  disabled: boolean;
  run(): void;
}

export interface ResultSourceProps {
  output: CodeOutput;
  thumbnailUrl: string | undefined;
  stale: boolean;
  regenerate: Regenerate;
}

export function ResultSource({ output, thumbnailUrl, stale, regenerate }: ResultSourceProps) {
  const [frame, ...others] = output.frames;
  const name = frame?.name ?? "Design";
  const files = `${plural(output.files.length, "file")}`;
  const meta =
    `${files} · ${targetLabel(output.options)} · ` +
    `${output.saved ? `saved ${relativeTime(output.saved.createdAt, new Date())}` : formatMs(output.ms)}`;
  const coldStart =
    output.workerColdStartMs === undefined ? "" : ` (code generator started in ${formatMs(output.workerColdStartMs)})`;
  return (
    <fieldset class={`result-source${stale ? " is-stale" : ""}`} aria-label={`Result for ${name}`}>
      <span class="result-source__thumb">{thumbnailUrl ? <img src={thumbnailUrl} alt="" /> : <FrameIcon />}</span>
      <span class="result-source__name one-line" title={[frame, ...others].map((f) => f?.name).join(", ")}>
        {name}
        {others.length > 0 ? ` +${others.length}` : ""}
      </span>
      {stale ? (
        <span class="result-source__stale one-line" title="The selection has changed since this result was made">
          <WarningIcon /> From an earlier selection
        </span>
      ) : null}
      <span class="result-source__meta muted one-line" title={`${meta}${coldStart}`}>
        {meta}
      </span>
      {stale ? (
        <button
          type="button"
          class="button button--secondary button--small result-source__regenerate"
          title={regenerate.title}
          disabled={regenerate.disabled}
          onClick={regenerate.run}
        >
          Regenerate
        </button>
      ) : null}
    </fieldset>
  );
}
