/**
 * "Design from a prompt"'s request, prepared: the brief, the file's design system (its local variables and the fonts
 * it uses, read by the main thread) and the selected frames' (as Generate exports them) sent to the worker, with its
 * estimate for the confirmation. Comes with the Insert as layers part
 * (layers/layers-part.tsx), as the box that asks for it does; ai-request.ts calls it through the part.
 */
import type { FetchedPrice } from "../../contract/messages.js";
import { endpointFor, type Settings } from "../../contract/settings.js";
import type { MainRequests } from "../channel/requests.js";
import type { Engine } from "../engine/engine.js";
import { hostOf } from "../model/job-state.js";
import type { PrepareIo } from "../model/model-job.js";
import type { AiConfirm, AiRequest } from "./ai-state.js";
import type { FrameInfo } from "./frame-info.js";
import { PAGE_FRAME, PAGE_SESSION, type PageAsk } from "./prompt-design.js";

let pages = 0;
/** Once per panel: with the count, a page id no earlier panel's page in History has. */
const run = Date.now().toString(36);

/** The session's name: the brief's first words, as a tab or a zip is named after a frame. */
export function pageName(prompt: string): string {
  const words = prompt.trim().replace(/\s+/g, " ");
  return words.length > 40 ? `${words.slice(0, 39)}…` : words || "Page";
}

/** What preparing a page needs of the Code panel's model job (its AiRequestDeps, without importing them back). */
interface PageDeps {
  requests: MainRequests;
  worker: Engine;
  settings(): Settings;
  prices(): Record<string, FetchedPrice> | undefined;
}

export async function preparePageAsk(
  { requests, worker, settings, prices }: PageDeps,
  { page }: PageAsk,
  io: PrepareIo,
): Promise<{ request: AiRequest; confirm: AiConfirm }> {
  const chosen = settings();
  const fetched = prices();
  void worker.warmUp({ for: "ai-generate" }).catch(() => undefined);
  // The file's design system: every local variable and the fonts the file uses; with a selection, also the selected
  // frames' variables, styles and fonts as Generate exports them. What cannot be read leaves the page without it
  // (the card says so), not without a page.
  io.exporting({ done: 0, total: 0, label: "Reading the design system…" });
  const file = await requests.call("read-design-system", {}, { signal: io.signal }).catch(() => undefined);
  io.signal.throwIfAborted();
  const exported = page.withSelection
    ? await requests
        .call("export-selection", { png: false, assets: false }, { signal: io.signal })
        .catch(() => undefined)
    : undefined;
  io.signal.throwIfAborted();
  io.preparing();
  const reply = await worker.call("ai-prepare-page", {
    prompt: page.prompt,
    model: chosen.model,
    ...(exported ? { exports: exported.frames.map((f) => ({ id: f.id, json: f.json })) } : {}),
    ...(exported?.extras ? { extras: exported.extras } : {}),
    ...(fetched ? { prices: fetched } : {}),
    ...(file ? { file: { ...(file.variables ? { variables: file.variables } : {}), fonts: file.fonts } } : {}),
  });
  const frame: FrameInfo = {
    id: `${PAGE_SESSION}${run}-${++pages}`,
    name: pageName(page.prompt),
    ...PAGE_FRAME,
  };
  const designSystem = reply.input.page?.designSystem ?? "";
  return {
    request: {
      session: {
        frame,
        options: { target: "html", styling: "tailwind", nodeIds: false },
        input: reply.input,
        exports: [],
        turns: [],
        selected: 0,
      },
    },
    confirm: {
      phase: "confirm",
      estimate: reply.estimate,
      to: { model: chosen.model, host: hostOf(endpointFor(chosen)) },
      frame,
      others: 0,
      hasImage: true,
      instructions: page.prompt.trim(),
      draft: false,
      page: { designSystem: designSystem !== "" },
    },
  };
}
