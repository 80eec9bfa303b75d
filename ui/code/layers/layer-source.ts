/**
 * What "Insert as layers" reads (issue 51): a Code result's page as its preview shows it (the HTML preview's
 * sanitised srcdoc, or the model's React run by the preview runtime), or HTML the user pasted, made into the same
 * sanitised srcdoc; the widths it offers (the design's, 768, 390); the external images the page names, which the
 * plugin never loads (its CSP allows data: images only), for the note that lists them. Pure: no DOM.
 */
import { buildSrcdoc, previewPages } from "../../../codegen/preview/html-page.js";
import type { SourceFile } from "../../../codegen/types.js";
import type { FrameInfo, PreviewState } from "../code-job.js";
import { previewDocument } from "../preview-document.js";
import { PHONE_WIDTH, TABLET_WIDTH } from "../preview-size.js";

/** A page ready to read: its document, the design it is beside and the external images it names. */
export interface LayerSource {
  html: string;
  /** The top frame's name (the source frame's, or "Pasted HTML"). */
  name: string;
  /** The design's size: its width is the first choice, its height the viewport's there. */
  design: { width: number; height: number };
  /** The frame the layers go beside (absent: the selection). */
  besideId?: string;
  /** http(s) images the page names: they are not loaded in the plugin, so grey placeholders stand in. */
  external: string[];
}

/** The widths offered: the design's first, then tablet and phone (a width offered twice is offered once). */
export function layerWidths(designWidth: number): number[] {
  return [...new Set([Math.max(1, Math.round(designWidth)), TABLET_WIDTH, PHONE_WIDTH])];
}

/** The viewport's height at `width`: the design's at its own width, a device's otherwise. */
export function viewportHeight(source: Pick<LayerSource, "design">, width: number): number {
  if (width === Math.round(source.design.width)) return Math.max(1, Math.round(source.design.height));
  return width <= PHONE_WIDTH ? 844 : width <= TABLET_WIDTH ? 1024 : 900;
}

const MAX_LISTED = 50;

/** The http(s) (or protocol-relative) images a page's markup and CSS name, in order, each once. */
export function externalImages(texts: readonly string[]): string[] {
  const found = new Set<string>();
  const patterns = [
    /<(?:img|source|image|input)\b[^>]*?\s(?:src|href|xlink:href)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi,
  ];
  for (const text of texts)
    for (const pattern of patterns)
      for (const match of text.matchAll(pattern)) {
        const url = match[1];
        if (url && !/fonts\.(?:googleapis|gstatic)\.com/.test(url)) found.add(url);
        if (found.size >= MAX_LISTED) return [...found];
      }
  return [...found];
}

/** Why a result cannot be read now, or its page. */
export type ResultSource = { source: LayerSource } | { unavailable: string };

/** The page of a Code result, as its preview shows it (the first page of a multi-frame result, by its frame). */
export function resultSource(preview: PreviewState, frames: readonly FrameInfo[]): ResultSource {
  const frame = frames[0];
  const design = { width: frame?.width ?? 1440, height: frame?.height ?? 900 };
  const base = { name: frame?.name ?? "Page", design, ...(frame ? { besideId: frame.id } : {}) };
  switch (preview.status) {
    case "loading":
      return { unavailable: "The preview is still being made" };
    case "failed":
      return { unavailable: `The preview could not be rendered: ${preview.message}` };
    case "scripted":
      // The model's React code is the page: it runs in the sandbox as in the preview, with the reader beside it.
      return { source: { ...base, html: preview.html, external: externalImages([preview.html]) } };
    case "ready": {
      const page = previewPages(preview.files)[0];
      if (!page) return { unavailable: "There is no HTML page to read" };
      return {
        source: { ...base, html: previewDocument(page, preview.files), external: externalImages(texts(preview.files)) },
      };
    }
  }
}

const texts = (files: readonly SourceFile[]): string[] => files.filter((f) => !f.bytes).map((f) => f.content);

/** A pasted page's first width: a common desktop's. */
export const PASTED_WIDTH = 1440;

/**
 * HTML the user pasted, as a page: made inert as the HTML preview's (html-page.ts: scripts, handlers, frames and
 * javascript: URLs removed, a CSP that allows no script), laid out first at a desktop's width, beside the selection.
 */
export function pastedSource(html: string): LayerSource {
  const page: SourceFile = { path: "index.html", content: html };
  return {
    html: buildSrcdoc({ page, files: [page] }),
    name: pastedName(html),
    design: { width: PASTED_WIDTH, height: 900 },
    external: externalImages([html]),
  };
}

/** The page's <title>, else "Pasted HTML". */
function pastedName(html: string): string {
  const title = /<title\b[^>]*>([^<]*)<\/title/i.exec(html)?.[1]?.trim();
  return title ? title.slice(0, 120) : "Pasted HTML";
}
