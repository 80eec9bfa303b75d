/**
 * A split frame's answers made one project (issue 74): every section's files (each section is one component,
 * src/sections/<Name>.tsx), a page that renders the sections in drawn order, then the one project pass and formatter
 * every answer goes through (pipeline.ts postProcess: imports checked and fixed with ts-morph, prettier), so the
 * page is one set of files with one stylesheet per component and the design's fonts and assets once.
 */
import type { Problem, SourceFile } from "../../../codegen/types.js";
import { postProcess, type ComponentChecks } from "../pipeline.js";
import type { PromptInput } from "../prompt.js";
import { sectionPaths } from "../section-prompt.js";

export const PAGE_PATH = "src/App.tsx";
const PAGE_CSS = "src/App.module.css";

/** The page: each section's component, one below the other, in drawn order. */
export function pageFile(
  components: readonly string[],
  frame: { w: number },
  styling: PromptInput["styling"],
): SourceFile[] {
  const imports = components.map((c) => `import { ${c} } from "./sections/${c}";`);
  const body = components.map((c) => `      <${c} />`).join("\n");
  const tailwind = styling === "tailwind";
  const open = tailwind
    ? `<main className="mx-auto flex w-full max-w-[${Math.round(frame.w)}px] flex-col">`
    : "<main className={styles.page}>";
  const app = [
    ...imports,
    ...(tailwind ? [] : ['import styles from "./App.module.css";']),
    "",
    "export default function App() {",
    "  return (",
    `    ${open}`,
    body,
    "    </main>",
    "  );",
    "}",
    "",
  ].join("\n");
  const css = [
    ".page {",
    "  display: flex;",
    "  flex-direction: column;",
    "  width: 100%;",
    `  max-width: ${Math.round(frame.w)}px;`,
    "  margin: 0 auto;",
    "}",
    "",
  ].join("\n");
  return [{ path: PAGE_PATH, content: app }, ...(tailwind ? [] : [{ path: PAGE_CSS, content: css }])];
}

/**
 * The sections' files in drawn order, one file per path: a page file a section wrote is dropped (the page is written
 * here), and a path two sections both wrote keeps the first one's, said as a problem unless the two are the same.
 */
export function mergeSectionFiles(sections: readonly { component: string; files: readonly SourceFile[] }[]): {
  files: SourceFile[];
  problems: Problem[];
} {
  const byPath = new Map<string, { file: SourceFile; from: string }>();
  const problems: Problem[] = [];
  for (const section of sections)
    for (const file of section.files) {
      if (file.path === PAGE_PATH || file.path === PAGE_CSS) continue;
      const earlier = byPath.get(file.path);
      if (!earlier) byPath.set(file.path, { file, from: section.component });
      else if (earlier.file.content !== file.content && !file.bytes)
        problems.push({
          severity: "warning",
          code: "section-collision",
          file: file.path,
          message: `${section.component} wrote ${file.path} too; kept ${earlier.from}'s`,
        });
    }
  return { files: [...byPath.values()].map((v) => v.file), problems };
}

/** Which section a file belongs to (for people): its component's file, CSS module or folder. */
export function sectionOfFile(path: string, components: readonly string[]): string | undefined {
  return components.find((c) => {
    const paths = sectionPaths(c);
    return path === paths.tsx || path === paths.css || path.startsWith(paths.folder);
  });
}

/** The assembled page: the sections' files and the page, through the project pass and formatter once. */
export async function assembleSections(
  answers: readonly { component: string; files: readonly SourceFile[] }[],
  components: readonly string[],
  base: Pick<PromptInput, "assets" | "fonts" | "target" | "styling">,
  frame: { w: number },
  checks: ComponentChecks = {},
): Promise<{ files: SourceFile[]; problems: Problem[] }> {
  const merged = mergeSectionFiles(answers);
  const missing = components.filter((c) => !answers.some((a) => a.component === c));
  const page = pageFile(
    components.filter((c) => !missing.includes(c)),
    frame,
    base.styling,
  );
  const fonts = base.fonts ? { plan: base.fonts, target: base.target, styling: base.styling } : undefined;
  const done = await postProcess(
    { files: [...page, ...merged.files], problems: merged.problems },
    undefined,
    base.assets,
    fonts,
    checks,
  );
  const gaps: Problem[] = missing.map((c) => ({
    severity: "error",
    code: "section-missing",
    message: `section ${c} has no answer: the page renders the others`,
  }));
  return { files: done.files, problems: [...gaps, ...done.problems] };
}
