/**
 * Where the "Insert as layers" part (layers-part.tsx) leaves its components for the panel (layers-loader.tsx), with
 * "Design from a prompt"'s box; types only otherwise, so the shell does not import the part's code.
 */
import type { ComponentType } from "preact";
import type { MainRequests } from "../../channel/requests.js";
import type { FrameInfo, PreviewState } from "../code-job.js";
import type { DesignChangesProps, UpdateDownloadProps } from "../design-changes.js";
import type { SavedNoteProps } from "../saved-note.js";
import type { PromptDesignBoxProps } from "../prompt-design-box.js";
import type { preparePageAsk } from "../prompt-page.js";
import type { KeptSections, SectionsStatus, sendSections, withLines } from "../ai-sections.js";
import type { prepareWholePage } from "../whole-page.js";
import type { ScoreViewProps } from "../score/score-view.js";
import type { ClarifyStatusProps } from "../clarify-status.js";
import type { clarified } from "../clarify-flow.js";

export const LAYERS_GLOBAL = "__figmentLayers";

/** A Code result's bar: its page as the preview shows it. `onInserted`: the top layer made, now the selection. */
export interface ResultLayersProps {
  preview: PreviewState;
  frames: readonly FrameInfo[];
  requests: MainRequests;
  onInserted?: (rootId: string) => void;
}

/** The bar under Paste HTML: the pasted page. */
export interface PastedLayersProps {
  html: string;
  requests: MainRequests;
}

export interface LayersModule {
  ResultLayers: ComponentType<ResultLayersProps>;
  PastedLayers: ComponentType<PastedLayersProps>;
  /** "Design from a prompt"'s box (its job stays in the shell: ai-request.ts). */
  PromptDesignBox: ComponentType<PromptDesignBoxProps>;
  preparePageAsk: typeof preparePageAsk;
  /** A frame split into sections: its requests sent, progress relayed, a cancel's answered sections kept. */
  sendSections: typeof sendSections;
  /** The estimate card's lines of a split frame's requests and of "Ask me first"'s. */
  withLines: typeof withLines;
  /** Refine of a split page: the whole page in a new request, estimated first. */
  prepareWholePage: typeof prepareWholePage;
  SectionsStatus: typeof SectionsStatus;
  KeptSections: typeof KeptSections;
  /** The result's fidelity score, shown with the result as this bar is (issue 24's budget). */
  ScoreView: ComponentType<ScoreViewProps>;
  /** "Changed since your code of …" and its "Download update" (issue 71). */
  DesignChanges: ComponentType<DesignChangesProps>;
  UpdateDownload: ComponentType<UpdateDownloadProps>;
  /** Over a result reopened from History (here since issue 71, for ui.html's budget). */
  SavedNote: ComponentType<SavedNoteProps>;
  /** "Ask me first" (issue 74): the questions before a first turn, and the send's wait for their answers. */
  ClarifyStatus: ComponentType<ClarifyStatusProps>;
  clarified: typeof clarified;
}
