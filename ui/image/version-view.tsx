/**
 * The version on show: the image, what made it (prompt, size, model, time, the usage and cost it took), the
 * reasoning that came with it, what to do with it, and Refine, which builds on it.
 */
import type { ComponentChildren } from "preact";
import { RefineBox } from "../controls/refine-box.js";
import { usageText } from "./estimate-text.js";
import { VersionImage } from "./version-image.js";
import { versionLine, type ImageVersion } from "./versions.js";

export interface VersionViewProps {
  version: ImageVersion;
  busy: boolean;
  /** The canvas actions (Insert, Fill, Replace), or a key-needed note in place of Refine. */
  actions: ComponentChildren;
  refineNote?: ComponentChildren;
  canRefine: boolean;
  /** Bumped to put the cursor in the Refine box (a relaunch's "Refine image"). */
  refineFocus: number;
  onRefine(words: string): void;
  onCompare(): void;
  canCompare: boolean;
  /** Why this version is not kept after closing (the store refused it), if so. */
  notKept: string | undefined;
  onDelete(): void;
  /** An SD image: draw it again with its seed and parameters. */
  onSameSeed?(): void;
}

export function VersionView({
  version,
  busy,
  actions,
  refineNote,
  canRefine,
  refineFocus,
  onRefine,
  onCompare,
  canCompare,
  notKept,
  onDelete,
  onSameSeed,
}: VersionViewProps) {
  const used = usageText(version.usage, version.costUsd);
  const shared = version.count > 1 ? ` (for ${version.count} images)` : "";
  return (
    <article class="version" aria-label={`Version ${version.n}`}>
      <VersionImage version={version} class="version__image" />
      <div class="version__meta">
        <p class="version__line">
          <span>{versionLine(version)}</span>
          <span class="version__links">
            {onSameSeed && version.sd ? (
              <button
                type="button"
                class="link-button"
                disabled={busy}
                title={`Draw it again with seed ${version.sd.seed} and the same settings`}
                onClick={onSameSeed}
              >
                Same seed
              </button>
            ) : null}
            {canCompare ? (
              <button type="button" class="link-button" onClick={onCompare}>
                Compare
              </button>
            ) : null}
            <button
              type="button"
              class="link-button"
              title="Remove this version from the strip and from the versions kept after closing"
              onClick={onDelete}
            >
              Delete
            </button>
          </span>
        </p>
        <p class="version__prompt" title={version.prompt}>
          {version.parent !== undefined ? <span class="muted">Refines v{version.parent}: </span> : null}
          {version.prompt}
        </p>
        {version.sd ? (
          <p class="muted version__sd">
            {[
              `Seed ${version.sd.seed}`,
              `${version.sd.steps} steps`,
              `CFG ${version.sd.cfgScale}`,
              version.sd.sampler,
              version.sd.strength !== undefined ? `strength ${version.sd.strength}` : undefined,
              version.ms !== undefined ? `${(version.ms / 1000).toFixed(1)} s` : undefined,
            ]
              .filter(Boolean)
              .join(" · ")}
            {version.sd.negativePrompt ? (
              <span class="version__negative"> · not: {version.sd.negativePrompt}</span>
            ) : null}
          </p>
        ) : null}
        {version.revisedPrompt && version.revisedPrompt !== version.prompt ? (
          <p class="muted version__revised">Drawn from: {version.revisedPrompt}</p>
        ) : null}
        {used ? (
          <p
            class={"muted " + "version__usage"}
          >{`${used}${shared}${version.ms !== undefined ? ` · ${(version.ms / 1000).toFixed(1)} s` : ""}`}</p>
        ) : null}
        {notKept ? (
          <p class="version__not-kept" role="alert">
            Not kept after closing: {notKept}
          </p>
        ) : null}
        {version.bytes ? null : version.layerImage ? (
          <p class="muted version__preview-only">The image on the canvas: refining starts from the layer's picture.</p>
        ) : (
          <p class="muted version__preview-only">
            Only the {version.preview ? "256 px preview" : "record"} of this version was kept after the plugin closed:
            insert needs the full image, so refine or regenerate it.
          </p>
        )}
        {version.text ? (
          <details class="version__text">
            <summary>What the model said</summary>
            <p>{version.text}</p>
          </details>
        ) : null}
      </div>
      {actions}
      {canRefine ? (
        <RefineBox
          key={refineFocus}
          autoFocus={refineFocus > 0}
          disabled={busy}
          label="Refine"
          placeholder={`Change v${version.n}, e.g. “warmer light”`}
          onSend={onRefine}
        />
      ) : (
        refineNote
      )}
    </article>
  );
}
