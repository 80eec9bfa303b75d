/**
 * `figment hints <design.json>`: the compact design hint a model is sent; with --assets DIR, the files it names (so
 * that `figment code --from-hint` makes the design's code from the two).
 */
import { modelHint } from "../../codegen/index.js";
import type { CliArgs } from "../common/args.js";
import { codeOptions, load, type Output, type RunContext } from "../common/design-files.js";
import { withPageGroups } from "../common/page-groups.js";
import { INDEX_FILE, writeHintAssets } from "../common/hint-assets.js";
import { stopIfAborted } from "../../kernel/cancelled.js";
import { checkedOptions, LayoutBrowser } from "../measure/layout-check.js";

export async function hintsCommand(args: CliArgs, io: Output, context: RunContext = {}): Promise<number> {
  // A page drawn at several widths is one page of the hint, as of the code (cli/common/page-groups.ts).
  const design = withPageGroups(await load(args, io), args, io);
  const layout = args.exactLayout ? "exact" : "responsive";
  // The hint describes the layout the code has: inferred, then checked at the design width (in Chromium when present).
  const browser = new LayoutBrowser(context.chromium);
  try {
    context.progress?.(0, 1, "checking the inferred layout");
    const options = { ...codeOptions(args), layout } as const;
    const checked = await checkedOptions(design.document, options, browser, io, context.signal);
    stopIfAborted(context.signal, "cancelled; nothing was printed");
    context.progress?.(1, 1, "layout checked");
    io.out(modelHint(design.document, layout, checked.options.layoutDecisions).trimEnd());
    if (args.assets !== undefined) {
      const written = await writeHintAssets(design.document, args.assets);
      const tokens = written.tokens ? " (with the design tokens)" : "";
      io.err(
        `wrote ${written.svgs} SVG and ${written.images} image files, and ${INDEX_FILE}${tokens}, to ${args.assets}`,
      );
    }
  } finally {
    await browser.close();
  }
  return 0;
}
