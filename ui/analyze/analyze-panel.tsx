/**
 * The "Analyze selection" panel: the selection and Analyze, the computed findings grouped by kind (a click
 * selects and zooms to the layer), the model's task picker, and its answer streaming below as Markdown, with
 * the session's earlier answers. Without a key: the findings only, and what a key adds.
 */
import { useEffect } from "preact/hooks";
import type { Finding } from "../../codegen/analyze/types.js";
import type { SelectionSummary } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import { BusyStatus, ExportStatus } from "../controls/status.js";
import { FailureNotice } from "../model/failure-notice.js";
import type { AnalyzeSession } from "./analyze-session.js";
import { isBusy } from "../model/job-state.js";
import { TASK_LABEL } from "./analyze-state.js";
import { AnalyzeStatus } from "./analyze-status.js";
import { DoneAnswer } from "./answer-view.js";
import { AskModel } from "./ask-model.js";
import { explainAnalyzeFailure } from "./explain-analyze.js";
import { FindingsList } from "../controls/findings-list.js";
import { selectionWithin } from "./within.js";
import "./analyze.css";

export interface AnalyzePanelProps {
  session: AnalyzeSession;
  selection: SelectionSummary;
  settings: Settings;
  hasKey: boolean;
  onOpenSettings(): void;
  onFocus(finding: Finding): void;
  notify(text: string, tone?: "info" | "error"): void;
}

function selectionText(selection: SelectionSummary): string {
  const [first] = selection.nodes;
  if (!first)
    return selection.unsupported.length > 0
      ? "The selection can't be analyzed: select a frame, component or group."
      : "Select a frame to analyze.";
  return selection.nodes.length === 1
    ? `“${first.name}” · ${Math.round(first.width)}×${Math.round(first.height)}`
    : `${selection.nodes.length} frames: ${selection.nodes.map((n) => `“${n.name}”`).join(", ")}`;
}

function FindingsSection({
  session,
  onFocus,
  onRun,
}: {
  session: AnalyzeSession;
  onFocus(finding: Finding): void;
  onRun(): void;
}) {
  const { state } = session.findings;
  switch (state.phase) {
    case "idle":
      return (
        <p class="muted analyze-empty">
          Analyze checks contrast (WCAG 2.2), target and text sizes, text in images and layer names, computed from the
          design.
        </p>
      );
    case "exporting":
      return <ExportStatus label={state.label} done={state.done} total={state.total} />;
    case "computing":
      return <BusyStatus label="Checking the design…" progressLabel="Checking" />;
    case "failed":
      return (
        <FailureNotice
          explanation={explainAnalyzeFailure(state.failure)}
          kind={state.failure.kind}
          onRetry={onRun}
          onDismiss={onRun}
          onOpenSettings={() => undefined}
        />
      );
    case "ready":
      return (
        <section class="analyze-findings" aria-label="Findings">
          <h3 class="section-title">
            Findings{" "}
            <span class="muted">
              {state.findings.length} · {state.frames.map((f) => `“${f.name}”`).join(", ")}
            </span>
          </h3>
          <FindingsList findings={state.findings} onFocus={onFocus} />
        </section>
      );
  }
}

export function AnalyzePanel({
  session,
  selection,
  settings,
  hasKey,
  onOpenSettings,
  onFocus,
  notify,
}: AnalyzePanelProps) {
  const { findings, model } = session;
  const busy = isBusy(model.state) || findings.state.phase === "exporting" || findings.state.phase === "computing";
  const analyzed = findings.state.phase === "ready";
  // Selecting a finding's layer keeps the analysis current; another frame does not.
  const changed = analyzed && !selectionWithin(findings.exported, selection.nodes);
  const run = () => findings.run(hasKey);
  const head =
    findings.state.phase === "ready" && !changed
      ? findings.state.frames.map((f) => `“${f.name}”`).join(", ")
      : selectionText(selection);
  // The model looks at the analyzed frames (with their pictures) unless the selection moved elsewhere.
  const ask = () =>
    model.ask(
      session.task,
      session.question,
      analyzed && !changed && findings.exported.every((f) => f.png) ? findings.exported : undefined,
    );
  // Opening the panel on a selection analyzes it (offline, instant): the findings are what it is for.
  useEffect(() => {
    if (findings.state.phase === "idle" && selection.nodes.length > 0) run();
  }, []);
  return (
    <div class="panel panel--analyze">
      <div class="panel__head analyze-head">
        <p class="analyze-head__selection one-line" title={head}>
          {head}
          {changed ? <span class="muted"> · selection changed</span> : null}
        </p>
        <button
          type="button"
          class={`button ${!analyzed || changed ? "button--primary" : "button--secondary"}`}
          disabled={busy || selection.nodes.length === 0}
          onClick={run}
        >
          {!analyzed ? "Analyze" : changed ? "Analyze selection" : "Analyze again"}
        </button>
      </div>
      <div class="analyze-body">
        <FindingsSection session={session} onFocus={onFocus} onRun={run} />
        <AskModel
          task={session.task}
          question={session.question}
          selected={
            analyzed && !changed ? Math.max(findings.exported.length, selection.nodes.length) : selection.nodes.length
          }
          hasKey={hasKey}
          busy={busy}
          settings={settings}
          onTask={session.setTask}
          onQuestion={session.setQuestion}
          onAsk={ask}
          onOpenSettings={onOpenSettings}
        />
        <AnalyzeStatus job={model} onOpenSettings={onOpenSettings} />
        {session.results.length > 1 ? (
          <fieldset class="analyze-results" aria-label="Answers in this session">
            {session.results.map((r) => (
              <button
                key={r.id}
                type="button"
                class={`chip${r.id === session.shown?.id ? " is-active" : ""}`}
                aria-pressed={r.id === session.shown?.id}
                onClick={() => session.show(r.id)}
              >
                {TASK_LABEL[r.task]} ·{" "}
                {new Date(r.finishedAt).toLocaleTimeString([], {
                  hour: "2-digit",
                  minute: "2-digit",
                  second: "2-digit",
                })}
              </button>
            ))}
          </fieldset>
        ) : null}
        {session.shown && model.state.phase !== "streaming" ? (
          <DoneAnswer result={session.shown} notify={notify} />
        ) : null}
      </div>
    </div>
  );
}
