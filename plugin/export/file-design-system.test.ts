/**
 * "Design from a prompt"'s file design system on the simulated figma global, through the panel's request: every local
 * variable of the login file (its frame binds fewer) with its collections, whatever is selected; and the fonts of a
 * real designer's page (tnt-website's text layers, drawn with createText: the simulator gives fixture text no
 * fontName), most used first.
 */
import { afterEach, describe, expect, it } from "vitest";
import { sendToMain, waitForUi } from "../../test/figma-sim/index.js";
import { readFigmaFixture, simFromFixture } from "../../test/figma-sim/node.js";
import { createFigmaSim, installFigmaSim, type Json } from "../../test/figma-sim/sim.js";
import { loginVariables, loginWithBindings } from "../../test/helpers/token-fixtures.js";
import { start } from "../start.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe("read-design-system", () => {
  it("reads every local variable and its collections with nothing selected, and the page's fonts", async () => {
    const sim = createFigmaSim({
      file: loginWithBindings(),
      selectIds: [],
      command: "code",
      variables: loginVariables(),
    });
    restore = installFigmaSim(sim);
    await start();
    await waitForUi(sim, "init");
    await sendToMain(sim, "read-design-system", { requestId: "d1" });
    const reply = await waitForUi(sim, "design-system");
    expect(Object.keys(reply.variables?.variables ?? {})).toHaveLength(16);
    const collections = Object.values(reply.variables?.variableCollections ?? {});
    expect(collections.map((c) => c.name)).toEqual(["Primitives", "Theme", "Typography"]);
    expect(reply.fonts).toEqual([]); // the fixture's text has no fontName in the simulator
    expect(reply.texts).toBeGreaterThan(0);
  });

  it("lists a real page's font families most used first, with no variables when the file has none", async () => {
    const file = readFigmaFixture("../real/tnt-website.file.json") as Json;
    const families: string[] = [];
    const walk = (node: Json): void => {
      const style = node["style"] as { fontFamily?: string } | undefined;
      if (node["type"] === "TEXT" && style?.fontFamily) families.push(style.fontFamily);
      for (const child of (node["children"] as Json[] | undefined) ?? []) walk(child);
    };
    // The current page's (the first): the other pages are not loaded, and not read.
    walk(((file["document"] as Json)["children"] as Json[])[0]!);
    const counts = new Map<string, number>();
    for (const f of families) counts.set(f, (counts.get(f) ?? 0) + 1);
    const sim = simFromFixture("../real/tnt-website.file.json", { command: "code" });
    restore = installFigmaSim(sim);
    await start();
    await waitForUi(sim, "init");
    const figma = (globalThis as unknown as { figma: PluginAPI }).figma;
    for (const family of families) {
      await figma.loadFontAsync({ family, style: "Regular" });
      const text = figma.createText();
      text.fontName = { family, style: "Regular" };
      text.characters = family;
    }
    await sendToMain(sim, "read-design-system", { requestId: "d2" });
    const reply = await waitForUi(sim, "design-system");
    expect(reply.variables).toBeUndefined();
    expect(counts.get("Inter")).toBe(148);
    // Most used first; a tie by name.
    expect(reply.fonts).toEqual([
      "Inter",
      "Inria Serif",
      "Barlow",
      "Baloo Bhai",
      "IM FELL French Canon SC",
      "Plus Jakarta Sans",
      "Italiana",
    ]);
    // The page's own text layers (no fontName in the simulator) and the ones drawn here.
    expect(reply.texts).toBe(2 * families.length);
  });
});
