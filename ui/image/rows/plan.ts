/**
 * A Rows run as the panel plans it, shared by its three parts: the setup (setup/: style spec, rows,
 * template, rules, computed prompts), the live run (run/: one request per item, progress, retry, the grid)
 * and the Batch API (batch-api/: submit and close, status on reopen). The setup makes a RowsPlan; the run and
 * the Batch API only read it. Pure data and pure helpers: no Preact, no worker.
 */
import type { ImageQuality, SizeChoice } from "../../../ai/image/options.js";
import type { BrandColour } from "../../../contract/messages.js";
import type { GridLabels } from "../../../contract/image.js";
import type { SweepSettings } from "../../../ai/params/sweep.js";
import type { SdRequestData } from "../../engine/protocol/sd.js";

/** A selected layer exported as PNG, sent with every request of the run. */
export interface StyleReference {
  nodeId: string;
  name: string;
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** The style every image of a run shares: shown and editable before anything is sent. */
export interface StyleSpec {
  /** Palette, medium, lighting, framing: the user's words. */
  text: string;
  /** The file's colours in the selection (read-brand-colours), written into the spec when `useColours`. */
  colours: BrandColour[];
  useColours: boolean;
  references: StyleReference[];
}

export const EMPTY_STYLE: StyleSpec = { text: "", colours: [], useColours: true, references: [] };

/** One image of the run: its row and the computed prompt — exactly the text the model gets. */
export interface PlanItem {
  /** 1-based, as the user counts rows. */
  row: number;
  values: Record<string, string>;
  prompt: string;
  /** Names the layer and any file: row number and key values (ai/params/names.ts), e.g. `03-kids-winter`. */
  stem: string;
  /** In a parameter grid: what this cell sets on its request (e.g. { cfgScale: 7, seed: 2 }). */
  cell?: SweepSettings;
}

export interface RowsPlan {
  /** Names the grid frame (and the run in History and the pending list), e.g. "Onboarding illustrations". */
  name: string;
  items: PlanItem[];
  style: StyleSpec;
  size: SizeChoice;
  quality: ImageQuality;
  /**
   * Wait for the user to accept the first image; it then carries the style to the rest: as a reference
   * (Images API edits) or as the context of follow-ups (Responses API `previous_response_id`).
   */
  acceptFirst: boolean;
  /** The Responses API (the model reasons, then draws) instead of the Images API; OpenAI only. */
  reasonFirst: boolean;
  /** On a local SD server: every item's request but its prompt (and its cell's values); items then go one at a time. */
  sd?: Omit<SdRequestData, "prompt">;
  /** A parameter grid's headers: the grid frame is made with them (items are its cells in reading order). */
  grid?: GridLabels;
  /**
   * On a local SD server: the selected layer every item starts from (img2img, as "Use selection as reference"
   * or a strength sweep asks), exported when the run starts; `sd.init` then holds its PNG at this strength
   * (a strength sweep's cells set their own).
   */
  sdInit?: { nodeId: string; name: string; strength: number };
}

/** "Brand colours: #1A2B3C (Primary/500), #FFFFFF." — named colours first, as read-brand-colours orders them. */
export function coloursSentence(colours: readonly BrandColour[]): string {
  if (colours.length === 0) return "";
  return `Brand colours: ${colours.map((c) => (c.name ? `${c.hex} (${c.name})` : c.hex)).join(", ")}.`;
}

/**
 * The style text every prompt ends with: the user's words, then the brand colours when they are used — the words
 * closed as a sentence and the colours on a line of their own, so neither runs into the other ("…soft light Brand
 * colours: …" read as one phrase, to the user and the model).
 */
export function styleText(spec: Pick<StyleSpec, "text" | "colours" | "useColours">): string {
  const words = spec.text.trim();
  const colours = spec.useColours ? coloursSentence(spec.colours) : "";
  if (!words || !colours) return words || colours;
  return `${/[.!?]$/.test(words) ? words : `${words}.`}\n${colours}`;
}
