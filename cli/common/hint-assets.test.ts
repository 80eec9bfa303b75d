import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DesignDocument } from "../../codegen/design/types.js";
import { plainFileName, readHintAssets, writeHintAssets, INDEX_FILE } from "./hint-assets.js";

const tmp = mkdtempSync(join(tmpdir(), "figment-hint-assets-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A 2×3 PNG's signature and IHDR: enough for the sniffer to read its size. */
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 2, 0, 0, 0, 3, 8, 6, 0,
  0, 0,
]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>';

const frame = {
  id: "1:1",
  name: "F",
  kind: "frame",
  x: 0,
  y: 0,
  w: 10,
  h: 10,
} as DesignDocument["frames"][number];
const tokens = { tokens: [], modes: [], nodes: {}, modeAttrs: {} };

function design(): DesignDocument {
  return {
    frames: [frame],
    assets: {
      "logo.svg": { kind: "svg", name: "logo.svg", svg: SVG },
      "box.svg": { kind: "svg", name: "box.svg", svg: SVG, placeholder: true },
      "hero.png": {
        kind: "image",
        name: "hero.png",
        imageRef: "abc",
        bytes: PNG,
        width: 2,
        height: 3,
      },
      "bare.png": { kind: "image", name: "bare.png", imageRef: "def" },
    },
    tokens: {
      ...tokens,
      tokens: [{ name: "brand" }],
    } as unknown as DesignDocument["tokens"],
  };
}

/** The document a hint gives: the same names, stand-ins in place of the content. */
function fromHint(names: string[]): DesignDocument {
  return {
    frames: [frame],
    assets: Object.fromEntries(
      names.map((name) => [
        name,
        name.endsWith(".svg")
          ? { kind: "svg", name, svg: "<svg/>", placeholder: true }
          : { kind: "image", name, imageRef: "" },
      ]),
    ) as DesignDocument["assets"],
  };
}

describe("a hint's assets folder", () => {
  it("holds what the design has and the hint does not, and gives it back in place of the stand-ins", async () => {
    const dir = join(tmp, "round-trip");
    expect(await writeHintAssets(design(), dir)).toEqual({
      svgs: 2,
      images: 1,
      tokens: true,
    });
    // A picture without its bytes has no file: the code draws a placeholder from the hint as from the design.
    expect(JSON.parse(readFileSync(join(dir, INDEX_FILE), "utf8"))).toMatchObject({
      files: ["logo.svg", "box.svg", "hero.png"],
      placeholders: ["box.svg"],
    });
    const read = await readHintAssets(fromHint(["logo.svg", "box.svg", "hero.png", "bare.png"]), dir);
    expect(read.problems).toEqual([]);
    expect(read.document.assets["logo.svg"]).toEqual({
      kind: "svg",
      name: "logo.svg",
      svg: SVG,
    });
    expect(read.document.assets["box.svg"]).toEqual({
      kind: "svg",
      name: "box.svg",
      svg: SVG,
      placeholder: true,
    });
    expect(read.document.assets["hero.png"]).toMatchObject({
      kind: "image",
      bytes: PNG,
      width: 2,
      height: 3,
    });
    expect(read.document.assets["bare.png"]).toEqual({
      kind: "image",
      name: "bare.png",
      imageRef: "",
    });
    expect(read.document.tokens).toEqual(design().tokens);
  });

  it("warns about each file the folder lacks, keeping the hint's stand-in", async () => {
    const dir = join(tmp, "lacking");
    await writeHintAssets(design(), dir);
    rmSync(join(dir, "logo.svg"));
    const read = await readHintAssets(fromHint(["logo.svg", "hero.png"]), dir);
    expect(read.problems).toEqual([
      expect.objectContaining({
        code: "missing-asset-file",
        message: expect.stringMatching(/has no logo\.svg/),
      }),
    ]);
    expect(read.document.assets["logo.svg"]).toMatchObject({
      placeholder: true,
      svg: "<svg/>",
    });
    // A folder made by hand (no index): every name it lacks is said.
    const bare = join(tmp, "by-hand");
    mkdirSync(bare);
    writeFileSync(join(bare, "logo.svg"), SVG);
    const byHand = await readHintAssets(fromHint(["logo.svg", "hero.png"]), bare);
    expect(byHand.problems.map((p) => p.message)).toEqual([expect.stringMatching(/has no hero\.png/)]);
    expect(byHand.document.assets["logo.svg"]).toEqual({
      kind: "svg",
      name: "logo.svg",
      svg: SVG,
    });
  });

  it("never reads outside the folder: a name with a folder part keeps its stand-in", async () => {
    const dir = join(tmp, "inside");
    mkdirSync(join(dir, "sub"), { recursive: true });
    writeFileSync(join(tmp, "outside.svg"), SVG);
    writeFileSync(join(dir, "sub", "nested.svg"), SVG);
    for (const name of ["../outside.svg", "sub/nested.svg", "..", "a\\b.svg", "c:d.svg"])
      expect(plainFileName(name), name).toBe(false);
    const read = await readHintAssets(fromHint(["../outside.svg", "sub/nested.svg"]), dir);
    expect(read.document.assets["../outside.svg"]).toMatchObject({
      placeholder: true,
    });
    expect(read.document.assets["sub/nested.svg"]).toMatchObject({
      placeholder: true,
    });
    expect(read.problems).toHaveLength(2);
    // And the writer writes no such name.
    const doc = design();
    doc.assets = {
      "../escape.svg": { kind: "svg", name: "../escape.svg", svg: SVG },
    };
    expect(await writeHintAssets(doc, join(tmp, "writer"))).toMatchObject({
      svgs: 0,
    });
  });

  it("refuses a file that is not what its name says, and an index that is not one, naming the file", async () => {
    const dir = join(tmp, "wrong");
    mkdirSync(dir);
    writeFileSync(join(dir, "logo.svg"), "not markup");
    writeFileSync(join(dir, "hero.png"), SVG);
    await expect(readHintAssets(fromHint(["logo.svg"]), dir)).rejects.toThrow(/logo\.svg is not an SVG file/);
    await expect(readHintAssets(fromHint(["hero.png"]), dir)).rejects.toThrow(
      /hero\.png is not a PNG, JPEG, GIF or WebP picture/,
    );
    writeFileSync(join(dir, INDEX_FILE), "{ broken");
    await expect(readHintAssets(fromHint([]), dir)).rejects.toThrow(/hint-assets\.json is not valid JSON/);
    writeFileSync(join(dir, INDEX_FILE), JSON.stringify({ files: "logo.svg", placeholders: [] }));
    await expect(readHintAssets(fromHint([]), dir)).rejects.toThrow(/is not the index figment hints --assets writes/);
    writeFileSync(join(dir, INDEX_FILE), JSON.stringify({ files: [], placeholders: [], tokens: { tokens: 1 } }));
    await expect(readHintAssets(fromHint([]), dir)).rejects.toThrow(/is not the index/);
  });
});
