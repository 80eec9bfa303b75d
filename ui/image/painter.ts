/**
 * Paints streamed partial images straight onto their slot's canvas, outside preact's render, so each one
 * replaces the previous as soon as it is there (decoded in the worker, or here with `createImageBitmap`). A partial that decodes after a newer one is dropped; `reset` (cancel, a new request) drops
 * whatever is still decoding, so nothing half-done is shown afterwards. Each paint is timed from the event's
 * arrival to the frame that shows it (`paintStats`, read by the bench).
 */
import { decodeForSlot } from "./slot-bitmap.js";

export interface PaintRecord {
  image: number;
  index: number;
  bytes: number;
  /** Bytes decoded here (0 when the worker sent it decoded). */
  /** Epoch ms (performance.timeOrigin + now): the model client reported the partial (in the worker), it reached the panel, was drawn, the frame ran. */
  reportedAt: number | undefined;
  arrivedAt: number;
  drawnAt: number;
  paintedAt: number;
}

/** The latest paints (the bench and tests read them through window.figmentImageStats). */
export const paintStats: PaintRecord[] = [];
const KEEP = 200;

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

  /**
   * A partial for slot `image`: decoded already (by the worker) or as bytes to decode here. `reportedAt`:
   * when the model client reported it, in the worker.
   */
  paint(image: number, index: number, source: ImageBitmap | Uint8Array, reportedAt?: number): void {
    const arrivedAt = epoch();
    const generation = this.generation;
    this.wanted.set(image, Math.max(index, this.wanted.get(image) ?? -1));
    const decoded = source instanceof Uint8Array ? decodeForSlot(source) : Promise.resolve(source);
    const bytes = source instanceof Uint8Array ? source.length : 0;
    decoded.then(
      (bitmap) => {
        if (generation !== this.generation || index < (this.wanted.get(image) ?? -1)) return bitmap.close();
        const drawn = { bitmap, index, record: { image, index, bytes, reportedAt, arrivedAt } };
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
