/**
 * The repaint on its layer: the bytes made ready for Figma (convert.ts), then `repaint-image`, which swaps the
 * layer's image (its crop kept) as one undo step; History learns where the version went. Says what was done.
 */
import { keepInHistory } from "../../channel/history-client.js";
import type { MainRequests } from "../../channel/requests.js";
import { readyForCanvas } from "../convert.js";
import { recordOf } from "../record.js";
import type { ImageVersion } from "../versions.js";
import { repaintedText, type InpaintTarget } from "./inpaint-request.js";

export async function placeRepaint(requests: MainRequests, target: InpaintTarget, version: ImageVersion, original: ImageVersion): Promise<string> {
  if (!version.bytes) throw new Error("The repaint came back without its image.");
  const image = await readyForCanvas(version.bytes);
  const record = recordOf(version);
  const reply = await requests.request("repaint-image", { nodeId: target.nodeId, bytes: image.bytes, record });
  keepInHistory(requests, { kind: "image", id: record.versionId, placedAs: { nodeIds: reply.nodeIds.slice(0, 100), at: new Date().toISOString() } });
  return [repaintedText(target, version, original), ...image.notes].join(" ");
}
