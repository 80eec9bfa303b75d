/** The "Generate code" panel: selection, options, Generate/Cancel, progress or errors, results. */
import type { CodeOptions as Options } from "../../codegen/load.js";
import type { SelectionSummary } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import { useState } from "preact/hooks";
import type { AiJob, AiSession } from "./ai-job.js";
import { useAiPreview } from "./ai-preview.js";
import { jobBusy, shownOutput, type CodeJob, type CodeOutput } from "./code-job.js";
import type { WorkerHost } from "../worker/host.js";
import { AiStatus } from "./ai-status.js";
import { RefineBox, TurnBar, TurnSummary } from "./ai-turns.js";
import { CodeOptions } from "./code-options.js";
import { JobStatus } from "./job-status.js";
import { useFollowSelection } from "./follow-selection.js";
import { ResultsView } from "./results-view.js";
import { SelectionCard } from "./selection-card.js";
import { TextArea } from "../components/text-area.js";
import { useWorkerWarmUp } from "../worker/warm-up.js";

export interface GeneratePanelProps {
  selection: SelectionSummary;
  thumbnailUrl: string | undefined;
  settings: Settings;
  job: CodeJob;
  ai: AiJob;
  worker: WorkerHost;
  hasKey: boolean;
  onSettingsChange(patch: Partial<Settings>): void;
  onOpenSettings(): void;
  notify(text: string, tone?: "info" | "error"): void;
  /** Selects a layer on the canvas (a problem's layer). */
  onFocusNode(nodeId: string): void;
}

export function optionsFrom(settings: Settings): Options {
  return { target: settings.target, styling: settings.styling, nodeIds: settings.nodeIds };
}

/** A model turn as the results view shows it. */
function turnOutput(session: AiSession, preview: CodeOutput["preview"] | undefined): CodeOutput | undefined {
  const turn = session.turns[session.selected];
  if (!turn) return undefined;
  return { id: turn.n, options: session.options, files: turn.files, problems: turn.problems, ms: turn.ms, workerColdStartMs: undefined, frames: [session.frame], preview: preview ?? { status: "loading" } };
}

export function GeneratePanel({ selection, thumbnailUrl, settings, job, ai, worker, hasKey, onSettingsChange, onOpenSettings, notify, onFocusNode }: GeneratePanelProps) {
  const { state } = job;
  /** Which result is on screen: the offline output or the model conversation (the last one started). */
  const [source, setSource] = useState<"offline" | "ai">("offline");
  const [instructions, setInstructions] = useState("");
  const [draft, setDraft] = useState(false);
  const aiBusy = ai.state.phase === "exporting" || ai.state.phase === "preparing" || ai.state.phase === "streaming";
  const busy = jobBusy(state) || aiBusy;
  const nothingSelected = selection.nodes.length === 0;
  const options = optionsFrom(settings);
  const session = ai.session;
  const preview = useAiPreview(worker, source === "ai" ? session : undefined);
  const aiOutput = source === "ai" && session ? turnOutput(session, preview) : undefined;
  const offlineOutput = source === "offline" ? shownOutput(state) : undefined;

  // The worker boots in idle time once this panel has painted, so the checked files follow the draft sooner.
  useWorkerWarmUp(() => void worker.warmUp().catch(() => undefined));
  const startOffline = () => {
    setSource("offline");
    job.generate(options);
  };
  const followed = useFollowSelection({ enabled: settings.followSelection && source === "offline" && !aiBusy, selection, shownFrames: shownOutput(state)?.frames ?? [], generate: startOffline });
  const generateOffline = () => {
    followed(selection);
    startOffline();
  };
  const generateWithAi = (text: string, withDraft: boolean) => {
    setSource("ai");
    ai.start({ options, instructions: text, draft: withDraft });
  };

  return (
    <div class="panel panel--code">
      <div class="panel__head">
        <div class="head-row">
          <SelectionCard selection={selection} thumbnailUrl={thumbnailUrl} />
          {busy ? (
            <button type="button" class="button button--secondary" onClick={aiBusy ? ai.cancel : job.cancel}>
              Cancel
            </button>
          ) : (
            <div class="head-actions">
              {/* The primary action is the model with a key, the offline generator without one. */}
              <button
                type="button"
                class={`button ${hasKey ? "button--secondary" : "button--primary"}`}
                disabled={nothingSelected}
                title={nothingSelected ? "Select a frame, component or group first" : "Generate from the layer structure, on this computer"}
                onClick={generateOffline}
              >
                Generate
              </button>
              <button
                type="button"
                class={`button ${hasKey ? "button--primary" : "button--secondary"}`}
                disabled={nothingSelected}
                title={nothingSelected ? "Select a frame, component or group first" : hasKey ? `Send the frame's image and structure to ${settings.model}` : "Add an API key in Settings first"}
                onClick={() => generateWithAi(instructions, draft)}
              >
                Generate with AI
              </button>
            </div>
          )}
        </div>
        <CodeOptions settings={settings} disabled={busy} onChange={onSettingsChange} />
        <div class="ai-options">
          <TextArea
            class="ai-options__instructions"
            maxRows={4}
            aria-label="Instructions for the model"
            placeholder="Instructions for the model (optional)"
            title="e.g. “use our Button component”, “make it responsive”"
            value={instructions}
            disabled={busy}
            onInput={(event) => setInstructions(event.currentTarget.value)}
          />
          <label class="checkbox" title="Send the offline output as a draft for the model to improve">
            <input type="checkbox" checked={draft} disabled={busy} onChange={(event) => setDraft(event.currentTarget.checked)} /> Start from the offline draft
          </label>
        </div>
      </div>
      {source === "offline" ? (
        <JobStatus
          state={state}
          actions={{ onCancel: job.cancel, onRetry: () => job.retry(options), onExportAgain: generateOffline, onOpenSettings }}
        />
      ) : null}
      <AiStatus job={ai} onOpenSettings={onOpenSettings} />
      {aiOutput && session ? (
        <div class="ai-results">
          <TurnBar session={session} onSelect={ai.selectTurn} />
          <TurnSummary session={session} />
          <ResultsView key={`${session.frame.id}:${aiOutput.id}`} output={aiOutput} notify={notify} onFocusNode={onFocusNode} />
          <RefineBox disabled={aiBusy} label="Refine" placeholder={`Ask for a change to turn ${session.turns[session.selected]?.n ?? ""}, e.g. “make the header sticky”`} onSend={ai.refine} />
        </div>
      ) : offlineOutput ? (
        <>
          <ResultsView key={offlineOutput.id} output={offlineOutput} notify={notify} onFocusNode={onFocusNode} />
          <RefineBox disabled={busy} label="Refine with AI" placeholder="Ask the model to improve this code, e.g. “use semantic sections”" onSend={(text) => generateWithAi(text, true)} />
        </>
      ) : state.phase === "idle" && ai.state.phase === "idle" && !nothingSelected ? (
        <p class="hint muted">
          Press Generate to write {settings.target === "react" ? "React components" : "HTML and CSS"} from the layers, or Generate with AI to send the frame to {settings.model}.
        </p>
      ) : null}
    </div>
  );
}
