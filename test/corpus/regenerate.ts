/**
 * Regenerates the corpus of real absolute pages (test/fixtures/corpus/): `npm run corpus [-- --only a,b]`.
 *
 * For each site of sites.ts: `npm pack` the pinned package (the only network this needs: the npm registry),
 * serve its `dist/` from memory in headless Chromium at 1440 px (every other request refused: no CDN fonts or
 * scripts, so what is measured is what renders offline), measure the page (page/measure-page.ts), keep small
 * copies of its images (page/image-bytes.ts), then measure the very same page at 390 and 768 px for the
 * reference (which texts the original shows, and their reading order). The measured page becomes Figma REST
 * nodes (to-rest.ts) and is then made to look drawn (drawn.ts). The flattened real files (flatten.ts) are
 * written beside them. SOURCES.md in that folder says where each page comes from.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium, withPage } from "../../cli/measure/browser.js";
import { sampleTexts } from "../../cli/measure/responsive-page.js";
import { serveGoogleFonts } from "../helpers/google-fonts.js";
import type { SourceFile } from "../../codegen/types.js";
import { drawLikeADesigner } from "./drawn.js";
import { flattenCorpusFrames, type FlatRow } from "./flatten-files.js";
import type { MeasuredPage, MeasuredText } from "./measured.js";
import { imageDataUrls } from "./page/image-bytes.js";
import { measurePage } from "./page/measure-page.js";
import { referenceAt, type PageReference } from "./reference.js";
import { SITES, type Site } from "./sites.js";
import { nodesReply, toRestFrame, type ImageRef } from "./to-rest.js";

const ROOT = process.cwd();
const OUT = join(ROOT, "test", "fixtures", "corpus");
const DESIGN_WIDTH = 1440;
const REFERENCE_WIDTHS = [390, 768] as const;

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The package's dist/ folder, unpacked from the registry's tarball into `tmp`. */
function unpack(site: Site, tmp: string): string {
  const dir = join(tmp, site.name);
  mkdirSync(dir, { recursive: true });
  const tgz = execFileSync("npm", ["pack", `${site.pkg}@${site.version}`, "--pack-destination", dir, "--silent"], {
    encoding: "utf8",
  })
    .trim()
    .split("\n")
    .pop()!;
  execFileSync("tar", ["xzf", join(dir, tgz), "-C", dir]);
  return join(dir, "package", "dist");
}

function filesUnder(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      // Videos are not part of a drawn page (the measurement reads a video's poster only).
      else if (!/\.(mp4|webm|ogv)$/i.test(name))
        out.push({ path: relative(dir, path), content: "", bytes: new Uint8Array(readFileSync(path)) });
    }
  };
  walk(dir);
  return out;
}

/** Loads every image at once, stops transitions and animations, and waits two frames. */
async function settle(page: Page): Promise<void> {
  await page.addStyleTag({
    content:
      "*, *::before, *::after { transition: none !important; " +
      "animation: none !important; scroll-behavior: auto !important; }",
  });
  await page.evaluate(async () => {
    for (const img of Array.from(document.images)) img.loading = "eager";
    await Promise.all(
      Array.from(document.images).map((img) => (img.complete ? undefined : img.decode().catch(() => undefined))),
    );
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

function imageSources(page: MeasuredPage): string[] {
  const out = new Set<string>();
  for (const item of page.items) {
    if (item.kind === "image") out.add(item.src);
    if (item.kind === "box") for (const f of item.fills) if (f.kind === "image") out.add(f.src);
  }
  return [...out];
}

interface StoredImage {
  ref: string;
  ext: "jpg" | "png";
  bytes: Buffer;
}

function decodeDataUrl(url: string): StoredImage | undefined {
  const m = /^data:image\/(png|jpeg);base64,(.*)$/.exec(url);
  if (!m) return undefined;
  const bytes = Buffer.from(m[2]!, "base64");
  // Figma's imageRef is the SHA-1 of the image's bytes.
  return { ref: createHash("sha1").update(bytes).digest("hex"), ext: m[1] === "jpeg" ? "jpg" : "png", bytes };
}

/** Writes the images the design uses as `images/<imageRef>.<ext>`, as `--images` reads them. */
function writeImages(json: unknown, images: StoredImage[]): number {
  const dir = join(OUT, "images");
  mkdirSync(dir, { recursive: true });
  const text = JSON.stringify(json);
  let n = 0;
  for (const image of images) {
    if (!text.includes(`"imageRef":"${image.ref}"`)) continue;
    writeFileSync(join(dir, `${image.ref}.${image.ext}`), image.bytes);
    n++;
  }
  return n;
}

async function convertSite(
  site: Site,
  tmp: string,
  browser: Awaited<ReturnType<typeof launchChromium>>,
  screens: string | undefined,
): Promise<SourceRow> {
  const dist = unpack(site, tmp);
  const files = filesUnder(dist);
  // The page's Google Fonts come from the local @fontsource files: what is measured is the real typefaces.
  const { measured, dataUrls, reference } = await withPage(
    browser,
    files,
    site.page,
    { width: DESIGN_WIDTH, height: 900 },
    async (page) => {
      await settle(page);
      const measured = await page.evaluate(measurePage, { idPrefix: `${site.number}:` });
      if (screens)
        await page.screenshot({ path: join(screens, `${site.name}-original-${DESIGN_WIDTH}.png`), fullPage: true });
      const dataUrls = await page.evaluate(imageDataUrls, {
        sources: imageSources(measured),
        maxSide: 480,
        quality: 0.55,
      });
      const texts = measured.items
        .filter((i): i is MeasuredText => i.kind === "text")
        .map((t) => ({ id: t.id, chars: Array.from(t.chars).length }));
      const reference: PageReference = { source: "original page", widths: {} };
      for (const width of REFERENCE_WIDTHS) {
        await page.setViewportSize({ width, height: 844 });
        await page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        reference.widths[width] = referenceAt(await sampleTexts(page, texts));
        if (screens)
          await page.screenshot({ path: join(screens, `${site.name}-original-${width}.png`), fullPage: true });
      }
      return { measured, dataUrls, reference };
    },
    { serve: serveGoogleFonts },
  );
  const stored: StoredImage[] = [];
  const refs = new Map<string, ImageRef>();
  const flipped = new Map<string, string>();
  for (const [src, urls] of Object.entries(dataUrls)) {
    const image = decodeDataUrl(urls.bytes);
    const turned = decodeDataUrl(urls.flipped);
    if (!image) continue;
    stored.push(image);
    refs.set(src, { ref: image.ref });
    if (turned) {
      stored.push(turned);
      flipped.set(image.ref, turned.ref);
    }
  }
  const { frame, sources } = toRestFrame({
    page: measured,
    pageNumber: site.number,
    name: `${site.name.replace(/^sb-/, "")} — Desktop`,
    images: refs,
  });
  const drawn = drawLikeADesigner(frame, { seed: site.number, sources, flipped });
  const reply = nodesReply(
    `Start Bootstrap ${site.pkg.replace(/^startbootstrap-/, "")} (redrawn)`,
    drawn.frame,
    drawn.components,
  );
  writeFileSync(join(OUT, `${site.name}.nodes.json`), `${JSON.stringify(reply)}\n`);
  const imageCount = writeImages(reply, stored);
  for (const w of Object.values(reference.widths)) {
    w.visible = w.visible.map((id) => drawn.renamed.get(id) ?? id);
    w.order = w.order.map((id) => drawn.renamed.get(id) ?? id);
  }
  writeFileSync(join(OUT, `${site.name}.reference.json`), `${JSON.stringify(reference, null, 1)}\n`);
  console.log(
    `${site.name}: ${measured.items.length} measured items → ${frame.children?.length ?? 0} ` +
      `layers; drawn: ${drawn.log.join("; ")}; ${imageCount} images`,
  );
  return {
    file: `${site.name}.nodes.json`,
    origin: `npm ${site.pkg}@${site.version}, dist/${site.page}`,
    license: "MIT",
    what:
      `${measured.title}: 1440×${measured.height}, ${countNodes(drawn.frame)} ` +
      `nodes, ${countNodes(drawn.frame, "TEXT")} TEXT; ${drawn.log.join("; ")}`,
  };
}

interface SourceRow {
  file: string;
  origin: string;
  license: string;
  what: string;
}

function countNodes(node: { type: string; children?: unknown[] }, type?: string): number {
  const own = type === undefined || node.type === type ? 1 : 0;
  return (
    own +
    (node.children ?? []).reduce<number>(
      (sum, c) => sum + countNodes(c as { type: string; children?: unknown[] }, type),
      0,
    )
  );
}

function sourcesMarkdown(sites: SourceRow[], flat: FlatRow[]): string {
  return `# The corpus of real absolute pages

Real pages drawn the way designers draw them: no auto layout anywhere. Made by \`npm run corpus\` (test/corpus/,
regenerated in full; \`-- --only sb-agency,flat\` for some), which is the only way these files should change.
Tests and the bench read them; nobody wrote them by hand.

## Converted sites
Real MIT-licensed landing pages as published on npm with their built pages (\`dist/\`). Each is rendered at
1440 px in headless Chromium with every request but its own files refused (no CDN fonts, icons or scripts: what
is measured is what renders offline; the pages' Google Fonts are answered from the \`@fontsource\` devDependencies, so
the measured text has its real typefaces), measured in the page (test/corpus/page/measure-page.ts) and written as
Figma REST JSON (the \`GET /v1/files/:key/nodes\` shape) by the pure converter test/corpus/to-rest.ts: one frame,
and at its root, in paint order, a rectangle for every element that paints (fills: solid, linear gradient, image
with an \`imageRef\`; strokes, radii, shadows), an image rectangle for every \`<img>\`, and a text layer for every
run of text (family, weight, size, line height, letter spacing, case, decoration, alignment, style runs). Elements
that paint nothing are not drawn. Then test/corpus/drawn.ts makes it look drawn (seeded, so regenerating gives
the same file): groups that cut across two sections, decorative shapes bleeding off the edges, full-bleed images
wider than the frame, rows of cards continued past the frame as carousels, the navigation drawn over the hero's
image, round photos as mask groups, one image rotated by π, buttons (and their text) as component instances.
Image bytes are small copies (≤ 480 px, JPEG q 0.55 or PNG) in \`images/<imageRef>.jpg|png\`, as \`--images\`
reads them.

The reference (\`<name>.reference.json\`): the original page measured at 390 and 768 px by the same sampler as
\`figment fidelity --widths\` — which texts it shows, and the order in which they read.

| file | origin | license | what it is |
|---|---|---|---|
${sites.map((r) => `| ${r.file} | ${r.origin} | ${r.license} (licenses/) | ${r.what} |`).join("\n")}

## Flattened real files
The real auto-layout fixtures of ../figma/ with every auto-layout field removed (test/corpus/flatten.ts): the same
boxes, absolutely placed. Their reference is their own auto layout, rendered (as the CLI writes it, with its fonts)
at 390 and 768 px: which texts it shows, and the order in which they read.

| file | origin | license | what it is |
|---|---|---|---|
${flat.map((r) => `| ${r.file} | ${r.origin} | as its source (../figma/licenses/) | ${r.what} |`).join("\n")}
`;
}

async function withBrowser<T>(fn: (browser: Awaited<ReturnType<typeof launchChromium>>) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const only = argValue("--only")?.split(",");
  const screens = argValue("--screens");
  if (screens) mkdirSync(screens, { recursive: true });
  mkdirSync(join(OUT, "licenses"), { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), "figment-corpus-"));
  const browser = await launchChromium();
  const rows: SourceRow[] = [];
  try {
    for (const site of SITES) {
      if (only && !only.includes(site.name)) continue;
      rows.push(await convertSite(site, tmp, browser, screens));
      copyFileSync(join(tmp, site.name, "package", "LICENSE"), join(OUT, "licenses", `${site.pkg}-LICENSE`));
    }
  } finally {
    await browser.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  const flat =
    !only || only.includes("flat")
      ? await withBrowser((browser) => flattenCorpusFrames(browser, join(ROOT, "test", "fixtures", "figma"), OUT))
      : [];
  if (!only) writeFileSync(join(OUT, "SOURCES.md"), sourcesMarkdown(rows, flat));
  else console.log("(--only: SOURCES.md not rewritten)");
}

await main();
