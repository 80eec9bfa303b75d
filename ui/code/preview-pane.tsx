/**
 * Live preview of the HTML rendering in a sandboxed iframe (`sandbox=""`: no scripts, no same-origin),
 * from a self-contained srcdoc with a strict CSP. Shown at the frame's size, zoomed to fit or 50/100/200%.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { InfoIcon, ErrorIcon } from "../components/icons.js";
import { SelectMenu } from "../components/select-menu.js";
import type { FrameInfo, PreviewState } from "./code-job.js";
import { buildSrcdoc, previewPages } from "../../codegen/preview/html-page.js";

export type Zoom = "fit" | 0.5 | 1 | 2;
const ZOOMS: { value: Zoom; label: string }[] = [
  { value: "fit", label: "Fit" },
  { value: 0.5, label: "50%" },
  { value: 1, label: "100%" },
  { value: 2, label: "200%" },
];

const PADDING = 16;

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

export function PreviewPane({ preview, frames }: { preview: PreviewState; frames: FrameInfo[] }) {
  const [zoom, setZoom] = useState<Zoom>("fit");
  const [pageIndex, setPageIndex] = useState(0);
  const stage = useRef<HTMLDivElement>(null);
  const stageSize = useElementSize(stage);

  const pages = useMemo(() => (preview.status === "ready" ? previewPages(preview.files) : []), [preview]);
  const page = pages[Math.min(pageIndex, pages.length - 1)];
  const srcdoc = useMemo(() => (preview.status === "ready" && page ? buildSrcdoc({ page, files: preview.files }) : ""), [preview, page]);

  // Pages follow the frames' order when there is one page per frame.
  const frame = (pages.length === frames.length ? frames[pageIndex] : undefined) ?? frames[0];
  const width = Math.max(1, Math.round(frame?.width ?? 375));
  const height = Math.max(1, Math.round(frame?.height ?? 667));
  const fit = stageSize.width > 0 ? Math.min(1, (stageSize.width - PADDING * 2) / width, (stageSize.height - PADDING * 2) / height) : 1;
  const scale = zoom === "fit" ? Math.max(0.05, fit) : zoom;

  return (
    <div class="preview">
      <div class="preview__bar">
        <span class="preview__title" title={frame?.name}>
          {frame?.name ?? "Preview"}
        </span>
        <span class="spacer" />
        {pages.length > 1 ? (
          <SelectMenu
            label="Page to preview"
            class="select-menu__button--small preview__page"
            value={String(Math.min(pageIndex, pages.length - 1))}
            options={pages.map((p, i) => ({ value: String(i), label: frames.length === pages.length ? (frames[i]?.name ?? p.path) : p.path }))}
            onChange={(value) => setPageIndex(Number(value))}
          />
        ) : null}
        <div class="zoom" role="group" aria-label="Zoom">
          {ZOOMS.map((z) => (
            <button key={String(z.value)} type="button" class={`zoom__option${z.value === zoom ? " is-active" : ""}`} aria-pressed={z.value === zoom} onClick={() => setZoom(z.value)}>
              {z.label}
            </button>
          ))}
        </div>
      </div>
      <div class="preview__stage" ref={stage}>
        {preview.status === "loading" ? (
          <p class="preview__message muted">Rendering the preview…</p>
        ) : preview.status === "failed" ? (
          <p class="preview__message" role="alert">
            <ErrorIcon /> The preview could not be rendered: {preview.message}
          </p>
        ) : preview.status === "scripted" ? (
          <div class="preview__canvas" style={{ width: `${width * scale}px`, height: `${height * scale}px` }}>
            {/* The model's React code runs here only: scripts allowed, never same-origin; its CSP forbids network. */}
            <iframe
              class="preview__frame preview__frame--scripted"
              title={`Preview of ${frame?.name ?? "the design"}`}
              sandbox="allow-scripts"
              referrerpolicy="no-referrer"
              srcdoc={preview.html}
              width={width}
              height={height}
              style={{ width: `${width}px`, height: `${height}px`, transform: `scale(${scale})` }}
            />
          </div>
        ) : !page ? (
          <p class="preview__message muted">There is no HTML page to preview.</p>
        ) : (
          <div class="preview__canvas" style={{ width: `${width * scale}px`, height: `${height * scale}px` }}>
            <iframe
              class="preview__frame"
              title={`Preview of ${frame?.name ?? "the design"}`}
              sandbox=""
              referrerpolicy="no-referrer"
              srcdoc={srcdoc}
              width={width}
              height={height}
              style={{ width: `${width}px`, height: `${height}px`, transform: `scale(${scale})` }}
            />
          </div>
        )}
      </div>
      <div class="preview__caption">
        {preview.status === "scripted" ? (
          <span class="preview__note" title={preview.problems.map((p) => p.message).join("\n") || undefined}>
            <InfoIcon /> React preview: the files run in a sandbox without network{preview.problems.length > 0 ? ` · ${preview.problems.length} note${preview.problems.length === 1 ? "" : "s"}` : ""}
          </span>
        ) : preview.status === "ready" && preview.converted ? (
          <span class="preview__note">
            <InfoIcon /> Preview shows the HTML rendering of the design
          </span>
        ) : (
          <span class="preview__note muted">HTML preview, no scripts</span>
        )}
        <span class="spacer" />
        {(preview.status === "ready" && page) || preview.status === "scripted" ? (
          <span class="muted">
            {width} × {height} · {Math.round(scale * 100)}%
          </span>
        ) : null}
      </div>
    </div>
  );
}
