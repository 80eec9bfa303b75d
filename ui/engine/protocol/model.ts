/**
 * The model room for code: `ai-prepare` (the model prompt for one frame — hint, image, optional offline
 * draft — and its estimate; nothing is sent), `ai-generate` (one model generation or refinement through the
 * project pass and the repair round, streaming progress and stages) and `test-connection` (one
 * `GET {baseURL}/models` with this key, through the same client). Model structures built by ai/ in the
 * worker (prompt input, estimate, conversation, result) travel as checked objects whose inner shape ai/ owns.
 */
import type { Conversation } from "../../../ai/generate.js";
import type { Estimate } from "../../../ai/estimate.js";
import type { ModelCodeResult } from "../../../ai/pipeline.js";
import type { ProgressEvent } from "../../../ai/progress.js";
import type { PromptInput } from "../../../ai/prompt.js";
import { boolean, bytes, number, object, oneOf, opaque, optional, string } from "../../../contract/fields.js";
import { exportExtrasField, fetchedPricesField } from "../../../contract/messages.js";
import { codeOptionsField, exportsField } from "./code.js";
import { modelFields, type Room } from "./common.js";

const size = object({ width: number(), height: number() });
const promptInput = opaque<PromptInput>("a prompt input");

export const modelRoom = {
  requests: {
    "ai-prepare": {
      exports: exportsField,
      extras: optional(exportExtrasField),
      png: bytes(),
      options: codeOptionsField,
      model: string({ nonEmpty: true }),
      draft: boolean(),
      instructions: string(),
      /** Prices fetched from the endpoint's listing; they win over the built-in table in the estimate. */
      prices: optional(fetchedPricesField),
    },
    /** Provider, base URL and model in `settings`: the client is built in the worker so the SDK stays out of the panel. */
    "ai-generate": {
      ...modelFields,
      input: promptInput,
      refine: optional(object({ conversation: opaque<Conversation>("a conversation"), instructions: string({ nonEmpty: true }) })),
    },
    "test-connection": modelFields,
  },
  replies: {
    "ai-prepare": { input: promptInput, estimate: opaque<Estimate>("an estimate"), image: optional(size) },
    "ai-generate": { result: opaque<ModelCodeResult>("a model result") },
    /** The endpoint listed `models` models; `prices` when its listing carried them (OpenRouter's does). */
    "test-connection": { models: number({ min: 0 }), prices: optional(fetchedPricesField) },
  },
  events: {
    progress: { event: opaque<ProgressEvent>("a progress event") },
    stage: { stage: oneOf(["checking", "repairing"]) },
  },
  streams: { "ai-generate": ["progress", "stage"] },
  estimates: ["ai-prepare"],
} as const satisfies Room;
