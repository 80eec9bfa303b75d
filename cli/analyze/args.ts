/** Command-line parsing for `figment analyze`, on cli/common/flags.ts. Bad flags are input errors (exit 2). */
import { present, readFlags } from "../common/flags.js";
import { FigmentError } from "../../kernel/errors.js";

export const ANALYZE_USAGE = `figment analyze — accessibility and naming findings for a design, offline

Usage:
  figment analyze <design.json> [--node ID]... [--json]
  figment analyze <design.json> --node ID --ai [--image PNG] [--task describe|critique|text|compare --other ID]
               (a vision model's view, streamed as Markdown; figment analyze --ai --help lists its flags)

Findings, computed from the design itself (no key, nothing sent):
  contrast        WCAG 2.2 contrast of each text colour over the background resolved beneath it
                  (4.5:1, or 3:1 for text of 24 px, or 18.66 px bold); "cannot be computed" over a
                  gradient, an image, a vector shape or nothing opaque
  target-size     buttons, links, inputs, toggles and icon buttons under 24×24 px (WCAG 2.2, 2.5.8)
  text-size       text under 12 px
  text-in-image   image layers whose name suggests words, to confirm
  image-name      images whose layer name makes a meaningless alt text ("Rectangle 12", "image 3")
  frame-name      frames with generated names ("Frame 12")
  dead-link       prototype interactions whose destination is not in the file, not set, or hidden
Most severe first (error, warning, info), then top to bottom. Without --node every top-level frame is
analysed; node ids may be written 12:34 or 12-34.
--json prints { "findings": [{ nodeId, nodeName, kind, severity, message, …figures }] }: contrast findings
carry ratio (2 decimals; absent when it cannot be computed), required, foreground, background and large;
target-size width, height and minimum; text-size fontSize and minimum.

Exit codes: 0 no error findings (warnings and info may be listed); 1 an error finding (a check failed), or an
internal error; 2 bad usage (a missing or non-Figma file, an unknown node id, an unknown flag).`;

export interface AnalyzeArgs {
  help: boolean;
  input?: string;
  nodes: string[];
  json: boolean;
  /** Never true here: `--ai` goes to the model path and its own flags (cli/analyze/ai-args.ts) before this parser. */
  ai: boolean;
}

/** The flags `figment analyze` takes (help.test.ts holds ANALYZE_USAGE to them). */
export const ANALYZE_FLAGS = { boolean: ["json", "ai"], list: ["node"] } as const;

export function parseAnalyzeArgs(argv: string[]): AnalyzeArgs {
  const { values, positionals } = readFlags(argv, {
    ...ANALYZE_FLAGS,
    positionals: true,
    hint: "figment analyze --help lists the flags",
  });
  if (positionals.length > 1) throw new FigmentError("input", `unexpected argument: ${positionals[1]}`);
  const nodes = (values.node ?? []).map((id) => id.trim());
  if (nodes.some((id) => id === "")) throw new FigmentError("input", "--node needs a node id such as 12:34");
  return {
    help: values.help ?? false,
    ...present({ input: positionals[0] }),
    nodes,
    json: values.json ?? false,
    ai: values.ai ?? false,
  };
}
