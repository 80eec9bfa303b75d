/**
 * What a recorded Responses API request (server.ts RecordedRequest) carries, read the way the tests read it: the
 * first input message's parts (its texts and pictures) and the system instructions.
 */
import type { RecordedRequest } from "./server.js";

/** One part of an input message: `input_text` (its text) or `input_image` (its data URL). */
export interface Content {
  type: string;
  text?: string;
  image_url?: string;
}

/** The first input message's parts. */
export const contentOf = (req: RecordedRequest): Content[] =>
  ((req.body as { input: { content: Content[] }[] }).input[0]?.content ?? []) as Content[];

/** The request's instructions (the system rule). */
export const instructionsOf = (req: RecordedRequest): string => (req.body as { instructions: string }).instructions;
