/** Where the Code panel's "Draft · formatting…" pill sits against the code (issue 40: it covered lines of it). */
import type { Frame } from "playwright-core";

/** Lines of code (by number) that the "Draft · …" pill covers, even by a pixel; none when there is no pill. */
export const linesUnderPill = (ui: Frame): Promise<number[]> =>
  ui.evaluate<number[]>(
    `(() => {
    const pill = document.querySelector(".results__stage");
    if (!pill) return [];
    const p = pill.getBoundingClientRect();
    const view = document.querySelector(".code").getBoundingClientRect();
    return [...document.querySelectorAll(".code__line")].map((line, i) => [line.getBoundingClientRect(), i + ` +
      `1]).filter(([r]) =>
      r.height > 0 && r.bottom > view.top && r.top < view.bottom && r.left < p.right && p.left < r.right && r.top < ` +
      `p.bottom && p.top < r.bottom).map(([, n]) => n);
  })()`,
  );
