/**
 * The Image panel's pieces of its model job when the source is a local SD server (Settings → Images): check the
 * form, export the selection when it is the reference (img2img), and send at once (nothing to estimate: the
 * server is the user's own); the server's previews are painted on their slots as the hosted model's partials are,
 * its progress and ETA move the bar. Cancel sends the interrupt and waits for what the server returns: those
 * images become versions like any others, each with its seed. The server's credentials are read for its own
 * base URL only, at send time.
 */
import type { SelectionSummary } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import type { MainRequests } from "../channel/requests.js";
import type { Engine } from "../engine/engine.js";
import type { ReplyOf } from "../engine/protocol/index.js";
import type { SdRequestData } from "../engine/protocol/sd.js";
import type { ApiKeyVault } from "../model/api-key.js";
import { hostOf } from "../model/job-state.js";
import type { PrepareIo, SendIo } from "../model/model-job.js";
import type { ImageForm } from "./form.js";
import { streaming, type Destination, type ImageRunEvent, type Streaming } from "./image-state.js";
import { checkSdForm, sdRequestData } from "./sd-form.js";
import type { ImageVersion } from "./versions.js";
import type { RenderTarget } from "./render-target.js";
import { plural } from "../../kernel/plural.js";
import type { InpaintTarget } from "./inpaint/inpaint-request.js";
import type { SdRecord } from "../../contract/image.js";
import { FigmentError } from "../../kernel/errors.js";
import { sdConnection } from "./sd-connection.js";

export type SdReply = ReplyOf<"sd-generate">;

/** An SD request ready to go: its data, where it goes, and what its versions will say. */
export interface PendingSd {
  sd: SdRequestData;
  to: Destination;
  prompt: string;
  /** The frames sent as the init image (img2img) or the control image (a render). */
  references: number;
  /** A render of this frame: placed beside it once made. */
  render?: RenderTarget;
  /** Inpainting: the layer whose image the result replaces. */
  inpaint?: InpaintTarget;
}

/** How often the panel asks the server for its progress and preview while a run goes. */
export const SD_POLL_MS = 500;

/** What Cancel calls while an SD run goes: sends the interrupt once (true), or says there is no run to stop (false). */
export interface SdStopper {
  current: { interrupt(): boolean } | undefined;
}

export interface SdRequestDeps {
  requests: MainRequests;
  worker: Engine;
  vault: ApiKeyVault;
  live(): { settings: Settings; selection: SelectionSummary };
  stopper: SdStopper;
}

/** Where an SD request goes, as the stream names it: the model Settings picked (else the server's), at its host. */
export function sdDestination(settings: Settings): Destination {
  const model = settings.sdModel || (settings.imageSource === "comfyui" ? "ComfyUI" : "Stable Diffusion");
  return { api: "images", model, imageModel: model, host: hostOf(settings.sdBaseUrl) };
}

export async function prepareSd(
  { requests, live }: SdRequestDeps,
  form: ImageForm,
  io: PrepareIo,
): Promise<{ request: PendingSd }> {
  const { settings, selection } = live();
  const check = checkSdForm(form);
  if (!check.ready) throw new FigmentError("input", Object.values(check.problems)[0] ?? "Describe the image first.");
  const useReference = form.useReference && selection.nodes[0] !== undefined;
  let init: Uint8Array | undefined;
  let references = 0;
  if (useReference) {
    io.exporting({ done: 0, total: 0, label: "Exporting the selection…" });
    const { frames } = await requests.call(
      "export-selection",
      { png: true, assets: false },
      { signal: io.signal, onEvent: (m) => io.exporting({ done: m.done, total: m.total, label: m.label }) },
    );
    io.signal.throwIfAborted();
    const frame = frames.find((f) => f.png);
    if (!frame?.png)
      throw new FigmentError(
        "input",
        "The selection gave no picture to start from: select a frame, or untick “Use selection as reference”.",
      );
    init = frame.png;
    references = 1;
  }
  const to = sdDestination(settings);
  const sd = sdRequestData(form, settings, init);
  // No estimate card: nothing is paid, so it goes at once.
  return { request: { sd, to, prompt: sd.prompt, references } };
}

export function streamingSd(pending: PendingSd, startedAt: number): Streaming {
  return {
    ...streaming(
      pending.to,
      pending.prompt,
      pending.sd.batchSize,
      pending.sd.width / pending.sd.height,
      undefined,
      startedAt,
    ),
    sd: { progress: undefined, stopping: false },
  };
}

/** The one call to the worker; Cancel (the stopper) interrupts the run and the reply still brings what was made. */
export async function sendSd(
  { worker, vault, live, stopper }: SdRequestDeps,
  pending: PendingSd,
  io: SendIo<ImageRunEvent>,
): Promise<SdReply> {
  const { settings } = live();
  const stop = new AbortController();
  // A run replaced or dropped (not Cancel's interrupt) stops the server's run too.
  const drop = (): void => stop.abort();
  io.signal.addEventListener("abort", drop, { once: true });
  const own = {
    interrupt(): boolean {
      if (stop.signal.aborted) return false;
      stop.abort();
      io.onEvent({ type: "sd-stopping" });
      return true;
    },
  };
  stopper.current = own;
  try {
    return await worker.call(
      "sd-generate",
      {
        connection: sdConnection(settings, vault),
        request: pending.sd,
        pollMs: SD_POLL_MS,
      },
      { onEvent: io.onEvent, signal: stop.signal },
    );
  } finally {
    io.signal.removeEventListener("abort", drop);
    if (stopper.current === own) stopper.current = undefined;
  }
}

/** The versions one SD run made, numbered after `existing`, each with its seed and the run's parameters. */
export function sdVersionsFrom(
  reply: SdReply,
  pending: PendingSd,
  run: { startedAt: number; finishedAt: number },
  existing: readonly ImageVersion[],
): ImageVersion[] {
  const first = existing.reduce((n, v) => Math.max(n, v.n), 0) + 1;
  const { sd } = pending;
  return reply.images.map((image, i) => {
    const seed = image.seed ?? (sd.seed !== undefined ? sd.seed + i : undefined);
    return {
      id: `v${run.finishedAt.toString(36)}-${first + i}`,
      n: first + i,
      prompt: pending.prompt,
      width: image.width,
      height: image.height,
      format: image.format,
      quality: "auto",
      size: `${sd.width}x${sd.height}`,
      provider: "custom",
      api: "images",
      model: pending.to.model,
      imageModel: pending.to.imageModel,
      createdAt: run.finishedAt,
      bytes: image.bytes,
      ms: run.finishedAt - run.startedAt,
      count: Math.min(4, reply.images.length),
      index: Math.min(3, i),
      references: pending.references,
      ...(seed !== undefined
        ? {
            sd: {
              seed,
              steps: sd.steps,
              cfgScale: sd.cfgScale,
              ...(sd.sampler ? { sampler: sd.sampler } : {}),
              ...(sd.negativePrompt ? { negativePrompt: sd.negativePrompt } : {}),
              ...(sd.init ? { strength: sd.init.strength } : {}),
              ...controlRecord(pending),
            },
          }
        : {}),
    };
  });
}

/** A render's control unit and its frame, for the record: what "Same seed" renders again through the same control. */
function controlRecord({ sd, render }: PendingSd): { control?: NonNullable<SdRecord["control"]> } {
  if (!sd.control || !render) return {};
  return {
    control: {
      type: sd.control.type,
      strength: sd.control.strength,
      frame: { id: render.id, name: render.name.slice(0, 500), width: render.width, height: render.height },
    },
  };
}

/** What Cancel kept, said once the server answered: the images it had made. */
export function interruptedText(reply: SdReply): string {
  return `Stopped: kept ${plural(reply.images.length, "image")} the server had made.`;
}

/** The form that draws `version` again with its seed and parameters ("Same seed"). */
export function sameSeedForm(form: ImageForm, version: ImageVersion): ImageForm {
  const sd = version.sd;
  if (!sd) return form;
  const [width, height] = version.size.split("x");
  return {
    ...form,
    prompt: version.prompt,
    negativePrompt: sd.negativePrompt ?? "",
    sdWidth: width ?? String(version.width),
    sdHeight: height ?? String(version.height),
    steps: String(sd.steps),
    cfgScale: String(sd.cfgScale),
    sampler: sd.sampler ?? "",
    seed: String(sd.seed),
    count: 1,
    ...(sd.strength !== undefined ? { strength: sd.strength } : {}),
    ...(sd.control ? { controlType: sd.control.type, controlStrength: sd.control.strength, useReference: false } : {}),
  };
}
