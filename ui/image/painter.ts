/**
 * Paints streamed partial images straight onto their slot's canvas, outside preact's render, so each one
 * replaces the previous as soon as it is decoded (`createImageBitmap`, scaled down to the slot while it
 * decodes). A partial that decodes after a newer one is dropped; `reset` (cancel, a new request) drops
 * whatever is still decoding, so nothing half-done is shown afterwards. Each paint is timed from the event's
 * arrival to the frame that shows it (`paintStats`, read by the bench).
 */
import { imageInfo, MIME } from "../../ai/image/bytes.js";

export interface PaintRecord {
  image: number;
  index: number;
  bytes: number;
  /** Epoch ms (performance.timeOrigin + now): the event reached the panel, the bitmap was drawn, the frame ran. */
  arrivedAt: number;
  drawnAt: number;
  paintedAt: number;
}

/** The latest paints (the bench and tests read them through window.figmentImageStats). */
export const paintStats: PaintRecord[] = [];
const KEEP = 200;

/** Longest side a slot draws at: the panel shows it at most a few hundred px wide. */
const SLOT_SIDE = 768;

const epoch = (): number => performance.timeOrigin + performance.now();
const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

interface Drawn {
  bitmap: ImageBitmap;
  index: number;
  record: Omit<PaintRecord, "drawnAt" | "paintedAt">;
}

export class PartialPainter {
  private readonly canvases = new Map<number, HTMLCanvasElement>();
  /** The newest decoded image per slot, kept until its canvas is there (and for a canvas that remounts). */
  private readonly latest = new Map<number, Drawn>();
  /** Newest index asked for per slot: an older partial decoding late is dropped. */
  private readonly wanted = new Map<number, number>();
  private generation = 0;

  /** A slot's canvas mounted (or unmounted with null); it shows the newest image at once. */
  attach(image: number, canvas: HTMLCanvasElement | null): void {
    if (!canvas) return void this.canvases.delete(image);
    this.canvases.set(image, canvas);
    const latest = this.latest.get(image);
    if (latest) this.draw(image, latest);
  }

  /** A partial (or the final image, with index Infinity) for slot `image`. */
  paint(image: number, index: number, bytes: Uint8Array): void {
    const arrivedAt = epoch();
    const generation = this.generation;
    this.wanted.set(image, Math.max(index, this.wanted.get(image) ?? -1));
    const info = imageInfo(bytes);
    const scale = info ? Math.min(1, SLOT_SIDE / Math.max(info.width, info.height)) : 1;
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME[info?.format ?? "png"] });
    const options: ImageBitmapOptions = info && scale < 1 ? { resizeWidth: Math.max(1, Math.round(info.width * scale)), resizeHeight: Math.max(1, Math.round(info.height * scale)), resizeQuality: "medium" } : {};
    createImageBitmap(blob, options).then(
      (bitmap) => {
        if (generation !== this.generation || index < (this.wanted.get(image) ?? -1)) return bitmap.close();
        const drawn = { bitmap, index, record: { image, index, bytes: bytes.length, arrivedAt } };
        this.latest.get(image)?.bitmap.close();
        this.latest.set(image, drawn);
        this.draw(image, drawn);
      },
      // A partial the browser cannot decode is skipped: the next one (or the final image) replaces it.
      () => undefined,
    );
  }

  private draw(image: number, drawn: Drawn): void {
    const canvas = this.canvases.get(image);
    if (!canvas) return;
    if (canvas.width !== drawn.bitmap.width || canvas.height !== drawn.bitmap.height) {
      canvas.width = drawn.bitmap.width;
      canvas.height = drawn.bitmap.height;
    }
    canvas.getContext("2d")?.drawImage(drawn.bitmap, 0, 0);
    canvas.dataset["index"] = String(drawn.index);
    const drawnAt = epoch();
    if (drawn.record.arrivedAt === 0) return;
    const record = drawn.record;
    drawn.record = { ...record, arrivedAt: 0 }; // timed once, on its first draw
    void nextFrame().then(() => {
      paintStats.push({ ...record, drawnAt, paintedAt: epoch() });
      if (paintStats.length > KEEP) paintStats.splice(0, paintStats.length - KEEP);
    });
  }

  /** Drops everything: decodes under way are discarded, canvases forgotten. */
  reset(): void {
    this.generation++;
    for (const drawn of this.latest.values()) drawn.bitmap.close();
    this.latest.clear();
    this.wanted.clear();
  }
}
