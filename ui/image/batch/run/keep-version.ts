/**
 * Every batch result kept as the single images are (ui/image/version-store.ts): a ≤ 256 px preview with how
 * it was made, saved by the main thread in this file's image versions (History lists them), and — once
 * placed — which layers it became. A save the store refuses (full) is an answer, shown on the item's tile.
 */
import type { MainRequests } from "../../../channel/requests.js";
import { keepInHistory } from "../../../channel/history-client.js";
import { previewOf } from "../../convert.js";
import { storedOf } from "../../record.js";
import type { ImageVersion } from "../../versions.js";

/** Saves `version`; resolves with why it is not kept, or undefined when it is. */
export async function keepVersion(requests: MainRequests, version: ImageVersion): Promise<string | undefined> {
  if (!version.bytes) return "No image to keep.";
  try {
    const preview = await previewOf(version.bytes);
    await requests.request("save-image-version", { version: storedOf(version, preview) });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** History learns where the version was placed (its bytes are not stored again). */
export function notePlacement(requests: MainRequests, versionId: string, nodeIds: readonly string[]): void {
  keepInHistory(requests, { kind: "image", id: versionId, placedAs: { nodeIds: nodeIds.slice(0, 100), at: new Date().toISOString() } });
}
