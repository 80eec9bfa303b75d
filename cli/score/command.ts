/**
 * `figment score <design.json> --dir DIR [--node ID] [--widths …] [--json]`: any code measured against a design —
 * hand-written, a model's, another tool's. DIR holds an HTML page (index.html, else the first page) whose elements
 * carry the design's layer ids (`data-node-id`), or a React, Vue, Svelte, Angular or React Native project (shown as
 * the panel's preview shows that target: code-target.ts). The figures and the words are those of `figment code
 * --score` and the panel (codegen/fidelity/): IoU×matched at the design width, and per width what a reader sees of
 * each text.
 */
import type { Stats } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { loadDesign, type DesignDocument, type DesignNode } from "../../codegen/index.js";
import { pageDrawings, withDrawings } from "../../codegen/design/drawings.js";
import type { LoadedDesign } from "../../codegen/load.js";
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import { ASSET_MIME } from "../../codegen/file-paths.js";
import type { SourceFile } from "../../codegen/types.js";
import { readDesign, WHOLE_FILE, type LayerNames, type Output, type RunContext } from "../common/design-files.js";
import type { ScoreArgs } from "./args.js";
import { codeTarget, layerIdsIn } from "./code-target.js";
import { stopIfAborted } from "../../kernel/cancelled.js";
import { FigmentError } from "../../kernel/errors.js";

/** Folders a project keeps that are not its code. */
const SKIPPED = new Set(["node_modules", ".git", "dist", "build", ".next", ".vite", ".figment"]);
/** Most bytes read from DIR: a page's code and assets, not a whole disk. */
const MAX_BYTES = 200 * 1024 * 1024;

/** Every file under `dir` (text as text, assets as bytes), paths relative to it with "/". */
export async function readCodeDir(dir: string): Promise<SourceFile[]> {
  let info: Stats;
  try {
    info = await stat(dir);
  } catch {
    throw new FigmentError("input", `--dir ${dir}: no such folder`);
  }
  if (!info.isDirectory())
    throw new FigmentError("input", `--dir ${dir} is a file, not a folder: give the folder that holds the page`);
  const out: SourceFile[] = [];
  let total = 0;
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) await walk(path);
        continue;
      }
      if (!entry.isFile()) continue;
      const bytes = await readFile(path);
      total += bytes.length;
      if (total > MAX_BYTES)
        throw new FigmentError(
          "input",
          `--dir ${dir} holds more than ${MAX_BYTES / 1024 / 1024} MB: give the folder of one page`,
        );
      const name = relative(dir, path).split(sep).join("/");
      const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
      out.push(
        ext in ASSET_MIME && ext !== "svg"
          ? { path: name, content: "", bytes: new Uint8Array(bytes) }
          : { path: name, content: bytes.toString("utf8") },
      );
    }
  };
  await walk(dir);
  return out;
}

/** The ids of `frame` and every layer in it. */
function frameIds(frame: RestNode, out = new Set<string>()): Set<string> {
  out.add(frame.id);
  for (const child of frame.children ?? []) frameIds(child, out);
  return out;
}

/**
 * The HTML page of DIR that draws `frame`: the one that holds the frame's layer ids (most of them; the frame's own id
 * first) — a whole file's folder holds one page per frame and an index of links. With one page, that page; with none
 * of them holding the frame's layers, a usage error saying which page to give.
 */
export function pageOf(files: readonly SourceFile[], frame: RestNode, dir: string, names: LayerNames): string {
  const pages = files.filter((f) => /\.html?$/i.test(f.path));
  if (pages.length <= 1) return pages[0]?.path ?? "index.html";
  const mine = frameIds(frame);
  const held = pages
    .map((page) => {
      const ids = new Set(layerIdsIn(page));
      return {
        page: page.path,
        own: ids.has(frame.id),
        count: [...ids].filter((id) => mine.has(id)).length,
        ids,
      };
    })
    .sort((a, b) => Number(b.own) - Number(a.own) || b.count - a.count || a.page.localeCompare(b.page));
  const best = held[0]!;
  if (best.own || best.count > 0) return best.page;
  const name = names.get(frame.id) ?? frame.name;
  // The pages that draw a frame of the design, named by it, so the one to give is found.
  const drawn = held
    .map(({ page, ids }) => {
      const id = [...ids].find((one) => names.has(one));
      return id === undefined ? undefined : `${page} draws “${names.get(id)}” (${id})`;
    })
    .filter((line): line is string => line !== undefined);
  throw new FigmentError(
    "input",
    `none of the ${pages.length} pages in ${dir} holds the layers of “${name}” (id ${frame.id}): give the folder ` +
      `with its page (figment code --node ${frame.id} --node-ids --target html --out DIR)` +
      (drawn.length > 0 ? `; ${drawn.slice(0, 3).join(", ")}${drawn.length > 3 ? ", …" : ""}` : ""),
  );
}

/**
 * Measures DIR's code against the design's frame. `context.signal` stops it: before Chromium starts, between widths,
 * and at once by closing the browser (a Cancelled, nothing printed); `context.progress` hears each width measured.
 */
export async function scoreCommand(args: ScoreArgs, io: Output, context: RunContext = {}): Promise<number> {
  const { signal, progress } = context;
  const json = await readDesign(args.input!, io);
  const design = loadDesign(json, args.nodes);
  if (design.roots.length > 1 && args.nodes.length < 2)
    throw new FigmentError(
      "input",
      `${args.input} has ${design.roots.length} top-level frames: name one with --node ID (figment frames lists them)`,
    );
  // Several --node: one page drawn at several widths, measured at each against its frame (the widest is the page's).
  const drawings = drawingsOf(design, args.nodes);
  const frame = drawings[0]?.frame;
  if (!frame) throw new FigmentError("input", `${args.input} has no frame to measure against`);
  const files = await readCodeDir(args.dir!);
  const target = codeTarget(files);
  if (target === "html" && !files.some((f) => /\.html?$/i.test(f.path)))
    throw new FigmentError(
      "input",
      `--dir ${args.dir} holds no HTML page (index.html) and no React, Vue, Svelte, Angular or React Native ` +
        `components to render`,
    );
  const ids = new Set(files.flatMap(layerIdsIn));
  if (!ids.has(frame.id) && ![...ids].some((id) => id.includes(":"))) {
    throw new FigmentError(
      "input",
      `the code in ${args.dir} carries no layer ids (data-node-id="…"): nothing can be compared with ` +
        `the design. Generate it with figment code --node-ids, or add the ids of the design's layers`,
    );
  }
  const entry = target === "html" ? pageOf(files, frame, args.dir!, topFrameNames(json)) : undefined;
  const { chromiumAvailable, chromiumPath, launchChromium } = await import("../measure/browser.js");
  if (!chromiumAvailable())
    throw new FigmentError(
      "input",
      `score renders the code in Chromium, which is not at ${chromiumPath()}: ` +
        `install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  const { printScores, scoreDrawings } = await import("../code/score.js");
  stopIfAborted(signal, "cancelled before Chromium started");
  const browser = await launchChromium();
  // A cancel closes the browser: the page's load or probe in flight fails at once, and that failure is the cancel.
  const stop = (): void => void browser.close().catch(() => undefined);
  signal?.addEventListener("abort", stop, { once: true });
  try {
    stopIfAborted(signal, "cancelled while Chromium started");
    progress?.(0, 1, "Chromium started; measuring the code");
    const score = await scoreDrawings(browser, drawings, files, target, {
      ...(args.widths ? { widths: args.widths } : {}),
      ...(entry !== undefined ? { entry } : {}),
      ...(signal ? { signal } : {}),
      ...(progress
        ? {
            onStep: (done, total, width) => progress(done, total, `measured at ${width || "design"} px`),
          }
        : {}),
    });
    if (args.json) io.out(JSON.stringify({ score }, null, 2));
    else printScores([score], io);
    return 0;
  } catch (error) {
    stopIfAborted(signal, "cancelled while measuring the code");
    throw error;
  } finally {
    signal?.removeEventListener("abort", stop);
    await browser.close();
  }
}

/**
 * The frames to measure against, each with its tree as the emitters read it (React Native's page takes React's
 * measured stand-in fonts from it): the one frame, or the drawings of the page the --node frames draw, widest first.
 */
function drawingsOf(design: LoadedDesign, nodes: readonly string[]): { frame: RestNode; design?: DesignNode }[] {
  const roots = design.roots as unknown as RestNode[];
  const tree = (id: string): { design?: DesignNode } => {
    const found = design.document.frames.find((f) => f.id === id);
    return found ? { design: found } : {};
  };
  if (nodes.length < 2) return roots.slice(0, 1).map((frame) => ({ frame, ...tree(frame.id) }));
  let doc: DesignDocument;
  try {
    doc = withDrawings(design.document, [nodes]);
  } catch (error) {
    throw new FigmentError("input", `--node: ${(error as Error).message}`);
  }
  const page = doc.frames.find((f) => doc.drawings?.[f.id]);
  if (!page) throw new FigmentError("input", "--node: the frames given draw no page");
  return pageDrawings(doc, page).map((drawn) => ({
    frame: roots.find((r) => r.id === drawn.id)!,
    design: drawn,
  }));
}

/** The top-level frames' names by id: what a page of a whole file's folder draws. */
function topFrameNames(json: unknown): LayerNames {
  try {
    return new Map(loadDesign(json, [], {}, WHOLE_FILE).roots.map((root) => [root.id, root.name]));
  } catch {
    return new Map();
  }
}
