/**
 * What every command's run shares with the dispatcher: its outcome and what it may take from its surroundings. Kept
 * apart from design-files.ts (which loads the codegen) so that the dispatcher and the command table load nothing a
 * command does not need: `figment --help` imports no compiler.
 */
import type { Browser } from "playwright-core";
import type { FigmaClientOptions } from "../figma-rest/client.js";
import type { AssetStore } from "../figma-rest/fetch-extras.js";

/**
 * What a command's run ends with: its exit code, or CANCELLED when it stopped because it was asked to, after saying
 * what it kept (the finished rows of `image --rows`). A cancel with nothing to keep throws kernel/cancelled.ts's
 * Cancelled instead. Either way cli/run.ts alone turns it into the exit code (130).
 */
export const CANCELLED = "cancelled";
export type Outcome = number | typeof CANCELLED;

/** What a command may take from its surroundings besides arguments. */
export interface RunContext {
  /** Environment variables (API keys); process.env unless given. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Cancels the run (Ctrl-C, or an MCP client's cancel): a model request, Figma's, or the steps of a long local run
   * (score's widths, code's frames) — given only to a run its command's row calls cancellable (cli/commands.ts).
   */
  signal?: AbortSignal;
  /**
   * A Chromium the caller keeps open across runs (figment mcp: one for the server's life): the layout check uses it
   * instead of launching its own, and leaves it open.
   */
  chromium?: () => Promise<Browser>;
  /** How far a long run is (figment mcp's progress notifications): `done` of `total` steps, and what it is doing. */
  progress?: (done: number, total: number, message: string) => void;
  /**
   * Figma REST client settings tests replace (a sleep that does not wait, a short timeout), and where images and
   * SVGs fetched before are kept (figment mcp's cache); `storeOnly`: no token, so the store's images and SVGs only.
   */
  figma?: Partial<Pick<FigmaClientOptions, "sleep" | "timeoutMs" | "policy">> & {
    store?: AssetStore;
    storeOnly?: boolean;
  };
}
