/**
 * Two sections' files at one shared path made one (issue 74): what the page's sections share (global styles, tokens,
 * fonts, React Native's module declarations) is written by each section that needs it, and the page keeps one of each,
 * holding what every section wrote there. A component or a module with code two sections wrote differently is not
 * joined (assemble.ts keeps the first and says so).
 */
import type { SourceFile } from "../../../codegen/types.js";

/** A stylesheet's top-level rules and at-rules, each as written (comments between them dropped). */
function cssBlocks(css: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) {
      blocks.push(css.slice(start, i + 1).trim());
      start = i + 1;
    } else if (c === ";" && depth === 0) {
      blocks.push(css.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  return blocks.map((b) => b.replace(/^(?:\/\*[\s\S]*?\*\/\s*)+/, "")).filter(Boolean);
}

/** A module made of side-effect imports only (src/fonts.ts): its lines. */
const importLines = (text: string): string[] | undefined => {
  const lines = text.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("//"));
  return lines.every((l) => /^import\s+["'][^"']+["'];?\s*$/.test(l)) ? lines : undefined;
};

/**
 * A declarations file made of `declare module "…" { … }` blocks only (React Native's src/declarations.d.ts, as the
 * formatter writes it: each block from a line starting `declare module` to a line `}`): each block by its module.
 */
function moduleBlocks(text: string): Map<string, string> | undefined {
  const blocks = new Map<string, string>();
  let open: { name: string; lines: string[] } | undefined;
  for (const line of text.split("\n")) {
    if (open) {
      open.lines.push(line);
      if (line === "}") {
        blocks.set(open.name, open.lines.join("\n"));
        open = undefined;
      }
      continue;
    }
    const head = /^declare module (["'][^"']+["']) \{$/.exec(line);
    if (head) open = { name: head[1]!.slice(1, -1), lines: [line] };
    else if (line.trim() !== "") return undefined;
  }
  return open ? undefined : blocks;
}

/** Two declarations files as one: every module's block once; undefined when one module is declared differently. */
function joinedDeclarations(a: SourceFile, b: SourceFile): SourceFile | undefined {
  const [left, right] = [moduleBlocks(a.content), moduleBlocks(b.content)];
  if (!left || !right) return undefined;
  for (const [name, block] of right) {
    if (left.has(name) && left.get(name) !== block) return undefined;
    left.set(name, block);
  }
  return { path: a.path, content: `${[...left.values()].join("\n\n")}\n` };
}

/**
 * Two sections' files at one shared path made one: a stylesheet (tokens, fonts, the global styles) keeps every rule
 * of both, each once, @imports first; a module of side-effect imports (src/fonts.ts) every import once; a declarations
 * file of modules (src/declarations.d.ts) every module's block once. Undefined: the two cannot be joined (a component,
 * a module with code, one module declared two ways).
 */
export function joined(a: SourceFile, b: SourceFile): SourceFile | undefined {
  if (a.bytes || b.bytes) return undefined;
  if (/\.css$/.test(a.path) && !/\.module\.css$/.test(a.path)) {
    const blocks = [...new Set([...cssBlocks(a.content), ...cssBlocks(b.content)])];
    const imports = blocks.filter((x) => x.startsWith("@import"));
    const rest = blocks.filter((x) => !x.startsWith("@import"));
    return { path: a.path, content: `${[...imports, ...rest].join("\n\n")}\n` };
  }
  const [left, right] = [importLines(a.content), importLines(b.content)];
  if (left && right) return { path: a.path, content: `${[...new Set([...left, ...right])].join("\n")}\n` };
  return /\.d\.ts$/.test(a.path) ? joinedDeclarations(a, b) : undefined;
}
