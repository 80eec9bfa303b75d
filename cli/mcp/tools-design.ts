/**
 * The tools that read a design: list_frames, get_design_hint, analyze, search_frames — each the CLI command of the
 * same work (frames, hints, analyze, search) on a design file inside the folders this server may use.
 */
import { z } from "zod";
import { countTextTokens, loadTokenizer } from "../../ai/estimate/estimate.js";
import type { DesignDocument } from "../../codegen/design/types.js";
import type { TokenValue } from "../../codegen/design/token-table.js";
import { documentTokensCss, type TokenStyling } from "../../codegen/tokens/index.js";
import { tokenVar } from "../../codegen/tokens/stylesheet.js";
import { parseCliArgs } from "../common/args.js";
import type { Output, RunContext } from "../common/design-files.js";
import { allowedPath } from "./folders.js";
import { parseAnalyzeArgs } from "../analyze/args.js";
import { parseSearchArgs } from "../search/args.js";
import { FigmentError } from "../../kernel/errors.js";
import { HINT_PAGE_CEILING, pageSentence, sectionPage, type SectionPage } from "./hint-sections.js";
import type { CommandRun } from "./run-command.js";
import {
  breakpointFlags,
  breakpoints,
  commandResult,
  DESIGN_INPUT,
  designFile,
  FIGMA_ORIGIN,
  guarded,
  jsonOut,
  page,
  stamped,
  type ToolContext,
} from "./tool-kit.js";

/** Frames a list_frames page holds. */
export const FRAMES_PAGE = 100;
/** Tokens a get_design_hint page holds unless the call asks for fewer or more. */
export const HINT_PAGE_TOKENS = 20_000;

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

const nodes = z.array(z.string()).optional().describe("layer ids (12:34) to limit the work to; every frame if none");
const nodeFlags = (ids: readonly string[] | undefined): string[] => (ids ?? []).flatMap((id) => ["--node", id]);

const frame = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  page: z.string(),
  sections: z.array(z.string()),
  converted: z.boolean(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  nodes: z.number(),
});

const group = z.object({
  by: z.enum(["name", "content", "name and content"]),
  frames: z.array(z.object({ id: z.string(), name: z.string(), width: z.number(), label: z.string() })),
});

export function registerDesignTools(context: ToolContext): void {
  const { server } = context;
  registerVariablesTool(context);
  server.registerTool(
    "list_frames",
    {
      title: "List frames",
      description:
        "The design's top-level frames by page, with size and layer count, and the groups of frames that draw one " +
        "page at several widths (as `figment frames`): get_code makes each group one responsive page.",
      inputSchema: { ...DESIGN_INPUT, cursor: z.string().optional().describe("the nextCursor of the previous page") },
      outputSchema: {
        frames: z.array(frame),
        groups: z.array(group).describe("frames drawing one page at several widths, widest first"),
        total: z.number(),
        nextCursor: z.string().optional(),
        figma: FIGMA_ORIGIN,
      },
      annotations: READ_ONLY,
    },
    (input, extra) =>
      guarded(context, extra, "list_frames", async () => {
        const design = await designFile(context, extra, input);
        const args = parseCliArgs(["frames", design.path, "--json"]);
        const { framesCommand } = await import("../frames/command.js");
        return stamped(
          await commandResult(
            context,
            extra,
            "list_frames",
            (io) => framesCommand(args, io),
            (run) => {
              const json = jsonOut(run);
              const frames = (json["frames"] ?? []) as unknown[];
              const groups = (json["groups"] ?? []) as unknown[];
              const { items, next } = page(frames, input.cursor, FRAMES_PAGE);
              return { frames: items, groups, total: frames.length, ...(next ? { nextCursor: next } : {}) };
            },
            // Exit 1 with its list is a design without top-level frames: an empty list, not a failure.
            [0, 1],
          ),
          design.origin,
        );
      }),
  );

  server.registerTool(
    "get_design_hint",
    {
      title: "Design hint",
      description:
        "The compact design hint (one line per layer: kind, id, name, box, layout, style) with its token count " +
        `(o200k). A hint over maxTokens (default ${HINT_PAGE_TOKENS}) comes a page of whole sections at a time, ` +
        "each page a hint of its own, what the pages share on the first: ask again with nextCursor. fromLine " +
        "pages by lines instead.",
      inputSchema: {
        ...DESIGN_INPUT,
        nodes,
        exactLayout: z.boolean().optional().describe("layers where they were drawn (no inferred rows and columns)"),
        breakpoints,
        cursor: z.string().optional().describe("the nextCursor of the previous page (same arguments otherwise)"),
        fromLine: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe("instead of cursor: pages by lines, this the first line of the page (nextLine of the last)"),
        maxTokens: z
          .number()
          .int()
          .min(500)
          .max(HINT_PAGE_CEILING)
          .optional()
          .describe(`a page's tokens (default ${HINT_PAGE_TOKENS}, at most ${HINT_PAGE_CEILING})`),
      },
      outputSchema: {
        hint: z.string(),
        tokens: z.number().describe("this page's tokens (its hint, and the shared part on the first page)"),
        totalTokens: z.number().describe("the whole hint's tokens"),
        fromLine: z.number().optional().describe("by lines: this page's first line"),
        lines: z.number().describe("lines in this page"),
        totalLines: z.number().optional().describe("by lines: the whole hint's lines"),
        nextLine: z.number().optional().describe("by lines: where the next page starts; absent on the last"),
        maxTokens: z.number().optional().describe("by sections: the page size"),
        shared: z.string().optional().describe("by sections, first page: fonts, components, tokens every page shares"),
        sections: z
          .array(
            z.object({
              index: z.number(),
              frame: z.string(),
              id: z.string(),
              name: z.string(),
              tokens: z.number(),
              overSize: z.boolean().optional().describe("over the page size and not splittable: sent alone"),
            }),
          )
          .optional()
          .describe("by sections: the sections on this page, drawn order"),
        sectionCount: z.number().optional().describe("by sections: how many in all"),
        nextCursor: z
          .string()
          .optional()
          .describe("by sections: give it as cursor for the next page; absent on the last"),
        note: z.string().optional(),
        figma: FIGMA_ORIGIN,
      },
      annotations: READ_ONLY,
    },
    (input, extra) =>
      guarded(context, extra, "get_design_hint", async () => {
        const design = await designFile(context, extra, input, input.nodes);
        const args = parseCliArgs([
          "hints",
          design.path,
          ...nodeFlags(input.nodes),
          ...(input.exactLayout ? ["--exact-layout"] : []),
          ...breakpointFlags(input.breakpoints),
        ]);
        if (input.cursor !== undefined && input.fromLine !== undefined)
          throw new FigmentError("input", "give cursor (pages by sections) or fromLine (pages by lines), not both");
        const [{ printedHint }] = await Promise.all([import("../hints/command.js"), loadTokenizer()]);
        let laid: DesignDocument | undefined;
        const work = async (io: Output, run: RunContext): Promise<number> => {
          laid = await printedHint(args, io, run);
          return 0;
        };
        const shape = (run: CommandRun): Record<string, unknown> => {
          const size = input.maxTokens ?? HINT_PAGE_TOKENS;
          if (input.fromLine !== undefined) return hintPage(run.out, input.fromLine, size);
          // A hint within the page is answered whole, as it always was; a larger one by sections.
          const whole = hintPage(run.out, 0, size);
          if (input.cursor === undefined && whole.nextLine === undefined) return whole;
          const request = { cursor: input.cursor, maxTokens: input.maxTokens, fallback: HINT_PAGE_TOKENS };
          return sectionPage(laid!, run.out, request, countTextTokens);
        };
        const result = await commandResult(context, extra, "get_design_hint", work, shape);
        const page = result.structuredContent as SectionPage | undefined;
        // By sections, the page's place and the next cursor said in words too, for an agent that reads the text.
        if (!result.isError && page?.sections) result.content.push({ type: "text", text: pageSentence(page) });
        return stamped(result, design.origin);
      }),
  );

  server.registerTool(
    "analyze",
    {
      title: "Analyze",
      description: "Contrast, tap-target and text-size checks and layer names (as `figment analyze --json`).",
      inputSchema: { ...DESIGN_INPUT, nodes },
      outputSchema: { findings: z.array(z.record(z.string(), z.unknown())), figma: FIGMA_ORIGIN },
      annotations: READ_ONLY,
    },
    (input, extra) =>
      guarded(context, extra, "analyze", async () => {
        const design = await designFile(context, extra, input, input.nodes);
        const args = parseAnalyzeArgs([design.path, "--json", ...nodeFlags(input.nodes)]);
        const { analyzeCommand } = await import("../analyze/command.js");
        // Exit 1 is an error finding: an answer, not a failure.
        const work = (io: Output, run: RunContext) => analyzeCommand(args, io, run);
        return stamped(await commandResult(context, extra, "analyze", work, jsonOut, [0, 1]), design.origin);
      }),
  );

  server.registerTool(
    "search_frames",
    {
      title: "Search frames",
      description: "The frames of every page that match the words of a query, best first (as `figment search`).",
      inputSchema: { ...DESIGN_INPUT, query: z.string(), top: z.number().int().min(1).optional() },
      outputSchema: {
        results: z.array(z.object({ id: z.string(), name: z.string(), page: z.string(), score: z.number() })),
        figma: FIGMA_ORIGIN,
      },
      annotations: READ_ONLY,
    },
    (input, extra) =>
      guarded(context, extra, "search_frames", async () => {
        const design = await designFile(context, extra, input);
        const args = parseSearchArgs([
          design.path,
          input.query,
          "--json",
          ...(input.top ? ["--top", String(input.top)] : []),
        ]);
        const { searchCommand } = await import("../search/command.js");
        // Exit 1 is no match: an empty list.
        const work = (io: Output, run: RunContext) => searchCommand(args, io, run);
        return stamped(await commandResult(context, extra, "search_frames", work, jsonOut, [0, 1]), design.origin);
      }),
  );
}

/** get_variables: the design's tokens (bound variables, named styles) and the stylesheet that defines them. */
function registerVariablesTool(context: ToolContext): void {
  context.server.registerTool(
    "get_variables",
    {
      title: "Design tokens",
      description:
        "The design tokens of the frames: the variables bound to their layers (named by the file's variables reply " +
        "when given) and their named styles, each with its CSS custom property and value per mode, and the " +
        "stylesheet figment code writes for them (`:root` block, or Tailwind's @theme).",
      inputSchema: {
        ...DESIGN_INPUT,
        nodes,
        variables: z
          .string()
          .optional()
          .describe("the file's GET /v1/files/:key/variables/local reply, inside the allowed folders"),
        styling: z.enum(["css", "tailwind"]).optional(),
      },
      outputSchema: {
        tokens: z.array(
          z.object({
            path: z.string(),
            group: z.string(),
            name: z.string(),
            value: z.string(),
            modes: z.record(z.string(), z.string()).optional(),
          }),
        ),
        css: z.string(),
        figma: FIGMA_ORIGIN,
      },
      annotations: READ_ONLY,
    },
    (input, extra) =>
      guarded(context, extra, "get_variables", async () => {
        const design = await designFile(context, extra, input, input.nodes);
        const variables =
          input.variables !== undefined
            ? ["--variables", await allowedPath(context.folders, input.variables, "the variables reply")]
            : [];
        const args = parseCliArgs(["code", design.path, ...variables, ...nodeFlags(input.nodes)]);
        const styling = input.styling ?? "css";
        // The commands' loader (with --variables as figment code reads it), its failures as the CLI says them.
        const work = async (io: Output): Promise<number> => {
          const { load } = await import("../common/design-files.js");
          io.out(JSON.stringify(tokenList((await load(args, io)).document, styling)));
          return 0;
        };
        return stamped(await commandResult(context, extra, "get_variables", work, jsonOut), design.origin);
      }),
  );
}

/** The document's tokens as get_variables returns them: alias values as var(--…) of the token they name. */
function tokenList(doc: DesignDocument, styling: TokenStyling): Record<string, unknown> {
  const table = doc.tokens;
  const all = table?.tokens ?? [];
  const byKey = new Map(all.map((t) => [t.key, t]));
  const text = (value: TokenValue): string => {
    if ("css" in value) return value.css;
    const target = byKey.get(value.ref);
    return target ? `var(--${tokenVar(target, styling)})` : value.ref;
  };
  return {
    tokens: all.map((t) => ({
      path: t.path,
      group: t.group,
      name: `--${tokenVar(t, styling)}`,
      value: text(t.value),
      ...(t.modes
        ? { modes: Object.fromEntries(Object.entries(t.modes).map(([mode, value]) => [mode, text(value)])) }
        : {}),
    })),
    css: documentTokensCss(doc, styling),
  };
}

/** The lines of `hint` from `fromLine` up to `maxTokens` (at least one line), counted with o200k. */
export function hintPage(
  hint: string,
  fromLine: number,
  maxTokens: number,
): Record<string, unknown> & { hint: string } {
  const lines = hint.split("\n");
  const counts = lines.map((line) => countTextTokens(`${line}\n`));
  const totalTokens = counts.reduce((sum, n) => sum + n, 0);
  const from = Math.min(fromLine, lines.length);
  let to = from;
  let tokens = 0;
  while (to < lines.length && (to === from || tokens + counts[to]! <= maxTokens)) tokens += counts[to++]!;
  return {
    hint: lines.slice(from, to).join("\n"),
    tokens,
    totalTokens,
    fromLine: from,
    lines: to - from,
    totalLines: lines.length,
    ...(to < lines.length ? { nextLine: to } : {}),
  };
}
