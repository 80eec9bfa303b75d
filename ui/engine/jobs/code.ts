/** The code room's jobs: the offline code generator, the model's design hint, the React preview page. */
import { generateCode, loadDesign, modelHint } from "../../../codegen/index.js";
import { buildReactPreview } from "../../../codegen/preview/react-preview.js";
import { previewRuntime } from "../../../codegen/preview/runtime-source.js";
import { asNodesReply } from "../protocol/index.js";
import type { Jobs } from "./job.js";

export const codeJobs: Jobs<"generate" | "hint" | "react-preview"> = {
  generate: async (request) => {
    const design = loadDesign(asNodesReply(request.exports), [], request.extras ?? {});
    const started = performance.now();
    const result = await generateCode(design.document, request.options);
    return { result: { files: result.files, problems: [...design.problems, ...result.problems] }, ms: performance.now() - started };
  },
  hint: async (request) => ({ hint: modelHint(loadDesign(asNodesReply(request.exports), [], request.extras ?? {}).document) }),
  "react-preview": async (request) => {
    const runtime = previewRuntime();
    if (!runtime) throw new Error("this build has no preview runtime");
    const preview = buildReactPreview(request.files, runtime);
    return { html: preview.html, problems: preview.problems };
  },
};
