/**
 * Insert / Fill selection / Replace for a version: the bytes made ready for Figma in the panel (WebP → PNG,
 * > 4096 px scaled down, each with a note), then one request to the main thread, which makes it one undo
 * step and leaves nothing behind when it refuses. `canvasBlockers` says why an action is off (pure).
 */
import { useCallback, useState } from "preact/hooks";
import { keepInHistory } from "../channel/history-client.js";
import type { FillMode } from "../../contract/image.js";
import { CREATE_IMAGE_MAX_SIDE } from "../../contract/limits.js";
import type { SelectedNode, SelectionSummary } from "../../contract/messages.js";
import type { MainRequests } from "../channel/requests.js";
import { readyForCanvas } from "./convert.js";
import { recordOf } from "./record.js";
import type { ImageVersion } from "./versions.js";
import { plural } from "../../kernel/plural.js";

/** `beside`: a render, placed beside the frame it renders at that frame's size. */
export type CanvasAction =
  | { kind: "insert"; into: boolean; beside?: Pick<SelectedNode, "id" | "name" | "width" | "height"> }
  | { kind: "fill"; mode: FillMode }
  | { kind: "replace"; nodeId: string };

export interface CanvasBlockers {
  insert?: string;
  fill?: string;
  replace?: string;
}

/** The selected layer Replace would swap (a layer Figment made), if exactly one is selected. */
export function replaceTarget(selection: SelectionSummary): { id: string; versionId: string } | undefined {
  const images = selection.nodes.filter((n) => n.image);
  return selection.nodes.length === 1 && images[0]?.image
    ? { id: images[0].id, versionId: images[0].image.versionId }
    : undefined;
}

/** The one selected frame Insert can place the image into, if any. */
export function frameTarget(selection: SelectionSummary): { id: string; name: string } | undefined {
  const only = selection.nodes.length === 1 ? selection.nodes[0] : undefined;
  return only && ["FRAME", "COMPONENT", "SECTION"].includes(only.type) ? { id: only.id, name: only.name } : undefined;
}

export function canvasBlockers(version: ImageVersion, selection: SelectionSummary, editorType: string): CanvasBlockers {
  if (editorType === "dev")
    return { insert: "Dev Mode is read-only", fill: "Dev Mode is read-only", replace: "Dev Mode is read-only" };
  if (!version.bytes) {
    const why = version.layerImage
      ? "This image is on the canvas already: refine it to make a new version"
      : "Only the preview of this version was kept: refine or regenerate it to place it";
    return { insert: why, fill: why, replace: why };
  }
  const target = replaceTarget(selection);
  return {
    ...(selection.nodes.length === 0 ? { fill: "Select the shapes to fill first" } : {}),
    ...(!target
      ? { replace: "Select one image Figment made to replace it" }
      : target.versionId === version.id
        ? { replace: "The selected image is this version already" }
        : {}),
  };
}

/**
 * The layer's size: the image's own, or a render's frame's (whole pixels; a frame past Figma's image side scaled to
 * it).
 */
export function layerSize(
  image: { width: number; height: number },
  frame: { width: number; height: number } | undefined,
): { width: number; height: number } {
  if (!frame) return { width: image.width, height: image.height };
  const scale = Math.min(1, CREATE_IMAGE_MAX_SIDE / Math.max(frame.width, frame.height));
  return { width: Math.max(1, Math.round(frame.width * scale)), height: Math.max(1, Math.round(frame.height * scale)) };
}

/**
 * One placement, timed (epoch ms): started, bytes ready (converted if needed), sent, answered. The bench reads them.
 */
export interface PlaceRecord {
  kind: CanvasAction["kind"];
  bytes: number;
  converted: boolean;
  startedAt: number;
  sentAt: number;
  placedAt: number;
}
export const placeStats: PlaceRecord[] = [];
const epoch = (): number => performance.timeOrigin + performance.now();

export interface CanvasActions {
  /** The action under way, if any. */
  busy: CanvasAction["kind"] | undefined;
  run(version: ImageVersion, action: CanvasAction): void;
}

/** `report`: a confirmation (toast) or an error (banner), in words for the designer. */
export function useCanvasActions(
  requests: MainRequests,
  report: (text: string, tone: "info" | "error") => void,
): CanvasActions {
  const [busy, setBusy] = useState<CanvasAction["kind"] | undefined>(undefined);
  const run = useCallback(
    (version: ImageVersion, action: CanvasAction) => {
      if (!version.bytes || busy) return;
      const bytes = version.bytes;
      setBusy(action.kind);
      (async () => {
        const startedAt = epoch();
        const image = await readyForCanvas(bytes);
        const record = recordOf(version);
        const sentAt = epoch();
        const reply =
          action.kind === "insert"
            ? await requests.call("insert-image", {
                bytes: image.bytes,
                ...layerSize(image, action.beside),
                record,
                ...(action.into ? { placement: "into" as const } : {}),
                ...(action.beside ? { besideId: action.beside.id } : {}),
              })
            : action.kind === "fill"
              ? await requests.call("fill-selection", { bytes: image.bytes, scaleMode: action.mode, record })
              : await requests.call("replace-image", { nodeId: action.nodeId, bytes: image.bytes, record });
        placeStats.push({
          kind: action.kind,
          bytes: image.bytes.length,
          converted: image.notes.length > 0,
          startedAt,
          sentAt,
          placedAt: epoch(),
        });
        if (placeStats.length > 100) placeStats.shift();
        const done =
          action.kind === "insert"
            ? action.beside
              ? `Placed v${version.n} beside “${action.beside.name}”`
              : `Inserted v${version.n}`
            : action.kind === "fill"
              ? `Filled ${plural(reply.nodeIds.length, "layer")} with v${version.n}`
              : `Replaced the image with v${version.n}`;
        report([`${done}.`, ...image.notes, ...(reply.note ? [reply.note] : [])].join(" "), "info");
        // History: the stored version learns which layers it was placed as (its bytes are not stored again).
        keepInHistory(requests, {
          kind: "image",
          id: record.versionId,
          placedAs: { nodeIds: reply.nodeIds.slice(0, 100), at: new Date().toISOString() },
        });
      })()
        .catch((error: unknown) =>
          report(
            `Could not ${action.kind === "fill" ? "fill the selection" : action.kind} ` +
              `v${version.n}: ${error instanceof Error ? error.message : String(error)}`,
            "error",
          ),
        )
        .finally(() => setBusy(undefined));
    },
    [requests, report, busy],
  );
  return { busy, run };
}
