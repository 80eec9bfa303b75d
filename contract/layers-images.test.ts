/**
 * inlineLayerImages with the panel's loader (data: and blob: URLs through the iframe's fetch; http: never asked):
 * a real photo of the corpus given as a blob: URL comes back a data: URL in its fill and image, an SVG `<img>` a
 * vector, an external URL stays as it was (the builder's placeholder and note). Node's fetch reads data: URLs;
 * a blob: URL is served by a stand-in, as the preview iframe's own `fetch` would.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bytesToBase64 } from "../kernel/base64.js";
import { inlineLayerImages, panelImageLoader, type FetchLike } from "./layers-images.js";
import type { LayerDocument, LayerNode } from "./layers.js";

const photo = new Uint8Array(readFileSync("test/fixtures/corpus/images/713598f33360c8f4e043d6b6cac23935363f122b.jpg"));
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>';

const image = (name: string, src: string): LayerNode => ({
  kind: "image",
  name,
  box: { x: 0, y: 0, w: 10, h: 10 },
  image: { src, scaleMode: "FILL" },
  fills: [{ type: "IMAGE", src, scaleMode: "FILL" }],
});

describe("inlineLayerImages with the panel's loader", () => {
  it("inlines blob: and data: images, makes SVG images vectors, leaves external ones, no network", async () => {
    const asked: string[] = [];
    const fetch: FetchLike = async (url) => {
      asked.push(url);
      if (url === "blob:null/photo")
        return {
          ok: true,
          headers: { get: () => "image/jpeg" },
          arrayBuffer: async () => photo.slice().buffer,
          text: async () => "",
        };
      return (await globalThis.fetch(url)) as unknown as Awaited<ReturnType<FetchLike>>;
    };
    const doc: LayerDocument = {
      name: "page",
      width: 100,
      elements: 4,
      truncated: false,
      notes: [],
      root: {
        kind: "frame",
        name: "body",
        box: { x: 0, y: 0, w: 100, h: 100 },
        children: [
          image("photo", "blob:null/photo"),
          image("icon", `data:image/svg+xml;base64,${bytesToBase64(new TextEncoder().encode(svg))}`),
          image("remote", "https://example.com/a.png"),
        ],
      },
    };
    const { document, inlined, vectors } = await inlineLayerImages(doc, panelImageLoader(fetch));
    const [p, icon, remote] = document.root.children!;
    expect(p!.image!.src).toBe(`data:image/jpeg;base64,${bytesToBase64(photo)}`);
    expect(p!.fills![0]).toMatchObject({ type: "IMAGE", src: p!.image!.src });
    expect(icon).toMatchObject({ kind: "vector", svg });
    expect(icon).not.toHaveProperty("image");
    expect(remote!.image!.src).toBe("https://example.com/a.png");
    expect({ inlined, vectors }).toEqual({ inlined: 1, vectors: 1 });
    expect(asked.some((u) => u.startsWith("http"))).toBe(false);
    expect(doc.root.children![0]!.image!.src).toBe("blob:null/photo");
  });
});
