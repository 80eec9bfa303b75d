/**
 * Dev Mode codegen time: the real dist/code.js in a Node vm context with the figma simulator in Dev Mode,
 * one `generate` call per top-level node of every eval file, first call (cache miss) and second (hit).
 * Figma gives the callback 15 s.
 */
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { createFigmaSim } from "../test/figma-sim/sim.js";
import type { EvalFile } from "./fixtures.js";

export interface DevModeTimes {
  calls: number;
  missMs: number[];
  hitMs: number[];
  slowest: { ms: number; label: string };
}

export async function benchDevMode(code: string, files: readonly EvalFile[]): Promise<DevModeTimes> {
  const times: DevModeTimes = { calls: 0, missMs: [], hitMs: [], slowest: { ms: 0, label: "" } };
  for (const file of files) {
    const sim = createFigmaSim({
      file: JSON.parse(file.text) as unknown,
      editorType: "dev",
      command: "",
      mode: "codegen",
    });
    const context = vm.createContext({ figma: sim.figma, __html__: sim.html, console, setTimeout, clearTimeout });
    vm.runInContext(code, context, { filename: "dist/code.js" });
    // Registration may finish after a microtask or two.
    for (let i = 0; i < 50 && sim.codegen.handlers("generate") === 0; i++) await new Promise((r) => setTimeout(r, 1));
    if (sim.codegen.handlers("generate") === 0)
      throw new Error("bench/plugin: dist/code.js registered no Dev Mode generate handler");
    for (const node of sim.topLevel()) {
      for (const language of ["react", "html"]) {
        const t0 = performance.now();
        await sim.codegen.generate(node, language);
        const miss = performance.now() - t0;
        const t1 = performance.now();
        await sim.codegen.generate(node, language);
        times.hitMs.push(performance.now() - t1);
        times.missMs.push(miss);
        times.calls++;
        if (miss > times.slowest.ms) times.slowest = { ms: miss, label: `${file.name} ${node.id} ${language}` };
      }
    }
  }
  return times;
}
