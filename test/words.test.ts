// One word per thing (issue 41; the glossary is the README's "Words used here", the code's words are
// docs/architecture.md's "House words"): the meanings a word gave up stay out of what people read — the
// panel's text, the main thread's messages, the README and docs/ — and out of the folder names.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

/** Every file under `dir` (relative to the root) whose name passes `keep`. */
function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => keep(name))
    .map((name) => join(dir, name));
}

const isSource = (name: string): boolean => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name);

/**
 * The text a person reads in a source file: string and template literals (their `${…}` left out) and JSX
 * text between tags; comments and imports are not read.
 */
function userText(source: string): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1")
    .replace(/^import .*$/gm, "");
  const texts: string[] = [];
  for (const m of code.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g))
    texts.push((m[1] ?? m[2] ?? m[3] ?? "").replace(/\$\{[^}]*\}/g, " "));
  for (const m of code.matchAll(/>([^<>{}=;()]*[A-Za-z][^<>{}=;()]*)</g)) texts.push(m[1] ?? "");
  return texts.map((t) => t.trim()).filter((t) => /\s/.test(t) || /^[A-Z]/.test(t));
}

/** A retired meaning: where it may not appear, and how it reads there. */
interface Retired {
  word: string;
  /** Files (relative to the root) whose text is checked. */
  files: () => string[];
  /** The text a person reads in one file. */
  read: (file: string, text: string) => string[];
  pattern: RegExp;
}

const wholeText = (_file: string, text: string): string[] => text.split("\n");
const docs = (): string[] => ["README.md", ...filesUnder("docs", (name) => name.endsWith(".md"))];
const uiText = (_file: string, text: string): string[] => userText(text);

const RETIRED: Retired[] = [
  // "batch" is OpenAI's (its Batch API); one image per row of a table is "rows", its drawing a "run".
  {
    word: "rows, not batch",
    files: () =>
      [...filesUnder("ui", isSource), ...filesUnder("plugin", isSource)].filter((file) => !file.includes("batch")),
    read: uiText,
    pattern: /\bbatch(es)?\b(?! API)/i,
  },
  {
    word: "rows, not batch",
    files: docs,
    read: wholeText,
    pattern: /\bBatch mode\b|\bEdit batch\b|plugin\.md#batch\b|\bimage batch(es)?\b|"One image \| Batch"/i,
  },
  // A draft is the Code panel's offline code only: the Rows setup's prompts are row prompts.
  {
    word: "row prompts, not draft",
    files: () => [...filesUnder("ai", isSource), ...filesUnder("ui", isSource), ...docs()],
    read: wholeText,
    pattern: /\b(batch|rows?|setup)( panel)?.s draft\b|\bdraft-prompts\b|\b(SweepDraft|DraftPrompts|draftPrompts)\b/,
  },
  // A job is a panel's piece of work through its steps (the model job, the code job); what goes to OpenAI's Batch API
  // is a batch.
  {
    word: "batch, not job",
    files: () => [...filesUnder("ui", isSource), ...filesUnder("plugin", isSource)],
    read: uiText,
    pattern: /\bBatch API jobs?\b|\brun the batch live\b/i,
  },
  {
    word: "batch, not job",
    files: docs,
    read: wholeText,
    pattern: /\bBatch API jobs?\b|\bas one job\b|\bjobs\/site\b/i,
  },
  // "room" is retired: a tab is a panel, a part of the code a folder, and storage has space ("Free up space").
  {
    word: "space, not room",
    files: () => [...filesUnder("ui", isSource), ...filesUnder("plugin", isSource)],
    read: uiText,
    pattern: /(?<!")\brooms?\b(?!")/i,
  },
  { word: "space, not room", files: docs, read: wholeText, pattern: /(?<!")\brooms?\b(?!")/i },
];

/** Each hit of the retired meanings as "word — file: text". */
function hits(rules: readonly Retired[]): string[] {
  return rules.flatMap((rule) =>
    rule.files().flatMap((file) =>
      rule
        .read(file, readFileSync(join(ROOT, file), "utf8"))
        .filter((text) => rule.pattern.test(text))
        .map((text) => `${rule.word} — ${file}: ${text.slice(0, 160)}`),
    ),
  );
}

describe("one word per thing", () => {
  it("reads the text a person sees in a source file, not its code, comments or imports", () => {
    const source = [
      'import { x } from "../controls/banner.js";',
      "// make room for the list",
      "const a = 1; /* the room */",
      'const label = { value: "batch", label: "Batch", title: "Images from rows" };',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the input is source text holding a template literal
      "const line = `${n} images in this batch`;",
      'return <p class="muted row__why">They can be deleted to make room.</p>;',
    ].join("\n");
    expect(userText(source)).toEqual([
      "Batch",
      "Images from rows",
      "images in this batch",
      "muted row__why",
      "They can be deleted to make room.",
    ]);
  });

  it("the panel's menus, toasts and banners are controls: ui/components/ is gone, components are Figma's", () => {
    expect(existsSync(join(ROOT, "ui", "components"))).toBe(false);
    expect(existsSync(join(ROOT, "ui", "controls"))).toBe(true);
    const imports = filesUnder("ui", isSource).filter((file) =>
      /from "(\.\.\/)+components\//.test(readFileSync(join(ROOT, file), "utf8")),
    );
    expect(imports).toEqual([]);
  });

  it("no retired meaning in the panel's text, the main thread's messages, the README or docs/", () => {
    expect(hits(RETIRED)).toEqual([]);
  });
});
