/** Command-line parsing for `figment analyze --ai`, on cli/common/flags.ts. Bad flags are input errors (exit 2). */
import { ANALYZE_TASKS, type AnalyzeTask } from "../../ai/analyze/input.js";
import { oneOf, present, readFlags } from "../common/flags.js";
import { MODEL_FLAGS, modelConnectionArgs, type ModelConnectionArgs } from "../common/model-flags.js";
import { FigmentError } from "../../kernel/errors.js";

export const ANALYZE_AI_USAGE = `figment analyze --ai — a vision model's view of a frame, streamed to stdout as Markdown

Usage:
  figment analyze <design.json> --node ID --ai [--image frame.png]
    [--task describe|critique|text|compare]   default critique
    [--other ID] [--image other.png]          compare: the second frame (or version) and its PNG
    [--instructions TEXT]                     your question or focus
    [--provider openai|openrouter|custom] [--base-url URL] [--model M] [--timeout SECONDS] [--dry-run]

describe: what the screen is and its sections, for a hand-off note. critique: hierarchy, spacing,
alignment, the computed findings (contrast, target and text sizes, names) confirmed or explained, and
fixes. text: the text in the picture compared with the design's live text (needs --image). compare: what
changed from --node to --other, from a structural diff of the two trees plus both pictures.
The design's hint, text and findings go to the model as data, never as instructions.
Keys come from the environment only: OPENAI_API_KEY (openai, custom) or OPENROUTER_API_KEY (openrouter).
--dry-run prints the estimate and sends nothing; it needs no key. Progress goes to stderr; Ctrl-C cancels.

Exit codes: 0 done; 2 bad input or configuration (missing or refused key, unknown model, rejected
request); 1 the model failed otherwise (server, rate limit, timeout); 130 cancelled.`;

export interface AnalyzeAiArgs extends ModelConnectionArgs {
  help: boolean;
  input?: string;
  node?: string;
  other?: string;
  task: AnalyzeTask;
  images: string[];
  instructions?: string;
  dryRun: boolean;
}

/** `argv` after "analyze". */
/** The flags `figment analyze --ai` takes (--json only to refuse it by name; help.test.ts holds the help to them). */
export const ANALYZE_AI_FLAGS = {
  boolean: ["ai", "json", "dry-run"],
  string: ["node", "other", "task", "instructions", ...MODEL_FLAGS],
  list: ["image"],
} as const;

export function parseAnalyzeAiArgs(argv: string[]): AnalyzeAiArgs {
  const { values, positionals } = readFlags(argv, {
    ...ANALYZE_AI_FLAGS,
    positionals: true,
    hint: "figment analyze --ai --help lists the flags",
  });
  if (values.json)
    throw new FigmentError(
      "input",
      "--json does not apply with --ai: the model's answer streams " +
        "as Markdown (leave out --ai for the findings as JSON)",
    );
  if (positionals.length > 1) throw new FigmentError("input", `unexpected argument: ${positionals[1]}`);
  const task = oneOf("task", ANALYZE_TASKS, values.task, "critique");
  const connection = modelConnectionArgs(values);
  const images = values.image ?? [];
  const help = values.help ?? false;
  if (!help) {
    if (task === "compare" && !values.other)
      throw new FigmentError("input", "--task compare needs the second frame: --other ID");
    if (task !== "compare" && values.other !== undefined)
      throw new FigmentError("input", "--other only applies to --task compare");
    if (images.length > (task === "compare" ? 2 : 1))
      throw new FigmentError(
        "input",
        task === "compare"
          ? "--image at most twice: the --node frame's PNG, then the --other frame's"
          : "--image once: the frame's PNG",
      );
  }
  return {
    help,
    ...present({ input: positionals[0], node: values.node, other: values.other }),
    task,
    images,
    ...present({ instructions: values.instructions?.trim() || undefined }),
    ...connection,
    dryRun: values["dry-run"] ?? false,
  };
}
