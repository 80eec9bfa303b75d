/**
 * The Image panel as a part of its own (esbuild.panel-parts.mjs): the single-image and Rows sessions, kept
 * for as long as the plugin is open, and the panel while it is on show. Sent when the panel first opens.
 */
import { useLayoutEffect } from "preact/hooks";
import type { PartPropsMap } from "../parts/part-props.js";
import { definePart } from "../parts/registry.js";
import { useRowsSession } from "./rows/rows-session.js";
import { ImagePanel } from "./image-panel.js";
import { useViewChange } from "../controls/toasts.js";
import { useImageSession } from "./image-session.js";

function ImagePart({ ctx, active, expose, editorType }: PartPropsMap["image"]) {
  const deps = {
    requests: ctx.requests,
    worker: ctx.worker,
    vault: ctx.vault,
    settings: ctx.settings,
    selection: ctx.selection,
    prices: ctx.prices,
    report: ctx.notify,
  };
  const image = useImageSession(deps);
  const rows = useRowsSession(deps);
  useLayoutEffect(() => expose({ openNode: image.openNode, openVersion: image.openVersion }));
  useViewChange(rows.mode, ctx.onViewChange);
  if (!active) return null;
  return (
    <ImagePanel
      session={image}
      rows={rows}
      selection={ctx.selection}
      settings={ctx.settings}
      editorType={editorType}
      hasKey={ctx.hasKey}
      onOpenSettings={ctx.onOpenSettings}
      worker={ctx.worker}
      vault={ctx.vault}
    />
  );
}

definePart("image", ImagePart);
