/**
 * A split frame's answers made one project (issue 74): every section's files (each section is one component,
 * src/sections/<Name>.tsx, .vue or .svelte, src/app/sections/<name>.ts for Angular, or an HTML fragment), a page that
 * renders the sections in drawn order (page.ts), then the one project pass and formatter
 * every answer goes through (pipeline.ts postProcess: imports checked and fixed with ts-morph, prettier), so the
 * page is one set of files with one stylesheet per component and the design's fonts and assets once.
 */
import type { Problem, SourceFile } from "../../../codegen/types.js";
import { postProcess, type ComponentChecks } from "../pipeline.js";
import type { PromptInput } from "../prompt.js";
import type { Target } from "../../../codegen/targets.js";
import { joined } from "./join.js";
import { mainsAsSections } from "./landmarks.js";
import { pageFiles } from "./page.js";
import { pagePaths, sectionFiles } from "./targets.js";

const htmlFragment = (component: string): string[] => {
  const files = sectionFiles(component, "html");
  return [files.main, files.css!];
};

/**
 * The sections' files in drawn order, one file per path: a page file a section wrote is dropped (the page is written
 * here); a shared stylesheet or import list two sections both wrote is joined; another path two sections both wrote
 * keeps the first one's, said as a problem unless the two are the same.
 */
export function mergeSectionFiles(
  sections: readonly { component: string; files: readonly SourceFile[] }[],
  target: Target = "react",
): {
  files: SourceFile[];
  problems: Problem[];
} {
  const byPath = new Map<string, { file: SourceFile; from: string }>();
  const problems: Problem[] = [];
  const page = pagePaths(target);
  for (const section of sections)
    for (const file of section.files) {
      if (page.includes(file.path)) continue;
      const earlier = byPath.get(file.path);
      if (!earlier) byPath.set(file.path, { file, from: section.component });
      else if (earlier.file.content !== file.content && !file.bytes) {
        const both = joined(earlier.file, file);
        if (both) byPath.set(file.path, { file: both, from: earlier.from });
        else
          problems.push({
            severity: "warning",
            code: "section-collision",
            file: file.path,
            message: `${section.component} wrote ${file.path} too; kept ${earlier.from}'s`,
          });
      }
    }
  return { files: [...byPath.values()].map((v) => v.file), problems };
}

/**
 * The frame's layer id taken off the sections' elements: each section's part of the hint names the frame, so a section
 * may mark its root as the frame, and the first of them would be measured as the whole page; the page carries it.
 * Its attribute is `data-node-id` (React Native's: `testID`) in a component's markup: JSX, a Vue or Svelte component,
 * an Angular template (its .html, or inline in its .ts), an HTML fragment.
 */
export function withoutFrameId(files: readonly SourceFile[], frameId: string): SourceFile[] {
  const id = escapeRegExp(frameId);
  const attribute = new RegExp(`\\s+(?:data-node-id|testID)=(?:"${id}"|\\{"${id}"\\})`, "g");
  return files.map((f) =>
    f.bytes || !/\.(?:[jt]sx?|vue|svelte|html)$/.test(f.path) ? f : { ...f, content: f.content.replace(attribute, "") },
  );
}

/** The files at src/ a project's entry imports for their effect (fonts, global styles), when no file imports them. */
export function unimportedGlobals(files: readonly SourceFile[]): string[] {
  const candidates = files
    .map((f) => f.path)
    .filter((p) => /^src\/[^/]+\.css$/.test(p) || /^src\/fonts\.[jt]s$/.test(p))
    .filter((p) => !/\.module\.css$/.test(p));
  const imported = (path: string): boolean => {
    const name = path.slice("src/".length).replace(/\.[jt]s$/, "");
    return files.some(
      (f) => !f.bytes && f.path !== path && new RegExp(`["'/]${escapeRegExp(name)}["']`).test(f.content),
    );
  };
  // Fonts first: the faces before the rules that name them.
  return candidates
    .filter((p) => !imported(p))
    .sort((a, b) => Number(!a.includes("fonts")) - Number(!b.includes("fonts")));
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The assembled page: the sections' files and the page, through the project pass and formatter once. */
export async function assembleSections(
  answers: readonly { component: string; files: readonly SourceFile[] }[],
  components: readonly string[],
  base: Pick<PromptInput, "assets" | "fonts" | "target" | "styling">,
  frame: { w: number; name?: string; id?: string },
  checks: ComponentChecks = {},
): Promise<{ files: SourceFile[]; problems: Problem[] }> {
  const joined = mergeSectionFiles(answers, base.target);
  // The page holds the one <main>: a section's becomes a <section>.
  const mains = mainsAsSections(joined.files);
  const merged = {
    files: frame.id ? withoutFrameId(mains.files, frame.id) : mains.files,
    problems: [...joined.problems, ...mains.problems],
  };
  const missing = components.filter((c) => !answers.some((a) => a.component === c));
  const rendered = components.filter((c) => !missing.includes(c));
  // HTML's sections are fragments the page inlines: they are not files of the page.
  const fragments = base.target === "html" ? new Set(rendered.flatMap((c) => htmlFragment(c))) : new Set<string>();
  const page = pageFiles(
    rendered,
    frame,
    base.target,
    base.styling,
    merged.files.filter((f) => fragments.has(f.path)),
    unimportedGlobals(merged.files),
  );
  const fonts = base.fonts ? { plan: base.fonts, target: base.target, styling: base.styling } : undefined;
  // A React Native page is type-checked as one answer is (pipeline.ts generateModelCode), by default against the
  // code-check part's declarations.
  const native = base.target === "react-native" && !checks.reactNative ? { reactNative: { types: undefined } } : {};
  const done = await postProcess(
    { files: [...page, ...merged.files.filter((f) => !fragments.has(f.path))], problems: merged.problems },
    undefined,
    base.assets,
    fonts,
    { ...checks, ...native },
  );
  const gaps: Problem[] = missing.map((c) => ({
    severity: "error",
    code: "section-missing",
    message: `section ${c} has no answer: the page renders the others`,
  }));
  return { files: done.files, problems: [...gaps, ...done.problems] };
}
