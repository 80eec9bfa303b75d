/** `figment fidelity <design.json>`: how closely figment's own code matches the design, per viewport width. */
import { generateCode, loadDesign } from "../../codegen/index.js";
import type { CliArgs } from "../common/args.js";
import { load, type Output } from "../common/design-files.js";

export async function fidelityCommand(args: CliArgs, io: Output): Promise<number> {
  const design = await load(args, io);
  const { launchChromium } = await import("../measure/browser.js");
  const { measureFrame } = await import("../measure/responsive-page.js");
  const { fidelityJson, fidelityTable } = await import("./report.js");
  const browser = await launchChromium();
  try {
    const frames = [];
    for (const root of design.roots) {
      const single = loadDesign({ document: root }, []);
      const code = await generateCode(single.document, { target: "html", styling: "css-modules", nodeIds: true });
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
