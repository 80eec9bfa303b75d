/**
 * Why codegen/index.ts generateCode may skip the project pass when no team components are mapped: on the emitters'
 * own files it repairs nothing and finds nothing. Every fixture frame, every output with and without the layers' ids:
 * the same files back, no problem.
 */
import { describe, expect, it } from "vitest";
import { EMITTER_OUTPUTS, emittedFrames, WITH_NODE_IDS } from "../../test/helpers/emitted-frames.js";
import { checkProject } from "./index";

describe("the project pass on the emitters' own files", () => {
  it("returns every fixture frame's files unchanged, with no problem", () => {
    const frames = emittedFrames([...EMITTER_OUTPUTS, ...WITH_NODE_IDS]);
    expect(frames.length).toBeGreaterThan(200);
    const changed: string[] = [];
    for (const { label, files } of frames) {
      const checked = checkProject(files);
      if (checked.problems.length > 0)
        changed.push(`${label}: ${checked.problems.map((p) => `${p.code} ${p.file ?? ""}: ${p.message}`).join("; ")}`);
      else if (
        checked.files.length !== files.length ||
        checked.files.some((file, i) => file.path !== files[i]!.path || file.content !== files[i]!.content)
      ) {
        changed.push(`${label}: files changed`);
      }
    }
    expect(changed).toEqual([]);
  });
});
