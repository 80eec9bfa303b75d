/**
 * Chromium as the layout check's engine (codegen/layout-check): a frame's HTML laid out at its design width in a page
 * of `host`, each layer's box read by `data-node-id` (codegen/fidelity/probe.ts, the probe the score uses), relative to
 * the frame's root element. An element without a layout box (display: none) answers null, as does an id no element
 * carries.
 */
import { probedBoxes, type LayoutEngine } from "../../codegen/layout-check/index.js";
import { probeBoxes } from "../../codegen/fidelity/probe.js";
import { buildSrcdoc } from "../../codegen/preview/html-page.js";
import type { SourceFile } from "../../codegen/types.js";
import { withPage, type PageHost, type PageOptions } from "./browser.js";

/**
 * The page as one document, its stylesheets and assets inlined (codegen/preview/html-page.ts buildSrcdoc: the document
 * the panel's measuring iframe lays out): one request to serve instead of one per file.
 */
function oneDocument(files: SourceFile[], entry: string): SourceFile[] {
  const page = files.find((f) => f.path === entry);
  return page ? [{ path: "index.html", content: buildSrcdoc({ page, files }) }] : files;
}

export function chromiumEngine(host: PageHost, options: PageOptions = {}): LayoutEngine {
  return {
    name: "chromium",
    parallel: true,
    lay: (page) =>
      withPage(
        host,
        oneDocument(page.files(), page.entry),
        "index.html",
        { width: page.width, height: page.height },
        async (loaded) => {
          const probe = await loaded.evaluate(probeBoxes, { rootId: page.rootId, ids: page.ids, boxesOnly: true });
          return probedBoxes(probe, page.ids);
        },
        options,
      ),
  };
}
