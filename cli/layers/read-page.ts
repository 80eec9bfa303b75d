/**
 * Renders a page from disk in Chromium with JavaScript off (a page's scripts never run) and reads it into the layer
 * description at each width. Files are served from the page's folder under Figment's fake origin; every other
 * request is refused, so an external image does not load and becomes a placeholder with a note.
 */
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Browser, Page } from "playwright-core";
import { checkLayerDocument, MAX_LAYER_NODES, type LayerDocument } from "../../contract/layers.js";
import { nestGrids } from "../../contract/layers-grid-nest.js";
import { type readLayers, readLayersSource } from "../../contract/layers-read.js";
import { imageNotes, inlineLayerImages } from "../../contract/layers-images.js";
import { contentTypeFor, FIGMENT_ORIGIN, pageViewport, type PageOptions } from "../measure/browser.js";
import { escapeAttr } from "../../codegen/escape.js";
import { genericFonts } from "./generic-fonts.js";
import { localImageLoader } from "./local-images.js";

export interface ReadPage {
  document: LayerDocument;
  /** Time the reader took inside the page (ms), for the bench and --json. */
  readMs: number;
}

/** The height a page is opened at unless told: the reader measures the whole document whatever the viewport's. */
const VIEWPORT_HEIGHT = 900;
/** The .svg files served to a page kept for its reader (ReadOptions.svgs), up to this size each and in all. */
const SVG_KEPT = { each: 1_000_000, all: 8_000_000 };

export async function readPage(
  browser: Browser,
  htmlPath: string,
  widths: readonly number[],
  options: {
    maxNodes?: number;
    name?: string;
    /**
     * The viewport's height (vh units, the first screen, where a fixed layer sits): the design's at its width, as the
     * panel reads a result; default 900.
     */
    height?: number;
    prepare?: (page: Page, width: number) => Promise<void>;
    /**
     * Requests to other origins answered from memory (the bench: Google Fonts from local files, as the plugin's
     * panel loads them through its networkAccess); undefined: refused.
     */
    serve?: PageOptions["serve"];
    /** Stylesheets linked before the page's own (the bench: the design's fonts, as if installed). */
    stylesheets?: readonly string[];
    /**
     * false: each text keeps its stack's first family, as the plugin's panel reads a page (a design's own fonts);
     * default: the family Chromium draws (contract/layers-read-fonts.ts).
     */
    drawnFonts?: boolean;
  } = {},
): Promise<ReadPage[]> {
  const root = dirname(resolve(htmlPath));
  const entry = relative(root, resolve(htmlPath)).split(sep).join("/");
  const out: ReadPage[] = [];
  for (const width of widths) {
    const context = await browser.newContext({
      viewport: pageViewport({ width, height: options.height ?? VIEWPORT_HEIGHT }),
      deviceScaleFactor: 1,
      serviceWorkers: "block",
      javaScriptEnabled: false,
    });
    try {
      const page = await context.newPage();
      // The .svg files the page loads, as served: its SVG backgrounds are read from them, not asked for again.
      const svgs: Record<string, string> = {};
      let kept = 0;
      await page.route("**/*", async (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== FIGMENT_ORIGIN) {
          const served = options.serve?.(url);
          return served
            ? route.fulfill({ status: 200, contentType: served.contentType, body: served.body })
            : route.abort();
        }
        const file = resolve(root, decodeURIComponent(url.pathname.slice(1)));
        if (file !== root && !file.startsWith(root + sep)) return route.fulfill({ status: 404 });
        try {
          const body = await readFile(file);
          if (/\.svg$/i.test(file) && body.length <= SVG_KEPT.each && kept + body.length <= SVG_KEPT.all) {
            svgs[url.href] = body.toString("utf8");
            kept += body.length;
          }
          // The stylesheets asked for, linked first in the entry's head: the load event waits for them (an event
          // listener would never run, the page's scripts being off).
          const linked = file === resolve(root, entry) && options.stylesheets?.length;
          return await route.fulfill({
            status: 200,
            contentType: contentTypeFor(file),
            body: linked ? withStylesheets(body.toString("utf8"), options.stylesheets ?? []) : body,
          });
        } catch {
          return route.fulfill({ status: 404 });
        }
      });
      await page.goto(`${FIGMENT_ORIGIN}/${entry}`, { waitUntil: "load" });
      // The fonts settled before the page is read, as the panel's agent waits for them (ui/code/layers).
      await page.evaluate(() =>
        (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready.then(
          () => undefined,
        ),
      );
      // A measurement's look at the rendered page before it is read (the Design2Code bench tags the elements).
      await options.prepare?.(page, width);
      // The fonts Chromium draws the generic families in: a text layer takes the font the page shows.
      const generics = options.drawnFonts === false ? undefined : await genericFonts(page);
      const read = (await page.evaluate(
        readLayersSource({
          maxNodes: options.maxNodes ?? MAX_LAYER_NODES,
          name: options.name ?? (entry.replace(/\.html?$/i, "") || "page"),
          svgs,
          generics,
        }),
      )) as ReturnType<typeof readLayers>;
      const { readMs, ...document } = read;
      // The page's images from its folder, inline, so the layers carry them (the builder, the REST reply).
      const inlined = await inlineLayerImages(checkLayerDocument(document), localImageLoader(root));
      // The images still referred to by URL (the network is refused): a note each, in the builder's words.
      const doc = inlined.document;
      const checked = checkLayerDocument({ ...doc, notes: [...doc.notes, ...imageNotes(doc.root)] });
      // A grid Figma's grid cannot hold as nested auto layout (the builder does the same to what the panel reads).
      out.push({ document: nestGrids(checked).document, readMs });
    } finally {
      await context.close();
    }
  }
  return out;
}

/** `html` with a stylesheet link to each of `hrefs` first in its head (or first in the document). */
function withStylesheets(html: string, hrefs: readonly string[]): string {
  const links = hrefs.map((href) => `<link rel="stylesheet" href="${escapeAttr(href)}">`).join("");
  const head = /<head\b[^>]*>/i.exec(html);
  return head
    ? html.slice(0, head.index + head[0].length) + links + html.slice(head.index + head[0].length)
    : links + html;
}

/** The page a folder stands for: its index.html. */
export const pageOf = (folder: string): string => join(folder, "index.html");
