/** Command-line parsing for `figment batch`, on cli/common/flags.ts. Bad flags are input errors (exit 2). */
import { present, readFlags } from "../common/flags.js";
import { baseUrlFlag, timeoutFlag } from "../common/model-flags.js";
import { FigmentError } from "../../kernel/errors.js";

export const BATCH_USAGE = `figment batch — bulk jobs on OpenAI's Batch API

Usage:
  figment batch status DIR [--json]     where the batch stands (validating, in_progress, finalizing, completed…)
  figment batch collect DIR [--json]    write every answered line: images as DIR/<name>.png, code under
                                        DIR/<frame>/ (project pass and prettier); failed lines are listed
  figment batch resubmit DIR [--json]   send the failed lines again, alone, as a new batch
  figment batch cancel DIR [--json]     cancel the runs still moving; what they answered can still be collected
Options: --base-url URL (default: where the batch was sent), --timeout SECONDS.
DIR holds batch.json, written by figment code --ai --batch-api --out DIR (or the image CLI's --batch-api).
Collecting again fetches nothing already written; a run killed at any step resumes where it stopped.
One step at a time per folder: a second one started meanwhile is refused (exit 2).
The key comes from OPENAI_API_KEY. Exit codes: 0 done or still running, 1 failed lines or a provider
failure, 2 bad input, 130 cancelled.`;

export const SUBCOMMANDS = ["status", "collect", "resubmit", "cancel"] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

/** The flags of every `figment batch` step (help.test.ts holds BATCH_USAGE to them). */
export const BATCH_FLAGS = { boolean: ["json"], string: ["base-url", "timeout"] } as const;

export interface BatchArgs {
  sub: Subcommand;
  dir: string;
  json: boolean;
  baseUrl?: string;
  timeoutSec?: number;
}

export function parseBatchArgs(argv: string[]): BatchArgs | "help" {
  const { values, positionals } = readFlags(argv, {
    ...BATCH_FLAGS,
    positionals: true,
    hint: "figment batch --help lists the flags",
  });
  if (values.help) return "help";
  const [sub, dir, extra] = positionals;
  if (!SUBCOMMANDS.includes(sub as Subcommand))
    throw new FigmentError(
      "input",
      `batch needs status, collect, resubmit or cancel${sub ? `, not ${sub}` : ""} (figment batch --help)`,
    );
  if (!dir) throw new FigmentError("input", `batch ${sub} needs the batch's folder: figment batch ${sub} DIR`);
  if (extra !== undefined) throw new FigmentError("input", `unexpected argument: ${extra}`);
  const baseUrl = baseUrlFlag(values["base-url"]);
  const timeoutSec = timeoutFlag(values.timeout);
  return { sub: sub as Subcommand, dir, json: values.json ?? false, ...present({ baseUrl, timeoutSec }) };
}
