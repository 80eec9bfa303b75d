/**
 * Live preview of the HTML page in a sandboxed iframe (never same-origin), from a self-contained srcdoc with a
 * strict CSP that allows one script only, the panel's outline (ui/code/score/outline-agent.ts, by its hash): the
 * page's own markup stays inert. The model's React code runs in one that may run scripts (never same-origin). The
 * page is laid out at a chosen viewport width — Phone 390, Tablet 768, the design's width, or any width between 320
 * and 1920 dragged with the handle — and scaled to fit the panel (preview-size.ts). A layer chosen in the score's
 * list is outlined in it (postMessage to the page).
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { InfoIcon, ErrorIcon } from "../controls/icons.js";
import { Segmented } from "../controls/segmented.js";
import { SelectMenu } from "../controls/select-menu.js";
import type { FrameInfo, PreviewState } from "./code-job.js";
import { previewPages } from "../../codegen/preview/html-page.js";
import { withPageScript } from "../../codegen/preview/page-script.js";
import { previewDocument } from "./preview-document.js";
import { OUTLINE_SCRIPT, type OutlineRequest } from "./score/outline-agent.js";
import {
  clampWidth,
  maxWidth,
  MIN_PREVIEW_WIDTH,
  PHONE_WIDTH,
  previewLayout,
  TABLET_WIDTH,
  widthOf,
  type PreviewWidth,
} from "./preview-size.js";
import { previewNote } from "./preview-note.js";
import type { Target } from "../../contract/words.js";

const PADDING = 16;
/** Room the width handle takes beside the page. */
const HANDLE = 12;

function useElementSize(ref: { current: HTMLElement | null }): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => setSize({ width: element.clientWidth, height: element.clientHeight });
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

type Choice = "phone" | "tablet" | "design" | "custom";

/**
 * The handle on the page's right edge: drag it (or use the arrow keys, Shift for 100 px, Home and End) to lay
 * the page out at any width. While dragging, the scale stays as it was, so the edge follows the pointer.
 */
function WidthHandle(props: {
  width: number;
  min: number;
  max: number;
  scale: number;
  onWidth(width: number, dragging: boolean): void;
}) {
  const { width, min, max, scale, onWidth } = props;
  const drag = useRef<{ x: number; width: number; scale: number } | null>(null);
  const onPointerDown = (event: PointerEvent) => {
    event.preventDefault();
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width, scale };
    onWidth(width, true);
  };
  const onPointerMove = (event: PointerEvent) => {
    const start = drag.current;
    if (!start) return;
    onWidth(start.width + (event.clientX - start.x) / start.scale, true);
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    drag.current = null;
    onWidth(width, false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 100 : 10;
    const next =
      event.key === "ArrowRight" || event.key === "ArrowUp"
        ? width + step
        : event.key === "ArrowLeft" || event.key === "ArrowDown"
          ? width - step
          : event.key === "Home"
            ? min
            : event.key === "End"
              ? max
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    onWidth(next, false);
  };
  return (
    <div
      class="preview__handle"
      role="slider"
      tabIndex={0}
      aria-label="Preview width"
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={width}
      aria-valuetext={`${width} px`}
      title="Drag to preview at any width"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}

export interface PreviewPaneProps {
  preview: PreviewState;
  frames: FrameInfo[];
  /** The layer to outline in the page, by id. */
  outline?: string | undefined;
  /** The result is the emitters' draft (the checked files, and React's own preview, are on their way). */
  draft?: boolean;
  /** What the files are, for the caption. */
  target: Target;
}

export function PreviewPane({ preview, frames, outline, draft = false, target }: PreviewPaneProps) {
  const note = previewNote(preview, draft, target);
  const [choice, setChoice] = useState<PreviewWidth>("design");
  // While the handle drags: the scale it started at (so the edge follows the pointer).
  const [frozenScale, setFrozenScale] = useState<number | undefined>(undefined);
  const [pageIndex, setPageIndex] = useState(0);
  // Which document the iframe has finished loading (its images included): marked on the iframe for tests.
  const [loaded, setLoaded] = useState<string | undefined>(undefined);
  const stage = useRef<HTMLDivElement>(null);
  const stageSize = useElementSize(stage);

  const pages = useMemo(() => (preview.status === "ready" ? previewPages(preview.files) : []), [preview]);
  const page = pages[Math.min(pageIndex, pages.length - 1)];
  const srcdoc = useMemo(
    () =>
      preview.status === "ready" && page ? withPageScript(previewDocument(page, preview.files), OUTLINE_SCRIPT) : "",
    [preview, page],
  );
  const scripted = useMemo(
    () => (preview.status === "scripted" ? withPageScript(preview.html, OUTLINE_SCRIPT) : ""),
    [preview],
  );
  const frameRef = useRef<HTMLIFrameElement>(null);
  const shown = preview.status === "scripted" ? scripted : srcdoc;
  // Once the page has loaded (again), it outlines the chosen layer; the page may only be asked, never reached into.
  useEffect(() => {
    if (loaded !== shown || !shown) return;
    frameRef.current?.contentWindow?.postMessage(
      { type: "figment-outline", nodeId: outline ?? null } satisfies OutlineRequest,
      "*",
    );
  }, [outline, loaded, shown]);

  // Pages follow the frames' order when there is one page per frame.
  const frame = (pages.length === frames.length ? frames[pageIndex] : undefined) ?? frames[0];
  const design = {
    width: Math.max(1, Math.round(frame?.width ?? 375)),
    height: Math.max(1, Math.round(frame?.height ?? 667)),
  };
  const room = { width: stageSize.width - PADDING * 2 - HANDLE, height: stageSize.height - PADDING * 2 };
  const layout = previewLayout(room, design, choice);
  const scale = frozenScale ?? layout.scale;
  const { width, height } = layout.viewport;
  const active: Choice = typeof choice === "number" ? (choice === design.width ? "design" : "custom") : choice;
  const options: { value: Choice; label: string; title: string }[] = [
    { value: "phone", label: "Phone", title: `${PHONE_WIDTH} px` },
    { value: "tablet", label: "Tablet", title: `${TABLET_WIDTH} px` },
    { value: "design", label: "Design", title: `${design.width} px, the frame's width` },
    ...(active === "custom"
      ? [{ value: "custom" as const, label: `${width}`, title: `${width} px (drag the handle beside the page)` }]
      : []),
  ];
  const canvas = { width: `${width * scale}px`, height: `${height * scale}px` };
  const frameStyle = { width: `${width}px`, height: `${height}px`, transform: `scale(${scale})` };
  const handle = (
    <WidthHandle
      width={widthOf(choice, design)}
      min={MIN_PREVIEW_WIDTH}
      max={maxWidth(design)}
      scale={scale}
      onWidth={(next, dragging) => {
        setFrozenScale(dragging ? scale : undefined);
        setChoice(clampWidth(next, design));
      }}
    />
  );

  return (
    <div class="preview">
      <div class="preview__bar">
        {/* One row over the page: the result names a single frame already; the note and the size sit here, so the
            page keeps the panel's height (a caption row under it took 25 px of 250 at 420×600). */}
        {frames.length > 1 ? (
          <span class="preview__title one-line" title={frame?.name}>
            {frame?.name ?? "Preview"}
          </span>
        ) : null}
        <div class="preview__caption">
          {note ? (
            <span
              class={`preview__note${note.quiet ? " muted" : ""}`}
              title={[note.text, ...(preview.status === "scripted" ? preview.problems.map((p) => p.message) : [])].join(
                "\n",
              )}
            >
              {note.quiet ? null : <InfoIcon />}
              <span class="preview__note-text one-line">{note.text}</span>
            </span>
          ) : null}
          <span class="spacer" />
          {(preview.status === "ready" && page) || preview.status === "scripted" ? (
            <span
              class="muted preview__size"
              title={active === "design" ? "The frame at its own width" : "The viewport the page is laid out in"}
            >
              {width} × {height} · {Math.round(scale * 100)}%
            </span>
          ) : null}
        </div>
        {pages.length > 1 ? (
          <SelectMenu
            label="Page to preview"
            class="select-menu__button--small preview__page"
            value={String(Math.min(pageIndex, pages.length - 1))}
            options={pages.map((p, i) => ({
              value: String(i),
              label: frames.length === pages.length ? (frames[i]?.name ?? p.path) : p.path,
            }))}
            onChange={(value) => setPageIndex(Number(value))}
          />
        ) : null}
        <Segmented<Choice>
          label="Preview width"
          value={active}
          options={options}
          onChange={(value) => value !== "custom" && setChoice(value)}
        />
      </div>
      <div class="preview__stage" ref={stage}>
        {preview.status === "loading" ? (
          <p class="preview__message muted">Rendering the preview…</p>
        ) : preview.status === "failed" ? (
          <p class="preview__message" role="alert">
            <ErrorIcon /> The preview could not be rendered: {preview.message}
          </p>
        ) : preview.status === "scripted" ? (
          <div class={`preview__device${frozenScale !== undefined ? " is-dragging" : ""}`}>
            <div class="preview__canvas" style={canvas}>
              {/*
                The model's React code runs here only: scripts allowed, never same-origin; its CSP forbids network.
              */}
              <iframe
                class="preview__frame preview__frame--scripted"
                title={`Preview of ${frame?.name ?? "the design"}`}
                ref={frameRef}
                sandbox="allow-scripts"
                referrerpolicy="no-referrer"
                srcdoc={scripted}
                width={width}
                height={height}
                style={frameStyle}
                data-loaded={loaded === scripted ? "true" : undefined}
                onLoad={() => setLoaded(scripted)}
              />
            </div>
            {handle}
          </div>
        ) : !page ? (
          <p class="preview__message muted">There is no HTML page to preview.</p>
        ) : (
          <div class={`preview__device${frozenScale !== undefined ? " is-dragging" : ""}`}>
            <div class="preview__canvas" style={canvas}>
              {/* Scripts allowed for the outline only: the page's CSP admits that one script by its hash. */}
              <iframe
                ref={frameRef}
                class="preview__frame"
                title={`Preview of ${frame?.name ?? "the design"}`}
                sandbox="allow-scripts"
                referrerpolicy="no-referrer"
                srcdoc={srcdoc}
                width={width}
                height={height}
                style={frameStyle}
                data-loaded={loaded === srcdoc ? "true" : undefined}
                onLoad={() => setLoaded(srcdoc)}
              />
            </div>
            {handle}
          </div>
        )}
      </div>
    </div>
  );
}
