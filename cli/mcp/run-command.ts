/**
 * Runs one of the CLI's commands for a tool, as `figment` would (cli/run.ts): its own parser and run function, its
 * output kept instead of printed. A failure is the sentence the CLI prints (`figment: …`), for the tool's error;
 * a cancel stays a Cancelled. Secrets from the environment are cut out of everything it returns.
 */
import { Cancelled, isCancelled } from "../../kernel/cancelled.js";
import { kindOf } from "../../kernel/errors.js";
import type { Output } from "../common/output.js";
import { CANCELLED, type Outcome } from "../common/run-context.js";

export interface CommandRun {
  /** The exit code the command returned; undefined when it threw (a failure, said in `err`). */
  code: number | undefined;
  /** stdout, as printed. */
  out: string;
  /** stderr: notes, problems and the failure's sentence. */
  err: string;
}

/** The variables whose values never leave the server: keys, tokens (FIGMA_TOKEN, OPENAI_API_KEY …). */
const SECRET = /KEY|TOKEN|SECRET|PASSWORD/i;

/** Replaces every secret value of `env` (8 characters or more) in `text` with "[redacted]". */
export function redactSecrets(text: string, env: Readonly<Record<string, string | undefined>>): string {
  let clean = text;
  for (const [name, value] of Object.entries(env))
    if (SECRET.test(name) && value !== undefined && value.length >= 8) clean = clean.split(value).join("[redacted]");
  return clean;
}

/**
 * The CLI's sentences as the server's: it takes no --figma-token (its token is FIGMA_TOKEN in its environment), so a
 * sentence that offers the flag names the environment instead.
 */
export function serverWords(text: string): string {
  return text.split("FIGMA_TOKEN (or --figma-token)").join("the FIGMA_TOKEN of the MCP server's environment");
}

export async function runCommand(
  work: (io: Output) => Promise<Outcome>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<CommandRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (text) => out.push(text), err: (text) => err.push(text) };
  let code: number | undefined;
  try {
    const outcome = await work(io);
    // A command that stopped because it was asked to, after saying what it kept: the call was cancelled.
    if (outcome === CANCELLED) throw new Cancelled(err.join("\n") || "cancelled");
    code = outcome;
  } catch (error) {
    const kind = kindOf(error);
    if (isCancelled(error) || kind === "cancelled") throw error;
    const message = error instanceof Error ? error.message : String(error);
    err.push(kind === "internal" ? `figment: internal error: ${message}` : `figment: ${message}`);
    code = undefined;
  }
  return { code, out: redactSecrets(out.join("\n"), env), err: serverWords(redactSecrets(err.join("\n"), env)) };
}
