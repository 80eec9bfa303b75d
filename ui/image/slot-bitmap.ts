/**
 * Decodes a streamed image for a slot of the panel: `createImageBitmap` (the browser's decoder, off the
 * calling thread where the browser can). Runs in the worker, so a partial image reaches the panel decoded and
 * its bytes are never copied across; `canDecode` is false where there is no decoder (Node, in tests), and the
 * bytes travel instead.
 */
import { imageInfo, MIME } from "../../ai/image/bytes.js";

export const canDecode = (): boolean => typeof createImageBitmap === "function" && typeof Blob === "function";

export function decodeForSlot(bytes: Uint8Array): Promise<ImageBitmap> {
  const format = imageInfo(bytes)?.format ?? "png";
  return createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME[format] }));
}
