/** What `figment fidelity` prints: a compact table per frame, or JSON with the figures per width. */
import type { FrameReport } from "../measure/responsive-page.js";

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
const pad = (text: string, width: number): string => text.padStart(width);

/** The JSON reply: per frame today's IoU figures, the time taken and the figures per viewport width. */
export function fidelityJson(frames: FrameReport[]): unknown {
  return {
    frames: frames.map(
      ({ id, name, meanIoU, matched, textCoverage, absoluteInAutoLayout, overflowAt80, ms, widths }) => ({
        id,
        name,
        meanIoU,
        matched,
        textCoverage,
        absoluteInAutoLayout,
        overflowAt80,
        ms: Math.round(ms),
        widths,
      }),
    ),
  };
}

/** Lines of the human report: one line of design-width figures per frame, then a row per width. */
export function fidelityTable(frames: FrameReport[]): string[] {
  const lines: string[] = [];
  for (const f of frames) {
    lines.push(
      `${f.id}  ${f.name.replace(/\s+/g, " ")}  ${Math.round(f.width)}×${Math.round(f.height)}  ` +
        `IoU ${f.meanIoU.toFixed(3)}  matched ${pct(f.matched)}` +
        `  text ${pct(f.textCoverage)}  abs-in-auto-layout ${pct(f.absoluteInAutoLayout)}  ` +
        `overflow@80% ${f.overflowAt80 ? "yes" : "no"}  (${(f.ms / 1000).toFixed(1)} s)`,
    );
    lines.push(
      "   width  overflow  text seen  cut off  covered  illegible  too small  missing  blank below  overlapping pairs",
    );
    for (const w of f.widths) {
      const over = w.overflow ? `+${Math.round(w.overflowPx)}px` : "none";
      const blank = w.blankBelowPx > 0 ? `${w.blankBelowPx}px` : "none";
      const cells = [
        pad(String(w.width), 8),
        pad(over, 9),
        pad(pct(w.textVisible), 10),
        pad(pct(w.textClipped), 8),
        pad(pct(w.textCovered), 8),
        pad(pct(w.textIllegible), 10),
        pad(pct(w.textTooSmall), 10),
        pad(pct(w.textMissing), 8),
        pad(blank, 12),
      ];
      lines.push(
        `${cells.join(" ")}  ${w.overlappingPairs}${w.placement ? `  (${w.placement.replace("-", " ")})` : ""}`,
      );
    }
  }
  lines.push(
    "text: share of the design's text area a reader sees at each width, and why the rest is not seen (cut " +
      "off by a clip, the viewport, an ellipsis or a word broken across lines; covered by another layer; " +
      "contrast under 3:1 or the design's own; under 12 px where the design had 14 px or more; missing)",
  );
  return lines;
}
