/**
 * Thumbnails of result rows for the session: fetched only when a row asks (it is in view), at most
 * `maxInFlight` exports at a time on the main thread, kept by frame id + content hash (a changed frame gets a
 * new one, the old URL revoked), the oldest dropped past `maxEntries`. The fetching and the object URLs are
 * passed in, so the cache is tested without Figma or a DOM.
 */
export type Thumb = { status: "queued" | "loading" | "failed" } | { status: "ready"; url: string };

export interface ThumbnailSource {
  fetch(id: string): Promise<Uint8Array>;
  toUrl(png: Uint8Array): string;
  revoke(url: string): void;
  maxInFlight?: number;
  maxEntries?: number;
}

interface Entry {
  hash: string;
  thumb: Thumb;
}

export class ThumbnailCache {
  private readonly entries = new Map<string, Entry>();
  private readonly queue: string[] = [];
  private inFlight = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly source: ThumbnailSource) {}

  /** The thumbnail of the frame's current content, if asked for. */
  get(id: string, hash: string): Thumb | undefined {
    const entry = this.entries.get(id);
    return entry && entry.hash === hash ? entry.thumb : undefined;
  }

  /** The row is in view: fetch its thumbnail unless it is there, under way or failed for this hash. */
  want(id: string, hash: string): void {
    const entry = this.entries.get(id);
    if (entry?.hash === hash && entry.thumb.status !== "queued") return;
    if (entry && entry.hash !== hash) this.drop(id);
    if (!this.queue.includes(id)) this.queue.push(id);
    this.entries.set(id, { hash, thumb: { status: "queued" } });
    this.pump();
  }

  /** The row left the view before its turn: not fetched (yet). */
  unwant(id: string): void {
    const at = this.queue.indexOf(id);
    if (at < 0) return;
    this.queue.splice(at, 1);
    this.entries.delete(id);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Revokes every URL (the panel's session ends). */
  dispose(): void {
    for (const id of [...this.entries.keys()]) this.drop(id);
    this.queue.length = 0;
  }

  private drop(id: string): void {
    const entry = this.entries.get(id);
    if (entry?.thumb.status === "ready") this.source.revoke(entry.thumb.url);
    this.entries.delete(id);
  }

  private pump(): void {
    while (this.inFlight < (this.source.maxInFlight ?? 3) && this.queue.length > 0) {
      const id = this.queue.shift()!;
      const entry = this.entries.get(id);
      if (!entry) continue;
      entry.thumb = { status: "loading" };
      this.inFlight++;
      this.source
        .fetch(id)
        .then((png) => this.settle(id, entry, { status: "ready", url: this.source.toUrl(png) }))
        .catch(() => this.settle(id, entry, { status: "failed" }))
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }

  private settle(id: string, entry: Entry, thumb: Thumb): void {
    // Superseded (the frame changed or the cache was disposed) while it was fetched.
    if (this.entries.get(id) !== entry) {
      if (thumb.status === "ready") this.source.revoke(thumb.url);
      return;
    }
    entry.thumb = thumb;
    this.evict();
    for (const listener of this.listeners) listener();
  }

  private evict(): void {
    const max = this.source.maxEntries ?? 500;
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= max) return;
      if (entry.thumb.status === "ready" || entry.thumb.status === "failed") this.drop(id);
    }
  }
}
