/**
 * Every `figment` command in one table: its name → its help, its parser and its run (cli/run.ts dispatches
 * through it and nothing else; cli/help.ts lists the same names). Each command lives in its own folder
 * (cli/code/, cli/image/, …). The parsers are loaded with the table; a run is imported when it runs, so
 * `figment frames` loads neither the model client nor Chromium.
 */
import { parseCliArgs, type CliArgs, type MainCommand } from "./common/args.js";
import type { Output } from "./common/output.js";
import type { Outcome, RunContext } from "./common/run-context.js";
import { ANALYZE_AI_USAGE, parseAnalyzeAiArgs } from "./analyze/ai-args.js";
import { ANALYZE_USAGE, parseAnalyzeArgs } from "./analyze/args.js";
import { BATCH_USAGE, parseBatchArgs } from "./batch/args.js";
import { DIFF_USAGE, parseDiffArgs } from "./diff/args.js";
import { MAIN_HELP } from "./help.js";
import { IMAGE_USAGE, parseImageArgs } from "./image/args.js";
import { LAYERS_USAGE, parseLayersArgs } from "./layers/args.js";
import { IMAGE_ROWS_USAGE, isRowsRun, parseImageRowsArgs } from "./image/rows-args.js";
import { MCP_USAGE, parseMcpArgs } from "./mcp/args.js";
import { version } from "./package-file.js";
import { parseScoreArgs, SCORE_USAGE } from "./score/args.js";
import { parseSearchArgs, SEARCH_USAGE } from "./search/args.js";

export type { Output } from "./common/output.js";
export type { Outcome, RunContext } from "./common/run-context.js";

/** What `parse` returns for `--help`: the dispatcher prints `help(argv)` and runs nothing. */
export const HELP = "help";

export interface Command<Args> {
  /**
   * The command's --help; `argv` (after the command's name) picks the form asked for (`image --template`, `analyze
   * --ai`).
   */
  help(argv: readonly string[]): string;
  /** The flags read and checked (an input error, exit 2, when they are not); HELP when --help was given. */
  parse(argv: string[]): Args | typeof HELP;
  /** Does the work; returns the exit code, or CANCELLED (a cancel may also throw Cancelled). */
  run(args: Args, io: Output, context: RunContext): Promise<Outcome>;
  /**
   * Whether this run can be cancelled, from its flags (`argv` after the name): it waits on a model or on Figma, so
   * Ctrl-C stops it and it exits 130. Only such a run gets the signal and main.ts's Ctrl-C handler; any other keeps
   * Node's Ctrl-C and never exits 130. Never, when left out.
   */
  cancellable?: (argv: readonly string[]) => boolean;
}

/** A table row: a command whose args only its own parse and run see. */
export interface CommandEntry {
  help(argv: readonly string[]): string;
  /** Command["cancellable"], always given. */
  cancellable(argv: readonly string[]): boolean;
  /** Parses `argv` (after the name), then prints the help or runs. */
  dispatch(argv: string[], io: Output, context: RunContext): Promise<Outcome>;
}

/** Cancellable runs: always (a command that only talks to a model), or with any of `flags`. */
const ALWAYS = (): boolean => true;
const withFlag =
  (...flags: string[]) =>
  (argv: readonly string[]): boolean =>
    argv.some((arg) => flags.some((flag) => arg === flag || arg.startsWith(`${flag}=`)));

function command<Args>(parts: Command<Args>): CommandEntry {
  return {
    help: parts.help,
    cancellable: parts.cancellable ?? (() => false),
    async dispatch(argv, io, context) {
      const args = parts.parse(argv);
      if (args === HELP) {
        io.out(parts.help(argv));
        return 0;
      }
      return parts.run(args, io, context);
    },
  };
}

/** HELP for args that ask for it (the parsers' `help` flag), else the args. */
const orHelp = <Args extends { help?: boolean }>(args: Args): Args | typeof HELP => (args.help ? HELP : args);

/** A command with two forms (`image --template`, `analyze --ai`): which one, with its own args; HELP as orHelp. */
function form<Form extends string, Args extends { help?: boolean }>(
  name: Form,
  args: Args,
): { form: Form; args: Args } | typeof HELP {
  return args.help ? HELP : { form: name, args };
}

/**
 * The commands on cli/common/args.ts's parser (frames, code, hints, fidelity, demo): their flags are checked per
 * command there, and `--version` goes with any of them (before --help, as without a command).
 */
function mainCommand(
  name: MainCommand,
  run: (args: CliArgs, io: Output, context: RunContext) => Promise<Outcome>,
  cancellable?: (argv: readonly string[]) => boolean,
): CommandEntry {
  return command<CliArgs>({
    ...(cancellable ? { cancellable } : {}),
    help: () => MAIN_HELP[name],
    parse: (argv) => {
      const args = parseCliArgs([name, ...argv]);
      return args.help && !args.version ? HELP : args;
    },
    run: async (args, io, context) => {
      if (!args.version) return run(args, io, context);
      io.out(await version());
      return 0;
    },
  });
}

export const COMMAND_TABLE = {
  frames: mainCommand("frames", async (args, io) => (await import("./frames/command.js")).framesCommand(args, io)),
  // The model (--ai) and Figma's REST calls (--file-key) are what Ctrl-C stops, and an update (--update) before it
  // writes, so the team's folder is left as it was; the rest runs on this machine.
  code: mainCommand(
    "code",
    async (args, io, context) => (await import("./code/command.js")).codeCommand(args, io, context),
    withFlag("--ai", "--file-key", "--update"),
  ),
  // What changed in a design; Figma's versions (--file-key, or a record's file key with --since) are what Ctrl-C stops.
  diff: command({
    cancellable: withFlag("--file-key", "--since"),
    help: () => DIFF_USAGE,
    parse: (argv) => orHelp(parseDiffArgs(argv)),
    run: async (args, io, context) => (await import("./diff/command.js")).diffCommand(args, io, context),
  }),
  hints: mainCommand("hints", async (args, io) => (await import("./hints/command.js")).hintsCommand(args, io)),
  fidelity: mainCommand("fidelity", async (args, io) =>
    (await import("./fidelity/command.js")).fidelityCommand(args, io),
  ),
  // Chromium's measurement: Ctrl-C closes the browser and stops it.
  score: command({
    cancellable: ALWAYS,
    help: () => SCORE_USAGE,
    parse: (argv) => orHelp(parseScoreArgs(argv)),
    run: async (args, io, context) => (await import("./score/command.js")).scoreCommand(args, io, context),
  }),
  layers: command({
    help: () => LAYERS_USAGE,
    parse: (argv) => orHelp(parseLayersArgs(argv)),
    run: async (args, io) => (await import("./layers/command.js")).layersCommand(args, io),
  }),
  // The model path has flags of its own (cli/analyze/ai-args.ts); it sends the same findings to the model as data.
  analyze: command({
    cancellable: withFlag("--ai"),
    help: (argv) => (argv.includes("--ai") ? ANALYZE_AI_USAGE : ANALYZE_USAGE),
    parse: (argv) =>
      argv.includes("--ai") ? form("ai", parseAnalyzeAiArgs(argv)) : form("findings", parseAnalyzeArgs(argv)),
    run: async (asked, io, context) =>
      asked.form === "ai"
        ? (await import("./analyze/ai.js")).analyzeAiCommand(asked.args, io, context)
        : (await import("./analyze/command.js")).analyzeCommand(asked.args, io),
  }),
  search: command({
    cancellable: withFlag("--ai"),
    help: () => SEARCH_USAGE,
    parse: (argv) => orHelp(parseSearchArgs(argv)),
    run: async (args, io, context) => (await import("./search/command.js")).searchCommand(args, io, context),
  }),
  // With --template/--rows, one image per row of parameters (cli/image/rows-command.ts).
  image: command({
    cancellable: ALWAYS,
    help: (argv) => (isRowsRun(argv) ? IMAGE_ROWS_USAGE : IMAGE_USAGE),
    parse: (argv) => (isRowsRun(argv) ? form("rows", parseImageRowsArgs(argv)) : form("single", parseImageArgs(argv))),
    run: async (asked, io, context) =>
      asked.form === "rows"
        ? (await import("./image/rows-command.js")).imageRowsCommand(asked.args, io, context)
        : (await import("./image/command.js")).imageCommand(asked.args, io, context),
  }),
  batch: command({
    cancellable: ALWAYS,
    help: () => BATCH_USAGE,
    parse: parseBatchArgs,
    run: async (args, io, context) => (await import("./batch/command.js")).batchCommand(args, io, context),
  }),
  // An MCP server for coding agents (cli/mcp/): the commands above as tools, over stdio or HTTP.
  mcp: command({
    help: () => MCP_USAGE,
    parse: (argv) => orHelp(parseMcpArgs(argv)),
    run: async (args, io, context) => (await import("./mcp/command.js")).mcpCommand(args, io, context),
  }),
  demo: mainCommand("demo", async (args, io) => (await import("./demo/command.js")).demoCommand(args, io)),
} satisfies Record<string, CommandEntry>;

export type CommandName = keyof typeof COMMAND_TABLE;

export function isCommand(word: string | undefined): word is CommandName {
  return word !== undefined && Object.hasOwn(COMMAND_TABLE, word);
}
