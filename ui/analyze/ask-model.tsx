/**
 * The model side of the panel's controls: the task picker, an optional question and Ask; without a key, the
 * key-needed note and what a key adds. Compare needs two frames, and says so before anything is exported.
 */
import { ANALYZE_TASKS, type AnalyzeTask } from "../../ai/analyze/tasks.js";
import type { Settings } from "../../contract/settings.js";
import { Segmented } from "../controls/segmented.js";
import { KeyNeeded } from "../model/key-needed.js";
import { TASK_LABEL } from "./analyze-state.js";

const TASK_TITLE: Readonly<Record<AnalyzeTask, string>> = {
  describe: "What the screen is and its sections, for a hand-off note",
  critique: "Hierarchy, spacing, alignment and the findings above, with fixes",
  text: "Text in the picture compared with the design's live text: text baked into images is reported",
  compare: "What changed between two selected frames (or two versions)",
};

export const WHAT_A_KEY_ADDS =
  "With a key, a vision model sees the frame: it describes the screen for a hand-off, critiques hierarchy, " +
  "spacing and alignment building on these findings, reads text baked into images, and compares two frames.";

export interface AskModelProps {
  task: AnalyzeTask;
  question: string;
  selected: number;
  hasKey: boolean;
  busy: boolean;
  settings: Settings;
  onTask(task: AnalyzeTask): void;
  onQuestion(question: string): void;
  onAsk(): void;
  onOpenSettings(): void;
}

export function AskModel({
  task,
  question,
  selected,
  hasKey,
  busy,
  settings,
  onTask,
  onQuestion,
  onAsk,
  onOpenSettings,
}: AskModelProps) {
  if (!hasKey)
    return (
      <section class="analyze-ask" aria-label="Ask the model">
        <KeyNeeded what="Asking a vision model" settings={settings} onOpenSettings={onOpenSettings} />
        <p class="muted analyze-ask__adds">{WHAT_A_KEY_ADDS}</p>
      </section>
    );
  const needsTwo = task === "compare" && selected < 2;
  return (
    <section class="analyze-ask" aria-label="Ask the model">
      <h3 class="section-title">Ask the model</h3>
      <Segmented
        label="Task"
        value={task}
        options={ANALYZE_TASKS.map((value) => ({ value, label: TASK_LABEL[value], title: TASK_TITLE[value] }))}
        disabled={busy}
        onChange={onTask}
      />
      <p class="muted analyze-ask__what">{TASK_TITLE[task]}.</p>
      <input
        class="input analyze-ask__question"
        type="text"
        aria-label="Question (optional)"
        placeholder="Question or focus (optional)"
        value={question}
        maxLength={4000}
        disabled={busy}
        onInput={(e) => onQuestion(e.currentTarget.value)}
        onKeyDown={(e) => e.key === "Enter" && !busy && !needsTwo && selected > 0 && onAsk()}
      />
      {needsTwo ? (
        <p class="analyze-ask__needs" role="note">
          Compare needs two frames: select two frames (Shift-click), then ask.
        </p>
      ) : null}
      <div class="analyze-ask__actions">
        <button
          type="button"
          class="button button--primary"
          disabled={busy || needsTwo || selected === 0}
          onClick={onAsk}
        >
          {TASK_LABEL[task]} with AI
        </button>
      </div>
    </section>
  );
}
