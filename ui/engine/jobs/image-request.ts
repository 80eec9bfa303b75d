/** The image request as it crossed the worker boundary (protocol/image.ts), back into ai/'s words. Pure. */
import type { ImageConversation, ImageRequest } from "../../../ai/image/options.js";
import type { ImageConversationData, ImageRequestData } from "../protocol/image.js";

function conversationOf(data: ImageConversationData | undefined): ImageConversation | undefined {
  if (data?.previousResponseId) return { kind: "responses", previousResponseId: data.previousResponseId };
  if (data?.messages) return { kind: "chat", messages: data.messages };
  return undefined;
}

export function toImageRequest(data: ImageRequestData, designHint?: string): ImageRequest {
  const conversation = conversationOf(data.refine);
  const hint = designHint ?? data.designHint;
  return {
    prompt: data.prompt,
    size: data.size,
    quality: data.quality,
    ...(data.background ? { background: data.background } : {}),
    ...(data.format ? { format: data.format } : {}),
    count: data.count,
    partials: data.partials,
    references: data.references.map((r) => ({ bytes: r.bytes, ...(r.name ? { name: r.name } : {}) })),
    ...(hint ? { designHint: hint } : {}),
    ...(data.keepComposition ? { keepComposition: true } : {}),
    ...(data.mask ? { mask: { width: data.mask.width, height: data.mask.height, coverage: data.mask.coverage } } : {}),
    ...(data.refine
      ? {
          refine: {
            ...(conversation ? { conversation } : {}),
            ...(data.refine.image
              ? {
                  image: {
                    bytes: data.refine.image.bytes,
                    ...(data.refine.image.name ? { name: data.refine.image.name } : {}),
                  },
                }
              : {}),
          },
        }
      : {}),
  };
}

/** A result's conversation as data for the panel (and the next request). */
export function conversationData(conversation: ImageConversation | undefined): ImageConversationData | undefined {
  if (!conversation) return undefined;
  return conversation.kind === "responses"
    ? { previousResponseId: conversation.previousResponseId }
    : { messages: conversation.messages };
}
