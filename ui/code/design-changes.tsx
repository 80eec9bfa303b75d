/**
 * "Changed since your code of 28 Nov 14:02: 3 re-texted, 1 moved, 2 added" (issue 71): when the selected frame has a
 * code result of the same target in History that kept its design's facts, and the design differs from them now (the
 * frame exported and read in the worker before Generate; the new result's facts after it), the Code panel says so,
 * with each change in a list that opens; beside the new result's zip, "Download update" makes the patch from that
 * code (its zip rebuilt from History) to the new one, for `git apply` in the team's project.
 * In the Insert-as-layers part (layers-part.tsx), not in ui.html. The entry compared with is looked up once per frame
 * and target, before the result it is compared with is saved, and shared by the note and the button.
 */
import { useEffect, useState } from "preact/hooks";
import type { DesignFacts } from "../../codegen/design/design-diff.js";
import type { CodeEntry, CodeRecord } from "../../contract/history.js";
import type { SelectionSummary } from "../../contract/messages.js";
import type { Target } from "../../contract/words.js";
import type { MainRequests } from "../channel/requests.js";
import { ChevronIcon, DownloadIcon, InfoIcon } from "../controls/icons.js";
import type { Engine } from "../engine/engine.js";
import { downloadBytes } from "../lib/download.js";
import type { CodeOutput } from "./code-job.js";
import { plural } from "../../kernel/plural.js";
import { SmallButton } from "../controls/small-button.js";
import "./result-note.css";
import "./design-changes.css";

/** An entry that can say what changed: it kept what its zip recorded, the design's facts with it. */
type Recorded = CodeEntry & { record: CodeRecord & { design: DesignFacts } };

/** The frame's code in History to compare with, looked up once per frame and target (the last lookup kept). */
let baseline: { key: string; entry: Promise<Recorded | undefined> } | undefined;

/** Entries read at most while looking for one of the target (newest first). */
const MAX_READ = 6;

async function findBaseline(
  requests: MainRequests,
  frameId: string,
  target: Target,
  skip: string | undefined,
): Promise<Recorded | undefined> {
  const started = new Date().toISOString();
  const { entries } = await requests.call("load-history", { kind: "code", frameId });
  // Newest first; a result saved since the lookup began (or the one on show) is not the code the team took.
  const earlier = entries.filter((e) => e.createdAt < started && e.createdAt !== skip).slice(0, MAX_READ);
  for (const item of earlier) {
    const { entry } = await requests.call("load-history-entry", { kind: "code", id: item.id });
    if (entry.kind !== "code" || entry.target !== target) continue;
    // The newest code of the target is the one compared with: one kept before facts were cannot say.
    return entry.record?.design ? (entry as Recorded) : undefined;
  }
  return undefined;
}

function baselineOf(requests: MainRequests, frameId: string, target: Target, skip?: string) {
  const key = `${frameId}\n${target}`;
  if (baseline?.key !== key) baseline = { key, entry: findBaseline(requests, frameId, target, skip) };
  return baseline.entry.catch(() => undefined);
}

/** "28 Nov 14:02", in the user's time. */
export function shortDate(iso: string): string {
  const d = new Date(iso);
  const month = d.toLocaleString("en-US", { month: "short" });
  return `${d.getDate()} ${month} ${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

export interface DesignChangesProps {
  selection: SelectionSummary;
  target: Target;
  /** The offline result on show, if any: a finished one carries its design's facts. */
  output: CodeOutput | undefined;
  requests: MainRequests;
  worker: Pick<Engine, "call">;
}

interface Changes {
  entry: Recorded;
  summary: string;
  lines: string[];
  /** Compared with the result on show (else with the frame exported now). */
  ofResult: boolean;
}

/** A finished result of `frameId` and `target` that knows its design, or undefined. */
function freshResult(output: CodeOutput | undefined, frameId: string | undefined, target: Target) {
  const design = output?.record?.design;
  return output && design && !output.saved && !output.stage && output.options.target === target
    ? output.frames.length === 1 && output.frames[0]?.id === frameId
      ? { output, design }
      : undefined
    : undefined;
}

/** The selection's one frame, or undefined. */
const selectedFrame = (selection: SelectionSummary): string | undefined =>
  selection.nodes.length === 1 && selection.unsupported.length === 0 ? selection.nodes[0]!.id : undefined;

function useChanges({ selection, target, output, requests, worker }: DesignChangesProps): Changes | undefined {
  const frameId = selectedFrame(selection);
  const fresh = freshResult(output, frameId, target);
  const [found, setFound] = useState<{ key: string; changes: Changes | undefined } | undefined>(undefined);
  const key = `${frameId ?? ""}\n${target}\n${fresh?.output.record?.createdAt ?? ""}`;
  useEffect(() => {
    if (frameId === undefined) return;
    let live = true;
    void (async () => {
      const entry = await baselineOf(requests, frameId, target, fresh?.output.record?.createdAt);
      if (!entry || !live) return setFound({ key, changes: undefined });
      const after = fresh
        ? { after: fresh.design }
        : {
            exports: (await requests.call("export-selection", { png: false, assets: false })).frames
              .filter((f) => f.id === frameId)
              .map((f) => ({ id: f.id, json: f.json })),
          };
      if (!live) return;
      const { summary, lines } = await worker.call("design-changes", { before: entry.record.design, ...after });
      if (live) setFound({ key, changes: lines.length > 0 ? { entry, summary, lines, ofResult: !!fresh } : undefined });
    })().catch(() => live && setFound({ key, changes: undefined }));
    return () => {
      live = false;
    };
  }, [key]);
  return found?.key === key ? found.changes : undefined;
}

/** The note over the Code panel's result (or under its head before Generate), its changes in a list that opens. */
export function DesignChanges(props: DesignChangesProps) {
  const changes = useChanges(props);
  const [open, setOpen] = useState(false);
  if (!changes) return null;
  const { entry, summary, lines, ofResult } = changes;
  return (
    <section class="result-note design-changes" aria-label="Design changes">
      <p class="result-note__line design-changes__line" role="status">
        <InfoIcon />
        <span>
          Changed since your code of {shortDate(entry.createdAt)}: {summary}
        </span>
      </p>
      {ofResult ? (
        <p class="design-changes__hint muted">
          Download update: a patch from that code to this one, for git apply in your project.
        </p>
      ) : null}
      <button type="button" class="design-changes__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span class={`tree__chevron${open ? " is-open" : ""}`}>
          <ChevronIcon />
        </span>
        {open ? "Hide" : "Show"} {plural(lines.length, "change")}
      </button>
      {open ? (
        <ul class="design-changes__list">
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export interface UpdateDownloadProps {
  output: CodeOutput;
  selection: SelectionSummary;
  requests: MainRequests;
  worker: Pick<Engine, "call">;
  notify(text: string, tone?: "info" | "error"): void;
}

/** "Download update" beside the result's zip: the patch from the code in History to this result. */
export function UpdateDownload({ output, selection, requests, worker, notify }: UpdateDownloadProps) {
  const target = output.options.target;
  const changes = useChanges({ selection, target, output, requests, worker });
  const record = output.record;
  if (!changes?.ofResult || !record) return null;
  const { entry } = changes;
  const download = async () => {
    try {
      const { patch, name, files } = await worker.call("update-patch", {
        before: {
          record: { ...entry.record, target: entry.target, styling: entry.styling },
          files: entry.files,
          assets: entry.record.assets ?? [],
        },
        after: { ...record, target, styling: output.options.styling },
        files: output.files,
      });
      downloadBytes(new TextEncoder().encode(patch), name, "text/x-diff");
      notify(`Downloaded ${name} (${plural(files, "file")} changed): git apply it in your project`);
    } catch (error) {
      notify(`Could not make the update: ${error instanceof Error ? error.message : String(error)}`, "error");
    }
  };
  return (
    <SmallButton
      class="results__update"
      title={`A patch from your code of ${shortDate(entry.createdAt)} to this one, for git apply in your project`}
      onClick={() => void download()}
    >
      <DownloadIcon /> <span class="button__label">Download update</span>
    </SmallButton>
  );
}
