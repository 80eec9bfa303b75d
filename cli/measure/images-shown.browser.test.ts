/**
 * Issue 72's "every given image fill shown", measured: a PNG per imageRef given as `--images` gives them, the frame's
 * code rendered in Chromium (HTML as written, every other target as its preview), and each image fill counted as
 * shown when the page draws its bytes. The image-filled mask (test/fixtures/image-mask) in every target; on every real
 * file with image fills, its frame with the most of them, HTML and React.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Target } from "../../codegen/targets.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { pngPerImageRef } from "../../test/helpers/given-images.js";
import { realFiles, topLevelFrames } from "../../test/helpers/real-files.js";
import { fixturesRoot } from "../../test/helpers/responsive-frames.js";
import { measureImagesShown as measure } from "./images-shown.js";

const MASK_DIR = join(fixturesRoot(), "image-mask");
const maskJson = JSON.parse(readFileSync(join(MASK_DIR, "psykolog-jenny-brush.nodes.json"), "utf8")) as unknown;
const maskImages = Object.fromEntries(
  readdirSync(join(MASK_DIR, "images")).map((name) => [
    name.replace(/\.png$/, ""),
    new Uint8Array(readFileSync(join(MASK_DIR, "images", name))),
  ]),
);

describe.runIf(runBrowser)("every given image fill is shown", () => {
  const browser = useBrowser();
  const targets: { target: Target; styling?: "tailwind" }[] = [
    { target: "html" },
    { target: "react" },
    { target: "react", styling: "tailwind" },
    { target: "vue" },
    { target: "svelte" },
    { target: "angular" },
    // A MaskedView whose mask element is the picture (codegen/emit/react-native/mask-picture.ts).
    { target: "react-native" },
  ];
  it.each(targets)("a picture mask's picture, $target $styling", async ({ target, styling }) => {
    const got = await measure(browser, maskJson, "6:0", maskImages, target, styling);
    expect(got.masksGiven).toBe(2);
    expect({ shown: got.shown, missing: got.missing }).toEqual({ shown: got.given, missing: [] });
  });

  // React Native has no container units: the masked pictures of a group that scales as a unit (psykolog-jenny's
  // photos in its ellipse) were drawn 0×0 when their insets were in them.
  it.each([{ name: "psykolog-jenny", id: "35:34", layers: ["35:37", "35:38"] }])(
    "React Native: the masked pictures in a group that scales, $name $id",
    async ({ name, id, layers }) => {
      const file = realFiles().find((f) => f.name.startsWith(name));
      if (!file) throw new Error(`no real file ${name}`);
      const got = await measure(browser, file.json, id, pngPerImageRef(file.json), "react-native");
      expect(got.given).toBeGreaterThan(0);
      expect(got.missing.filter((m) => layers.includes(m.nodeId))).toEqual([]);
    },
  );

  // A layer of two image fills, an instance's picture over its component's (fitma-shop's product image): React Native
  // drew neither when a background held two pictures.
  it("React Native: every picture of a layer with two, fitma-shop 0:746", async () => {
    const file = realFiles().find((f) => f.name.startsWith("fitma-shop"));
    if (!file) throw new Error("no real file fitma-shop");
    const got = await measure(browser, file.json, "0:746", pngPerImageRef(file.json), "react-native");
    expect(got.given).toBeGreaterThan(50);
    expect({ shown: got.shown, missing: got.missing }).toEqual({ shown: got.given, missing: [] });
  });

  const withImages = realFiles().flatMap((file) => {
    const images = pngPerImageRef(file.json);
    const frames = topLevelFrames(file)
      .filter((f) => !f.hidden)
      .map((f) => ({ frame: f, fills: Object.keys(pngPerImageRef(f.node)).length }))
      .filter((f) => f.fills > 0)
      .sort((a, b) => b.fills - a.fills);
    return frames.length === 0 ? [] : [{ name: file.name, json: file.json, id: frames[0]!.frame.id, images }];
  });
  it("the real files hold image fills", () => expect(withImages.length).toBeGreaterThanOrEqual(5));
  it.each(withImages.flatMap((f) => (["html", "react"] as const).map((target) => ({ ...f, target }))))(
    "$name $id, $target",
    async ({ json, id, images, target }) => {
      const got = await measure(browser, json, id, images, target);
      expect(got.given).toBeGreaterThan(0);
      expect({ shown: got.shown, missing: got.missing }).toEqual({ shown: got.given, missing: [] });
    },
  );
});
