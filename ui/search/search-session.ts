/**
 * What the Search panel keeps at the app level, so it survives switching panels: the index and its scan, the
 * typed words, the frame "like the selection" asks for, the session's thumbnails, and a frame that could not be
 * selected (deleted since the scan).
 */
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { SEARCH_THUMBNAIL_SIDE } from "../../contract/limits.js";
import { PluginError, type MainRequests } from "../channel/requests.js";
import { ThumbnailCache } from "./thumbnail-cache.js";
import { useSearchIndex, type SearchIndexJob } from "./use-search-index.js";

export interface LikeFrame {
  id: string;
  name: string;
}

export interface SearchSession {
  index: SearchIndexJob;
  text: string;
  setText(text: string): void;
  like: LikeFrame | undefined;
  setLike(like: LikeFrame | undefined): void;
  thumbnails: ThumbnailCache;
  /** Selects the frame and zooms to it (switching page); a frame gone since the scan sets `missing`. */
  focus(frame: LikeFrame): void;
  missing: LikeFrame | undefined;
  dismissMissing(): void;
}

export function useSearchSession({
  requests,
  notify,
}: {
  requests: MainRequests;
  notify(text: string, tone?: "info" | "error"): void;
}): SearchSession {
  const index = useSearchIndex(requests);
  const [text, setText] = useState("");
  const [like, setLike] = useState<LikeFrame | undefined>(undefined);
  const [missing, setMissing] = useState<LikeFrame | undefined>(undefined);
  const thumbnails = useMemo(
    () =>
      new ThumbnailCache({
        fetch: async (id) =>
          (await requests.call("export-frame-image", { nodeId: id, maxSide: SEARCH_THUMBNAIL_SIDE })).png,
        toUrl: (png) => URL.createObjectURL(new Blob([png as Uint8Array<ArrayBuffer>], { type: "image/png" })),
        revoke: (url) => URL.revokeObjectURL(url),
      }),
    [requests],
  );
  useEffect(() => () => thumbnails.dispose(), [thumbnails]);

  const focus = useCallback(
    (frame: LikeFrame) => {
      setMissing(undefined);
      requests.call("focus-node", { nodeId: frame.id }).catch((error: unknown) => {
        if (error instanceof PluginError && error.code === "not-found") setMissing(frame);
        else
          notify(
            `Could not select “${frame.name}”: ${error instanceof Error ? error.message : String(error)}`,
            "error",
          );
      });
    },
    [requests, notify],
  );
  const typed = useCallback((next: string) => {
    setText(next);
    setLike(undefined);
  }, []);
  const liked = useCallback((frame: LikeFrame | undefined) => {
    setLike(frame);
    if (frame) setText("");
  }, []);
  return {
    index,
    text,
    setText: typed,
    like,
    setLike: liked,
    thumbnails,
    focus,
    missing,
    dismissMissing: () => setMissing(undefined),
  };
}
