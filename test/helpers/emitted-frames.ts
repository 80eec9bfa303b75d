/**
 * The emitters' own files for every frame of every real Figma file (test/fixtures/figma), alone, for each output the
 * offline pipeline writes: what codegen/index.ts generateCode formats, before formatting. The tests that let it skip
 * the project pass (codegen/project/emitted.test.ts) and that hold the wasm formatters to prettier's output but for the
 * listed choices (codegen/format/web-fmt.test.ts) read them.
 */
import { emitFiles, loadDesign, type CodeOptions } from "../../codegen/index.js";
import { readRestReply } from "../../codegen/rest/reply.js";
import type { SourceFile } from "../../codegen/types.js";
import { EVAL_FILES, readFixture } from "./fixtures.js";

/** The outputs the offline pipeline writes (React with either styling, HTML), without the layers' ids. */
export const EMITTER_OUTPUTS: readonly CodeOptions[] = [
  { target: "react", styling: "css-modules", nodeIds: false },
  { target: "react", styling: "tailwind", nodeIds: false },
  { target: "html", styling: "css-modules", nodeIds: false },
];

/** The same with the layers' ids (`data-node-id` on every element that draws a layer). */
export const WITH_NODE_IDS: readonly CodeOptions[] = EMITTER_OUTPUTS.map((options) => ({ ...options, nodeIds: true }));

export interface EmittedFrame {
  /** e.g. `figmasharp-login.file.json 1:2 react/tailwind`. */
  label: string;
  files: SourceFile[];
}

/** Every fixture frame × `outputs`, in file order; a frame the loader refuses (empty) is left out. */
export function emittedFrames(outputs: readonly CodeOptions[] = EMITTER_OUTPUTS): EmittedFrame[] {
  const out: EmittedFrame[] = [];
  for (const name of EVAL_FILES) {
    const json = readFixture(name);
    for (const root of readRestReply(json).roots) {
      let document: ReturnType<typeof loadDesign>["document"];
      try {
        document = loadDesign(json, [root.id]).document;
      } catch {
        continue;
      }
      for (const options of outputs) {
        const label = `${name} ${root.id} ${options.target}/${options.styling}${options.nodeIds ? " +nodeIds" : ""}`;
        out.push({ label, files: emitFiles(document, options).files });
      }
    }
  }
  return out;
}
