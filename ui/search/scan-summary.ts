/** The scan's outcome in words, for the quiet line under the search box. Pure. */
import type { ScanChanges } from "../../contract/search.js";

/** "2 new, 1 changed, 1 removed", or "up to date"; "" when the scan said nothing of changes. */
export function changesText(changes: ScanChanges | undefined): string {
  if (!changes) return "";
  const parts = [
    changes.added.length && `${changes.added.length} new`,
    changes.reindexed.length && `${changes.reindexed.length} changed`,
    changes.dropped.length && `${changes.dropped.length} removed`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "up to date";
}
