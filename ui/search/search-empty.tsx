/** What stands where the rows would be: loading, the file read for the first time, no frames at all, no matches. */
import type { LoadedIndex } from "./build-index.js";
import type { LikeFrame } from "./search-session.js";

export interface SearchEmptyProps {
  loaded: LoadedIndex | undefined;
  loadError: string | undefined;
  scanning: boolean;
  /** The scan was cancelled: what the body shows is all there is until the next Scan. */
  cancelled: boolean;
  text: string;
  like: LikeFrame | undefined;
}

const CANCELLED =
  "The scan was cancelled before it read any frames: nothing to search yet. Scan reads the file's frames.";

function emptyText({ loaded, loadError, scanning, cancelled, text, like }: SearchEmptyProps): string {
  if (!loaded) {
    if (loadError)
      return scanning
        ? `The stored index could not be read (${loadError}); reading the file's frames instead…`
        : `The stored index could not be read: ${loadError}`;
    return cancelled ? CANCELLED : "Loading the index…";
  }
  if (loaded.index.docs.length === 0) {
    if (cancelled) return CANCELLED;
    return scanning
      ? "Reading the file's frames for the first time…"
      : "No frames in this file yet. Search lists the top-level frames of every page: add frames, then Refresh.";
  }
  if (like) return `No other frames are like “${like.name}”.`;
  return `No frames match “${text.trim()}”. Search looks in frame names, texts, component names and page names.`;
}

export function SearchEmpty(props: SearchEmptyProps) {
  return (
    <p class="search-empty muted" role="status">
      {emptyText(props)}
    </p>
  );
}
