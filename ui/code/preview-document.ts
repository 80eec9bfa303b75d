/**
 * A preview page's document (codegen/preview/html-page.ts), made once per result: the preview shows it and the
 * score measures it (ui/code/score/), and for a page with images it is megabytes of data: URLs to build.
 */
import { buildSrcdoc } from "../../codegen/preview/html-page.js";
import type { SourceFile } from "../../codegen/types.js";

const made = new WeakMap<SourceFile[], Map<SourceFile, string>>();

/** buildSrcdoc of `page` among `files`, remembered for as long as that `files` array lives. */
export function previewDocument(page: SourceFile, files: SourceFile[]): string {
  let pages = made.get(files);
  if (!pages) made.set(files, (pages = new Map()));
  let html = pages.get(page);
  if (html === undefined) pages.set(page, (html = buildSrcdoc({ page, files })));
  return html;
}
