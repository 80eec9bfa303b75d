/**
 * get_design_changes: what changed in a design, layer by layer (`figment diff --json`, cli/diff/command.ts) — since
 * a Figma version to the file's current one, or since a generated folder's record (`.figment/`) to a design file or
 * to the file's current version on Figma. Folders and files are checked against the folders this server may use; the
 * token is the server's FIGMA_TOKEN, Figma's address the server's own.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { changeLine, type DesignChange } from "../../codegen/design/design-diff.js";
import { FigmentError } from "../../kernel/errors.js";
import { parseDiffArgs } from "../diff/args.js";
import type { Output, RunContext } from "../common/design-files.js";
import { hasFigmaToken, serverFigmaToken } from "./figma-file.js";
import { allowedPath } from "./folders.js";
import { commandResult, guarded, jsonOut, type ToolContext } from "./tool-kit.js";

const KINDS = [
  "added",
  "removed",
  "moved",
  "resized",
  "recoloured",
  "retexted",
  "renamed",
  "hidden",
  "shown",
  "component-renamed",
] as const satisfies readonly DesignChange["kind"][];

const change = z.object({
  kind: z.enum(KINDS),
  id: z.string(),
  name: z.string(),
  type: z.string(),
  from: z.string().optional(),
  to: z.string().optional(),
  also: z.array(z.string()).optional().describe("the instances' copies of this layer with the same change"),
});

const source = z
  .object({
    file: z.string().optional(),
    record: z.string().optional(),
    fileKey: z.string().optional(),
    version: z.string().optional(),
    lastModified: z.string().optional(),
    generatedAt: z.string().optional(),
  })
  .describe("where this side came from: a design file, a generated folder's record, a Figma file at a version");

interface ChangesInput {
  fileKey?: string | undefined;
  version?: string | undefined;
  nodes?: string[] | undefined;
  folder?: string | undefined;
  design?: string | undefined;
}

/** `figment diff`'s arguments for a call: its form checked, its paths inside the folders. */
async function diffArgv(context: ToolContext, input: ChangesInput): Promise<string[]> {
  const figma = ["--figma-base-url", context.figma.baseUrl];
  if (input.folder !== undefined) {
    if (input.fileKey !== undefined || input.version !== undefined || input.nodes !== undefined)
      throw new FigmentError(
        "input",
        "a folder's changes are from its record to `design`, or to the current version of the file it was generated " +
          "from: fileKey, version and nodes do not apply",
      );
    const folder = await allowedPath(context.folders, input.folder, "the generated folder");
    if (input.design === undefined) {
      // The record's file on Figma: without the server's token, its sentence (the record is read again by the run).
      if (!hasFigmaToken(context.env)) {
        const { readRecordSide } = await import("../diff/command.js");
        if ((await readRecordSide(folder)).record.source.fileKey !== undefined) serverFigmaToken(context.env);
      }
      return ["--since", folder, ...figma];
    }
    return ["--since", folder, await allowedPath(context.folders, input.design, "the design")];
  }
  if (input.design !== undefined)
    throw new FigmentError("input", "`design` is the new side of a folder's changes: give `folder` too");
  if (input.fileKey === undefined || input.version === undefined)
    throw new FigmentError(
      "input",
      "give a Figma file and the version to compare from (fileKey and version), or a folder figment generated " +
        "(folder, with the new design or none for the file's current version)",
    );
  serverFigmaToken(context.env);
  const nodes = (input.nodes ?? []).flatMap((id) => ["--node", id]);
  return ["--file-key", input.fileKey, "--version", input.version, ...nodes, ...figma];
}

export function registerChangesTool(context: ToolContext): void {
  context.server.registerTool(
    "get_design_changes",
    {
      title: "Design changes",
      description:
        "What changed in a design, layer by layer (as `figment diff --json`): added, removed, moved, resized, " +
        "recoloured, re-texted, renamed, hidden, shown, components renamed, each by id and name with what it was " +
        "and is. Since a Figma version (fileKey + version) to the file's current version, or since the design a " +
        "folder's code was generated from (folder, its .figment record) to `design` or the file's current version.",
      inputSchema: {
        fileKey: z.string().optional().describe("a Figma file key or URL (with version)"),
        version: z.string().optional().describe("the version id to compare from (Figma's version history)"),
        nodes: z
          .array(z.string())
          .optional()
          .describe("with fileKey: the frames (12:34) to compare; every frame if none"),
        folder: z
          .string()
          .optional()
          .describe("instead of fileKey: a folder figment code generated (it holds .figment/), inside the folders"),
        design: z
          .string()
          .optional()
          .describe("with folder: the new design file, inside the folders; without, the file's current version"),
      },
      outputSchema: {
        changes: z.array(change),
        summary: z.string().describe('the changes counted by kind ("3 re-texted, 1 moved"), or "no changes"'),
        before: source,
        after: source,
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (input, extra) =>
      guarded(context, extra, "get_design_changes", async () => {
        const args = parseDiffArgs([...(await diffArgv(context, input)), "--json"]);
        const { diffCommand } = await import("../diff/command.js");
        const sleep = context.figma.sleep;
        const work = (io: Output, run: RunContext) =>
          diffCommand(args, io, { ...run, ...(sleep ? { figma: { sleep } } : {}) });
        return withLines(await commandResult(context, extra, "get_design_changes", work, jsonOut));
      }),
  );
}

/** The result with the changes one a line and the summary (as `figment diff` prints them) before the JSON. */
function withLines(result: CallToolResult): CallToolResult {
  if (result.isError || !result.structuredContent) return result;
  const { changes, summary } = result.structuredContent as { changes: DesignChange[]; summary: string };
  const text = [...changes.map(changeLine), summary].join("\n");
  return { ...result, content: [{ type: "text", text }, ...result.content] };
}
