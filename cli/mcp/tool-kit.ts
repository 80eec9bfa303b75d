/**
 * What every tool shares: the folders it may use, the run of a CLI command turned into a tool result (the command's
 * --json as structured content, its failure sentence as a tool error), progress and logging through the protocol,
 * and the request's signal, which stops the work.
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Browser } from "playwright-core";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { CallToolResult, ServerNotification, ServerRequest } from "@modelcontextprotocol/sdk/types.js";
import { Cancelled } from "../../kernel/cancelled.js";
import { FigmentError, kindOf } from "../../kernel/errors.js";
import type { Outcome, Output, RunContext } from "../common/design-files.js";
import { z } from "zod";
import { type FigmaOrigin, type FigmaSource, figmaDesign } from "./figma-file.js";
import { allowedPath, type Folders } from "./folders.js";
import { type CommandRun, redactSecrets, runCommand, serverWords } from "./run-command.js";

export type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export interface ToolContext {
  server: McpServer;
  folders: Folders;
  env: Readonly<Record<string, string | undefined>>;
  /** Where a design given by file key comes from, and where it is cached. */
  figma: FigmaSource;
  /** The server's Chromium (RunContext.chromium): the layout check's, kept across calls. */
  chromium: () => Promise<Browser>;
}

/** A design: a file inside the allowed folders, or a Figma file key fetched with the server's FIGMA_TOKEN. */
export const DESIGN_INPUT = {
  design: z.string().optional().describe("the design file (a Figma REST reply, .json), inside the allowed folders"),
  fileKey: z
    .string()
    .optional()
    .describe("instead of `design`: a Figma file key or URL, fetched with the server's FIGMA_TOKEN and cached"),
  refresh: z
    .boolean()
    .optional()
    .describe("with fileKey: fetch again now (a cached copy is otherwise checked against Figma's version)"),
};

/** Where a design by fileKey came from, in every result of a call that named one (FigmaOrigin). */
export const FIGMA_ORIGIN = z
  .object({
    fileKey: z.string(),
    fromCache: z.boolean(),
    cache: z.enum(["fetched", "recent", "unchanged", "stale"]),
    ageSec: z.number().describe("seconds since the copy was downloaded from Figma"),
    version: z.string().optional(),
    lastModified: z.string().optional(),
    note: z.string().optional(),
  })
  .optional()
  .describe("with fileKey: whether the design came from the cache, how old it is, and why when not confirmed");

export interface CallDesign {
  path: string;
  /** With fileKey: where the design came from. */
  origin?: FigmaOrigin;
}

/** The design file a call names: its `design` (checked against the folders), or its fileKey's cached reply. */
export async function designFile(
  context: ToolContext,
  extra: Extra,
  input: { design?: string | undefined; fileKey?: string | undefined; refresh?: boolean | undefined },
  nodes: readonly string[] = [],
): Promise<CallDesign> {
  if ((input.design === undefined) === (input.fileKey === undefined))
    throw new FigmentError("input", "give the design file (design) or a Figma file key (fileKey), one of them");
  if (input.design !== undefined) return { path: await allowedPath(context.folders, input.design, "the design") };
  const { path, origin } = await figmaDesign(
    context.figma,
    { fileKey: input.fileKey!, nodes, ...(input.refresh ? { refresh: true } : {}) },
    context.env,
    extra.signal,
  );
  const said =
    origin.note ?? (origin.fromCache ? undefined : `fetched ${origin.fileKey} from Figma's REST API and cached`);
  if (said !== undefined)
    await context.server.server.sendLoggingMessage(
      { level: origin.note ? "warning" : "info", logger: "figment/figma", data: redactSecrets(said, context.env) },
      extra.sessionId,
    );
  return { path, origin };
}

/** The result with `figma` (where its design came from) in its structured content and the JSON text beside it. */
export function stamped(result: CallToolResult, origin: FigmaOrigin | undefined): CallToolResult {
  if (origin === undefined || result.isError || !result.structuredContent) return result;
  const before = result.structuredContent;
  const structured = { ...before, figma: origin };
  const texts = new Set([JSON.stringify(before), JSON.stringify(before, null, 2)]);
  const content = result.content.map((item) =>
    item.type === "text" && texts.has(item.text) ? { ...item, text: JSON.stringify(structured, null, 2) } : item,
  );
  return { ...result, structuredContent: structured, content };
}

/** Throws Cancelled when the client cancelled the request (its work stops there). */
export function stopIfCancelled(extra: Extra): void {
  if (extra.signal.aborted) throw new Cancelled("cancelled between the steps of the call");
}

/**
 * A call's progress notifications, when the client asked for them (a progressToken in the request's _meta), out of
 * 100: `start` at 0, the command's own steps (RunContext.progress) between 5 and 95, `end` at 100. The value rises
 * with each notification, as the protocol requires, however the command counts its steps.
 */
export class Progress {
  private static readonly calls = new WeakMap<Extra, Progress>();
  private last = -1;
  private started = false;
  private constructor(private readonly extra: Extra) {}

  /** The call's one Progress (guarded starts it; the tool's steps and end go on from there). */
  static of(extra: Extra): Progress {
    let progress = Progress.calls.get(extra);
    if (!progress) Progress.calls.set(extra, (progress = new Progress(extra)));
    return progress;
  }

  private send(value: number, message: string): Promise<void> {
    const token = this.extra._meta?.progressToken;
    if (token === undefined || this.extra.signal.aborted) return Promise.resolve();
    const progress = Math.min(100, Math.max(value, this.last + 1));
    this.last = progress;
    return this.extra
      .sendNotification({
        method: "notifications/progress",
        params: { progressToken: token, progress, total: 100, message },
      })
      .catch(() => undefined);
  }

  /** 0, once per call: the first notification, sent before any work (guarded); later starts send nothing. */
  start(message: string): Promise<void> {
    if (this.started) return Promise.resolve();
    this.started = true;
    return this.send(0, message);
  }

  /** For RunContext.progress: `done` of the command's `total` steps. */
  readonly step = (done: number, total: number, message: string): void => {
    void this.send(Math.round(5 + (90 * done) / Math.max(1, total)), message);
  };

  end(message: string): Promise<void> {
    return this.send(100, message);
  }
}

/** The command's notes (stderr) as log messages at "info" (the client's logging level filters them). */
async function logNotes(context: ToolContext, extra: Extra, tool: string, notes: string): Promise<void> {
  if (notes.trim() === "") return;
  await context.server.server.sendLoggingMessage(
    { level: "info", logger: `figment/${tool}`, data: notes },
    extra.sessionId,
  );
}

/** A tool error: the sentences the CLI prints, redacted. */
export function toolError(text: string): CallToolResult {
  return { content: [{ type: "text", text }], isError: true };
}

/**
 * Runs a CLI command for `tool`: its failure (an exit code not in `resultCodes`, or no output) is a tool error with
 * the CLI's sentences; else `shape` turns its output into the structured result. Notes go to the log. `resultCodes`
 * holds 1 for a command whose 1 is an answer (analyze's error findings, search's no match), not a failure.
 */
export async function commandResult(
  context: ToolContext,
  extra: Extra,
  tool: string,
  work: (io: Output, run: RunContext) => Promise<Outcome>,
  shape: (run: CommandRun) => Record<string, unknown>,
  resultCodes: readonly number[] = [0],
): Promise<CallToolResult> {
  stopIfCancelled(extra);
  const progress = Progress.of(extra);
  await progress.start(`${tool}: started`);
  // The command's own cancellation: the request's signal goes down into its work, which stops where it is.
  const runContext: RunContext = {
    env: context.env,
    signal: extra.signal,
    progress: progress.step,
    chromium: context.chromium,
  };
  const run = await runCommand((io) => work(io, runContext), context.env);
  stopIfCancelled(extra);
  await progress.end(`${tool}: done`);
  if (run.code === undefined || !resultCodes.includes(run.code) || run.out.trim() === "")
    return toolError(run.err.trim() || `figment: ${tool} failed (exit code ${run.code ?? "none"})`);
  await logNotes(context, extra, tool, run.err);
  const structured = shape(run);
  return { content: [{ type: "text", text: JSON.stringify(structured, null, 2) }], structuredContent: structured };
}

/** The command's --json output, parsed. */
export const jsonOut = (run: CommandRun): Record<string, unknown> => JSON.parse(run.out) as Record<string, unknown>;

/** A page of `items` from `cursor` (an index, as a string), with the cursor of the next page when there is one. */
export function page<T>(items: readonly T[], cursor: string | undefined, size: number): { items: T[]; next?: string } {
  const from = cursor === undefined ? 0 : Number(cursor);
  if (!Number.isInteger(from) || from < 0 || from > items.length) throw new Error(`cursor ${cursor} is not one given`);
  const to = Math.min(items.length, from + size);
  return { items: items.slice(from, to), ...(to < items.length ? { next: String(to) } : {}) };
}

/**
 * Runs a tool's handler: a thrown error (a path outside the folders, a bad argument) is a tool error, as the CLI says
 * it. A cancel stops the work where it is; the log says so (the client no longer waits for an answer).
 */
export async function guarded(
  context: ToolContext,
  extra: Extra,
  tool: string,
  work: () => Promise<CallToolResult>,
): Promise<CallToolResult> {
  try {
    // The first progress goes out before any work: the design's fetch or load, the command's import and parse.
    await Progress.of(extra).start(`${tool}: started`);
    return await work();
  } catch (error) {
    const message = serverWords(
      redactSecrets(`figment: ${error instanceof Error ? error.message : String(error)}`, context.env),
    );
    if (kindOf(error) !== "cancelled") return toolError(message);
    // Where the work stopped, in the command's words ("cancelled while measuring the code").
    const where = error instanceof Error ? error.message : "cancelled";
    await context.server.server.sendLoggingMessage(
      { level: "notice", logger: `figment/${tool}`, data: `${tool}: ${where}; its work stopped` },
      extra.sessionId,
    );
    throw error;
  }
}

/** Pages drawn at several widths (cli/common/page-groups.ts), as get_code and get_design_hint take them. */
export const breakpoints = z
  .boolean()
  .optional()
  .describe(
    "true: the `nodes` (two or more, one per width: desktop, tablet, phone) are one responsive page; false: every " +
      "frame its own page; absent: a whole file's pages drawn at several widths (list_frames' groups) are one each",
  );

/** --breakpoints / --no-breakpoints for a tool's `breakpoints`. */
export const breakpointFlags = (on: boolean | undefined): string[] =>
  on === undefined ? [] : [on ? "--breakpoints" : "--no-breakpoints"];
