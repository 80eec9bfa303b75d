/** `figment fidelity <design.json>`: how closely figment's own code matches the design, per viewport width. */
import { generateCode, loadDesign } from "../../codegen/index.js";
import type { CliArgs } from "../common/args.js";
import { load, type Output } from "../common/design-files.js";
import type { CodeOptions } from "../../codegen/load.js";
import { checkedOptions, LayoutBrowser } from "../measure/layout-check.js";

export async function fidelityCommand(args: CliArgs, io: Output): Promise<number> {
  const design = await load(args, io);
  const { launchChromium } = await import("../measure/browser.js");
  const { measureFrame } = await import("../measure/responsive-page.js");
  const { fidelityJson, fidelityTable } = await import("./report.js");
  const browser = await launchChromium();
  const shared = LayoutBrowser.of(browser);
  try {
    const frames = [];
    for (const root of design.roots) {
      const single = loadDesign({ document: root }, []);
      // The code measured is the code `figment code` writes: its inferred layout checked in this browser first.
      const base: CodeOptions = { target: "html", styling: "css-modules", nodeIds: true };
      const { options } = await checkedOptions(single.document, base, shared, io);
      const code = await generateCode(single.document, options);
      const frame = root as Parameters<typeof measureFrame>[1]["frame"];
      frames.push(
        await measureFrame(browser, {
          frame,
          files: code.files,
          entry: "index.html",
          ...(args.widths ? { widths: args.widths } : {}),
        }),
      );
    }
    if (args.json) io.out(JSON.stringify(fidelityJson(frames), null, 2));
    else for (const line of fidelityTable(frames)) io.out(line);
    return 0;
  } finally {
    await browser.close();
  }
}
