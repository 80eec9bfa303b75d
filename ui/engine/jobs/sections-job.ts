/**
 * A split frame's generation in the worker (issue 74): every section's request through ai/code/sections/run.ts (a few
 * at a time, each streamed and cancellable), then the page assembled (assemble.ts) and returned as one model result.
 * Each section is reported as it is sent and answered; a cancel assembles the sections answered by then (none
 * half-written) and reports them as `kept` before the job ends (a failure does too).
 */
import type { ModelCodeResult } from "../../../ai/code/pipeline.js";
import type { ProviderConfig } from "../../../ai/client/providers.js";
import { generateSections, type SectionAnswer } from "../../../ai/code/sections/run.js";
import { assembleSections } from "../../../ai/code/sections/assemble.js";
import type { PreparedSections } from "../protocol/model.js";
import type { ReplyOf, RequestOf } from "../protocol/index.js";
import type { JobContext } from "./job.js";

type Request = RequestOf<"ai-generate">;

/** The answers (in drawn order) made one page. */
function assemble(answers: readonly SectionAnswer[], sections: PreparedSections, request: Request) {
  const ordered = [...answers].sort((a, b) => a.index - b.index);
  return assembleSections(
    ordered.map((a) => ({ component: a.component, files: a.result.files })),
    sections.list.map((s) => s.component),
    request.input,
    sections.frame,
  );
}

/** The assembled page as one model result: the sections' notes in order, the last section's conversation. */
function asResult(
  page: { files: ModelCodeResult["files"]; problems: ModelCodeResult["problems"] },
  answers: readonly SectionAnswer[],
): ModelCodeResult {
  const ordered = [...answers].sort((a, b) => a.index - b.index);
  const notes = ordered.map((a) => `${a.component}: ${a.result.notes}`.trim()).join("\n");
  const last = ordered[ordered.length - 1]!.result;
  const repaired = ordered.some((a) => a.result.repair === "kept");
  return {
    files: page.files,
    problems: page.problems,
    notes,
    conversation: last.conversation,
    attempts: [
      { kind: "answer", files: page.files, problems: page.problems, notes, text: "", conversation: last.conversation },
    ],
    kept: 0,
    repair: repaired ? "kept" : "none",
    timings: {
      modelMs: ordered.reduce((sum, a) => sum + a.result.timings.modelMs, 0),
      postMs: ordered.reduce((sum, a) => sum + a.result.timings.postMs, 0),
    },
  };
}

export async function runSectionsJob(
  config: ProviderConfig,
  request: Request,
  sections: PreparedSections,
  { signal, emit }: JobContext<"ai-generate">,
): Promise<ReplyOf<"ai-generate">> {
  const answered: SectionAnswer[] = [];
  try {
    // The user's answers to "Ask me first" go with every section's request.
    const { decisions } = request.input;
    const inputs = decisions ? sections.inputs.map((input) => ({ ...input, decisions })) : sections.inputs;
    await generateSections(config, inputs, {
      signal,
      timeoutMs: request.timeoutMs,
      concurrency: sections.concurrency,
      onStart: (index) => emit({ type: "section", index, state: "sent" }),
      onAnswered: (answer) => {
        answered.push(answer);
        emit({ type: "section", index: answer.index, state: "answered" });
      },
    });
  } catch (error) {
    // Cancelled or failed: the sections answered by then, whole, for the panel to keep.
    const kept = answered.length > 0 ? await assemble(answered, sections, request).catch(() => undefined) : undefined;
    if (kept) emit({ type: "section", index: answered.length, state: "kept", kept });
    throw error;
  }
  return { result: asResult(await assemble(answered, sections, request), answered) };
}
