/** `figment demo [--out DIR]`: React and HTML for the bundled sample designs. */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCode, loadDesign, modelHint } from "../../codegen/index.js";
import type { CliArgs } from "../common/args.js";
import { readDesign, type Output } from "../common/design-files.js";
import { checkOutDir, writeFilesUnder } from "../common/io.js";
import { DEFAULT_OUT_ROOT } from "../common/out-dir.js";
import { packageFile } from "../package-file.js";

/** The bundled sample designs (real Figma files, see test/fixtures/figma/SOURCES.md). */
export const DEMO_SAMPLES = ["figmasharp-login.file.json", "figma-differ-selfie.nodes.json"];

export async function demoCommand(args: CliArgs, io: Output): Promise<number> {
  const out = args.out ?? DEFAULT_OUT_ROOT;
  await checkOutDir(out);
  const fixtures = fileURLToPath(packageFile("test/fixtures/figma/"));
  for (const sample of DEMO_SAMPLES) {
    const design = loadDesign(await readDesign(join(fixtures, sample), io));
    const name = sample.replace(/\.(file|nodes)\.json$/, "");
    for (const target of ["react", "html"] as const) {
      const result = await generateCode(design.document, { target, styling: "css-modules", nodeIds: false });
      const dir = join(out, name, target);
      const { written } = await writeFilesUnder(dir, result.files);
      const serious = result.problems.filter((p) => p.severity === "error").length;
      io.out(
        `${name} → ${dir}: ${written.length} files ` +
          `(${result.files.map((f) => f.path).join(", ")})${serious ? `, ${serious} errors` : ""}`,
      );
    }
    const hintPath = join(out, name, "hint.txt");
    await writeFilesUnder(join(out, name), [{ path: "hint.txt", content: modelHint(design.document) }]);
    io.out(`${name} → ${hintPath}: model hint`);
  }
  io.out(
    `open ${join(out, DEMO_SAMPLES[0]!.replace(/\.(file|nodes)\.json$/, ""), "html", "index.html")} ` +
      `in a browser to see a result`,
  );
  return 0;
}
