/** The `figment` command as a function (tests call it directly; main.ts wires it to the process). */
import { parseCliArgs } from "./common/args.js";
import { CANCELLED } from "./common/run-context.js";
import { COMMAND_TABLE, isCommand, type Outcome, type Output, type RunContext } from "./commands.js";
import { USAGE } from "./help.js";
import { version } from "./package-file.js";
import { exitCodeFor, FigmentError, kindOf, type ErrorKind } from "../kernel/errors.js";

/** The exit code of a cancelled run (after Ctrl-C), for main.ts's second Ctrl-C. */
export const CANCELLED_EXIT = exitCodeFor("cancelled");

/**
 * Whether `argv` runs a command its row in cli/commands.ts calls cancellable (a model or Figma's REST calls): main.ts
 * wires Ctrl-C to such a run only, and only such a run exits 130.
 */
export function isCancellable(argv: readonly string[]): boolean {
  const name = isCommand(argv[0]) ? argv[0] : argv.find(isCommand);
  return name !== undefined && COMMAND_TABLE[name].cancellable(withoutFirst(argv, name));
}

/**
 * Runs one command and returns its exit code, decided here and nowhere else from what the command returned or threw.
 * `context.env` is where API keys are read from (the process's environment unless given); `context.signal` cancels a
 * cancellable run (main.ts wires it to Ctrl-C).
 */
export async function run(argv: string[], io: Output, context: RunContext = {}): Promise<number> {
  // `figment help code` is `figment code --help`.
  if (argv[0] === "help" && argv[1] !== undefined) return run([argv[1], "--help", ...argv.slice(2)], io, context);
  const cancellable = isCancellable(argv);
  // A cancel is 130 only where the command table says a run can be cancelled; anywhere else it is a failure.
  const exitFor = (kind: ErrorKind): number => (kind === "cancelled" && !cancellable ? 1 : exitCodeFor(kind));
  const exitOf = (outcome: Outcome): number => (outcome === CANCELLED ? exitFor("cancelled") : outcome);
  try {
    // Every command through its row of the table (cli/commands.ts): its parser, then its help or its run.
    const { signal, ...rest } = { env: process.env, ...context };
    const context_: RunContext = cancellable && signal ? { ...rest, signal } : rest;
    if (isCommand(argv[0])) return exitOf(await COMMAND_TABLE[argv[0]].dispatch(argv.slice(1), io, context_));
    // No command word first: `figment`, `--help`, `--version`, or flags before a command (`figment --json frames x`).
    const args = parseCliArgs(argv);
    if (args.version) {
      io.out(await version());
      return 0;
    }
    if (isCommand(args.command))
      return exitOf(await COMMAND_TABLE[args.command].dispatch(withoutFirst(argv, args.command), io, context_));
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
      return exitFor(kind);
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
