/**
 * One model generation inside the worker: the provider's client, the streamed turn, the project pass and the
 * repair round (ai/code/pipeline.ts). Loaded by the worker on the first model request only.
 */
import { generateModelCode } from "../../../ai/code/pipeline.js";
import { providerConfig } from "../../../ai/client/providers.js";
import { finishPage } from "../../../ai/code/page.js";
import { compileTailwind } from "../../../codegen/preview/react-preview.js";
import type { ReplyOf, RequestOf } from "../protocol/index.js";
import type { JobContext } from "./job.js";
import { runSectionsJob } from "./sections-job.js";

export async function runModelJob(
  request: RequestOf<"ai-generate">,
  context: JobContext<"ai-generate">,
): Promise<ReplyOf<"ai-generate">> {
  const config = providerConfig(request.settings, request.apiKey);
  // A frame split into sections: one request each, then the page assembled.
  if (request.sections && !request.refine) return runSectionsJob(config, request, request.sections, context);
  const { signal, emit } = context;
  const result = await generateModelCode(config, request.input, {
    signal,
    timeoutMs: request.timeoutMs,
    ...(request.refine ? { refine: request.refine } : {}),
    // The panel needs names, not contents: file contents stay in the worker until the result.
    onProgress: (event) => emit({ type: "progress", event: event.type === "file" ? { ...event, content: "" } : event }),
    onStage: (stage) => emit({ type: "stage", stage }),
  });
  // A designed page: checked as a page (scripts stripped) and its Tailwind compiled into the stylesheet it links.
  if (request.input.page) return { result: { ...result, ...(await finishPage(result, compileTailwind)) } };
  return { result };
}
