/** What the "Generate with AI" job holds and shows: turns, sessions per frame, its estimate card and streamed progress. Pure. */
import type { Conversation } from "../../ai/generate.js";
import type { Estimate } from "../../ai/estimate.js";
import type { ModelCodeResult } from "../../ai/pipeline.js";
import type { PromptInput } from "../../ai/prompt.js";
import type { CodeOptions } from "../../codegen/load.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import type { FrameInfo } from "./code-job.js";
import type { AiEvent, ExportEntry } from "../engine/protocol/index.js";
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
}

/** The conversation about one frame: its prompt input and every turn. */
export interface AiSession {
  frame: FrameInfo;
  options: CodeOptions;
  input: PromptInput;
  exports: ExportEntry[];
  turns: AiTurn[];
  selected: number;
}

export interface StreamedFile {
  path: string;
  done: boolean;
}

export type AiStage = "connecting" | "writing" | "checking" | "repairing";

/** The prepared request's card: the frame and what goes with it (`instructions`, `draft`), shown before it is sent. */
export interface AiConfirm extends ConfirmBase {
  estimate: Estimate;
  frame: FrameInfo;
  others: number;
  hasImage: boolean;
  instructions: string;
  draft: boolean;
}

export type Streaming = { phase: "streaming"; stage: AiStage; notes: string; files: StreamedFile[]; refining: string | undefined; startedAt: number };

export type AiState = ModelJobState<AiConfirm, Streaming>;

/** A request to send: a first turn of `session`, or a refinement of its turn `parent` (an index). */
export interface AiRequest {
  session: AiSession;
  refine?: { parent: number; instructions: string };
}

/** Applies one streamed event to the progress state. */
export function applyEvent(state: Streaming, event: AiEvent): Streaming {
  if (event.type === "stage") return { ...state, stage: event.stage };
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
