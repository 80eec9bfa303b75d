/**
 * The Code panel's own pieces of its model job: export the frame (with its PNG) and build the prompt and its
 * estimate in the worker; send a first turn, a refinement or a correction round ("Fix differences", ai-fix.ts);
 * keep the answer as a new turn of its frame's session (a correction round's only when it measured better). The
 * steps around them (key, confirm, stream, cancel, failures) are ui/model/model-job.ts.
 */
import type { ModelCodeResult } from "../../ai/code/pipeline.js";
import type { CodeOptions } from "../../codegen/load.js";
import type { FetchedPrice } from "../../contract/messages.js";
import { endpointFor, type Settings } from "../../contract/settings.js";
import type { MainRequests } from "../channel/requests.js";
import { hostOf } from "../model/job-state.js";
import type { ModelJobPieces, PrepareIo, SendIo } from "../model/model-job.js";
import type { Engine } from "../engine/engine.js";
import { prepareFix, sendFix, type FixAsk } from "./ai-fix.js";
import type { AiSessions } from "./ai-sessions.js";
import {
  applyEvent,
  type AiConfirm,
  type AiJobEvent,
  type AiRequest,
  type AiSession,
  type AiTurn,
  type Streaming,
} from "./ai-state.js";
import { withFixOutcome, type FixOutcome } from "./fix-state.js";
import { loadDraft } from "./draft-loader.js";
import type { PageAsk } from "./prompt-design.js";
import { loadLayers } from "./layers/layers-loader.js";
import { drawsOnePage } from "./drawn-page.js";
import type { WholePageAsk } from "./whole-page.js";

export interface AiStartOptions {
  options: CodeOptions;
  instructions: string;
  draft: boolean;
  /** "Ask me first": the model may ask up to three questions before generating (off by default). */
  clarify?: boolean | undefined;
}

export interface AiRequestDeps {
  requests: MainRequests;
  worker: Engine;
  sessions: AiSessions;
  settings(): Settings;
  /** Fetched from the endpoint's listing (Settings → Test connection); they win in the estimate. */
  prices(): Record<string, FetchedPrice> | undefined;
  /** A start got past the key check (Regenerate repeats its instructions and draft choice). */
  started(start: AiStartOptions): void;
  /** A turn finished: the session with it as its last turn (kept in history). */
  onTurn(session: AiSession): void;
}

/**
 * What the job is asked for: a first turn (Generate with AI, Regenerate), a correction round of a turn, or a page
 * designed from a prompt.
 */
export type AiAsk = AiStartOptions | FixAsk | PageAsk | WholePageAsk;

/** What a send gives: a turn's result, or a correction round's verdict (with its answer when kept). */
export type AiAnswer = { kind: "turn"; result: ModelCodeResult } | ({ kind: "fix" } & FixOutcome);

export function aiPieces(
  deps: AiRequestDeps,
): ModelJobPieces<AiAsk, AiRequest, AiConfirm, Streaming, AiJobEvent, AiAnswer> {
  return {
    prepare: (ask, io) =>
      "fix" in ask
        ? prepareFix(deps, ask, io)
        : "page" in ask
          ? loadLayers(deps.requests).then((part) => part.preparePageAsk(deps, ask, io))
          : "wholePage" in ask
            ? loadLayers(deps.requests).then((part) => part.prepareWholePage(deps, ask, io))
            : prepareAi(deps, ask, io),
    send: (request, io) => {
      if (request.fix)
        return sendFix(deps, { ...request, fix: request.fix }, io).then(
          (outcome): AiAnswer => ({ kind: "fix", ...outcome }),
        );
      const send =
        request.session.sections && !request.refine
          ? loadLayers(deps.requests).then((part) => part.sendSections(deps, request, io))
          : sendAi(deps, request, io);
      return send.then((result): AiAnswer => ({ kind: "turn", result }));
    },
    streaming: (request, startedAt) => {
      const fixing = request.fix ? request.session.turns[request.fix.parent]?.n : undefined;
      const split = request.fix || request.refine ? undefined : request.session.sections;
      return {
        phase: "streaming",
        stage: "connecting",
        asking: request.clarify && !request.refine,
        notes: "",
        files: [],
        refining: request.refine?.instructions,
        ...(fixing !== undefined ? { fixing } : {}),
        ...(split ? { sections: split.list.map((s) => ({ component: s.component, state: "waiting" as const })) } : {}),
        startedAt,
      };
    },
    progress: applyEvent,
    // A correction round starts from the session on show (a first turn's session is new until it is sent).
    sent: (request) => request.fix === undefined && deps.sessions.put(request.session),
    done: (answer, request, run) => {
      const latest = deps.sessions.get(request.session.frame.id) ?? request.session;
      const turn = (result: ModelCodeResult): AiTurn => turnOf(result, request, latest, run);
      const next =
        answer.kind === "fix"
          ? withFixOutcome(latest, answer, turn)
          : { ...latest, turns: [...latest.turns, turn(answer.result)], selected: latest.turns.length };
      deps.sessions.put(next);
      if (answer.kind === "turn" || answer.kept) deps.onTurn(next);
    },
  };
}

async function prepareAi(
  { requests, worker, sessions, settings, prices, started }: AiRequestDeps,
  start: AiStartOptions,
  io: PrepareIo,
): Promise<{ request: AiRequest; confirm: AiConfirm }> {
  const chosen = settings();
  const fetched = prices();
  started(start);
  io.exporting({ done: 0, total: 0, label: "Exporting the frame…" });
  // The worker (tokenizer, SDK, code parts) boots while Figma exports.
  void worker.warmUp({ for: "ai-generate" }).catch(() => undefined);
  const { frames, extras } = await requests.call(
    "export-selection",
    // Cropped into sections, the picture must keep 1 px per design px (the setting, on by default).
    { png: true, ...(chosen.codeSections ? { fullResolution: true } : {}) },
    { signal: io.signal, onEvent: (m) => io.exporting({ done: m.done, total: m.total, label: m.label }) },
  );
  io.signal.throwIfAborted();
  // A page drawn at several widths goes to the model whole: every drawing, each with its picture (widest first).
  const page = drawsOnePage(frames) ? [...frames].sort((a, b) => b.width - a.width) : undefined;
  const frame = page?.[0] ?? frames[0];
  if (!frame) throw new Error("Figma sent no frame.");
  for (const f of page ?? [frame]) if (!f.png) throw new Error(`Figma sent no image of “${f.name}”.`);
  io.preparing();
  const { options, instructions, draft, clarify } = start;
  // The hint and the offline draft describe the layout the offline code has: checked at the design width in the
  // measuring iframe (layout-check.ts), as Generate checks it.
  const exported = (page ?? [frame]).map((f) => ({ id: f.id, json: f.json }));
  const drafter = await loadDraft(requests).catch(() => undefined);
  const check = drafter
    ? await drafter.checkDraftLayout(exported, extras, io.signal).catch(() => undefined)
    : undefined;
  io.signal.throwIfAborted();
  // The model is asked to carry each layer's id (data-node-id): the fidelity score finds the layers by them.
  const prompted = { ...options, nodeIds: true, ...(check ? { layoutDecisions: check.decisions } : {}) };
  const prepared = await worker.call("ai-prepare", {
    exports: exported,
    ...(extras ? { extras } : {}),
    png: frame.png!,
    ...(page ? { drawings: page.slice(1).map((f) => ({ id: f.id, png: f.png! })) } : {}),
    options: prompted,
    model: chosen.model,
    draft,
    instructions,
    ...(fetched ? { prices: fetched } : {}),
    ...(chosen.codeSections ? { sections: true } : {}),
    clarify: clarify === true,
  });
  const info = { id: frame.id, name: frame.name, width: frame.width, height: frame.height };
  const existing = sessions.get(frame.id);
  const exports = frames.map((f) => ({ id: f.id, json: f.json }));
  const out: { request: AiRequest; confirm: AiConfirm } = {
    request: {
      session: {
        frame: info,
        options,
        input: prepared.input,
        exports,
        turns: existing?.turns ?? [],
        selected: existing?.selected ?? 0,
      },
      clarify,
    },
    confirm: {
      phase: "confirm",
      estimate: prepared.estimate,
      to: { model: chosen.model, host: hostOf(endpointFor(chosen)) },
      frame: info,
      others: page ? 0 : frames.length - 1,
      hasImage: prepared.image !== undefined,
      instructions: instructions.trim(),
      draft,
    },
  };
  // A split frame: its sections go with the request, their lines on the card, as Ask me first's request's (the layers
  // part's: ui.html's budget).
  const { sections, clarify: asked } = prepared;
  return sections || asked ? (await loadLayers(requests)).withLines(out, { sections, clarify: asked }) : out;
}

/**
 * The Code panel's one model call: a first turn, or a refinement carrying its parent turn's conversation. "Ask me
 * first" asks the model's questions before a first turn and waits for the answers (clarify-flow.ts).
 */
async function sendAi(
  { worker, requests }: AiRequestDeps,
  { session, refine, clarify, input: own }: AiRequest,
  io: SendIo<AiJobEvent>,
): Promise<ModelCodeResult> {
  const { settings, onEvent, signal } = io;
  const parent = refine && !own ? session.turns[refine.parent] : undefined;
  const refining =
    refine && parent ? { refine: { conversation: parent.conversation, instructions: refine.instructions } } : {};
  // Its flow and questions come with the layers part (ui.html's budget). A request with its own input (a split page's
  // refinement) starts a new conversation with it.
  const input =
    own ??
    (clarify && !refine ? await (await loadLayers(requests)).clarified(worker, session.input, io) : session.input);
  const body = { settings, apiKey: io.apiKey, input, ...refining, timeoutMs: settings.timeoutSec * 1000 };
  return (await worker.call("ai-generate", body, { onEvent, signal })).result;
}

function turnOf(
  result: ModelCodeResult,
  { session, refine }: AiRequest,
  latest: AiSession,
  run: { startedAt: number; settings: Settings },
): AiTurn {
  return {
    n: latest.turns.length + 1,
    instructions: refine?.instructions ?? session.input.instructions ?? "",
    parent: refine?.parent,
    files: result.files,
    problems: result.problems,
    notes: result.notes,
    conversation: result.conversation,
    answer: result.attempts[result.kept]?.text ?? "",
    repair: result.repair,
    attempts: result.attempts.length,
    ms: Date.now() - run.startedAt,
    model: run.settings.model,
  };
}
