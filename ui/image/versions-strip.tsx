/**
 * Every version as a thumbnail, newest last: click shows it (or, while comparing, puts it beside the one on
 * show). Says plainly what survives closing the plugin.
 */
import type { ImageVersions } from "./use-versions.js";
import { VersionImage } from "./version-image.js";
import { versionLine } from "./versions.js";

export function VersionsStrip({
  versions,
  kept,
  unsaved,
}: {
  versions: ImageVersions;
  kept: string;
  unsaved: ReadonlyMap<string, string>;
}) {
  const { list, selected, compare } = versions;
  if (list.length === 0) return null;
  return (
    <div class="versions">
      <div
        class="versions__strip"
        role="listbox"
        aria-label={compare ? "Pick the version to compare with" : "Versions"}
      >
        {list.map((version) => {
          const active = version.id === selected?.id;
          const other = compare?.[1].id === version.id;
          return (
            <button
              key={version.id}
              type="button"
              role="option"
              aria-selected={compare ? other : active}
              class={
                `version-thumb${active ? " is-active" : ""}${other ? " is-other" : ""}` +
                `${unsaved.has(version.id) ? " is-not-kept" : ""}`
              }
              title={
                `${versionLine(version)}\n` +
                `${version.prompt}${unsaved.has(version.id) ? "\nNot kept after closing" : ""}`
              }
              onClick={() => (compare ? versions.compareWith(version.id) : versions.select(version.id))}
            >
              <VersionImage version={version} preview class="version-thumb__image" />
              <span class="version-thumb__label">v{version.n}</span>
            </button>
          );
        })}
      </div>
      <p class="muted versions__kept">{kept}</p>
    </div>
  );
}
