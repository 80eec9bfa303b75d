/**
 * The Generate image job: the shared model job (ui/model/use-model-job.ts) with the image panel's pieces
 * (image-request.ts), the form, the versions and the painter of partial images. Refine builds on a version.
 * Kept at the app level so the job and its versions survive switching panels.
 */
import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import { useModelJob } from "../model/use-model-job.js";
import type { PanelServices } from "../parts/part-props.js";
import { DEFAULT_FORM, type ImageForm } from "./form.js";
import { imagePieces } from "./image-request.js";
import type { ImageState } from "./image-state.js";
import { PartialPainter } from "./painter.js";
import type { RenderTarget } from "./render-request.js";
import { sameSeedForm, type SdStopper } from "./sd-request.js";
import { useImageVersions, type ImageVersions } from "./use-versions.js";
import type { ImageVersion } from "./versions.js";
import { placeRepaint } from "./inpaint/place-repaint.js";
import type { InpaintAsk, InpaintTarget } from "./inpaint/inpaint-request.js";
import { isLocalSource } from "./sd-connection.js";

export interface ImageJob {
  state: ImageState;
  /** The form's values (kept here so they survive switching panels). */
  form: ImageForm;
  setForm(patch: Partial<ImageForm>): void;
  versions: ImageVersions;
  painter: PartialPainter;
  /** Checks and estimates a new image from the form (exporting the selection first when it is the reference). */
  start(form: ImageForm): void;
  /**
   * "Render this frame": a mockup of `frame` that keeps its layout, the form's prompt as its look, placed beside it.
   */
  render(form: ImageForm, frame: RenderTarget): void;
  /** The same, building on `version` with `words` saying what to change. */
  refine(version: ImageVersion, words: string, form: ImageForm): void;
  send(): void;
  /** Stops the request; a local SD server's run is interrupted instead, and what it returns is kept. */
  cancel(): void;
  /** "Repaint the masked area" of the selection's image layer; the result replaces its image (inpaint/). */
  repaint(ask: InpaintAsk, form: ImageForm): void;
  /**
   * Draws `version` (an SD image) again with its seed and parameters (a render: through its control, beside its frame).
   */
  sameSeed(version: ImageVersion): void;
  retry(): void;
  dismiss(): void;
}

export interface ImageJobDeps extends PanelServices {
  /** Gets the versions each request made (the versions store keeps them). */
  onVersions(versions: ImageVersion[]): void;
  /** A confirmation (toast) or an error (banner). */
  report(text: string, tone: "info" | "error"): void;
  /** Places a render's image beside the frame it renders. */
  onRendered(version: ImageVersion, frame: RenderTarget): void;
  /** Resolves once the versions given to onVersions so far are stored (History notes a placement only after). */
  saved(): Promise<void>;
}

export function useImageJob({
  requests,
  worker,
  vault,
  settings,
  selection,
  prices,
  onVersions,
  report,
  onRendered,
  saved,
}: ImageJobDeps): ImageJob {
  const [form, setFormState] = useState<ImageForm>(DEFAULT_FORM);
  const setForm = useCallback((patch: Partial<ImageForm>) => setFormState((f) => ({ ...f, ...patch })), []);
  const live = useRef({ settings, selection, prices });
  live.current = { settings, selection, prices };
  const painter = useMemo(() => new PartialPainter(), []);
  const versions = useImageVersions();
  const list = useRef(versions.list);
  list.current = versions.list;
  const made = (added: ImageVersion[]) => {
    versions.add(added);
    onVersions(added);
  };
  const stopper = useMemo<SdStopper>(() => ({ current: undefined }), []);
  const repaint = (target: InpaintTarget, version: ImageVersion, original: ImageVersion) => {
    // The repaint is on show (the original before it in the strip).
    versions.select(version.id);
    void saved()
      .then(() => placeRepaint(requests, target, version, original))
      .then(
        (text) => report(text, "info"),
        (error: unknown) =>
          report(
            `Could not put the repaint on “${target.name}”: ` +
              `${error instanceof Error ? error.message : String(error)} It is kept as v${version.n}.`,
            "error",
          ),
      );
  };
  const job = useModelJob(
    imagePieces({
      requests,
      worker,
      vault,
      live: () => live.current,
      painter,
      versions: () => list.current,
      made,
      stopper,
      report: (text) => report(text, "info"),
      repaint,
      placeRender: onRendered,
    }),
    {
      vault,
      settings: () => live.current.settings,
      // A local SD server takes no API key (its own credentials, if any, are read for its URL when sending).
      keyless: (s) => isLocalSource(s.imageSource),
    },
  );

  return {
    state: job.state,
    form,
    setForm,
    versions,
    painter,
    start: useCallback((form: ImageForm) => job.prepare({ form, refine: undefined }), [job.prepare]),
    render: useCallback(
      (form: ImageForm, frame: RenderTarget) => job.prepare({ form, refine: undefined, render: frame }),
      [job.prepare],
    ),
    refine: useCallback(
      (version: ImageVersion, words: string, form: ImageForm) =>
        job.prepare({ form, refine: { version, words: words.trim() } }),
      [job.prepare],
    ),
    repaint: useCallback(
      (inpaint: InpaintAsk, form: ImageForm) => job.prepare({ form, refine: undefined, inpaint }),
      [job.prepare],
    ),
    send: job.send,
    cancel: useCallback(() => void (stopper.current?.interrupt() || job.cancel()), [stopper, job.cancel]),
    sameSeed: useCallback(
      (version: ImageVersion) => {
        const next = sameSeedForm(form, version);
        setFormState(next);
        // A render goes through the same ControlNet unit with its frame's picture, exported again.
        const control = version.sd?.control;
        job.prepare({ form: next, refine: undefined, ...(control ? { rerender: control } : {}) });
      },
      [form, job.prepare],
    ),
    retry: job.retry,
    dismiss: job.dismiss,
  };
}
