/**
 * "Every given image fill shown" (issue 72), measured on a rendered page: a fill is shown when the bytes given for
 * its image are drawn by the page, as an <img> that loaded, an SVG <image>, or a CSS background or mask image of an
 * element that has a box. Bytes, not names: the previews inline assets as data: or blob: URLs, and a placeholder
 * under the same name is not the picture. A mask's picture counts as shown when it masks (a CSS mask image).
 */
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import type { DesignDocument, DesignNode } from "../../codegen/design/types.js";
import { generateCode, loadDesign } from "../../codegen/index.js";
import type { Target } from "../../codegen/targets.js";
import { withPage, type PageHost } from "./browser.js";
import { resultPage } from "./result-page.js";

/** One image fill of the design tree: its layer, its asset, whether the layer is a mask. */
export interface ImageFill {
  nodeId: string;
  asset: string;
  mask: boolean;
}

/** The image fills of the converted frames that are drawn (hidden layers and their children left out). */
export function imageFillsOf(doc: DesignDocument): ImageFill[] {
  const out: ImageFill[] = [];
  const visit = (node: DesignNode): void => {
    if (node.hidden) return;
    for (const fill of node.fills ?? [])
      if (fill.kind === "image") out.push({ nodeId: node.id, asset: fill.asset, mask: node.mask === true });
    node.children?.forEach(visit);
  };
  doc.frames.forEach(visit);
  return out;
}

/** SHA-256 of bytes, hex: how the page's drawn images are matched with the given ones. */
export function bytesDigest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The digests of every image the page draws. data: URLs (the previews' assets) are read here; other URLs (HTML's
 * served files) are fetched by the page itself (a preview's policy may refuse fetching data: URLs, and a page served
 * over http has no crypto.subtle, so the hashing is done here).
 */
export async function drawnImageDigests(page: Page): Promise<string[]> {
  const urls = (await page.evaluate(`(() => {
    const urls = new Set();
    const fromCss = (value) => {
      for (const m of (value || "").matchAll(/url\\(\\s*(?:"([^"]*)"|'([^']*)'|([^)]*?))\\s*\\)/g))
        urls.add(new URL(m[1] ?? m[2] ?? m[3], document.baseURI).href);
    };
    for (const el of document.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden") continue;
      if (el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0) urls.add(el.currentSrc || el.src);
      if (el instanceof SVGImageElement && el.href.baseVal) urls.add(new URL(el.href.baseVal, document.baseURI).href);
      fromCss(style.backgroundImage);
      fromCss(style.maskImage);
      fromCss(style.webkitMaskImage);
    }
    return [...urls];
  })()`)) as string[];
  const digests = new Set<string>();
  for (const url of urls) {
    const bytes = url.startsWith("data:") ? dataUrlBytes(url) : await fetchedBytes(page, url);
    if (bytes) digests.add(bytesDigest(bytes));
  }
  return [...digests];
}

/** A data: URL's bytes (base64 or percent-encoded). */
function dataUrlBytes(url: string): Uint8Array | undefined {
  const comma = url.indexOf(",");
  if (comma < 0) return undefined;
  const head = url.slice(5, comma);
  const body = url.slice(comma + 1);
  return head.endsWith(";base64")
    ? new Uint8Array(Buffer.from(decodeURIComponent(body), "base64"))
    : new Uint8Array(Buffer.from(decodeURIComponent(body), "utf8"));
}

/** A URL's bytes as the page fetches them; undefined when it cannot (an image it cannot read is not drawn either). */
async function fetchedBytes(page: Page, url: string): Promise<Uint8Array | undefined> {
  const b64 = (await page.evaluate(
    `(async () => {
      try {
        const bytes = new Uint8Array(await (await fetch(${JSON.stringify(url)})).arrayBuffer());
        let text = "";
        for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(text);
      } catch {
        return null;
      }
    })()`,
  )) as string | null;
  return b64 === null ? undefined : new Uint8Array(Buffer.from(b64, "base64"));
}

/**
 * Waits until every drawn layer of `fills` that the page holds (by data-node-id, or React Native's testID) draws an
 * image: an <img> inside it that loaded, or a background image on it or inside it (React Native for Web sets one once
 * its image loaded). A layer that never does is left to the count (after `timeoutMs`), not an error.
 */
export async function imagesSettled(page: Page, fills: readonly ImageFill[], timeoutMs = 10_000): Promise<void> {
  const ids = [...new Set(fills.filter((f) => !f.mask).map((f) => f.nodeId))];
  try {
    await page.waitForFunction(
      `${JSON.stringify(ids)}.every((id) => {
        const q = CSS.escape(id);
        const el = document.querySelector('[data-node-id="' + q + '"], [data-testid="' + q + '"]');
        if (!el) return true;
        const all = [el, ...el.querySelectorAll("*")];
        return all.some((e) => (e instanceof HTMLImageElement && e.complete && e.naturalWidth > 0) ||
          getComputedStyle(e).backgroundImage.includes("url("));
      })`,
      undefined,
      { timeout: timeoutMs },
    );
  } catch {
    // counted as not shown
  }
}

/** Given and shown image fills of one rendered page, and the fills not shown (masks among them counted apart). */
export interface ImagesShown {
  given: number;
  shown: number;
  masksGiven: number;
  masksShown: number;
  missing: ImageFill[];
}

/**
 * Counts the fills whose bytes were given (`bytesOf`: an asset's bytes, undefined for a placeholder) and, of those,
 * the ones whose bytes the page draws.
 */
export function countImagesShown(
  fills: readonly ImageFill[],
  bytesOf: (asset: string) => Uint8Array | undefined,
  drawn: readonly string[],
): ImagesShown {
  const seen = new Set(drawn);
  const out: ImagesShown = { given: 0, shown: 0, masksGiven: 0, masksShown: 0, missing: [] };
  for (const fill of fills) {
    const bytes = bytesOf(fill.asset);
    if (!bytes) continue;
    const shown = seen.has(bytesDigest(bytes));
    out.given++;
    if (fill.mask) out.masksGiven++;
    if (shown) {
      out.shown++;
      if (fill.mask) out.masksShown++;
    } else out.missing.push(fill);
  }
  return out;
}

/**
 * One frame of a REST reply with `images` given (by imageRef), its code for `target` rendered in Chromium (HTML as
 * written, the others as their previews), its image fills counted.
 */
export async function measureImagesShown(
  host: PageHost,
  json: unknown,
  frameId: string,
  images: Record<string, Uint8Array>,
  target: Target,
  styling: "css-modules" | "tailwind" = "css-modules",
): Promise<ImagesShown> {
  const doc = loadDesign(json, [frameId], { images }).document;
  const { files } = await generateCode(doc, { target, styling, nodeIds: true });
  const page = await resultPage(files, target);
  const frame = doc.frames[0];
  if (!frame) throw new Error(`no frame ${frameId} in the design`);
  const fills = imageFillsOf(doc);
  const drawn = await withPage(host, page.files, page.entry, { width: frame.w, height: 900 }, async (p) => {
    await p.waitForSelector(`[data-node-id="${frame.id}"]`);
    await imagesSettled(p, fills);
    return drawnImageDigests(p);
  });
  const bytesOf = (key: string): Uint8Array | undefined => {
    const asset = doc.assets[key];
    return asset?.kind === "image" ? asset.bytes : undefined;
  };
  return countImagesShown(fills, bytesOf, drawn);
}
