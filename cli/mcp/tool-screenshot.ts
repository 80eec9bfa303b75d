/**
 * get_screenshot: one frame as a PNG. With a design given by fileKey, Figma's own render of it
 * (`GET /v1/images/:key?ids=…&format=png&scale=…`, kept in the cache folder per version of the file: figma-assets.ts).
 * Otherwise (a design file on disk, `source: "figment"`, or Figma refusing to render now) Figment's render: its HTML
 * from `figment code` (the command itself, into a folder of the server's own) in Chromium at the frame's size, as the
 * score renders code (cli/measure). The result says which it is.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { designViewport, type RestNode } from "../../codegen/fidelity/design-nodes.js";
import { type CliArgs, parseCliArgs } from "../common/args.js";
import { FigmaRestError } from "../figma-rest/errors.js";
import { figmaRender, noteFromCache, renderWords, servedWords } from "./figma-assets.js";
import { hasFigmaToken, serverFigmaToken } from "./figma-file.js";
import { runCommand } from "./run-command.js";
import { assetStore, figmaAssets, withAssetStore } from "./tools-code.js";
import {
  type CallDesign,
  DESIGN_INPUT,
  designFile,
  type Extra,
  FIGMA_ORIGIN,
  guarded,
  Progress,
  stamped,
  stopIfCancelled,
  type ToolContext,
  toolError,
} from "./tool-kit.js";

/** A PNG, or the tool error that says why there is none. */
type Drawn = { png: Uint8Array; fromCache?: boolean; cached?: string } | { error: CallToolResult };

export function registerScreenshotTool(context: ToolContext): void {
  context.server.registerTool(
    "get_screenshot",
    {
      title: "Screenshot of a frame",
      description:
        "A PNG of one frame. By fileKey: Figma's own render (scale 1 unless `scale`), cached per version of the " +
        'file. From a design file (or with source "figment"): Figment\'s render, its HTML in Chromium at the ' +
        "frame's width and height. `source` in the result says which. Pick the frame with `node` when there are more.",
      inputSchema: {
        ...DESIGN_INPUT,
        node: z.string().optional().describe("the frame (12:34)"),
        scale: z.number().min(0.01).max(4).optional().describe("with fileKey: Figma's render scale (default 1)"),
        source: z.enum(["figma", "figment"]).optional().describe('"figment": our render even with fileKey'),
      },
      outputSchema: {
        frameId: z.string(),
        frameName: z.string(),
        width: z.number(),
        height: z.number(),
        source: z.enum(["figma", "figment"]).describe("figma: Figma's own render; figment: Figment's HTML rendered"),
        scale: z.number().describe("pixels per design pixel"),
        renderFromCache: z.boolean().optional().describe("figma: the render came from the cache folder"),
        note: z.string().optional().describe("why Figment's render stands in for Figma's"),
        figma: FIGMA_ORIGIN,
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (input, extra) =>
      guarded(context, extra, "get_screenshot", async () => {
        const nodes = input.node ? [input.node] : [];
        const design = await designFile(context, extra, input, nodes);
        const args = parseCliArgs([
          "code",
          design.path,
          "--target",
          "html",
          ...nodes.flatMap((id) => ["--node", id]),
          ...figmaAssets(context, input.fileKey),
        ]);
        // The code path's modules load with the first call, not with the server (cli/startup.test.ts).
        const [{ load }, { verifiedFrame }] = await Promise.all([
          import("../common/design-files.js"),
          import("../code/verify.js"),
        ]);
        const frame = verifiedFrame((await load(args)).roots, "--score");
        const progress = Progress.of(extra);
        progress.step(0, 2, design.origin && input.source !== "figment" ? "asking Figma" : "generating the HTML");
        const viewport = designViewport(frame);
        let note: string | undefined;
        let drawn: Drawn | undefined;
        let scale = 1;
        if (design.origin && input.source !== "figment") {
          scale = input.scale ?? 1;
          const fromFigma = await figmaShot(context, extra, design, frame.id, scale);
          if ("note" in fromFigma) note = fromFigma.note;
          else drawn = fromFigma;
        }
        const source = drawn ? "figma" : "figment";
        if (!drawn) {
          scale = 1;
          drawn = await figmentShot(context, extra, design, args, frame, progress);
        }
        if ("error" in drawn) return drawn.error;
        await progress.end("rendered");
        const structured = {
          frameId: frame.id,
          frameName: frame.name ?? "",
          ...viewport,
          source,
          scale,
          ...(source === "figma" ? { renderFromCache: drawn.fromCache === true } : {}),
          ...(note ? { note } : {}),
        };
        const result: CallToolResult = {
          structuredContent: structured,
          content: [
            { type: "image", data: Buffer.from(drawn.png).toString("base64"), mimeType: "image/png" },
            { type: "text", text: JSON.stringify(structured) },
          ],
        };
        return stamped(result, noteFromCache(context.env, design.origin, drawn.cached));
      }),
  );
}

/**
 * Figma's render, or the note that says why Figment's stands in: Figma rate-limiting, failing or not rendering the
 * frame. A refused token or an unknown file stays an error, in the CLI's sentence.
 */
async function figmaShot(
  context: ToolContext,
  extra: Extra,
  design: CallDesign,
  id: string,
  scale: number,
): Promise<{ png: Uint8Array; fromCache: boolean; cached?: string } | { note: string }> {
  const origin = design.origin!;
  // Without FIGMA_TOKEN, only a render kept in the cache folder.
  const token = hasFigmaToken(context.env) ? serverFigmaToken(context.env) : undefined;
  try {
    const at = { key: origin.fileKey, version: origin.version, id, scale, token };
    const render = await figmaRender(context.figma, at, extra.signal);
    if (render === undefined)
      return {
        note:
          `no FIGMA_TOKEN in the server's environment, and Figma's render of frame ${id} (scale ${scale}) is not in ` +
          "the cache folder: this is Figment's render of the design instead",
      };
    return { ...render, cached: render.fromCache ? renderWords(id, scale, render) : undefined };
  } catch (error) {
    stopIfCancelled(extra);
    if (
      !(error instanceof FigmaRestError) ||
      (error.kind !== "limit" && error.kind !== "service" && error.kind !== "network")
    )
      throw error;
    return { note: `${error.message.replace(/[.;:]?\s*$/, "")}: this is Figment's render of the design instead` };
  }
}

/** Figment's render: the frame's HTML (figment code) in Chromium at the frame's size. */
async function figmentShot(
  context: ToolContext,
  extra: Extra,
  design: CallDesign,
  args: CliArgs,
  frame: RestNode,
  progress: Progress,
): Promise<Drawn> {
  const out = await mkdtemp(join(tmpdir(), "figment-mcp-shot-"));
  try {
    const [{ codeCommand }, { readCodeDir }, { resultPage }, { inOneContext, launchChromium, withPage }] =
      await Promise.all([
        import("../code/command.js"),
        import("../score/command.js"),
        import("../measure/result-page.js"),
        import("../measure/browser.js"),
      ]);
    const store = assetStore(context, design);
    const run = withAssetStore(context, store, { signal: extra.signal, env: context.env });
    const code = await runCommand((io) => codeCommand({ ...args, out }, io, run), context.env);
    if (code.code !== 0) return { error: toolError(code.err.trim()) };
    const cached = store && servedWords(store.served());
    stopIfCancelled(extra);
    progress.step(1, 2, "rendering in Chromium");
    const page = await resultPage(await readCodeDir(out), "html");
    const browser = await launchChromium();
    try {
      const png = await inOneContext(browser, (pageContext) =>
        withPage(pageContext, page.files, page.entry, designViewport(frame), (p) => p.screenshot({ type: "png" })),
      );
      return { png, ...(cached !== undefined ? { cached } : {}) };
    } finally {
      await browser.close();
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
