/**
 * The Generate image panel's own pieces of its model job: check the form and (with the selection as the
 * reference) export it, estimate in the worker; send the request, painting partial images straight onto their
 * slots; turn the reply into versions. The steps around them (key, confirm, stream, cancel, failures) are
 * ui/model/model-job.ts.
 */
import { sizeText } from "../../ai/image/options.js";
import type { FetchedPrice, SelectionSummary } from "../../contract/messages.js";
import { endpointFor, type Settings } from "../../contract/settings.js";
import type { MainRequests } from "../channel/requests.js";
import { hostOf } from "../model/job-state.js";
import type { ModelJobPieces, PrepareIo, SendIo } from "../model/model-job.js";
import type { Engine } from "../engine/engine.js";
import type { ImageRequestData } from "../engine/protocol/image.js";
import type { ReplyOf } from "../engine/protocol/index.js";
import type { ApiKeyVault } from "../model/api-key.js";
import type { ImageForm } from "./form.js";
import {
  applyImageEvent,
  streaming,
  type Destination,
  type ImageConfirm,
  type ImageRunEvent,
  type Streaming,
} from "./image-state.js";
import type { PartialPainter } from "./painter.js";
import { requestData } from "./request-data.js";
import { imageRoute } from "../../ai/image/route.js";
import { versionsFrom, type ImageVersion } from "./versions.js";
import {
  prepareRenderSd,
  prepareRerenderSd,
  renderForm,
  type RenderControl,
  type RenderTarget,
} from "./render-request.js";
import {
  interruptedText,
  prepareSd,
  sdDestination,
  sdVersionsFrom,
  sendSd,
  streamingSd,
  type PendingSd,
  type SdReply,
  type SdStopper,
} from "./sd-request.js";
import {
  asRepaintOf,
  hostedInpaintData,
  originalVersion,
  readMask,
  sdInpaintData,
  targetOf,
  type InpaintAsk,
  type InpaintTarget,
} from "./inpaint/inpaint-request.js";
import { FigmentError } from "../../kernel/errors.js";
import { isLocalSource } from "./sd-connection.js";

type GenerateImageReply = ReplyOf<"generate-image">;

/** What the user asked for: a new image from the form, or a change (`words`) to `version`. */
export interface ImageAsk {
  form: ImageForm;
  refine: { version: ImageVersion; words: string } | undefined;
  /** "Render this frame": a mockup that keeps this frame's layout, placed beside it. */
  render?: RenderTarget;
  /** "Repaint the masked area" of the selection's image layer (inpaint/). */
  inpaint?: InpaintAsk;
  /** "Same seed" on a render: the frame (by id) through the same ControlNet unit again, placed beside it. */
  rerender?: RenderControl;
}

/** A request ready to send: its data, where it goes, and what the versions will say about it. */
export interface PendingImage {
  data: ImageRequestData;
  reasonFirst: boolean;
  to: Destination;
  prompt: string;
  /** The version this builds on. */
  refining: { n: number; id: string } | undefined;
  /** A render of this frame: placed beside it once made. */
  render?: RenderTarget;
  /** Inpainting: the layer whose image the result replaces. */
  inpaint?: InpaintTarget;
}

export interface ImageRequestDeps {
  requests: MainRequests;
  worker: Engine;
  vault: ApiKeyVault;
  live(): { settings: Settings; selection: SelectionSummary; prices: Record<string, FetchedPrice> | undefined };
  painter: PartialPainter;
  /** The versions made so far (the new ones are numbered after them). */
  versions(): ImageVersion[];
  /** Gets the versions each request made. */
  made(versions: ImageVersion[]): void;
  /** What Cancel calls while a local SD server's run goes. */
  stopper: SdStopper;
  /** A confirmation for the designer (a toast): what Cancel kept of an SD run. */
  report(text: string): void;
  /** Places a render's image beside the frame it renders. */
  placeRender(version: ImageVersion, frame: RenderTarget): void;
  /** Puts a repaint on its layer (after `made` got the original and the repaint). */
  repaint(target: InpaintTarget, version: ImageVersion, original: ImageVersion): void;
}

/** A request to the hosted model, or to a local SD server (Settings → Images). */
export type ImageRunRequest = PendingImage | PendingSd;
/** Its answer, tagged by where it came from. */
export type ImageRunReply = { from: "hosted"; reply: GenerateImageReply } | { from: "sd"; reply: SdReply };

const isSd = (pending: ImageRunRequest): pending is PendingSd => "sd" in pending;

export function imagePieces(
  deps: ImageRequestDeps,
): ModelJobPieces<ImageAsk, ImageRunRequest, ImageConfirm, Streaming, ImageRunEvent, ImageRunReply> {
  const { painter } = deps;
  return {
    // A local SD server draws new images; refining a version stays the hosted model's (SD's img2img is "Use selection
    // as reference").
    prepare: (ask, io) => {
      if (ask.inpaint) return prepareInpaint(deps, ask.form, ask.inpaint, io);
      if (!isLocalSource(deps.live().settings.imageSource) || ask.refine) return prepareImage(deps, ask, io);
      if (ask.rerender) return prepareRerenderSd(deps, ask.form, ask.rerender, io);
      return ask.render ? prepareRenderSd(deps, ask.form, ask.render, io) : prepareSd(deps, ask.form, io);
    },
    send: async (pending, io) =>
      isSd(pending)
        ? { from: "sd", reply: await sendSd(deps, pending, io) }
        : { from: "hosted", reply: await sendImage(deps, pending, io) },
    streaming: (pending, startedAt) => {
      if (isSd(pending)) return streamingSd(pending, startedAt);
      const { to, prompt, data, refining } = pending;
      return streaming(
        to,
        prompt,
        data.count,
        data.size === "auto" ? 1 : data.size.width / data.size.height,
        refining?.n,
        startedAt,
      );
    },
    progress: (state, event) => {
      if (event.type === "image-partial") painter.paint(event.image, event.index, event.bytes, event.at);
      return applyImageEvent(state, event);
    },
    done: (answer, pending, { startedAt, settings }) => {
      const finishedAt = Date.now();
      // A repaint: the layer's original becomes a version first, the parent of what came back.
      const original = pending.inpaint
        ? originalVersion(pending.inpaint, isSd(pending) ? "custom" : settings.provider, deps.versions(), finishedAt)
        : undefined;
      const existing = original ? [...deps.versions(), original] : deps.versions();
      let made: ImageVersion[] = [];
      if (answer.from === "sd" && isSd(pending)) {
        made = sdVersionsFrom(answer.reply, pending, { startedAt, finishedAt }, existing);
        if (answer.reply.interrupted) deps.report(interruptedText(answer.reply));
      } else if (answer.from === "hosted" && !isSd(pending)) {
        const { data } = pending;
        const run = {
          prompt: pending.prompt,
          ...(pending.refining ? { parent: pending.refining } : {}),
          quality: data.quality,
          size: sizeText(data.size),
          provider: settings.provider,
          references: data.references.length,
          startedAt,
          finishedAt,
        };
        made = versionsFrom(answer.reply, run, existing);
      }
      const repaint = original && pending.inpaint && made.length > 0 ? asRepaintOf(original, made) : undefined;
      if (original && pending.inpaint && repaint?.[0]) {
        deps.made([original, ...repaint]);
        deps.repaint(pending.inpaint, repaint[0], original);
      } else deps.made(made);
      painter.reset();
      // A render goes on the canvas at once, beside its frame (the version stays in the strip as well).
      if (pending.render && made[0]) deps.placeRender(made[0], pending.render);
    },
    // Nothing half-done stays on the slots once a request is stopped, fails or is replaced.
    stopped: () => painter.reset(),
  };
}

/**
 * "Repaint the masked area": the mask from the selection, then img2img on a local SD server or the hosted Images API's
 * edit.
 */
async function prepareInpaint(
  deps: ImageRequestDeps,
  form: ImageForm,
  ask: InpaintAsk,
  io: PrepareIo,
): Promise<{ request: ImageRunRequest; confirm?: ImageConfirm }> {
  const { requests, worker, live } = deps;
  const { settings, prices } = live();
  if (!ask.prompt.trim()) throw new FigmentError("input", "Say what to paint in the masked area.");
  const { source, mask } = await readMask(requests, io);
  const inpaint = targetOf(source);
  if (isLocalSource(settings.imageSource)) {
    const sd = sdInpaintData(ask, form, settings, source, mask);
    return { request: { sd, to: sdDestination(settings), prompt: sd.prompt, references: 1, inpaint } };
  }
  // Only the Images API takes a mask: Reason first (the Responses API) is not used for a repaint.
  const route = imageRoute(settings, false);
  const to = { ...route, host: hostOf(endpointFor(settings)) };
  const data = hostedInpaintData(ask, form, source, mask, route.imageModel);
  void worker.warmUp().catch(() => undefined);
  const reply = await worker.call("image-prepare", {
    settings,
    reasonFirst: false,
    request: data,
    ...(prices ? { prices } : {}),
  });
  if (reply.problems.length > 0 || !reply.estimate)
    throw new FigmentError(
      "input",
      reply.problems.map((p) => p.message).join(" ") || "The request could not be estimated.",
    );
  return {
    request: { data, reasonFirst: false, to, prompt: data.prompt, refining: undefined, inpaint },
    confirm: {
      phase: "confirm",
      to,
      estimate: reply.estimate,
      notes: [
        `Repaints the masked area of “${source.name}”; the layer's ` +
          `image is replaced and its original kept as a version.`,
        ...reply.notes,
      ],
      prompt: data.prompt,
      refining: undefined,
      references: [source.name],
      withHint: false,
    },
  };
}

async function prepareImage(
  { requests, worker, live }: ImageRequestDeps,
  ask: ImageAsk,
  io: PrepareIo,
): Promise<{ request: PendingImage; confirm: ImageConfirm }> {
  const { settings, selection, prices } = live();
  const { refine, render } = ask;
  // A render: the frame's shape and picture, one image, through the Images API's edits.
  const form = render ? renderForm(ask.form) : ask.form;
  const route = imageRoute(settings, form.reasonFirst);
  const plan = requestData(form, render ?? selection.nodes[0], route, refine);
  if (!plan.ok) throw new FigmentError("input", plan.problem);
  const { data, prompt } = plan;
  const version = refine?.version;
  const to = { ...route, host: hostOf(endpointFor(settings)) };
  void worker.warmUp().catch(() => undefined);
  const useReference = form.useReference && !version;
  if (useReference) io.exporting({ done: 0, total: 0, label: "Exporting the selection…" });
  else io.preparing();
  const exported = useReference
    ? (
        await requests.call(
          "export-selection",
          { png: true, assets: false },
          { signal: io.signal, onEvent: (m) => io.exporting({ done: m.done, total: m.total, label: m.label }) },
        )
      ).frames
    : [];
  io.signal.throwIfAborted();
  const frames = render ? exported.filter((f) => f.id === render.id) : exported;
  if (render && !frames[0]?.png)
    throw new FigmentError(
      "input",
      `“${render.name}” gave no picture to render: select the frame again (it must be the only layer selected).`,
    );
  if (render) data.keepComposition = true;
  data.references = frames
    .flatMap((f) => (f.png ? [{ bytes: f.png, name: `${f.name.slice(0, 80) || "selection"}.png` }] : []))
    .slice(0, 16);
  io.preparing();
  const reply = await worker.call("image-prepare", {
    settings,
    reasonFirst: form.reasonFirst,
    request: data,
    ...(frames.length ? { exports: frames.map((f) => ({ id: f.id, json: f.json })) } : {}),
    ...(prices ? { prices } : {}),
  });
  if (reply.problems.length > 0 || !reply.estimate)
    throw new FigmentError(
      "input",
      reply.problems.map((p) => p.message).join(" ") || "The request could not be estimated.",
    );
  if (reply.designHint) data.designHint = reply.designHint;
  return {
    request: {
      data,
      reasonFirst: form.reasonFirst,
      to,
      prompt,
      refining: version ? { n: version.n, id: version.id } : undefined,
      ...(render ? { render } : {}),
    },
    confirm: {
      phase: "confirm",
      to,
      estimate: reply.estimate,
      notes: reply.notes,
      prompt,
      refining: version?.n,
      references: frames.map((f) => f.name),
      withHint: reply.designHint !== undefined,
      ...(render ? { render: render.name } : {}),
    },
  };
}

/** The image panel's one model call: the key goes to the worker and nowhere else. */
function sendImage(
  { worker, live }: ImageRequestDeps,
  pending: PendingImage,
  { settings, apiKey, onEvent, signal }: SendIo<ImageRunEvent>,
): Promise<GenerateImageReply> {
  const { prices } = live();
  return worker.call(
    "generate-image",
    {
      settings,
      reasonFirst: pending.reasonFirst,
      apiKey,
      request: pending.data,
      timeoutMs: settings.timeoutSec * 1000,
      ...(prices ? { prices } : {}),
    },
    { onEvent, signal },
  );
}
