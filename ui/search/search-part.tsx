/**
 * The Search panel as a part of its own (esbuild.panel-parts.mjs): the index, the model's side and its enrich
 * job, kept for as long as the plugin is open, and the panel while it is on show.
 */
import type { PartPropsMap } from "../parts/part-props.js";
import { definePart } from "../parts/registry.js";
import { EnrichBar } from "./enrich-bar.js";
import { SearchPanel } from "./search-panel.js";
import { useSearchSession } from "./search-session.js";
import { useEnrich } from "./use-enrich.js";
import { useSearchAi } from "./use-search-ai.js";

function SearchPart({ ctx, active }: PartPropsMap["search"]) {
  const search = useSearchSession({ requests: ctx.requests, notify: ctx.notify });
  const ai = useSearchAi(ctx);
  const enrich = useEnrich(ai, search.index.addExtras);
  if (!active) return null;
  const enrichBar = (
    <EnrichBar ai={ai} job={enrich} index={search.index.loaded?.index} onOpenSettings={ctx.onOpenSettings} />
  );
  // The panel takes what it uses of the app's context by the context's own names.
  return <SearchPanel {...ctx} session={search} ai={ai} enrichBar={enrichBar} />;
}

definePart("search", SearchPart);
