/** A model's code answer built from real generated files, for the correction-round tests (CLI and panel). */
import type { SourceFile } from "../../codegen/types.js";

/**
 * The answer's JSON: the model writes the code files; the design's assets are the project's already (the pipeline adds
 * them).
 */
export const answerJson = (files: SourceFile[], notes: string): string =>
  JSON.stringify({
    notes,
    files: files
      .filter((f) => !f.bytes && !/(^|\/)assets\//.test(f.path))
      .map((f) => ({ path: f.path, content: f.content })),
  });

/** `files` with one CSS rule's declaration changed; fails loudly when the rule is not there. */
export function moved(files: SourceFile[], selector: string, from: string, to: string): SourceFile[] {
  let done = false;
  const out = files.map((f) => {
    if (!f.path.endsWith(".css")) return f;
    const at = f.content.indexOf(`${selector} {`);
    if (at < 0) return f;
    const end = f.content.indexOf("}", at);
    const rule = f.content.slice(at, end);
    if (!rule.includes(from)) return f;
    done = true;
    return { ...f, content: f.content.slice(0, at) + rule.replace(from, to) + f.content.slice(end) };
  });
  if (!done) throw new Error(`no rule ${selector} with ${from}`);
  return out;
}
