/**
 * Request bodies for an analysis: the Responses API (OpenAI) or chat completions (OpenRouter, compatible
 * endpoints). The pictures first (A then B for Compare), then the data blocks and the task; the answer is
 * free Markdown text (no output schema), streamed. Pure data in, SDK params out.
 */
import type { ChatCompletionContentPart, ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import type { ResponseCreateParamsStreaming, ResponseInputContent } from "openai/resources/responses/responses";
import type { AnalyzeInput } from "./input.js";
import { analyzeInstructions, analyzeTexts } from "./prompt.js";

export interface AnalyzeRequestOptions {
  model: string;
  maxOutputTokens?: number;
}

const imagesOf = (input: AnalyzeInput) => input.frames.flatMap((f) => (f.image ? [f.image] : []));

export function analyzeResponsesRequest(
  input: AnalyzeInput,
  options: AnalyzeRequestOptions,
): ResponseCreateParamsStreaming {
  const images = imagesOf(input);
  const content: ResponseInputContent[] = [
    ...images.map(
      (image): ResponseInputContent => ({
        type: "input_image",
        image_url: image.dataUrl,
        detail: input.detail ?? "high",
      }),
    ),
    ...analyzeTexts(input).map((text): ResponseInputContent => ({ type: "input_text", text })),
  ];
  return {
    model: options.model,
    instructions: analyzeInstructions(input.task, images.length),
    input: [{ role: "user", content }],
    ...(options.maxOutputTokens ? { max_output_tokens: options.maxOutputTokens } : {}),
    stream: true,
  };
}

export function analyzeChatRequest(
  input: AnalyzeInput,
  options: AnalyzeRequestOptions,
): ChatCompletionCreateParamsStreaming {
  const images = imagesOf(input);
  const content: ChatCompletionContentPart[] = [
    ...images.map(
      (image): ChatCompletionContentPart => ({
        type: "image_url",
        image_url: { url: image.dataUrl, detail: input.detail ?? "high" },
      }),
    ),
    ...analyzeTexts(input).map((text): ChatCompletionContentPart => ({ type: "text", text })),
  ];
  return {
    model: options.model,
    messages: [
      { role: "system", content: analyzeInstructions(input.task, images.length) },
      { role: "user", content },
    ],
    ...(options.maxOutputTokens ? { max_completion_tokens: options.maxOutputTokens } : {}),
    stream: true,
    stream_options: { include_usage: true },
  };
}
