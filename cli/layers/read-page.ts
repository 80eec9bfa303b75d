/**
 * Renders a page from disk in Chromium with JavaScript off (a page's scripts never run) and reads it into the layer
 * description at each width. Files are served from the page's folder under Figment's fake origin; every other
 * request is refused, so an external image does not load and becomes a placeholder with a note.
 */
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Browser, Page } from "playwright-core";
import { checkLayerDocument, MAX_LAYER_NODES, type LayerDocument } from "../../contract/layers.js";
import { type readLayers, readLayersSource } from "../../contract/layers-read.js";
import { imageNotes, inlineLayerImages } from "../../contract/layers-images.js";
import { contentTypeFor, FIGMENT_ORIGIN, pageViewport, type PageOptions } from "../measure/browser.js";
import { localImageLoader } from "./local-images.js";

export interface ReadPage {
  document: LayerDocument;
  /** Time the reader took inside the page (ms), for the bench and --json. */
  readMs: number;
}

/** The first height a page is opened at; the reader measures the whole document whatever the viewport's height. */
const VIEWPORT_HEIGHT = 900;

export async function readPage(
  browser: Browser,
  htmlPath: string,
  widths: readonly number[],
  options: {
    maxNodes?: number;
    name?: string;
    prepare?: (page: Page, width: number) => Promise<void>;
    /**
     * Requests to other origins answered from memory (the bench: Google Fonts from local files, as the plugin's
     * panel loads them through its networkAccess); undefined: refused.
     */
    serve?: PageOptions["serve"];
    /** Stylesheets linked before the page's own (the bench: the design's fonts, as if installed). */
    stylesheets?: readonly string[];
  } = {},
): Promise<ReadPage[]> {
  const root = dirname(resolve(htmlPath));
  const entry = relative(root, resolve(htmlPath)).split(sep).join("/");
  const out: ReadPage[] = [];
  for (const width of widths) {
    const context = await browser.newContext({
      viewport: pageViewport({ width, height: VIEWPORT_HEIGHT }),
      deviceScaleFactor: 1,
      serviceWorkers: "block",
      javaScriptEnabled: false,
    });
    try {
      const page = await context.newPage();
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
          return await route.fulfill({ status: 200, contentType: contentTypeFor(file), body: await readFile(file) });
        } catch {
          return route.fulfill({ status: 404 });
        }
      });
      await page.goto(`${FIGMENT_ORIGIN}/${entry}`, { waitUntil: "load" });
      if (options.stylesheets?.length) await linkStylesheets(page, options.stylesheets);
      // The fonts settled before the page is read, as the panel's agent waits for them (ui/code/layers).
      await page.evaluate(() =>
        (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready.then(
          () => undefined,
        ),
      );
      // A measurement's look at the rendered page before it is read (the Design2Code bench tags the elements).
      await options.prepare?.(page, width);
      const read = (await page.evaluate(
        readLayersSource({
          maxNodes: options.maxNodes ?? MAX_LAYER_NODES,
          name: options.name ?? (entry.replace(/\.html?$/i, "") || "page"),
        }),
      )) as ReturnType<typeof readLayers>;
      const { readMs, ...document } = read;
      // The page's images from its folder, inline, so the layers carry them (the builder, the REST reply).
      const inlined = await inlineLayerImages(checkLayerDocument(document), localImageLoader(root));
      // The images still referred to by URL (the network is refused): a note each, in the builder's words.
      const doc = inlined.document;
      out.push({ document: checkLayerDocument({ ...doc, notes: [...doc.notes, ...imageNotes(doc.root)] }), readMs });
    } finally {
      await context.close();
    }
  }
  return out;
}

/**
 * Links `hrefs` into the loaded page's head and waits for them (scripts are off, so no init script runs: the reader's
 * own evaluate adds them) and for the fonts they declare to load.
 */
async function linkStylesheets(page: Page, hrefs: readonly string[]): Promise<void> {
  await page.evaluate(async (hrefs: readonly string[]) => {
    interface Link {
      rel: string;
      href: string;
      addEventListener(type: string, listener: () => void, options: { once: boolean }): void;
    }
    const doc = (
      globalThis as unknown as {
        document: {
          createElement(tag: "link"): Link;
          head: { prepend(node: Link): void };
          body: { offsetHeight: number } | null;
          fonts: { ready: Promise<unknown> };
        };
      }
    ).document;
    await Promise.all(
      hrefs.map(
        (href) =>
          new Promise<void>((resolve) => {
            const link = doc.createElement("link");
            link.rel = "stylesheet";
            link.href = href;
            link.addEventListener("load", () => resolve(), { once: true });
            link.addEventListener("error", () => resolve(), { once: true });
            doc.head.prepend(link);
          }),
      ),
    );
    // A layout asks for the faces the text uses; `fonts.ready` then waits for them.
    void doc.body?.offsetHeight;
    await doc.fonts.ready;
  }, hrefs);
}

/** The page a folder stands for: its index.html. */
export const pageOf = (folder: string): string => join(folder, "index.html");
