/**
 * `figment hints <design.json>`: the compact design hint a model is sent; with --assets DIR, the files it names (so
 * that `figment code --from-hint` makes the design's code from the two).
 */
import type { DesignDocument } from "../../codegen/design/types.js";
import { laidDocument } from "../../codegen/hint/model.js";
import { printHint } from "../../codegen/hint/print.js";
import type { CliArgs } from "../common/args.js";
import { codeOptions, load, type Output, type RunContext } from "../common/design-files.js";
import { withPageGroups } from "../common/page-groups.js";
import { INDEX_FILE, writeHintAssets } from "../common/hint-assets.js";
import { stopIfAborted } from "../../kernel/cancelled.js";
import { checkedOptions, LayoutBrowser } from "../measure/layout-check.js";

export async function hintsCommand(args: CliArgs, io: Output, context: RunContext = {}): Promise<number> {
  await printedHint(args, io, context);
  return 0;
}

/**
 * Prints the hint (as `figment hints`) and returns the laid document it was printed from (codegen/hint/model.ts
 * laidDocument), which get_design_hint's sections cut.
 */
export async function printedHint(args: CliArgs, io: Output, context: RunContext = {}): Promise<DesignDocument> {
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
    const laid = laidDocument(design.document, layout, checked.options.layoutDecisions);
    io.out(printHint(laid).trimEnd());
    if (args.assets !== undefined) {
      const written = await writeHintAssets(design.document, args.assets);
      const tokens = written.tokens ? " (with the design tokens)" : "";
      io.err(
        `wrote ${written.svgs} SVG and ${written.images} image files, and ${INDEX_FILE}${tokens}, to ${args.assets}`,
      );
    }
    return laid;
  } finally {
    await browser.close();
  }
}
