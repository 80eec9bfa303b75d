// Deterministic captions for the OpenAI-wire test server: a vision request (Responses API or chat completions)
// carrying one picture gets a caption made from the picture itself — its pixel size and a word picked by a
// hash of its bytes — so a test can tell which picture a caption came from and that the picture was sent.
// `searchAiScript` answers embeddings too (bag of words, embeddings.ts): everything Search's model side asks.
//
//   const srv = await startOpenAiServer(captionReplies());
//   const srv = await startOpenAiServer(searchAiScript());
import { createHash } from "node:crypto";
import { bagOfWordsEmbeddings } from "./embeddings.js";
import { chatJson, responsesJson } from "./replies.js";
import type { ScriptedReply } from "./reply-types.js";

export const CAPTION_WORDS = [
  "map",
  "checkout",
  "profile",
  "onboarding",
  "dashboard",
  "gallery",
  "settings",
  "chat",
] as const;

export interface CaptionedPicture {
  width: number;
  height: number;
  bytes: Buffer;
}

/** The caption the server gives a picture (unless the test passes its own `captionFor`). */
export function defaultCaption(picture: CaptionedPicture): string {
  const word = CAPTION_WORDS[createHash("sha256").update(picture.bytes).digest()[0]! % CAPTION_WORDS.length]!;
  return `A ${word} screen, ${picture.width}×${picture.height} pixels, with a header and a list of items.`;
}

/** The data URLs of every image in a Responses or chat request body. */
export function imagesIn(body: unknown): string[] {
  const urls: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === "object" && value !== null) {
      const record = value as Record<string, unknown>;
      if (record["type"] === "input_image" && typeof record["image_url"] === "string") urls.push(record["image_url"]);
      else if (
        record["type"] === "image_url" &&
        typeof (record["image_url"] as { url?: unknown } | undefined)?.url === "string"
      )
        urls.push((record["image_url"] as { url: string }).url);
      else Object.values(record).forEach(walk);
    }
  };
  walk(body);
  return urls;
}

export function pictureOf(dataUrl: string): CaptionedPicture | undefined {
  const match = /^data:image\/png;base64,(.+)$/.exec(dataUrl);
  if (!match) return undefined;
  const bytes = Buffer.from(match[1]!, "base64");
  if (bytes.length < 24 || bytes.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes };
}

/** A ScriptFn answering one-picture vision requests with a caption (400 when the request holds no PNG). */
export function captionReplies(
  captionFor: (picture: CaptionedPicture) => string = defaultCaption,
): (req: { path: string; body: unknown }) => ScriptedReply {
  return (req) => {
    const chat = req.path.startsWith("/v1/chat/completions");
    if (!chat && !req.path.startsWith("/v1/responses"))
      return { kind: "error", status: 500, message: `openai-server: captionReplies has no answer for ${req.path}` };
    const pictures = imagesIn(req.body).map(pictureOf);
    const picture = pictures[0];
    if (pictures.length !== 1 || !picture)
      return {
        kind: "error",
        status: 400,
        message: `openai-server: a caption request needs exactly one PNG, got ${pictures.length}`,
      };
    const model = (req.body as { model?: unknown }).model;
    const text = captionFor(picture);
    const opts = typeof model === "string" ? { model } : {};
    return chat ? chatJson(text, opts) : responsesJson(text, opts);
  };
}

/** Captions and embeddings: everything Search's model side asks of the endpoint. */
export function searchAiScript(
  captionFor?: (picture: CaptionedPicture) => string,
): (req: { path: string; body: unknown }) => ScriptedReply {
  const captions = captionReplies(captionFor);
  return (req) => (req.path.startsWith("/v1/embeddings") ? bagOfWordsEmbeddings(req) : captions(req));
}
