/**
 * The panel's layout check engine (codegen/layout-check): a frame's HTML laid out at its design width in an offscreen
 * measuring iframe — sandboxed, never same-origin, the page the score measures (measure.ts MeasuringPage) — whose probe
 * answers each layer's box by `data-node-id`. One page per layout; `signal` removes it.
 */
import { probedBoxes, type LayoutEngine } from "../../../codegen/layout-check/index.js";
import { buildSrcdoc } from "../../../codegen/preview/html-page.js";
import { withPageScript } from "../../../codegen/preview/page-script.js";
import { FigmentError } from "../../../kernel/errors.js";
import { MeasuringPage } from "./measure.js";
import { probeRunnerScript } from "./probe-runner.js";

export function previewEngine(signal?: AbortSignal): LayoutEngine {
  return {
    name: "preview",
    // Each layout is a page of its own: the frame as drawn can be laid out beside the first (decide.ts speculate).
    parallel: true,
    lay: async (page) => {
      const files = page.files();
      const entry = files.find((f) => f.path === page.entry);
      if (!entry) throw new FigmentError("internal", `the layout check's page has no ${page.entry}`);
      const html = withPageScript(buildSrcdoc({ page: entry, files }), probeRunnerScript());
      const measuring = new MeasuringPage(html, page.width, page.height, signal ?? new AbortController().signal);
      try {
        const answer = await measuring.ask(page.width, page.height, {
          texts: { texts: [] },
          boxes: { rootId: page.rootId, ids: page.ids, boxesOnly: true },
        });
        const probe = answer.boxes;
        if (!probe || probe.elements.length !== page.ids.length)
          throw new FigmentError("internal", "the preview answered for other layers than those asked for");
        return probedBoxes(probe, page.ids);
      } finally {
        measuring.close();
      }
    },
  };
}
