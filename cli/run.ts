/** The `figment` command as a function (tests call it directly; main.ts wires it to the process). */
import { parseCliArgs } from "./common/args.js";
import { COMMAND_TABLE, isCommand, type Output, type RunContext } from "./commands.js";
import { USAGE } from "./help.js";
import { version } from "./package-file.js";
import { exitCodeFor, FigmentError, kindOf } from "../kernel/errors.js";

/**
 * Runs one command and returns its exit code. `context.env` is where API keys are read from (the process's
 * environment unless given); `context.signal` cancels a model request (main.ts wires it to Ctrl-C).
 */
export async function run(argv: string[], io: Output, context: RunContext = {}): Promise<number> {
  // `figment help code` is `figment code --help`.
  if (argv[0] === "help" && argv[1] !== undefined) return run([argv[1], "--help", ...argv.slice(2)], io, context);
  try {
    // Every command through its row of the table (cli/commands.ts): its parser, then its help or its run.
    const context_ = { env: process.env, ...context };
    if (isCommand(argv[0])) return await COMMAND_TABLE[argv[0]].dispatch(argv.slice(1), io, context_);
    // No command word first: `figment`, `--help`, `--version`, or flags before a command (`figment --json frames x`).
    const args = parseCliArgs(argv);
    if (args.version) {
      io.out(await version());
      return 0;
    }
    if (isCommand(args.command))
      return await COMMAND_TABLE[args.command].dispatch(withoutFirst(argv, args.command), io, context_);
    if (args.command === "" && !args.help) {
      // No command is bad usage: the usage on stderr, where a script's error output goes.
      io.err(USAGE);
      return 2;
    }
    if (args.command === "" || args.command === "help") {
      io.out(USAGE);
      return 0;
    }
    throw new FigmentError("input", `unknown command "${args.command}"; run figment --help`);
  } catch (error) {
    // Bad input (a flag, a design file that holds no Figma reply…), wherever a command met it, and a failure outside
    // it (a server, a limit not clearing, a cancel): one line, no stack, the exit code by its kind (2, 1 or 130).
    const kind = kindOf(error);
    if (kind !== "internal") {
      io.err(`figment: ${error instanceof Error ? error.message : String(error)}`);
      return exitCodeFor(kind);
    }
    io.err(`figment: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

/** `argv` without the first `word` (the command named after a flag). */
function withoutFirst(argv: readonly string[], word: string): string[] {
  const at = argv.indexOf(word);
  return [...argv.slice(0, at), ...argv.slice(at + 1)];
}
