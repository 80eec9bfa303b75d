/** The "Generate code" panel: the head (selection, actions, options), progress or errors, and the results. */
import type { CodeOptions as Options } from "../../codegen/load.js";
import type { ComponentMap } from "../../codegen/components-map/model.js";
import type { SelectionSummary } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import { useEffect, useRef, useState } from "preact/hooks";
import type { AiJob, AiSession } from "./ai-job.js";
import { useAiPreview } from "./ai-preview.js";
import { codeJobBusy, shownOutput, type CodeJob, type CodeOutput } from "./code-job.js";
import type { Engine } from "../engine/engine.js";
import type { MainRequests } from "../channel/requests.js";
import {
  LazyDesignChanges,
  LazyPromptDesignBox,
  LazySavedNote,
  LazyUpdateDownload,
  loadLayers,
} from "./layers/layers-loader.js";
import { PasteHtml } from "./layers/paste-html.js";
import { AiStatus } from "./ai-status.js";
import { turnKey } from "./ai-score.js";
import { RefineBox, TurnBar, TurnSummary } from "./ai-turns.js";
import { GenerateHead, generateBlocker, type AiInput } from "./generate-head.js";
import { useFollowSelection } from "./follow-selection.js";
import { CodeJobStatus } from "./code-job-status.js";
import { KeyNeeded } from "../model/key-needed.js";
import { isBusy } from "../model/job-state.js";
import { ResultSource, type Regenerate } from "./result-source.js";
import { ResultsView } from "./results-view.js";
import { isStale } from "./stale.js";
import type { Thumbnails } from "./thumbnails.js";
import { useWorkerWarmUp } from "../engine/warm-up.js";
import { isPageSession } from "./prompt-design.js";
import { MoreMenu } from "./more-menu.js";
import { PageGroupsOf, pagesOf, useSelectionPages } from "./page-groups.js";

export interface GeneratePanelProps {
  selection: SelectionSummary;
  thumbnails: Thumbnails;
  settings: Settings;
  job: CodeJob;
  ai: AiJob;
  worker: Engine;
  /** The main thread ("Insert as layers"). */
  requests: MainRequests;
  hasKey: boolean;
  onSettingsChange(patch: Partial<Settings>): void;
  onOpenSettings(): void;
  notify(text: string, tone?: "info" | "error"): void;
  /** Selects a layer on the canvas (a problem's layer). */
  onFocusNode(nodeId: string): void;
  /** A result switched between its code and its preview: the toasts about the other view leave. */
  onViewChange(): void;
  /**
   * The document's component mapping (Settings → Components): React draws the instances it names as the team's
   * components.
   */
  components?: ComponentMap | undefined;
  /** Opens "Design from a prompt" at once (the menu command). */
  promptOpen?: boolean;
}

export function optionsFrom(settings: Settings, components?: ComponentMap): Options {
  const mapped = settings.target === "react" && components && components.components.length > 0;
  return {
    target: settings.target,
    styling: settings.styling,
    nodeIds: settings.nodeIds,
    ...(mapped ? { components } : {}),
  };
}

/** A model turn as the results view shows it; `measuring`: the turn whose score is being measured. */
function turnOutput(
  session: AiSession,
  preview: CodeOutput["preview"] | undefined,
  measuring: string | undefined,
): CodeOutput | undefined {
  const turn = session.turns[session.selected];
  if (!turn) return undefined;
  const score = turn.score ?? (measuring === turnKey(session, turn) ? { status: "measuring" as const } : undefined);
  return {
    id: turn.n,
    options: session.options,
    files: turn.files,
    problems: turn.problems,
    ms: turn.ms,
    workerColdStartMs: undefined,
    frames: [session.frame],
    preview: preview ?? { status: "loading" },
    ...(score ? { score } : {}),
  };
}

/**
 * "Fix differences": the measured differences of the turn on show go back to the model (its answer kept only if it
 * measures better).
 */
function FixButton({ disabled, turn, onFix }: { disabled: boolean; turn: number | undefined; onFix(): void }) {
  return (
    <button
      type="button"
      class="button button--secondary button--small score__fix"
      disabled={disabled}
      title={`Send turn ${turn ?? ""}'s measured differences to the model; its fix is kept only if it measures better`}
      onClick={onFix}
    >
      Fix differences
    </button>
  );
}

/** Whether Design from a prompt is open (the menu command opens it), and Paste HTML from the "More" menu. */
function useStarts(promptOpen: boolean) {
  const [prompting, setPrompting] = useState(promptOpen);
  // The menu command again (the panel was open already): the prompt opens, whatever is on show.
  useEffect(() => {
    if (promptOpen) setPrompting(true);
  }, [promptOpen]);
  const [pasting, setPasting] = useState(false);
  return { prompting, setPrompting, pasting, setPasting };
}

/** What the first screen says before anything ran. */
function IdleHint({ settings, hasKey }: { settings: Settings; hasKey: boolean }) {
  return (
    <p class="hint muted">
      Press Generate to write {settings.target === "react" ? "React components" : "HTML and CSS"} from the layers
      {hasKey ? `, or Generate with AI to send the frame to ${settings.model}` : ""}.
    </p>
  );
}

/** The entry to "Design from a prompt", on the panel's first screen. */
function PromptDesignOpen({ disabled, onOpen }: { disabled: boolean; onOpen(): void }) {
  return (
    <div class="prompt-design__open">
      <button
        type="button"
        class="button button--secondary button--small"
        disabled={disabled}
        title="The model designs a page (HTML with Tailwind) from your description"
        onClick={onOpen}
      >
        Design from a prompt…
      </button>
    </div>
  );
}

/**
 * The layers part (Insert as layers and the score view, 17 KB) asked for ahead of the first result: asked for when
 * that result showed, the score came ~300 ms after the code (bench score-panel).
 */
const prefetchLayers = (requests: MainRequests): void => void loadLayers(requests).catch(() => undefined);

/**
 * The first screen's other starts, together under what Generate shows (its progress or error stays next to it, not
 * between the two).
 */
function OtherStarts(props: { requests: MainRequests; busy: boolean; prompting: boolean; onPrompt(on: true): void }) {
  return (
    <>
      {props.prompting ? null : <PromptDesignOpen disabled={props.busy} onOpen={() => props.onPrompt(true)} />}
      <PasteHtml requests={props.requests} />
    </>
  );
}

/** While results show, the panel's other starts in the compact head: Design from a prompt, Paste HTML. */
function StartsMenu({ busy, onPrompt, onPaste }: { busy: boolean; onPrompt(): void; onPaste(): void }) {
  return (
    <MoreMenu
      label="More ways to start"
      items={[
        {
          label: "Design from a prompt…",
          title: "The model designs a page (HTML with Tailwind) from your description",
          disabled: busy,
          run: onPrompt,
        },
        {
          label: "Paste HTML as layers…",
          title: "Insert a page's HTML as layers beside the selection",
          run: onPaste,
        },
      ]}
    />
  );
}

/** Under an offline or reopened result: Refine with AI, or for a designed page from History, Design again. */
function OutputRefine(props: {
  disabled: boolean;
  savedPage: boolean;
  onRefine(text: string): void;
  onDesignAgain(text: string): void;
}) {
  return props.savedPage ? (
    <RefineBox
      disabled={props.disabled}
      label="Design again"
      placeholder="Design the page again from its brief with a change, e.g. “a dark theme”"
      onSend={props.onDesignAgain}
    />
  ) : (
    <RefineBox
      disabled={props.disabled}
      label="Refine with AI"
      placeholder="Ask for a change, e.g. “use semantic sections”"
      onSend={props.onRefine}
    />
  );
}

/**
 * Whether the result on show is of another selection than now's; `kept`: it stays current (a layer of it chosen, a
 * designed page), `ai`: a model turn, of the first frame.
 */
function shownStale(output: CodeOutput | undefined, selection: SelectionSummary, ai: boolean, kept: boolean): boolean {
  return (
    !!output &&
    !kept &&
    isStale(
      output.frames.map((f) => f.id),
      selection,
      { firstOnly: ai },
    )
  );
}

/** Whether `value` has been true at any render so far. */
function useOnceTrue(value: boolean): boolean {
  const seen = useRef(false);
  if (value) seen.current = true;
  return seen.current;
}

export function GeneratePanel({
  selection,
  thumbnails,
  settings,
  job,
  ai,
  worker,
  requests,
  hasKey,
  onSettingsChange,
  onOpenSettings,
  notify,
  onFocusNode,
  onViewChange,
  components,
  promptOpen = false,
}: GeneratePanelProps) {
  const { state } = job;
  /** Which result is on screen: the offline output or the model conversation (the last one started). */
  const [source, setSource] = useState<"offline" | "ai">("offline");
  const [aiInput, setAiInput] = useState<AiInput>({ instructions: "", draft: false });
  const { prompting, setPrompting, pasting, setPasting } = useStarts(promptOpen);
  const aiBusy = isBusy(ai.state);
  const busy = codeJobBusy(state) || aiBusy;
  const options = optionsFrom(settings, components);
  const session = ai.session;
  const preview = useAiPreview(worker, source === "ai" ? session : undefined);
  const aiOutput = source === "ai" && session ? turnOutput(session, preview, ai.measuring) : undefined;
  const output = aiOutput ?? (source === "offline" ? shownOutput(state) : undefined);
  // Once results have been on screen, the head stays compact, also while the next run replaces them.
  const compact = useOnceTrue(output !== undefined);

  // In idle time once this panel has painted: the draft emitters with the scorer and the layers part with the score
  // view (the first Generate's draft and score need no round trip for them), and the worker's boot with the code parts
  // `generate` needs, so the formatted files follow the draft sooner.
  useWorkerWarmUp(() => {
    job.warmUp();
    prefetchLayers(requests);
    void worker.warmUp({ for: "generate" }).catch(() => undefined);
  });
  const pageGroups = useSelectionPages(selection, requests, worker);
  const startOffline = () => {
    setSource("offline");
    prefetchLayers(requests);
    job.generate(options, pagesOf(pageGroups, job.separate));
  };
  const followed = useFollowSelection({
    enabled: settings.followSelection && source === "offline" && !aiBusy,
    selection,
    shownFrames: shownOutput(state)?.frames ?? [],
    generate: startOffline,
  });
  const generateOffline = () => {
    followed(selection);
    startOffline();
  };
  const designPage = (prompt: string, withSelection: boolean) => {
    setSource("ai");
    ai.design(prompt, withSelection);
  };
  const generateWithAi = (text: string, withDraft: boolean, clarify?: boolean) => {
    setSource("ai");
    ai.start({ options, instructions: text, draft: withDraft, clarify });
  };

  // A layer chosen in the result (the score's list, a problem) is selected on the canvas: while it is the
  // selection, the result stays current and "Update as I select" does not follow to it.
  const [focused, setFocused] = useState<string | undefined>(undefined);
  const focusLayer = (nodeId: string) => {
    setFocused(nodeId);
    followed({ nodes: [{ id: nodeId, name: "", type: "", width: 0, height: 0 }], unsupported: [] });
    onFocusNode(nodeId);
  };
  const onFocused =
    focused !== undefined &&
    selection.unsupported.length === 0 &&
    selection.nodes.length === 1 &&
    selection.nodes[0]!.id === focused;

  const blocker = generateBlocker(selection);
  const page = session !== undefined && isPageSession(session.frame.id);
  // A designed page's turn arrived: the prompt gives the page the room (the head's More menu opens it again).
  const pageTurns = page ? session.turns.length : 0;
  useEffect(() => {
    if (pageTurns > 0) setPrompting(false);
  }, [pageTurns]);
  // A designed page reopened from History: no frame to be stale against; designed again from its brief.
  const savedPage = output?.saved?.page === true;
  const brief = output?.saved?.turns?.find((t) => t.role === "user")?.text ?? "";
  const ofAi = output === aiOutput;
  const stale = shownStale(output, selection, ofAi, onFocused || savedPage || (ofAi && page));
  const regenerate: Regenerate =
    output === aiOutput && page
      ? {
          title: "Design the page again from the same brief",
          disabled: busy || !hasKey,
          run: () => designPage(session.input.instructions ?? "", selection.nodes.length > 0),
        }
      : output === aiOutput
        ? {
            title: blocker ?? "Generate with AI again, with the same instructions, for the frame selected now",
            disabled: busy || blocker !== undefined || !hasKey,
            run: () => {
              setSource("ai");
              ai.regenerate(options);
            },
          }
        : {
            title: blocker ?? "Generate again for what is selected now",
            disabled: busy || blocker !== undefined,
            run: generateOffline,
          };
  // What changed in the design since the frame's code in History (issue 71; the note and Download update).
  const changes = { selection, requests, worker, target: settings.target, output: aiOutput ? undefined : output };
  const resultSource = output ? (
    <ResultSource
      output={output}
      thumbnailUrl={thumbnails.of(output.frames[0]?.id ?? "")}
      stale={stale}
      regenerate={regenerate}
    />
  ) : null;

  return (
    <div class="panel panel--code">
      <GenerateHead
        selection={selection}
        thumbnailUrl={thumbnails.current}
        settings={settings}
        hasKey={hasKey}
        busy={busy}
        compact={compact}
        ai={aiInput}
        onAiChange={setAiInput}
        onGenerate={generateOffline}
        onGenerateAi={() => generateWithAi(aiInput.instructions, aiInput.draft, aiInput.clarify)}
        onCancel={aiBusy ? ai.cancel : job.cancel}
        onSettingsChange={onSettingsChange}
        onOpenSettings={onOpenSettings}
        more={<StartsMenu busy={aiBusy} onPrompt={() => setPrompting(true)} onPaste={() => setPasting(true)} />}
        pages={<PageGroupsOf groups={pageGroups} job={job} busy={busy} />}
        keyNoteElsewhere={prompting}
      />
      {compact && pasting ? <PasteHtml requests={requests} startOpen onClose={() => setPasting(false)} /> : null}
      {prompting ? (
        <LazyPromptDesignBox
          requests={requests}
          selection={selection}
          busy={aiBusy}
          hasKey={hasKey}
          model={settings.model}
          onDesign={designPage}
          onCancel={ai.cancel}
          onClose={() => setPrompting(false)}
          keyNote={<KeyNeeded what="Design from a prompt" settings={settings} onOpenSettings={onOpenSettings} />}
        />
      ) : null}
      {source === "offline" ? (
        <CodeJobStatus
          state={state}
          actions={{
            onCancel: job.cancel,
            onRetry: () => job.retry(options),
            onExportAgain: generateOffline,
            onOpenSettings,
          }}
        />
      ) : null}
      <AiStatus job={ai} onOpenSettings={onOpenSettings} />
      <LazyDesignChanges {...changes} />
      {/* A start opened over results takes their room (at the panel's size both would crowd); Close gives it back. */}
      {compact && (prompting || pasting) ? null : aiOutput && session ? (
        <div class="ai-results">
          {resultSource}
          <TurnBar session={session} measuring={ai.measuring} onSelect={ai.selectTurn} />
          <TurnSummary session={session} />
          <ResultsView
            key={`${session.frame.id}:${aiOutput.id}`}
            output={aiOutput}
            notify={notify}
            onViewChange={onViewChange}
            onFocusNode={focusLayer}
            worker={worker}
            requests={requests}
            scoreAction={
              hasKey && ai.canFix ? (
                <FixButton disabled={aiBusy} turn={session.turns[session.selected]?.n} onFix={ai.fix} />
              ) : undefined
            }
          />
          {hasKey ? (
            <RefineBox
              disabled={aiBusy}
              label="Refine"
              placeholder={
                page
                  ? `Change the page, e.g. “a dark hero with a bigger call to action”`
                  : `Change turn ${session.turns[session.selected]?.n ?? ""}, e.g. “make the header sticky”`
              }
              onSend={ai.refine}
            />
          ) : (
            <KeyNeeded class="refine" what="Refine" settings={settings} onOpenSettings={onOpenSettings} />
          )}
        </div>
      ) : output ? (
        <>
          {resultSource}
          {output.saved ? <LazySavedNote saved={output.saved} requests={requests} /> : null}
          <ResultsView
            key={output.id}
            output={output}
            notify={notify}
            onViewChange={onViewChange}
            onFocusNode={focusLayer}
            worker={worker}
            requests={requests}
            update={<LazyUpdateDownload {...{ output, selection, requests, worker, notify }} />}
          />
          {hasKey ? (
            <OutputRefine
              disabled={busy}
              savedPage={savedPage}
              onRefine={(text) => generateWithAi(text, true)}
              onDesignAgain={(text) => designPage(`${brief}\n\n${text}`.trim(), selection.nodes.length > 0)}
            />
          ) : (
            <KeyNeeded class="refine" what="Refine with AI" settings={settings} onOpenSettings={onOpenSettings} />
          )}
        </>
      ) : state.phase === "idle" && ai.state.phase === "idle" && blocker === undefined ? (
        <IdleHint settings={settings} hasKey={hasKey} />
      ) : null}
      {/* Once results are on show they keep the room. */}
      {compact ? null : <OtherStarts requests={requests} busy={busy} prompting={prompting} onPrompt={setPrompting} />}
    </div>
  );
}
