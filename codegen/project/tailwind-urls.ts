/**
 * Tailwind classes' url()s made relative to the stylesheet they are compiled into. A class such as
 * `bg-[url(../assets/hero.jpg)]` is written in a component (src/screens/Hero.tsx) but Tailwind's build compiles it
 * into the project's Tailwind stylesheet (src/tailwind.css, or a model's own that imports Tailwind), and the bundler
 * resolves its URL from there: `../assets/hero.jpg` is then a file above src/ that does not exist, which Vite leaves
 * for the browser, and the built page's image is a 404 (issue 38: a hero's photo gone under its white heading).
 * A URL that names a project file from the component's folder but not from the stylesheet's is rewritten to the
 * path from the stylesheet's folder, with a note; one that names no file from either is reported. Text only (the
 * lines stay as they are); pure.
 */
import { dirname, isLocalReference, relativePath, resolvePath } from "../file-paths";
import { tailwindEntryPath } from "../scaffold/project-files";
import type { Problem, SourceFile } from "../types";

const SCRIPT = /\.[cm]?[jt]sx?$/i;
/**
 * An arbitrary value or property in brackets (no whitespace: a class) with a url(), e.g. `[background:url(…)_center]`.
 */
const ARBITRARY_WITH_URL = /\[[^\s[\]"'`]*url\((?:[^\s()"'`]|'[^\s'`]*'|"[^\s"`]*")*\)[^\s[\]"'`]*\]/g;
const URL_IN_CLASS = /url\((['"]?)([^\s()'"]+)\1\)/g;

export interface RebasedUrls {
  files: SourceFile[];
  problems: Problem[];
}

export function rebaseTailwindClassUrls(input: readonly SourceFile[]): RebasedUrls {
  const paths = new Set(input.map((f) => f.path));
  const entry = tailwindEntryPath(input);
  const entryDir = dirname(entry);
  const problems: Problem[] = [];
  const files = input.map((file) => {
    if (!SCRIPT.test(file.path) || file.bytes || !file.content.includes("url(")) return file;
    const fileDir = dirname(file.path);
    let line = 1;
    const rebase = (whole: string, quote: string, ref: string): string => {
      if (!isLocalReference(ref) || ref.startsWith("/") || ref.startsWith("data:")) return whole;
      const clean = ref.replace(/[?#].*$/, "");
      if (paths.has(resolvePath(entryDir, clean))) return whole;
      const meant = resolvePath(fileDir, clean);
      if (!paths.has(meant)) {
        problems.push({
          severity: "warning",
          code: "tailwind-url",
          message:
            `url(${ref}) in a Tailwind class names no file of the project: Tailwind compiles the ` +
            `class into ${entry}, and from there the built page asks for a file that is not there`,
          file: file.path,
          line,
        });
        return whole;
      }
      const fixed = relativePath(entryDir, meant) + ref.slice(clean.length);
      problems.push({
        severity: "info",
        code: "tailwind-url",
        message:
          `url(${ref}) in a Tailwind class is now url(${fixed}): Tailwind compiles ` +
          `the class into ${entry}, and the build resolves its URL from there`,
        file: file.path,
        line,
      });
      return `url(${quote}${fixed}${quote})`;
    };
    const content = file.content.replace(ARBITRARY_WITH_URL, (token: string, offset: number) => {
      line = file.content.slice(0, offset).split("\n").length;
      return token.replace(URL_IN_CLASS, rebase);
    });
    return content === file.content ? file : { ...file, content };
  });
  return { files, problems };
}
