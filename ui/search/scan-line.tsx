/**
 * The scan under the search box, kept quiet: a thin progress line while pages are read (Cancel), then one line
 * of what changed, the frames that could not be read on demand, and a warning when the index could not be kept.
 */
import { useState } from "preact/hooks";
import { WarningIcon } from "../controls/icons.js";
import { pluralGrouped } from "../../kernel/plural.js";
import { changesText } from "./scan-summary.js";
import type { ScanState } from "./use-search-index.js";

export function ScanLine({
  scan,
  frames,
  onCancel,
  onRescan,
}: {
  scan: ScanState;
  frames: number | undefined;
  onCancel(): void;
  onRescan(): void;
}) {
  const [showSkipped, setShowSkipped] = useState(false);
  const count = frames !== undefined ? pluralGrouped(frames, "frame") : "";
  switch (scan.phase) {
    case "idle":
      return null;
    case "scanning":
      return (
        <div class="scan-line" role="status" aria-live="polite">
          <span class="scan-line__text one-line">{scan.label}</span>
          <progress
            class="scan-line__bar"
            max={1}
            value={scan.total > 0 ? scan.done / scan.total : undefined}
            aria-label="Scan progress"
          />
          <button type="button" class="link-button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      );
    case "cancelled":
    case "failed":
      return (
        <div
          class={`scan-line${scan.phase === "failed" ? " scan-line--error" : ""}`}
          role={scan.phase === "failed" ? "alert" : "status"}
        >
          <span class="scan-line__text one-line">
            {scan.phase === "failed"
              ? `Could not read the file's frames: ${scan.message}`
              : `Scan cancelled${count ? ` · ${count} from the last scan` : ""}`}
          </span>
          <button type="button" class="link-button" onClick={onRescan}>
            {scan.phase === "failed" ? "Try again" : "Scan"}
          </button>
        </div>
      );
    case "done": {
      const changes = changesText(scan.changes);
      return (
        <div class="scan-done">
          <p class="scan-line muted" role="status">
            <span class="scan-line__text one-line">{[count, changes].filter(Boolean).join(" · ")}</span>
            {scan.skipped.length > 0 ? (
              <button
                type="button"
                class="link-button"
                aria-expanded={showSkipped}
                onClick={() => setShowSkipped(!showSkipped)}
              >
                {`${scan.skipped.length} skipped`}
              </button>
            ) : null}
          </p>
          {showSkipped ? (
            <ul class="scan-skipped" aria-label="Frames not indexed">
              {scan.skipped.map((s) => (
                <li key={s.id}>
                  <strong>{s.name}</strong>{" "}
                  <span class="muted">
                    · {s.page} · {s.reason}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {scan.notStored ? (
            <p class="scan-warning" role="note">
              <WarningIcon />
              <span>{`Search works now, but the index could not be kept for next time: ${scan.notStored}`}</span>
            </p>
          ) : null}
        </div>
      );
    }
  }
}
