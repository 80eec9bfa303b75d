/**
 * Everything the Generate image panel keeps at the app level, so it survives switching panels: the job
 * (form, request, versions), the versions store, the canvas actions, and what a relaunch button ("Refine
 * image", "Regenerate image" on a layer Figment made) opens the panel for.
 */
import { useCallback, useRef, useState } from "preact/hooks";
import { imageInfo } from "../../ai/image/bytes.js";
import { parseSize } from "../../ai/image/options.js";
import type { ImageNode, SelectionSummary } from "../../contract/messages.js";
import type { PanelServices } from "../parts/part-props.js";
import { useCanvasActions, type CanvasActions } from "./canvas-actions.js";
import { DEFAULT_FORM } from "./form.js";
import { useImageJob, type ImageJob } from "./image-job.js";
import { fromNode } from "./record.js";
import { useVersionStore, type VersionStore } from "./version-store.js";
import type { ImageVersion } from "./versions.js";

export interface ImageSession {
  job: ImageJob;
  store: VersionStore;
  canvas: CanvasActions;
  /** Bumped when a relaunch asks to refine: the panel focuses the Refine box. */
  refineFocus: number;
  /** Opens the panel on a layer Figment made (init.imageNode, with init's selection, which holds the layer). */
  openNode(node: ImageNode, selection: SelectionSummary): void;
  /**
   * Shows a stored version with the Refine box focused (History's "Refine"); false when this file has no such version.
   */
  openVersion(versionId: string): Promise<boolean>;
}

export interface ImageSessionDeps extends PanelServices {
  report(text: string, tone: "info" | "error"): void;
}

export function useImageSession(deps: ImageSessionDeps): ImageSession {
  const { requests } = deps;
  const keep = useRef<(versions: ImageVersion[]) => Promise<void>>(() => Promise.resolve());
  const saved = useRef<Promise<void>>(Promise.resolve());
  const place = useRef<CanvasActions["run"]>(() => undefined);
  // A render goes beside its frame at the frame's size, as Insert places any version: once the version is stored,
  // so that History can note where it was placed.
  const job = useImageJob({
    ...deps,
    onVersions: (versions) => void (saved.current = keep.current(versions)),
    onRendered: (version, frame) =>
      void saved.current.then(() => place.current(version, { kind: "insert", into: false, beside: frame })),
    saved: () => saved.current,
  });
  const store = useVersionStore(requests, job.versions);
  keep.current = store.keep;
  const canvas = useCanvasActions(requests, deps.report);
  place.current = canvas.run;
  const [refineFocus, setRefineFocus] = useState(0);

  const openNode = useCallback(
    (node: ImageNode, selection: SelectionSummary) => {
      void (async () => {
        const stored = await store.load();
        const layer = selection.nodes.find((n) => n.id === node.nodeId);
        let version = stored.find((v) => v.id === node.record.versionId);
        if (!version) {
          version = fromNode(node, { width: layer?.width ?? 1024, height: layer?.height ?? 1024 }, stored.length);
          job.versions.add([version]);
        } else job.versions.select(version.id);
        // The same route as the image was made by: the Responses API's id needs "Reason first".
        const reasonFirst = node.record.api === "responses";
        if (node.action === "regenerate") {
          const size = parseSize(node.record.size);
          const form = {
            ...DEFAULT_FORM,
            prompt: node.record.prompt,
            quality: node.record.quality,
            reasonFirst,
            ...(size && size !== "auto"
              ? { sizeKey: "custom" as const, customWidth: String(size.width), customHeight: String(size.height) }
              : { sizeKey: "auto" as const }),
          };
          job.setForm(form);
          return job.start(form);
        }
        job.setForm({ reasonFirst });
        setRefineFocus((n) => n + 1);
        // The layer holds the full image: its PNG is what a refinement starts from (the record may have no id to build
        // on).
        const { frames } = await requests.call("export-selection", { png: true, assets: false });
        const png = frames.find((f) => f.id === node.nodeId)?.png;
        if (png && imageInfo(png)) job.versions.update(version.id, { layerImage: png });
      })().catch((error: unknown) =>
        deps.report(
          `Could not open the image's versions: ${error instanceof Error ? error.message : String(error)}`,
          "error",
        ),
      );
    },
    [requests, store, job],
  );

  const openVersion = useCallback(
    async (versionId: string) => {
      const stored = await store.load();
      if (!stored.some((v) => v.id === versionId)) return false;
      job.versions.select(versionId);
      setRefineFocus((n) => n + 1);
      return true;
    },
    [store, job],
  );

  return { job, store, canvas, refineFocus, openNode, openVersion };
}
