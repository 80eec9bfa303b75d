/** A fixture frame's code in a target, with layer ids (as the score generates it), and the frame's REST node. */
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import { loadDesign } from "../../codegen/index.js";
import type { Target } from "../../codegen/targets.js";
import type { SourceFile } from "../../codegen/types.js";
import { readFixture } from "./fixtures.js";
import { cachedGenerateCode } from "./run-cache.js";

export async function frameCode(
  file: string,
  id: string,
  target: Target,
  styling: "css-modules" | "tailwind" = "css-modules",
): Promise<{ frame: RestNode; files: SourceFile[] }> {
  const design = loadDesign(readFixture(file), [id]);
  const code = await cachedGenerateCode(design.document, { target, styling, nodeIds: true });
  return { frame: design.roots[0] as unknown as RestNode, files: code.files };
}
