import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { frame, picture, rect, text } from "../../test/helpers/layout-nodes.js";
import { loadDesign } from "../load.js";
import { layerClusters, matchLayers } from "./layer-match.js";
import type { DesignNode } from "./types.js";

const column = (id: string, children: DesignNode[], extra: Partial<DesignNode> = {}): DesignNode => ({
  id,
  name: id,
  kind: "frame",
  w: 300,
  h: 400,
  layout: { dir: "column", gap: 8, padding: [0, 0, 0, 0], justify: "start", align: "start" },
  children,
  ...extra,
});

describe("layers of two drawings of one page (issue 70)", () => {
  it("matches texts by their words, pictures by their image, in order, and containers by what they hold", () => {
    const desktop = frame(1440, 800, [
      column("d-hero", [
        text("d-title", 0, 0, 600, 60, "Fresh  flowers\nevery day"),
        picture("d-photo", 0, 80, 600, 400),
      ]),
      column("d-cards", [text("d-c1", 0, 0, 200, 20, "Card"), text("d-c2", 0, 0, 200, 20, "Card")]),
      text("d-links", 0, 0, 400, 20, "About Shop Contact"),
    ]);
    const phone = frame(
      375,
      1600,
      [
        rect("p-burger", 0, 0, 24, 24, { name: "Menu" }),
        column("p-hero", [
          picture("p-photo", 0, 0, 375, 300),
          text("p-title", 0, 320, 343, 80, "Fresh flowers every day"),
        ]),
        column("p-cards", [text("p-c1", 0, 0, 343, 20, "Card"), text("p-c2", 0, 0, 343, 20, "Card")]),
      ],
      { id: "2:2" },
    );
    const map = matchLayers(desktop, phone);
    expect(map.get("2:2")).toBe("1:1");
    expect(map.get("p-title")).toBe("d-title");
    expect(map.get("p-photo")).toBe("d-photo");
    expect([map.get("p-c1"), map.get("p-c2")]).toEqual(["d-c1", "d-c2"]);
    expect(map.get("p-hero")).toBe("d-hero");
    expect(map.get("p-cards")).toBe("d-cards");
    // Drawn on the phone only: no layer of the desktop's.
    expect(map.has("p-burger")).toBe(false);
  });

  it("does not take rows of four for rows of two", () => {
    const cards = (prefix: string, from: number, n: number) =>
      Array.from({ length: n }, (_, i) => text(`${prefix}${from + i}`, 0, 0, 100, 20, `Product ${from + i}`));
    const desktop = frame(1440, 800, [column("d-row1", cards("d", 1, 4)), column("d-row2", cards("d", 5, 4))]);
    const phone = frame(
      375,
      1600,
      [1, 3, 5, 7].map((i) => column(`p-row${i}`, cards("p", i, 2))),
      { id: "2:2" },
    );
    const map = matchLayers(desktop, phone);
    expect(map.get("p3")).toBe("d3");
    expect(map.has("p-row1")).toBe(false);
  });

  it("clusters a triple by the first drawing that has each layer", () => {
    const json = JSON.parse(readFileSync(new URL("../../test/fixtures/real/flora.file.json", import.meta.url), "utf8"));
    const ids = ["8211:116360", "8238:18854", "8238:19230"];
    const frames = loadDesign(json, ids).document.frames;
    const clusters = layerClusters(frames);
    const texts = (node: DesignNode, out: DesignNode[] = []): DesignNode[] => {
      if (node.text) out.push(node);
      for (const child of node.children ?? []) texts(child, out);
      return out;
    };
    const [desktop, tablet, phone] = frames.map((f) => texts(f));
    const desktopIds = new Set(desktop!.map((t) => t.id));
    // Every text the phone draws that the desktop draws too (by its words) is in a desktop layer's cluster.
    const words = (t: DesignNode) => t.text!.chars.toLowerCase().split(/\s+/).join(" ");
    const desktopWords = new Set(desktop!.map(words));
    for (const t of [...tablet!, ...phone!].filter((t) => desktopWords.has(words(t))))
      expect(desktopIds.has(clusters.get(t.id)!), t.text!.chars).toBe(true);
    expect(clusters.get(ids[2]!)).toBe(ids[0]);
  });
});
