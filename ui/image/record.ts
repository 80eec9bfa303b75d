/**
 * A version as the main thread keeps it: the record a placed layer carries in its pluginData (how it was
 * made, never a key) and the stored version (the record with a small preview) in the versions store; and
 * back from the store, or from a relaunched layer's record, into a version the strip can show. Pure.
 */
import { RECORD_LIMITS, type ImageRecord, type ImageVersion as StoredVersion } from "../../contract/image.js";
import type { ImageNode } from "../../contract/messages.js";
import { IMAGE_MODEL } from "../../ai/image/route.js";
import type { ImageVersion } from "./versions.js";

export type { StoredVersion };

const cut = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

export function recordOf(version: ImageVersion): ImageRecord {
  const responseId = version.conversation?.previousResponseId;
  return {
    versionId: version.id,
    createdAt: new Date(version.createdAt).toISOString(),
    prompt: cut(version.prompt, RECORD_LIMITS.prompt),
    ...(version.revisedPrompt ? { revisedPrompt: cut(version.revisedPrompt, RECORD_LIMITS.revisedPrompt) } : {}),
    model: cut(version.model, RECORD_LIMITS.model),
    provider: version.provider,
    api: version.api,
    size: version.size,
    quality: version.quality,
    background: "auto",
    format: "png",
    count: version.count,
    index: version.index,
    ...(responseId && responseId.length <= RECORD_LIMITS.responseId ? { responseId } : {}),
    ...(version.parentId ? { refinedFrom: version.parentId } : {}),
    ...(version.references > 0 ? { references: version.references } : {}),
    ...(version.sd
      ? {
          sd: {
            ...version.sd,
            ...(version.sd.negativePrompt
              ? { negativePrompt: cut(version.sd.negativePrompt, RECORD_LIMITS.prompt) }
              : {}),
          },
        }
      : {}),
  };
}

export function storedOf(
  version: ImageVersion,
  preview: { bytes: Uint8Array; width: number; height: number },
): StoredVersion {
  return {
    kind: "image",
    id: version.id,
    createdAt: new Date(version.createdAt).toISOString(),
    record: recordOf(version),
    preview,
    original: { width: version.width, height: version.height, bytes: version.bytes?.length ?? 0 },
  };
}

/** The number in "v12": the id's own when it has one (`…-12`), else `fallback`. */
function numberOf(id: string, fallback: number): number {
  const match = /-(\d{1,6})$/.exec(id);
  return match ? Number(match[1]) : fallback;
}

/** A version from its record alone (a relaunched layer whose preview is not stored): no pixels yet. */
export function fromRecord(record: ImageRecord, width: number, height: number, fallbackN: number): ImageVersion {
  return {
    id: record.versionId,
    n: numberOf(record.versionId, fallbackN),
    prompt: record.prompt,
    ...(record.refinedFrom ? { parentId: record.refinedFrom, parent: numberOf(record.refinedFrom, 0) } : {}),
    width,
    height,
    format: "png",
    quality: record.quality,
    size: record.size,
    provider: record.provider,
    api: record.api,
    model: record.model,
    imageModel: record.api === "chat" || record.sd ? record.model : IMAGE_MODEL,
    createdAt: Date.parse(record.createdAt),
    ...(record.responseId ? { conversation: { previousResponseId: record.responseId } } : {}),
    ...(record.revisedPrompt ? { revisedPrompt: record.revisedPrompt } : {}),
    count: record.count,
    index: record.index,
    references: record.references ?? 0,
    ...(record.sd ? { sd: record.sd } : {}),
  };
}

/** A stored version back in the strip: its preview, its record, the full image's size. */
export function fromStored(stored: StoredVersion, fallbackN: number): ImageVersion {
  return {
    ...fromRecord(stored.record, stored.original.width, stored.original.height, fallbackN),
    preview: stored.preview.bytes,
  };
}

/**
 * The version a relaunch button opened the panel for, numbered after `known` when its id has no number; its
 * size is the one asked for, or the layer's when the model picked it ("auto").
 */
export function fromNode(node: ImageNode, layer: { width: number; height: number }, known: number): ImageVersion {
  const asked = /^(\d+)x(\d+)$/.exec(node.record.size);
  return fromRecord(
    node.record,
    asked ? Number(asked[1]) : Math.round(layer.width),
    asked ? Number(asked[2]) : Math.round(layer.height),
    known + 1,
  );
}
