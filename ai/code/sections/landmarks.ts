/**
 * One `<main>` per page (issue 74): the page the sections are assembled into wraps them in its `<main>` (page files),
 * and a section told its root is a `<section>` (section-prompt.ts) may still draw a `<main>` of its own, which makes
 * the page's landmarks wrong (axe: landmark-no-duplicate-main, landmark-main-is-top-level). Every `<main>` a section
 * wrote becomes a `<section>` with the same attributes, in the markup of every target: JSX (.tsx, .jsx), a Vue or
 * Svelte component, an HTML fragment or Angular template (.html), an Angular component's inline template (.ts).
 * Only the tag's name changes: a stylesheet's rules for the element's class or attributes still apply.
 */
import type { Problem, SourceFile } from "../../../codegen/types.js";

const MARKUP = /\.(?:[jt]sx?|vue|svelte|html)$/;
/** A `<main` tag's opening (not `<mainly`), and its closing tag. */
const OPEN = /<main(?=[\s/>])/g;
const CLOSE = /<\/main\s*>/g;

/** `files` with every `<main>` made a `<section>`, and a note for each file changed. */
export function mainsAsSections(files: readonly SourceFile[]): { files: SourceFile[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const out = files.map((f) => {
    if (f.bytes || !MARKUP.test(f.path) || f.content.search(OPEN) < 0) return f;
    problems.push({
      severity: "info",
      code: "section-main",
      file: f.path,
      message: "a section drew a <main>: made it a <section> (the page holds the one <main>)",
    });
    return { ...f, content: f.content.replace(OPEN, "<section").replace(CLOSE, "</section>") };
  });
  return { files: out, problems };
}
