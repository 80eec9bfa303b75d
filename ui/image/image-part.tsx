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
  const deps = { ...ctx, report: ctx.notify };
  const image = useImageSession(deps);
  const rows = useRowsSession(deps);
  useLayoutEffect(() => expose({ openNode: image.openNode, openVersion: image.openVersion }));
  useViewChange(rows.mode, ctx.onViewChange);
  if (!active) return null;
  // The panel takes what it uses of the app's context by the context's own names.
  return <ImagePanel {...ctx} session={image} rows={rows} editorType={editorType} />;
}

definePart("image", ImagePart);
