/**
 * The house rules for imports (see docs/architecture.md, "Repository layout"): which folder may import which, and no
 * cycles. Reads every source file's static, re-export and dynamic imports; tests and fixtures are exempt
 * from the folder rules (they may reach into test helpers) but not from the rooms rule inside ui/ or the
 * cycle check.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness/plugin-page.js";
import { sourceFiles } from "./helpers/source-files.js";

const SOURCE_DIRS = ["kernel", "contract", "codegen", "ai", "plugin", "ui", "cli", "bench", "test"];
const IMPORT = new RegExp(
  String.raw`(?:^|[\s;])(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|(?:^|` +
    String.raw`[\s;])import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)`,
  "gm",
);

/** Relative imports of `file`, resolved to repository paths (`ui/app.tsx`). */
export function importsOf(file: string, text: string): string[] {
  const found: string[] = [];
  // Comments may quote import lines (examples in doc comments): drop them first.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  for (const match of code.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? match[3];
    if (!spec?.startsWith(".")) continue;
    const base = resolve(dirname(join(ROOT, file)), spec);
    const candidates = [
      base,
      base.replace(/\.js$/, ".ts"),
      base.replace(/\.js$/, ".tsx"),
      `${base}.ts`,
      `${base}.tsx`,
      join(base, "index.ts"),
    ];
    const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
    if (hit) found.push(relative(ROOT, hit).split("\\").join("/"));
  }
  return found;
}

const isTest = (file: string): boolean =>
  /\.test\.tsx?$/.test(file) || file.startsWith("test/") || file.startsWith("bench/");
const top = (file: string): string => file.split("/")[0]!;

/** Folder → folders its (non-test) files may import from, besides themselves. kernel/ is the bottom: all may. */
const ALLOWED: Record<string, readonly string[]> = {
  kernel: [],
  contract: ["kernel", "codegen"],
  codegen: ["kernel"],
  ai: ["kernel", "codegen", "contract"],
  plugin: ["kernel", "codegen", "contract"],
  ui: ["kernel", "codegen", "contract", "ai"],
  cli: ["kernel", "codegen", "contract", "ai"],
};

/**
 * The kernel is imported from kernel/, never through another folder: a file outside kernel/ that re-exports one of
 * its modules (`export { FigmentError } from "../kernel/errors.js"`, `export * from …`) makes a second way in, and
 * a newcomer looking for the error type would find it in codegen/ again. Returns "re-exporter → kernel file".
 */
export function kernelReexports(files: Iterable<[string, string]>): string[] {
  const REEXPORT = /(?:^|[\s;])export\s[^;]*?from\s*["'](\.[^"']+)["']/gm;
  const found: string[] = [];
  for (const [file, text] of files) {
    if (file.startsWith("kernel/")) continue;
    const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
    for (const match of code.matchAll(REEXPORT)) {
      const target = relative(ROOT, resolve(dirname(join(ROOT, file)), match[1]!))
        .split("\\")
        .join("/");
      if (target.startsWith("kernel/")) found.push(`${file} → ${target.replace(/\.js$/, ".ts")}`);
    }
  }
  return found;
}

/**
 * Inside ui/: the panels (rooms) are side by side and never import each other; what two of them share lives
 * below them. The shell above them (ui/app.tsx, ui/main.tsx, ui/shell/) may import any panel; the folders
 * below import no panel and not the shell. ui/parts/ is below: the panels define their part with its registry
 * and props, and the shell loads them with it. Tests beside the code keep the same rule.
 */
export const UI_PANELS = ["ui/code/", "ui/image/", "ui/analyze/", "ui/search/", "ui/history/", "ui/settings/"] as const;
export const UI_SHELL = ["ui/app.tsx", "ui/main.tsx", "ui/shell/"] as const;
export const UI_BELOW = [
  "ui/parts/",
  "ui/model/",
  "ui/controls/",
  "ui/lib/",
  "ui/channel/",
  "ui/engine/",
  "ui/search-worker/",
] as const;

const panelOf = (file: string): string | undefined => UI_PANELS.find((panel) => file.startsWith(panel));

/** The imports that break the ui/ rooms rule, as "importer → imported". */
export function uiRoomBreaks(edges: Iterable<[string, readonly string[]]>): string[] {
  const broken: string[] = [];
  for (const [file, imports] of edges) {
    if (!file.startsWith("ui/")) continue;
    const from = panelOf(file);
    const below = UI_BELOW.some((folder) => file.startsWith(folder));
    for (const target of imports) {
      const to = panelOf(target);
      const crossPanel = from !== undefined && to !== undefined && to !== from;
      const belowUp = below && (to !== undefined || UI_SHELL.some((shell) => target.startsWith(shell)));
      if (crossPanel || belowUp) broken.push(`${file} → ${target}`);
    }
  }
  return broken;
}

/**
 * The folder order (docs/architecture.md, "Folder order"): inside each top folder (kernel/, contract/, codegen/,
 * ai/, plugin/, ui/, cli/) each folder one level down is a node (codegen/tokens, ai/image, ui/engine, cli/image) and
 * a file directly in one of them is a node of its own (codegen/load.ts, ai/index.ts, ui/app.tsx, cli/run.ts: entry
 * points and small shared helpers, which sit at either end of the order, so one "codegen/" node would make every
 * folder a loop). Tests are left out: a test may bring two folders together. The file-cycle check cannot see these
 * loops: tokens/ → emit/ → tokens/ through different files.
 */
export const FOLDER_ROOTS = ["kernel", "contract", "codegen", "ai", "plugin", "ui", "cli"] as const;

/**
 * Folders whose own folders are nodes too. codegen/emit/ holds a folder per target (react-native/, vue/ …) beside
 * the emit steps the targets share: those files are one node, which must import no target folder back; each folder
 * is a node; and its index.ts, the face that picks the target, is a node of its own above them all.
 */
export const NESTED_FOLDERS = ["codegen/emit"] as const;

export function folderOf(file: string): string | undefined {
  const parts = file.split("/");
  if (!(FOLDER_ROOTS as readonly string[]).includes(parts[0]!)) return undefined;
  const nested = NESTED_FOLDERS.find((folder) => file.startsWith(`${folder}/`));
  if (nested !== undefined) {
    const inside = file.slice(nested.length + 1).split("/");
    if (inside.length > 1) return `${nested}/${inside[0]}`;
    return inside[0] === "index.ts" ? file : nested;
  }
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : file;
}

/** Folder → folder it imports → one import that makes the edge ("importer → imported"). */
export function folderGraph(edges: Iterable<[string, readonly string[]]>): Map<string, Map<string, string>> {
  const folders = new Map<string, Map<string, string>>();
  for (const [file, imports] of edges) {
    const from = folderOf(file);
    if (from === undefined || isTest(file)) continue;
    for (const target of imports) {
      const to = folderOf(target);
      if (to === undefined || to === from) continue;
      const out = folders.get(from) ?? new Map<string, string>();
      folders.set(from, out);
      if (!out.has(to)) out.set(to, `${file} → ${target}`);
    }
  }
  return folders;
}

/** Each loop between folders as "a → b → a", then one import per edge: the shortest loop through each tangle. */
export function folderLoops(folders: Map<string, Map<string, string>>): string[] {
  const adjacency = new Map([...folders].map(([from, to]) => [from, [...to.keys()]]));
  return cycles(adjacency).map((component) => {
    const inside = new Set(component);
    const start = component[0]!;
    // Breadth-first from start back to start, inside the tangle: the shortest loop through it.
    const previous = new Map<string, string>();
    const queue = [start];
    for (let at = 0; at < queue.length && !previous.has(start); at++) {
      const v = queue[at]!;
      for (const w of adjacency.get(v) ?? []) {
        if (!inside.has(w) || previous.has(w)) continue;
        previous.set(w, v);
        queue.push(w);
      }
    }
    const path = [start];
    for (let v = previous.get(start)!; v !== start; v = previous.get(v)!) path.unshift(v);
    path.unshift(start);
    const examples = path.slice(1).map((to, i) => folders.get(path[i]!)!.get(to)!);
    const rest =
      component.length > path.length - 1
        ? ` (tangled with ${component.filter((f) => !path.includes(f)).join(", ")})`
        : "";
    return `${path.join(" → ")}${rest}: ${examples.join("; ")}`;
  });
}

const files = sourceFiles(SOURCE_DIRS);
const graph = new Map(files.map((file) => [file, importsOf(file, readFileSync(join(ROOT, file), "utf8"))]));

/** Strongly connected components with more than one file (or a file importing itself). */
function cycles(edges: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe("import rules", () => {
  it("reads the imports of the whole tree", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get("cli/commands.ts")).toContain("cli/common/run-context.ts");
  });

  it("each folder imports only the folders it may", () => {
    const broken: string[] = [];
    for (const [file, imports] of graph) {
      if (isTest(file)) continue;
      const from = top(file);
      const allowed = ALLOWED[from];
      if (!allowed) continue;
      for (const target of imports) {
        const to = top(target);
        if (to !== from && !allowed.includes(to)) broken.push(`${file} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("the workers' modules (ui/engine/, ui/search-worker/) import no panel folder", () => {
    const panels = [...UI_PANELS, ...UI_SHELL, "ui/parts/", "ui/controls/", "ui/model/"];
    const broken: string[] = [];
    for (const [file, imports] of graph) {
      if (isTest(file) || !(file.startsWith("ui/engine/") || file.startsWith("ui/search-worker/"))) continue;
      for (const target of imports)
        if (panels.some((panel) => target.startsWith(panel))) broken.push(`${file} → ${target}`);
    }
    expect(broken).toEqual([]);
  });

  it("inside ui/, no panel imports another and nothing below the panels imports one (tests included)", () => {
    expect(uiRoomBreaks(graph)).toEqual([]);
  });

  it("has no import cycles", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("has no loops between folders in any top folder, ai/ and contract/ included (the folder order)", () => {
    const why = 'a loop between folders: move what both use to the lower folder (docs/architecture.md, "Folder order")';
    expect(folderLoops(folderGraph(graph)), why).toEqual([]);
  });

  it("finds a loop between folders that no file cycle shows, with one import per edge", () => {
    const made = new Map<string, string[]>([
      ["codegen/tokens/apply.ts", ["codegen/emit/css.ts", "codegen/design/types.ts"]],
      ["codegen/emit/page.ts", ["codegen/tokens/index.ts", "kernel/base64.ts"]],
      ["codegen/emit/css.ts", ["codegen/design/color.ts"]],
      ["codegen/design/types.ts", ["kernel/base64.ts"]],
      ["ui/engine/jobs/zip.ts", ["ui/lib/zip.ts"]],
      ["ui/lib/zip.test.ts", ["ui/engine/engine.ts"]],
    ]);
    expect(cycles(made)).toEqual([]);
    expect(folderOf("codegen/load.ts")).toBe("codegen/load.ts");
    expect(folderOf("ui/engine/jobs/zip.ts")).toBe("ui/engine");
    expect(folderOf("ai/image/run-chat.ts")).toBe("ai/image");
    expect(folderOf("contract/fields.ts")).toBe("contract/fields.ts");
    expect(folderOf("bench/run.ts")).toBeUndefined();
    expect(folderLoops(folderGraph(made))).toEqual([
      "codegen/emit → codegen/tokens → codegen/emit: codegen/emit/page.ts → " +
        "codegen/tokens/index.ts; codegen/tokens/apply.ts → codegen/emit/css.ts",
    ]);
  });

  it("inside codegen/emit/, finds a shared emit step importing a target folder back; the face picks any target", () => {
    expect(folderOf("codegen/emit/css.ts")).toBe("codegen/emit");
    expect(folderOf("codegen/emit/react-native/style.ts")).toBe("codegen/emit/react-native");
    expect(folderOf("codegen/emit/index.ts")).toBe("codegen/emit/index.ts");
    const made = new Map<string, string[]>([
      ["codegen/emit/index.ts", ["codegen/emit/vue/emit.ts", "codegen/emit/react-native/emit.ts"]],
      ["codegen/emit/vue/emit.ts", ["codegen/emit/build.ts", "codegen/emit/vue/print.ts"]],
      ["codegen/emit/react-native/emit.ts", ["codegen/emit/build.ts", "codegen/emit/react-native/style.ts"]],
      ["codegen/emit/build.ts", ["codegen/emit/css.ts"]],
      ["codegen/emit/css.ts", ["codegen/emit/react-native/style.ts"]],
      ["codegen/emit/react-native/style.ts", ["codegen/design/types.ts"]],
    ]);
    expect(cycles(made)).toEqual([]);
    expect(folderLoops(folderGraph(made))).toEqual([
      "codegen/emit → codegen/emit/react-native → codegen/emit: codegen/emit/css.ts → " +
        "codegen/emit/react-native/style.ts; codegen/emit/react-native/emit.ts → codegen/emit/build.ts",
    ]);
    made.delete("codegen/emit/css.ts");
    expect(folderLoops(folderGraph(made))).toEqual([]);
  });

  it("imports the kernel from kernel/ only: no file elsewhere re-exports it", () => {
    expect(files.filter((file) => file.startsWith("kernel/")).length).toBeGreaterThan(5);
    // Tests aside: they may re-export for their own use (and this file writes such lines as data).
    const sources = files.filter((file) => !isTest(file));
    const texts = sources.map((file): [string, string] => [file, readFileSync(join(ROOT, file), "utf8")]);
    expect(kernelReexports(texts)).toEqual([]);
  });

  it("finds a re-export of the kernel outside kernel/", () => {
    const made: [string, string][] = [
      ["codegen/index.ts", `export { FigmentError, type ErrorKind } from "../kernel/errors.js";\n`],
      ["ai/index.ts", `// export * from "../kernel/base64.js";\nexport * from "../kernel/plural.js";`],
      ["kernel/cancelled.ts", `export { FigmentError } from "./errors.js";`],
      ["ui/lib/zip.ts", `import { sha256 } from "../../kernel/sha256.js";\nexport { zip } from "./zip-core.js";`],
    ];
    expect(kernelReexports(made)).toEqual(["codegen/index.ts → kernel/errors.ts", "ai/index.ts → kernel/plural.ts"]);
  });

  it("finds a cycle and a broken rule when there is one (the check can fail)", () => {
    const edges = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", []],
    ]);
    expect(cycles(edges)).toEqual([["a.ts", "b.ts", "c.ts"]]);
    expect(
      importsOf(
        "ui/app.tsx",
        `import x from "../cli/run.js";\n// import y from "../plugin/main.js";\nconst m = await import("./main.js");`,
      ),
    ).toEqual(["cli/run.ts", "ui/main.tsx"]);
  });

  it("catches a panel importing another panel, and a shared folder importing a panel or the shell", () => {
    const made = new Map<string, string[]>([
      ["ui/code/code-job.ts", ["ui/history/history-row.tsx", "ui/model/api-key.ts", "ui/code/draft.ts"]],
      ["ui/image/rows/run/use-run.ts", ["ui/image/versions.ts", "ui/settings/key-row.tsx"]],
      ["ui/model/cost.ts", ["ui/analyze/analyze-state.ts"]],
      ["ui/engine/jobs/batch-job.test.ts", ["ui/image/rows/batch-api/record-merge.ts"]],
      ["ui/lib/zip.ts", ["ui/shell/prerender.tsx"]],
      ["ui/app.tsx", ["ui/search/search-panel.tsx"]],
      ["ui/parts/part-props.ts", ["ui/settings/use-settings-draft.ts"]],
      ["ui/settings/settings-part.tsx", ["ui/parts/registry.ts"]],
    ]);
    expect(uiRoomBreaks(made)).toEqual([
      "ui/code/code-job.ts → ui/history/history-row.tsx",
      "ui/image/rows/run/use-run.ts → ui/settings/key-row.tsx",
      "ui/model/cost.ts → ui/analyze/analyze-state.ts",
      "ui/engine/jobs/batch-job.test.ts → ui/image/rows/batch-api/record-merge.ts",
      "ui/lib/zip.ts → ui/shell/prerender.tsx",
      "ui/parts/part-props.ts → ui/settings/use-settings-draft.ts",
    ]);
  });
});
