/**
 * The tools that write or measure code: get_code (figment code --json into a folder the agent names inside the
 * allowed folders, or into the server's own folder, its files then resources), update_code (figment code --update),
 * score_code (figment score) and generate_image (figment image), each the CLI's own command.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { parseCliArgs, parseFileKey } from "../common/args.js";
import { parseImageArgs } from "../image/args.js";
import { parseScoreArgs } from "../score/args.js";
import { hasFigmaToken } from "./figma-file.js";
import { allowedPath } from "./folders.js";
import type { GeneratedFiles } from "./generated.js";
import type { Output, RunContext } from "../common/design-files.js";
import { type CountedStore, diskAssets, noteFromCache, servedWords } from "./figma-assets.js";
import {
  breakpointFlags,
  breakpoints,
  type CallDesign,
  commandResult,
  DESIGN_INPUT,
  designFile,
  FIGMA_ORIGIN,
  guarded,
  jsonOut,
  stamped,
  type ToolContext,
} from "./tool-kit.js";

const file = z.object({ path: z.string(), bytes: z.number(), uri: z.string().optional() });

export function registerCodeTools(context: ToolContext, generated: GeneratedFiles): void {
  const { server } = context;
  server.registerTool(
    "get_code",
    {
      title: "Generate code",
      description:
        "Multi-file React or HTML/CSS for the design's frames (as `figment code --json`). With `out`, written " +
        "there (a folder inside the allowed folders); without, kept by the server and returned as resource links.",
      inputSchema: {
        ...DESIGN_INPUT,
        nodes: z.array(z.string()).optional().describe("frames or layers (12:34); every top-level frame if none"),
        target: z.enum(["react", "html"]).optional(),
        styling: z.enum(["css-modules", "tailwind"]).optional(),
        out: z.string().optional().describe("the folder to write to, inside the allowed folders"),
        nodeIds: z.boolean().optional().describe("mark elements with data-node-id (what score_code needs)"),
        breakpoints,
      },
      // The command's --json: these fields and any it adds.
      outputSchema: z.looseObject({
        out: z.string(),
        files: z.array(file),
        problems: z.array(z.unknown()),
        figma: FIGMA_ORIGIN,
      }),
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input, extra) =>
      guarded(context, extra, "get_code", async () => {
        const design = await designFile(context, extra, input, input.nodes);
        const out =
          input.out !== undefined
            ? await allowedPath(context.folders, input.out, "the output folder")
            : await mkdtemp(join(tmpdir(), "figment-mcp-"));
        const args = parseCliArgs([
          "code",
          design.path,
          "--json",
          "--out",
          out,
          ...(input.nodes ?? []).flatMap((id) => ["--node", id]),
          ...(input.target ? ["--target", input.target] : []),
          ...(input.styling ? ["--styling", input.styling] : []),
          ...(input.nodeIds ? ["--node-ids"] : []),
          ...breakpointFlags(input.breakpoints),
          ...figmaAssets(context, input.fileKey),
        ]);
        const { codeCommand } = await import("../code/command.js");
        const store = assetStore(context, design);
        const result = await commandResult(
          context,
          extra,
          "get_code",
          (io, run) => codeCommand(args, io, withAssetStore(context, store, run)),
          jsonOut,
        );
        const origin = noteFromCache(context.env, design.origin, store && servedWords(store.served()));
        return stamped(input.out === undefined ? withLinks(result, generated.add(out)) : result, origin);
      }),
  );

  server.registerTool(
    "update_code",
    {
      title: "Update generated code",
      description:
        "Brings a changed design into a folder get_code (or figment code --out) wrote and the team has since " +
        "edited (as `figment code --update DIR --json`): generated again with the options in the folder's .figment/ " +
        "record and merged three ways. Files nobody edited become the new code; edited ones are merged, with " +
        "<<<<<<< yours / >>>>>>> design markers only where both changed the same lines, listed in `conflicts` " +
        "(path:line). dryRun: what would change, nothing written.",
      inputSchema: {
        ...DESIGN_INPUT,
        folder: z.string().describe("the generated folder (it holds .figment/record.json), inside the allowed folders"),
        nodes: z.array(z.string()).optional().describe("the frames' ids in the new design, when they changed"),
        dryRun: z.boolean().optional().describe("say what would change; write nothing"),
      },
      outputSchema: z.looseObject({
        out: z.string(),
        update: z.object({ dryRun: z.boolean(), changes: z.array(z.unknown()), summary: z.string() }),
        files: z.array(z.looseObject({ path: z.string(), outcome: z.string() })),
        conflicts: z.array(z.string()),
        problems: z.array(z.unknown()),
        figma: FIGMA_ORIGIN,
      }),
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input, extra) =>
      guarded(context, extra, "update_code", async () => {
        const folder = await allowedPath(context.folders, input.folder, "the generated folder");
        const design = await designFile(context, extra, input, input.nodes);
        const args = parseCliArgs([
          "code",
          design.path,
          "--json",
          "--update",
          folder,
          ...(input.nodes ?? []).flatMap((id) => ["--node", id]),
          ...(input.dryRun ? ["--dry-run"] : []),
          ...figmaAssets(context, input.fileKey),
        ]);
        const { codeCommand } = await import("../code/command.js");
        const store = assetStore(context, design);
        // Exit 1 with conflicts is an answer: the merged files are written, the conflicts listed.
        const result = await commandResult(
          context,
          extra,
          "update_code",
          (io, run) => codeCommand(args, io, withAssetStore(context, store, run)),
          jsonOut,
          [0, 1],
        );
        return stamped(result, noteFromCache(context.env, design.origin, store && servedWords(store.served())));
      }),
  );

  server.registerTool(
    "score_code",
    {
      title: "Score code",
      description:
        "Your code measured against the design in Chromium (as `figment score --json`): IoU×matched of the layers' " +
        "boxes at the design width, and at 390, 768 and 1920 px what a reader sees. Elements need data-node-id.",
      inputSchema: {
        ...DESIGN_INPUT,
        dir: z.string().describe("the code's folder (HTML page or React project), inside the allowed folders"),
        node: z.string().optional().describe("the frame, when the design has more than one"),
        widths: z.array(z.number().int().min(1)).optional().describe("viewport widths (default 390,768,design,1920)"),
      },
      outputSchema: { score: z.record(z.string(), z.unknown()), figma: FIGMA_ORIGIN },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (input, extra) =>
      guarded(context, extra, "score_code", async () => {
        const design = await designFile(context, extra, input, input.node ? [input.node] : []);
        const dir = await allowedPath(context.folders, input.dir, "the code folder");
        const args = parseScoreArgs([
          design.path,
          "--dir",
          dir,
          "--json",
          ...(input.node ? ["--node", input.node] : []),
          ...(input.widths ? ["--widths", input.widths.join(",")] : []),
        ]);
        const { scoreCommand } = await import("../score/command.js");
        const work = (io: Output, run: RunContext) => scoreCommand(args, io, run);
        return stamped(await commandResult(context, extra, "score_code", work, jsonOut), design.origin);
      }),
  );

  server.registerTool(
    "generate_image",
    {
      title: "Generate an image",
      description:
        "Images from OpenAI (OPENAI_API_KEY in the server's environment) written under `out` (as `figment image " +
        "--json`); dryRun estimates tokens and cost and sends nothing.",
      inputSchema: {
        prompt: z.string(),
        out: z.string().describe("the folder to write to, inside the allowed folders"),
        size: z.string().optional().describe("WxH or auto"),
        n: z.number().int().min(1).optional(),
        dryRun: z.boolean().optional(),
      },
      // figment image --json: the estimate (dryRun) or what was written, as the command prints it.
      outputSchema: z.looseObject({ dryRun: z.boolean().optional(), images: z.unknown().optional() }),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    (input, extra) =>
      guarded(context, extra, "generate_image", async () => {
        const out = await allowedPath(context.folders, input.out, "the output folder");
        const args = parseImageArgs([
          "--prompt",
          input.prompt,
          "--out",
          out,
          "--json",
          ...(input.size ? ["--size", input.size] : []),
          ...(input.n ? ["--n", String(input.n)] : []),
          ...(input.dryRun ? ["--dry-run"] : []),
        ]);
        const { imageCommand } = await import("../image/command.js");
        return commandResult(context, extra, "generate_image", (io, run) => imageCommand(args, io, run), jsonOut);
      }),
  );
}

/**
 * A design given by fileKey: its image fills and SVGs come from Figma too (`figment code --file-key`'s fetch, with
 * the server's FIGMA_TOKEN), as for the CLI, or from the cache folder (withAssetStore); a design file on disk has none
 * unless its folder holds them.
 */
export function figmaAssets(context: ToolContext, fileKey: string | undefined): string[] {
  if (fileKey === undefined) return [];
  return ["--file-key", parseFileKey(fileKey), "--figma-base-url", context.figma.baseUrl];
}

/** The cache folder's images of a design given by fileKey (figma-assets.ts); none for a design file on disk. */
export function assetStore(context: ToolContext, design: CallDesign): CountedStore | undefined {
  return design.origin && diskAssets(context.figma, design.origin.fileKey, design.origin.version);
}

/**
 * The run with the cache folder's images: fetched once, kept. Without FIGMA_TOKEN, those only (storeOnly): one not
 * there is the error that asks for the token.
 */
export function withAssetStore(context: ToolContext, store: CountedStore | undefined, run: RunContext): RunContext {
  if (store === undefined) return run;
  return { ...run, figma: { ...run.figma, store, ...(hasFigmaToken(context.env) ? {} : { storeOnly: true }) } };
}

/** The result with each written file as a resource link (and its uri in the structured content). */
function withLinks(result: CallToolResult, run: string): CallToolResult {
  if (result.isError || !result.structuredContent) return result;
  const files = (result.structuredContent["files"] ?? []) as { path: string; bytes: number }[];
  const linked = files.map((f) => ({ ...f, uri: `figment://generated/${run}/${f.path}` }));
  const structured = { ...result.structuredContent, files: linked };
  return {
    structuredContent: structured,
    content: [
      { type: "text", text: JSON.stringify(structured, null, 2) },
      ...linked.map((f) => ({ type: "resource_link" as const, uri: f.uri, name: f.path })),
    ],
  };
}
