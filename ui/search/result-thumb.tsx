/**
 * A result's thumbnail: asked of the cache only while the row is in (or near) view; a frame outline until it
 * comes. One IntersectionObserver watches every row of the list (one per row cost a lot at each keystroke).
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { FrameIcon } from "../controls/icons.js";
import type { Thumb, ThumbnailCache } from "./thumbnail-cache.js";

export interface ThumbWatcher {
  watch(element: Element, id: string, hash: string): () => void;
}

/** The list's one observer: a row coming into view wants its thumbnail; one leaving before its turn does not. */
export function useThumbWatcher(cache: ThumbnailCache): ThumbWatcher {
  const watcher = useMemo(() => {
    const rows = new WeakMap<Element, { id: string; hash: string }>();
    if (typeof IntersectionObserver === "undefined") return { observer: undefined, rows };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const row = rows.get(entry.target);
          if (row) entry.isIntersecting ? cache.want(row.id, row.hash) : cache.unwant(row.id);
        }
      },
      { rootMargin: "120px 0px" },
    );
    return { observer, rows };
  }, [cache]);
  useEffect(() => () => watcher.observer?.disconnect(), [watcher]);
  return useMemo(
    () => ({
      watch(element, id, hash) {
        const { observer, rows } = watcher;
        if (!observer) {
          cache.want(id, hash);
          return () => undefined;
        }
        rows.set(element, { id, hash });
        observer.observe(element);
        return () => {
          observer.unobserve(element);
          rows.delete(element);
          cache.unwant(id);
        };
      },
    }),
    [watcher, cache],
  );
}

export function ResultThumb({
  cache,
  watcher,
  id,
  hash,
}: {
  cache: ThumbnailCache;
  watcher: ThumbWatcher;
  id: string;
  hash: string;
}) {
  const box = useRef<HTMLSpanElement>(null);
  const [thumb, setThumb] = useState<Thumb | undefined>(() => cache.get(id, hash));
  useEffect(() => {
    setThumb(cache.get(id, hash));
    const off = cache.subscribe(() => setThumb(cache.get(id, hash)));
    const unwatch = box.current ? watcher.watch(box.current, id, hash) : undefined;
    return () => {
      unwatch?.();
      off();
    };
  }, [cache, watcher, id, hash]);
  return (
    <span ref={box} class={`search-thumb search-thumb--${thumb?.status ?? "queued"}`}>
      {thumb?.status === "ready" ? <img src={thumb.url} alt="" /> : <FrameIcon />}
    </span>
  );
}
