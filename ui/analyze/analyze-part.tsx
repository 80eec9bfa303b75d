/** The Analyze panel as a part of its own (esbuild.panel-parts.mjs): its session and the panel while on show. */
import type { PartPropsMap } from "../parts/part-props.js";
import { definePart } from "../parts/registry.js";
import { AnalyzePanel } from "./analyze-panel.js";
import { useAnalyzeSession } from "./analyze-session.js";
import { focusFinding } from "./focus-finding.js";

function AnalyzePart({ ctx, active }: PartPropsMap["analyze"]) {
  const { requests, notify } = ctx;
  const session = useAnalyzeSession({
    requests,
    worker: ctx.worker,
    vault: ctx.vault,
    settings: ctx.settings,
    prices: ctx.prices,
  });
  if (!active) return null;
  return (
    <AnalyzePanel
      session={session}
      selection={ctx.selection}
      settings={ctx.settings}
      hasKey={ctx.hasKey}
      onOpenSettings={ctx.onOpenSettings}
      onFocus={(finding) => focusFinding(requests, finding, notify)}
      notify={notify}
    />
  );
}

definePart("analyze", AnalyzePart);
