/**
 * Node-only helpers for the simulator: reading the real Figma files in test/fixtures/figma. The browser
 * harness fetches the same files itself and calls createFigmaSim directly.
 */
import { readFileSync } from "node:fs";
import { EVAL_FILES, fixturePath } from "../helpers/fixtures.js";
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
