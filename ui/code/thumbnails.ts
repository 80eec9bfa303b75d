/**
 * Thumbnails of selected layers, kept by node id so results can show the frame they came from after the
 * selection has moved on. Object URLs are revoked only when a layer's thumbnail is replaced or when more than
 * MAX_THUMBNAILS are kept (the least recently stored goes first).
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { SelectionSummary } from "../../contract/messages.js";
import type { Bridge } from "../channel/bridge.js";

export const MAX_THUMBNAILS = 24;

/** Node id → object URL, least recently stored first. */
export class ThumbnailCache {
  private readonly urls = new Map<string, string>();
  constructor(
    private readonly revoke: (url: string) => void,
    private readonly max = MAX_THUMBNAILS,
  ) {}

  get(nodeId: string): string | undefined {
    return this.urls.get(nodeId);
  }

  put(nodeId: string, url: string): void {
    const old = this.urls.get(nodeId);
    if (old !== undefined && old !== url) this.revoke(old);
    this.urls.delete(nodeId);
    this.urls.set(nodeId, url);
    for (const [id, oldest] of this.urls) {
      if (this.urls.size <= this.max) break;
      this.urls.delete(id);
      this.revoke(oldest);
    }
  }

  clear(): void {
    for (const url of this.urls.values()) this.revoke(url);
    this.urls.clear();
  }
}

export interface Thumbnails {
  /** The thumbnail of the first selected layer, once it has arrived. */
  current: string | undefined;
  of(nodeId: string): string | undefined;
}

/** The layer the selection card shows: the first exportable one, else a too-large one (it has a picture). */
export function cardNodeId(selection: SelectionSummary): string | undefined {
  return selection.nodes[0]?.id ?? selection.unsupported.find((u) => u.problem === "too-large")?.id;
}

export function useThumbnails(bridge: Bridge, selection: SelectionSummary): Thumbnails {
  const cache = useRef<ThumbnailCache | undefined>(undefined);
  cache.current ??= new ThumbnailCache((url) => URL.revokeObjectURL(url));
  const [version, setVersion] = useState(0);
  const firstId = cardNodeId(selection);
  useEffect(() => {
    // Asked again on every selection change: the layer may have been edited since.
    if (firstId) bridge.send("get-thumbnail", { nodeId: firstId });
  }, [bridge, firstId]);
  useEffect(() => {
    const off = bridge.on("thumbnail", (message) => {
      cache.current!.put(
        message.nodeId,
        URL.createObjectURL(new Blob([message.png as BlobPart], { type: "image/png" })),
      );
      setVersion((v) => v + 1);
    });
    return () => {
      off();
      cache.current!.clear();
    };
  }, [bridge]);
  return useMemo(() => {
    const store = cache.current!;
    return { current: firstId ? store.get(firstId) : undefined, of: (nodeId: string) => store.get(nodeId) };
  }, [firstId, version]);
}
