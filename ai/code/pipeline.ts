/**
 * Code from the model, end to end: one streamed turn, then the same project pass and formatter as the
 * offline output. When syntax errors or unresolved imports remain, one bounded repair turn sends those
 * problems back; the better of the two answers is kept (fewer blocking problems, the first on a tie) and
 * every attempt is returned, so nothing the model produced is lost.
 *
 * Needs ts-morph and prettier (codegen/project, codegen/format): runs in Node and in the engine worker.
 */
import { formatFiles } from "../../codegen/format/index.js";
import { withAssetFiles } from "../../codegen/project/asset-files.js";
import { rebaseTailwindClassUrls } from "../../codegen/project/tailwind-urls.js";
import {
  checkComponentUsage,
  checkLibraryUsage,
  checkProject,
  checkReactNative,
  type LibraryTypes,
} from "../../codegen/project/index.js";
import type { ComponentMap } from "../../codegen/components-map/model.js";
import { withDesignFonts } from "../../codegen/fonts/project-fonts.js";
import type { FontPlan } from "../../codegen/fonts/plan.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import type { Target } from "../../codegen/targets.js";
import { isCancelled } from "../../kernel/cancelled.js";
import { generateTurn, type Conversation, type TurnOptions, type TurnResult } from "./generate.js";
import type { PromptInput } from "./prompt.js";
import { pageTextFiles, withAnswerFiles } from "./whole-page-prompt.js";
import type { ProviderConfig } from "../client/providers.js";

/**
 * Problem codes a repair turn is asked to fix: the files do not parse or do not link, or misuse the team's components
 * (against the library's types, or against the mapping itself), or a Vue, Svelte or Angular component does not compile.
 */
const BLOCKING = new Set([
  "syntax",
  "unresolved-import",
  "format",
  "component-props",
  "component-usage",
  // A Vue component its compiler cannot compile (codegen/emit/vue/compile.ts), a Svelte one likewise (emit/svelte/).
  "vue-compile",
  "svelte-compile",
  // Angular's compiler (ngtsc, strict templates) over a model's files: ModelCodeOptions.targetCheck.
  "angular-compile",
  // A React Native answer with a DOM element, or one tsc --strict refuses against react-native's types.
  "react-native-dom",
  "react-native-types",
]);

/** At most this many problems go into the repair request (the rest are summarised). */
const MAX_LISTED = 40;

export function isBlocking(problem: Problem): boolean {
  return problem.severity === "error" && BLOCKING.has(problem.code);
}

/** `file:line:column` where known. */
export function where(problem: Problem): string {
  if (!problem.file) return "";
  return `${problem.file}${problem.line ? `:${problem.line}${problem.column ? `:${problem.column}` : ""}` : ""}`;
}

export interface Attempt {
  /** "answer" for the model's turn (first or refinement), "repair" for the repair round. */
  kind: "answer" | "repair";
  files: SourceFile[];
  problems: Problem[];
  notes: string;
  /** The model's raw reply text, kept so a reply that could not be read is not lost. */
  text: string;
  conversation: Conversation;
}

export interface ModelCodeResult {
  /** The kept attempt's checked, formatted files. */
  files: SourceFile[];
  problems: Problem[];
  notes: string;
  /** Refine from here: the conversation of the kept attempt. */
  conversation: Conversation;
  /** Every attempt in order; `kept` indexes the one whose files are returned. */
  attempts: Attempt[];
  kept: number;
  /** Whether a repair round ran, and whether its answer was kept. */
  repair: "none" | "kept" | "discarded" | "failed" | "cancelled";
  timings: { modelMs: number; postMs: number };
}

export interface ModelCodeOptions extends Omit<TurnOptions, "refine"> {
  /** Build on an earlier turn with these instructions (a refinement) instead of starting afresh. */
  refine?: TurnOptions["refine"];
  /** Repair rounds allowed (default 1; 0 turns repair off). */
  maxRepairs?: number;
  /** The team's component library types: the answer's use of them is type-checked (`component-props`). */
  libraryTypes?: LibraryTypes[];
  /** The target's own compiler where the project pass cannot run it (Angular's ngtsc needs Node: the CLI's). */
  targetCheck?: TargetCheck;
  /**
   * A React Native answer is type-checked against these declarations (react-native's, react-native-svg's, React's,
   * paths under node_modules); without them, the code-check part's (in the worker), or its components alone (Node).
   */
  reactNativeTypes?: readonly SourceFile[];
  /** Reports the post-processing and repair stages, for a status line. */
  onStage?: (stage: "checking" | "repairing") => void;
  now?: () => number;
}

type Formatted = { file: SourceFile; problems: Problem[] };

/** A compiler's errors in a project's files (Angular's: `angular-compile`, which blocks and asks for a repair). */
export type TargetCheck = (files: readonly SourceFile[]) => Promise<Problem[]>;

/**
 * Formats files while the answer is still streaming: each file as soon as it is complete, one per macrotask
 * so reading the stream is never held up for long. After the stream, the project pass runs on the model's
 * text as before, and every file it left unchanged takes its formatted text from here. Same output as
 * formatting afterwards; the work just moves into the time the model spends writing.
 */
export class Preformatter {
  private readonly done = new Map<string, Promise<Formatted>>();
  private readonly queue: { key: string; file: SourceFile; resolve(value: Formatted): void }[] = [];
  private scheduled = false;

  private static key(file: SourceFile): string {
    return `${file.path}\u0000${file.content}`;
  }

  add(file: SourceFile): void {
    const key = Preformatter.key(file);
    if (this.done.has(key)) return;
    this.done.set(key, new Promise<Formatted>((resolve) => this.queue.push({ key, file, resolve })));
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    setTimeout(() => void this.next(), 0);
  }

  private async next(): Promise<void> {
    const item = this.queue.shift();
    if (item) item.resolve(await formatOne(item.file));
    this.scheduled = false;
    this.schedule();
  }

  /** The formatted file, from the stream-time work when there is any, else formatted now. */
  format(file: SourceFile): Promise<Formatted> {
    const pending = this.done.get(Preformatter.key(file));
    if (!pending) return formatOne(file);
    // Still queued: format it now instead of waiting for its turn.
    const index = this.queue.findIndex((item) => item.key === Preformatter.key(file));
    if (index >= 0) {
      const [item] = this.queue.splice(index, 1);
      void formatOne(file).then((result) => item!.resolve(result));
    }
    return pending;
  }
}

async function formatOne(file: SourceFile): Promise<Formatted> {
  const result = await formatFiles([file], "model");
  return { file: result.files[0] ?? file, problems: result.problems };
}

/**
 * How the answer's use of the team's components is checked: against the library's types, and against the mapping
 * itself.
 */
export interface ComponentChecks {
  libraryTypes?: readonly LibraryTypes[];
  /** The target's compiler over the checked files, before formatting (its lines are the model's). */
  targetCheck?: TargetCheck;
  componentMap?: ComponentMap;
  /** A React Native answer: its components and types (checkReactNative), against these declarations. */
  reactNative?: { types: readonly SourceFile[] | undefined };
}

/**
 * The model's files, with the design's asset files (`assets`, see PromptInput.assets) added so that its
 * imports of them resolve, through the project pass and prettier; reply problems first.
 */
export async function postProcess(
  reply: Pick<TurnResult, "files" | "problems">,
  preformatted?: Preformatter,
  assets: readonly SourceFile[] = [],
  fonts?: { plan: FontPlan; target: Target; styling: "css-modules" | "tailwind" },
  { libraryTypes = [], componentMap, targetCheck, reactNative }: ComponentChecks = {},
): Promise<{ files: SourceFile[]; problems: Problem[] }> {
  const formatted = await checkedAndFormatted(reply, preformatted, assets, fonts, targetCheck);
  // After formatting too: its lines are the written files' lines.
  const processed = reactNative
    ? { ...formatted, problems: [...formatted.problems, ...checkReactNative(formatted.files, reactNative.types)] }
    : formatted;
  if (libraryTypes.length === 0 && !componentMap) return processed;
  // After formatting: its lines are the written files' lines. Where the library's types check a module, they decide its
  // props.
  const typed = checkLibraryUsage(processed.files, libraryTypes);
  const usage = checkComponentUsage(processed.files, componentMap, { typedModules: libraryTypes.map((l) => l.module) });
  return { files: processed.files, problems: [...processed.problems, ...typed, ...usage] };
}

async function checkedAndFormatted(
  reply: Pick<TurnResult, "files" | "problems">,
  preformatted: Preformatter | undefined,
  assets: readonly SourceFile[],
  fonts: Parameters<typeof postProcess>[3],
  targetCheck: TargetCheck | undefined,
): Promise<{ files: SourceFile[]; problems: Problem[] }> {
  const joined = withAssetFiles(reply.files, assets);
  // The design's Google fonts, when the model's files do not load them (as the offline output does).
  const loaded = fonts
    ? withDesignFonts(joined.files, fonts.plan, fonts.target, fonts.styling)
    : { files: joined.files, problems: [] };
  // A model writes a class's url() from its component's folder; Tailwind's build resolves it from the stylesheet's.
  const rebased = rebaseTailwindClassUrls(loaded.files);
  const checked = checkProject(rebased.files);
  const compiled = targetCheck ? await targetCheck(checked.files) : [];
  const before = [
    ...reply.problems,
    ...joined.problems,
    ...loaded.problems,
    ...rebased.problems,
    ...checked.problems,
    ...compiled,
  ];
  if (!preformatted) {
    const formatted = await formatFiles(checked.files, "model");
    return { files: formatted.files, problems: [...before, ...formatted.problems] };
  }
  const results = await Promise.all(checked.files.map((file) => preformatted.format(file)));
  return { files: results.map((r) => r.file), problems: [...before, ...results.flatMap((r) => r.problems)] };
}

/** What postProcess needs to add the design's fonts, when the input names them. */
function designFonts(input: PromptInput): Parameters<typeof postProcess>[3] {
  return input.fonts ? { plan: input.fonts, target: input.target, styling: input.styling } : undefined;
}

/** The repair request: the blocking problems with file:line, and the rule to answer with every file again. */
export function repairInstructions(problems: readonly Problem[]): string {
  const listed = problems.slice(0, MAX_LISTED).map((p) => `- ${where(p) || "(project)"}: ${p.message}`);
  const more = problems.length > MAX_LISTED ? [`- …and ${problems.length - MAX_LISTED} more`] : [];
  return [
    "The project check found problems in your files. Fix them and " +
      "answer with every file again, complete, in the same JSON format.",
    "Line numbers refer to the files as you sent them.",
    ...listed,
    ...more,
  ].join("\n");
}

function attemptFrom(
  kind: Attempt["kind"],
  turn: TurnResult,
  processed: { files: SourceFile[]; problems: Problem[] },
): Attempt {
  return {
    kind,
    files: processed.files,
    problems: processed.problems,
    notes: turn.notes,
    text: turn.text,
    conversation: turn.conversation,
  };
}

function blockingCount(attempt: Attempt): number {
  return attempt.problems.filter(isBlocking).length;
}

/** A whole-page request's answer over the page's files (PromptInput.wholePage): what it leaves out stays. */
function onPage(input: PromptInput, turn: TurnResult): TurnResult {
  if (!input.wholePage) return turn;
  return { ...turn, files: withAnswerFiles(pageTextFiles(input.wholePage.files, input.assets), turn.files) };
}

/** Throws ModelError (or Cancelled) when the first turn fails; a failed or cancelled repair keeps the first answer. */
export async function generateModelCode(
  config: ProviderConfig,
  input: PromptInput,
  options: ModelCodeOptions = {},
): Promise<ModelCodeResult> {
  const now = options.now ?? (() => performance.now());
  const {
    maxRepairs = 1,
    onStage,
    now: _now,
    libraryTypes = [],
    targetCheck,
    reactNativeTypes,
    ...turnOptions
  } = options;
  let modelMs = 0;
  let postMs = 0;
  const timed = async <T>(fn: () => Promise<T>, add: (ms: number) => void): Promise<T> => {
    const started = now();
    try {
      return await fn();
    } finally {
      add(now() - started);
    }
  };

  const preformatter = new Preformatter();
  const userProgress = turnOptions.onProgress;
  const onProgress: TurnOptions["onProgress"] = (event) => {
    if (event.type === "file") preformatter.add({ path: event.path, content: event.content });
    userProgress?.(event);
  };
  const first = onPage(
    input,
    await timed(
      () => generateTurn(config, input, { ...turnOptions, onProgress }),
      (ms) => (modelMs += ms),
    ),
  );
  onStage?.("checking");
  const checks: ComponentChecks = {
    libraryTypes,
    ...(targetCheck ? { targetCheck } : {}),
    ...(input.componentMap && input.target === "react" ? { componentMap: input.componentMap } : {}),
    ...(input.target === "react-native" ? { reactNative: { types: reactNativeTypes } } : {}),
  };
  const attempts = [
    attemptFrom(
      "answer",
      first,
      await timed(
        () => postProcess(first, preformatter, input.assets, designFonts(input), checks),
        (ms) => (postMs += ms),
      ),
    ),
  ];
  let kept = 0;
  let repair: ModelCodeResult["repair"] = "none";
  const extra: Problem[] = [];

  for (let round = 0; round < maxRepairs; round++) {
    const best = attempts[kept]!;
    const blocking = best.problems.filter(isBlocking);
    if (blocking.length === 0 || best.files.length === 0) break;
    onStage?.("repairing");
    try {
      const { onProgress: _ignored, ...rest } = turnOptions;
      const turn = onPage(
        input,
        await timed(
          () =>
            generateTurn(config, input, {
              ...rest,
              refine: { conversation: best.conversation, instructions: repairInstructions(blocking) },
              onProgress: (event) =>
                event.type === "file" && preformatter.add({ path: event.path, content: event.content }),
            }),
          (ms) => (modelMs += ms),
        ),
      );
      onStage?.("checking");
      const attempt = attemptFrom(
        "repair",
        turn,
        await timed(
          () => postProcess(turn, preformatter, input.assets, designFonts(input), checks),
          (ms) => (postMs += ms),
        ),
      );
      attempts.push(attempt);
      const better = attempt.files.length > 0 && blockingCount(attempt) < blocking.length;
      if (better) kept = attempts.length - 1;
      repair = better ? "kept" : "discarded";
      if (!better)
        extra.push({
          severity: "warning",
          code: "repair",
          message:
            `The repair round did not reduce the problems (${blockingCount(attempt)} ` +
            `after, ${blocking.length} before); kept the first answer.`,
        });
    } catch (error) {
      const cancelled = isCancelled(error);
      repair = cancelled ? "cancelled" : "failed";
      const why = cancelled ? "was cancelled" : `failed (${error instanceof Error ? error.message : String(error)})`;
      extra.push({ severity: "warning", code: "repair", message: `The repair round ${why}; kept the first answer.` });
      break;
    }
  }

  const chosen = attempts[kept]!;
  return {
    files: chosen.files,
    problems: [...extra, ...chosen.problems],
    notes: chosen.notes,
    conversation: chosen.conversation,
    attempts,
    kept,
    repair,
    timings: { modelMs, postMs },
  };
}
