/** `figment hints <design.json>`: the compact design hint a model is sent. */
import { modelHint } from "../../codegen/index.js";
import type { CliArgs } from "../common/args.js";
import { codeOptions, load, type Output } from "../common/design-files.js";
import { checkedOptions, LayoutBrowser } from "../measure/layout-check.js";

export async function hintsCommand(args: CliArgs, io: Output): Promise<number> {
  const design = await load(args, io);
  const layout = args.exactLayout ? "exact" : "responsive";
  // The hint describes the layout the code has: inferred, then checked at the design width (in Chromium when present).
  const browser = new LayoutBrowser();
  try {
    const { options } = await checkedOptions(design.document, { ...codeOptions(args), layout }, browser, io);
    io.out(modelHint(design.document, layout, options.layoutDecisions).trimEnd());
  } finally {
    await browser.close();
  }
  return 0;
}
