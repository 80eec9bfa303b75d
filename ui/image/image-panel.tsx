/**
 * The "Generate image" panel: the form (prompt, size, quality, count, reference, reason first), the job's
 * progress (estimate, streamed partial images, errors), the version on show with Insert / Fill selection /
 * Replace and Refine, two versions side by side, and the versions strip with what is kept after closing.
 */
import { useEffect } from "preact/hooks";
import type { SelectionSummary } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import { Segmented } from "../controls/segmented.js";
import { RowsPanel } from "./rows/rows-panel.js";
import type { RowsSession, ImageMode } from "./rows/rows-session.js";
import { KeyNeeded } from "../model/key-needed.js";
import { canvasBlockers, frameTarget, replaceTarget } from "./canvas-actions.js";
import { CompareView } from "./compare-view.js";
import { checkForm } from "./form.js";
import { ImageActions } from "./image-actions.js";
import { ImageForm } from "./image-form.js";
import type { ImageSession } from "./image-session.js";
import { isBusy } from "../model/job-state.js";
import { ImageStatus } from "./image-status.js";
import { canReasonFirst, imageRoute } from "../../ai/image/route.js";
import { VersionView } from "./version-view.js";
import { VersionsStrip } from "./versions-strip.js";
import { checkSdForm } from "./sd-form.js";
import { RenderFrame } from "./render-frame.js";
import { renderSdForm, renderTarget } from "./render-request.js";
import { useSdSamplers } from "./sd-options.js";
import type { Engine } from "../engine/engine.js";
import type { ApiKeyVault } from "../model/api-key.js";
import type { ImageVersion } from "./versions.js";
import { InpaintCard } from "./inpaint/inpaint-card.js";
import { inpaintTarget } from "./inpaint/inpaint-request.js";
import "./image.css";
import "./inpaint/inpaint.css";
import { isLocalSource } from "./sd-connection.js";

export interface ImagePanelProps {
  session: ImageSession;
  /** The Rows mode (ui/image/rows/): one image per row of a table, in one style. */
  rows: RowsSession;
  selection: SelectionSummary;
  settings: Settings;
  editorType: string;
  hasKey: boolean;
  onOpenSettings(): void;
  /** For a local SD server's sampler list (Settings → Images). */
  worker: Pick<Engine, "call">;
  vault: ApiKeyVault;
}

export function ImagePanel(props: ImagePanelProps) {
  const { session, rows, selection, settings, editorType, hasKey: hostedKey, onOpenSettings, worker, vault } = props;
  const { job, store, canvas } = session;
  const { form, versions, state } = job;
  // A local SD server draws new images without an API key; refining stays the hosted model's.
  const local = isLocalSource(settings.imageSource);
  const samplers = useSdSamplers(worker, vault, settings);
  const sd = local
    ? { check: checkSdForm(form), samplers, stopping: state.phase === "streaming" && state.sd?.stopping === true }
    : undefined;
  const hasKey = local || hostedKey;
  const route = imageRoute(settings, form.reasonFirst && canReasonFirst(settings));
  const check = checkForm(form, selection.nodes[0], route);
  const busy = isBusy(state);
  const shown = versions.selected;
  const renderFrom = renderTarget(selection);
  const inpaint = inpaintTarget(selection);
  useEffect(() => void store.load(), [store.load]);

  const actions = (version: ImageVersion) => {
    const target = replaceTarget(selection);
    return (
      <ImageActions
        blockers={canvasBlockers(version, selection, editorType)}
        busy={canvas.busy !== undefined}
        frame={frameTarget(selection)}
        onInsert={(into) => canvas.run(version, { kind: "insert", into })}
        onFill={(mode) => canvas.run(version, { kind: "fill", mode })}
        onReplace={() => target && canvas.run(version, { kind: "replace", nodeId: target.id })}
      />
    );
  };

  const modes = (
    <Segmented<ImageMode>
      label="Image mode"
      value={rows.mode}
      options={[
        { value: "one", label: "One image" },
        { value: "rows", label: "Rows", title: "One image per row of a table of parameters, in one style" },
      ]}
      onChange={rows.setMode}
    />
  );
  if (rows.mode === "rows")
    return (
      <div class="panel panel--image panel--rows">
        <div class="image-modes">{modes}</div>
        {/* The panel's own props, as RowsPanel passes its own on to its views. */}
        <RowsPanel {...props} session={rows} hasKey={hasKey} samplers={samplers} />
      </div>
    );

  return (
    <div class="panel panel--image">
      <div class="image-modes">{modes}</div>
      {inpaint ? (
        <InpaintCard
          target={inpaint}
          sd={local}
          busy={busy}
          {...(hasKey ? {} : { blocked: "Add a key in Settings first" })}
          onRepaint={(ask) => job.repaint(ask, form)}
        />
      ) : null}
      <ImageForm
        form={form}
        check={check}
        route={route}
        selection={selection}
        settings={settings}
        hasKey={hasKey}
        busy={busy}
        compact={versions.list.length > 0}
        onChange={job.setForm}
        onGenerate={() => job.start(form)}
        onCancel={job.cancel}
        onOpenSettings={onOpenSettings}
        {...(sd ? { sd } : {})}
      />
      {renderFrom ? (
        <RenderFrame
          frame={renderFrom}
          form={form}
          local={local}
          busy={busy}
          blocked={
            !form.prompt.trim()
              ? "Describe the look first, e.g. “a polished mockup, photographic”"
              : !hasKey
                ? "Add an API key in Settings first"
                : sd && !checkSdForm(renderSdForm(form, renderFrom)).ready
                  ? "Fix what is marked in the options first"
                  : undefined
          }
          onChange={job.setForm}
          onRender={() => job.render(form, renderFrom)}
        />
      ) : null}
      <div class="image-body">
        <ImageStatus job={job} onOpenSettings={onOpenSettings} />
        {versions.compare ? (
          <CompareView pair={versions.compare} onStop={() => versions.compareWith(null)} />
        ) : shown && state.phase !== "streaming" ? (
          <VersionView
            version={shown}
            busy={busy}
            actions={actions(shown)}
            notKept={store.unsaved.get(shown.id)}
            canRefine={hostedKey}
            {...(shown.sd && local ? { onSameSeed: () => job.sameSeed(shown) } : {})}
            refineFocus={session.refineFocus}
            refineNote={<KeyNeeded class="refine" what="Refine" settings={settings} onOpenSettings={onOpenSettings} />}
            onRefine={(words) => job.refine(shown, words, form)}
            canCompare={versions.list.length > 1}
            onCompare={() => versions.compareWith(undefined)}
            onDelete={() => store.remove([shown.id])}
          />
        ) : state.phase === "idle" && versions.list.length === 0 && local ? (
          <p class="hint muted">
            Describe an image and press Generate image:{" "}
            {settings.imageSource === "comfyui" ? "ComfyUI" : "the SD server"} at{" "}
            {settings.sdBaseUrl.replace(/^https?:\/\//, "")} draws it, its previews show as it forms, and each image
            keeps its seed. “Use selection as reference” starts from the selected frame's picture, repainted as much as
            Strength says.
          </p>
        ) : state.phase === "idle" && versions.list.length === 0 ? (
          <p class="hint muted">
            {/* Without a key there is no Generate image button yet (the key's note stands in its place). */}
            {hostedKey ? "Describe an image" : "Once a key is added, describe an image"} and press Generate image: you
            see the estimate before anything is sent, then the image as it forms. “Use selection as reference” sends the
            selected frame's picture and layer structure with your words
            {canReasonFirst(settings) ? "; “Reason first” lets the model think it through before it draws" : ""}.
          </p>
        ) : null}
      </div>
      <VersionsStrip versions={versions} kept={store.kept} unsaved={store.unsaved} />
    </div>
  );
}
