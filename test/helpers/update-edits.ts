/**
 * Issue 71's scripted user edits: what a team does to generated code between two design versions, applied to a
 * generated folder's files so that `figment code NEW --update DIR` has something of theirs to keep. Six kinds, each
 * in the target's own syntax: a comment at the top of every component's body, a rule in a stylesheet (a class on
 * the screen's root element for Tailwind, a style in StyleSheet.create for React Native), a new file of theirs, a
 * prop renamed within one component, a click handler on the screen's first button (or its root element), and a text
 * retyped by hand. Each edit says which lines it wrote where, so that `editSurvived` can tell afterwards whether the
 * update kept it (in a conflicted file, the `<<<<<<< yours` side counts). Pure: bench/update.ts and its test use it.
 */
import type { SourceFile } from "../../codegen/types.js";
import type { Styling, Target } from "../../codegen/targets.js";

export type EditKind = "comment" | "style-rule" | "new-file" | "rename-prop" | "handler" | "text";

export const EDIT_KINDS: readonly EditKind[] = ["comment", "style-rule", "new-file", "rename-prop", "handler", "text"];

export interface EditTarget {
  target: Target;
  styling: Styling;
}

/** Lines an edit wrote in one file, whole, as they stand in the edited file. */
export interface EditPlace {
  path: string;
  lines: string[];
}

export interface UserEdit {
  kind: EditKind;
  /** In words: `comment in src/components/Button.tsx`, `prop error → myError in …`. */
  what: string;
  places: EditPlace[];
}

export interface EditedFolder {
  files: SourceFile[];
  edits: UserEdit[];
}

/** The folder being edited: path → lines. */
type Folder = Map<string, string[]>;
/** Whether an edit already wrote this line of this file. */
type Taken = (path: string, line: string) => boolean;

const COMPONENT_FILE: Record<Target, RegExp> = {
  react: /^src\/(components|screens)\/[^/]+\.tsx$/,
  "react-native": /^src\/(components|screens)\/[^/]+\.tsx$/,
  vue: /^src\/.*\.vue$/,
  svelte: /^src\/.*\.svelte$/,
  angular: /^src\/app\/(components|screens)\/[^/]+\.ts$/,
  html: /\.html$/,
};

/** The folder's component files, in path order (HTML: its pages). */
function componentPaths(folder: Folder, target: Target): string[] {
  return [...folder.keys()].filter((path) => COMPONENT_FILE[target].test(path)).sort();
}

/** The screen's files: the first screen component (HTML: index.html), and Angular's template file beside it. */
function screenPaths(folder: Folder, target: Target): string[] {
  const all = componentPaths(folder, target);
  const screen = all.find((path) => path.includes("/screens/")) ?? all.find((p) => p.endsWith("index.html")) ?? all[0];
  if (!screen) return [];
  const template = screen.replace(/\.ts$/, ".html");
  return target === "angular" && template !== screen && folder.has(template) ? [screen, template] : [screen];
}

const baseName = (path: string): string => (path.split("/").pop() ?? path).replace(/\..*$/, "");

/** The edits applied to `files` (generated for `target`), and the edited files in the same order, new ones after. */
export function userEdits(files: readonly SourceFile[], target: EditTarget): EditedFolder {
  const folder: Folder = new Map(files.filter((f) => !f.bytes).map((f) => [f.path, f.content.split("\n")]));
  const edits: UserEdit[] = [];
  const push = (edit: UserEdit | undefined): void => {
    if (edit && edit.places.length > 0) edits.push(edit);
  };
  push(commentEdit(folder, target.target));
  push(styleEdit(folder, target));
  push(newFileEdit(folder, target.target));
  push(renameEdit(folder, target.target));
  // The handler and the text go on lines no edit before them wrote: each line is one edit's, as its record says.
  const taken = (path: string, line: string): boolean =>
    edits.some((e) => e.places.some((place) => place.path === path && place.lines.includes(line)));
  push(handlerEdit(folder, target.target, taken));
  push(textEdit(folder, target.target, taken));
  const edited = files.map((f) => (f.bytes ? f : { path: f.path, content: folder.get(f.path)!.join("\n") }));
  const added = [...folder.keys()]
    .filter((path) => !files.some((f) => f.path === path))
    .map((path) => ({ path, content: folder.get(path)!.join("\n") }));
  return { files: [...edited, ...added], edits };
}

/** Inserts `lines` before line `at` (0-based) of `path`. */
function insert(folder: Folder, path: string, at: number, lines: string[]): void {
  folder.get(path)!.splice(at, 0, ...lines);
}

const indentOf = (line: string): string => /^\s*/.exec(line)![0];

/** (a) `// team: keep <Name>` (or its markup comment) at the top of every component's body. */
function commentEdit(folder: Folder, target: Target): UserEdit {
  const places: EditPlace[] = [];
  for (const path of componentPaths(folder, target)) {
    const lines = folder.get(path)!;
    const name = baseName(path);
    const comment = (indent: string, markup = false): string =>
      markup ? `${indent}<!-- team: keep ${name} -->` : `${indent}// team: keep ${name}`;
    let line: string | undefined;
    if (target === "react" || target === "react-native") {
      const start = lines.findIndex((l) => /^export (default )?function \w+/.test(l));
      const open = lines.findIndex((l, i) => i >= start && /\)(: [\w.<>]+)? \{$/.test(l));
      if (start < 0 || open < 0) continue;
      line = comment("  ");
      insert(folder, path, open + 1, [line]);
    } else if (target === "angular") {
      const open = lines.findIndex((l) => /^export class \w+/.test(l));
      if (open < 0) continue;
      line = comment("  ");
      if (lines[open]!.endsWith("{}")) lines.splice(open, 1, lines[open]!.slice(0, -1), line, "}");
      else insert(folder, path, open + 1, [line]);
    } else if (target === "html") {
      const body = lines.findIndex((l) => l.trim() === "<body>");
      if (body < 0) continue;
      line = comment(`${indentOf(lines[body]!)}  `, true);
      insert(folder, path, body + 1, [line]);
    } else {
      // Vue and Svelte: in the component's script when it has one, else a comment above its markup.
      const script = lines.findIndex((l) => /^<script( setup)? lang="ts">$/.test(l));
      line = script >= 0 ? comment(target === "svelte" ? "  " : "") : comment("", true);
      insert(folder, path, script + 1, [line]);
    }
    places.push({ path, lines: [line] });
  }
  return { kind: "comment", what: `a comment at the top of ${places.length} components`, places };
}

/** (b) A rule of the team's in the screen's stylesheet; for Tailwind a class on the screen's root element. */
function styleEdit(folder: Folder, edit: EditTarget): UserEdit | undefined {
  const { target, styling } = edit;
  const screen = screenPaths(folder, target)[0];
  if (!screen) return undefined;
  const rule = (indent: string, name: string): string[] => [
    `${indent}.${name} {`,
    `${indent}  outline: 2px solid #ff00ff;`,
    `${indent}}`,
  ];
  const done = (path: string, lines: string[], words: string): UserEdit => ({
    kind: "style-rule",
    what: `${words} in ${path}`,
    places: [{ path, lines: lines.filter((l) => l.trim() !== "}") }],
  });
  if (target === "react-native") {
    const lines = folder.get(screen)!;
    const at = lines.findIndex((l) => l.includes("StyleSheet.create({"));
    if (at < 0) return undefined;
    const style = "  teamNote: { opacity: 0.9 },";
    insert(folder, screen, at + 1, [style]);
    return done(screen, [style], "a style teamNote");
  }
  if (styling === "tailwind") {
    const lines = folder.get(screen)!;
    const at = lines.findIndex((l) => /class(Name)?="/.test(l));
    if (at < 0) return undefined;
    lines[at] = lines[at]!.replace(/(class(?:Name)?=")/, "$1print:hidden ");
    return done(screen, [lines[at]!], "a class print:hidden");
  }
  // A stylesheet beside the screen (CSS modules, Angular, HTML), else the screen's own <style> block (Vue, Svelte).
  const sheet = [".module.css", ".css"]
    .map((ext) => screen.replace(/\.(tsx|ts)$/, ext))
    .find((path) => path !== screen && folder.has(path));
  const css = target === "html" ? [...folder.keys()].find((p) => p.endsWith(".css") && !p.includes("/")) : sheet;
  if (css) {
    const lines = folder.get(css)!;
    const end = lines.at(-1) === "" ? lines.length - 1 : lines.length;
    const added = ["", ...rule("", target === "html" ? "team-highlight" : "teamHighlight")];
    insert(folder, css, end, added);
    return done(css, added.slice(1), "a rule .teamHighlight");
  }
  const lines = folder.get(screen)!;
  const close = lines.indexOf("</style>");
  if (close < 0) return undefined;
  const added = ["", ...rule(target === "svelte" ? "  " : "", "teamHighlight")];
  insert(folder, screen, close, added);
  return done(screen, added.slice(1), "a rule .teamHighlight");
}

/** (c) A file of the team's own: src/lib/analytics.ts (HTML: analytics.js beside the page). */
function newFileEdit(folder: Folder, target: Target): UserEdit {
  const path = target === "html" ? "analytics.js" : "src/lib/analytics.ts";
  const lines =
    target === "html"
      ? [
          "// The team's own code, not generated.",
          "export function track(event) {",
          '  console.log("track", event);',
          "}",
          "",
        ]
      : [
          "// The team's own code, not generated.",
          "export function track(event: string): void {",
          '  console.log("track", event);',
          "}",
          "",
        ];
  folder.set(path, lines);
  return {
    kind: "new-file",
    what: `a new file ${path}`,
    places: [{ path, lines: lines.filter((l) => l !== "}" && l) }],
  };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The props a component declares, in order (not className, style or children). */
function propsOf(text: string, target: Target): string[] {
  const found =
    target === "angular" ? [...text.matchAll(/^\s+readonly (\w+) = input\b/gm)] : [...text.matchAll(/^\s+(\w+)\?: /gm)];
  return found.map((m) => m[1]!).filter((p) => !["className", "class", "style", "children"].includes(p));
}

/** p → q in one component's text, the target's way; undefined when a use of p is left that the rename missed. */
function renamedText(text: string, p: string, q: string, target: Target): string | undefined {
  const P = escapeRegExp(p);
  // [pattern, replacement, only in the script (Vue, Svelte: before </script>; elsewhere the whole file)]
  const rules: [RegExp, string, boolean][] =
    target === "angular"
      ? [
          [new RegExp(`readonly ${P} = input\\b`, "g"), `readonly ${q} = input`, false],
          [new RegExp(`\\b${P}\\(\\)`, "g"), `${q}()`, false],
        ]
      : [
          [new RegExp(`^(\\s+)${P}\\?: `, "g"), `$1${q}?: `, true],
          [new RegExp(`^(\\s+)${P}( = |,$)`, "g"), `$1${q}$2`, true],
          ...(target === "vue"
            ? [[new RegExp(`^(\\s+)${P}: `, "g"), `$1${q}: `, true] as [RegExp, string, boolean]]
            : []),
          [new RegExp(`\\{${P}\\}`, "g"), `{${q}}`, false],
          [new RegExp(`\\{\\{ ${P} \\}\\}`, "g"), `{{ ${q} }}`, false],
          [new RegExp(`(:[\\w-]+)="${P}"`, "g"), `$1="${q}"`, false],
        ];
  const lines = text.split("\n");
  const scriptEnd = target === "vue" || target === "svelte" ? lines.indexOf("</script>") : lines.length;
  const out = lines.map((line, i) =>
    rules.reduce((l, [from, to, scriptOnly]) => (scriptOnly && i >= scriptEnd ? l : l.replace(from, to)), line),
  );
  // What is left of p outside strings, member accesses (styles.p, .p in CSS) and object keys (a StyleSheet's p:)
  // would be a use the rename missed.
  const left = new RegExp(`(?<![\\w.$-])${P}(?![\\w-]|\\s*:)`);
  const code = out.map((l) => l.replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '""'));
  return code.some((l) => left.test(l)) ? undefined : out.join("\n");
}

/** (d) One prop renamed within one component (its declaration, default and uses), where no other file passes it. */
function renameEdit(folder: Folder, target: Target): UserEdit | undefined {
  if (target === "html") return undefined;
  const components = componentPaths(folder, target).filter((path) => path.includes("/components/"));
  for (const path of components) {
    const template = target === "angular" ? path.replace(/\.ts$/, ".html") : undefined;
    const own = [path, ...(template && folder.has(template) ? [template] : [])];
    for (const p of propsOf(folder.get(path)!.join("\n"), target)) {
      const q = `my${p[0]!.toUpperCase()}${p.slice(1)}`;
      const passed = new RegExp(`(^|[\\s\\[:(])(${escapeRegExp(p)}|${escapeRegExp(kebab(p))})\\]?=`, "m");
      const elsewhere = [...folder].some(([other, lines]) => !own.includes(other) && passed.test(lines.join("\n")));
      if (elsewhere) continue;
      const texts = own.map((file) => renamedText(folder.get(file)!.join("\n"), p, q, target));
      if (texts.some((t) => t === undefined)) continue;
      const places: EditPlace[] = [];
      own.forEach((file, i) => {
        const before = folder.get(file)!;
        const after = texts[i]!.split("\n");
        folder.set(file, after);
        const changed = after.filter((line, n) => line !== before[n]);
        if (changed.length > 0) places.push({ path: file, lines: changed });
      });
      return { kind: "rename-prop", what: `prop ${p} → ${q} in ${path}`, places };
    }
  }
  return undefined;
}

/** The 0-based [start, end) lines of a file's markup: JSX after `return (`, a template, an HTML body. */
function markupRange(lines: readonly string[], path: string, target: Target): [number, number] {
  const find = (test: (l: string) => boolean, from = 0): number => {
    const i = lines.findIndex((l, n) => n >= from && test(l));
    return i < 0 ? lines.length : i;
  };
  if (target === "react" || target === "react-native") {
    const start = find((l) => /^\s+return \($/.test(l)) + 1;
    return [start, find((l) => /^\s+\);$/.test(l), start)];
  }
  if (target === "vue") return [find((l) => l === "<template>") + 1, find((l) => l === "</template>")];
  if (target === "html") return [find((l) => l.trim() === "<body>") + 1, find((l) => l.trim() === "</body>")];
  if (target === "svelte") {
    const start = lines[0]?.startsWith("<script") ? find((l) => l === "</script>") + 1 : 0;
    return [start, find((l) => l === "<style>", start)];
  }
  return path.endsWith(".html") ? [0, lines.length] : [lines.length, lines.length];
}

const HANDLERS: Record<Target, string> = {
  react: 'onClick={() => console.log("team: clicked")}',
  "react-native": 'onPress={() => console.log("team: pressed")}',
  vue: "@click=\"$emit('team-click')\"",
  svelte: 'onclick={() => console.log("team: clicked")}',
  angular: '(click)="onTeamClick()"',
  html: "onclick=\"console.log('team: clicked')\"",
};

/** (e) A click handler on the screen's first button, else its first element; Angular's method in the class too. */
function handlerEdit(folder: Folder, target: Target, taken: Taken): UserEdit | undefined {
  const [screen, template] = screenPaths(folder, target);
  const path = template ?? screen;
  if (!screen || !path) return undefined;
  const lines = folder.get(path)!;
  const [start, end] = markupRange(lines, path, target);
  const button = target === "react-native" ? /<(Pressable)\b/ : /<(button)\b/;
  // Else the first element of the platform's own (not one of the generated components, which take no handler).
  const element = target === "react-native" ? /<(View)\b/ : /<([a-z][\w-]*)\b/;
  const inRange = (test: RegExp): number =>
    lines.findIndex((l, i) => i >= start && i < end && test.test(l) && !taken(path, l));
  const at = inRange(button) >= 0 ? inRange(button) : inRange(element);
  if (at < 0) return undefined;
  const tag = (inRange(button) >= 0 ? button : element).exec(lines[at]!)![1]!;
  const handler = target === "react-native" && tag !== "Pressable" ? 'onTouchEnd={() => console.log("team")}' : "";
  lines[at] = lines[at]!.replace(`<${tag}`, () => `<${tag} ${handler || HANDLERS[target]}`);
  const places: EditPlace[] = [{ path, lines: [lines[at]!] }];
  if (target === "angular") {
    const ts = folder.get(screen)!;
    const open = ts.findIndex((l) => /^export class \w+/.test(l));
    const method = "  onTeamClick(): void {}";
    if (ts[open]!.endsWith("{}")) ts.splice(open, 1, ts[open]!.slice(0, -1), method, "}");
    else insert(folder, screen, open + 1, [method]);
    places.push({ path: screen, lines: [method] });
  }
  return { kind: "handler", what: `a handler on <${tag}> in ${path}`, places };
}

/** (f) A text of the screen's markup retyped by hand (else of a component's): `Sign Up` → `Sign Up (team)`. */
function textEdit(folder: Folder, target: Target, taken: Taken): UserEdit | undefined {
  const screens = screenPaths(folder, target);
  const others = componentPaths(folder, target).filter((p) => !screens.includes(p));
  const withTemplates = others.flatMap((p) => (target === "angular" ? [p.replace(/\.ts$/, ".html"), p] : [p]));
  const inline =
    target === "react-native" ? /(>\{")([^"]*[A-Za-z][^"]*)("\}<)/ : /(>)([^<>{}"]*[A-Za-z][^<>{}"]*)(<\/)/;
  const inlineTemplate = /(template: `[^`]*>)([^<>{}`]*[A-Za-z][^<>{}`]*)(<\/)/;
  for (const path of [...screens, ...withTemplates].filter((p) => folder.has(p))) {
    const lines = folder.get(path)!;
    const [start, end] = markupRange(lines, path, target);
    const test = target === "angular" && path.endsWith(".ts") ? inlineTemplate : inline;
    const from = target === "angular" && path.endsWith(".ts") ? 0 : start;
    const to = target === "angular" && path.endsWith(".ts") ? lines.length : end;
    for (let i = from; i < to; i++) {
      if (taken(path, lines[i]!)) continue;
      const m = test.exec(lines[i]!);
      const own = !m && i > from && lines[i - 1]!.trimEnd().endsWith(">") && isTextLine(lines[i]!);
      if (!m && !own) continue;
      const before = m ? m[2]! : lines[i]!.trim();
      lines[i] = m
        ? lines[i]!.replace(test, (_all, a: string, text: string, b: string) => `${a}${text} (team)${b}`)
        : `${lines[i]!} (team)`;
      return {
        kind: "text",
        what: `text "${before.slice(0, 40)}" retyped in ${path}`,
        places: [{ path, lines: [lines[i]!] }],
      };
    }
  }
  return undefined;
}

/** A line of text alone between tags (prettier puts a long text on its own line). */
function isTextLine(line: string): boolean {
  const text = line.trim();
  return /[A-Za-z]/.test(text) && !/[<>{}=;]/.test(text);
}

/** `text` without the design's side of its conflicts (and their markers): what the user keeps of it. */
export function keptSide(text: string): string {
  const kept: string[] = [];
  let side: "both" | "yours" | "other" = "both";
  for (const line of text.split("\n")) {
    if (line.startsWith("<<<<<<< ")) side = "yours";
    else if (side !== "both" && (line.startsWith("||||||| ") || line === "=======")) side = "other";
    else if (side !== "both" && line.startsWith(">>>>>>> ")) side = "both";
    else if (side !== "other") kept.push(line);
  }
  return kept.join("\n");
}

/**
 * Whether `edit` is still in `files` (an updated folder): each of its places' lines, whole, in the file at its path —
 * or, for a file the update moved (a component renamed in Figma), in one other file — on the user's side of any
 * conflict.
 */
export function editSurvived(edit: UserEdit, files: readonly SourceFile[]): boolean {
  const has = (file: SourceFile, lines: readonly string[]): boolean => {
    const kept = new Set(keptSide(file.content).split("\n"));
    return lines.every((line) => kept.has(line));
  };
  return edit.places.every((place) => {
    const at = files.find((f) => f.path === place.path);
    if (at) return has(at, place.lines);
    return files.some((f) => !f.bytes && has(f, place.lines));
  });
}
