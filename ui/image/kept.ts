/** What the versions strip says about what survives closing the plugin: never a silent drop. Pure. */
import type { StorageUsage } from "../../contract/image.js";
import { agree, plural } from "../../kernel/plural.js";

/** "15 kB", "1.2 MB", "2 MB". */
const size = (bytes: number): string =>
  bytes < 1_000_000
    ? `${bytes > 0 ? Math.max(1, Math.round(bytes / 1000)) : 0} kB`
    : `${Number((bytes / 1_000_000).toFixed(1))} MB`;

export interface KeptState {
  /** The store answered (before that, versions live in memory only). */
  loaded: boolean;
  usage: StorageUsage | undefined;
  /** Versions of this session that are not kept, with why. */
  unsaved: number;
  full: boolean;
  /** Stored versions that could not be read back (removed from the list by the main thread). */
  lost: number;
  /** The store could not be reached at all. */
  failed: string | undefined;
}

export function keptText(state: KeptState): string {
  if (state.failed)
    return `Versions last only while the plugin is open: the versions store could not be read (${state.failed}).`;
  if (!state.loaded || !state.usage) return "Versions last while the plugin is open.";
  const parts = [
    `Kept after closing: 256 px previews and how each was made (${size(state.usage.bytes)} of ` +
      `${size(state.usage.budget)}). Full images stay until the plugin closes — insert one to keep it.`,
  ];
  if (state.unsaved > 0)
    parts.push(
      state.full
        ? `${state.unsaved} not kept: the store is full — delete versions you no longer need.`
        : `${state.unsaved} could not be kept (see the version).`,
    );
  if (state.lost > 0)
    parts.push(
      `${plural(state.lost, "earlier version")} could not be ` +
        `read back and ${agree(state.lost, "was", "were")} removed.`,
    );
  return parts.join(" ");
}
