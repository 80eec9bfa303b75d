/**
 * `figment analyze`: the design's deterministic findings (codegen/analyze) as a list or as JSON. Findings
 * are the result, not a failure: the exit code is 0 whatever is found; bad input exits 2.
 */
import { analyzeDesign, SEVERITIES, type Finding } from "../codegen/analyze/index.js";
import { loadDesign, type DesignDocument, type DesignNode } from "../codegen/index.js";
import { ANALYZE_USAGE, parseAnalyzeArgs } from "./analyze-args.js";
import { asUsage, type Output, type RunContext } from "./design-files.js";
import { readJson, UsageError } from "./io.js";

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One line per finding: severity, kind, node id, layer name and the message, in aligned columns. */
export function formatFindings(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ["no findings"];
  const idWidth = Math.max(...findings.map((f) => f.nodeId.length));
  const name = (f: Finding): string => {
    const flat = f.nodeName.replace(/\s+/g, " ").trim();
    return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
  };
  const lines = findings.map((f) => `${f.severity.padEnd(7)} ${f.kind.padEnd(13)} ${f.nodeId.padEnd(idWidth)}  ${name(f)} — ${f.message}`);
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  lines.push(`${plural(findings.length, "finding")}: ${counts.map(([s, n]) => (s === "info" ? `${n} info` : plural(n, s))).join(", ")}`);
  return lines;
}

function hasLayer(nodes: readonly DesignNode[], id: string): boolean {
  return nodes.some((n) => n.id === id || hasLayer(n.children ?? [], id));
}

/**
 * Findings for the whole design, or for the --node layers judged inside their top-level frame (so a text's
 * background is still found above it); a node outside every converted frame is analysed on its own.
 */
function analyzeJson(json: unknown, nodes: string[]): Finding[] {
  const selected = asUsage(() => loadDesign(json, nodes));
  if (nodes.length === 0) return analyzeDesign(selected.document);
  const ids = selected.document.frames.map((f) => f.id);
  let whole: DesignDocument | undefined;
  try {
    whole = loadDesign(json).document;
  } catch {
    whole = undefined; // e.g. every top-level frame empty: the selection alone is all there is
  }
  if (!whole || !ids.every((id) => hasLayer(whole.frames, id))) return analyzeDesign(selected.document);
  return analyzeDesign(whole, { within: ids });
}

export async function analyzeCommand(argv: string[], io: Output, _context: RunContext = {}): Promise<number> {
  const args = parseAnalyzeArgs(argv);
  if (args.help) {
    io.out(ANALYZE_USAGE);
    return 0;
  }
  // The model path (issue 11, model side) branches here: it loads the design the same way and sends these
  // findings to the model as data.
  if (args.ai) throw new UsageError("figment analyze --ai is not available in this build; without --ai the findings are computed offline");
  if (!args.input) throw new UsageError("figment analyze needs a design file: figment analyze <design.json> [--node ID] [--json]");
  const json = await readJson(args.input);
  const findings = analyzeJson(json, args.nodes);
  if (args.json) io.out(JSON.stringify({ findings }, null, 2));
  else for (const line of formatFindings(findings)) io.out(line);
  return 0;
}
