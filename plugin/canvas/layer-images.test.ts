/**
 * The page's own images in the layers (issue 51): `figment layers` reads every image beside the page (never the
 * network) into the description as a data: URL and writes the bytes beside the REST reply by imageRef, so a round
 * trip keeps them: sb-landing-page (corpus, with its real photos) → code → layers → code again has the same seven
 * image files, byte for byte (main: 0 of 7, imageRef was the page's URL and the second code drew placeholders).
 * An `<img>` of an SVG becomes a vector layer; the simulator then builds every image (createImage) with no
 * "did not load" placeholder (over-promo: main left 3 placeholders and notes).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { LayerNode } from "../../contract/layers.js";
import { buildLayers } from "./build-layers.js";
import { readFigmaFixture } from "../../test/figma-sim/node.js";
import { createFigmaSim, installFigmaSim } from "../../test/figma-sim/sim.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { captureIo } from "../../test/helpers/fixtures.js";
import { tempDirs } from "../../test/helpers/temp-dirs.js";
import { readPage } from "../../cli/layers/read-page.js";
import { run } from "../../cli/run.js";

const tempDir = tempDirs("figment-layers-images-");
const all = (n: LayerNode): LayerNode[] => [n, ...(n.children ?? []).flatMap(all)];
const md5s = (dir: string): string[] =>
  readdirSync(dir)
    .map((f) =>
      createHash("md5")
        .update(readFileSync(join(dir, f)))
        .digest("hex"),
    )
    .sort();

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe.runIf(runBrowser)("figment layers keeps the page's images", () => {
  const browser = useBrowser();

  it("sb-landing-page: design → code → layers → code has the design's images, byte for byte", async () => {
    const dir = tempDir();
    const images = "test/fixtures/corpus/images";
    const design = "test/fixtures/corpus/sb-landing-page.nodes.json";
    const io = captureIo();
    const code = ["code", design, "--target", "html", "--node-ids", "--images", images, "--out", join(dir, "code")];
    expect(await run(code, io), io.stderr()).toBe(0);
    const layers = captureIo();
    const out = join(dir, "layers.json");
    expect(await run(["layers", join(dir, "code"), "--width", "1440", "--out", out], layers), layers.stderr()).toBe(0);
    expect(layers.stdout()).toMatch(/wrote 7 images to .*layers-images/);
    const again = captureIo();
    const back = ["code", out, "--target", "html", "--images", join(dir, "layers-images"), "--out", join(dir, "back")];
    expect(await run(back, again), again.stderr()).toBe(0);
    expect(again.stderr()).not.toMatch(/no file for image fill/);
    expect(md5s(join(dir, "back", "assets"))).toEqual(md5s(join(dir, "code", "assets")));
    // The plugin's builder places each photo as an image fill (createImage), none a grey placeholder.
    const [page] = await readPage(browser, join(dir, "code", "index.html"), [1440]);
    const sim = createFigmaSim({ file: readFigmaFixture("../corpus/sb-landing-page.nodes.json") });
    restore = installFigmaSim(sim);
    const built = await buildLayers(page!.document);
    expect(built.notes.filter((n) => /did not load|could not be placed/.test(n))).toEqual([]);
    expect(new Set(sim.record.images.map((i) => i.hash)).size).toBe(7);
  });

  it("over-promo: SVG images become vectors (createNodeFromSvg), none a grey placeholder", async () => {
    const dir = tempDir();
    const design = "test/fixtures/real/over-promo.nodes.json";
    const io = captureIo();
    expect(await run(["code", design, "--target", "html", "--node-ids", "--out", join(dir, "code")], io)).toBe(0);
    const [page] = await readPage(browser, join(dir, "code", "index.html"), [1440]);
    const doc = page!.document;
    const layers = all(doc.root);
    const images = layers.filter((l) => l.kind === "image");
    const svgs = readFileSync(join(dir, "code", "index.html"), "utf8").match(/<img\s[^>]*src="[^"]*\.svg"/g) ?? [];
    expect(svgs.length).toBeGreaterThan(0);
    expect(layers.filter((l) => l.kind === "vector" && l.tag === "img")).toHaveLength(svgs.length);
    for (const l of images) expect(l.image?.src.startsWith("data:"), l.name).toBe(true);
    const sim = createFigmaSim({ file: readFigmaFixture("../real/over-promo.nodes.json") });
    restore = installFigmaSim(sim);
    const built = await buildLayers(doc);
    expect(built.notes.filter((n) => /did not load|could not be placed/.test(n))).toEqual([]);
  });
});
