/**
 * The repaint on its layer: fitted to the original's size (an answer of the same shape at another size scaled
 * back; another shape refused, the version kept), the bytes made ready for Figma (convert.ts), then
 * `repaint-image`, which swaps the layer's image (its crop kept) as one undo step; History learns where the
 * version went. Says what was done.
 */
import { keepInHistory } from "../../channel/history-client.js";
import type { MainRequests } from "../../channel/requests.js";
import { readyForCanvas, scaledPng } from "../convert.js";
import { recordOf } from "../record.js";
import type { ImageVersion } from "../versions.js";
import { repaintedText, repaintFit, type InpaintTarget } from "./inpaint-request.js";

export async function placeRepaint(
  requests: MainRequests,
  target: InpaintTarget,
  version: ImageVersion,
  original: ImageVersion,
): Promise<string> {
  if (!version.bytes) throw new Error("The repaint came back without its image.");
  const fitted = await fittedToLayer(version.bytes, version, target);
  const image = await readyForCanvas(fitted.bytes);
  const record = recordOf(version);
  const reply = await requests.call("repaint-image", { nodeId: target.nodeId, bytes: image.bytes, record });
  keepInHistory(requests, {
    kind: "image",
    id: record.versionId,
    placedAs: { nodeIds: reply.nodeIds.slice(0, 100), at: new Date().toISOString() },
  });
  return [repaintedText(target, version, original), ...fitted.notes, ...image.notes].join(" ");
}

/** The repaint at the layer's image size: as it came, scaled back (the same shape), or refused (another shape). */
async function fittedToLayer(
  bytes: Uint8Array,
  version: ImageVersion,
  target: InpaintTarget,
): Promise<{ bytes: Uint8Array; notes: string[] }> {
  const answer = { width: version.width, height: version.height };
  const fit = repaintFit(answer, target);
  if (fit === "as-is") return { bytes, notes: [] };
  if (fit === "refuse")
    throw new Error(
      `the model answered ${answer.width}×${answer.height} for a ` +
        `${target.width}×${target.height} original; that shape would distort the layer's image.`,
    );
  return {
    bytes: await scaledPng(bytes, target.width, target.height),
    notes: [`Scaled from ${answer.width}×${answer.height} to the original's ${target.width}×${target.height}.`],
  };
}
