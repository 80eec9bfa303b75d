/**
 * The steps the component framework emitters share (framework-steps.ts): the files around the components come in
 * one order in every target, the transitions' files only where the page transitions play some.
 */
import { describe, expect, it } from "vitest";
import { loadDesign } from "../index.js";
import { MOTION_FILE } from "../prototype/motion-design.js";
import { OVERLAYS_FILE } from "../prototype/overlay-design.js";
import { emitAngular } from "./angular/emit.js";
import { ASSET_DECLARATIONS, transitionFiles } from "./framework-steps.js";
import { emitReact } from "./react/emit.js";
import { emitSvelte } from "./svelte/emit.js";
import { emitVue } from "./vue/emit.js";

const motion = () => loadDesign(MOTION_FILE, ["3:1", "4:1", "5:1"]).document;
const overlays = () => loadDesign(OVERLAYS_FILE, [], {}, { topLevel: "frames" }).document;
const options = { styling: "css-modules", nodeIds: false } as const;
const EMITTERS = [
  ["react", emitReact],
  ["vue", emitVue],
  ["svelte", emitSvelte],
] as const;

/** The shared files' paths in the order a target wrote them (its components' and its router's left out). */
const shared = (paths: string[]): string[] =>
  paths.filter((p) => /^src\/(index\.ts|transitions\.(ts|css)|overlays\.css|global\.(css|d\.ts))$/.test(p));

describe("the files around the components", () => {
  for (const [target, emit] of EMITTERS) {
    it(`${target}: the entry, the transitions' files, src/global.css, in that order, with the page transitions`, () => {
      const paths = emit(motion(), options).files.map((f) => f.path);
      expect(shared(paths)).toEqual([
        "src/index.ts",
        "src/transitions.ts",
        "src/transitions.css",
        "src/global.css",
        "src/global.d.ts",
      ]);
      // The routes (the target's own) come between the entry and the transitions.
      expect(paths.indexOf("src/routes.ts")).toBeGreaterThan(paths.indexOf("src/index.ts"));
      expect(paths.indexOf("src/routes.ts")).toBeLessThan(paths.indexOf("src/transitions.ts"));
    });

    it(`${target}: the overlays' stylesheet before src/global.css, no transitions' files without transitions`, () => {
      const paths = emit(overlays(), options).files.map((f) => f.path);
      expect(shared(paths)).toEqual(["src/index.ts", "src/overlays.css", "src/global.css", "src/global.d.ts"]);
    });
  }

  it("Angular writes its transitions where its app reaches them, and no transitions' files without", () => {
    const paths = emitAngular(motion(), options).files.map((f) => f.path);
    expect(paths.filter((p) => p.includes("transitions"))).toEqual(["src/app/transitions.ts", "src/transitions.css"]);
    expect(transitionFiles(undefined, () => "x")).toEqual([]);
  });

  it("Vue and Svelte type their stylesheets' and images' imports alike", () => {
    for (const emit of [emitVue, emitSvelte]) {
      const declarations = emit(motion(), options).files.find((f) => f.path === "src/global.d.ts");
      expect(declarations?.content).toBe(ASSET_DECLARATIONS);
    }
    expect(ASSET_DECLARATIONS).toContain('declare module "*.webp" {');
  });
});
