/**
 * `figment analyze`: the design's deterministic findings (codegen/analyze) as a list or as JSON. Findings
 * are the result, not a failure: the exit code is 0 whatever is found; bad input exits 2.
 */
import { SEVERITIES, type Finding } from "../../codegen/analyze/index.js";
import type { AnalyzeArgs } from "./args.js";
import { analyzeJson } from "./findings.js";
import { readDesign, type Output, type RunContext } from "../common/design-files.js";
import { plural } from "../../kernel/plural.js";
import { stopIfAborted } from "../../kernel/cancelled.js";
import { FigmentError } from "../../kernel/errors.js";

/** One line per finding: severity, kind, the layer's name and the message; the layer's id last, as a detail to copy. */
export function formatFindings(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ["no findings"];
  const name = (f: Finding): string => {
    const flat = f.nodeName.replace(/\s+/g, " ").trim();
    return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
  };
  const lines = findings.map(
    (f) => `${f.severity.padEnd(7)} ${f.kind.padEnd(13)} “${name(f)}” — ${f.message} (id ${f.nodeId})`,
  );
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(
    ([, n]) => n > 0,
  );
  lines.push(
    `${plural(findings.length, "finding")}: ` +
      `${counts.map(([s, n]) => (s === "info" ? `${n} info` : plural(n, s))).join(", ")}`,
  );
  return lines;
}

/**
 * The findings of the design, printed. `context.signal` stops it between reading the design and judging it, and
 * before anything is printed (the judging itself is one synchronous pass: it yields to hear a cancel first).
 */
export async function analyzeCommand(args: AnalyzeArgs, io: Output, context: RunContext = {}): Promise<number> {
  if (!args.input)
    throw new FigmentError("input", "analyze needs a design file: figment analyze <design.json> [--node ID] [--json]");
  const { signal, progress } = context;
  const json = await readDesign(args.input, io);
  progress?.(0, 1, "design read; judging its layers");
  await new Promise((next) => setImmediate(next));
  stopIfAborted(signal, "cancelled before the design was judged");
  const notes: string[] = [];
  const findings = analyzeJson(json, args.nodes, notes);
  stopIfAborted(signal, "cancelled; nothing was printed");
  progress?.(1, 1, "judged");
  for (const note of notes) io.err(`figment: note: ${args.input}: ${note}`);
  if (args.json) io.out(JSON.stringify({ findings }, null, 2));
  else for (const line of formatFindings(findings)) io.out(line);
  // A check that failed exits 1, as a linter's errors do; warnings and info are for reading.
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}
