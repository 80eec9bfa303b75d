/** HTML/CSS emitter: one page per frame, semantic elements, one stylesheet. */
import { escapeHtml } from "../../escape.js";
import { htmlDocument } from "../../html-document.js";
import type { DesignDocument, DesignNode } from "../../design/types.js";
import type { EmittedFiles, Problem, SourceFile } from "../../types.js";
import { assetDir, assetFileName, imageAssetFiles, imageKeysIn } from "../assets.js";
import { assetDataUrl } from "../../file-paths.js";
import { buildTree, type BuildContext } from "../build.js";
import { outlinePages } from "../outline.js";
import { buildPage, pageBuilder } from "../drawings/page.js";
import { allDrawings } from "../../design/drawings.js";
import type { NavMenuNames } from "../nav-menu.js";
import { printHtml } from "../markup.js";
import { planComponents } from "../components.js";
import { kebabCase, layerLabel, NameScope, pascalCase, unspelledNameNotes } from "../names.js";
import { documentTokensCss, tokenFields } from "../../tokens/index.js";
import { Sheet } from "../vnode.js";
import { fontPlan } from "../../fonts/plan.js";
import { fontFacesCss, fontNotes, googleFontsLinks } from "../../fonts/output.js";
import { printedStylesheets } from "../../css/printed.js";
import { printedHtml } from "./print.js";
import { planLinks } from "../../prototype/links.js";
import { SMOOTH_SCROLL } from "../links.js";
import { scrollingOf } from "../scrolling.js";
import { drawsStates, statePlan } from "../variant-states.js";
import { REDUCED_MOTION } from "../motion.js";
import { planOverlays } from "../../prototype/overlays.js";
import { overlayPage, overlaysCss } from "../overlays.js";
import {
  htmlMotionFiles,
  morphRenderBlocking,
  pageMotion,
  transitionScriptTag,
  viewTransitionsCss,
} from "../view-transitions.js";

export interface HtmlOptions {
  nodeIds: boolean;
}

/** A page: the design's Google fonts (when any) before the stylesheet that names them. */
function page(title: string, body: string, fontLinks: readonly string[], script?: string, held: string[] = []): string {
  const head = [...fontLinks, '    <link rel="stylesheet" href="styles.css" />', ...held, ...(script ? [script] : [])];
  return htmlDocument(title, head, [body]);
}

const RESET = "*,\n*::before,\n*::after {\n  box-sizing: border-box;\n}\n\nbody {\n  margin: 0;\n}\n";

/** Page file name per frame: `index.html` for one frame, else one page each plus an index of them. */
export function htmlPagePaths(frameNames: string[]): string[] {
  if (frameNames.length === 1) return ["index.html"];
  const pages = new NameScope(["index"]);
  return frameNames.map((name) => `${pages.take(kebabCase(name, "frame"))}.html`);
}

export function emitHtml(doc: DesignDocument, options: HtmlOptions): EmittedFiles {
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  const sheet = new Sheet();
  const images = new Set<string>();
  // With node ids (the round trip's markup), each instance says which React component it is, named as emitReact
  // names it; the page users keep (no node ids) is unchanged.
  const plan = options.nodeIds
    ? planComponents(
        allDrawings(doc),
        doc.assets,
        doc.frames.map((frame) => pascalCase(frame.name, "Screen")).concat(["App", "Index", "Boolean"]),
      )
    : undefined;
  const context: BuildContext = {
    sheet,
    nodeIds: options.nodeIds,
    assets: doc.assets,
    urls: {
      cssUrl: (key) => `assets/${assetFileName(key, doc.assets[key])}`,
      maskUrl: (key) => maskPictureUrl(key, doc),
    },
    imageSrc: (key) => {
      images.add(key);
      return `assets/${assetFileName(key, doc.assets[key])}`;
    },
    classBase: (node, fallback) => kebabCase(layerLabel(node), kebabCase(fallback)),
    ...(plan ? { componentMark: (node: DesignNode) => plan.usage(node)?.component } : {}),
    ...tokenFields(doc, "css"),
    problems,
  };
  const fonts = fontPlan(allDrawings(doc));
  const fontLinks = googleFontsLinks(fonts);
  problems.push(...fontNotes(fonts, { stylesheet: "styles.css", packagesToAdd: false }));
  const paths = htmlPagePaths(doc.frames.map((f) => f.name));
  // The prototype's pages are linked by file name.
  // …and play the design's transitions between them (view-transitions.ts).
  const planned = planLinks(doc, (i) => paths[i]!);
  const motion = pageMotion(doc, planned);
  const links = motion ? motion.links : planned;
  if (links) context.links = links;
  if (motion?.morph) context.morph = motion.morph;
  const scrolling = scrollingOf(doc);
  if (scrolling) context.scrolling = scrolling;
  // A click's toggle is a checkbox: no script.
  if (doc.variants) context.states = statePlan(doc, "checkbox");
  // The overlays the pages' clicks open: dialogs in those pages.
  const overlays = planOverlays(doc);
  if (paths.length > 1) problems.push(...unspelledNameNotes(doc.frames, paths));
  doc.frames.forEach((frame, index) => {
    // Each page's menus: popovers with ids unique in the page.
    let menus = 0;
    const navMenu = (): NavMenuNames => ({ kind: "popover", id: ++menus === 1 ? "nav-menu" : `nav-menu-${menus}` });
    // A page drawn at several widths is one tree (drawings/page.ts); so is an overlay's page.
    const tree = overlays
      ? overlayPage(index, doc.frames, { ...context, navMenu }, overlays, pageBuilder(doc, buildTree))
      : buildPage(doc, frame, { ...context, navMenu }, buildTree);
    outlinePages([{ tree, title: frame.name, ctx: context }], new Map());
    const held = motion?.morph ? morphRenderBlocking(tree) : [];
    const body = printHtml(tree, { classAttr: (cls) => (cls ? `class="${cls}"` : undefined) }, 2);
    const script = motion && transitionScriptTag(motion.plan.timers.get(index), (i) => paths[i]!);
    files.push({ path: paths[index]!, content: page(frame.name || "Frame", body, fontLinks, script, held) });
  });
  if (doc.frames.length > 1) {
    const links = doc.frames.map(
      (f, i) => `      <li><a href="${paths[i]}">${escapeHtml(f.name || `Frame ${i + 1}`)}</a></li>`,
    );
    files.push({ path: "index.html", content: page("Frames", ["    <ul>", ...links, "    </ul>"].join("\n"), []) });
  }
  for (const key of imageKeysIn(allDrawings(doc))) images.add(key);
  const tokens = documentTokensCss(doc, "css");
  const faces = fontFacesCss(fonts, "fonts");
  const smooth =
    (links?.smooth ? SMOOTH_SCROLL + "\n" : "") +
    (drawsStates(doc) || motion ? REDUCED_MOTION + "\n" : "") +
    (motion ? viewTransitionsCss(motion.plan, true) + "\n" : "");
  if (motion) files.push(...htmlMotionFiles(motion.plan));
  const css =
    RESET +
    "\n" +
    smooth +
    (faces ? faces + "\n" : "") +
    (tokens ? tokens + "\n" : "") +
    sheet.css() +
    (overlays ? "\n" + overlaysCss(overlays, doc.frames) : "");
  files.push({ path: "styles.css", content: css });
  files.push(...imageAssetFiles(images, doc.assets, assetDir("html")));
  const printed = printedStylesheets(files);
  // Pages printed as the format pass would print them, which it then skips.
  for (const file of files)
    if (file.path.endsWith(".html")) {
      const text = printedHtml(file.content);
      if (text === undefined) continue;
      file.content = text;
      printed.set(file.path, text);
    }
  return { files, problems, printed };
}

/**
 * A mask's picture as the page's stylesheet names it: a data: URL of its bytes (a file:// page would never load the
 * file as a mask, AssetUrls.maskUrl), or the file's path when it has none (a placeholder, masking as its box).
 */
function maskPictureUrl(key: string, doc: DesignDocument): string {
  const asset = doc.assets[key];
  const path = `assets/${assetFileName(key, asset)}`;
  if (asset?.kind !== "image" || !asset.bytes) return path;
  return `"${assetDataUrl({ path, content: "", bytes: asset.bytes }) ?? path}"`;
}
