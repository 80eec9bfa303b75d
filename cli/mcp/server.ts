/** One MCP server (a connection's): the tools, the generated files as resources, logging; the folders it may use. */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { version } from "../package-file.js";
import { SharedChromium } from "./chromium.js";
import { defaultFigmaSource, type FigmaSource } from "./figma-file.js";
import type { Folders } from "./folders.js";
import { GeneratedFiles, registerGeneratedResources } from "./generated.js";
import { registerScreenshotTool } from "./tool-screenshot.js";
import { registerChangesTool } from "./tools-changes.js";
import { registerCodeTools } from "./tools-code.js";
import { registerDesignTools } from "./tools-design.js";

export interface ServerOptions {
  /** The working folder and the --root folders, absolute. */
  folders: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Where designs given by file key come from and are cached (Figma's API and ~/.cache/figment/figma by default). */
  figma?: FigmaSource;
  /** The process's Chromium, kept across calls and sessions; whoever made it closes it. Without: the server's own. */
  chromium?: SharedChromium;
}

export async function createServer(options: ServerOptions): Promise<McpServer> {
  const server = new McpServer(
    { name: "figment", title: "Figment", version: await version() },
    {
      capabilities: { logging: {}, tools: {}, resources: {} },
      instructions:
        "Figment turns Figma design files (REST JSON) into code, hints, findings and scores. Start with list_frames, " +
        "then get_design_hint or get_code for a frame; score_code checks your own code against the design.",
    },
  );
  const folders: Folders = {
    own: options.folders,
    clientRoots: async () => {
      if (!server.server.getClientCapabilities()?.roots) return [];
      const { roots } = await server.server.listRoots();
      return roots.map((root) => root.uri);
    },
  };
  const own = options.chromium === undefined ? new SharedChromium() : undefined;
  if (own) server.server.onclose = () => void own.close();
  const chromium = options.chromium ?? own!;
  const context = {
    server,
    folders,
    env: options.env,
    figma: options.figma ?? defaultFigmaSource(options.env),
    chromium: chromium.get,
  };
  const generated = new GeneratedFiles();
  registerDesignTools(context);
  registerCodeTools(context, generated);
  registerScreenshotTool(context);
  registerChangesTool(context);
  registerGeneratedResources(server, generated);
  return server;
}
