/**
 * What the "Generate with AI" job holds and shows: turns, sessions per frame, its estimate card and streamed progress.
 * Pure.
 */
import type { Conversation } from "../../ai/code/generate.js";
import type { Estimate } from "../../ai/estimate/estimate.js";
import type { ModelCodeResult } from "../../ai/code/pipeline.js";
import type { PromptInput } from "../../ai/code/prompt.js";
import type { RoundRequest } from "../../ai/verify/request.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import type { CodeOptions } from "../../codegen/load.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import type { FrameInfo } from "./frame-info.js";
import type { AiEvent, ExportEntry } from "../engine/protocol/index.js";
import type { PreparedSections } from "../engine/protocol/model.js";
import type { ConfirmBase, ModelJobState } from "../model/job-state.js";
import type { ScoreState } from "./score/score-state.js";

export interface AiTurn {
  /** 1-based, in the order the turns were made. */
  n: number;
  /** What the user asked for ("" for a first turn without instructions). */
  instructions: string;
  /** The turn this one refines (index into `turns`), if any. */
  parent: number | undefined;
  files: SourceFile[];
  problems: Problem[];
  notes: string;
  conversation: Conversation;
  repair: ModelCodeResult["repair"];
  attempts: number;
  /** Wall time from send to files shown, in ms. */
  ms: number;
  model: string;
  /** How closely its preview matches the design, once measured (ui/code/score/). */
  score?: ScoreState;
  /** The model's reply as it wrote it (the kept attempt's): a correction round's estimate resends it. */
  answer?: string;
  /** A kept correction round ("Fix differences" of its parent): the verdict, and the round as it was sent. */
  fix?: FixRecord & { sent: RoundRequest };
  /** Correction rounds of this turn whose answers were not kept (measured worse, or failed to measure). */
  tried?: FixRecord[];
}

/** One correction round's verdict (ai/verify `RoundReport`, in the words the CLI prints too). */
export interface FixRecord {
  /** IoU×matched the round had to beat, and its answer's (absent when there was no answer to measure). */
  before: number;
  after?: number;
  kept: boolean;
  /** "the model's fix measured worse (0.91 vs 0.94): kept the earlier code" */
  message: string;
}

/** The conversation about one frame: its prompt input and every turn. */
export interface AiSession {
  frame: FrameInfo;
  options: CodeOptions;
  input: PromptInput;
  exports: ExportEntry[];
  turns: AiTurn[];
  selected: number;
  /** A frame too large for one request: its first turn goes section by section. */
  sections?: PreparedSections;
}

export interface StreamedFile {
  path: string;
  done: boolean;
}

/** `measuring`: a correction round's answer is being measured against the design. */
export type AiStage = "connecting" | "writing" | "checking" | "repairing" | "measuring";

/** A question the model asked first (ai/code/clarify/questions.ts ClarifyQuestion). */
export interface AskedQuestion {
  id: string;
  question: string;
  options: string[];
  default: string;
  nodes: string[];
}

/** The prepared request's card: the frame and what goes with it (`instructions`, `draft`), shown before it is sent. */
export interface AiConfirm extends ConfirmBase {
  estimate: Estimate;
  frame: FrameInfo;
  others: number;
  hasImage: boolean;
  instructions: string;
  draft: boolean;
  /** A correction round's card, in fix-round.ts's words: what it sends (and why the page could not be pictured). */
  fix?: { lead: string; words: string; why?: string; note: string };
  /**
   * The card's lines from the layers part (ai-sections.tsx words them): a split frame's requests (why, each one's
   * tokens), "Ask me first"'s request, a split page's whole-page refinement.
   */
  lines?: string[];
  /** "Design from a prompt"'s card: a page from the brief (`instructions`), with the file's design system or not. */
  page?: { designSystem: boolean };
}

/** `fixing`: the turn (its number) a correction round is fixing. */
export type Streaming = {
  phase: "streaming";
  stage: AiStage;
  notes: string;
  files: StreamedFile[];
  refining: string | undefined;
  fixing?: number;
  startedAt: number;
  /**
   * "Ask me first" (clarify-flow.ts): its request is out (`asking`), then its questions wait for the user's answers;
   * shown by the layers part's ClarifyStatus.
   */
  asking?: boolean | undefined;
  questions?: AskedQuestion[] | undefined;
  /** A split frame's sections, in drawn order: each one waiting, sent or answered. */
  sections?: { component: string; state: "waiting" | "sent" | "answered" }[];
};

export type AiState = ModelJobState<AiConfirm, Streaming>;

/**
 * A request to send: a first turn of `session`, a refinement of its turn `parent` (an index), or a correction
 * round of that turn carrying its measurement (`score`, the page as rendered: `png`).
 */
export interface AiRequest {
  session: AiSession;
  refine?: { parent: number; instructions: string };
  /** Its own input instead of the session's (a split page's refinement: the whole page, in a new conversation). */
  input?: PromptInput;
  fix?: { parent: number; score: FidelityScore; png?: string | undefined };
  /** "Ask me first": the model's questions are asked (and answered) before the first turn is generated. */
  clarify?: boolean | undefined;
}

/** What the model job reports: the worker's events, and the panel's own step of a correction round. */
export type AiJobEvent =
  | AiEvent
  | { type: "measuring" }
  | { type: "clarify"; asking: boolean; questions?: AskedQuestion[]; notes?: string };

/** Applies one streamed event to the progress state. */
export function applyEvent(state: Streaming, event: AiJobEvent): Streaming {
  if (event.type === "measuring") return { ...state, stage: "measuring" };
  if (event.type === "clarify") return { ...state, questions: undefined, ...event };
  if (event.type === "stage") return { ...state, stage: event.stage };
  if (event.type === "section") {
    const to = event.state;
    const sections = state.sections?.map((s, k) => (k === event.index && to !== "kept" ? { ...s, state: to } : s));
    return sections ? { ...state, stage: "writing", sections } : state;
  }
  const progress = event.event;
  switch (progress.type) {
    case "notes":
      return { ...state, stage: state.stage === "connecting" ? "writing" : state.stage, notes: progress.text };
    case "file-start":
    case "file": {
      const files = [...state.files];
      files[progress.index] = { path: progress.path, done: progress.type === "file" };
      return { ...state, stage: state.stage === "connecting" ? "writing" : state.stage, files };
    }
  }
}
