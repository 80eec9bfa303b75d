/**
 * The model section for code: `ai-prepare` (the model prompt for one frame — hint, image, optional offline
 * draft — and its estimate; nothing is sent), `ai-generate` (one model generation or refinement — with pictures,
 * as a correction round sends them — through the project pass and the repair round, streaming progress and
 * stages), `ai-round-estimate` (what a correction round, ai/verify, will cost: nothing is sent) and `test-connection`
 * (one `GET {baseURL}/models` with this key, through the same client), `ai-estimate` (a prepared input's estimate: a
 * split page's whole-page refinement), `ai-clarify` (issue 74: the model's questions
 * about what the design leaves open, asked before generating). Model structures built by ai/ in the worker
 * (prompt input, estimate, conversation, result) travel as checked objects whose inner shape ai/ owns.
 */
import type { Conversation } from "../../../ai/code/generate.js";
import type { Estimate } from "../../../ai/estimate/estimate.js";
import type { ModelCodeResult } from "../../../ai/code/pipeline.js";
import type { ProgressEvent } from "../../../ai/code/progress.js";
import type { PromptInput } from "../../../ai/code/prompt.js";
import type { ClarifyReading } from "../../../ai/code/clarify/questions.js";
import type { SectionInput } from "../../../ai/code/section-prompt.js";
import type { Problem, SourceFile } from "../../../codegen/types.js";
import {
  array,
  boolean,
  bytes,
  custom,
  number,
  object,
  oneOf,
  opaque,
  optional,
  string,
  type Field,
} from "../../../contract/fields.js";
import { MAX_FILE_FONTS, MAX_NAME_CHARS, MAX_PROMPT_CHARS } from "../../../contract/limits.js";
import { designVariablesField } from "../../../contract/tokens.js";
import { exportExtrasField, fetchedPricesField } from "../../../contract/messages.js";
import { codeOptionsField, exportsField } from "./code.js";
import { modelFields, type Section } from "./common.js";

const size = object({ width: number(), height: number() });
/** A file of a draft or of the design's assets, as the prompt lists it. */
const sourceFile = object({ path: string({ nonEmpty: true, max: 1000 }), content: string(), bytes: optional(bytes()) });
/**
 * A model request's first input (ai/code/prompt.ts PromptInput), its fields checked: a text that is not a string
 * reached
 * the prompt builder as data and failed there with a raw JS message (`input.components?.trim is not a function`).
 * The font plan and the component map are the worker's own structures, built by it in ai-prepare.
 */
/** Most drawings of one page (a desktop, a tablet, a phone, and a few more). */
const MAX_DRAWINGS = 8;
const promptInputField = object({
  target: oneOf(["react", "html"]),
  styling: oneOf(["css-modules", "tailwind"]),
  imageDataUrl: optional(imageUrlField()),
  detail: optional(oneOf(["high", "low", "auto"])),
  hint: string({ max: 20_000_000 }),
  drafts: optional(array(sourceFile, { max: 2000 })),
  assets: optional(array(sourceFile, { max: 2000 })),
  fonts: optional(opaque<NonNullable<PromptInput["fonts"]>>("a font plan")),
  instructions: optional(string({ max: MAX_PROMPT_CHARS })),
  nodeIds: optional(boolean()),
  components: optional(string({ max: 2_000_000 })),
  componentMap: optional(opaque<NonNullable<PromptInput["componentMap"]>>("a component map")),
  page: optional(object({ designSystem: string({ max: 2_000_000 }), width: number({ min: 1, max: 10_000 }) })),
  section: optional(opaque<SectionInput>("a section")),
  // A split page's refinement (ai/code/sections/refine.ts): the page's files and a correction round's pictures, built
  // by the layers part and read by the worker's prompt builder (checked as an object: ui.html's budget).
  wholePage: optional(opaque<NonNullable<PromptInput["wholePage"]>>("a whole page")),
  drawings: optional(
    array(
      object({
        name: string({ max: MAX_NAME_CHARS }),
        width: number({ min: 1, max: 100_000 }),
        imageDataUrl: optional(imageUrlField()),
      }),
      { max: MAX_DRAWINGS },
    ),
  ),
  // The answers to the questions asked first (ai/code/decisions.ts), which the prompt quotes escaped.
  decisions: optional(
    array(
      object({
        question: string({ max: 1000 }),
        answer: string({ max: 1000 }),
        nodes: array(string({ max: 1000 }), { max: 100 }),
        byDefault: boolean(),
      }),
      // ai/code/clarify/questions.ts MAX_QUESTIONS (not imported: the shell's size).
      { max: 3 },
    ),
  ),
});
const promptInput: Field<PromptInput> = promptInputField;
const conversation = opaque<Conversation>("a conversation");

/** Most characters of a picture a refinement carries (a data URL: the design's PNG, the page as rendered). */
export const MAX_IMAGE_URL_CHARS = 24_000_000;
/** Most pictures one refinement carries (a correction round sends two). */
const MAX_REFINEMENT_IMAGES = 4;
/** Most answers and rounds of one conversation an estimate adds up. */
const MAX_TURNS = 100;

/** A picture as a refinement carries it: a base64 image data URL, nothing the worker would fetch. */
const imageUrl = imageUrlField();
/** One labelled picture of a refinement (ai/code/prompt.ts `RefinementImage`). */
const refinementImage = object({
  label: string({ max: 2000 }),
  url: imageUrl,
  detail: optional(oneOf(["high", "low", "auto"])),
});
/** What a correction round sends on top of the conversation (ai/verify `RoundRequest`). */
const roundRequest = object({
  instructions: string({ nonEmpty: true, max: MAX_PROMPT_CHARS }),
  images: array(refinementImage, { max: MAX_REFINEMENT_IMAGES }),
});

/** One planned section as the estimate card lists it. */
export interface SectionLine {
  component: string;
  /** The layers' names, for people. */
  title: string;
  /** The band, design px. */
  y: number;
  h: number;
  /** The pictures sent (tiles) and the request's estimated tokens (input; of them, the pictures'). */
  images: number;
  inputTokens: number;
  imageTokens: number;
}

/** A frame split into sections (ai/code/sections/plan.ts): why, each request's figures, and the inputs sent. */
export interface PreparedSections {
  why: string;
  concurrency: number;
  list: SectionLine[];
  inputs: PromptInput[];
  frame: { name: string; w: number; h: number };
}

/**
 * A frame's sections: made by the worker in ai-prepare and carried back to it unchanged by ai-generate, so their
 * inputs are the worker's own structures (checked as an object: ui.html's budget).
 */
const sectionsField = opaque<PreparedSections>("sections");

export const modelSection = {
  requests: {
    "ai-prepare": {
      exports: exportsField,
      extras: optional(exportExtrasField),
      png: bytes(),
      options: codeOptionsField,
      model: string({ nonEmpty: true, max: MAX_NAME_CHARS }),
      draft: boolean(),
      instructions: string({ max: MAX_PROMPT_CHARS }),
      /** Prices fetched from the endpoint's listing; they win over the built-in table in the estimate. */
      prices: optional(fetchedPricesField),
      /**
       * A page drawn at several widths (issue 70): `exports` are its drawings, made one page; these are the other
       * drawings' PNGs by frame id (`png` is the first export's).
       */
      drawings: optional(
        array(object({ id: string({ nonEmpty: true, max: 1000 }), png: bytes() }), { max: MAX_DRAWINGS }),
      ),
      /** Split a frame too large for one request into sections (the Code panel's setting). */
      sections: optional(boolean()),
      /** "Ask me first": the clarify request is estimated too, and counted in the total. */
      clarify: optional(boolean()),
    },
    /**
     * "Design from a prompt": the page request for `prompt` and its estimate, the file's design system (the tokens and
     * fonts of the selected frames' export, when a frame is selected) as data. Nothing is sent.
     */
    "ai-prepare-page": {
      exports: optional(exportsField),
      extras: optional(exportExtrasField),
      prompt: string({ nonEmpty: true, max: MAX_PROMPT_CHARS }),
      model: string({ nonEmpty: true, max: MAX_NAME_CHARS }),
      prices: optional(fetchedPricesField),
      /** The whole file's design system (the main thread's `read-design-system`): its local variables and fonts. */
      file: optional(
        object({
          variables: optional(designVariablesField),
          fonts: array(string({ nonEmpty: true, max: 100 }), { max: MAX_FILE_FONTS }),
        }),
      ),
    },
    /**
     * Provider, base URL and model in `settings`: the client is built in the worker so the SDK stays out of the panel.
     */
    "ai-generate": {
      ...modelFields,
      input: promptInput,
      refine: optional(
        object({
          conversation,
          instructions: string({ nonEmpty: true, max: MAX_PROMPT_CHARS }),
          images: optional(array(refinementImage, { max: MAX_REFINEMENT_IMAGES })),
        }),
      ),
      /** A split frame: each section's request, sent a few at a time, then the page assembled (`input`: the whole). */
      sections: optional(sectionsField),
    },
    /**
     * A correction round's estimate (ai/verify/estimate.ts): the conversation's first request (`input`), the model's
     * answers so far as it wrote them, the rounds and refinements already sent, and this round.
     */
    "ai-round-estimate": {
      input: promptInput,
      answers: array(string({ max: 4_000_000 }), { max: MAX_TURNS }),
      earlier: array(roundRequest, { max: MAX_TURNS }),
      round: roundRequest,
      model: string({ nonEmpty: true, max: MAX_NAME_CHARS }),
      prices: optional(fetchedPricesField),
    },
    /** A prepared input's estimate as it will be sent (a split page's whole-page request), the answer as its files. */
    "ai-estimate": {
      input: promptInput,
      model: string({ nonEmpty: true, max: MAX_NAME_CHARS }),
      prices: optional(fetchedPricesField),
    },
    "test-connection": modelFields,
    /** "Ask me first": the clarify request for `input` (ai/code/clarify/ask.ts); the answer's questions, checked. */
    "ai-clarify": { ...modelFields, input: promptInput },
  },
  replies: {
    "ai-prepare": {
      input: promptInput,
      estimate: opaque<Estimate>("an estimate"),
      image: optional(size),
      sections: optional(sectionsField),
      /** "Ask me first"'s request, sent before the code request(s): its own estimate (`estimate` counts it). */
      clarify: optional(opaque<Estimate>("an estimate")),
    },
    "ai-prepare-page": { input: promptInput, estimate: opaque<Estimate>("an estimate") },
    "ai-generate": { result: opaque<ModelCodeResult>("a model result") },
    "ai-round-estimate": { estimate: opaque<Estimate>("an estimate") },
    "ai-estimate": { estimate: opaque<Estimate>("an estimate") },
    /** The endpoint listed `models` models; `prices` when its listing carried them (OpenRouter's does). */
    "test-connection": { models: number({ min: 0 }), prices: optional(fetchedPricesField) },
    /** The questions as the worker read and checked them (ai/code/clarify/questions.ts readQuestions). */
    "ai-clarify": { reading: opaque<ClarifyReading>("the model's questions") },
  },
  events: {
    progress: { event: opaque<ProgressEvent>("a progress event") },
    stage: { stage: oneOf(["checking", "repairing"]) },
    /**
     * A split frame's section `index` was sent or answered; "kept": the run was cancelled and `kept` is the page of
     * the sections answered by then (assembled; none half-written).
     */
    section: {
      index: number({ min: 0 }),
      state: oneOf(["sent", "answered", "kept"]),
      kept: optional(opaque<{ files: SourceFile[]; problems: Problem[] }>("a page")),
    },
  },
  streams: { "ai-generate": ["progress", "stage", "section"] },
  estimates: ["ai-prepare", "ai-prepare-page", "ai-round-estimate", "ai-estimate"],
  // ai-prepare makes the offline code (generateCode) for the prompt; ai-generate formats and checks the model's files
  // (and compiles a designed page's Tailwind: the preview part's).
  codeParts: {
    "ai-prepare": ["code-format", "code-check"],
    "ai-generate": ["code-preview", "code-format", "code-check"],
  },
} as const satisfies Section;

/** A base64 image data URL (a hoisted function: the prompt input's field, above, uses it too). */
function imageUrlField(): Field<string> {
  return custom("an image data URL", (v) =>
    typeof v === "string" &&
    v.length <= MAX_IMAGE_URL_CHARS &&
    /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]*={0,2}$/.test(v)
      ? v
      : undefined,
  );
}
