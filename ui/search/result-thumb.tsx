/** A result's thumbnail: asked of the cache only while the row is in (or near) view; a frame outline until it comes. */
import { useEffect, useRef, useState } from "preact/hooks";
import { FrameIcon } from "../components/icons.js";
import type { Thumb, ThumbnailCache } from "./thumbnail-cache.js";

export function ResultThumb({ cache, id, hash }: { cache: ThumbnailCache; id: string; hash: string }) {
  const box = useRef<HTMLSpanElement>(null);
  const [thumb, setThumb] = useState<Thumb | undefined>(() => cache.get(id, hash));
  useEffect(() => {
    setThumb(cache.get(id, hash));
    const off = cache.subscribe(() => setThumb(cache.get(id, hash)));
    const element = box.current;
    if (!element || typeof IntersectionObserver === "undefined") {
      cache.want(id, hash);
      return off;
    }
    const observer = new IntersectionObserver((entries) => (entries.some((e) => e.isIntersecting) ? cache.want(id, hash) : cache.unwant(id)), { rootMargin: "120px 0px" });
    observer.observe(element);
    return () => {
      observer.disconnect();
      off();
    };
  }, [cache, id, hash]);
  return (
    <span ref={box} class={`search-thumb search-thumb--${thumb?.status ?? "queued"}`}>
      {thumb?.status === "ready" ? <img src={thumb.url} alt="" /> : <FrameIcon />}
    </span>
  );
}
