/**
 * A split frame's first turn (issue 74), in the layers part (ui.html's budget): the estimate card's lines (each
 * request), the send (the worker sends each section's request and assembles the page; this relays its progress), the
 * progress per section, and a cancel's note. A cancel keeps the sections answered by then (the worker's `kept` page:
 * whole sections only) as a history entry the user can open.
 */
import type { ModelCodeResult } from "../../ai/code/pipeline.js";
import type { SourceFile } from "../../codegen/types.js";
import { codeEntry, keepInHistory } from "../channel/history-client.js";
import type { SendIo } from "../model/model-job.js";
import type { MainRequests } from "../channel/requests.js";
import type { Engine } from "../engine/engine.js";
import type { AiConfirm, AiJobEvent, AiRequest, Streaming } from "./ai-state.js";
import type { PreparedSections } from "../engine/protocol/model.js";
import type { Estimate } from "../../ai/estimate/estimate.js";
import { plural } from "../../kernel/plural.js";
import { int } from "../model/cost.js";
import { StreamStatus } from "../model/model-job-status.js";
import "./ai-sections.css";
import { clarified } from "./clarify-flow.js";

/** What a cancelled run's history entry says it is. */
export function keptWords(components: readonly string[], count: number): string {
  return (
    `Cancelled after ${components.length} of ${plural(count, "section")}: ${components.join(", ")} ` +
    "(the page renders these; the others were not answered)."
  );
}

export async function sendSections(
  { worker, requests }: { worker: Engine; requests: MainRequests },
  { session, clarify }: AiRequest,
  io: SendIo<AiJobEvent>,
): Promise<ModelCodeResult> {
  const { settings, apiKey, onEvent, signal } = io;
  const sections = session.sections!;
  // "Ask me first": one round of questions for the whole page; the answers go with every section (sections-job.ts).
  const input = clarify ? await clarified(worker, session.input, io) : session.input;
  const answered = new Set<number>();
  let kept: readonly SourceFile[] | undefined;
  try {
    const reply = await worker.call(
      "ai-generate",
      { settings, apiKey, input, sections, timeoutMs: settings.timeoutSec * 1000 },
      {
        signal,
        onEvent: (event) => {
          if (event.type === "section" && event.state === "answered") answered.add(event.index);
          if (event.type === "section" && event.kept) kept = event.kept.files;
          onEvent(event);
        },
      },
    );
    return reply.result;
  } catch (error) {
    if (kept && kept.length > 0) {
      const names = sections.list.flatMap((s, k) => (answered.has(k) ? [s.component] : []));
      keepInHistory(
        requests,
        codeEntry(session.frame, session.options, kept, {
          model: settings.model,
          turns: [
            { role: "user", text: session.input.instructions ?? "" },
            { role: "assistant", text: keptWords(names, sections.list.length) },
          ],
        }),
      );
    }
    throw error;
  }
}

/**
 * A prepared first turn with the card's lines of its other requests: a split frame's sections (they go with the
 * request) and "Ask me first"'s request (sent first; the card's total counts it).
 */
export function withLines(
  prepared: { request: AiRequest; confirm: AiConfirm },
  { sections, clarify }: { sections?: PreparedSections | undefined; clarify?: Estimate | undefined },
): { request: AiRequest; confirm: AiConfirm } {
  const session = sections ? { ...prepared.request.session, sections } : prepared.request.session;
  const lines = [...(clarify ? [clarifyLine(clarify)] : []), ...(sections ? sectionLines(sections) : [])];
  return { request: { ...prepared.request, session }, confirm: { ...prepared.confirm, lines } };
}

/** The card's line of "Ask me first"'s request: its tokens (its picture's), in the total above. */
export function clarifyLine(estimate: Estimate): string {
  const image = estimate.imageTokens > 0 ? ` (${int(estimate.imageTokens)} for the image)` : "";
  return (
    `Ask me first: the model's questions come first, in a request of their own: ≈ ${int(estimate.inputTokens)} ` +
    `tokens${image}, counted in the total.`
  );
}

/** The estimate card's lines of a split frame: why, then each request with its tokens, before anything is sent. */
export function sectionLines(sections: Pick<PreparedSections, "why" | "concurrency" | "list">): string[] {
  return [
    `Split into ${sections.list.length} requests, ${sections.concurrency} at a time: ${sections.why}.`,
    ...sections.list.map(
      (s, k) =>
        `${k + 1}. ${s.component} (y ${int(s.y)}–${int(s.y + s.h)}): ≈ ${int(s.inputTokens)} tokens` +
        (s.images > 0 ? `, ${plural(s.images, "picture")}` : ""),
    ),
  ];
}

const STATE_WORDS = { waiting: "waiting", sent: "the model is writing…", answered: "answered ✓" } as const;

/** A split frame's run: "Section 2 of 5: Features — answered ✓", one line per request. */
export function SectionsStatus({ state, seconds }: { state: Streaming; seconds: number }) {
  const sections = state.sections ?? [];
  const count = sections.length;
  const answered = sections.filter((s) => s.state === "answered").length;
  return (
    <StreamStatus
      class="ai-stream"
      stage={state.stage}
      title={
        answered === count
          ? "Assembling the page and checking the files…"
          : `${answered} of ${plural(count, "section")} answered`
      }
      seconds={seconds}
      progressLabel="Model progress"
    >
      <ul class="ai-stream__files ai-stream__sections" aria-label="Sections">
        {sections.map((s, k) => (
          <li key={s.component} class={s.state === "answered" ? "is-done" : "is-writing"}>
            Section {k + 1} of {count}: <code>{s.component}</code> — {STATE_WORDS[s.state]}
          </li>
        ))}
      </ul>
    </StreamStatus>
  );
}

/** Under Cancelled (or a failure): which sections were kept in History, none half-written. */
export function KeptSections({ state }: { state: Streaming }) {
  const done = (state.sections ?? []).filter((s) => s.state === "answered").map((s) => s.component);
  return (
    <p class="muted ai-kept">
      {done.length > 0
        ? `Sections answered by then, kept in History: ${done.join(", ")}. None was half-written.`
        : "No section had been answered: nothing was kept."}
    </p>
  );
}
