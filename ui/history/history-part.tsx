/**
 * The History panel as a part of its own (esbuild.panel-parts.mjs): its session (the listing, the results
 * refused for space, …), kept for as long as the plugin is open, and the panel while it is on show.
 */
import { useEffect, useLayoutEffect } from "preact/hooks";
import { useViewChange } from "../controls/toasts.js";
import type { PartPropsMap } from "../parts/part-props.js";
import { definePart } from "../parts/registry.js";
import { HistoryPanel } from "./history-panel.js";
import { useHistorySession } from "./history-session.js";

function HistoryPart({ ctx, active, expose, onOpenCode, onRefineImage }: PartPropsMap["history"]) {
  const history = useHistorySession(ctx.requests, ctx.worker, ctx.notify);
  useLayoutEffect(() => expose({ addRefused: history.refused.add, openFreeSpace: history.openFreeSpace }));
  useViewChange(
    history.shown ? `analysis:${history.shown.id}` : history.freeingSpace ? "free-space" : "list",
    ctx.onViewChange,
  );
  // After useViewChange's effect (same component, declared later): the note outlives the clearing of the view it left.
  useEffect(() => {
    if (history.noteForList === undefined || history.freeingSpace) return;
    ctx.notify(history.noteForList);
    history.takeNoteForList();
  }, [history.noteForList, history.freeingSpace]);
  if (!active) return null;
  // The panel takes what it uses of the app's context by the context's own names.
  return <HistoryPanel {...ctx} session={history} onOpenCode={onOpenCode} onRefineImage={onRefineImage} />;
}

definePart("history", HistoryPart);
