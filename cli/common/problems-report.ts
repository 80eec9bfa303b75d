/** Problems as the commands print them: one a line, by file and line or by the layer's name, then the notes counted. */
import type { Problem } from "../../codegen/types.js";
import { notesLine, tips, type TipContext } from "./notes.js";
import type { Output } from "./output.js";

/** Layer names by id (codegen/design/layer-label.ts layerNamesById), for the problems that point at a layer. */
export type LayerNames = ReadonlyMap<string, string>;

/**
 * One problem a line: a file's place leads; a layer's name leads as the layers panel shows it, its id trailing
 * as the detail that finds it again (`“Frame 8”: … (id 1:2)`).
 */
export function formatProblem(p: Problem, names: LayerNames = new Map()): string {
  if (p.file)
    return (
      `${p.severity} ${p.code} ` +
      `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ""}` : ""}: ${p.message}`
    );
  if (p.nodeId === undefined) return `${p.severity} ${p.code} ${p.message}`;
  const name = names.get(p.nodeId);
  // A message that names the layer already is not led by its name a second time.
  const lead =
    name === undefined || p.message.includes(`“${name}”`) || p.message.includes(`"${name}"`) ? "" : `“${name}”: `;
  const detail =
    name === undefined && p.message.includes(p.nodeId)
      ? ""
      : ` (${name !== undefined ? "id" : "layer id"} ${p.nodeId})`;
  return `${p.severity} ${p.code} ${lead}${p.message}${detail}`;
}

/** Warnings and errors one a line, then the notes counted by kind and the tips that apply (cli/common/notes.ts). */
export function reportProblems(
  problems: Problem[],
  io: Output,
  given: TipContext = {},
  names: LayerNames = new Map(),
): void {
  for (const p of problems) if (p.severity !== "info") io.err(formatProblem(p, names));
  const notes = notesLine(problems);
  if (notes) io.err(notes);
  for (const tip of tips(problems, given)) io.err(tip);
}
