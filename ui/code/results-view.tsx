/** Generated files: a tree, tabs with highlighted code, problems, copy, zip download and the preview. */
import type { ComponentChildren } from "preact";
import { useCallback, useMemo, useState } from "preact/hooks";
import type { SourceFile } from "../../codegen/types.js";
import { CloseIcon, CopyIcon, DownloadIcon } from "../controls/icons.js";
import { useViewChange } from "../controls/toasts.js";
import type { CodeOutput } from "./code-job.js";
import { copyText } from "../lib/clipboard.js";
import { downloadBytes } from "../lib/download.js";
import { buildFileTree, defaultFile } from "../lib/file-tree.js";
import { basename } from "../../codegen/file-paths.js";
import { projectSlug } from "../../codegen/scaffold/project-files.js";
import { zipProjectLater } from "../engine/load-zip.js";
import type { Engine } from "../engine/engine.js";
import { CodeView, type Highlight } from "./code-view.js";
import { FileTreeView } from "./file-tree-view.js";
import { PreviewPane } from "./preview-pane.js";
import { ProblemsList } from "./problems-list.js";
import type { MainRequests } from "../channel/requests.js";
import { LazyScoreView, ResultLayersBar } from "./layers/layers-loader.js";

type View = "code" | "preview";
const NOTHING = (): void => undefined;

/** Every file in one text, each under a header line with its path. */
export function allFilesText(files: SourceFile[]): string {
  return files
    .map((f) => `// ===== ${f.path} =====\n${fileText(f).endsWith("\n") ? fileText(f) : fileText(f) + "\n"}`)
    .join("\n");
}

/** What a file shows as text: its content, or for a binary asset a line saying what it is. */
export function fileText(file: SourceFile): string {
  return file.bytes
    ? `(binary file, ${file.bytes.length.toLocaleString("en-US")} bytes: in the zip and the preview)\n`
    : file.content;
}

/** Marks the emitters' draft in the open files' bar, beside Copy: over no code, and nothing moves when it goes. */
function DraftBadge({ stage }: { stage: NonNullable<CodeOutput["stage"]> }) {
  const formatting = stage === "formatting";
  return (
    <span
      class={`results__stage${formatting ? " is-busy" : ""}`}
      role="status"
      title={
        formatting
          ? "The emitters' draft: the code generator is checking and formatting it"
          : "The emitters' draft, not checked or formatted"
      }
    >
      {formatting ? "Draft · formatting…" : "Draft · not formatted"}
    </span>
  );
}

export interface ResultsViewProps {
  output: CodeOutput;
  notify(text: string, tone?: "info" | "error"): void;
  /** Code ⇄ Preview: the toasts about the view left go. */
  onViewChange?: () => void;
  /** Selects a layer a problem names on the canvas. */
  onFocusNode?: (nodeId: string) => void;
  /** Beside the score's headline ("Fix differences" on a model result). */
  scoreAction?: ComponentChildren;
  /** Zips the files for the download. */
  worker: Pick<Engine, "call">;
  /** The main thread: "Insert as layers" builds the page on the canvas. */
  requests: MainRequests;
  /** Beside the zip: "Download update", when the design changed since the code the team took. */
  update?: ComponentChildren;
}

export function ResultsView({
  output,
  notify,
  onViewChange = NOTHING,
  onFocusNode,
  scoreAction,
  worker,
  requests,
  update,
}: ResultsViewProps) {
  const paths = useMemo(() => output.files.map((f) => f.path), [output]);
  const highlight = useCallback<Highlight>(
    async (path, text) => (await worker.call("highlight", { path, text })).lines,
    [worker],
  );
  const byPath = useMemo(() => new Map(output.files.map((f) => [f.path, f])), [output]);
  const tree = useMemo(() => buildFileTree(paths), [paths]);
  const problemCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of output.problems) if (p.file) counts.set(p.file, (counts.get(p.file) ?? 0) + 1);
    return counts;
  }, [output]);
  const first = defaultFile(paths);
  const [view, setView] = useState<View>("code");
  useViewChange(view, onViewChange);
  const [tabs, setTabs] = useState<string[]>(first ? [first] : []);
  const [active, setActive] = useState<string | undefined>(first);
  const [line, setLine] = useState<number | undefined>(undefined);
  /** The layer outlined in the preview (chosen in the score's list). */
  const [outlined, setOutlined] = useState<string | undefined>(undefined);
  const selectLayer = (nodeId: string) => {
    onFocusNode?.(nodeId);
    setOutlined(nodeId);
    setView("preview");
  };

  const open = (path: string, atLine?: number) => {
    setTabs((current) => (current.includes(path) ? current : [...current, path]));
    setActive(path);
    setLine(atLine);
    setView("code");
  };
  const close = (path: string) => {
    const index = tabs.indexOf(path);
    const next = tabs.filter((t) => t !== path);
    setTabs(next);
    if (active === path) setActive(next[Math.min(index, next.length - 1)]);
  };

  const copy = async (text: string, what: string) => {
    try {
      await copyText(text);
      notify(`Copied ${what}`);
    } catch (error) {
      notify(`Could not copy ${what}: ${error instanceof Error ? error.message : String(error)}`, "error");
    }
  };

  // The zip is named after the frame the result came from (the selection may have moved on since).
  const zipName = output.frames[0]?.name ?? "design";
  const slug = `${projectSlug(zipName)}-${output.options.target}`;
  const download = async () => {
    const name = zipName;
    try {
      const { zip, count } = await zipProjectLater(
        worker,
        output.files,
        { target: output.options.target, styling: output.options.styling, name },
        output.record,
      );
      downloadBytes(zip, `${slug}.zip`, "application/zip");
      notify(`Downloaded ${slug}.zip (${count} files)`);
    } catch (error) {
      notify(`Could not build the zip: ${error instanceof Error ? error.message : String(error)}`, "error");
    }
  };

  // The checked files replace the draft in place; a file the project pass renamed falls back to the first one.
  const activeFile =
    active === undefined ? undefined : (byPath.get(active) ?? (first === undefined ? undefined : byPath.get(first)));

  return (
    <div class="results" data-stage={output.stage ?? "final"}>
      <div class="results__bar">
        <div class="view-tabs" role="tablist" aria-label="Result view">
          <button
            type="button"
            role="tab"
            aria-selected={view === "code"}
            class={`view-tab${view === "code" ? " is-active" : ""}`}
            onClick={() => setView("code")}
          >
            Code
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={view === "preview"}
            class={`view-tab${view === "preview" ? " is-active" : ""}`}
            onClick={() => setView("preview")}
          >
            Preview
          </button>
        </div>
        <span class="spacer" />
        <button
          type="button"
          class="button button--secondary button--small results__copy-all"
          title="Copy every file"
          onClick={() => void copy(allFilesText(output.files), `${output.files.length} files`)}
        >
          <CopyIcon /> <span class="button__label">Copy all</span>
        </button>
        <button
          type="button"
          class="button button--secondary button--small"
          title={`Download a runnable project: ${slug}.zip`}
          onClick={() => void download()}
        >
          <DownloadIcon /> <span class="button__label">Download .zip</span>
        </button>
        {update}
      </div>

      {/* What the preview shows is what is inserted; the code view keeps its room for the files (kept mounted, so
          an insertion under way goes on). The inserted layers are the selection then: the result stays current. */}
      <div class="results__layers" hidden={view !== "preview"}>
        <ResultLayersBar
          preview={output.preview}
          frames={output.frames}
          requests={requests}
          {...(onFocusNode ? { onInserted: onFocusNode } : {})}
        />
      </div>

      {output.score ? (
        <LazyScoreView
          state={output.score}
          selected={outlined}
          onSelect={selectLayer}
          action={scoreAction}
          requests={requests}
        />
      ) : null}

      {view === "code" ? (
        <div class="workspace">
          <FileTreeView root={tree} active={active} problemCounts={problemCounts} onOpen={(path) => open(path)} />
          <div class="editor">
            <div class="tabs" role="tablist" aria-label="Open files">
              {tabs.map((path) => (
                <div key={path} class={`tab${path === active ? " is-active" : ""}`} role="presentation">
                  <button
                    type="button"
                    role="tab"
                    aria-selected={path === active}
                    class="tab__label"
                    title={path}
                    onClick={() => open(path)}
                  >
                    {basename(path)}
                  </button>
                  <button
                    type="button"
                    class="tab__close icon-button"
                    aria-label={`Close ${basename(path)}`}
                    title="Close"
                    onClick={() => close(path)}
                  >
                    <CloseIcon />
                  </button>
                </div>
              ))}
              <span class="spacer" />
              {output.stage ? <DraftBadge stage={output.stage} /> : null}
              {activeFile ? (
                <button
                  type="button"
                  class="icon-button tabs__copy"
                  title={`Copy ${activeFile.path}`}
                  aria-label={`Copy ${activeFile.path}`}
                  onClick={() => void copy(fileText(activeFile), basename(activeFile.path))}
                >
                  <CopyIcon />
                </button>
              ) : null}
            </div>
            {activeFile ? (
              <CodeView path={activeFile.path} content={fileText(activeFile)} line={line} highlight={highlight} />
            ) : (
              <p class="empty muted">Open a file from the list.</p>
            )}
          </div>
        </div>
      ) : (
        <PreviewPane
          preview={output.preview}
          frames={output.frames}
          outline={outlined}
          draft={output.stage !== undefined}
          target={output.options.target}
        />
      )}

      <ProblemsList
        problems={output.problems}
        files={new Set(paths)}
        onOpen={(path, atLine) => open(path, atLine)}
        {...(onFocusNode ? { onFocusNode } : {})}
      />
    </div>
  );
}
