/**
 * get_screenshot: one frame as Figment draws it — its HTML from `figment code` (the command itself, into a folder of
 * the server's own) rendered in Chromium at the frame's size, as the score renders code (cli/measure). A picture of
 * Figment's code of the design, not Figma's own render.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { designViewport } from "../../codegen/fidelity/design-nodes.js";
import { parseCliArgs } from "../common/args.js";
import { load } from "../common/design-files.js";
import { verifiedFrame } from "../code/verify.js";
import { inOneContext, launchChromium, withPage } from "../measure/browser.js";
import { resultPage } from "../measure/result-page.js";
import { readCodeDir } from "../score/command.js";
import { runCommand } from "./run-command.js";
import { figmaAssets } from "./tools-code.js";
import {
  DESIGN_INPUT,
  designFile,
  guarded,
  Progress,
  stopIfCancelled,
  type ToolContext,
  toolError,
} from "./tool-kit.js";

export function registerScreenshotTool(context: ToolContext): void {
  context.server.registerTool(
    "get_screenshot",
    {
      title: "Screenshot of a frame",
      description:
        "A PNG of one frame as Figment renders it: its HTML (figment code --target html) in Chromium at the " +
        "frame's width and height. Pick the frame with `node` when the design has more than one.",
      inputSchema: { ...DESIGN_INPUT, node: z.string().optional().describe("the frame (12:34)") },
      outputSchema: { frameId: z.string(), frameName: z.string(), width: z.number(), height: z.number() },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (input, extra) =>
      guarded(context, extra, "get_screenshot", async () => {
        const nodes = input.node ? [input.node] : [];
        const path = await designFile(context, extra, input, nodes);
        const args = parseCliArgs([
          "code",
          path,
          "--target",
          "html",
          ...nodes.flatMap((id) => ["--node", id]),
          ...figmaAssets(context, input.fileKey),
        ]);
        const frame = verifiedFrame((await load(args)).roots, "--score");
        const out = await mkdtemp(join(tmpdir(), "figment-mcp-shot-"));
        try {
          const progress = new Progress(extra);
          await progress.start("generating the frame's HTML");
          const { codeCommand } = await import("../code/command.js");
          const run = { signal: extra.signal, env: context.env };
          const code = await runCommand((io) => codeCommand({ ...args, out }, io, run), context.env);
          if (code.code !== 0) return toolError(code.err.trim());
          stopIfCancelled(extra);
          progress.step(1, 2, "rendering in Chromium");
          const page = await resultPage(await readCodeDir(out), "html");
          const viewport = designViewport(frame);
          const browser = await launchChromium();
          let png: Buffer;
          try {
            png = await inOneContext(browser, (pageContext) =>
              withPage(pageContext, page.files, page.entry, viewport, (p) => p.screenshot({ type: "png" })),
            );
          } finally {
            await browser.close();
          }
          await progress.end("rendered");
          const structured = { frameId: frame.id, frameName: frame.name ?? "", ...viewport };
          return {
            structuredContent: structured,
            content: [
              { type: "image", data: png.toString("base64"), mimeType: "image/png" },
              { type: "text", text: JSON.stringify(structured) },
            ],
          };
        } finally {
          await rm(out, { recursive: true, force: true });
        }
      }),
  );
}
