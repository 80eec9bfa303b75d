/**
 * Paints streamed partial images straight onto their slot's canvas, outside preact's render, so each one
 * replaces the previous as soon as it is there (decoded here with `createImageBitmap`, off this thread). The
 * canvas keeps the slot's own size (set by the stream view, twice its CSS width) and the image is scaled into
 * it: a full-size canvas would cost the compositor a 1536×1024 layer every frame. A partial that decodes after
 * a newer one is dropped; `reset` (cancel, a new request) drops whatever is still decoding, so nothing half-done
 * is shown afterwards. Each paint is timed from the event to the frame that shows it (`paintStats`, read by the
 * bench), with the browser's decode apart.
 */
import { decodeForSlot } from "./slot-bitmap.js";
import { LatestRun, type Run } from "../lib/latest-only.js";

export interface PaintRecord {
  image: number;
  index: number;
  /** Bytes decoded. */
  bytes: number;
  /** The browser's decode (createImageBitmap), ms. */
  decodeMs: number;
  /**
   * Epoch ms (performance.timeOrigin + now): the model client reported the partial (in the worker), it reached the
   * panel, was drawn, the frame ran.
   */
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

/** Longest side of a slot's canvas: twice the widest slot's CSS width, so it stays sharp on 2× screens. */
export const SLOT_DRAWING_SIDE = 768;

/** The canvas size for an image: its own shape, longest side SLOT_DRAWING_SIDE (never enlarged). */
export function drawingSize(image: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, SLOT_DRAWING_SIDE / Math.max(image.width, image.height));
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

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
  private readonly runs = new LatestRun();
  /** Since the last reset: a decode begun before one is discarded. */
  private run: Run = this.runs.start();

  /** A slot's canvas mounted (or unmounted with null); it shows the newest image at once. */
  attach(image: number, canvas: HTMLCanvasElement | null): void {
    if (!canvas) return void this.canvases.delete(image);
    this.canvases.set(image, canvas);
    const latest = this.latest.get(image);
    if (latest) this.draw(image, latest);
  }

  /**
   * A partial for slot `image`, as the model served it. `reportedAt`: when the model client reported it, in
   * the worker.
   */
  paint(image: number, index: number, bytes: Uint8Array, reportedAt?: number): void {
    const arrivedAt = epoch();
    const { current } = this.run;
    this.wanted.set(image, Math.max(index, this.wanted.get(image) ?? -1));
    decodeForSlot(bytes).then(
      (bitmap) => {
        if (!current() || index < (this.wanted.get(image) ?? -1)) return bitmap.close();
        const drawn = {
          bitmap,
          index,
          record: { image, index, bytes: bytes.length, decodeMs: epoch() - arrivedAt, reportedAt, arrivedAt },
        };
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
    const { width, height } = drawingSize(drawn.bitmap);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    canvas.getContext("2d")?.drawImage(drawn.bitmap, 0, 0, width, height);
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
    this.run = this.runs.start();
    for (const drawn of this.latest.values()) drawn.bitmap.close();
    this.latest.clear();
    this.wanted.clear();
  }
}
