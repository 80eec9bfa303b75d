/**
 * "Ask me first" inside the worker (issue 74): the clarify request (ai/code/clarify/ask.ts) for the prompt input the
 * generation will send. A failed call fails the job as a generation's would; questions that cannot be read come back
 * as `problem`, with none. Loaded by the worker on the first such request only.
 */
import { askQuestions } from "../../../ai/code/clarify/ask.js";
import { providerConfig } from "../../../ai/client/providers.js";
import type { ReplyOf, RequestOf } from "../protocol/index.js";
import type { JobContext } from "./job.js";

export async function runClarifyJob(
  request: RequestOf<"ai-clarify">,
  { signal }: JobContext<"ai-clarify">,
): Promise<ReplyOf<"ai-clarify">> {
  const config = providerConfig(request.settings, request.apiKey);
  return { reading: await askQuestions(config, request.input, { signal, timeoutMs: request.timeoutMs }) };
}
