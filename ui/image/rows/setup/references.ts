/**
 * Reference images for a run from the selection's PNG export: each selected layer once (by node id), at
 * most MAX_REFERENCES in all (what one image request takes), with a sentence saying what was left out. Pure.
 */
import { imageInfo } from "../../../../ai/image/bytes.js";
import { MAX_REFERENCES } from "../../../../ai/image/options.js";
import type { ExportedFrame } from "../../../../contract/messages.js";
import type { StyleReference } from "../plan.js";
import { agree, plural } from "../../../../kernel/plural.js";

export function addReferences(
  current: readonly StyleReference[],
  frames: readonly ExportedFrame[],
): { references: StyleReference[]; note: string | undefined } {
  const have = new Set(current.map((r) => r.nodeId));
  const fresh: StyleReference[] = [];
  for (const frame of frames) {
    if (!frame.png || have.has(frame.id)) continue;
    have.add(frame.id);
    const info = imageInfo(frame.png);
    fresh.push({
      nodeId: frame.id,
      name: frame.name,
      bytes: frame.png,
      width: info?.width ?? Math.round(frame.width * frame.scale),
      height: info?.height ?? Math.round(frame.height * frame.scale),
    });
  }
  const room = Math.max(0, MAX_REFERENCES - current.length);
  const left = fresh.length - room;
  const references = [...current, ...fresh.slice(0, room)];
  if (left <= 0)
    return {
      references,
      note: fresh.length === 0 && frames.length > 0 ? "The selected layers are references already." : undefined,
    };
  return {
    references,
    note:
      `Each request takes at most ${MAX_REFERENCES} reference images: ` +
      `${plural(left, "selected layer")} ${agree(left, "was", "were")} left out.`,
  };
}
