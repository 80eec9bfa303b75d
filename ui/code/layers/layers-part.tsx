/**
 * "Insert as layers" as a part of its own (esbuild.panel-parts.mjs, `get-ui-part` "layers"): the bar, its job and the
 * page sources come on first use (a Code result or Paste HTML shown) instead of riding in ui.html (issue 24's
 * budget), and so does "Design from a prompt"'s box, when first opened. Running it leaves its components for the panel
 * (layers-loader.tsx).
 */
import { useMemo } from "preact/hooks";
import { DesignChanges, UpdateDownload } from "../design-changes.js";
import { PromptDesignBox } from "../prompt-design-box.js";
import { SavedNote } from "../saved-note.js";
import { preparePageAsk } from "../prompt-page.js";
import { KeptSections, SectionsStatus, sendSections, withLines } from "../ai-sections.js";
import { prepareWholePage } from "../whole-page.js";
import { ScoreView } from "../score/score-view.js";
import { InsertLayersBar } from "./insert-layers.js";
import { pastedSource, resultSource } from "./layer-source.js";
import { LAYERS_GLOBAL, type LayersModule, type PastedLayersProps, type ResultLayersProps } from "./layers-global.js";
import { useInsertLayers } from "./use-insert-layers.js";
import { ClarifyStatus } from "../clarify-status.js";
import { clarified } from "../clarify-flow.js";

function ResultLayers({ preview, frames, requests, onInserted }: ResultLayersProps) {
  const insert = useInsertLayers(requests, onInserted);
  const source = useMemo(() => {
    const read = resultSource(preview, frames);
    return "source" in read ? read.source : read;
  }, [preview, frames]);
  return <InsertLayersBar source={source} insert={insert} />;
}

function PastedLayers({ html, requests }: PastedLayersProps) {
  const insert = useInsertLayers(requests);
  const source = useMemo(
    () => (html.trim() === "" ? { unavailable: "Paste a page's HTML first" } : pastedSource(html)),
    [html],
  );
  return <InsertLayersBar source={source} insert={insert} />;
}

(globalThis as unknown as Record<typeof LAYERS_GLOBAL, LayersModule>)[LAYERS_GLOBAL] = {
  ResultLayers,
  PastedLayers,
  PromptDesignBox,
  preparePageAsk,
  sendSections,
  withLines,
  prepareWholePage,
  SectionsStatus,
  KeptSections,
  ScoreView,
  DesignChanges,
  UpdateDownload,
  SavedNote,
  ClarifyStatus,
  clarified,
};
