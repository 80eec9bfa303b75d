/** The "Generate code" panel: selection, options, Generate/Cancel, progress or errors, results. */
import type { CodeOptions as Options } from "../../../codegen/load.js";
import type { SelectionSummary } from "../../../plugin/messages.js";
import type { Settings } from "../../../plugin/settings.js";
import type { CodeJob } from "../../code-job.js";
import { CodeOptions } from "./code-options.js";
import { JobStatus } from "./job-status.js";
import { ResultsView } from "./results-view.js";
import { SelectionCard } from "./selection-card.js";

export interface GeneratePanelProps {
  selection: SelectionSummary;
  thumbnailUrl: string | undefined;
  settings: Settings;
  job: CodeJob;
  onSettingsChange(patch: Partial<Settings>): void;
  onOpenSettings(): void;
  notify(text: string, tone?: "info" | "error"): void;
}

export function optionsFrom(settings: Settings): Options {
  return { target: settings.target, styling: settings.styling, nodeIds: settings.nodeIds };
}

export function GeneratePanel({ selection, thumbnailUrl, settings, job, onSettingsChange, onOpenSettings, notify }: GeneratePanelProps) {
  const { state } = job;
  const busy = state.phase === "exporting" || state.phase === "generating";
  const nothingSelected = selection.nodes.length === 0;
  const options = optionsFrom(settings);
  return (
    <div class="panel panel--code">
      <div class="panel__head">
        <div class="head-row">
          <SelectionCard selection={selection} thumbnailUrl={thumbnailUrl} />
          {busy ? (
            <button type="button" class="button button--secondary" onClick={job.cancel}>
              Cancel
            </button>
          ) : (
            <button
              type="button"
              class="button button--primary"
              disabled={nothingSelected}
              title={nothingSelected ? "Select a frame, component or group first" : undefined}
              onClick={() => job.generate(options)}
            >
              Generate
            </button>
          )}
        </div>
        <CodeOptions settings={settings} disabled={busy} onChange={onSettingsChange} />
      </div>
      <JobStatus
        state={state}
        actions={{ onCancel: job.cancel, onRetry: () => job.retry(options), onExportAgain: () => job.generate(options), onOpenSettings }}
      />
      {state.phase === "done" ? (
        <ResultsView key={state.output.id} output={state.output} notify={notify} />
      ) : state.phase === "idle" && !nothingSelected ? (
        <p class="hint muted">Press Generate to write {settings.target === "react" ? "React components" : "HTML and CSS"} for the selection.</p>
      ) : null}
    </div>
  );
}
