/**
 * "Render this frame": a wireframe or low-fi frame made into a polished mockup that keeps its layout. On a local
 * SD server the frame's PNG is the ControlNet control image (SD.Next's /sdapi/v1/control, or the A1111
 * extension's units, ai/sdnext/client.ts); on the hosted model it is the one reference image of an Images API
 * edit, with our keep-the-composition instruction around the user's look (ai/image/prompt.ts). The result goes
 * on the canvas beside the frame, at the frame's size (canvas-actions.ts).
 */
import type { SelectedNode, SelectionSummary } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import { PluginError, type MainRequests } from "../channel/requests.js";
import type { SdRecord } from "../../contract/image.js";
import type { SdRequestData } from "../engine/protocol/sd.js";
import type { PrepareIo } from "../model/model-job.js";
import type { ImageForm } from "./form.js";
import { checkSdForm, sdFrameSize, sdRequestData } from "./sd-form.js";
import { sdDestination, type PendingSd, type SdRequestDeps } from "./sd-request.js";

/** The frame a render keeps the layout of (as the selection summary described it when Render was pressed). */
export type { RenderTarget } from "./render-target.js";
import type { RenderTarget } from "./render-target.js";
import { FigmentError } from "../../kernel/errors.js";

const RENDERABLE = new Set(["FRAME", "COMPONENT", "INSTANCE", "GROUP", "SECTION"]);

/** The one selected frame (or component, group, section) a render can start from. */
export function renderTarget(selection: SelectionSummary): RenderTarget | undefined {
  const only = selection.nodes.length === 1 ? selection.nodes[0] : undefined;
  return only && RENDERABLE.has(only.type) && only.width > 0 && only.height > 0 ? only : undefined;
}

/** The hosted model's form for a render: the frame's shape, its picture as the reference, one image, no reasoning. */
export function renderForm(form: ImageForm): ImageForm {
  return { ...form, sizeKey: "frame", useReference: true, count: 1, reasonFirst: false };
}

/** The frame's PNG, as the export makes it (scale 2, or less to stay within Settings' image size). */
export async function exportFramePng(requests: MainRequests, frame: RenderTarget, io: PrepareIo): Promise<Uint8Array> {
  io.exporting({ done: 0, total: 0, label: `Exporting “${frame.name}”…` });
  const { frames } = await requests.call(
    "export-selection",
    { png: true, assets: false },
    { signal: io.signal, onEvent: (m) => io.exporting({ done: m.done, total: m.total, label: m.label }) },
  );
  io.signal.throwIfAborted();
  const exported = frames.find((f) => f.id === frame.id);
  if (!exported?.png)
    throw new FigmentError(
      "input",
      `“${frame.name}” gave no picture to render: select the frame again (it must be the only layer selected).`,
    );
  return exported.png;
}

/** The SD form for a render: the frame's shape on SD's grid, one image, the ControlNet unit the form picked. */
export function renderSdForm(form: ImageForm, frame: Pick<SelectedNode, "width" | "height">): ImageForm {
  const size = sdFrameSize(frame);
  return { ...form, sdWidth: String(size.width), sdHeight: String(size.height), count: 1, useReference: false };
}

export async function prepareRenderSd(
  { requests, live }: SdRequestDeps,
  form: ImageForm,
  frame: RenderTarget,
  io: PrepareIo,
): Promise<{ request: PendingSd }> {
  const { settings } = live();
  const ready = renderSdForm(form, frame);
  const check = checkSdForm(ready);
  if (!check.ready)
    throw new FigmentError("input", Object.values(check.problems)[0] ?? "Describe the look of the render first.");
  const png = await exportFramePng(requests, frame, io);
  const sd = renderSdData(ready, settings, png);
  return { request: { sd, to: sdDestination(settings), prompt: sd.prompt, references: 1, render: frame } };
}

/** A render's control as its record keeps it: the unit and the frame whose picture was the control image. */
export type RenderControl = NonNullable<SdRecord["control"]>;

/** The frame's picture for a render again, at most this many px a side (a render exports at scale 2). */
const rerenderSide = (frame: RenderControl["frame"]): number =>
  Math.min(4096, Math.max(16, Math.round(2 * Math.max(frame.width, frame.height))));

/**
 * "Same seed" on a render: the frame exported again by its id (selected or not, on any page) as the control
 * image, with the recorded unit, size and seed, placed beside the frame again; a frame that is gone is said.
 */
export async function prepareRerenderSd(
  { requests, live }: SdRequestDeps,
  form: ImageForm,
  control: RenderControl,
  io: PrepareIo,
): Promise<{ request: PendingSd }> {
  const { settings } = live();
  const ready: ImageForm = {
    ...form,
    count: 1,
    useReference: false,
    controlType: control.type,
    controlStrength: control.strength,
  };
  const check = checkSdForm(ready);
  if (!check.ready)
    throw new FigmentError("input", Object.values(check.problems)[0] ?? "Describe the look of the render first.");
  const { frame } = control;
  io.exporting({ done: 0, total: 0, label: `Exporting “${frame.name}”…` });
  let png: Uint8Array;
  try {
    ({ png } = await requests.call(
      "export-frame-image",
      { nodeId: frame.id, maxSide: rerenderSide(frame) },
      { signal: io.signal },
    ));
  } catch (error) {
    if (error instanceof PluginError && error.code === "not-found")
      throw new FigmentError(
        "input",
        `“${frame.name}” is no longer in the file, so Same seed cannot render it again: its picture was the ` +
          `control image, and only its id is kept with the render. Select a frame and press Render this frame.`,
      );
    throw error;
  }
  io.signal.throwIfAborted();
  const sd = renderSdData(ready, settings, png);
  return {
    request: {
      sd,
      to: sdDestination(settings),
      prompt: sd.prompt,
      references: 1,
      render: { id: frame.id, name: frame.name, type: "FRAME", width: frame.width, height: frame.height },
    },
  };
}

/** The worker's request for a render: the frame's PNG as the control image of one unit. Pure. */
export function renderSdData(
  form: ImageForm,
  settings: Pick<Settings, "sdModel" | "sdSampler"> & Partial<Pick<Settings, "imageSource">>,
  png: Uint8Array,
): SdRequestData {
  return {
    ...sdRequestData(form, settings),
    control: { bytes: png, type: form.controlType, strength: Math.min(2, Math.max(0, form.controlStrength)) },
  };
}
