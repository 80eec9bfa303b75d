/**
 * Node-only helpers for the simulator: reading the real Figma files in test/fixtures/figma. The browser
 * harness fetches the same files itself and calls createFigmaSim directly.
 */
import { readFileSync } from "node:fs";
import { EVAL_FILES, fixturePath } from "../helpers/fixtures.js";
import { encodePng } from "../openai-server/png.js";
import { createFigmaSim, type FigmaSim, type FigmaSimOptions } from "./sim.js";

/** The parsed REST reply of a fixture, e.g. `figmasharp-login.file.json`. */
export function readFigmaFixture(name: string): unknown {
  return JSON.parse(readFileSync(fixturePath(name), "utf8")) as unknown;
}

/** A simulator over one fixture file. */
export function simFromFixture(name: string, options: Omit<FigmaSimOptions, "file"> = {}): FigmaSim {
  return createFigmaSim({ ...options, file: readFigmaFixture(name) });
}

/** The real Figma files the evaluation runs on (same list as test/helpers/fixtures.ts). */
export const FIGMA_FIXTURES: readonly string[] = EVAL_FILES;

/** Every image fill ref of a REST reply (`imageRef`), in document order, once each. */
export function imageRefsOf(file: unknown): string[] {
  return [...new Set([...JSON.stringify(file).matchAll(/"imageRef":"([^"]+)"/g)].map((m) => m[1]!))];
}

/**
 * Real, distinct PNGs for a fixture's image fills, keyed by imageRef (FigmaSimOptions.images): the fixtures
 * name Figma's hashes but carry no bytes. Sizes and colours differ per ref, so a byte-exact check means something.
 */
export function fixtureImages(name: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [i, ref] of imageRefsOf(readFigmaFixture(name)).entries())
    out[ref] = new Uint8Array(encodePng(96 + 16 * i, 64 + 8 * i, { seed: i + 1 }));
  return out;
}
