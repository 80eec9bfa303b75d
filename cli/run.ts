/** The `figment` command as a function (tests call it directly; main.ts wires it to the process). */
import { readFile } from "node:fs/promises";
import { isMainCommand, parseCliArgs } from "./args.js";
import { MAIN_HELP, USAGE } from "./help.js";
import { codeCommand, demoCommand, fidelityCommand, framesCommand, hintsCommand, type Output, type RunContext } from "./commands.js";
import { isRowsRun } from "./image-rows-args.js";
import { CommandFailure, UsageError } from "./io.js";
import { BatchInputError } from "../ai/batch/lines.js";
import { NotFigmaJsonError } from "../codegen/rest/reply.js";

/** The version package.json declares (dist/cli.js and cli/run.ts both sit one folder below it). */
export async function version(): Promise<string> {
  const json = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { version?: unknown };
  if (typeof json.version !== "string") throw new Error("package.json has no version");
  return json.version;
}

/**
 * Runs one command and returns its exit code. `context.env` is where API keys are read from (the process's
 * environment unless given); `context.signal` cancels a model request (main.ts wires it to Ctrl-C).
 */
export async function run(argv: string[], io: Output, context: RunContext = {}): Promise<number> {
  // `figment help code` is `figment code --help`.
  if (argv[0] === "help" && argv[1] !== undefined) return run([argv[1], "--help", ...argv.slice(2)], io, context);
  try {
    // `figment image` has flags of its own (cli/image-args.ts); it is loaded only when asked for.
    // With --template/--rows it makes one image per row of parameters (cli/image-rows-command.ts).
    if (argv[0] === "image" && isRowsRun(argv.slice(1))) {
      const { imageRowsCommand } = await import("./image-rows-command.js");
      return await imageRowsCommand(argv.slice(1), io, { env: process.env, ...context });
    }
    if (argv[0] === "image") {
      const { imageCommand } = await import("./image-command.js");
      return await imageCommand(argv.slice(1), io, { env: process.env, ...context });
    }
    // `figment analyze` has its own flags too (cli/analyze-args.ts), its model path among them.
    if (argv[0] === "analyze") {
      const { analyzeCommand } = await import("./analyze-command.js");
      return await analyzeCommand(argv.slice(1), io, { env: process.env, ...context });
    }
    // `figment search` too (cli/search-args.ts): a query and the embeddings' flags.
    if (argv[0] === "search") {
      const { searchCommand } = await import("./search-command.js");
      return await searchCommand(argv.slice(1), io, { env: process.env, ...context });
    }
    // `figment score <design.json> --dir DIR` (cli/score-command.ts): any code measured against a design.
    if (argv[0] === "score") {
      const { scoreCommand } = await import("./score-command.js");
      return await scoreCommand(argv.slice(1), io);
    }
    // `figment batch status|collect|resubmit DIR` (cli/batch/command.ts): a Batch API job recorded in DIR.
    if (argv[0] === "batch") {
      const { batchCommand } = await import("./batch/command.js");
      return await batchCommand(argv.slice(1), io, { env: process.env, ...context });
    }
    const args = parseCliArgs(argv);
    if (args.version) {
      io.out(await version());
      return 0;
    }
    if (args.help && isMainCommand(args.command)) {
      io.out(MAIN_HELP[args.command]);
      return 0;
    }
    if (args.command === "" && !args.help) {
      // No command is bad usage: the usage on stderr, where a script's error output goes.
      io.err(USAGE);
      return 2;
    }
    if (args.command === "" || args.command === "help") {
      io.out(USAGE);
      return 0;
    }
    switch (args.command) {
      case "frames":
        return await framesCommand(args, io);
      case "code":
        return await codeCommand(args, io, { env: process.env, ...context });
      case "hints":
        return await hintsCommand(args, io);
      case "fidelity":
        return await fidelityCommand(args, io);
      case "demo":
        return await demoCommand(args, io);
      default:
        throw new UsageError(`unknown command "${args.command}"; run figment --help`);
    }
  } catch (error) {
    // A design file that holds no Figma reply is the user's input, wherever a command met it: one line, no stack.
    if (error instanceof UsageError || error instanceof BatchInputError || error instanceof NotFigmaJsonError) {
      io.err(`figment: ${error.message}`);
      return 2;
    }
    if (error instanceof CommandFailure) {
      io.err(`figment: ${error.message}`);
      return error.exitCode;
    }
    io.err(`figment: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

