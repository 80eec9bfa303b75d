/** `figment demo [--out DIR]`: React and HTML for the bundled sample designs. */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCode, loadDesign, modelHint } from "../../codegen/index.js";
import type { CliArgs } from "../common/args.js";
import { readDesign, type Output } from "../common/design-files.js";
import { checkOutDir, writeFilesUnder } from "../common/io.js";
import { DEFAULT_OUT_ROOT } from "../common/out-dir.js";
import { packageFile } from "../package-file.js";
import { checkedOptions, LayoutBrowser } from "../measure/layout-check.js";

/** The bundled sample designs (real Figma files, see test/fixtures/figma/SOURCES.md). */
export const DEMO_SAMPLES = ["figmasharp-login.file.json", "figma-differ-selfie.nodes.json"];

export async function demoCommand(args: CliArgs, io: Output): Promise<number> {
  const out = args.out ?? DEFAULT_OUT_ROOT;
  await checkOutDir(out);
  const fixtures = fileURLToPath(packageFile("test/fixtures/figma/"));
  const browser = new LayoutBrowser();
  try {
    for (const sample of DEMO_SAMPLES) await demoSample(join(fixtures, sample), sample, out, browser, io);
  } finally {
    await browser.close();
  }
  io.out(
    `open ${join(out, DEMO_SAMPLES[0]!.replace(/\.(file|nodes)\.json$/, ""), "html", "index.html")} ` +
      `in a browser to see a result`,
  );
  return 0;
}

/** One sample's React, HTML and hint, its layout checked as `figment code` checks it. */
async function demoSample(
  path: string,
  sample: string,
  out: string,
  browser: LayoutBrowser,
  io: Output,
): Promise<void> {
  const design = loadDesign(await readDesign(path, io));
  const name = sample.replace(/\.(file|nodes)\.json$/, "");
  const base = { target: "html" as const, styling: "css-modules" as const, nodeIds: false };
  const { options } = await checkedOptions(design.document, base, browser, io);
  for (const target of ["react", "html"] as const) {
    const result = await generateCode(design.document, { ...options, target });
    const dir = join(out, name, target);
    const { written } = await writeFilesUnder(dir, result.files);
    const serious = result.problems.filter((p) => p.severity === "error").length;
    io.out(
      `${name} → ${dir}: ${written.length} files ` +
        `(${result.files.map((f) => f.path).join(", ")})${serious ? `, ${serious} errors` : ""}`,
    );
  }
  const hintPath = join(out, name, "hint.txt");
  const hint = modelHint(design.document, "responsive", options.layoutDecisions);
  await writeFilesUnder(join(out, name), [{ path: "hint.txt", content: hint }]);
  io.out(`${name} → ${hintPath}: model hint`);
}
