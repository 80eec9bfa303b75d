/**
 * "Fix differences" in the model job (issue 25): the panel's half of what the CLI's `--ai --verify` does. The round
 * itself — its picture, request, estimate, the loop that keeps only what measures better — is fix-round.ts, loaded
 * with the draft part; here is what the panel gives it and how its end becomes the job's.
 */
import type { FetchedPrice } from "../../contract/messages.js";
import { endpointFor, type Settings } from "../../contract/settings.js";
import type { MainRequests } from "../channel/requests.js";
import { Cancelled } from "../../kernel/cancelled.js";
import type { Engine } from "../engine/engine.js";
import { hostOf } from "../model/job-state.js";
import type { PrepareIo, SendIo } from "../model/model-job.js";
import { pageOf } from "./ai-score.js";
import type { AiSessions } from "./ai-sessions.js";
import type { AiConfirm, AiJobEvent, AiRequest } from "./ai-state.js";
import { loadDraft } from "./draft-loader.js";
import { fixableScore, type FixOutcome } from "./fix-state.js";
import { FigmentError } from "../../kernel/errors.js";

/** What a correction round needs of the panel (ai-request.ts's deps have it). */
export interface FixDeps {
  requests: MainRequests;
  worker: Engine;
  sessions: Pick<AiSessions, "get">;
  settings(): Settings;
  prices(): Record<string, FetchedPrice> | undefined;
}

/** What "Fix differences" asks for: a correction round of turn `turn` (an index) of frame `frame`'s conversation. */
export interface FixAsk {
  fix: { frame: string; turn: number };
}

/** Pictures the turn's page, builds the round and its estimate; nothing is sent. */
export async function prepareFix(
  deps: FixDeps,
  { fix }: FixAsk,
  io: PrepareIo,
): Promise<{ request: AiRequest; confirm: AiConfirm }> {
  const session = deps.sessions.get(fix.frame);
  const score = fixableScore(session?.turns[fix.turn]);
  if (!session || !score) throw new FigmentError("input", "This result has no measured differences to fix.");
  io.preparing();
  const chosen = deps.settings();
  const draft = await loadDraft(deps.requests);
  return draft.prepareFixRound({
    session,
    index: fix.turn,
    score,
    worker: deps.worker,
    page: (files) => pageOf(deps.worker, session, files),
    to: { model: chosen.model, host: hostOf(endpointFor(chosen)) },
    prices: deps.prices(),
    signal: io.signal,
  });
}

/**
 * Sends the round and measures its answer; a failed request fails the job as any model request does (nothing on show
 * changes).
 */
export async function sendFix(
  deps: FixDeps,
  request: AiRequest & { fix: NonNullable<AiRequest["fix"]> },
  io: SendIo<AiJobEvent>,
): Promise<FixOutcome> {
  const { session, fix } = request;
  const draft = await loadDraft(deps.requests);
  const ran = await draft.runFixRound({
    session,
    fix,
    worker: deps.worker,
    page: (files) => pageOf(deps.worker, session, files),
    io,
  });
  if (io.signal.aborted) throw new Cancelled();
  if ("failure" in ran) throw ran.failure;
  return ran.outcome;
}
