/**
 * What a frame's vector is made from, apart from the client (embeddings.ts) so the panel can size the
 * estimate without loading the SDK. Pure.
 */
import type { FrameDoc } from "../../codegen/search/frame-doc.js";

/** text-embedding-3 reads at most 8,192 tokens per input; 8,000 characters stays below that for any text. */
export const MAX_INPUT_CHARS = 8_000;

/** What a frame's vector is made from: the words a designer would search it by. */
export function frameEmbeddingText(doc: FrameDoc): string {
  const lines = [
    doc.name,
    doc.page ? `page: ${doc.page}` : "",
    doc.summary,
    doc.components.length ? `components: ${doc.components.join(", ")}` : "",
    ...doc.texts,
  ];
  return lines.filter(Boolean).join("\n").slice(0, MAX_INPUT_CHARS);
}

/**
 * The frame's text with the vision model's caption of its picture (when it has one). The caption goes first
 * after the name, so a long text cut at MAX_INPUT_CHARS never loses it.
 */
export function searchEmbeddingText(doc: FrameDoc, caption?: string): string {
  const text = frameEmbeddingText(doc);
  if (!caption?.trim()) return text;
  const [name, ...rest] = text.split("\n");
  return [name, `picture: ${caption.trim()}`, ...rest].join("\n").slice(0, MAX_INPUT_CHARS);
}
