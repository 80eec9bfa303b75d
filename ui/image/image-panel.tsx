/**
 * The "Generate image" panel: the form (prompt, size, quality, count, reference, reason first), the job's
 * progress (estimate, streamed partial images, errors), the version on show with its actions and Refine, two
 * versions side by side, and the versions strip.
 */
import type { ComponentChildren } from "preact";
import type { SelectionSummary } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import { KeyNeeded } from "../model/key-needed.js";
import { CompareView } from "./compare-view.js";
import { checkForm } from "./form.js";
import { ImageForm } from "./image-form.js";
import type { ImageJob } from "./image-job.js";
import { isBusy } from "./image-state.js";
import { ImageStatus } from "./image-status.js";
import { canReasonFirst, imageRoute } from "./route.js";
import { VersionView } from "./version-view.js";
import { VersionsStrip } from "./versions-strip.js";
import "./image.css";

export interface ImagePanelProps {
  job: ImageJob;
  selection: SelectionSummary;
  settings: Settings;
  hasKey: boolean;
  onOpenSettings(): void;
  /** Insert / Fill selection / Replace for the version on show (with the versions store's words on what is kept). */
  canvas?: { actions: (versionId: string) => ComponentChildren; kept: string };
}

const KEPT_IN_MEMORY = "Versions last while the plugin is open.";

export function ImagePanel({ job, selection, settings, hasKey, onOpenSettings, canvas }: ImagePanelProps) {
  const { form, versions, state } = job;
  const route = imageRoute(settings, form.reasonFirst && canReasonFirst(settings));
  const check = checkForm(form, selection.nodes[0], route);
  const busy = isBusy(state);
  const shown = versions.selected;
  return (
    <div class="panel panel--image">
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
      />
      <div class="image-body">
        <ImageStatus job={job} onOpenSettings={onOpenSettings} />
        {versions.compare ? (
          <CompareView pair={versions.compare} onStop={() => versions.compareWith(null)} />
        ) : shown && state.phase !== "streaming" ? (
          <VersionView
            version={shown}
            busy={busy}
            actions={canvas?.actions(shown.id) ?? null}
            canRefine={hasKey}
            refineNote={<KeyNeeded class="refine" what="Refine" settings={settings} onOpenSettings={onOpenSettings} />}
            onRefine={(words) => job.refine(shown, words, form)}
            canCompare={versions.list.length > 1}
            onCompare={() => versions.compareWith(undefined)}
          />
        ) : state.phase === "idle" && versions.list.length === 0 ? (
          <p class="hint muted">
            Describe an image and press Generate image: you see the estimate before anything is sent, then the image as it forms. “Use selection as reference” sends the selected frame's picture and layer structure
            with your words{canReasonFirst(settings) ? "; “Reason first” lets the model think it through before it draws" : ""}.
          </p>
        ) : null}
      </div>
      <VersionsStrip versions={versions} kept={canvas?.kept ?? KEPT_IN_MEMORY} />
    </div>
  );
}
