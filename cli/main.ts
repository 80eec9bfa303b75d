/** Entry point of the `figment` binary. */
import { CANCELLED_EXIT, isCancellable, run } from "./run.js";

// `figment frames x.json | head` closes the pipe early; that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const argv = process.argv.slice(2);

// Ctrl-C during a model request (`code --ai`, `image`) or Figma's REST calls (`--file-key`) aborts them, so
// nothing half-done is written and the command exits 130 (run.ts says so); a second Ctrl-C quits at once. The
// command table (commands.ts) says which runs are cancellable; the others keep Node's default.
const controller = new AbortController();
if (isCancellable(argv)) {
  process.on("SIGINT", () => {
    if (controller.signal.aborted) process.exit(CANCELLED_EXIT);
    process.stderr.write("\nfigment: cancelling… (Ctrl-C again to quit at once)\n");
    controller.abort();
  });
}

process.exitCode = await run(
  argv,
  {
    out: (text) => process.stdout.write(text + "\n"),
    err: (text) => process.stderr.write(text + "\n"),
  },
  { env: process.env, signal: controller.signal },
);
