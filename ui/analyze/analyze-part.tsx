/** The Analyze panel as a part of its own (esbuild.panel-parts.mjs): its session and the panel while on show. */
import type { PartPropsMap } from "../parts/part-props.js";
import { definePart } from "../parts/registry.js";
import { AnalyzePanel } from "./analyze-panel.js";
import { useAnalyzeSession } from "./analyze-session.js";
import { focusFinding } from "./focus-finding.js";

function AnalyzePart({ ctx, active }: PartPropsMap["analyze"]) {
  const session = useAnalyzeSession(ctx);
  if (!active) return null;
  // The panel takes what it uses of the app's context by the context's own names.
  return (
    <AnalyzePanel {...ctx} session={session} onFocus={(finding) => focusFinding(ctx.requests, finding, ctx.notify)} />
  );
}

definePart("analyze", AnalyzePart);
