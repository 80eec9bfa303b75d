// Deterministic embeddings for the OpenAI-wire test server: each input becomes a bag of its words, hashed into
// `dimensions` buckets (default 64) and normalised. Texts sharing words get close vectors, so a test can check
// that ranking by vector really follows the words (a frame is found by its own words, "like the selection"
// finds the frame itself first).
//
//   const srv = await startOpenAiServer(bagOfWordsEmbeddings);
import { embeddingsJson } from "./replies.js";
import type { ScriptedReply } from "./reply-types.js";

export const DEFAULT_TEST_DIMENSIONS = 64;

function bucket(word: string, dimensions: number): number {
  let h = 2166136261;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return (h >>> 0) % dimensions;
}

/** The vector the server gives a text. */
export function bagOfWordsVector(text: string, dimensions = DEFAULT_TEST_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) vector[bucket(word, dimensions)]! += 1;
  const norm = Math.hypot(...vector);
  // A text without words still gets a valid (non-zero) vector.
  if (norm === 0) vector[0] = 1;
  return vector.map((x) => x / (norm || 1));
}

/** A ScriptFn answering POST /v1/embeddings with bag-of-words vectors (one per input, `dimensions` honoured). */
export function bagOfWordsEmbeddings(req: { path: string; body: unknown }): ScriptedReply {
  if (!req.path.startsWith("/v1/embeddings"))
    return { kind: "error", status: 500, message: `openai-server: bagOfWordsEmbeddings has no answer for ${req.path}` };
  const body = (req.body ?? {}) as { input?: unknown; dimensions?: unknown; model?: unknown };
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  const dimensions = typeof body.dimensions === "number" ? body.dimensions : DEFAULT_TEST_DIMENSIONS;
  return embeddingsJson(
    inputs.map((input) => bagOfWordsVector(typeof input === "string" ? input : JSON.stringify(input), dimensions)),
    typeof body.model === "string" ? { model: body.model } : {},
  );
}
