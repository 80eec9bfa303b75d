/**
 * Versions: every image a request brings back, with what made it (prompt, size, model, time, usage) and what a
 * refinement builds on. The full image lives in memory while the plugin is open; a small preview (≤ 256 px)
 * and the record are what the versions store keeps across reopening (stored.ts). Pure.
 */
import type { ImageApi, ImageQuality, ServedFormat } from "../../ai/image/options.js";
import type { SdRecord } from "../../contract/image.js";
import type { Provider } from "../../contract/settings.js";
import type { GeneratedImageData, ImageConversationData, ImageUsageData } from "../engine/protocol/image.js";

export interface ImageVersion {
  /** Unique and stable (the store's key). */
  id: string;
  /** 1-based, in the order made; shown as "v3". */
  n: number;
  /** The user's words for this request (for a refinement: what to change). */
  prompt: string;
  /** The version this one refines: its number and id. */
  parent?: number;
  parentId?: string;
  width: number;
  height: number;
  format: ServedFormat;
  quality: ImageQuality;
  /** The size asked for, as the APIs write it ("1536x1024" or "auto"). */
  size: string;
  provider: Provider;
  api: ImageApi;
  model: string;
  imageModel: string;
  createdAt: number;
  /** The image as served; absent for a version restored from the store (only its preview was kept). */
  bytes?: Uint8Array;
  /** A PNG of at most 256 px per side (made in the panel once the image is in). */
  preview?: Uint8Array;
  /**
   * The placed layer's own picture (exported when a relaunch button opened the panel on it): what a
   * refinement starts from when the full image is not in memory. Never placed again.
   */
  layerImage?: Uint8Array;
  /** What a refinement builds on: the Responses API's id, or the kept chat messages (in memory only). */
  conversation?: ImageConversationData;
  revisedPrompt?: string;
  /** The reasoning or message text that came with it. */
  text?: string;
  /** The whole request's usage and cost (shared by the images of one request), and its wall time. */
  usage?: ImageUsageData;
  costUsd?: number;
  ms?: number;
  /** How many images that request made, and which of them this is (0-based). */
  count: number;
  index: number;
  /** How many reference images went with the request. */
  references: number;
  /** Drawn by a local SD server: the seed of this image and the parameters ("Same seed" draws it again). */
  sd?: SdRecord;
}

export interface RunInfo {
  prompt: string;
  parent?: { n: number; id: string };
  quality: ImageQuality;
  size: string;
  provider: Provider;
  references: number;
  startedAt: number;
  finishedAt: number;
}

export interface RunResult {
  images: GeneratedImageData[];
  api: ImageApi;
  model: string;
  imageModel: string;
  conversation?: ImageConversationData;
  reasoning: string;
  message: string;
  usage?: ImageUsageData;
  costUsd?: number;
}

/**
 * The versions one request made, numbered after `existing`. The conversation of a request's images belongs to the
 * first.
 */
export function versionsFrom(result: RunResult, run: RunInfo, existing: readonly ImageVersion[]): ImageVersion[] {
  const first = existing.reduce((n, v) => Math.max(n, v.n), 0) + 1;
  const text = [result.reasoning, result.message].filter((t) => t.trim()).join("\n\n");
  return result.images.map((image, i) => ({
    id: `v${run.finishedAt.toString(36)}-${first + i}`,
    n: first + i,
    prompt: run.prompt,
    ...(run.parent ? { parent: run.parent.n, parentId: run.parent.id } : {}),
    width: image.width,
    height: image.height,
    format: image.format,
    quality: run.quality,
    size: run.size,
    provider: run.provider,
    api: result.api,
    model: result.model,
    imageModel: result.imageModel,
    createdAt: run.finishedAt,
    bytes: image.bytes,
    ...(i === 0 && result.conversation ? { conversation: result.conversation } : {}),
    ...(image.revisedPrompt ? { revisedPrompt: image.revisedPrompt } : {}),
    ...(text ? { text } : {}),
    ...(result.usage ? { usage: result.usage } : {}),
    ...(result.costUsd !== undefined ? { costUsd: result.costUsd } : {}),
    ms: run.finishedAt - run.startedAt,
    count: result.images.length,
    index: i,
    references: run.references,
  }));
}

/** What a refinement of `version` sends on `api`: its id or messages when they fit the API, and its image. */
/** The file extension of a version's picture as History keeps it: its served format, or the layer's PNG. */
function extensionOf(version: ImageVersion): string {
  if (version.bytes) return version.format === "jpeg" ? "jpg" : version.format;
  return version.layerImage ? "png" : "jpg";
}

export function refineFrom(
  version: ImageVersion,
  api: ImageApi,
): {
  previousResponseId?: string;
  messages?: NonNullable<ImageConversationData["messages"]>;
  image?: { bytes: Uint8Array; name: string };
} {
  const image = version.bytes ?? version.layerImage ?? version.preview;
  const previous =
    api === "responses" && version.api === "responses" ? version.conversation?.previousResponseId : undefined;
  const messages = api === "chat" && version.api === "chat" ? version.conversation?.messages : undefined;
  return {
    ...(previous ? { previousResponseId: previous } : {}),
    ...(messages ? { messages } : {}),
    ...(image
      ? {
          image: {
            bytes: image,
            name: `version-${version.n}.${extensionOf(version)}`,
          },
        }
      : {}),
  };
}

/** "v3 · 1536×1024 · gpt-image-2 · 14:02". */
export function versionLine(version: ImageVersion, now = Date.now()): string {
  const when = new Date(version.createdAt);
  const sameDay = new Date(now).toDateString() === when.toDateString();
  const time = when.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  const day = sameDay ? time : `${when.toLocaleDateString("en-GB", { day: "numeric", month: "short" })} ${time}`;
  return `v${version.n} · ${version.width}×${version.height} · ${version.imageModel} · ${day}`;
}
