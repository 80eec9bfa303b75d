/**
 * One model request inside the codegen worker: the provider's client, the streamed turn, the project pass
 * and the repair round (ai/pipeline.ts). Loaded by the worker on the first model request only.
 */
import { generateModelCode } from "../../../ai/pipeline.js";
import { providerConfig } from "../../../ai/providers.js";
import { modelFailureReply } from "./model-failure.js";
import type { AiEvent, AiGenerateRequest, WorkerReply } from "../protocol/index.js";

export async function runModelJob(request: AiGenerateRequest, signal: AbortSignal, send: (event: AiEvent) => void): Promise<WorkerReply> {
  try {
    const config = providerConfig(request.settings, request.apiKey);
    const result = await generateModelCode(config, request.input, {
      signal,
      timeoutMs: request.timeoutMs,
      ...(request.refine ? { refine: request.refine } : {}),
      // The panel needs names, not contents: file contents stay in the worker until the result.
      onProgress: (event) => send({ type: "progress", event: event.type === "file" ? { ...event, content: "" } : event }),
      onStage: (stage) => send({ type: "stage", stage }),
    });
    return { id: request.id, ok: true, kind: "ai-generate", result };
  } catch (error) {
    return modelFailureReply(request.id, error);
  }
}
