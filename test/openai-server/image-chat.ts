/**
 * Chat completions with image output as OpenRouter answers them: the image as a data URL in
 * `message.images[]`, or streamed whole in one `delta.images[]` chunk, with the text (and `delta.reasoning`)
 * around it and the usage in the last chunk.
 */
import type { ChatCompletion, ChatCompletionChunk } from "openai/resources/chat/completions";
import { b64, CREATED, nextId, sse, usage, type Asked } from "./image-kit.js";
import type { ImageReplyOptions, ScriptedReply } from "./reply-types.js";

/** OpenRouter's image entry: `{ type: "image_url", image_url: { url } }` (plus `index` when streamed). */
type ImageEntry = { type: "image_url"; image_url: { url: string }; index?: number };

export function chatImageReply(a: Asked, o: ImageReplyOptions): ScriptedReply {
  const id = nextId("gen");
  const model = "openai/gpt-5.4-image-2";
  const text = (o.text ?? []).join("");
  const images: ImageEntry[] = o.noImage
    ? []
    : [{ type: "image_url", image_url: { url: `data:image/png;base64,${b64(a, o.seed ?? 1)}` } }];
  const used = usage(a);
  const tokens = {
    prompt_tokens: used.input_tokens,
    completion_tokens: used.output_tokens,
    total_tokens: used.total_tokens,
  };
  if (!a.stream) {
    // `images` and `reasoning` are OpenRouter's additions to the assistant message.
    const message = {
      role: "assistant" as const,
      content: text,
      refusal: null,
      ...(images.length ? { images } : {}),
      ...(o.reasoning ? { reasoning: o.reasoning.join("") } : {}),
    };
    const body: ChatCompletion = {
      id,
      object: "chat.completion",
      created: CREATED,
      model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: "stop" }],
      usage: tokens,
    };
    return { kind: "json", body, ...(o.headers ? { headers: o.headers } : {}) };
  }
  const common = { id, object: "chat.completion.chunk" as const, created: CREATED, model };
  const chunk = (delta: Record<string, unknown>, finish: "stop" | null = null): ChatCompletionChunk => ({
    ...common,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  const chunks: ChatCompletionChunk[] = [
    chunk({ role: "assistant", content: "" }),
    ...(o.reasoning ?? []).map((reasoning) => chunk({ content: "", reasoning })),
    ...(o.text ?? []).map((content) => chunk({ content })),
    ...(images.length ? [chunk({ content: "", images: images.map((image, index) => ({ ...image, index })) })] : []),
    chunk({}, "stop"),
    { ...common, choices: [], usage: tokens },
  ];
  return sse(chunks, o);
}
